// SPDX-License-Identifier: MIT
// SPIs from the plain line sources, end to end (label e2e): device tree mapping,
// request_irq, affinity through IROUTER, level and edge lines, disable/enable,
// free/request, priorities and PMR, spurious IAR reads.
#include <random>

#include "e2e_support.h"
#include "gic_dist_regs.h"

extern "C" {
#include <linux/irqsim_arch.h>
#include <linux/of.h>
}

namespace irqsim::e2e {
namespace {

class SpiDelivery : public SessionTest, public ::testing::WithParamInterface<unsigned> {};

// The triggers the tree's irqsim,lines node states (its <0 n type> cells, read
// straight from the property): type 4 level-high, 1 rising-edge.
void tree_line_triggers(SocSession& s, std::vector<bool>* level)
{
    struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,lines");
    ASSERT_NE(node, nullptr);
    int cells = of_property_count_u32_elems(node, "interrupts");
    ASSERT_GT(cells, 0);
    ASSERT_EQ(cells % 3, 0);
    std::vector<u32> v(static_cast<size_t>(cells));
    ASSERT_EQ(of_property_read_u32_array(node, "interrupts", v.data(), v.size()), 0);
    for (size_t i = 0; i < v.size(); i += 3) {
        ASSERT_TRUE(v[i + 2] == IRQ_TYPE_LEVEL_HIGH || v[i + 2] == IRQ_TYPE_EDGE_RISING) << "cell " << i;
        level->push_back(v[i + 2] == IRQ_TYPE_LEVEL_HIGH);
    }
    ASSERT_EQ(level->size(), s.num_lines());
}

// Every line routed to a random CPU; random events on random lines.
void lines_reach_affinity_cpu(SocSession& s, uint64_t seed, unsigned events)
{
    std::mt19937_64 rng(seed);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    ASSERT_EQ(s.num_lines(), s.soc().num_lines) << "every line the RTL has is in the tree";
    std::vector<bool> tree_level;
    ASSERT_NO_FATAL_FAILURE(tree_line_triggers(s, &tree_level));
    unsigned levels = 0, edges = 0;
    for (unsigned l = 0; l < s.num_lines(); l++) {
        ASSERT_EQ(s.request_line(l, rnd(s.cpus())), 0) << "line " << l;
        (s.line(l).level ? levels : edges)++;
        EXPECT_EQ(s.line(l).level, tree_level[l]) << "line " << l << ": the trigger is not the tree's";
    }
    EXPECT_GT(levels, 0u) << "the test wants level lines";
    EXPECT_GT(edges, 0u) << "the test wants edge lines";
    for (unsigned e = 0; e < events; e++) {
        s.inject_line(rnd(s.num_lines()));
        s.run(rnd(150));
        ASSERT_FALSE(s.sim().failed()) << s.sim().error();
    }
    EXPECT_TRUE(s.drain(200000));
    Verdict v = s.scoreboard().verdict();
    EXPECT_TRUE(v.pass()) << v.summary();
    EXPECT_EQ(v.wrong_cpu, 0u);
    EXPECT_EQ(v.lost, 0u);
    EXPECT_EQ(v.delivered + v.coalesced, v.injected) << "every injected event answered";
    // the handler runs happened only on the CPU each line is routed to
    for (const auto& [key, n] : s.scoreboard().runs()) {
        CpuSet eff = s.effective_cpus(key.first);
        EXPECT_TRUE(eff.test(key.second)) << "virq " << key.first << " ran " << n << "x on cpu" << key.second;
    }
    std::printf("[ result   ] %s; %s\n", v.summary().c_str(), s.hop_latency_report().c_str());
}

TEST_P(SpiDelivery, LinesReachTheAffinityCpu)
{
    boot(GetParam(), 11);
    lines_reach_affinity_cpu(s(), seed_, s().cpus() >= 16 ? 400 : 1000);
    EXPECT_TRUE(verdict_passes());
}

// The same with split EOI (ICC_CTLR_EL1.EOImode = 1): EOIR drops priority, DIR deactivates.
TEST_P(SpiDelivery, LinesReachTheAffinityCpuSplitEoi)
{
    boot(GetParam(), 16, /*split_eoi=*/true);
    uint64_t ctlr = sr_read(0, kIccCtlr);
    EXPECT_TRUE(ctlr & ICC_CTLR_EL1_EOImode_drop) << "the driver did not select EOImode=1";
    lines_reach_affinity_cpu(s(), seed_, s().cpus() >= 16 ? 200 : 400);
    EXPECT_TRUE(verdict_passes());
    EXPECT_GT(sim().hops().events(Hop::Dir).size(), 0u) << "no ICC_DIR write in split mode";
    EXPECT_EQ(sim().hops().events(Hop::Dir).size(), sim().hops().events(Hop::Eoir).size());
}

// Affinity moved while events are in flight: each lands on the old or the new CPU.
TEST_P(SpiDelivery, AffinityChangedUnderTraffic)
{
    boot(GetParam(), 12);
    std::mt19937_64 rng(seed_);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    for (unsigned l = 0; l < s().num_lines(); l++)
        ASSERT_EQ(s().request_line(l, rnd(s().cpus())), 0);
    unsigned moves = 0;
    const unsigned events = s().cpus() >= 16 ? 400 : 1000;
    for (unsigned e = 0; e < events; e++) {
        unsigned line = rnd(s().num_lines());
        s().inject_line(line);
        s().run(rnd(20));  // in flight
        if (rnd(4) == 0) {
            ASSERT_EQ(s().set_line_affinity(line, rnd(s().cpus())), 0);
            moves++;
        }
        s().run(rnd(100));
        ASSERT_FALSE(sim().failed()) << sim().error();
    }
    EXPECT_TRUE(s().drain(200000));
    Verdict v = s().scoreboard().verdict();
    EXPECT_TRUE(verdict_passes());
    EXPECT_EQ(v.wrong_cpu, 0u);
    EXPECT_GT(moves, 10u);
    std::printf("[ result   ] %s, %u affinity changes\n", v.summary().c_str(), moves);
}

// disable_irq stops delivery, enable_irq delivers what the GIC kept; free_irq
// stops it, request_irq again restarts it.
TEST_P(SpiDelivery, DisableEnableFreeRequest)
{
    boot(GetParam(), 13);
    std::mt19937_64 rng(seed_);
    unsigned cpu = static_cast<unsigned>(rng() % s().cpus());
    const unsigned lvl = level_line(static_cast<unsigned>(rng() % num_level_lines()));
    const unsigned edg = edge_line(static_cast<unsigned>(rng() % num_edge_lines()));
    ASSERT_EQ(s().request_line(lvl, cpu), 0);
    ASSERT_EQ(s().request_line(edg, cpu), 0);
    LineSource& L = s().line(lvl);
    LineSource& E = s().line(edg);

    // baseline
    s().inject_line(lvl);
    s().inject_line(edg);
    ASSERT_TRUE(s().drain(20000));
    ASSERT_EQ(L.handled, 1u);
    ASSERT_EQ(E.handled, 1u);

    // disabled: events are kept by the GIC but not handled
    s().disable_line(lvl);
    s().disable_line(edg);
    EXPECT_EQ(irq_get_disable_depth(L.virq), 1);
    uint32_t isen =
        rd32(s().soc().gicd_base + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE * (L.intid / 32));
    EXPECT_EQ(isen & (1u << (L.intid % 32)), 0u) << "disable_irq must clear the enable bit";
    s().inject_line(lvl);
    s().inject_line(edg);
    s().run(5000);
    EXPECT_EQ(L.handled, 1u) << "level line handled while disabled";
    EXPECT_EQ(E.handled, 1u) << "edge line handled while disabled";
    EXPECT_EQ(s().scoreboard().verdict().spurious, 0u);
    EXPECT_TRUE(sim().lines().get(L.line)) << "the level line stays asserted while nobody handles it";

    // enabled again: the asserted level line and the latched edge arrive (booked on enable)
    s().enable_line(lvl);
    s().enable_line(edg);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(L.handled, 2u);
    EXPECT_EQ(E.handled, 2u);

    // freed: nothing handled
    ASSERT_EQ(s().free_line(lvl), 0);
    ASSERT_EQ(s().free_line(edg), 0);
    s().inject_line(lvl);
    s().run(5000);
    EXPECT_EQ(L.handled, 2u) << "handler ran after free_irq";
    EXPECT_EQ(s().scoreboard().verdict().spurious, 0u);

    // requested again: the line still asserted is delivered (booked at request), new events too
    ASSERT_EQ(s().request_line(lvl, cpu), 0);
    ASSERT_EQ(s().request_line(edg, cpu), 0);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(L.handled, 3u);
    s().inject_line(lvl);
    s().inject_line(edg);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(L.handled, 4u);
    EXPECT_EQ(E.handled, 3u);
    EXPECT_TRUE(verdict_passes());
}

// Two SPIs of different priority pending on one CPU with its interrupts off: on
// enable, the higher priority (lower value) one is handled first — whichever has
// the lower INTID.  Then PMR holds an interrupt until it is raised above it.
TEST_P(SpiDelivery, PriorityOrderAndPmr)
{
    boot(GetParam(), 14);
    std::mt19937_64 rng(seed_);
    unsigned cpu = static_cast<unsigned>(rng() % s().cpus());
    // level lines from the lower and the upper half, a < b
    const unsigned half = num_level_lines() / 2;
    ASSERT_GE(half, 1u);
    const unsigned a = level_line(static_cast<unsigned>(rng() % half));
    const unsigned b = level_line(half + static_cast<unsigned>(rng() % half));
    ASSERT_EQ(s().request_line(a, cpu), 0);
    ASSERT_EQ(s().request_line(b, cpu), 0);
    LineSource& A = s().line(a);
    LineSource& B = s().line(b);

    for (int round = 0; round < 2; round++) {
        // round 0: the higher INTID wins on priority; round 1: the lower one
        LineSource& hi = round == 0 ? B : A;
        LineSource& lo = round == 0 ? A : B;
        set_priority(hi.intid, 0x40);
        set_priority(lo.intid, 0x90);
        EXPECT_EQ(get_priority(hi.intid), 0x40);
        EXPECT_EQ(get_priority(lo.intid), 0x90);
        plat().set_irqs_enabled(cpu, false);
        uint64_t t0 = s().now();
        s().inject_line(lo.line);
        s().inject_line(hi.line);
        s().run(400);
        EXPECT_TRUE(plat().irq_line(cpu)) << "both pending, irq line high while the CPU masks interrupts";
        EXPECT_EQ(A.handled + B.handled, round == 0 ? 0u : 2u);
        plat().set_irqs_enabled(cpu, true);
        ASSERT_TRUE(s().drain(20000));
        auto h_hi = sim().hops().first(Hop::Handler, hi.virq, static_cast<int>(cpu), t0);
        auto h_lo = sim().hops().first(Hop::Handler, lo.virq, static_cast<int>(cpu), t0);
        ASSERT_TRUE(h_hi && h_lo);
        EXPECT_LT(h_hi->cycle, h_lo->cycle) << "round " << round << ": priority 0x40 (INTID " << hi.intid
                                            << ") must be handled before 0x90 (INTID " << lo.intid << ")";
        auto iar_hi = sim().hops().first(Hop::Iar, hi.intid, static_cast<int>(cpu), t0);
        auto iar_lo = sim().hops().first(Hop::Iar, lo.intid, static_cast<int>(cpu), t0);
        ASSERT_TRUE(iar_hi && iar_lo);
        EXPECT_LT(iar_hi->cycle, iar_lo->cycle);
    }

    // PMR at 0x90 masks priority 0x90 (only values < PMR are signalled)
    LineSource& lo = B;  // priority 0x90 after round 1
    uint64_t handled0 = lo.handled;
    sr_write(cpu, kIccPmr, 0x90);
    EXPECT_EQ(sr_read(cpu, kIccPmr), 0x90u);
    uint64_t t1 = s().now();
    s().inject_line(lo.line);
    s().run(4000);
    EXPECT_EQ(lo.handled, handled0) << "delivered although its priority is not below PMR";
    EXPECT_EQ(sim().hops().count(Hop::IrqOut, 0, static_cast<int>(cpu), t1), 0u) << "irq line rose under PMR";
    EXPECT_EQ(s().scoreboard().outstanding_count(), 1u);
    sr_write(cpu, kIccPmr, DEFAULT_PMR_VALUE);
    EXPECT_TRUE(s().drain(20000));
    s().run(2000);
    EXPECT_EQ(lo.handled, handled0 + 1) << "delivered exactly once after PMR allowed it";
    EXPECT_EQ(sim().hops().count(Hop::Iar, lo.intid, static_cast<int>(cpu), t1), 1u);
    EXPECT_TRUE(verdict_passes());
}

// ICC_IAR1 with nothing pending reads 1023; the GIC IRQ entry with nothing
// pending (the pending state cleared behind the driver's back after the irq line
// rose) counts a spurious interrupt and runs no handler.
TEST_P(SpiDelivery, SpuriousReadsCounted)
{
    boot(GetParam(), 15);
    unsigned cpu = s().cpus() - 1;
    uint64_t iar = plat().as_cpu(cpu, [] { return read_sysreg_s(SYS_ICC_IAR1_EL1); });
    EXPECT_EQ(iar & ICC_IAR1_EL1_INTID_MASK, static_cast<uint64_t>(GIC_INTID_SPURIOUS));

    unsigned before = irqsim_spurious_count(cpu);
    int ret = plat().as_cpu(cpu, [] { return irqsim_arch_handle_irq(); });
    EXPECT_EQ(ret, 0);
    EXPECT_EQ(irqsim_spurious_count(cpu), before + 1) << "IRQ entry with nothing pending not counted";

    // the race: an edge SPI pends, the irq line rises, then its pending state is
    // cleared (GICD_ICPENDR) before the CPU reads IAR
    const unsigned edg = edge_line(4);
    ASSERT_EQ(s().request_line(edg, cpu), 0);
    LineSource& E = s().line(edg);
    plat().set_irqs_enabled(cpu, false);
    s().inject_line(edg, false);  // will be withdrawn: not booked
    ASSERT_TRUE(sim().run_until([&] { return plat().irq_line(cpu); }, 2000)) << "irq line never rose";
    wr32(s().soc().gicd_base + GICD_ICPENDR + GIC_DIST_ICPENDR_SPI_STRIDE * (E.intid / 32),
         1u << (E.intid % 32));
    before = irqsim_spurious_count(cpu);
    plat().as_cpu(cpu, [] { return irqsim_arch_handle_irq(); });
    EXPECT_EQ(irqsim_spurious_count(cpu), before + 1);
    EXPECT_EQ(E.handled, 0u);
    plat().set_irqs_enabled(cpu, true);
    s().run(2000);
    EXPECT_EQ(E.handled, 0u) << "a cleared edge SPI was delivered";
    EXPECT_FALSE(sim().failed()) << sim().error();
}

INSTANTIATE_TEST_SUITE_P(Cpus, SpiDelivery, ::testing::Values(1u, 4u, 16u), cpus_name);
INSTANTIATE_TEST_SUITE_P(Topology, SpiDelivery, ::testing::Values(kTestTopology), cpus_name);

}  // namespace
}  // namespace irqsim::e2e
