// SPDX-License-Identifier: MIT
// GICv3 driver against FakeGic: probe and init sequences, translation, chip
// register writes, SGI generation, the IRQ entry, the IPI domain, and the
// WAKER / RWP / PIDR2 failure paths.
#include <gtest/gtest.h>

#include <linux/interrupt.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim_arch.h>

#include <libfdt.h>

#include "dtb_edit.h"
#include "dtb_util.h"
#include "fake_gic.h"
#include "fake_ti.h"
#include "test_support.h"

namespace {

constexpr uint64_t D = FakeGic::kGicd;

class GicV3Test : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        std::string err;
        dtb = irqsim_test::DefaultDtb(&err);
        ASSERT_FALSE(dtb.empty()) << "dtc failed: " << err;
    }
    // EOImode 1 is the tree's choice (irqsim,split-eoi on the GIC node)
    void SplitEoi() { ASSERT_TRUE(irqsim_test::DtbSetProp(&dtb, "arm,gic-v3", "irqsim,split-eoi")); }
    int Probe()
    {
        fake.Install();
        // the default tree also has the TI INTR/INTA: they probe on a fake
        // TI-SCI firmware and register model (untouched by these GIC tests)
        TiOnFakeIo(fake.io, ti_regs);
        ti_fw.regs = &ti_regs;
        ti_fw.Install();
        return irqchip_init_from_fdt(dtb.data(), dtb.size());
    }
    void ProbeOk()
    {
        ASSERT_EQ(Probe(), 0) << AllLogs();
        ASSERT_NE(gic_v3_domain(), nullptr);
    }
    unsigned Map(unsigned type, unsigned num, unsigned flags)
    {
        irq_fwspec fw{};
        fw.fwnode = gic_v3_domain()->fwnode;
        fw.param_count = 3;
        fw.param[0] = type;
        fw.param[1] = num;
        fw.param[2] = flags;
        return irq_create_fwspec_mapping(&fw);
    }
    size_t Mark() const { return fake.io.accesses.size(); }

    FakeGic fake;
    TiRegs ti_regs;
    FakeTiSci ti_fw;
    std::vector<uint8_t> dtb;
};

