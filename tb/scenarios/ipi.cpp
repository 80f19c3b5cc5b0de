// SPDX-License-Identifier: MIT
//
// ipi: one IPI reserved on the GICv3 IPI domain (SGIs) for all application
// CPUs with irq_reserve_ipi, requested per CPU, then sent from random CPUs to
// random masks (self only, all, anything between) with ipi_send_mask.  Each
// target must take exactly one interrupt per send and nobody else any.
#include <random>

extern "C" {
#include <linux/interrupt.h>
#include <linux/irqchip/arm-gic-v3.h>
}

#include "soc_common.h"

namespace irqsim {

static irqreturn_t ipi_handler(int irq, void* dev_id)
{
    static_cast<SocSession*>(dev_id)->handler_entry(static_cast<unsigned>(irq));
    return IRQ_HANDLED;
}

RunResult run_ipi(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    SocSession s(session_config(cfg));
    if (!boot_or_fail(s, r))
        return r;
    Platform& p = s.sim().platform();
    struct cpumask all;
    cpumask_clear(&all);
    for (unsigned c = 0; c < s.cpus(); c++)
        cpumask_set_cpu(c, &all);
    int virq = p.as_cpu(0, [&] { return irq_reserve_ipi(gic_v3_ipi_domain(), &all); });
    if (virq <= 0) {
        r.error = 2;
        r.error_text = "irq_reserve_ipi failed (" + std::to_string(virq) + ")";
        return r;
    }
    std::vector<void*> dev_ids(NR_CPUS, &s);
    int ret = p.as_cpu(0, [&] {
        return request_percpu_irq(static_cast<unsigned>(virq), ipi_handler, "ipi", dev_ids.data());
    });
    if (ret) {
        r.error = 2;
        r.error_text = "request_percpu_irq failed (" + std::to_string(ret) + ")";
        return r;
    }
    for (unsigned c = 0; c < s.cpus(); c++)
        p.as_cpu(c, [&] {
            enable_percpu_irq(static_cast<unsigned>(virq), IRQ_TYPE_NONE);
            return 0;
        });

    std::mt19937_64 rng(cfg.seed);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    uint64_t sends = 0, refused = 0;
    run_events(
        s, cfg, t0, rng,
        [&](uint64_t) {
            unsigned sender = rnd(s.cpus());
            struct cpumask m;
            cpumask_clear(&m);
            unsigned kind = rnd(10);
            if (kind == 0)
                cpumask_set_cpu(sender, &m);  // self
            else if (kind == 1)
                cpumask_copy(&m, &all);  // everyone, sender included
            else
                for (unsigned c = 0; c < s.cpus(); c++)
                    if (rnd(2))
                        cpumask_set_cpu(c, &m);
            if (cpumask_empty(&m))
                cpumask_set_cpu(rnd(s.cpus()), &m);
            for (unsigned c = 0; c < s.cpus(); c++) {
                if (!cpumask_test_cpu(c, &m))
                    continue;
                CpuSet one;
                one.set(c);
                s.scoreboard().inject("ipi->cpu" + std::to_string(c), static_cast<unsigned>(virq), one,
                                      s.now(), false);
            }
            int sret = p.as_cpu(sender, [&] { return ipi_send_mask(static_cast<unsigned>(virq), &m); });
            if (sret) {
                refused++;
                r.problems.push_back("ipi_send_mask refused (" + std::to_string(sret) + ")");
                return Step::Stop;
            }
            sends++;
            // An SGI sent to a CPU that still has it pending merges in the GIC; wait
            // for delivery so "exactly one per send" is what is checked.
            s.drain(20000);
            return Step::NoGap;
        },
        100000);
    r.figures["sends"] = static_cast<double>(sends);
    finish_result(s, cfg, r, t0);
    p.as_cpu(0, [&] {
        for (unsigned c = 0; c < s.cpus(); c++)
            p.as_cpu(c, [&] {
                disable_percpu_irq(static_cast<unsigned>(virq));
                return 0;
            });
        free_percpu_irq(static_cast<unsigned>(virq), dev_ids.data());
        return irq_destroy_ipi(static_cast<unsigned>(virq), &all);
    });
    return r;
}

}  // namespace irqsim
