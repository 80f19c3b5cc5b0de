// SPDX-License-Identifier: MIT
// LpiDevice: a test MSI device over the GICv3 DirectLPI domain, for the lpi
// scenario and the e2e/contract tests.
//
// It has its own per-device MSI domain (parent = gic_v3_lpi_domain(), the
// parent a device tree `msi-parent = <&gic>` names) whose chip stores each
// message the driver writes, as a device's message registers would.  fire(i)
// then does what the device does: the CPU bus master writes the message data
// (+ i - base for a Multi-MSI block) to the message address (the target
// redistributor's GICR_SETLPIR), and the event is booked on the scoreboard
// for the CPUs the driver's effective affinity names.
//
//   LpiDevice dev(session, "lpi-dev0");
//   dev.alloc(64);                 // 64 vectors (indices 0..63)
//   dev.request(5, 2);             // request_irq + affinity to CPU 2
//   dev.fire(5);                   // SETLPIR write of the LPI's INTID
//   session.drain(20000);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

extern "C" {
#include <linux/device.h>
#include <linux/msi.h>
}

#include "soc_session.h"

namespace irqsim {

class LpiDevice {
public:
    struct Vector {
        LpiDevice* owner = nullptr;
        unsigned index = 0;
        unsigned virq = 0;
        bool requested = false;
        bool disabled = false;
        bool held = false;  // fired while disabled: the LPI stays pending in the RD
        uint64_t handled = 0;
        std::string name;
    };

    // multi_msi: alloc(n) gets one power-of-two block of consecutive LPIs
    LpiDevice(SocSession& s, const std::string& name, bool multi_msi = false);
    ~LpiDevice();
    LpiDevice(const LpiDevice&) = delete;
    LpiDevice& operator=(const LpiDevice&) = delete;

    // false (with the reason in error()) when the SoC has no DirectLPI domain
    bool ok() const { return ok_; }
    const std::string& error() const { return error_; }

    // vectors for indices [first, first + n); 0 or the MSI layer's -errno
    int alloc(unsigned n, unsigned first = 0);
    // free every vector (free_irq first)
    void free_all();
    // request_irq for index i; cpu >= 0 also sets the affinity to that CPU
    int request(unsigned i, int cpu = -1);
    int release(unsigned i);
    // irq_set_affinity; outstanding events may land on the old or the new CPU
    int set_affinity(unsigned i, unsigned cpu);
    // disable_irq / enable_irq, the scoreboard told (an LPI fired meanwhile is kept and arrives once)
    void disable(unsigned i);
    void enable(unsigned i);
    // the device signals vector i: SETLPIR write through the CPU bus master; booked if expected
    // Return: 0, -EINVAL (no vector / no message), -EIO (bus error)
    int fire(unsigned i, bool expect = true);
    // the raw write a device would do, without booking (contract tests)
    int write_message(unsigned i);

    unsigned virq(unsigned i) const;
    uint32_t intid(unsigned i) const;   // the LPI's INTID (hwirq in the DirectLPI domain)
    unsigned target(unsigned i) const;  // its effective CPU
    // its delivery: the SETLPIR write reaching the target's redistributor, irq line, IAR, handler
    std::vector<HopStep> hops(unsigned i) const;
    msi_msg message(unsigned i) const;  // what vector i writes (data already + i - base)
    uint64_t handled(unsigned i) const { return vec(i).handled; }
    struct device* dev() { return &dev_; }
    SocSession& session() { return s_; }

private:
    Vector& vec(unsigned i);
    const Vector& vec(unsigned i) const;
    static void write_msg(struct irq_data* d, struct msi_msg* msg);
    friend int lpi_vector_handler(int irq, void* ctx);

    SocSession& s_;
    std::string name_;
    bool multi_;
    bool ok_ = false;
    std::string error_;
    struct device dev_ {};
    struct irq_chip chip_ {};
    struct msi_domain_info info_ {};
    std::map<unsigned, msi_msg> msgs_;  // by descriptor index (block base)
    std::map<unsigned, std::unique_ptr<Vector>> vecs_;
};

}  // namespace irqsim