TEST_F(GicV3Test, DistributorInitSequenceIsLinuxOrder)
{
    ProbeOk();
    // 96 SPIs -> INTIDs 0..127
    EXPECT_EQ(gic_v3_domain()->bus_token, DOMAIN_BUS_WIRED);
    EXPECT_STREQ(gic_v3_domain()->name, "GICv3");

    long ctlr0 = fake.FindWrite(D + GICD_CTLR, 0);
    ASSERT_GE(ctlr0, 0);
    long poll0 = fake.Find(FakeIo::R32, D + GICD_CTLR, ctlr0);
    ASSERT_GT(poll0, ctlr0);
    // RWP was seen set once (rwp_reads = 1) and polled again until clear
    long poll1 = fake.Find(FakeIo::R32, D + GICD_CTLR, poll0 + 1);
    ASSERT_GT(poll1, poll0);
    long first_cfg = fake.FindWrite(D + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE, 0xffffffff);
    EXPECT_GT(first_cfg, poll1) << "config written before RWP cleared";
    for (unsigned w = 1; w < 4; w++) {
        EXPECT_GE(fake.FindWrite(D + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE * w, 0xffffffff), 0) << w;
        EXPECT_GE(fake.FindWrite(D + GICD_ICACTIVER + GIC_DIST_ICACTIVER_SPI_STRIDE * w, 0xffffffff), 0) << w;
        EXPECT_GE(fake.FindWrite(D + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE * w, 0xffffffff), 0) << w;
    }
    EXPECT_EQ(fake.FindWrite(D + GICD_IGROUPR, 0xffffffff), -1) << "SGI/PPI word is not the distributor's";
    for (unsigned i = 32; i < 128; i += 16)
        EXPECT_GE(fake.FindWrite(D + GICD_ICFGR + i / 4, 0), 0) << i;
    for (unsigned i = 32; i < 128; i += 4)
        EXPECT_GE(fake.FindWrite(D + GICD_IPRIORITYR + i, 0xa0a0a0a0), 0) << i;
    long last_en = fake.FindWrite(D + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE * 3, 0xffffffff);
    long enable = fake.FindWrite(D + GICD_CTLR, 0x13);
    ASSERT_GT(enable, last_en);
    // an RWP poll between the bulk config and the enable, and one after the enable
    long mid = fake.Find(FakeIo::R32, D + GICD_CTLR, last_en);
    EXPECT_GT(mid, last_en);
    EXPECT_LT(mid, enable);
    long after = fake.Find(FakeIo::R32, D + GICD_CTLR, enable);
    EXPECT_GT(after, enable);
    // every SPI routed to the boot CPU (MPIDR 0), after the enable
    for (unsigned i = 32; i < 128; i++) {
        long w = fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * i, 0);
        EXPECT_GT(w, enable) << i;
    }
    EXPECT_EQ(fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 128, 0), -1);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(GicV3Test, CpuInitWakesRedistributorAndSetsUpCpuInterface)
{
    ProbeOk();
    const uint64_t rd = FakeGic::Rd(0), sgi = FakeGic::Sgi(0);
    // read-modify-write: ProcessorSleep cleared, read-only ChildrenAsleep written back as read
    const uint32_t kWake = GICR_WAKER_ChildrenAsleep;
    long waker = fake.FindWrite(rd + GICR_WAKER, kWake);
    ASSERT_GE(waker, 0);
    EXPECT_GE(fake.Find(FakeIo::R32, rd + GICR_WAKER, waker + 1), 0);
    EXPECT_EQ(fake.io.Reg(rd + GICR_WAKER) & GICR_WAKER_ChildrenAsleep, 0u);
    long grp = fake.FindWrite(sgi + GICR_IGROUPR0, 0xffffffff);
    long act = fake.FindWrite(sgi + GICR_ICACTIVER0, 0xffffffff);
    long ppis = fake.FindWrite(sgi + GICR_ICENABLER0, 0xffff0000);
    long sgis = fake.FindWrite(sgi + GICR_ISENABLER0, 0x0000ffff);
    EXPECT_GT(grp, waker);
    EXPECT_GT(act, grp);
    EXPECT_GT(ppis, act);
    EXPECT_GT(sgis, ppis);
    for (unsigned i = 0; i < 32; i += 4)
        EXPECT_GT(fake.FindWrite(sgi + GICR_IPRIORITYR0 + i, 0xa0a0a0a0), sgis) << i;
    long rwp = fake.Find(FakeIo::R32, rd + GICR_CTLR, sgis);
    EXPECT_GT(rwp, sgis);
    // no other redistributor touched
    for (unsigned pe = 1; pe < 5; pe++)
        EXPECT_EQ(fake.Find(FakeIo::W32, FakeGic::Rd(pe) + GICR_WAKER), -1) << pe;

    // CPU interface, in order, after the redistributor
    long sre = fake.FindSysregWrite(SYS_ICC_SRE_EL1);
    long pmr = fake.FindSysregWrite(SYS_ICC_PMR_EL1);
    long bpr = fake.FindSysregWrite(SYS_ICC_BPR1_EL1);
    long ctlr = fake.FindSysregWrite(SYS_ICC_CTLR_EL1);
    long ap = fake.FindSysregWrite(SYS_ICC_AP1Rn_EL1(0));
    long en = fake.FindSysregWrite(SYS_ICC_IGRPEN1_EL1);
    EXPECT_GT(sre, rwp);
    EXPECT_GT(pmr, sre);
    EXPECT_GT(bpr, pmr);
    EXPECT_GT(ctlr, bpr);
    EXPECT_GT(ap, ctlr);
    EXPECT_GT(en, ap);
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_PMR_EL1), std::vector<uint64_t>{0xf0});
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_BPR1_EL1), std::vector<uint64_t>{0});
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_CTLR_EL1), std::vector<uint64_t>{0});  // EOImode 0
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_IGRPEN1_EL1), std::vector<uint64_t>{1});
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_SRE_EL1), std::vector<uint64_t>{1});

    // a secondary CPU through the registered CPU-starting callback
    fake.io.ClearLog();
    ASSERT_EQ(irqsim_arch_cpu_starting(2), 0) << AllLogs();
    EXPECT_GE(fake.FindWrite(FakeGic::Rd(2) + GICR_WAKER, kWake), 0);
    EXPECT_GE(fake.FindWrite(FakeGic::Sgi(2) + GICR_ISENABLER0, 0xffff), 0);
    EXPECT_GE(fake.FindSysregWrite(SYS_ICC_IGRPEN1_EL1, 0, 2), 0);
}

TEST_F(GicV3Test, BootCpuAffinityComesFromTyperAndFeedsIrouter)
{
    // CPU0 = Aff3 1, Aff2 0, Aff1 2, Aff0 3: its redistributor is PE 3 of the region
    const uint64_t m = 0x0100000203ull;
    irqsim_set_cpu_mpidr(0, m);
    fake.mpidr[0] = 0x10;
    fake.mpidr[3] = m;
    ProbeOk();
    EXPECT_GE(fake.Find(FakeIo::W32, FakeGic::Rd(3) + GICR_WAKER), 0);
    EXPECT_EQ(fake.Find(FakeIo::W32, FakeGic::Rd(0) + GICR_WAKER), -1);
    EXPECT_GE(fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 32, 0x0100000203ull), 0);
    EXPECT_GE(fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 127, 0x0100000203ull), 0);
}

