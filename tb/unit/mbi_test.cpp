// SPDX-License-Identifier: MIT
// GICv3 MBI against FakeGic: the MSI parent comes from mbi-ranges only with
// GICD_TYPER.MBIS, aligned power-of-two SPI blocks, edge-rising parent SPIs,
// messages {GICD + SETSPI_NSR, INTID}, -ENOSPC on exhaustion with nothing
// left behind, bad mbi-ranges refused with a clear log line.
#include <string>

#include "fake_msi_parent.h"
#include "mbi_ims_fixture.h"

namespace {

class MbiDomainTest : public MbiTest {
protected:
    void MakeDevice(bool multi)
    {
        dev.name = "mbi-client";
        dev.id = -1;
        dev.msi_parent = mbi;
        // a PCI-style function: its template's flags (Multi-MSI) survive msi_lib as far as MBI supports them
        info.bus_token = DOMAIN_BUS_PCI_DEVICE_MSI;
        info.flags =
            MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | (multi ? MSI_FLAG_MULTI_PCI_MSI : 0);
        info.chip = &fchip.chip;
        ASSERT_TRUE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &info, 64, nullptr, &fchip))
            << AllLogs();
    }
    void TearDown() override
    {
        if (dev.msi_domain)
            msi_remove_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN);
        msi_device_data_release(&dev);
        MbiTest::TearDown();
    }
    device dev{};
    msi_domain_info info{};
    FakeMsiDevChip fchip;
};

TEST_F(MbiDomainTest, ProbeCreatesMsiParentFromMbiRanges)
{
    ProbeOk();
    EXPECT_EQ(gic_v3_mbi_count(), 32u);
    EXPECT_EQ(gic_v3_mbi_in_use(), 0u);
    EXPECT_EQ(gic_v3_mbi_doorbell(), (u64)kSetSpi);
    EXPECT_TRUE(mbi->flags & IRQ_DOMAIN_FLAG_MSI_PARENT);
    ASSERT_NE(mbi->msi_parent_ops, nullptr);
    EXPECT_STREQ(mbi->msi_parent_ops->prefix, "MBI-");
    EXPECT_EQ(mbi->parent, gic_v3_domain());
    EXPECT_EQ(mbi->bus_token, DOMAIN_BUS_NEXUS);
    EXPECT_STREQ(mbi->name, "GICv3-MBI");
    // the GIC's own lookups still find the wired domain
    EXPECT_EQ(irq_find_matching_fwnode(gic_v3_domain()->fwnode, DOMAIN_BUS_WIRED), gic_v3_domain());
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MbiDomainTest, NoMbiWithoutTyperMbis)
{
    ASSERT_EQ(Probe(false), 0) << AllLogs();
    EXPECT_EQ(gic_v3_mbi_domain(), nullptr);
    EXPECT_EQ(gic_v3_mbi_count(), 0u);
    EXPECT_GE(CountLogs("MBIS is 0"), 1u) << AllLogs();
}

TEST_F(MbiDomainTest, VectorIsEdgeSpiWithSetspiMessage)
{
    ProbeOk();
    MakeDevice(false);
    ASSERT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 0, 1), 0) << AllLogs();
    for (unsigned i = 0; i < 2; i++) {
        unsigned virq = msi_get_virq(&dev, i);
        ASSERT_NE(virq, 0u);
        irq_data* d = irq_get_irq_data(virq);
        irq_data* m = d->parent_data;  // MBI level
        ASSERT_NE(m, nullptr);
        ASSERT_NE(m->parent_data, nullptr);  // GIC level
        EXPECT_EQ(m->domain, mbi);
        EXPECT_EQ(m->hwirq, 96u + i);
        EXPECT_EQ(m->parent_data->hwirq, 96u + i);
        EXPECT_EQ(m->parent_data->domain, gic_v3_domain());
        EXPECT_TRUE(IsEdge(96 + i)) << "INTID " << 96 + i;
        EXPECT_EQ(irq_resolve_mapping(gic_v3_domain(), 96 + i), irq_to_desc(virq));
        // activation composes the message: SETSPI_NSR <- INTID
        ASSERT_EQ(irq_domain_activate_irq(d, false), 0);
    }
    ASSERT_EQ(fchip.writes.size(), 2u);
    for (unsigned i = 0; i < 2; i++) {
        EXPECT_EQ(fchip.writes[i].msg.address_lo, kSetSpi);
        EXPECT_EQ(fchip.writes[i].msg.address_hi, 0u);
        EXPECT_EQ(fchip.writes[i].msg.data, 96u + i);
    }
    EXPECT_EQ(gic_v3_mbi_in_use(), 2u);
    msi_domain_free_irqs_all(&dev, MSI_DEFAULT_DOMAIN);
    EXPECT_EQ(gic_v3_mbi_in_use(), 0u);
}

