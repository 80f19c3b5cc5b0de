// SPDX-License-Identifier: MIT
// Fault injection (sim/fault.h) with the driver's reaction asserted.
//
// FaultDelivery (label e2e): an event dropped at a hop is lost and the hop
// diagnosis names exactly that hop; a duplicated one coalesces or shows as an
// extra (empty) handler run, as the hardware merges it.
// ContractFault (label contract): bus errors, stuck status/busy bits, firmware
// refusals and DRAM read errors: the driver returns an error and logs the register,
// gives up at its poll limit instead of hanging, and leaves nothing behind.
#include <algorithm>
#include <cstdio>

#include "e2e_support.h"
#include "lpi_device.h"
#include "gic_dist_regs.h"
#include "ti_inta_regs.h"
#include "dev_dma_ring_regs.h"

extern "C" {
#include <linux/dma/irqsim-dma-ring.h>
}

namespace irqsim::e2e {
namespace {

// the driver's poll limit (GIC_POLL_LIMIT) x its udelay(1) of 1,000 cycles, with room for the reads
constexpr uint64_t kPollBudget = 1000 * (1000 + 100);

bool has(const std::vector<std::string>& log, const std::string& what)
{
    return std::any_of(log.begin(), log.end(),
                       [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

std::string joined(const std::vector<std::string>& log)
{
    std::string s;
    for (const auto& l : log)
        s += "  " + l + "\n";
    return s;
}

class FaultDelivery : public SessionTest {
protected:
    Faults& faults() { return sim().faults(); }
    // the one loss's diagnosis
    std::string only_loss()
    {
        auto why = s().explain_losses();
        EXPECT_EQ(why.size(), 1u);
        std::string w = why.empty() ? "" : why[0];
        std::printf("[ diagnose ] %s\n", w.c_str());
        return w;
    }
};

class ContractFault : public FaultDelivery {};

// ---- device lines (SPIs) ----

// An edge line's pulse swallowed at the pin: lost, and named at line_in.
TEST_F(FaultDelivery, LostEdgeIsNamedAtLineIn)
{
    boot(kTestTopology, 61);
    IRQSIM_NEED_CPUS(2);
    const unsigned line = edge_line(4), cpu = 1;
    const unsigned intid = s().line(line).intid;
    ASSERT_FALSE(s().line(line).level);
    ASSERT_EQ(s().request_line(line, cpu), 0);
    int f = faults().drop(FaultHop::LineIn, line, 1);
    s().inject_line(line);
    s().run(5000);
    EXPECT_EQ(faults().fired(f), 1u);
    EXPECT_EQ(faults().describe(), "#0 drop line_in id " + std::to_string(line) + " nth 1: fired 1 (done)\n");
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = only_loss();
    EXPECT_NE(w.find("never reached line_in (id " + std::to_string(intid) + ")"), std::string::npos) << w;
    EXPECT_EQ(s().line(line).handled, 0u);
    // one-shot: the next edge arrives (and its handler answers the oldest event)
    s().inject_line(line);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(s().line(line).handled, 1u);
    EXPECT_EQ(sim().hops().count(Hop::LineIn, intid), 1u) << "the monitor must see the edge that did arrive";
}

// A level line's rise swallowed: the SPI never goes pending; named at line_in.
TEST_F(FaultDelivery, DroppedLevelSpiIsNamedAtLineIn)
{
    boot(kTestTopology, 62);
    IRQSIM_NEED_CPUS(3);
    const unsigned line = level_line(3), cpu = 2;
    const unsigned intid = s().line(line).intid;
    ASSERT_TRUE(s().line(line).level);
    ASSERT_EQ(s().request_line(line, cpu), 0);
    faults().drop(FaultHop::LineIn, line, 1);
    s().inject_line(line);
    s().run(5000);
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = only_loss();
    EXPECT_NE(w.find("never reached line_in (id " + std::to_string(intid) + ")"), std::string::npos) << w;
    EXPECT_EQ(sim().hops().count(Hop::SpiPending, intid), 0u);
}

// An edge pulsed twice (one low cycle between): the second edge finds the SPI
// still pending and merges -- one handler run, the line rose twice, pending once.
TEST_F(FaultDelivery, DuplicatedEdgeCoalescesInThePendingLatch)
{
    boot(kTestTopology, 63);
    IRQSIM_NEED_CPUS(4);
    const unsigned line = edge_line(1), cpu = 3, intid = s().line(line).intid;
    ASSERT_EQ(s().request_line(line, cpu), 0);
    int f = faults().duplicate(FaultHop::LineIn, line, 1);
    s().inject_line(line);
    ASSERT_TRUE(s().drain(20000));
    s().run(2000);
    EXPECT_EQ(faults().fired(f), 1u);
    EXPECT_EQ(sim().hops().count(Hop::LineIn, intid), 2u) << sim().hops().dump(40);
    EXPECT_EQ(sim().hops().count(Hop::SpiPending, intid), 1u) << sim().hops().dump(40);
    EXPECT_EQ(s().line(line).handled, 1u);
    EXPECT_TRUE(verdict_passes());
}

// ---- TI path: INTA event, INTR output ----

// The ring's INTR output held off the GIC: the VINT and the output rise, the SPI
// never goes pending -- the diagnosis names spi_pending after intr_out.  Released,
// the level output (the status bit still set) delivers it.
TEST_F(FaultDelivery, DroppedIntrOutputIsNamedAtSpiPending)
{
    boot(kTestTopology, 64);
    ASSERT_EQ(s().request_ring(0), 0);
    auto chain = s().ring_hops(0, 0);
    ASSERT_EQ(chain.size(), 6u);
    const uint32_t out = chain[1].id;
    int f = faults().drop(FaultHop::IntrOut, out);
    ASSERT_EQ(s().post_ring(0, 1), 0);
    s().run(20000);
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = only_loss();
    EXPECT_NE(w.find("vint_out +"), std::string::npos) << w;
    EXPECT_NE(w.find("intr_out +"), std::string::npos) << w;
    const unsigned intid = 32 + s().soc().intr_out_spi + out;  // INTR output n drives SPI intr_out_spi + n
    EXPECT_NE(w.find("never reached spi_pending (id " + std::to_string(intid) + ")"), std::string::npos) << w;
    faults().release(f);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_TRUE(verdict_passes());
    ASSERT_EQ(s().release_ring(0), 0);
}

// The INTR output's level taken away from the GIC for one cycle right after it
// rose (a glitch: the level seen twice).  A level-sensitive SPI's pending state
// follows its input until the CPU acknowledges it, so the SPI goes pending twice
// and is delivered once: the duplicate merges.
TEST_F(FaultDelivery, GlitchedIntrOutputMergesInTheLevelSensitiveSpi)
{
    boot(kTestTopology, 69);
    ASSERT_EQ(s().request_ring(3), 0);
    auto chain = s().ring_hops(3, 0);
    ASSERT_EQ(chain.size(), 6u);
    const uint32_t out = chain[1].id, intid = 32 + s().soc().intr_out_spi + out;
    int f = faults().duplicate(FaultHop::IntrOut, out, 1);
    ASSERT_EQ(s().post_ring(3, 1), 0);
    ASSERT_TRUE(s().drain(20000));
    s().run(3000);
    EXPECT_EQ(faults().fired(f), 1u);
    EXPECT_EQ(sim().hops().count(Hop::IntrOut, out), 1u) << sim().hops().dump(60);
    EXPECT_EQ(sim().hops().count(Hop::SpiPending, intid), 2u) << sim().hops().dump(60);
    EXPECT_EQ(s().ring(3).handled, 1u);
    EXPECT_EQ(s().ring(3).empty_runs, 0u);
    EXPECT_TRUE(verdict_passes());
    ASSERT_EQ(s().release_ring(3), 0);
}

// The ring's event swallowed before the INTA: named at vint_out (the INTA never
// set the status bit).
TEST_F(FaultDelivery, DroppedIntaEventIsNamedAtVintOut)
{
    boot(kTestTopology, 65);
    ASSERT_EQ(s().request_ring(1), 0);
    int f = faults().drop(FaultHop::IntaEvent, 0);
    ASSERT_EQ(s().post_ring(1, 1), 0);
    // the device finishes the descriptor and hands its event over (to nobody)
    s().run(5000);
    EXPECT_EQ(plat().as_cpu(0, [&] { return static_cast<int>(dma_ring_completed(s().dma(), 1)); }), 1);
    faults().release(f);
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = only_loss();
    EXPECT_NE(w.find("never reached vint_out (id " + std::to_string(s().ring(1).vint) + ")"),
              std::string::npos)
        << w;
    EXPECT_EQ(s().ring(1).handled, 0u);
    // the next completion's handler reads COMPLETED and catches up on both
    ASSERT_EQ(s().post_ring(1, 1), 0);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(s().ring(1).observed, 2u);
    ASSERT_EQ(s().release_ring(1), 0);
}

// One ring event given to the INTA twice.  While its status bit is still set the
// copy merges (one VINT rise, one handler run); after the handler cleared it the
// copy sets it again: a second handler run that finds nothing (an empty run).
TEST_F(FaultDelivery, DuplicatedIntaEventCoalescesOrRunsEmpty)
{
    boot(kTestTopology, 66);
    ASSERT_EQ(s().request_ring(2), 0);
    const uint32_t vint = s().ring(2).vint;
    RingChannel& rc = s().ring(2);

    // (a) released as soon as the VINT rose: the copy finds the bit set
    int f = faults().duplicate(FaultHop::IntaEvent, 0);
    ASSERT_EQ(s().post_ring(2, 1), 0);
    ASSERT_TRUE(sim().run_until([&] { return sim().hops().count(Hop::VintOut, vint) == 1; }, 20000));
    faults().release(f);
    ASSERT_TRUE(s().drain(20000));
    s().run(3000);
    EXPECT_EQ(sim().hops().count(Hop::VintOut, vint), 1u);
    EXPECT_EQ(rc.handled, 1u);
    EXPECT_EQ(rc.empty_runs, 0u);

    // (b) released after the handler ran: the copy raises the VINT again
    f = faults().duplicate(FaultHop::IntaEvent, 0);
    ASSERT_EQ(s().post_ring(2, 1), 0);
    ASSERT_TRUE(s().drain(20000));
    s().run(2000);
    EXPECT_EQ(rc.handled, 2u);
    faults().release(f);
    s().run(5000);
    EXPECT_EQ(sim().hops().count(Hop::VintOut, vint), 3u) << sim().hops().dump(60);
    EXPECT_EQ(rc.handled, 3u);
    EXPECT_EQ(rc.empty_runs, 1u) << "the duplicate's handler run should find no new completion";
    EXPECT_EQ(rc.observed, 2u);
    EXPECT_TRUE(verdict_passes());
    ASSERT_EQ(s().release_ring(2), 0);
}

// ---- DirectLPI: the SETLPIR write ----

TEST_F(FaultDelivery, DroppedSetlpirIsNamedAtSetlpir)
{
    boot(kTestTopology, 67);
    IRQSIM_NEED_CPUS(3);
    LpiDevice dev(s(), "fault-lpi");
    ASSERT_TRUE(dev.ok()) << dev.error();
    ASSERT_EQ(dev.alloc(4), 0);
    ASSERT_EQ(dev.request(1, 2), 0);
    int f = faults().drop(FaultHop::SetLpir, dev.intid(1), 1);
    uint64_t t = s().now();
    ASSERT_EQ(dev.fire(1), 0) << "a dropped posted write still answers OKAY";
    s().run(5000);
    EXPECT_EQ(faults().fired(f), 1u);
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = s().diagnose(dev.hops(1), t);
    std::printf("[ diagnose ] %s\n", w.c_str());
    EXPECT_EQ(w, "never reached setlpir (id " + std::to_string(dev.intid(1)) + ", pe 2)");
    EXPECT_EQ(dev.handled(1), 0u);
    dev.free_all();
}

// SETLPIR written twice before the CPU takes it: the pending bit merges them.
TEST_F(FaultDelivery, DuplicatedSetlpirCoalesces)
{
    boot(kTestTopology, 68);
    IRQSIM_NEED_CPUS(2);
    LpiDevice dev(s(), "fault-lpi");
    ASSERT_TRUE(dev.ok()) << dev.error();
    ASSERT_EQ(dev.alloc(4), 0);
    ASSERT_EQ(dev.request(0, 1), 0);
    int f = faults().duplicate(FaultHop::SetLpir, dev.intid(0), 1);
    ASSERT_EQ(dev.fire(0), 0);
    ASSERT_TRUE(s().drain(20000));
    s().run(3000);
    EXPECT_EQ(faults().fired(f), 1u);
    EXPECT_EQ(sim().hops().count(Hop::SetLpir, dev.intid(0)), 2u);
    EXPECT_EQ(dev.handled(0), 1u);
    EXPECT_TRUE(verdict_passes());
    dev.free_all();
}

// ---- contract: what the driver does ----

// A VINT status bit stuck at 1 with no event mapped: every run of the VINT's
// chained handler warns (naming the VINT and bit) and counts a spurious interrupt;
// the real event is still delivered, nothing hangs.
TEST_F(ContractFault, StuckVintStatusBitIsCountedSpuriousAndLogged)
{
    boot(kTestTopology, 71);
    ASSERT_EQ(s().request_ring(0), 0);
    const uint32_t vint = s().ring(0).vint;
    auto spurious = [&] {
        unsigned n = 0;
        for (unsigned c = 0; c < s().cpus(); c++)
            n += irqsim_spurious_count(c);
        return n;
    };
    unsigned before = spurious();
    const unsigned bit = 40;  // the ring's event took bit 0; high word of the 64-bit status
    int f = faults().stick_bits(s().soc().inta_base + TI_INTA_VINT_STRIDE * vint +
                                    TI_INTA_VINT_STATUSM_OFFSET + sizeof(uint32_t),
                                1u << (bit - 32), ~0u);
    ASSERT_EQ(s().post_ring(0, 2), 0);
    ASSERT_TRUE(s().drain(50000));
    s().run(2000);
    EXPECT_GT(faults().fired(f), 0u);
    EXPECT_GE(spurious() - before, 1u);
    std::string what =
        "VINT " + std::to_string(vint) + " bit " + std::to_string(bit) + " set with no event mapped";
    EXPECT_TRUE(has(s().log(), what)) << joined(s().log());
    EXPECT_TRUE(verdict_passes());
    faults().clear();
    ASSERT_EQ(s().release_ring(0), 0);
}

// SLVERR on the SPI's GICD_ICFGR write: irq_set_irq_type fails, the driver names
// ICFGR, the bus log keeps the error with its address, the trigger is unchanged.
TEST_F(ContractFault, SlverrOnIcfgrFailsSetTypeNamingTheRegister)
{
    boot(kTestTopology, 72);
    IRQSIM_NEED_CPUS(2);
    const unsigned line = level_line(5);
    LineSource& l = s().line(line);
    ASSERT_TRUE(l.level);
    const uint32_t icfgr = gicd() + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * (l.intid / 16);
    uint32_t cfg_before = rd32(icfgr);
    uint64_t errors = sim().io().bus_errors();
    int f = faults().bus_error(icfgr, AXI_SLVERR, BusDir::Write);
    int ret = plat().as_cpu(0, [&] { return irq_set_irq_type(l.virq, IRQ_TYPE_EDGE_RISING); });
    EXPECT_LT(ret, 0);
    EXPECT_EQ(faults().fired(f), 1u);
    EXPECT_EQ(sim().io().bus_errors(), errors + 1);
    EXPECT_TRUE(has(s().log(), "ICFGR did not accept")) << joined(s().log());
    EXPECT_EQ(rd32(icfgr), cfg_before);
    EXPECT_TRUE(irq_get_trigger_type(l.virq) & IRQ_TYPE_LEVEL_HIGH)
        << "the descriptor claims the refused trigger";
    // the line still works as it was
    faults().clear();
    ASSERT_EQ(s().request_line(line, 1), 0);
    s().inject_line(line);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_TRUE(verdict_passes());
}

// SLVERR on the SPI's GICD_ISENABLER write: unmask has no way to return it, so the
// io layer logs the refused access with its address and the operation in progress;
// the event then stops in the distributor, named at irq_out.
TEST_F(ContractFault, SlverrOnIsenablerIsLoggedAndTheLossNamedAtIrqOut)
{
    boot(kTestTopology, 78);
    IRQSIM_NEED_CPUS(2);
    const unsigned line = level_line(8), cpu = 1;
    LineSource& l = s().line(line);
    const uint32_t isenabler = gicd() + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE * (l.intid / 32);
    int f = faults().bus_error(isenabler, AXI_SLVERR, BusDir::Write);
    ASSERT_EQ(s().request_line(line, cpu), 0);
    EXPECT_GE(faults().fired(f), 1u);
    char want[64];
    std::snprintf(want, sizeof want, "io: writel at 0x%x: SLVERR response during ", isenabler);
    EXPECT_TRUE(has(s().log(), want)) << joined(s().log());
    s().inject_line(line);
    s().run(5000);
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = only_loss();
    EXPECT_NE(w.find("spi_pending +"), std::string::npos) << w;
    EXPECT_NE(w.find("never reached irq_out (id 0, pe 1)"), std::string::npos) << w;
    // with the bus healthy again, masking and unmasking delivers the level still up
    faults().clear();
    plat().as_cpu(0, [&] {
        disable_irq(l.virq);
        enable_irq(l.virq);
        return 0;
    });
    EXPECT_TRUE(s().drain(20000));
    EXPECT_TRUE(verdict_passes());
}

// DECERR on the GICR_SYNCR poll: the driver does not take the refused read for
// "not busy"; the LPI update fails with -EIO naming GICR_SYNCR.
TEST_F(ContractFault, BusErrorOnSyncrPollIsAnErrorNamingTheRegister)
{
    boot(kTestTopology, 73);
    IRQSIM_NEED_CPUS(2);
    LpiDevice dev(s(), "fault-lpi");
    ASSERT_TRUE(dev.ok()) << dev.error();
    ASSERT_EQ(dev.alloc(1), 0);
    ASSERT_EQ(dev.request(0, 1), 0);
    const uint32_t syncr = s().soc().gicr_frame(1) + GICR_SYNCR;
    faults().bus_error(syncr, AXI_DECERR, BusDir::Read, 1);
    int ret = plat().as_cpu(0, [&] { return gic_v3_lpi_set_priority(dev.virq(0), 0x40); });
    EXPECT_EQ(ret, -EIO);
    EXPECT_TRUE(has(s().log(), "read of GICR_SYNCR at " + hex(syncr) + " failed")) << joined(s().log());
    EXPECT_EQ(plat().as_cpu(0, [&] { return gic_v3_lpi_set_priority(dev.virq(0), 0x40); }), 0);
    dev.free_all();
}

// GICR_SYNCR stuck busy: -ETIMEDOUT after the poll limit, the register named, no hang.
TEST_F(ContractFault, SyncrStuckBusyTimesOutNamingTheRegister)
{
    boot(kTestTopology, 74);
    IRQSIM_NEED_CPUS(3);
    LpiDevice dev(s(), "fault-lpi");
    ASSERT_TRUE(dev.ok()) << dev.error();
    ASSERT_EQ(dev.alloc(1), 0);
    ASSERT_EQ(dev.request(0, 2), 0);
    size_t dram = sim().dram().allocated_bytes();
    const uint32_t syncr = s().soc().gicr_frame(2) + GICR_SYNCR;
    faults().stick_bits(syncr, GICR_SYNCR_BUSY, GICR_SYNCR_BUSY);
    uint64_t t0 = s().now();
    int ret = plat().as_cpu(0, [&] { return gic_v3_lpi_set_priority(dev.virq(0), 0x50); });
    uint64_t took = s().now() - t0;
    EXPECT_EQ(ret, -ETIMEDOUT);
    EXPECT_LT(took, kPollBudget) << "the wait went past its poll limit";
    EXPECT_TRUE(has(s().log(), "GICR_SYNCR at " + hex(syncr) + " still busy after 1000 polls"))
        << joined(s().log());
    faults().clear();
    EXPECT_EQ(plat().as_cpu(0, [&] { return gic_v3_lpi_set_priority(dev.virq(0), 0x50); }), 0);
    ASSERT_EQ(dev.fire(0), 0);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_TRUE(verdict_passes());
    dev.free_all();
    EXPECT_LE(sim().dram().allocated_bytes(), dram);
}

// Boot with a fault armed before the driver probes: the probe / CPU bring-up fails
// with the register named and within the poll budget.
class ContractFaultBoot : public ::testing::Test {
protected:
    void SetUp() override
    {
        seed_ = test_seed(75);
        SessionConfig cfg = test_session_config(kTestTopology, seed_);
        cfg.trace_path.clear();
        print_banner(seed_, cfg.cpus, "", cfg.dts_path);
        session_ = std::make_unique<SocSession>(cfg);
    }
    // boot; the error and the simulated cycles it took
    std::string boot_fails(uint64_t* cycles)
    {
        std::string err;
        uint64_t t0 = session_->now();
        bool ok = session_->boot(&err);
        *cycles = session_->now() - t0;
        EXPECT_FALSE(ok) << "booted despite the fault";
        std::printf("[ boot     ] %s\n", err.c_str());
        return err;
    }
    uint64_t seed_ = 1;
    std::unique_ptr<SocSession> session_;
};

TEST_F(ContractFaultBoot, GicdRwpStuckBusyFailsTheProbeNamingGicdCtlr)
{
    const uint32_t ctlr = session_->soc().gicd_base + GICD_CTLR;
    session_->sim().faults().stick_bits(ctlr, GICD_CTLR_RWP, GICD_CTLR_RWP);
    uint64_t took = 0;
    std::string err = boot_fails(&took);
    EXPECT_NE(err.find("irqchip probe failed (-110)"), std::string::npos) << err;
    EXPECT_TRUE(
        has(session_->log(), "RWP timeout (GICD_CTLR at " + hex(ctlr) + " still pending after 1000 polls)"))
        << joined(session_->log());
    EXPECT_LT(took, kPollBudget + 200000);
    EXPECT_EQ(session_->sim().dram().allocated_bytes(), 0u) << "the failed probe kept DMA memory";
}

TEST_F(ContractFaultBoot, GicrRwpStuckBusyFailsThatCpuNamingGicrCtlr)
{
    if (session_->cpus() < 3)
        GTEST_SKIP() << "the topology has " << session_->cpus() << " CPU(s), this test needs 3";
    const uint32_t ctlr = session_->soc().gicr_frame(2) + GICR_CTLR;
    session_->sim().faults().stick_bits(ctlr, GICR_CTLR_RWP, GICR_CTLR_RWP);
    uint64_t took = 0;
    std::string err = boot_fails(&took);
    EXPECT_NE(err.find("cpu 2 start-up failed (-110)"), std::string::npos) << err;
    EXPECT_TRUE(
        has(session_->log(), "RWP timeout (GICR_CTLR at " + hex(ctlr) + " still pending after 1000 polls)"))
        << joined(session_->log());
    EXPECT_LT(took, kPollBudget + 500000);
}

TEST_F(ContractFaultBoot, WakerChildrenAsleepNeverClearingFailsThatCpuNamingGicrWaker)
{
    if (session_->cpus() < 4)
        GTEST_SKIP() << "the topology has " << session_->cpus() << " CPU(s), this test needs 4";
    const uint32_t waker = session_->soc().gicr_frame(3) + GICR_WAKER;
    session_->sim().faults().stick_bits(waker, GICR_WAKER_ChildrenAsleep, GICR_WAKER_ChildrenAsleep);
    uint64_t took = 0;
    std::string err = boot_fails(&took);
    EXPECT_NE(err.find("cpu 3 start-up failed (-110)"), std::string::npos) << err;
    EXPECT_TRUE(
        has(session_->log(), "GICR_WAKER at " + hex(waker) + ": ChildrenAsleep still set after 1000 polls"))
        << joined(session_->log());
    EXPECT_LT(took, kPollBudget + 500000);
}

// A refused TI-SCI request: the channel request fails, the firmware holds nothing
// of it and no register it would have programmed is set; the next request works.
TEST_F(ContractFault, FirmwareRefusalLeavesNothingProgrammed)
{
    boot(kTestTopology, 76);
    Firmware& fw = sim().firmware();
    fw.set_quiet(true);
    auto fw_rd = [&](uint32_t a) { return sim().fw_bus().read32(a, kProtSecure).data; };
    for (FwOp op : {FwOp::SetIrq, FwOp::SetEventMap}) {
        SCOPED_TRACE(fw_op_name(op));
        int f = sim().faults().firmware_refuse(op, 1);
        EXPECT_LT(s().request_ring(4), 0);
        EXPECT_EQ(sim().faults().fired(f), 1u);
        EXPECT_NE(fw.last_error().find(std::string(fw_op_name(op)) + "("), std::string::npos)
            << fw.last_error();
        EXPECT_TRUE(fw.routes().empty()) << "an INTR route outlived the refused request";
        EXPECT_TRUE(fw.event_maps().empty());
        EXPECT_EQ(fw_rd(s().soc().dma_cfg_base() + DEV_DMA_RING_RING_EVENT_STRIDE * 4), 0u)
            << "RING_EVENT[4]";
        EXPECT_EQ(dma_ring_virq(s().dma(), 4), 0u);
    }
    ASSERT_EQ(s().request_ring(4), 0) << "the refusals left the ring unusable";
    ASSERT_EQ(s().post_ring(4, 3), 0);
    EXPECT_TRUE(s().drain(50000));
    EXPECT_TRUE(verdict_passes());
    ASSERT_EQ(s().release_ring(4), 0);
    EXPECT_TRUE(fw.routes().empty());
    EXPECT_TRUE(fw.event_maps().empty());
}

// The LPI configuration table unreadable (DRAM answers SLVERR): the redistributor
// caches the byte as 0 (disabled, rtl/gic/gic_redist.sv), so the LPI stays pending
// and undelivered; the driver sees nothing (SYNCR completes).  The diagnosis stops
// after setlpir; once the memory answers, a re-invalidate delivers it.
TEST_F(ContractFault, DramReadErrorOnLpiConfigTableKeepsTheLpiPending)
{
    boot(kTestTopology, 77);
    IRQSIM_NEED_CPUS(2);
    LpiDevice dev(s(), "fault-lpi");
    ASSERT_TRUE(dev.ok()) << dev.error();
    ASSERT_EQ(dev.alloc(1), 0);
    ASSERT_EQ(dev.request(0, 1), 0);
    uint64_t prop = rd64(s().soc().gicr_frame(1) + GICR_PROPBASER) & 0x000ffffffffff000ull;
    uint64_t dram_errors = sim().dram().bus_errors();
    int f = sim().faults().dram_read_error(prop, 1u << 16);
    EXPECT_EQ(plat().as_cpu(0, [&] { return gic_v3_lpi_set_priority(dev.virq(0), 0x60); }), 0)
        << "the driver cannot see the redistributor's failed fetch";
    EXPECT_GT(sim().faults().fired(f), 0u);
    EXPECT_GT(sim().dram().bus_errors(), dram_errors);
    uint64_t t = s().now();
    ASSERT_EQ(dev.fire(0), 0);
    s().run(5000);
    EXPECT_EQ(s().scoreboard().verdict().lost, 1u);
    std::string w = s().diagnose(dev.hops(0), t);
    std::printf("[ diagnose ] %s\n", w.c_str());
    EXPECT_NE(w.find("setlpir +"), std::string::npos) << w;
    EXPECT_NE(w.find("never reached irq_out (id 0, pe 1)"), std::string::npos) << w;
    sim().faults().clear();
    EXPECT_EQ(plat().as_cpu(0, [&] { return gic_v3_lpi_set_priority(dev.virq(0), 0x60); }), 0);
    EXPECT_TRUE(s().drain(20000)) << "the kept LPI was not delivered after the refetch";
    EXPECT_TRUE(verdict_passes());
    dev.free_all();
}

}  // namespace
}  // namespace irqsim::e2e