TEST_F(GicV3Test, CpuWithoutRedistributorFails)
{
    ProbeOk();
    irqsim_set_cpu_mpidr(3, 0x77);
    EXPECT_EQ(irqsim_arch_cpu_starting(3), -ENODEV);
    EXPECT_EQ(CountLogs("has no re-distributor"), 1u) << AllLogs();
}

TEST_F(GicV3Test, SplitEoiModeProgramsEoiMode1)
{
    SplitEoi();
    ProbeOk();
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_CTLR_EL1), std::vector<uint64_t>{ICC_CTLR_EL1_EOImode_drop});
}

TEST_F(GicV3Test, TranslateSpiPpiSgiAndRejects)
{
    ProbeOk();
    irq_domain* d = gic_v3_domain();
    unsigned long hw = 0;
    unsigned type = 0;
    irq_fwspec fw{};
    fw.fwnode = d->fwnode;
    fw.param_count = 3;

    fw.param[0] = 0, fw.param[1] = 5, fw.param[2] = 4;
    ASSERT_EQ(d->ops->translate(d, &fw, &hw, &type), 0);
    EXPECT_EQ(hw, 37u);
    EXPECT_EQ(type, (unsigned)IRQ_TYPE_LEVEL_HIGH);
    fw.param[0] = 1, fw.param[1] = 14, fw.param[2] = 1;
    ASSERT_EQ(d->ops->translate(d, &fw, &hw, &type), 0);
    EXPECT_EQ(hw, 30u);
    EXPECT_EQ(type, (unsigned)IRQ_TYPE_EDGE_RISING);
    fw.param_count = 1, fw.param[0] = 7;
    ASSERT_EQ(d->ops->translate(d, &fw, &hw, &type), 0);
    EXPECT_EQ(hw, 7u);
    EXPECT_EQ(type, (unsigned)IRQ_TYPE_EDGE_RISING);
    EXPECT_EQ(ErrorCount(), 0u);

    struct Bad {
        int n;
        uint32_t p0, p1, p2;
        const char* log;
    } bad[] = {
        {1, 16, 0, 0, "not an SGI"},
        {3, 2, 0, 4, "type 2 not supported"},
        {3, 0, 96, 4, "hwirq 128 out of range (max 127)"},
        {3, 1, 16, 4, "PPI 16 out of range"},
        {2, 0, 1, 0, "2-cell specifier"},
    };
    for (auto& b : bad) {
        ClearLogs();
        fw.param_count = b.n, fw.param[0] = b.p0, fw.param[1] = b.p1, fw.param[2] = b.p2;
        EXPECT_EQ(d->ops->translate(d, &fw, &hw, &type), -EINVAL) << b.log;
        EXPECT_EQ(CountLogs({"GICv3", b.log}), 1u) << AllLogs();
        // the mapping API refuses it too and allocates nothing
        unsigned before = irq_get_nr_allocated();
        EXPECT_EQ(irq_create_fwspec_mapping(&fw), 0u);
        EXPECT_EQ(irq_get_nr_allocated(), before);
    }

    // SPI/PPI flows
    unsigned spi = Map(0, 5, 4), ppi = Map(1, 14, 4);
    ASSERT_NE(spi, 0u);
    ASSERT_NE(ppi, 0u);
    EXPECT_EQ(irq_to_desc(spi)->handle_irq, handle_fasteoi_irq);
    EXPECT_EQ(irq_to_desc(ppi)->handle_irq, handle_percpu_devid_irq);
    EXPECT_TRUE(irq_to_desc(ppi)->status_use_accessors & IRQ_PER_CPU_DEVID);
    EXPECT_EQ(irq_get_irq_data(spi)->hwirq, 37u);
    EXPECT_EQ(Map(0, 5, 4), spi) << "same specifier maps to the same virq";
    irq_dispose_mapping(spi);
    irq_dispose_mapping(ppi);
}

