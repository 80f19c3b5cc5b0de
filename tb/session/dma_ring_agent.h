// SPDX-License-Identifier: MIT
// DmaRingAgent: the DMA-ring device's channels as the harness drives them, written
// once for every platform (SocSession, the SystemC CpuCluster).  It requests and
// releases a ring's channel through the driver, posts descriptors with their
// completions booked on the scoreboard, and its handler reads how far the ring got
// (COMPLETED) and answers exactly the completions it observed.  The platform
// supplies time, the scoreboard, where a VINT's handler may run and the firmware's
// event map (DmaRingHost); it calls the agent as a CPU (the driver calls run there).
#pragma once

#include "scoreboard.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct dma_ring_device;

namespace irqsim {

class DmaRingAgent;

struct RingChannel {
    DmaRingAgent* agent = nullptr;
    unsigned ring = 0;
    unsigned virq = 0;  // the channel's INTA-MSI vector, 0 = no channel
    unsigned vint = 0;  // its INTA VINT (from the firmware's event map)
    bool active = false;
    uint32_t seen = 0;        // COMPLETED as a handler last read it
    uint64_t posted = 0;      // descriptors posted while the channel was active
    uint64_t observed = 0;    // completions handlers observed
    uint64_t handled = 0;     // handler runs
    uint64_t empty_runs = 0;  // runs that found nothing new (an earlier run read it)
    std::string name;
};

class DmaRingHost {
public:
    virtual ~DmaRingHost() = default;
    virtual uint64_t now() const = 0;
    virtual Scoreboard& scoreboard() = 0;
    // the CPUs a handler of the channel on `vint` may run on (all when inactive)
    virtual CpuSet channel_cpus(const RingChannel& rc) const = 0;
    // the VINT the firmware mapped ring r's event to (after its channel was requested)
    virtual unsigned ring_vint(unsigned ring) const = 0;
    // coverage hooks (optional)
    virtual void on_ring_handler(unsigned /*virq*/) {}
    virtual void on_channel_change(bool /*requested*/) {}
};

class DmaRingAgent {
public:
    DmaRingAgent(DmaRingHost& host, dma_ring_device* dev);
    DmaRingAgent(const DmaRingAgent&) = delete;
    DmaRingAgent& operator=(const DmaRingAgent&) = delete;

    unsigned count() const { return static_cast<unsigned>(rings_.size()); }
    RingChannel& ring(unsigned r) { return *rings_.at(r); }
    const RingChannel& ring(unsigned r) const { return *rings_.at(r); }

    // Driver calls: run them as a CPU.
    // 0; -EBUSY (active), -EAGAIN (descriptors of an earlier channel pending), or the driver's errno
    int request(unsigned r);
    // 0 or the driver's errno; -EINVAL without a channel.  The scoreboard stops expecting it first.
    int release(unsigned r);
    // post n descriptors; with a channel, n completions are booked first (they may coalesce)
    int post(unsigned r, unsigned n);

    // the channel's handler (ctx: its RingChannel); public for the C handler that calls it
    static void on_irq(int irq, void* ctx);

private:
    DmaRingHost& host_;
    dma_ring_device* dev_;
    std::vector<std::unique_ptr<RingChannel>> rings_;
};

}  // namespace irqsim