TEST_F(MbiDomainTest, MultiMsiBlockIsAlignedPowerOfTwo)
{
    ProbeOk();
    MakeDevice(true);
    ASSERT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 0, 0), 0);  // INTID 96
    ASSERT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 1, 4), 0) << AllLogs();
    unsigned base = msi_get_virq(&dev, 1);
    unsigned first = (unsigned)irq_get_irq_data(base)->parent_data->hwirq;
    EXPECT_EQ(first % 4, 0u);
    EXPECT_EQ(first, 100u);  // 96 is taken, the next aligned block of 4
    for (unsigned i = 0; i < 4; i++)
        EXPECT_EQ(irq_get_irq_data(base + i)->parent_data->hwirq, first + i);
    EXPECT_EQ(gic_v3_mbi_in_use(), 5u);
}

TEST_F(MbiDomainTest, ExhaustionIsEnospcWithNothingLeftBehind)
{
    ProbeOk();
    MakeDevice(true);
    // 30 singles take INTIDs 96..125; freeing 124 leaves 124, 126, 127: no aligned 4-block
    ASSERT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 0, 0), 0);
    for (unsigned i = 1; i < 30; i++)
        ASSERT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, i, i), 0) << i;
    msi_domain_free_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 28, 28);  // frees one of 124..125
    EXPECT_EQ(gic_v3_mbi_in_use(), 29u);
    unsigned descs = irq_get_nr_allocated();
    EXPECT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 32, 35), -ENOSPC);
    EXPECT_EQ(gic_v3_mbi_in_use(), 29u);
    EXPECT_EQ(irq_get_nr_allocated(), descs);
    EXPECT_GE(CountLogs({"GICv3-MBI", "no free aligned block"}), 1u) << AllLogs();
    // singles still fit until every SPI is used
    for (unsigned i = 40; i < 43; i++)
        EXPECT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, i, i), 0) << i;
    EXPECT_EQ(gic_v3_mbi_in_use(), 32u);
    EXPECT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 50, 50), -ENOSPC);
    EXPECT_EQ(gic_v3_mbi_in_use(), 32u);
}

TEST_F(MbiDomainTest, BadMbiRangesAreRefusedByName)
{
    std::string err;
    std::string text;
    {
        auto raw = irqsim_test::ReadFile(irqsim_test::DefaultDtsPath());
        text.assign(raw.begin(), raw.end());
    }
    auto at = text.find("mbi-ranges = <96 32>;");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, std::string("mbi-ranges = <96 32>;").size(), "mbi-ranges = <100 40>;");
    dtb = irqsim_test::CompileDts(text, &err);
    ASSERT_FALSE(dtb.empty()) << err;
    ASSERT_EQ(Probe(), 0) << AllLogs();  // the GIC itself still works
    EXPECT_EQ(gic_v3_mbi_domain(), nullptr);
    EXPECT_GE(CountLogs({"mbi-ranges", "<100 40>", "not within"}), 1u) << AllLogs();
}

}  // namespace