TEST_F(GicV3Test, MaskUnmaskSpiWritesEnableBitsAndWaitsOnMaskOnly)
{
    ProbeOk();
    unsigned virq = Map(0, 5, 4);  // hwirq 37: word 1, bit 5
    ASSERT_NE(virq, 0u);
    irq_data* d = irq_get_irq_data(virq);
    size_t m = Mark();
    d->chip->irq_unmask(d);
    ASSERT_EQ(fake.io.accesses.size(), m + 1) << "unmask is one write, no RWP wait";
    EXPECT_EQ(fake.io.accesses[m].kind, FakeIo::W32);
    EXPECT_EQ(fake.io.accesses[m].addr, D + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE);
    EXPECT_EQ(fake.io.accesses[m].val, 1u << 5);
    m = Mark();
    d->chip->irq_mask(d);
    EXPECT_EQ(fake.FindWrite(D + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE, 1u << 5, (long)m), (long)m);
    EXPECT_EQ(fake.Find(FakeIo::R32, D + GICD_CTLR, (long)m), (long)m + 1);
    // PPI 14 (INTID 30) lives in CPU0's SGI_base
    unsigned ppi = Map(1, 14, 4);
    irq_data* p = irq_get_irq_data(ppi);
    m = Mark();
    p->chip->irq_mask(p);
    EXPECT_EQ(fake.FindWrite(FakeGic::Sgi(0) + GICR_ICENABLER0, 1u << 30, (long)m), (long)m);
    EXPECT_GE(fake.Find(FakeIo::R32, FakeGic::Rd(0) + GICR_CTLR, (long)m), 0);
    irq_dispose_mapping(virq);
    irq_dispose_mapping(ppi);
}

TEST_F(GicV3Test, SetTypeProgramsIcfgrAndChecksReadback)
{
    ProbeOk();
    unsigned virq = Map(0, 5, 4);  // hwirq 37: ICFGR word 2, bit 11
    irq_data* d = irq_get_irq_data(virq);
    const uint64_t icfgr = D + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * 2;
    EXPECT_EQ(d->chip->irq_set_type(d, IRQ_TYPE_EDGE_RISING), 0);
    EXPECT_EQ(fake.io.WritesTo(icfgr).back(), 1u << 11);
    EXPECT_EQ(d->chip->irq_set_type(d, IRQ_TYPE_LEVEL_HIGH), 0);
    EXPECT_EQ(fake.io.WritesTo(icfgr).back(), 0u);
    EXPECT_EQ(d->chip->irq_set_type(d, IRQ_TYPE_LEVEL_LOW), -EINVAL);
    EXPECT_EQ(d->chip->irq_set_type(d, IRQ_TYPE_EDGE_FALLING), -EINVAL);
    EXPECT_EQ(CountLogs("unsupported"), 2u);
    // hardware that ignores the write: readback mismatch -> -EINVAL
    fake.io.on_write32 = [](uint64_t a, uint32_t) { return a == D + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * 2; };
    ClearLogs();
    EXPECT_EQ(d->chip->irq_set_type(d, IRQ_TYPE_EDGE_RISING), -EINVAL);
    EXPECT_EQ(CountLogs("did not accept"), 1u) << AllLogs();
    // SGIs are edge only
    irq_fwspec fw{};
    fw.fwnode = gic_v3_domain()->fwnode;
    fw.param_count = 1;
    fw.param[0] = 2;
    unsigned sgi = irq_create_fwspec_mapping(&fw);
    ASSERT_NE(sgi, 0u);
    irq_data* s = irq_get_irq_data(sgi);
    EXPECT_EQ(s->chip->irq_set_type(s, IRQ_TYPE_EDGE_RISING), 0);
    EXPECT_EQ(s->chip->irq_set_type(s, IRQ_TYPE_LEVEL_HIGH), -EINVAL);
    irq_dispose_mapping(virq);
    irq_dispose_mapping(sgi);
}

TEST_F(GicV3Test, SetAffinityMasksRoutesAndUnmasks)
{
    irqsim_set_nr_cpus(20);
    for (unsigned c = 0; c < 20; c++)
        set_cpu_online(c, true);
    ProbeOk();
    unsigned virq = Map(0, 5, 4);
    irq_data* d = irq_get_irq_data(virq);
    d->chip->irq_unmask(d);  // enabled: the reroute must mask around the write
    cpumask mask{};
    cpumask_set_cpu(17, &mask);
    size_t m = Mark();
    EXPECT_EQ(d->chip->irq_set_affinity(d, &mask, false), IRQ_SET_MASK_OK_DONE);
    long off = fake.FindWrite(D + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE, 1u << 5, (long)m);
    long route =
        fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 37, 0x101, (long)m);  // Aff1 1, Aff0 1
    long on = fake.FindWrite(D + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE, 1u << 5, (long)m);
    ASSERT_GE(off, 0);
    EXPECT_GT(route, off);
    EXPECT_GT(on, route);
    EXPECT_EQ(fake.io.accesses[route].kind, FakeIo::W64);
    EXPECT_TRUE(cpumask_equal(irq_data_get_effective_affinity_mask(d), cpumask_of(17)));

    // disabled interrupt: just the IROUTER write; first online CPU of the mask
    d->chip->irq_mask(d);
    fake.io.SetReg(D + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE, 0);
    set_cpu_online(2, false);
    cpumask_clear(&mask);
    cpumask_set_cpu(2, &mask);
    cpumask_set_cpu(3, &mask);
    m = Mark();
    EXPECT_EQ(d->chip->irq_set_affinity(d, &mask, false), IRQ_SET_MASK_OK_DONE);
    EXPECT_EQ(fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 37, 3, (long)m), (long)m + 1);
    EXPECT_EQ(fake.FindWrite(D + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE, 1u << 5, (long)m), -1);
    // force may pick an offline CPU
    EXPECT_EQ(d->chip->irq_set_affinity(d, &mask, true), IRQ_SET_MASK_OK_DONE);
    EXPECT_GE(fake.FindWrite(D + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * 37, 2, (long)m), 0);
    // no online CPU in the mask
    cpumask_clear(&mask);
    cpumask_set_cpu(2, &mask);
    EXPECT_EQ(d->chip->irq_set_affinity(d, &mask, false), -EINVAL);
    // per-CPU interrupts have no affinity
    unsigned ppi = Map(1, 14, 4);
    irq_data* p = irq_get_irq_data(ppi);
    EXPECT_EQ(p->chip->irq_set_affinity(p, cpumask_of(1), false), -EINVAL);
    irq_dispose_mapping(virq);
    irq_dispose_mapping(ppi);
}

