// SPDX-License-Identifier: MIT
// The io seam on the real SoC: readl/writel/readq through the BFM, sysregs of the
// current CPU, DMA memory, time, annotations in the bus log; and IRQ entry: a
// test-local mini "driver" installs an arch IRQ entry (set_handle_irq) that
// acknowledges through read_sysreg_s(ICC_IAR1) and EOIs, and the Platform enters
// it on the CPU whose irq_out is high.
#include "rtl_test_support.h"

#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/irq.h>
#include <linux/irqsim_arch.h>

#include <vector>

using namespace rtltest;
using irqsim::Hop;

namespace {

// ---- the mini driver (C API only) ----------------------------------------------
struct MiniDriver {
    void __iomem* gicd = nullptr;
    std::vector<std::pair<unsigned, uint32_t>> handled;  // (cpu, INTID)
    irqsim::LinePins* lines = nullptr;                   // the "device": drop its line
    unsigned spurious = 0;
};
MiniDriver* g_drv;

void mini_handle_irq(struct pt_regs*)
{
    irqsim_annotate("mini: irq entry cpu%u", smp_processor_id());
    for (;;) {
        uint32_t intid = static_cast<uint32_t>(read_sysreg_s(ICC_IAR1) & 0xffffff);
        if (intid >= 1020) {
            if (g_drv->handled.empty())
                g_drv->spurious++;
            break;
        }
        g_drv->handled.emplace_back(smp_processor_id(), intid);
        if (intid >= 32)
            g_drv->lines->set(intid - 32, false);  // the device's handler quiets it
        write_sysreg_s(intid, ICC_EOIR1);
    }
}

int mini_cpu_starting(unsigned int cpu)
{
    void __iomem* rd = ioremap(gicr(cpu), kGicrStride);
    irqsim_annotate("mini: wake redistributor cpu%u", cpu);
    writel(0, static_cast<char __iomem*>(rd) + GICR_WAKER);
    u64 deadline = irqsim_now_ns() + 10000;
    while (readl(static_cast<char __iomem*>(rd) + GICR_WAKER) & GICR_WAKER_ChildrenAsleep) {
        if (irqsim_now_ns() > deadline)
            return -ETIMEDOUT;
        udelay(1);
    }
    write_sysreg_s(7, ICC_SRE);
    write_sysreg_s(0xF0, ICC_PMR);
    write_sysreg_s(0, ICC_CTLR);
    write_sysreg_s(1, ICC_IGRPEN1);
    return 0;
}

}  // namespace

class IoBackendTest : public SimTest {
protected:
    void SetUp() override
    {
        SimTest::SetUp();
        drv.lines = &sim->lines();
        g_drv = &drv;
    }
    void TearDown() override
    {
        g_drv = nullptr;
        SimTest::TearDown();
    }
    MiniDriver drv;
};

TEST_P(IoBackendTest, MmioSysregDmaAndTime)
{
    ASSERT_TRUE(sim->io().installed());
    EXPECT_EQ(nr_cpu_ids, cpus() + 1) << "the coprocessor is a possible CPU";
    void __iomem* gicd = ioremap(kGicd, GIC_DIST_SIZE);
    EXPECT_EQ((readl(static_cast<char __iomem*>(gicd) + GICD_PIDR2) >> 4) & 0xf, 3u);
    EXPECT_EQ(io_last_status(), IO_OKAY);

    // 64-bit: two 32-bit accesses, low word first
    uint64_t n0 = sim->cpu_bus().writes();
    writeq(0x0000000000000102ull,
           static_cast<char __iomem*>(gicd) + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40);
    EXPECT_EQ(sim->cpu_bus().writes(), n0 + 2);
    EXPECT_EQ(readq(static_cast<char __iomem*>(gicd) + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40) &
                  0xffffff,
              0x102u);
    const auto& log = sim->bus_log();
    ASSERT_GE(log.size(), 4u);
    EXPECT_EQ(log.at(log.size() - 2).addr, kGicd + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40)
        << "low word first";
    EXPECT_EQ(log.at(log.size() - 1).addr,
              kGicd + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40 + sizeof(uint32_t));

    // a bus error is reported to the driver and logged with the annotation
    irqsim_annotate("probe: poke the void");
    void __iomem* hole = ioremap(0x0AF00000, 0x1000);
    EXPECT_EQ(readl(hole), 0xffffffffu) << "a refused read reads all ones";
    EXPECT_EQ(io_last_status(), IO_DECERR);
    ASSERT_EQ(log.errors().size(), 1u);
    EXPECT_EQ(log.errors()[0].addr, 0x0AF00000u);
    EXPECT_STREQ(log.errors()[0].annotation, "probe: poke the void");
    EXPECT_STREQ(sim->model().annotation(), "probe: poke the void");
    readl(gicd);
    EXPECT_EQ(io_last_status(), IO_OKAY);

    // system registers of the current CPU
    unsigned cpu = cpus() - 1;
    sim->platform().as_cpu(cpu, [] {
        write_sysreg_s(0xB8, ICC_PMR);
        return 0;
    });
    EXPECT_EQ(sim->sysregs().read_enc(cpu, ICC_PMR).data & 0xff, 0xB8u);
    EXPECT_EQ(sim->platform().as_cpu(cpu, [] { return read_sysreg_s(ICC_PMR); }) & 0xff, 0xB8u);
    read_sysreg_s(sys_reg(3, 7, 15, 15, 7));  // unimplemented
    EXPECT_EQ(io_last_status(), IO_SLVERR);

    // DMA memory
    dma_addr_t h = 0;
    void* p = dma_alloc_coherent(nullptr, 64 * 1024, &h);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(h % (64 * 1024), 0u);
    EXPECT_EQ(sim->dram().host(h), p);
    dma_free_coherent(nullptr, 64 * 1024, p, h);
    EXPECT_EQ(sim->dram().errors(), 0u);
    dma_free_coherent(nullptr, 64 * 1024, p, h);
    EXPECT_EQ(sim->dram().errors(), 1u) << "double free detected";

    // time: 1 cycle = 1 ns; udelay advances the SoC
    uint64_t t = irqsim_now_ns();
    EXPECT_EQ(t, sim->cycle());
    udelay(3);
    EXPECT_EQ(sim->cycle(), t + 3000);
}

