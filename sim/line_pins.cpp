// SPDX-License-Identifier: MIT
#include "line_pins.h"

namespace irqsim {

LinePins::LinePins(SocModel& m) : m_(m), port_(m.pins().line_in)
{
    n_ = port_.bits < kMaxLines ? port_.bits : kMaxLines;
    drive();
    m_.add_agent(this);
}

LinePins::~LinePins() { m_.remove_agent(this); }

// A rise of a low line is an edge a fault may swallow or double (sim/fault.h).
bool LinePins::edge_passes(unsigned line, bool* twice)
{
    *twice = false;
    if (__builtin_expect(!faults_ || !faults_->lines_armed(), 1) || get(line))
        return true;
    return faults_->line_edge(line, twice);
}

void LinePins::set(unsigned line, bool level)
{
    if (line >= n_)
        return;
    bool twice;  // a level rises once: a duplicate merges with it
    if (level && !edge_passes(line, &twice))
        return;
    uint64_t b = 1ull << line;
    levels_ = level ? (levels_ | b) : (levels_ & ~b);
    pulsing_ &= ~b;
    again_ &= ~b;
    drive();
}

void LinePins::pulse(unsigned line, unsigned width)
{
    if (line >= n_)
        return;
    bool twice = false;
    if (!edge_passes(line, &twice))
        return;
    uint64_t b = 1ull << line;
    levels_ |= b;
    drive();
    pulsing_ |= b;
    left_[line] = width ? width : 1;
    width_[line] = left_[line];
    if (twice)
        again_ |= b;
}

void LinePins::post_edge(uint64_t)
{
    if (__builtin_expect(!pulsing_ && !restart_, 1))
        return;
    for (uint64_t m = pulsing_; m; m &= m - 1) {
        unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
        if (--left_[k] == 0) {
            uint64_t b = 1ull << k;
            pulsing_ &= ~b;
            levels_ &= ~b;
            if (again_ & b) {  // duplicated: low for one edge, then the same pulse again
                again_ &= ~b;
                next_restart_ |= b;
            }
        }
    }
    for (uint64_t m = restart_; m; m &= m - 1) {
        unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
        levels_ |= 1ull << k;
        pulsing_ |= 1ull << k;
        left_[k] = width_[k];
    }
    restart_ = next_restart_;
    next_restart_ = 0;
    drive();
}

}  // namespace irqsim