TEST_F(GicV3Test, RetriggerAndIrqchipState)
{
    ProbeOk();
    unsigned virq = Map(0, 40, 4);  // hwirq 72: word 2, bit 8
    irq_data* d = irq_get_irq_data(virq);
    EXPECT_NE(d->chip->irq_retrigger(d), 0);
    EXPECT_EQ(fake.io.WritesTo(D + GICD_ISPENDR + GIC_DIST_ISPENDR_SPI_STRIDE * 2).back(), 1u << 8);
    bool st = false;
    fake.io.SetReg(D + GICD_ISACTIVER + GIC_DIST_ISACTIVER_SPI_STRIDE * 2, 1u << 8);
    EXPECT_EQ(d->chip->irq_get_irqchip_state(d, IRQCHIP_STATE_ACTIVE, &st), 0);
    EXPECT_TRUE(st);
    EXPECT_EQ(d->chip->irq_get_irqchip_state(d, IRQCHIP_STATE_MASKED, &st), 0);
    EXPECT_TRUE(st);  // ISENABLER reads 0
    EXPECT_EQ(d->chip->irq_set_irqchip_state(d, IRQCHIP_STATE_PENDING, false), 0);
    EXPECT_EQ(fake.io.WritesTo(D + GICD_ICPENDR + GIC_DIST_ICPENDR_SPI_STRIDE * 2).back(), 1u << 8);
    EXPECT_EQ(d->chip->irq_set_irqchip_state(d, IRQCHIP_STATE_ACTIVE, false), 0);
    EXPECT_EQ(fake.io.WritesTo(D + GICD_ICACTIVER + GIC_DIST_ICACTIVER_SPI_STRIDE * 2).back(), 1u << 8);
    EXPECT_EQ(d->chip->irq_get_irqchip_state(d, IRQCHIP_STATE_LINE_LEVEL, &st), -EINVAL);
    irq_dispose_mapping(virq);
}

TEST_F(GicV3Test, Sgi1rGroupsTargetsByCluster)
{
    irqsim_set_nr_cpus(20);
    for (unsigned c = 0; c < 20; c++)
        set_cpu_online(c, true);
    irqsim_set_cpu_mpidr(5, 0x0300040506ull);  // Aff3 3, Aff2 4, Aff1 5, Aff0 6
    ProbeOk();
    irq_fwspec fw{};
    fw.fwnode = gic_v3_domain()->fwnode;
    fw.param_count = 1;
    fw.param[0] = 3;
    unsigned sgi = irq_create_fwspec_mapping(&fw);
    irq_data* d = irq_get_irq_data(sgi);
    cpumask mask{};
    for (unsigned c : {1u, 3u, 17u})
        cpumask_set_cpu(c, &mask);
    fake.io.ClearLog();
    d->chip->ipi_send_mask(d, &mask);
    std::vector<uint64_t> expect = {
        (3ull << 24) | (1u << 1) | (1u << 3),     // cluster 0: CPUs 1, 3
        (3ull << 24) | (1ull << 16) | (1u << 1),  // cluster Aff1=1: CPU 17
    };
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_SGI1R_EL1), expect);
    fake.io.ClearLog();
    d->chip->ipi_send_mask(d, cpumask_of(5));
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_SGI1R_EL1),
              std::vector<uint64_t>{(3ull << 48) | (4ull << 32) | (3ull << 24) | (5ull << 16) | (1u << 6)});
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_SGI1R_EL1)[0] & (1ull << 40), 0u) << "never IRM";
    irq_dispose_mapping(sgi);
}