TEST_P(IoBackendTest, IrqEntryAcknowledgesAndEois)
{
    ASSERT_EQ(set_handle_irq(mini_handle_irq), 0);
    ASSERT_GT(cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "mini", mini_cpu_starting, nullptr), 0);
    ASSERT_EQ(sim->platform().start_cpus(), 0);
    for (unsigned c = 0; c < cpus(); c++)
        EXPECT_TRUE(cpumask_test_cpu(c, cpu_online_mask));
    EXPECT_FALSE(cpumask_test_cpu(cpus(), cpu_online_mask)) << "the coprocessor never comes online";

    void __iomem* gicd = ioremap(kGicd, GIC_DIST_SIZE);
    auto reg = [&](uint32_t off) { return static_cast<char __iomem*>(gicd) + off; };
    writel(2, reg(GICD_CTLR));
    while (readl(reg(GICD_CTLR)) & GICD_CTLR_RWP)
        ;
    // SPIs 40 (line 8) -> last CPU, 41 (line 9) -> CPU 0
    const unsigned last = cpus() - 1;
    writel(3u << 8, reg(GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE));
    writel(0xA0A0A0A0, reg(GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 10));
    writeq(mpidr_of(last), reg(GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 40));
    writeq(mpidr_of(0), reg(GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 41));
    writel(3u << 8, reg(GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE));
    ASSERT_TRUE(sim->bus_log().errors().empty()) << sim->bus_log().tail(10);

    uint64_t t0 = sim->cycle();
    sim->lines().set(8, true);
    sim->lines().set(9, true);
    ASSERT_TRUE(sim->run_until([&] { return drv.handled.size() >= 2; }, 5000)) << sim->hops().dump();
    sim->run(300);
    ASSERT_EQ(drv.handled.size(), 2u);
    std::vector<std::pair<unsigned, uint32_t>> want = {{last, 40}, {0, 41}};
    if (last != 0)
        EXPECT_TRUE(std::is_permutation(drv.handled.begin(), drv.handled.end(), want.begin()));
    else
        EXPECT_EQ(drv.handled.size(), 2u);
    EXPECT_EQ(sim->platform().irq_entries(last), last == 0 ? sim->platform().irq_entries(0) : 1u);
    EXPECT_EQ(drv.spurious, 0u);
    EXPECT_EQ(sim->platform().coproc_irq_edges(), 0u);

    // the CPU-interface hops, in order
    auto& h = sim->hops();
    auto line = h.first(Hop::LineIn, 40, -1, t0);
    auto irq = h.first(Hop::IrqOut, 0, static_cast<int>(last), t0);
    auto ack = h.first(Hop::Iar, 40, static_cast<int>(last), t0);
    auto eoi = h.first(Hop::Eoir, 40, static_cast<int>(last), t0);
    ASSERT_TRUE(line && irq && ack && eoi) << h.dump();
    EXPECT_LT(line->cycle, irq->cycle);
    EXPECT_LT(irq->cycle, ack->cycle);
    EXPECT_LT(ack->cycle, eoi->cycle);
    EXPECT_GE(h.count(Hop::Iar, 1023, static_cast<int>(last), t0), 1u) << "handler drained to 1023";

    // interrupts disabled on a CPU: no entry until enabled again
    drv.handled.clear();
    sim->platform().set_irqs_enabled(0, false);
    sim->lines().set(9, true);
    sim->run(1000);
    EXPECT_TRUE(drv.handled.empty());
    EXPECT_TRUE(sim->platform().irq_line(0));
    sim->platform().set_irqs_enabled(0, true);
    EXPECT_TRUE(sim->run_until([&] { return !drv.handled.empty(); }, 100));
    EXPECT_EQ(drv.handled[0], std::make_pair(0u, 41u));
}

INSTANTIATE_TEST_SUITE_P(Cpus, IoBackendTest, ::testing::Values(1u, 4u, 16u), cpus_name);
