// SPDX-License-Identifier: MIT
// LinePins: the plain device lines line_in[k] (SPI INTID 32 + k).  set() changes a
// level now (seen by the RTL at the next rising edge); pulse() raises a line for
// `width` cycles and lowers it again by itself, as a clock agent.
#pragma once

#include "fault.h"
#include "soc_model.h"

#include <cstdint>

namespace irqsim {

class LinePins final : public ClockAgent {
public:
    static constexpr unsigned kMaxLines = 64;

    explicit LinePins(SocModel& m);
    ~LinePins() override;

    unsigned count() const { return n_; }
    void set(unsigned line, bool level);
    bool get(unsigned line) const { return line < n_ && ((levels_ >> line) & 1); }
    void pulse(unsigned line, unsigned width = 1);
    uint64_t levels() const { return levels_; }
    // SPI INTID of a line
    static unsigned intid(unsigned line) { return 32 + line; }

    void post_edge(uint64_t cycle) override;
    // fault injection (sim/fault.h): rises that are swallowed or pulsed twice
    void set_faults(Faults* f) { faults_ = f; }

private:
    bool edge_passes(unsigned line, bool* twice);
    void drive() { port_.set_value(levels_); }

    SocModel& m_;
    PortRef port_;
    unsigned n_;
    uint64_t levels_ = 0;
    uint64_t pulsing_ = 0;
    uint32_t left_[kMaxLines] = {};
    uint32_t width_[kMaxLines] = {};
    uint64_t again_ = 0, restart_ = 0, next_restart_ = 0;  // duplicated pulses
    Faults* faults_ = nullptr;
};

}  // namespace irqsim
