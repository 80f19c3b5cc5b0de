// SPDX-License-Identifier: MIT
// Per-CPU interrupts end to end (label e2e): the per-CPU timer PPI through the
// percpu_devid flow, IPIs (SGIs) to random cpumasks, and an IPI to the
// coprocessor PE acknowledged by test-local "firmware" through the sysreg port.
#include <algorithm>
#include <random>

#include "dev_timer_regs.h"
#include "e2e_support.h"

extern "C" {
#include <linux/of.h>
#include <linux/of_irq.h>
}

namespace irqsim::e2e {
namespace {

class PerCpu : public SessionTest, public ::testing::WithParamInterface<unsigned> {};

// ---- per-CPU timer PPI --------------------------------------------------------------

struct TimerDev {
    SessionTest* t = nullptr;
    SocSession* s = nullptr;
    unsigned cpu = 0;
    void __iomem* regs = nullptr;
    uint64_t ticks = 0;
    uint64_t not_mine = 0;  // entered with this CPU's timer status clear
};

irqreturn_t timer_handler(int irq, void* dev_id)
{
    auto* d = static_cast<TimerDev*>(dev_id);
    unsigned cpu = smp_processor_id();
    d->s->cover_handler(static_cast<unsigned>(irq));
    char __iomem* ctl = static_cast<char __iomem*>(d->regs) + DEV_TIMER_TIMER_CTL_OFFSET;
    u32 v = readl(ctl);
    if (d->cpu != cpu || !(v & kTimerStatus)) {
        d->not_mine++;
        return IRQ_NONE;
    }
    d->ticks++;
    writel(v | kTimerStatus, ctl);  // W1C status, keep enable/periodic
    return IRQ_HANDLED;
}

TEST_P(PerCpu, TimerPpiTicksOnEveryCpu)
{
    boot(GetParam(), 21);
    const unsigned n = s().cpus();
    struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,timer");
    ASSERT_NE(node, nullptr) << "device tree: no irqsim,timer node";
    unsigned virq = plat().as_cpu(0, [&] { return irq_of_parse_and_map(node, 0); });
    ASSERT_GT(virq, 0u);
    struct irq_data* d = irq_get_irq_data(virq);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->hwirq, kTimerIntid) << "PPI 14 is INTID 30";
    EXPECT_TRUE(irq_get_trigger_type(virq) & IRQ_TYPE_LEVEL_HIGH);

    std::vector<TimerDev> devs(n);
    std::vector<void*> dev_ids(NR_CPUS, nullptr);
    for (unsigned c = 0; c < n; c++) {
        devs[c] = {this, &s(), c, nullptr, 0, 0};
        devs[c].regs = ioremap(s().soc().timer_frame(c), 0x100);
        dev_ids[c] = &devs[c];
    }
    ASSERT_EQ(
        plat().as_cpu(0, [&] { return request_percpu_irq(virq, timer_handler, "timer", dev_ids.data()); }),
        0);
    for (unsigned c = 0; c < n; c++)
        plat().as_cpu(c, [&] {
            enable_percpu_irq(virq, IRQ_TYPE_NONE);
            return 0;
        });
    for (unsigned c = 0; c < n; c++)
        EXPECT_TRUE(plat().as_cpu(c, [&] { return irq_percpu_is_enabled(virq); })) << "cpu " << c;

    // periods long enough for every CPU's handler to run in turn (one CPU runs
    // driver code at a time), different per CPU so ticks can't be confused
    std::mt19937_64 rng(seed_);
    const uint32_t base_period = n >= 16 ? 2400 : 600;
    std::vector<uint32_t> period(n);
    std::vector<uint64_t> start(n);
    for (unsigned c = 0; c < n; c++) {
        period[c] = base_period + 40 * c + static_cast<uint32_t>(rng() % 32);
        wr32(s().soc().timer_frame(c) + DEV_TIMER_TIMER_LOAD_OFFSET, period[c]);
        wr32(s().soc().timer_frame(c) + DEV_TIMER_TIMER_CTL_OFFSET, kTimerEnable | kTimerPeriodic);
        start[c] = s().now();
    }
    const uint64_t run_for = static_cast<uint64_t>(base_period) * (n >= 16 ? 8 : 15);
    s().run(run_for);
    uint64_t t_end = s().now();
    for (unsigned c = 0; c < n; c++)
        wr32(s().soc().timer_frame(c) + DEV_TIMER_TIMER_CTL_OFFSET, 0);  // stop; a pending tick is withdrawn
    s().run(2000);
    ASSERT_FALSE(sim().failed()) << sim().error();