irqreturn_t CountHandler(int, void* dev)
{
    auto* p = static_cast<std::pair<int, size_t>*>(dev);
    p->first++;
    return IRQ_HANDLED;
}

struct HandlerCtx {
    FakeGic* fake;
    int runs = 0;
    size_t at = 0;  // accesses.size() when the handler ran
};
irqreturn_t MarkHandler(int, void* dev)
{
    auto* c = static_cast<HandlerCtx*>(dev);
    c->runs++;
    c->at = c->fake->io.accesses.size();
    return IRQ_HANDLED;
}

TEST_F(GicV3Test, IrqEntryDispatchesEoisCountsSpuriousAndDeactivatesUnmapped)
{
    ProbeOk();
    unsigned virq = Map(0, 5, 4);
    HandlerCtx ctx{&fake};
    ASSERT_EQ(request_irq(virq, MarkHandler, 0, "line5", &ctx), 0) << AllLogs();
    fake.iar[0] = {37, 1023, 50};
    fake.io.ClearLog();
    ClearLogs();
    unsigned spurious = irqsim_spurious_count(0);

    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    EXPECT_EQ(ctx.runs, 1);
    long iar = fake.Find(FakeIo::SYSREG_R, SYS_ICC_IAR1_EL1);
    long eoi = fake.FindSysregWrite(SYS_ICC_EOIR1_EL1);
    EXPECT_LT(iar, (long)ctx.at);
    EXPECT_GE(eoi, (long)ctx.at) << "mode 0: EOIR after the handler";
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_EOIR1_EL1), std::vector<uint64_t>{37});
    EXPECT_EQ(fake.FindSysregWrite(SYS_ICC_DIR_EL1), -1);

    ASSERT_EQ(irqsim_arch_handle_irq(), 0);  // 1023
    EXPECT_EQ(ctx.runs, 1);
    EXPECT_EQ(irqsim_spurious_count(0), spurious + 1);
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_EOIR1_EL1).size(), 1u) << "no EOI for a spurious read";

    ASSERT_EQ(irqsim_arch_handle_irq(), 0);  // 50: nothing mapped
    EXPECT_EQ(CountLogs("Unexpected interrupt 50"), 1u) << AllLogs();
    EXPECT_EQ(ErrorCount(), 1u) << AllLogs();
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_EOIR1_EL1), (std::vector<uint64_t>{37, 50}));
    EXPECT_EQ(fake.iar_reads, 3u) << "one IAR read per entry";
    free_irq(virq, &ctx);
    irq_dispose_mapping(virq);
}

TEST_F(GicV3Test, IrqEntrySplitModeDropsPriorityFirstAndDeactivatesAfter)
{
    SplitEoi();
    ProbeOk();
    unsigned virq = Map(0, 5, 4);
    HandlerCtx ctx{&fake};
    ASSERT_EQ(request_irq(virq, MarkHandler, 0, "line5", &ctx), 0) << AllLogs();
    fake.iar[0] = {37, 60};
    fake.io.ClearLog();
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    EXPECT_EQ(ctx.runs, 1);
    long eoi = fake.FindSysregWrite(SYS_ICC_EOIR1_EL1);
    long dir = fake.FindSysregWrite(SYS_ICC_DIR_EL1);
    ASSERT_GE(eoi, 0);
    EXPECT_LT(eoi, (long)ctx.at) << "split: EOIR before the handler";
    EXPECT_GE(dir, (long)ctx.at) << "split: DIR after the handler";
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);  // unmapped 60: EOIR + DIR
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_EOIR1_EL1), (std::vector<uint64_t>{37, 60}));
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_DIR_EL1), (std::vector<uint64_t>{37, 60}));
    free_irq(virq, &ctx);
    irq_dispose_mapping(virq);
}

TEST_F(GicV3Test, PerCpuPpiEnablesInEachCpusRedistributor)
{
    ProbeOk();
    ASSERT_EQ(irqsim_arch_cpu_starting(1), 0) << AllLogs();
    unsigned ppi = Map(1, 14, 4);
    void* devs[kCpus] = {};
    std::pair<int, size_t> counts[kCpus];
    for (unsigned c = 0; c < kCpus; c++)
        devs[c] = &counts[c];
    ASSERT_EQ(request_percpu_irq(
                  ppi, [](int i, void* d) { return CountHandler(i, d); }, "timer", devs),
              0)
        << AllLogs();
    fake.io.ClearLog();
    irqsim_set_this_cpu(1);
    enable_percpu_irq(ppi, IRQ_TYPE_NONE);
    irqsim_set_this_cpu(0);
    EXPECT_EQ(fake.io.WritesTo(FakeGic::Sgi(1) + GICR_ISENABLER0), std::vector<uint32_t>{1u << 30});
    EXPECT_TRUE(fake.io.WritesTo(FakeGic::Sgi(0) + GICR_ISENABLER0).empty());
    // delivered on CPU1 only to CPU1's dev_id, EOId on CPU1
    fake.iar[1] = {30};
    irqsim_set_this_cpu(1);
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    irqsim_set_this_cpu(0);
    EXPECT_EQ(counts[1].first, 1);
    EXPECT_EQ(counts[0].first, 0);
    EXPECT_GE(fake.FindSysregWrite(SYS_ICC_EOIR1_EL1, 0, 1), 0);
    irqsim_set_this_cpu(1);
    disable_percpu_irq(ppi);
    irqsim_set_this_cpu(0);
    free_percpu_irq(ppi, devs);
    irq_dispose_mapping(ppi);
}

