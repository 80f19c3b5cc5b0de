// SPDX-License-Identifier: MIT
#include "platform.h"

#include <linux/cpumask.h>
#include <linux/irqsim_arch.h>

#include <cstdio>

namespace irqsim {

Platform::Platform(SocModel& m) : m_(m)
{
    ncpus_ = m.params().num_cpus;
    has_coproc_ = m.params().has_coproc;
    cpu_mask_ = ncpus_ >= 64 ? ~0ull : (1ull << ncpus_) - 1;
    enabled_ = cpu_mask_;
    entries_.assign(ncpus_, 0);
    m_.add_agent(this);
}

Platform::~Platform() { m_.remove_agent(this); }

void Platform::boot(unsigned reset_cycles)
{
    irqsim_set_nr_cpus(ncpus_ + (has_coproc_ ? 1 : 0));
    irqsim_set_this_cpu(0);
    m_.reset(reset_cycles);
    enabled_ = cpu_mask_;
    for (auto& e : entries_)
        e = 0;
    no_entry_ = 0;
    coproc_edges_ = 0;
    coproc_prev_ = has_coproc_ && irq_line(ncpus_);
}

int Platform::start_cpu(unsigned cpu)
{
    if (cpu >= ncpus_) {
        std::fprintf(stderr, "irqsim: start_cpu(%u): only CPUs 0..%u run driver code\n", cpu, ncpus_ - 1);
        return -EINVAL;
    }
    in_driver_ = true;
    int ret = irqsim_arch_cpu_starting(cpu);
    in_driver_ = false;
    return ret;
}

int Platform::start_cpus()
{
    for (unsigned c = 0; c < ncpus_; c++) {
        int ret = start_cpu(c);
        if (ret)
            return ret;
    }
    return 0;
}

void Platform::set_irqs_enabled(unsigned cpu, bool on)
{
    if (cpu >= ncpus_)
        return;
    enabled_ = on ? (enabled_ | (1ull << cpu)) : (enabled_ & ~(1ull << cpu));
}

uint64_t Platform::irq_entries_total() const
{
    uint64_t n = 0;
    for (auto e : entries_)
        n += e;
    return n;
}

void Platform::post_edge(uint64_t)
{
    if (!has_coproc_)
        return;
    bool now = irq_line(ncpus_);
    coproc_edges_ += now && !coproc_prev_;
    coproc_prev_ = now;
}

void Platform::dispatch(uint64_t pending)
{
    // round-robin: the first candidate after the CPU entered last
    unsigned cpu = rr_;
    for (unsigned i = 1; i <= ncpus_; i++) {
        unsigned c = (rr_ + i) % ncpus_;
        if ((pending >> c) & 1) {
            cpu = c;
            break;
        }
    }
    rr_ = cpu;
    unsigned prev = smp_processor_id();
    in_driver_ = true;
    irqsim_set_this_cpu(cpu);
    int ret = irqsim_arch_handle_irq();
    irqsim_set_this_cpu(prev);
    in_driver_ = false;
    if (ret) {
        if (!no_entry_++)
            std::fprintf(
                stderr,
                "irqsim: cycle %llu: irq_out[%u] is high but no root irqchip installed an IRQ entry\n",
                (unsigned long long)m_.cycle(), cpu);
        return;
    }
    ++entries_[cpu];
}

void Platform::step()
{
    m_.tick();
    if (in_driver_)
        return;
    uint64_t pending = m_.pins().irq_out.value() & enabled_;
    if (__builtin_expect(pending != 0, 0))
        dispatch(pending);
}

uint64_t Platform::run(uint64_t cycles)
{
    uint64_t start = m_.cycle(), end = start + cycles;
    while (m_.cycle() < end && !m_.failed())
        step();
    return m_.cycle() - start;
}

}  // namespace irqsim
