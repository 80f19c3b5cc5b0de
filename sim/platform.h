// SPDX-License-Identifier: MIT
// Platform: the CPUs that run driver code, and the loop that runs the SoC.
//
// CPUs 0..num_cpus()-1 are host contexts for the driver.  The coprocessor PE (when
// the SoC has one) is CPU index num_cpus(): it is a *possible* CPU for the driver
// (irqsim_set_nr_cpus(num_cpus() + 1), so IPIs can be reserved for it) but it is
// never brought online and never runs driver code; its irq_out rising edges are
// only counted (coproc_irq_edges()).
//
// run(cycles): tick; after each tick, if some CPU's irq_out is high, its interrupts
// are enabled and no driver code is running, enter the driver's IRQ entry as that
// CPU (irqsim_set_this_cpu(n); irqsim_arch_handle_irq()).  Candidates are taken
// round-robin, one entry per tick.  While driver code runs its bus accesses advance
// time for the whole SoC but never re-enter: one CPU runs driver code at a time and
// the other CPUs' handlers wait their turn.
#pragma once

#include "soc_model.h"

#include <linux/irqsim_base.h>

#include <cstdint>
#include <vector>

namespace irqsim {

class Platform final : public ClockAgent {
public:
    explicit Platform(SocModel& m);
    ~Platform() override;

    unsigned num_cpus() const { return ncpus_; }
    bool has_coproc() const { return has_coproc_; }
    unsigned coproc_cpu() const { return ncpus_; }  // valid when has_coproc()

    // nr_cpus for the driver (CPUs + coprocessor), SoC reset, interrupts enabled
    // on every CPU, counters cleared.  Driver state itself is not reset
    // (irqsim_core_reset() is the caller's business).
    void boot(unsigned reset_cycles = 4);
    // run the driver's CPU start-up callbacks on one / every CPU (not the coprocessor);
    // returns the first error
    int start_cpu(unsigned cpu);
    int start_cpus();

    void set_irqs_enabled(unsigned cpu, bool on);
    bool irqs_enabled(unsigned cpu) const { return cpu < ncpus_ && ((enabled_ >> cpu) & 1); }
    bool in_driver() const { return in_driver_; }

    // one tick, then at most one IRQ entry
    void step();
    // run for `cycles` cycles (IRQ entries' bus accesses count); stops early if the
    // model failed.  Returns the cycles that passed.
    uint64_t run(uint64_t cycles);
    // run until pred() (checked before every step) or max_cycles passed; returns pred()
    template <class Pred>
    bool run_until(Pred&& pred, uint64_t max_cycles)
    {
        uint64_t end = m_.cycle() + max_cycles;
        while (m_.cycle() < end && !m_.failed()) {
            if (pred())
                return true;
            step();
        }
        return pred();
    }

    // as the given CPU, call fn() (driver code outside an interrupt, e.g. request_irq
    // on CPU 2); restores the previous current CPU
    template <class Fn>
    auto as_cpu(unsigned cpu, Fn&& fn)
    {
        struct Restore {
            unsigned prev;
            ~Restore() { irqsim_set_this_cpu(prev); }
        } r{smp_processor_id()};
        irqsim_set_this_cpu(cpu);
        return fn();
    }

    uint64_t irq_entries(unsigned cpu) const { return cpu < ncpus_ ? entries_[cpu] : 0; }
    uint64_t irq_entries_total() const;
    // entries attempted while no root irqchip had installed an IRQ entry
    uint64_t missing_entry() const { return no_entry_; }
    uint64_t coproc_irq_edges() const { return coproc_edges_; }
    bool irq_line(unsigned pe) const { return m_.pins().irq_out.bit(pe); }

    void post_edge(uint64_t cycle) override;

private:
    void dispatch(uint64_t pending);

    SocModel& m_;
    unsigned ncpus_;
    bool has_coproc_;
    uint64_t cpu_mask_;
    uint64_t enabled_ = 0;
    bool in_driver_ = false;
    unsigned rr_ = 0;
    std::vector<uint64_t> entries_;
    uint64_t no_entry_ = 0;
    bool coproc_prev_ = false;
    uint64_t coproc_edges_ = 0;
};

}  // namespace irqsim