TEST_F(GicV3Test, IpiDomainReservesSgis8To15AndSendsThroughSgi1r)
{
    ProbeOk();
    irq_domain* ipi = gic_v3_ipi_domain();
    ASSERT_NE(ipi, nullptr);
    EXPECT_TRUE(irq_domain_is_ipi_single(ipi));
    EXPECT_EQ(ipi->bus_token, DOMAIN_BUS_IPI);
    EXPECT_EQ(ipi->parent, gic_v3_domain());
    cpumask all{};
    for (unsigned c = 0; c < kCpus; c++)
        cpumask_set_cpu(c, &all);
    int virq = irq_reserve_ipi(ipi, &all);
    ASSERT_GT(virq, 0) << AllLogs();
    EXPECT_EQ(ipi_get_hwirq((unsigned)virq, 2), 8u);
    void* devs[kCpus] = {};
    std::pair<int, size_t> counts[kCpus];
    for (unsigned c = 0; c < kCpus; c++)
        devs[c] = &counts[c];
    ASSERT_EQ(
        request_percpu_irq((unsigned)virq, [](int i, void* d) { return CountHandler(i, d); }, "ipi", devs), 0)
        << AllLogs();
    fake.io.ClearLog();
    cpumask dest{};
    cpumask_set_cpu(1, &dest);
    cpumask_set_cpu(3, &dest);
    ASSERT_EQ(ipi_send_mask((unsigned)virq, &dest), 0);
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_SGI1R_EL1), std::vector<uint64_t>{(8ull << 24) | 0xa});
    // delivery on CPU0 runs CPU0's handler and EOIs the SGI
    enable_percpu_irq((unsigned)virq, IRQ_TYPE_NONE);
    EXPECT_EQ(fake.io.WritesTo(FakeGic::Sgi(0) + GICR_ISENABLER0).back(), 1u << 8);
    fake.iar[0] = {8};
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    EXPECT_EQ(counts[0].first, 1);
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_EOIR1_EL1).back(), 8u);
    disable_percpu_irq((unsigned)virq);
    free_percpu_irq((unsigned)virq, devs);

    // 7 more fit (9..15), the 9th reservation fails
    std::vector<int> more;
    for (int i = 0; i < 7; i++) {
        more.push_back(irq_reserve_ipi(ipi, &all));
        ASSERT_GT(more.back(), 0);
        EXPECT_EQ(ipi_get_hwirq((unsigned)more.back(), 0), 9u + (unsigned)i);
    }
    ClearLogs();
    EXPECT_LT(irq_reserve_ipi(ipi, &all), 0);
    EXPECT_EQ(CountLogs("IPI SGIs (8..15) are reserved"), 1u) << AllLogs();
    // freeing one makes its SGI available again
    ASSERT_EQ(irq_destroy_ipi((unsigned)more[2], &all), 0);
    int again = irq_reserve_ipi(ipi, &all);
    ASSERT_GT(again, 0);
    EXPECT_EQ(ipi_get_hwirq((unsigned)again, 0), 11u);
    more[2] = again;
    for (int v : more)
        EXPECT_EQ(irq_destroy_ipi((unsigned)v, &all), 0);
    EXPECT_EQ(irq_destroy_ipi((unsigned)virq, &all), 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
}

TEST_F(GicV3Test, CoprocessorIpiCanBeSentButNotRequested)
{
    // 4 application CPUs + the coprocessor (CPU 4: possible, never online)
    irqsim_set_nr_cpus(5);
    for (unsigned c = 0; c < 4; c++)
        set_cpu_online(c, true);
    ProbeOk();
    int virq = irq_reserve_ipi(gic_v3_ipi_domain(), cpumask_of(4));
    ASSERT_GT(virq, 0) << AllLogs();
    EXPECT_EQ(ipi_get_hwirq((unsigned)virq, 4), 8u);
    fake.io.ClearLog();
    ASSERT_EQ(ipi_send_single((unsigned)virq, 4), 0) << AllLogs();
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_SGI1R_EL1), std::vector<uint64_t>{(8ull << 24) | (1u << 4)});
    void* devs[5] = {};
    ClearLogs();
    EXPECT_LT(request_percpu_irq((unsigned)virq, [](int, void*) { return IRQ_HANDLED; }, "coproc", devs), 0);
    EXPECT_EQ(CountLogs("none online: not requestable"), 1u) << AllLogs();
    EXPECT_EQ(irq_destroy_ipi((unsigned)virq, cpumask_of(4)), 0);
}

