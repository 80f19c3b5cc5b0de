// SPDX-License-Identifier: MIT
// Driver-vs-RTL register contracts (label contract): reset values and writable
// masks straight after reset, RWP and WAKER behaviour, the device tree against
// the RTL, and the RTL's own programming checks.
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "e2e_support.h"
#include "soc_dt.h"
#include "tree_model.h"
#include "gic_dist_regs.h"

namespace irqsim::e2e {
namespace {

// A bare SoC after reset: no driver has touched it.
class ContractHw : public ::testing::TestWithParam<unsigned> {
protected:
    void SetUp() override
    {
        uint64_t seed = test_seed(1);
        SimConfig cfg = test_sim_config(GetParam(), seed);
        print_banner(seed, cfg.cpus, cfg.trace_path, GetParam() == kTestTopology ? test_dts() : "");
        if (GetParam() == kTestTopology) {
            std::string err;
            ASSERT_TRUE(test_topology(&dtb_, nullptr, &err)) << err;
        } else {
            std::string err;
            ASSERT_TRUE(dtb_with_cpus(default_dtb(), GetParam(), &dtb_, &err)) << err;
        }
        sim_ = std::make_unique<Sim>(cfg);
        sim_->boot();
        // no driver here: the platform must not enter any IRQ entry
        for (unsigned c = 0; c < sim_->num_cpus(); c++)
            sim_->platform().set_irqs_enabled(c, false);
        // the distributor clears its arrays one SPI per cycle after reset
        sim_->run(sim_->model().params().num_spis + 16);
    }
    void TearDown() override
    {
        if (HasFailure() && sim_ && sim_->failed())
            std::printf("[ rtl      ] %s\n", sim_->error().c_str());
        sim_.reset();
    }
    uint32_t rd(uint32_t a)
    {
        AxiResult r = sim_->cpu_bus().read32(a, kProtNonSecure);
        EXPECT_EQ(r.resp, 0u) << std::hex << "read 0x" << a;
        return static_cast<uint32_t>(r.data);
    }
    void wr(uint32_t a, uint32_t v, uint8_t strb = 0xf)
    {
        AxiResult r = sim_->cpu_bus().write32(a, v, kProtNonSecure, strb);
        EXPECT_EQ(r.resp, 0u) << std::hex << "write 0x" << a;
    }
    uint64_t sr(unsigned pe, uint16_t key)
    {
        SysregResult r = sim_->sysregs().read(pe, key);
        EXPECT_TRUE(r.ok()) << "sysreg read pe " << pe << " key 0x" << std::hex << key;
        return r.data;
    }
    void sw(unsigned pe, uint16_t key, uint64_t v)
    {
        SysregResult r = sim_->sysregs().write(pe, key, v);
        EXPECT_TRUE(r.ok()) << "sysreg write pe " << pe << " key 0x" << std::hex << key;
    }
    const SocParams& params() { return sim_->model().params(); }
    uint32_t gicd() { return params().gicd_base; }
    std::unique_ptr<Sim> sim_;
    std::vector<uint8_t> dtb_;  // the tree a driver would be given on this SoC
};

TEST_P(ContractHw, DistributorResetValuesAndMasks)
{
    const SocParams& p = params();
    uint32_t ctlr = rd(gicd() + GICD_CTLR);
    EXPECT_EQ(ctlr, 0x50u) << "GICD_CTLR: DS and ARE RAO, groups off, RWP 0";
    EXPECT_TRUE(ctlr & GICD_CTLR_DS);
    EXPECT_TRUE(ctlr & GICD_CTLR_ARE_NS);

    uint32_t typer = rd(gicd() + GICD_TYPER);
    EXPECT_EQ(GICD_TYPER_ITLINES(typer), p.num_spis / 32) << "ITLinesNumber vs RTL NUM_SPIS";
    EXPECT_EQ(GICD_TYPER_SPIS(typer), p.num_spis + 32u);
    EXPECT_TRUE(typer & GICD_TYPER_MBIS);
    EXPECT_TRUE(typer & GICD_TYPER_LPIS) << "redistributors implement Direct LPIs";
    EXPECT_EQ(GICD_TYPER_ID_BITS(typer), 16u);
    // and against the device tree the driver will be given
    std::string err;
    DtParams dp;
    ASSERT_TRUE(dtb_params(dtb_, &dp, &err)) << err;
    EXPECT_EQ(GICD_TYPER_SPIS(typer) - 32, dp.spis) << "/soc/irqsim,params irqsim,spis vs GICD_TYPER";
    EXPECT_EQ(dp.cpus, p.num_cpus);

    EXPECT_EQ(rd(gicd() + GICD_PIDR2) & GIC_PIDR2_ARCH_MASK, static_cast<uint32_t>(GIC_PIDR2_ARCH_GICv3));
    for (unsigned n = 0; n <= p.num_spis / 32; n++) {
        EXPECT_EQ(rd(gicd() + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE * n), 0u) << "IGROUPR" << n;
        EXPECT_EQ(rd(gicd() + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE * n), 0u) << "ISENABLER" << n;
        EXPECT_EQ(rd(gicd() + GICD_ISPENDR + GIC_DIST_ISPENDR_SPI_STRIDE * n), 0u) << "ISPENDR" << n;
        EXPECT_EQ(rd(gicd() + GICD_ISACTIVER + GIC_DIST_ISACTIVER_SPI_STRIDE * n), 0u) << "ISACTIVER" << n;
    }
    // IGROUPR0 (SGIs/PPIs) is RAZ/WI in the distributor with ARE
    wr(gicd() + GICD_IGROUPR, ~0u);
    EXPECT_EQ(rd(gicd() + GICD_IGROUPR), 0u);
    wr(gicd() + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE, ~0u);
    EXPECT_EQ(rd(gicd() + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE), ~0u);

    // priority: 5 implemented bits (0xF8), byte-accessible; SGI/PPI bytes RAZ/WI
    EXPECT_EQ(rd(gicd() + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8), 0u);
    wr(gicd() + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8, 0xffffffffu);
    EXPECT_EQ(rd(gicd() + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8), 0xf8f8f8f8u);
    wr(gicd() + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 9, 0x000000a7u << 16,
       0x4);  // byte 2 of the word: INTID 38
    EXPECT_EQ(rd(gicd() + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 9), 0x00a00000u);
    wr(gicd() + GICD_IPRIORITYR, 0xffffffffu);
    EXPECT_EQ(rd(gicd() + GICD_IPRIORITYR), 0u) << "INTIDs < 32 are not in the distributor";

    // ICFGR: SGI/PPI words RAZ/WI; SPI bit 2k+1 sticks, bit 2k RES0
    wr(gicd() + GICD_ICFGR, ~0u);
    EXPECT_EQ(rd(gicd() + GICD_ICFGR), 0u);
    wr(gicd() + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * 2, ~0u);
    EXPECT_EQ(rd(gicd() + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * 2), 0xaaaaaaaau);
    // IROUTER resets to 0 (PE 0) and holds Aff0/Aff1
    EXPECT_EQ(rd(gicd() + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40), 0u);
    wr(gicd() + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40, 0x0103u);
    EXPECT_EQ(rd(gicd() + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40), 0x0103u);
    EXPECT_FALSE(sim_->failed()) << sim_->error();
}

TEST_P(ContractHw, RedistributorResetValues)
{
    const SocParams& p = params();
    const unsigned pes = p.num_pes();
    for (unsigned pe = 0; pe < pes; pe++) {
        const uint32_t rdb = params().gicr_frame(pe), sgi = params().gicr_sgi_frame(pe);
        SCOPED_TRACE("PE " + std::to_string(pe));
        EXPECT_EQ(rd(rdb + GICR_PIDR2) & GIC_PIDR2_ARCH_MASK, static_cast<uint32_t>(GIC_PIDR2_ARCH_GICv3));
        uint64_t typer = static_cast<uint64_t>(rd(rdb + GICR_TYPER)) |
                         static_cast<uint64_t>(rd(rdb + GICR_TYPER + sizeof(uint32_t))) << 32;
        EXPECT_EQ(GICR_TYPER_AFFINITY(typer), ((pe / 16) << 8) | (pe % 16)) << "affinity = MPIDR Aff1.Aff0";
        EXPECT_EQ((typer >> 8) & 0xffff, pe) << "Processor_Number";
        EXPECT_EQ((typer & GICR_TYPER_LAST) != 0, pe == pes - 1) << "Last only on the last redistributor";
        EXPECT_FALSE(typer & GICR_TYPER_VLPIS);
        uint32_t waker = rd(rdb + GICR_WAKER);
        EXPECT_EQ(waker & (GICR_WAKER_ProcessorSleep | GICR_WAKER_ChildrenAsleep),
                  GICR_WAKER_ProcessorSleep | GICR_WAKER_ChildrenAsleep)
            << "WAKER reset: ProcessorSleep=1, ChildrenAsleep=1";
        uint32_t ctlr = rd(rdb + GICR_CTLR);
        EXPECT_EQ(ctlr & (GICR_CTLR_RWP | GICR_CTLR_UWP), 0u) << "RWP/UWP idle";
        EXPECT_EQ(rd(sgi + GICR_IGROUPR0), 0u);
        EXPECT_EQ(rd(sgi + GICR_ISENABLER0), 0u);
        // SGIs: ICFGR0 read-only, always edge
        EXPECT_EQ(rd(sgi + GICR_ICFGR0), 0xaaaaaaaau);
        wr(sgi + GICR_ICFGR0, 0);
        EXPECT_EQ(rd(sgi + GICR_ICFGR0), 0xaaaaaaaau) << "SGI configuration is read-only";
        wr(sgi + GICR_IPRIORITYR0 + 4 * 7, 0xffffffffu);
        EXPECT_EQ(rd(sgi + GICR_IPRIORITYR0 + 4 * 7), 0xf8f8f8f8u);
    }
    EXPECT_FALSE(sim_->failed()) << sim_->error();
}

TEST_P(ContractHw, CpuInterfaceResetValues)
{
    for (unsigned pe = 0; pe < params().num_pes(); pe++) {
        SCOPED_TRACE("PE " + std::to_string(pe));
        uint64_t ctlr = sr(pe, kIccCtlr);
        EXPECT_EQ((ctlr & ICC_CTLR_EL1_PRI_BITS_MASK) >> ICC_CTLR_EL1_PRI_BITS_SHIFT, 4u)
            << "PRIbits = 5 bits - 1";
        EXPECT_EQ(ctlr & ICC_CTLR_EL1_EOImode_drop, 0u);
        EXPECT_EQ(ctlr & ICC_CTLR_EL1_RSS, 0u);
        uint64_t sre = sr(pe, kIccSre);
        EXPECT_TRUE(sre & ICC_SRE_EL1_SRE);
        sw(pe, kIccSre, 0);
        EXPECT_TRUE(sr(pe, kIccSre) & ICC_SRE_EL1_SRE) << "SRE must stick at 1";
        EXPECT_EQ(sr(pe, kIccPmr), 0u);
        sw(pe, kIccPmr, 0xff);
        EXPECT_EQ(sr(pe, kIccPmr), 0xf8u) << "PMR keeps the implemented priority bits";
        EXPECT_EQ(sr(pe, kIccRpr), 0xffu) << "idle running priority";
        EXPECT_EQ(sr(pe, kIccIgrpen1), 0u);
        EXPECT_EQ(sr(pe, kIccIar1) & ICC_IAR1_EL1_INTID_MASK, static_cast<uint64_t>(GIC_INTID_SPURIOUS));
    }
    EXPECT_FALSE(sim_->failed()) << sim_->error();
}

// RWP: set by ICENABLER, drops within a bound; 0 when idle.
TEST_P(ContractHw, RwpAfterIcenablerDropsAndIsIdleZero)
{
    const SocParams& p = params();
    for (int i = 0; i < 5; i++)
        EXPECT_EQ(rd(gicd() + GICD_CTLR) & GICD_CTLR_RWP, 0u) << "RWP must read 0 when idle";
    // make the distributor's sweep long: every SPI pending, enabled, Group 1
    wr(gicd() + GICD_CTLR, GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ARE_NS);
    ASSERT_TRUE(sim_->run_until([&] { return !(rd(gicd() + GICD_CTLR) & GICD_CTLR_RWP); }, 5000));
    for (unsigned n = 1; n <= p.num_spis / 32; n++) {
        wr(gicd() + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE * n, ~0u);
        wr(gicd() + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE * n, ~0u);
        wr(gicd() + GICD_ISPENDR + GIC_DIST_ISPENDR_SPI_STRIDE * n, ~0u);
    }
    sim_->run(2 * p.num_spis + 50);
    uint64_t t0 = sim_->cycle();
    wr(gicd() + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE, 1u << 3);  // INTID 35
    uint32_t first = rd(gicd() + GICD_CTLR);
    EXPECT_TRUE(first & GICD_CTLR_RWP) << "RWP must be set right after an ICENABLER write";
    bool dropped = sim_->run_until([&] { return !(rd(gicd() + GICD_CTLR) & GICD_CTLR_RWP); }, 10000);
    uint64_t took = sim_->cycle() - t0;
    EXPECT_TRUE(dropped) << "RWP stuck";
    // bound: two full sweeps (one cycle per word + one per eligible SPI) plus bus time
    EXPECT_LT(took, 2u * (p.num_spis + p.num_spis / 32 + 4) + 100) << "RWP took " << took << " cycles";
    std::printf("[ result   ] GICD RWP cleared %llu cycles after the ICENABLER write\n",
                static_cast<unsigned long long>(took));
    EXPECT_EQ(rd(gicd() + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE) & (1u << 3), 0u);

    // redistributor: ICENABLER0 sets GICR_CTLR.RWP (bit 3) which drops again; UWP stays 0
    const uint32_t rd0 = params().gicr_frame(0), sgi0 = params().gicr_sgi_frame(0);
    wr(sgi0 + GICR_ICENABLER0, 0xffff0000u);
    bool rdrop = sim_->run_until([&] { return !(rd(rd0 + GICR_CTLR) & GICR_CTLR_RWP); }, 5000);
    EXPECT_TRUE(rdrop) << "GICR RWP stuck";
    EXPECT_EQ(rd(rd0 + GICR_CTLR) & GICR_CTLR_UWP, 0u);
    EXPECT_FALSE(sim_->failed()) << sim_->error();
}

// WAKER: clearing ProcessorSleep makes ChildrenAsleep drop; while asleep nothing
// reaches the CPU interface.
TEST_P(ContractHw, WakerHandshakeGatesDelivery)
{
    const unsigned pe = params().num_cpus - 1;
    const uint32_t rdb = params().gicr_frame(pe), sgib = params().gicr_sgi_frame(pe);
    // everything a driver would set up, except the wake-up
    wr(gicd() + GICD_CTLR, GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ARE_NS);
    wr(sgib + GICR_IGROUPR0, ~0u);
    wr(sgib + GICR_ISENABLER0, 0x0000ffffu);
    sw(pe, kIccPmr, DEFAULT_PMR_VALUE);
    sw(pe, kIccIgrpen1, 1);
    wr(sgib + GICR_ISPENDR0, 1u << 5);  // SGI 5 pending
    sim_->run(200);
    EXPECT_FALSE(sim_->platform().irq_line(pe)) << "irq_out raised while the redistributor sleeps";
    EXPECT_EQ(sr(pe, kIccIar1) & ICC_IAR1_EL1_INTID_MASK, static_cast<uint64_t>(GIC_INTID_SPURIOUS))
        << "IAR1 acknowledged while the redistributor sleeps";
    EXPECT_TRUE(rd(sgib + GICR_ISPENDR0) & (1u << 5)) << "the SGI stays pending";

    uint64_t t0 = sim_->cycle();
    wr(rdb + GICR_WAKER, rd(rdb + GICR_WAKER) & ~GICR_WAKER_ProcessorSleep);
    bool awake = sim_->run_until([&] { return !(rd(rdb + GICR_WAKER) & GICR_WAKER_ChildrenAsleep); }, 1000);
    EXPECT_TRUE(awake) << "ChildrenAsleep never dropped";
    EXPECT_LT(sim_->cycle() - t0, 200u);
    EXPECT_TRUE(sim_->run_until([&] { return sim_->platform().irq_line(pe); }, 500))
        << "no irq after wake-up";
    EXPECT_EQ(sr(pe, kIccIar1) & ICC_IAR1_EL1_INTID_MASK, 5u);
    sw(pe, kIccEoir1, 5);

    // back to sleep: ChildrenAsleep follows, delivery stops again
    wr(rdb + GICR_WAKER, rd(rdb + GICR_WAKER) | GICR_WAKER_ProcessorSleep);
    EXPECT_TRUE(
        sim_->run_until([&] { return (rd(rdb + GICR_WAKER) & GICR_WAKER_ChildrenAsleep) != 0; }, 1000));
    wr(sgib + GICR_ISPENDR0, 1u << 6);
    sim_->run(200);
    EXPECT_FALSE(sim_->platform().irq_line(pe));
    EXPECT_FALSE(sim_->failed()) << sim_->error();
}

// GICD_IROUTER's affinity names every PE, the coprocessor too: PE p is Aff1 =
// p / 16, Aff0 = p % 16 (at 16 CPUs the coprocessor is PE 16 = Aff1 1).
TEST_P(ContractHw, IrouterAffinityReachesEveryPe)
{
    const unsigned pes = params().num_pes(), intid = 40;
    wr(gicd() + GICD_CTLR, GICD_CTLR_ENABLE_G1 | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ARE_NS);
    wr(gicd() + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE * (intid / 32), ~0u);
    wr(gicd() + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE * (intid / 32), 1u << (intid % 32));
    for (unsigned pe = 0; pe < pes; pe++) {
        const uint32_t rdb = params().gicr_frame(pe);
        wr(rdb + GICR_WAKER, rd(rdb + GICR_WAKER) & ~GICR_WAKER_ProcessorSleep);
        ASSERT_TRUE(
            sim_->run_until([&] { return !(rd(rdb + GICR_WAKER) & GICR_WAKER_ChildrenAsleep); }, 1000));
        sw(pe, kIccPmr, DEFAULT_PMR_VALUE);
        sw(pe, kIccIgrpen1, 1);
    }
    for (unsigned pe = 0; pe < pes; pe++) {
        const uint64_t aff = (pe / 16) << 8 | (pe % 16);
        wr(gicd() + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * intid, static_cast<uint32_t>(aff));
        wr(gicd() + GICD_ISPENDR + GIC_DIST_ISPENDR_SPI_STRIDE * (intid / 32), 1u << (intid % 32));
        ASSERT_TRUE(sim_->run_until([&] { return sim_->platform().irq_line(pe); }, 2000)) << "PE " << pe;
        for (unsigned other = 0; other < pes; other++) {
            if (other != pe) {
                EXPECT_FALSE(sim_->platform().irq_line(other)) << "PE " << other << " for PE " << pe;
            }
        }
        EXPECT_EQ(sr(pe, kIccIar1) & ICC_IAR1_EL1_INTID_MASK, intid) << "PE " << pe;
        sw(pe, kIccEoir1, intid);
        sim_->run(50);
    }
    EXPECT_FALSE(sim_->failed()) << sim_->error();
}

INSTANTIATE_TEST_SUITE_P(ContractCpus, ContractHw, ::testing::Values(1u, 4u, 16u), cpus_name);
INSTANTIATE_TEST_SUITE_P(ContractTopology, ContractHw, ::testing::Values(kTestTopology), cpus_name);

// ---- the device tree against the RTL -------------------------------------------------

std::string write_temp_dts(const std::string& text, const std::string& tag)
{
    auto path = std::filesystem::temp_directory_path() /
                ("irqsim_e2e_" + tag + "_" + std::to_string(::getpid()) + ".dts");
    std::ofstream(path) << text;
    return path.string();
}

// The tree chooses the model: every parameter the session's model was built with
// is the one the tree asks for, and the hardware agrees (GICD_TYPER).  The tree:
// the test topology, or (on the default SoC) topologies/minimal-1cpu.dts.
TEST(ContractDeviceTree, TheTreeChoosesTheModel)
{
    std::string path =
        test_dts().empty() ? std::string(IRQSIM_SOURCE_DIR) + "/topologies/minimal-1cpu.dts" : test_dts();
    print_banner(test_seed(1), 1, "", path);
    std::vector<uint8_t> dtb;
    std::string err;
    ASSERT_TRUE(compile_dts(path, &dtb, &err)) << err;
    SocParams want;
    ASSERT_TRUE(tree_soc_params(dtb, &want, &err)) << err;
    ASSERT_NE(want, SocParams()) << "the tree must ask for another model than the default";
    SessionConfig cfg;
    cfg.cpus = want.num_cpus == 4 ? 1 : 4;  // the tree, not --cpus, decides
    cfg.dts_path = path;
    cfg.quiet = true;
    SocSession s(cfg);
    ASSERT_TRUE(s.boot(&err)) << err;
    EXPECT_TRUE(s.soc() == want) << "the model is not the tree's";
    EXPECT_EQ(s.cpus(), want.num_cpus);
    AxiResult typer = s.sim().cpu_bus().read32(s.soc().gicd_base + GICD_TYPER, kProtNonSecure);
    EXPECT_EQ(32 * ((typer.data & 0x1f) + 1) - 32, want.num_spis);
}

// A tree that contradicts itself is refused with one line naming node and
// property, before any model is built for it.
// (The test topology's tree: fewer CPUs, half the lines, the SPIs ending below
// the MBI range.)
TEST(ContractDeviceTree, ContradictionRefusedBeforeAnyModelIsBuilt)
{
    const SocParams& p = test_soc();
    const std::string base = test_dts_text();
    std::smatch mbi;
    ASSERT_TRUE(std::regex_search(base, mbi, std::regex("mbi-ranges = <([0-9]+) ([0-9]+)>")))
        << "no mbi-ranges";
    const unsigned mbi_first = static_cast<unsigned>(std::stoul(mbi[1])),
                   mbi_count = static_cast<unsigned>(std::stoul(mbi[2]));
    ASSERT_GT(mbi_first, 64u);
    const unsigned cpus_to = p.num_cpus == 2 ? 1 : 2, lines_to = p.num_lines / 2, spis_to = mbi_first - 32;
    auto set = [](const char* prop, unsigned v) {
        return std::string(prop) + " = <" + std::to_string(v) + ">";
    };
    struct {
        std::string from, to, expect;
    } cases[] = {{set("irqsim,cpus", p.num_cpus), set("irqsim,cpus", cpus_to),
                  "/cpus: cpu nodes: " + std::to_string(p.num_cpus) +
                      " application cpu nodes but irqsim,cpus is " + std::to_string(cpus_to)},
                 {set("irqsim,lines", p.num_lines), set("irqsim,lines", lines_to),
                  "/soc/irqsim,lines: interrupts: lists " + std::to_string(p.num_lines) +
                      " lines but irqsim,lines is " + std::to_string(lines_to)},
                 {set("irqsim,spis", p.num_spis), set("irqsim,spis", spis_to),
                  "mbi-ranges: <" + std::to_string(mbi_first) + " " + std::to_string(mbi_count) +
                      "> is not within the SPIs 32.." + std::to_string(31 + spis_to)}};
    for (const auto& c : cases) {
        if (c.to == set("irqsim,cpus", cpus_to) && p.num_cpus < 2) {
            std::printf("[ note     ] one CPU: no smaller irqsim,cpus to contradict the cpu nodes with\n");
            continue;
        }
        std::string text = base;
        size_t at = text.find(c.from);
        ASSERT_NE(at, std::string::npos) << c.from;
        text.replace(at, c.from.size(), c.to);
        std::string path = write_temp_dts(text, "contradiction");
        char cache[] = "/tmp/irqsim-no-model-XXXXXX";
        ASSERT_NE(mkdtemp(cache), nullptr);
        setenv("IRQSIM_MODEL_CACHE", cache, 1);
        SessionConfig cfg;
        cfg.dts_path = path;
        cfg.quiet = true;
        std::string err;
        {
            SocSession s(cfg);
            EXPECT_FALSE(s.boot(&err)) << c.to << ": accepted";
        }
        unsetenv("IRQSIM_MODEL_CACHE");
        std::filesystem::remove(path);
        std::printf("[ result   ] %s: %s\n", c.to.c_str(), err.c_str());
        EXPECT_EQ(err.rfind("device tree ", 0), 0u) << err;
        EXPECT_NE(err.find(c.expect), std::string::npos) << err;
        EXPECT_EQ(err.find('\n'), std::string::npos) << err;
        EXPECT_TRUE(std::filesystem::is_empty(cache)) << c.to << ": a model was built for it";
        std::filesystem::remove_all(cache);
    }
}

}  // namespace
}  // namespace irqsim::e2e
