// SPDX-License-Identifier: MIT
// FabricCoverageProbe: what a booted SoC contributes to the functional coverage
// model (tb/coverage/functional_coverage.h).  SocSession owns one when coverage
// is collected (IRQSIM_FCOV_DIR set) and feeds it handler entries, every
// register access (through the bus log's observer) and MSI allocations.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bus_log.h"
#include "hop_monitor.h"

namespace irqsim {

class FabricCoverageProbe {
public:
    FabricCoverageProbe(HopMonitor& hops, unsigned cpus, bool split_eoi, uint32_t gicr_base,
                        uint32_t gicr_stride);

    // a handler ran for virq on cpu: delivery/<path>/<trigger>/cpu<N>/eoimode<M>
    void on_handler(unsigned virq, unsigned cpu);
    // every CPU access, MMIO or system register
    void on_access(const BusLogEntry& e);
    // an MSI vector allocated (alloc) or freed while `in_flight` events were outstanding
    void on_msi_change(bool alloc, size_t in_flight);
    // at the end of the session: what only the hop history shows (VINTs used)
    void finish();

    // "spi", "dma-ring", "ims-lpi", ... for virq; "" if it is not mapped
    static std::string path_of(unsigned virq);

private:
    struct PeState {
        std::vector<uint32_t> active;  // acknowledged, priority not yet dropped
        uint64_t pmr_raised_at = 0;    // PMR written below the idle value
        uint64_t pmr_lowered_at = 0;   // and written back up afterwards
    };
    void on_ack(unsigned pe, uint32_t intid, uint64_t cycle);

    HopMonitor& hops_;
    unsigned cpus_;
    bool split_eoi_;
    uint32_t gicr_base_, gicr_stride_;
    std::vector<PeState> pe_;
};

}  // namespace irqsim