TEST_F(GicV3Test, WakerTimeoutFailsProbeWithoutHanging)
{
    fake.waker_stuck = true;
    EXPECT_EQ(Probe(), -ETIMEDOUT);
    EXPECT_EQ(CountLogs("redistributor failed to wakeup"), 1u) << AllLogs();
    EXPECT_EQ(gic_v3_domain(), nullptr);
    EXPECT_LT(fake.io.accesses.size(), 5000u) << "bounded polling";
    EXPECT_EQ(irqsim_arch_handle_irq(), -ENODEV) << "no IRQ entry left behind";
}

TEST_F(GicV3Test, DistributorRwpTimeoutFailsProbe)
{
    fake.gicd_rwp_stuck = true;
    EXPECT_EQ(Probe(), -ETIMEDOUT);
    EXPECT_EQ(CountLogs("RWP timeout"), 1u) << AllLogs();
    EXPECT_EQ(gic_v3_domain(), nullptr);
    EXPECT_EQ(fake.FindWrite(D + GICD_CTLR, 0x13), -1) << "stopped at the first stuck wait";
}

TEST_F(GicV3Test, MaskRwpTimeoutIsLoggedOnceAndReturns)
{
    ProbeOk();
    unsigned virq = Map(0, 5, 4);
    irq_data* d = irq_get_irq_data(virq);
    fake.gicd_rwp_stuck = true;
    ClearLogs();
    d->chip->irq_mask(d);
    EXPECT_EQ(CountLogs("RWP timeout"), 1u) << AllLogs();
    fake.gicd_rwp_stuck = false;
    irq_dispose_mapping(virq);
}

TEST_F(GicV3Test, NotAGicv3IsRefused)
{
    fake.pidr2 = 0x2b;  // ArchRev 2
    EXPECT_EQ(Probe(), -ENODEV);
    EXPECT_EQ(CountLogs("no distributor detected"), 1u) << AllLogs();
    EXPECT_EQ(gic_v3_domain(), nullptr);
}

TEST_F(GicV3Test, SreThatDoesNotStickFailsCpuInit)
{
    fake.sre_stuck = true;
    EXPECT_EQ(Probe(), -EIO);
    EXPECT_EQ(CountLogs("unable to set ICC_SRE_EL1.SRE"), 1u) << AllLogs();
}

// fuzz_dt found it: a stride of ~0 wrapped the redistributor walk's offset
// (pointer overflow); strides that are not whole 64 KB pages or overlap frames
// are refused too, in one line naming the property.
TEST_F(GicV3Test, BadRedistributorStrideIsRefused)
{
    for (uint64_t stride : {~0ull, 0xffffffffffff0000ull, 0x10000ull, 0x28000ull, 0x80000000ull}) {
        std::vector<uint8_t> blob(dtb.size() + 64);
        ASSERT_EQ(fdt_open_into(dtb.data(), blob.data(), (int)blob.size()), 0);
        int gic = fdt_node_offset_by_compatible(blob.data(), -1, "arm,gic-v3");
        ASSERT_GE(gic, 0);
        ASSERT_EQ(fdt_setprop_u64(blob.data(), gic, "redistributor-stride", stride), 0);
        ClearLogs();
        fake.Install();
        TiOnFakeIo(fake.io, ti_regs);
        ti_fw.regs = &ti_regs;
        ti_fw.Install();
        EXPECT_NE(irqchip_init_from_fdt(blob.data(), blob.size()), 0) << std::hex << stride;
        EXPECT_EQ(CountLogs({"/interrupt-controller@8000000", "redistributor-stride"}), 1u) << AllLogs();
        EXPECT_EQ(gic_v3_domain(), nullptr);
        irqsim_io_install(nullptr, nullptr);
        ASSERT_EQ(irqsim_core_reset(), 0);
        irqsim_set_nr_cpus(kCpus);
        for (unsigned c = 0; c < kCpus; c++)
            set_cpu_online(c, true);
    }
}

TEST_F(GicV3Test, SecondProbeWithoutResetIsRefused)
{
    ProbeOk();
    EXPECT_EQ(irqchip_init_from_fdt(dtb.data(), dtb.size()), -EBUSY);
    EXPECT_EQ(ErrorCount(), 1u) << AllLogs();
}

}  // namespace