    // Replay into the scoreboard: each rising edge of the PPI's pending state at
    // CPU c (a timer expiry) is an event for CPU c only; each handler entry answers.
    struct Ev {
        uint64_t cycle;
        bool handler;
        unsigned cpu;
    };
    std::vector<Ev> evs;
    for (const auto& h : sim().hops().events(Hop::SgiPpiPending))
        if (h.id == kTimerIntid && h.level == 1 && h.cycle <= t_end)
            evs.push_back({h.cycle, false, static_cast<unsigned>(h.pe)});
    for (const auto& h : sim().hops().events(Hop::Handler))
        if (h.id == virq)
            evs.push_back({h.cycle, true, static_cast<unsigned>(h.pe)});
    std::stable_sort(evs.begin(), evs.end(), [](const Ev& a, const Ev& b) {
        return a.cycle != b.cycle ? a.cycle < b.cycle : (!a.handler && b.handler);
    });
    Scoreboard& sb = s().scoreboard();
    for (const auto& e : evs) {
        if (e.handler) {
            sb.handler_entry(virq, e.cpu, e.cycle);
        } else {
            CpuSet one;
            one.set(e.cpu);
            // the status bit is a level: expiries while it is set merge (hardware coalescing)
            sb.inject("timer cpu" + std::to_string(e.cpu), virq, one, e.cycle, true);
        }
    }
    EXPECT_TRUE(verdict_passes());
    for (unsigned c = 0; c < n; c++) {
        uint64_t expiries = (t_end - start[c]) / period[c];
        EXPECT_EQ(devs[c].not_mine, 0u) << "cpu " << c;
        EXPECT_GE(devs[c].ticks + 1, expiries) << "cpu " << c << " period " << period[c];
        EXPECT_LE(devs[c].ticks, expiries + 1) << "cpu " << c << " period " << period[c];
        EXPECT_EQ(sb.runs().count({virq, c}) ? sb.runs().at({virq, c}) : 0u, devs[c].ticks) << "cpu " << c;
    }
    std::printf("[ result   ] %s\n", sb.verdict().summary().c_str());
    for (unsigned c = 0; c < n; c++)
        plat().as_cpu(c, [&] {
            disable_percpu_irq(virq);
            return 0;
        });
    plat().as_cpu(0, [&] {
        free_percpu_irq(virq, dev_ids.data());
        return 0;
    });
    for (auto& dv : devs)
        iounmap(dv.regs);
}

// ---- IPIs ----------------------------------------------------------------------------

irqreturn_t ipi_handler(int irq, void* dev_id)
{
    static_cast<SocSession*>(dev_id)->handler_entry(static_cast<unsigned>(irq));
    return IRQ_HANDLED;
}

TEST_P(PerCpu, IpiToRandomMasks)
{
    boot(GetParam(), 22);
    const unsigned n = s().cpus();
    struct cpumask all;
    cpumask_clear(&all);
    for (unsigned c = 0; c < n; c++)
        cpumask_set_cpu(c, &all);
    int virq = plat().as_cpu(0, [&] { return irq_reserve_ipi(gic_v3_ipi_domain(), &all); });
    ASSERT_GT(virq, 0);
    unsigned uvirq = static_cast<unsigned>(virq);
    std::vector<void*> dev_ids(NR_CPUS, &s());
    ASSERT_EQ(plat().as_cpu(0, [&] { return request_percpu_irq(uvirq, ipi_handler, "ipi", dev_ids.data()); }),
              0);
    for (unsigned c = 0; c < n; c++)
        plat().as_cpu(c, [&] {
            enable_percpu_irq(uvirq, IRQ_TYPE_NONE);
            return 0;
        });
    unsigned sgi = static_cast<unsigned>(ipi_get_hwirq(uvirq, 0));
    EXPECT_GE(sgi, static_cast<unsigned>(GIC_V3_IPI_FIRST_SGI));
    EXPECT_LT(sgi, 16u);

    std::mt19937_64 rng(seed_);
    auto rnd = [&](uint64_t k) { return static_cast<unsigned>(rng() % k); };
    std::vector<uint64_t> expect(n, 0);
    const unsigned sends = n >= 16 ? 100 : 250;
    for (unsigned e = 0; e < sends; e++) {
        unsigned sender = rnd(n);
        struct cpumask m;
        cpumask_clear(&m);
        unsigned kind = e < 2 ? e : rnd(8);
        if (kind == 0)
            cpumask_set_cpu(sender, &m);  // self
        else if (kind == 1)
            cpumask_copy(&m, &all);  // all, sender included
        else
            for (unsigned c = 0; c < n; c++)
                if (rnd(2))
                    cpumask_set_cpu(c, &m);
        if (cpumask_empty(&m))
            cpumask_set_cpu(rnd(n), &m);
        for (unsigned c = 0; c < n; c++) {
            if (!cpumask_test_cpu(c, &m))
                continue;
            CpuSet one;
            one.set(c);
            s().scoreboard().inject("ipi->cpu" + std::to_string(c), uvirq, one, s().now(), false);
            expect[c]++;
        }
        ASSERT_EQ(plat().as_cpu(sender, [&] { return ipi_send_mask(uvirq, &m); }), 0);
        // an SGI still pending at a target merges: wait, so each send is counted
        ASSERT_TRUE(s().drain(20000)) << "send " << e << " from cpu" << sender;
    }
    s().run(2000);
    EXPECT_TRUE(verdict_passes());
    for (unsigned c = 0; c < n; c++) {
        auto it = s().scoreboard().runs().find({uvirq, c});
        uint64_t got = it == s().scoreboard().runs().end() ? 0 : it->second;
        EXPECT_EQ(got, expect[c]) << "cpu " << c << ": exactly one IPI per send that named it";
    }
    for (const Injection* in : s().scoreboard().outstanding())
        note(in->source + ": " +
             s().diagnose(s().sgi_hops(sgi, uvirq, static_cast<unsigned>(in->allowed._Find_first())),
                          in->cycle));
    for (unsigned c = 0; c < n; c++)
        plat().as_cpu(c, [&] {
            disable_percpu_irq(uvirq);
            return 0;
        });
    plat().as_cpu(0, [&] {
        free_percpu_irq(uvirq, dev_ids.data());
        return irq_destroy_ipi(uvirq, &all);
    });
}

// An IPI reserved for the coprocessor PE (CPU index = number of application
// CPUs): not requestable by the driver, sendable, and acknowledged by the
// coprocessor's own firmware through the sysreg port.
TEST_P(PerCpu, IpiToCoprocessor)
{
    boot(GetParam(), 23);
    ASSERT_TRUE(plat().has_coproc());
    const unsigned n = s().cpus();
    const unsigned cop = plat().coproc_cpu();
    ASSERT_EQ(cop, n);
    struct cpumask cm;
    cpumask_clear(&cm);
    cpumask_set_cpu(cop, &cm);
    int virq = plat().as_cpu(0, [&] { return irq_reserve_ipi(gic_v3_ipi_domain(), &cm); });
    ASSERT_GT(virq, 0);
    unsigned uvirq = static_cast<unsigned>(virq);
    unsigned sgi = static_cast<unsigned>(ipi_get_hwirq(uvirq, cop));
    ASSERT_LT(sgi, 16u);

    // the driver refuses to handle it: no online CPU among its targets
    std::vector<void*> dev_ids(NR_CPUS, &s());
    int r1 =
        plat().as_cpu(0, [&] { return request_percpu_irq(uvirq, ipi_handler, "cop-ipi", dev_ids.data()); });
    EXPECT_LT(r1, 0) << "request_percpu_irq of a coprocessor IPI must be refused";
    int r2 = plat().as_cpu(0, [&] { return request_irq(uvirq, ipi_handler, 0, "cop-ipi", &s()); });
    EXPECT_LT(r2, 0) << "request_irq of a coprocessor IPI must be refused";

    // coprocessor firmware bring-up: no driver runs there
    const uint32_t rd = s().soc().gicr_frame(cop), sgib = s().soc().gicr_sgi_frame(cop);
    EXPECT_EQ(rd32(rd + GICR_WAKER) & GICR_WAKER_ChildrenAsleep, GICR_WAKER_ChildrenAsleep)
        << "coprocessor redistributor should still be asleep";
    wr32(rd + GICR_WAKER, rd32(rd + GICR_WAKER) & ~GICR_WAKER_ProcessorSleep);
    ASSERT_TRUE(sim().run_until([&] { return !(rd32(rd + GICR_WAKER) & GICR_WAKER_ChildrenAsleep); }, 2000));
    wr32(sgib + GICR_IGROUPR0, 0xffffffffu);
    wr32(sgib + GICR_ISENABLER0, 1u << sgi);
    set_priority(sgi, 0xa0, cop);
    sr_write(cop, kIccPmr, DEFAULT_PMR_VALUE);
    sr_write(cop, kIccIgrpen1, 1);

    std::mt19937_64 rng(seed_);
    uint64_t entries0 = plat().irq_entries_total();
    const unsigned sends = 30;
    unsigned acked = 0, extra = 0;
    for (unsigned e = 0; e < sends; e++) {
        unsigned sender = static_cast<unsigned>(rng() % n);
        int ret;
        if (e % 2)
            ret = plat().as_cpu(sender, [&] { return ipi_send_single(uvirq, cop); });
        else
            ret = plat().as_cpu(sender, [&] { return ipi_send_mask(uvirq, &cm); });
        ASSERT_EQ(ret, 0) << "send " << e;
        ASSERT_TRUE(sim().run_until([&] { return plat().irq_line(cop); }, 2000))
            << "send " << e << ": coprocessor irq line never rose";
        // firmware: acknowledge, then end of interrupt
        uint64_t id = sr_read(cop, kIccIar1) & ICC_IAR1_EL1_INTID_MASK;
        EXPECT_EQ(id, sgi) << "send " << e;
        if (id == sgi)
            acked++;
        sr_write(cop, kIccEoir1, id);
        s().run(50);
        // exactly one: nothing further pending
        uint64_t again = sr_read(cop, kIccIar1) & ICC_IAR1_EL1_INTID_MASK;
        if (again != GIC_INTID_SPURIOUS) {
            extra++;
            sr_write(cop, kIccEoir1, again);
        }
    }
    s().run(1000);
    EXPECT_EQ(acked, sends);
    EXPECT_EQ(extra, 0u) << "more than one SGI per send at the coprocessor";
    EXPECT_EQ(plat().coproc_irq_edges(), sends);
    EXPECT_EQ(plat().irq_entries_total(), entries0) << "an application CPU took an interrupt";
    for (unsigned c = 0; c < n; c++)
        EXPECT_EQ(sim().hops().count(Hop::SgiPpiPending, sgi, static_cast<int>(c)), 0u)
            << "SGI pended at cpu " << c;
    EXPECT_FALSE(sim().failed()) << sim().error();
    plat().as_cpu(0, [&] { return irq_destroy_ipi(uvirq, &cm); });
}

INSTANTIATE_TEST_SUITE_P(Cpus, PerCpu, ::testing::Values(1u, 4u, 16u), cpus_name);
INSTANTIATE_TEST_SUITE_P(Topology, PerCpu, ::testing::Values(kTestTopology), cpus_name);

}  // namespace
}  // namespace irqsim::e2e
