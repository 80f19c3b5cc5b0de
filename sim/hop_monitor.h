// SPDX-License-Identifier: MIT
// HopMonitor: the hops of every interrupt delivery, with the cycle each happened.
//
// Sampled every cycle after the rising edge (line_in: just before it, as the RTL
// sees it) by a clock agent, cheaply: each watched
// port is compared with its previous value as a block of bytes and nothing else
// happens unless it changed.  Watched ports:
//   LineIn        line_in[k]                 id = SPI INTID 32 + k, pe = -1
//   SpiPending    mon_spi_pending[k]         id = 32 + k,           pe = -1
//   SpiActive     mon_spi_active[k]          id = 32 + k,           pe = -1
//   SgiPpiPending mon_sgippi_pending[32p+i]  id = i (0..31),        pe = p
//   IrqOut        irq_out[p]                 id = 0,                pe = p
//   VintOut       mon_vint_out[v]            id = INTA VINT v,      pe = -1
//   IntrOut       mon_intr_out[n]            id = INTR output n (SPI INTID 64 + n), pe = -1
// Both edges are recorded (level 1 = set / rising, 0 = cleared / falling).
// IoBackend adds the CPU-interface hops (all level 1):
//   Iar   ICC_IAR1 read      id = INTID returned (1023 = none), pe = cpu
//   Eoir  ICC_EOIR1 write    id = INTID written,                pe = cpu
//   Dir   ICC_DIR write      id = INTID written,                pe = cpu
//   Sgi1r ICC_SGI1R write    id = SGI INTID, data = the whole value, pe = sending cpu
// Faults (sim/fault.h) adds SetLpir: a GICR_SETLPIR write answered by the redistributor,
// id = INTID, pe = the redistributor's PE.
// and anyone may record() others (Handler: the scoreboard's handler entries).
//
// Queries: first(kind, id, pe, after) = the first hop of that kind and id (pe -1:
// any PE) at a cycle >= after, with level 1 unless asked otherwise.
// set_enabled(false) makes the per-cycle sample a single branch.  Memory is
// bounded: each kind keeps its most recent kKeep..2*kKeep events.
#pragma once

#include "soc_model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace irqsim {

enum class Hop : uint8_t {
    LineIn,
    SpiPending,
    SpiActive,
    SgiPpiPending,
    IrqOut,
    Iar,
    Eoir,
    Dir,
    Sgi1r,
    Handler,
    VintOut,
    IntrOut,  // TI path (appended)
    SetLpir,  // a GICR_SETLPIR write reached the redistributor (id = INTID, pe = its PE)
    Count
};
const char* hop_name(Hop h);

struct HopEvent {
    uint64_t cycle;
    uint64_t data;
    uint32_t id;
    int16_t pe;  // -1: not per PE
    Hop kind;
    uint8_t level;
};

class HopMonitor final : public ClockAgent {
public:
    explicit HopMonitor(SocModel& m, bool enabled = true);
    ~HopMonitor() override;

    void set_enabled(bool on);
    bool enabled() const { return enabled_; }

    // recorded at the current cycle of the model
    void record(Hop kind, uint32_t id, int pe, uint8_t level = 1, uint64_t data = 0);

    std::optional<HopEvent> first(Hop kind, uint32_t id, int pe = -1, uint64_t after_cycle = 0,
                                  uint8_t level = 1) const;
    size_t count(Hop kind, uint32_t id, int pe = -1, uint64_t after_cycle = 0, uint8_t level = 1) const;
    const std::vector<HopEvent>& events(Hop kind) const { return ev_[static_cast<unsigned>(kind)]; }
    size_t total() const;
    // events of one kind kept at most (about twice this before trimming)
    static constexpr size_t kKeep = size_t(1) << 17;
    // events dropped from the oldest history so far
    uint64_t dropped() const { return dropped_; }
    void clear();
    std::string dump(size_t max_lines = 200) const;

    void pre_edge() override;
    void post_edge(uint64_t cycle) override;

private:
    struct Watch {
        PortRef port;
        std::vector<uint8_t> prev;
        Hop kind;
        unsigned id_base;  // id of bit 0
        unsigned per_pe;   // bits per PE (0: not per PE)
        // an input the harness drives between edges: sampled before the edge that
        // takes it, so a one-cycle pulse is seen even when its driver lowers it
        // again in its own post_edge
        bool input = false;
    };
    void resync();
    void bound(std::vector<HopEvent>& v);
    uint64_t dropped_ = 0;
    void diff(Watch& w, uint64_t cycle);

    SocModel& m_;
    bool enabled_;
    std::vector<Watch> watches_;  // inputs first
    size_t first_output_ = 0;
    std::vector<HopEvent> ev_[static_cast<unsigned>(Hop::Count)];
};

}  // namespace irqsim
