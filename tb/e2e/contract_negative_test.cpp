// SPDX-License-Identifier: MIT
// Negative contract tests (label contract): driver mistakes done on purpose by a
// test-local "broken driver" (through the io seam or the BFM), and proof that the
// checks catch them — lost events with the first missing hop named, a bus-protocol
// check for the RWP wait, a wrong CPU on the scoreboard, and the RTL's own
// programming checks.
#include <cstdio>

#include "e2e_support.h"
#include "gic_dist_regs.h"

namespace irqsim::e2e {
namespace {

class ContractNegative : public SessionTest {};

// Poke the redistributor of a CPU back to sleep after boot (as a driver that
// forgot the WAKER handshake would leave it): its interrupts are lost and the
// diagnosis names irq_out of that PE as the first hop never reached.
TEST_F(ContractNegative, RedistributorAsleepLosesDeliveryAtIrqOut)
{
    boot(kTestTopology, 31);
    IRQSIM_NEED_CPUS(3);
    const unsigned cpu = 2, line = level_line(3);
    ASSERT_EQ(s().request_line(line, cpu), 0);
    s().inject_line(line);
    ASSERT_TRUE(s().drain(20000)) << "baseline delivery failed";

    const uint32_t waker = s().soc().gicr_frame(cpu) + GICR_WAKER;
    wr32(waker, rd32(waker) | GICR_WAKER_ProcessorSleep);
    ASSERT_TRUE(sim().run_until([&] { return (rd32(waker) & GICR_WAKER_ChildrenAsleep) != 0; }, 1000));
    s().inject_line(line);
    s().run(5000);
    Verdict v = s().scoreboard().verdict();
    EXPECT_EQ(v.lost, 1u) << "the broken sequence went unnoticed: " << v.summary();
    auto why = s().explain_losses();
    ASSERT_EQ(why.size(), 1u);
    std::printf("[ detected ] %s\n", why[0].c_str());
    EXPECT_NE(why[0].find("spi_pending +"), std::string::npos) << why[0];
    EXPECT_NE(why[0].find("never reached irq_out (id 0, pe 2)"), std::string::npos) << why[0];

    // the fix: wake it (what gic_enable_redist does) and the kept level line arrives
    wr32(waker, rd32(waker) & ~GICR_WAKER_ProcessorSleep);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_TRUE(verdict_passes());
}

// A bus-protocol check of the RWP contract: after a write to GICD_ICENABLER the
// driver must poll GICD_CTLR until RWP reads 0 before its next distributor write
// or before returning.  Returns the violations among the log entries from `from`.
std::vector<std::string> rwp_violations(const BusLog& log, uint64_t from_total, uint32_t gicd)
{
    std::vector<std::string> out;
    size_t first = log.size() - std::min<uint64_t>(log.size(), log.total() - from_total);
    bool owed = false;
    std::string what;
    for (size_t i = first; i < log.size(); i++) {
        const BusLogEntry& e = log.at(i);
        if (std::string(e.master) != "cpu")
            continue;
        bool in_gicd = e.addr >= gicd && e.addr < gicd + GIC_V3_DIST_SIZE;
        if (!in_gicd)
            continue;
        uint64_t off = e.addr - gicd;
        if (std::string(e.kind) == "R" && off == GICD_CTLR && !(e.data & GICD_CTLR_RWP)) {
            owed = false;
        } else if (std::string(e.kind) == "W") {
            if (owed)
                out.push_back("distributor write at +0x" + std::to_string(off) +
                              " while RWP still owed after " + what);
            if (off >= GICD_ICENABLER && off < GICD_ISPENDR) {  // an ICENABLER<n>
                owed = true;
                what = e.str();
            }
        }
    }
    if (owed)
        out.push_back("returned without waiting for RWP after " + what);
    return out;
}

TEST_F(ContractNegative, MaskWithoutRwpWaitIsDetected)
{
    boot(kTestTopology, 32);
    IRQSIM_NEED_CPUS(2);
    const unsigned line = level_line(7);
    ASSERT_EQ(s().request_line(line, 1), 0);
    LineSource& L = s().line(line);

    // the real driver: disable_irq masks and waits for RWP — no violation
    uint64_t mark = sim().bus_log().total();
    s().disable_line(line);
    auto good = rwp_violations(sim().bus_log(), mark, gicd());
    EXPECT_TRUE(good.empty()) << "the real driver's mask: " << (good.empty() ? "" : good[0]);
    s().enable_line(line);

    // a broken mask: ICENABLER through the io seam, no RWP wait
    mark = sim().bus_log().total();
    plat().as_cpu(0, [&] {
        void __iomem* dist = ioremap(gicd(), GIC_V3_DIST_SIZE);
        writel(1u << (L.intid % 32), static_cast<char __iomem*>(dist) + GICD_ICENABLER +
                                         GIC_DIST_ICENABLER_SPI_STRIDE * (L.intid / 32));
        iounmap(dist);
        return 0;
    });
    auto bad = rwp_violations(sim().bus_log(), mark, gicd());
    ASSERT_FALSE(bad.empty()) << "the check missed a mask without RWP wait";
    std::printf("[ detected ] %s\n", bad[0].c_str());
    EXPECT_NE(bad[0].find("without waiting for RWP"), std::string::npos);
}

// IROUTER programmed with an affinity no PE has: the event is lost at irq_out.
TEST_F(ContractNegative, WrongIrouterAffinityLosesEvent)
{
    boot(kTestTopology, 33);
    IRQSIM_NEED_CPUS(2);
    const unsigned line = 5;
    ASSERT_EQ(s().request_line(line, 1), 0);
    LineSource& L = s().line(line);
    s().inject_line(line);
    ASSERT_TRUE(s().drain(20000));
    // a broken set_affinity: Aff0 = 0x20 (MPIDR of no PE)
    wr32(gicd() + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * L.intid, 0x20);
    s().inject_line(line);
    s().run(5000);
    Verdict v = s().scoreboard().verdict();
    EXPECT_EQ(v.lost, 1u) << v.summary();
    auto why = s().explain_losses();
    ASSERT_EQ(why.size(), 1u);
    std::printf("[ detected ] %s\n", why[0].c_str());
    EXPECT_NE(why[0].find("never reached irq_out"), std::string::npos) << why[0];
}

// IROUTER written at the wrong offset (a 32-bit stride, 0x6000 + 4 * INTID): the
// SPI keeps going to the old CPU while the driver believes it moved — the
// scoreboard counts the delivery on the wrong CPU.
TEST_F(ContractNegative, WrongIrouterOffsetGivesWrongCpu)
{
    boot(kTestTopology, 34);
    IRQSIM_NEED_CPUS(3);
    const unsigned line = edge_line(5);
    ASSERT_EQ(s().request_line(line, 1), 0);
    LineSource& L = s().line(line);
    wr32(gicd() + GICD_IROUTER + 4 * L.intid, 2);  // meant: IROUTER[intid] = CPU 2
    CpuSet believed;
    believed.set(2);
    s().scoreboard().inject(L.name, L.virq, believed, s().now(), true);
    sim().lines().pulse(L.line, 1);
    s().run(5000);
    Verdict v = s().scoreboard().verdict();
    EXPECT_EQ(v.wrong_cpu, 1u) << v.summary();
    EXPECT_FALSE(v.pass());
    ASSERT_FALSE(s().scoreboard().problems().empty());
    std::printf("[ detected ] %s\n", s().scoreboard().problems()[0].c_str());
    EXPECT_NE(s().scoreboard().problems()[0].find("not an allowed CPU"), std::string::npos);
}

// ---- the RTL's programming checks ($error), recorded by the harness ---------------------

struct RtlCheckCase {
    const char* name;
    const char* reg;   // the register the message must name
    const char* rule;  // and the rule
    void (*poke)(Sim&);
};

void PrintTo(const RtlCheckCase& c, std::ostream* os) { *os << c.name; }

class ContractRtlChecks : public ::testing::TestWithParam<RtlCheckCase> {
protected:
    void SetUp() override
    {
        SimConfig cfg = test_sim_config(kTestTopology, test_seed(1));
        print_banner(cfg.seed, cfg.cpus, cfg.trace_path, test_dts());
        sim_ = std::make_unique<Sim>(cfg);
        sim_->boot();
        for (unsigned c = 0; c < sim_->num_cpus(); c++)
            sim_->platform().set_irqs_enabled(c, false);
        sim_->run(200);
    }
    std::unique_ptr<Sim> sim_;
};

TEST_P(ContractRtlChecks, ForbiddenWriteIsReported)
{
    ASSERT_FALSE(sim_->failed()) << "reset alone tripped a check: " << sim_->error();
    ::testing::internal::CaptureStdout();
    GetParam().poke(*sim_);
    sim_->run(20);
    std::string out = ::testing::internal::GetCapturedStdout();
    std::printf("%s", out.c_str());
    EXPECT_TRUE(sim_->failed()) << "the RTL check did not fire";
    std::printf("[ result   ] Sim::error(): %s\n", sim_->error().c_str());
    EXPECT_NE(sim_->error().find("RTL: "), std::string::npos) << sim_->error();
    // the RTL's message (printed by Verilator) names the register and the rule
    EXPECT_NE(out.find(GetParam().reg), std::string::npos) << out;
    EXPECT_NE(out.find(GetParam().rule), std::string::npos) << out;
}

// Sim::error() carries the RTL's own message (register + rule), so a report
// or a JSON result built from it says which rule was broken.
TEST_P(ContractRtlChecks, ErrorTextNamesRegisterAndRule)
{
    GetParam().poke(*sim_);
    sim_->run(20);
    ASSERT_TRUE(sim_->failed());
    EXPECT_NE(sim_->error().find(GetParam().reg), std::string::npos) << sim_->error();
    EXPECT_NE(sim_->error().find(GetParam().rule), std::string::npos) << sim_->error();
}

INSTANTIATE_TEST_SUITE_P(
    Contract, ContractRtlChecks,
    ::testing::Values(RtlCheckCase{"IgrpmodrWrite", "GICD_IGRPMODR", "Secure-only",
                                   [](Sim& s) {
                                       s.cpu_bus().write32(s.model().params().gicd_base + GICD_IGRPMODR +
                                                               GIC_DIST_IGRPMODR_STRIDE,
                                                           ~0u);
                                   }},
                      RtlCheckCase{"IrouterIrm", "GICD_IROUTER", "IRM=1",
                                   [](Sim& s) {
                                       s.cpu_bus().write32(s.model().params().gicd_base + GICD_IROUTER +
                                                               GIC_DIST_IROUTER_STRIDE * 40,
                                                           1u << 31);
                                   }},
                      RtlCheckCase{"HalfwordCtlrWrite", "GICD", "byte/halfword",
                                   [](Sim& s) {
                                       s.cpu_bus().write32(s.model().params().gicd_base + GICD_CTLR, 0x2,
                                                           kProtNonSecure, 0x3);
                                   }},
                      RtlCheckCase{"EoiWithNothingActive", "ICC_EOIR1_EL1", "no active priority",
                                   [](Sim& s) { s.sysregs().write(0, kIccEoir1, 40); }},
                      RtlCheckCase{"DirWithEoiMode0", "ICC_DIR_EL1", "EOImode=0",
                                   [](Sim& s) { s.sysregs().write(1, kIccDir, 40); }},
                      RtlCheckCase{"SetspiNonSpi", "GICD_SETSPI_NSR", "not an implemented SPI",
                                   [](Sim& s) {
                                       s.cpu_bus().write32(s.model().params().gicd_base + GICD_SETSPI_NSR, 5);
                                   }}),
    [](const ::testing::TestParamInfo<RtlCheckCase>& i) { return std::string(i.param.name); });

}  // namespace
}  // namespace irqsim::e2e
