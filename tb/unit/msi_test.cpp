// SPDX-License-Identifier: MIT
// MSI layer: allocation by index (range, on demand, MSI_ANY_INDEX), errors,
// messages composed through a 2-level hierarchy, set_affinity rewrites,
// deactivation, Multi-MSI blocks and per-device domains.
#include <gtest/gtest.h>

#include <memory>

#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/msi.h>

#include "unit/fake_msi_parent.h"
#include "unit/test_support.h"

namespace {

class MsiTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        parent = std::make_unique<FakeMsiParent>("FAKE-PARENT", 64);
        ASSERT_NE(parent->domain, nullptr);
        ops = {};
        info = {};
        info.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
        info.ops = &ops;
        info.chip = &devchip.chip;
        info.chip_data = &devchip;
        info.handler = handle_fasteoi_irq;
        info.handler_name = "fasteoi";
        fwnode.name = "TEST-MSI";
        MakeDevice(dev0, "dev0");
        MakeDevice(dev1, "dev1");
    }

    void TearDown() override
    {
        msi_device_data_release(&dev0);
        msi_device_data_release(&dev1);
        if (parent)
            EXPECT_EQ(parent->nr_used, 0u) << "parent hwirqs leaked";
        CoreTest::TearDown();
    }

    void MakeDevice(struct device& d, const char* name)
    {
        d = {};
        d.name = name;
    }

    struct irq_domain* CreateDomain(u32 extra_flags = 0)
    {
        info.flags |= extra_flags;
        struct irq_domain* d = msi_create_irq_domain(&fwnode, &info, parent->domain);
        EXPECT_NE(d, nullptr);
        dev_set_msi_domain(&dev0, d);
        dev_set_msi_domain(&dev1, d);
        return d;
    }

    irq_hw_number_t ParentHwirq(unsigned virq)
    {
        struct irq_data* d = irq_domain_get_irq_data(parent->domain, virq);
        return d ? d->hwirq : ~0ul;
    }

    std::unique_ptr<FakeMsiParent> parent;
    FakeMsiDevChip devchip;
    struct msi_domain_ops ops {};
    struct msi_domain_info info {};
    struct fwnode_handle fwnode {};
    struct device dev0 {
    }, dev1{};
};

TEST_F(MsiTest, CreateDomainFillsDefaults)
{
    struct irq_domain* d = CreateDomain();
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(irq_domain_is_msi(d));
    EXPECT_TRUE(irq_domain_is_hierarchy(d));
    EXPECT_EQ(d->parent, parent->domain);
    EXPECT_EQ(msi_get_domain_info(d), &info);
    EXPECT_NE(ops.get_hwirq, nullptr);
    EXPECT_NE(ops.msi_init, nullptr);
    EXPECT_NE(ops.set_desc, nullptr);
    EXPECT_EQ(devchip.chip.irq_mask, irq_chip_mask_parent);
    EXPECT_EQ(devchip.chip.irq_unmask, irq_chip_unmask_parent);
    EXPECT_EQ(devchip.chip.irq_eoi, irq_chip_eoi_parent);
    EXPECT_EQ(devchip.chip.irq_set_affinity, msi_domain_set_affinity);
    EXPECT_EQ(info.hwsize, MSI_MAX_INDEX + 1);
}

TEST_F(MsiTest, RangeAllocAndFree)
{
    CreateDomain();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, MSI_DEFAULT_DOMAIN, 4), 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 4);
    for (unsigned i = 0; i < 4; i++) {
        unsigned virq = msi_get_virq(&dev0, i);
        ASSERT_NE(virq, 0u) << i;
        struct msi_desc* desc = irq_get_msi_desc(virq);
        ASSERT_NE(desc, nullptr);
        EXPECT_EQ(desc->dev, &dev0);
        EXPECT_EQ(desc->msi_index, i);
        EXPECT_EQ(desc->irq, virq);
        EXPECT_EQ(desc->nvec_used, 1u);
        EXPECT_EQ(irq_get_chip(virq), &devchip.chip);
        EXPECT_EQ(irq_get_chip_data(virq), &devchip);
        EXPECT_EQ(irq_to_desc(virq)->handle_irq, handle_fasteoi_irq);
        EXPECT_NE(ParentHwirq(virq), ~0ul);
    }
    EXPECT_EQ(msi_get_virq(&dev0, 4), 0u);
    EXPECT_EQ(parent->nr_used, 4u);
    // indices 1..2 only
    msi_domain_free_irqs_range(&dev0, MSI_DEFAULT_DOMAIN, 1, 2);
    EXPECT_EQ(msi_get_virq(&dev0, 1), 0u);
    EXPECT_EQ(msi_get_virq(&dev0, 2), 0u);
    EXPECT_NE(msi_get_virq(&dev0, 3), 0u);
    EXPECT_EQ(parent->nr_used, 2u);
    msi_domain_free_irqs_all(&dev0, MSI_DEFAULT_DOMAIN);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(parent->nr_used, 0u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MsiTest, SharedDomainGivesDevicesDistinctHwirqs)
{
    struct irq_domain* d = CreateDomain();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, MSI_DEFAULT_DOMAIN, 2), 0);
    ASSERT_EQ(msi_domain_alloc_irqs(&dev1, MSI_DEFAULT_DOMAIN, 2), 0);
    unsigned a = msi_get_virq(&dev0, 1), b = msi_get_virq(&dev1, 1);
    ASSERT_NE(a, 0u);
    ASSERT_NE(b, 0u);
    EXPECT_NE(a, b);
    EXPECT_NE(irq_get_irq_data(a)->hwirq, irq_get_irq_data(b)->hwirq);
    EXPECT_EQ(irq_find_mapping(d, irq_get_irq_data(a)->hwirq), a);
    EXPECT_EQ(irq_find_mapping(d, irq_get_irq_data(b)->hwirq), b);
}

TEST_F(MsiTest, OnDemandAllocAtIndexAndAnyIndex)
{
    CreateDomain();
    union msi_instance_cookie cookie;
    cookie.value = 0x1234;
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, MSI_DEFAULT_DOMAIN, 7, nullptr, &cookie);
    ASSERT_EQ(m.index, 7);
    ASSERT_GT(m.virq, 0);
    EXPECT_EQ(msi_get_virq(&dev0, 7), (unsigned)m.virq);
    EXPECT_EQ(irq_get_msi_desc(m.virq)->icookie.value, 0x1234u);

    // MSI_ANY_INDEX takes the lowest free index
    struct msi_map a0 = msi_domain_alloc_irq_at(&dev0, MSI_DEFAULT_DOMAIN, MSI_ANY_INDEX, nullptr, nullptr);
    struct msi_map a1 = msi_domain_alloc_irq_at(&dev0, MSI_DEFAULT_DOMAIN, MSI_ANY_INDEX, nullptr, nullptr);
    EXPECT_EQ(a0.index, 0);
    EXPECT_EQ(a1.index, 1);
    msi_domain_free_irqs_range(&dev0, MSI_DEFAULT_DOMAIN, 0, 0);
    struct msi_map a2 = msi_domain_alloc_irq_at(&dev0, MSI_DEFAULT_DOMAIN, MSI_ANY_INDEX, nullptr, nullptr);
    EXPECT_EQ(a2.index, 0);

    // affinity is copied into the descriptor
    struct irq_affinity_desc aff {};
    cpumask_set_cpu(2, &aff.mask);
    struct msi_map m2 = msi_domain_alloc_irq_at(&dev0, MSI_DEFAULT_DOMAIN, 9, &aff, nullptr);
    ASSERT_EQ(m2.index, 9);
    struct msi_desc* desc = irq_get_msi_desc(m2.virq);
    ASSERT_NE(desc->affinity, nullptr);
    EXPECT_TRUE(cpumask_test_cpu(2, &desc->affinity->mask));
    EXPECT_NE(desc->affinity, &aff);

    msi_domain_free_irqs_range(&dev0, MSI_DEFAULT_DOMAIN, 7, 7);
    EXPECT_EQ(msi_get_virq(&dev0, 7), 0u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MsiTest, AnyIndexAcrossMapPages)
{
    parent = std::make_unique<FakeMsiParent>("BIG-PARENT", 1024);
    info.hwsize = 600;
    CreateDomain();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, 0, 300), 0);  // fills a whole 256-slot page and part of the next
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, MSI_ANY_INDEX, nullptr, nullptr).index, 300);
    msi_domain_free_irqs_range(&dev0, 0, 5, 5);
    msi_domain_free_irqs_range(&dev0, 0, 260, 260);
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, MSI_ANY_INDEX, nullptr, nullptr).index, 5);
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, MSI_ANY_INDEX, nullptr, nullptr).index, 260);
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, MSI_ANY_INDEX, nullptr, nullptr).index, 301);
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, 599, nullptr, nullptr).index, 599);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 303);
    msi_domain_free_irqs_all(&dev0, 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MsiTest, AnyIndexExhaustsHwsize)
{
    info.hwsize = 3;
    CreateDomain();
    for (int i = 0; i < 3; i++)
        EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, MSI_ANY_INDEX, nullptr, nullptr).index, i);
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, 0, MSI_ANY_INDEX, nullptr, nullptr);
    EXPECT_EQ(m.index, -ENOSPC);
    EXPECT_EQ(m.virq, 0);
    EXPECT_EQ(CountLogs("all 3 indices in use"), 1u) << AllLogs();
}

TEST_F(MsiTest, Errors)
{
    // no MSI domain yet
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, 0, 0, nullptr, nullptr);
    EXPECT_EQ(m.index, -ENODEV);
    EXPECT_EQ(m.virq, 0);
    EXPECT_EQ(CountLogs({"dev0", "no MSI domain"}), 1u) << AllLogs();

    info.hwsize = 16;
    CreateDomain();
    ClearLogs();
    m = msi_domain_alloc_irq_at(&dev0, 0, 3, nullptr, nullptr);
    ASSERT_EQ(m.index, 3);
    unsigned before = irq_get_nr_allocated();

    // index in use
    struct msi_map busy = msi_domain_alloc_irq_at(&dev0, 0, 3, nullptr, nullptr);
    EXPECT_EQ(busy.index, -EBUSY);
    EXPECT_EQ(busy.virq, 0);
    EXPECT_EQ(CountLogs({"dev0", "already"}), 1u) << AllLogs();
    EXPECT_EQ(msi_domain_alloc_irqs_range(&dev0, 0, 2, 4), -EBUSY);
    EXPECT_EQ(msi_get_virq(&dev0, 2), 0u) << "partial state after -EBUSY";

    // beyond hwsize
    ClearLogs();
    struct msi_map range = msi_domain_alloc_irq_at(&dev0, 0, 16, nullptr, nullptr);
    EXPECT_EQ(range.index, -ERANGE);
    EXPECT_EQ(CountLogs({"TEST-MSI", "index 16 out of range (max 15)"}), 1u) << AllLogs();
    EXPECT_EQ(msi_domain_alloc_irqs_range(&dev0, 0, 10, 20), -ERANGE);

    // bad domain id, bad count
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 1, 0, nullptr, nullptr).index, -EINVAL);
    EXPECT_EQ(msi_domain_alloc_irqs(&dev0, 0, 0), -EINVAL);
    EXPECT_EQ(irq_get_nr_allocated(), before);

    // free of an unknown index logs once and changes nothing
    ClearLogs();
    msi_domain_free_irqs_range(&dev0, 0, 5, 5);
    EXPECT_EQ(CountLogs({"dev0", "unallocated index 5"}), 1u) << AllLogs();
    msi_domain_free_irqs_range(&dev1, 0, 0, 0);
    EXPECT_EQ(CountLogs({"dev1", "unallocated index 0"}), 1u) << AllLogs();
    EXPECT_EQ(msi_get_virq(&dev0, 3), (unsigned)m.virq);
}

TEST_F(MsiTest, ParentExhaustionLeavesNothingBehind)
{
    parent = std::make_unique<FakeMsiParent>("SMALL-PARENT", 4);
    CreateDomain();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, 0, 3), 0);
    unsigned before = irq_get_nr_allocated();
    // range of 2 needs 2 parent hwirqs, only 1 left: all or nothing
    ClearLogs();
    EXPECT_EQ(msi_domain_alloc_irqs_range(&dev1, 0, 0, 1), -ENOSPC);
    EXPECT_EQ(msi_get_virq(&dev1, 0), 0u);
    EXPECT_EQ(msi_get_virq(&dev1, 1), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(parent->nr_used, 3u);
    EXPECT_GE(CountLogs({"TEST-MSI", "dev1", "index 1", "-28"}), 1u) << AllLogs();
    // the index is reusable after the failure
    struct msi_map m = msi_domain_alloc_irq_at(&dev1, 0, 1, nullptr, nullptr);
    EXPECT_EQ(m.index, 1);
    struct msi_map full = msi_domain_alloc_irq_at(&dev1, 0, 2, nullptr, nullptr);
    EXPECT_EQ(full.index, -ENOSPC);
    EXPECT_EQ(full.virq, 0);
    EXPECT_EQ(msi_get_virq(&dev1, 2), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), before + 1);
}

TEST_F(MsiTest, MessagesThroughTwoLevelHierarchy)
{
    CreateDomain();
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, 0, 5, nullptr, nullptr);
    ASSERT_GT(m.virq, 0);
    unsigned virq = m.virq;
    EXPECT_TRUE(devchip.writes.empty()) << "no message before activation";

    struct irq_data* d = irq_get_irq_data(virq);
    ASSERT_EQ(irq_domain_activate_irq(d, false), 0);
    ASSERT_EQ(devchip.writes.size(), 1u);
    EXPECT_EQ(devchip.writes[0].virq, virq);
    EXPECT_EQ(devchip.writes[0].msg.address_lo, FakeMsiParent::kDoorbell);
    EXPECT_EQ(devchip.writes[0].msg.data, (uint32_t)ParentHwirq(virq));
    EXPECT_EQ(irq_get_msi_desc(virq)->msg.data, devchip.writes[0].msg.data);

    // set_affinity: parent moves it, the message is recomposed and rewritten
    EXPECT_EQ(msi_domain_set_affinity(d, cpumask_of(3), false), IRQ_SET_MASK_OK);
    ASSERT_EQ(devchip.writes.size(), 2u);
    EXPECT_EQ(devchip.writes[1].msg.address_lo, FakeMsiParent::kDoorbell + 0x3000u);
    EXPECT_EQ(irq_get_msi_desc(virq)->msg.address_lo, FakeMsiParent::kDoorbell + 0x3000u);
    // through the public API as well (the default chip op is msi_domain_set_affinity)
    EXPECT_EQ(irq_set_affinity(virq, cpumask_of(2)), 0);
    ASSERT_EQ(devchip.writes.size(), 3u);
    EXPECT_EQ(devchip.writes[2].msg.address_lo, FakeMsiParent::kDoorbell + 0x2000u);

    // a parent that reports OK_DONE has handled the message itself
    parent->set_affinity_ret = IRQ_SET_MASK_OK_DONE;
    EXPECT_EQ(msi_domain_set_affinity(d, cpumask_of(1), false), IRQ_SET_MASK_OK_DONE);
    EXPECT_EQ(devchip.writes.size(), 3u);

    // deactivation writes an all-zero message
    irq_domain_deactivate_irq(d);
    ASSERT_EQ(devchip.writes.size(), 4u);
    EXPECT_EQ(devchip.writes[3].msg.address_lo, 0u);
    EXPECT_EQ(devchip.writes[3].msg.address_hi, 0u);
    EXPECT_EQ(devchip.writes[3].msg.data, 0u);
    msi_domain_free_irqs_all(&dev0, 0);
    EXPECT_EQ(devchip.writes.size(), 4u) << "free must not write again once deactivated";
}

TEST_F(MsiTest, FreeDeactivatesAndRequestIrqActivates)
{
    CreateDomain();
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, 0, 0, nullptr, nullptr);
    ASSERT_GT(m.virq, 0);
    auto handler = [](int, void*) { return IRQ_HANDLED; };
    ASSERT_EQ(request_irq(m.virq, handler, 0, "msi-test", this), 0);
    ASSERT_GE(devchip.writes.size(), 1u);
    EXPECT_NE(devchip.writes.back().msg.address_lo, 0u);
    // freeing a requested vector is refused
    ClearLogs();
    msi_domain_free_irqs_range(&dev0, 0, 0, 0);
    EXPECT_EQ(msi_get_virq(&dev0, 0), (unsigned)m.virq);
    EXPECT_EQ(CountLogs({"still requested"}), 1u) << AllLogs();
    free_irq(m.virq, this);
    size_t n = devchip.writes.size();
    msi_domain_free_irqs_range(&dev0, 0, 0, 0);
    EXPECT_EQ(msi_get_virq(&dev0, 0), 0u);
    // whoever deactivated (free_irq or the MSI free), the last message is zero
    ASSERT_GE(devchip.writes.size(), n);
    EXPECT_EQ(devchip.writes.back().msg.address_lo, 0u);
    EXPECT_EQ(devchip.writes.back().msg.data, 0u);
}

TEST_F(MsiTest, ActivateEarlyWritesAtAllocation)
{
    CreateDomain(MSI_FLAG_ACTIVATE_EARLY);
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, 0, 2, nullptr, nullptr);
    ASSERT_GT(m.virq, 0);
    EXPECT_TRUE(irqd_is_activated(irq_get_irq_data(m.virq)));
    ASSERT_EQ(devchip.writes.size(), 1u);
    EXPECT_EQ(devchip.writes[0].msg.data, (uint32_t)ParentHwirq(m.virq));
    msi_domain_free_irqs_all(&dev0, 0);
    ASSERT_EQ(devchip.writes.size(), 2u);
    EXPECT_EQ(devchip.writes[1].msg.data, 0u);
}

class MsiMultiTest : public MsiTest, public ::testing::WithParamInterface<unsigned> {};

TEST_P(MsiMultiTest, PowerOfTwoBlock)
{
    const unsigned nvec = GetParam();
    CreateDomain(MSI_FLAG_MULTI_PCI_MSI);
    // take one parent hwirq first so alignment is actually exercised
    ASSERT_EQ(msi_domain_alloc_irq_at(&dev1, 0, 0, nullptr, nullptr).index, 0);
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, 0, (int)nvec), 0) << AllLogs();
    unsigned base = msi_get_virq(&dev0, 0);
    ASSERT_NE(base, 0u);
    struct msi_desc* desc = irq_get_msi_desc(base);
    ASSERT_NE(desc, nullptr);
    EXPECT_EQ(desc->nvec_used, nvec);
    EXPECT_EQ(desc->irq, base);
    irq_hw_number_t hw0 = ParentHwirq(base);
    EXPECT_EQ((hw0 - parent->base_hwirq) % nvec, 0u) << "block not naturally aligned";
    for (unsigned i = 0; i < nvec; i++) {
        EXPECT_EQ(msi_get_virq(&dev0, i), base + i);
        EXPECT_EQ(irq_get_msi_desc(base + i), desc) << "one descriptor per block";
        EXPECT_EQ(ParentHwirq(base + i), hw0 + i);
    }
    EXPECT_EQ(msi_get_virq(&dev0, nvec), 0u);
    // every vector's activation writes the block's base message; the device adds i
    for (unsigned i = 0; i < nvec; i++)
        ASSERT_EQ(irq_domain_activate_irq(irq_get_irq_data(base + i), false), 0);
    ASSERT_EQ(devchip.writes.size(), nvec);
    for (unsigned i = 0; i < nvec; i++) {
        EXPECT_EQ(devchip.writes[i].msg.data, (uint32_t)hw0);
        EXPECT_EQ(devchip.writes[i].msg.data + i, (uint32_t)ParentHwirq(base + i));
    }
    EXPECT_EQ(desc->msg.data, (uint32_t)hw0);
    // the message is cleared only when the last vector is deactivated
    for (unsigned i = 0; i < nvec; i++)
        irq_domain_deactivate_irq(irq_get_irq_data(base + i));
    ASSERT_EQ(devchip.writes.size(), nvec + 1);
    EXPECT_EQ(devchip.writes.back().msg.data, 0u);
    EXPECT_EQ(devchip.writes.back().msg.address_lo, 0u);

    msi_domain_free_irqs_all(&dev0, 0);
    EXPECT_EQ(msi_get_virq(&dev0, 0), 0u);
    EXPECT_EQ(parent->nr_used, 1u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

INSTANTIATE_TEST_SUITE_P(Sizes, MsiMultiTest, ::testing::Values(1u, 2u, 4u, 8u, 32u));

TEST_F(MsiTest, MultiMsiRejectsNonPowerOfTwo)
{
    CreateDomain(MSI_FLAG_MULTI_PCI_MSI);
    unsigned before = irq_get_nr_allocated();
    EXPECT_EQ(msi_domain_alloc_irqs(&dev0, 0, 3), -EINVAL);
    EXPECT_EQ(msi_domain_alloc_irqs(&dev0, 0, 6), -EINVAL);
    EXPECT_EQ(CountLogs("power-of-two"), 2u) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(msi_get_virq(&dev0, 0), 0u);
}

TEST_F(MsiTest, MultiMsiBlockTooBigForParent)
{
    CreateDomain(MSI_FLAG_MULTI_PCI_MSI);
    unsigned before = irq_get_nr_allocated();
    EXPECT_EQ(msi_domain_alloc_irqs(&dev0, 0, 128), -ENOSPC);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(parent->nr_used, 0u);
}

// ---- per-device domains ----------------------------------------------------------

struct ParentOpsRecorder {
    static int calls;
    static bool InitDev(struct device*, struct irq_domain*, struct irq_domain*, struct msi_domain_info* info)
    {
        calls++;
        info->flags |= MSI_FLAG_ACTIVATE_EARLY;
        return true;
    }
};
int ParentOpsRecorder::calls = 0;

TEST_F(MsiTest, PerDeviceDomain)
{
    struct msi_parent_ops pops {};
    pops.supported_flags = MSI_FLAG_PCI_MSIX;
    pops.required_flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
    pops.prefix = "IR-";
    pops.init_dev_msi_info = &ParentOpsRecorder::InitDev;
    parent->domain->msi_parent_ops = &pops;
    ParentOpsRecorder::calls = 0;

    struct msi_domain_info tmpl {};
    tmpl.flags = MSI_FLAG_MULTI_PCI_MSI;  // not supported by this parent: dropped
    tmpl.chip = &devchip.chip;
    tmpl.handler = handle_edge_irq;
    int domain_data = 0;

    // no MSI parent yet
    EXPECT_FALSE(msi_create_device_irq_domain(&dev0, 0, &tmpl, 8, &domain_data, &devchip));
    EXPECT_EQ(CountLogs({"dev0", "no MSI parent"}), 1u) << AllLogs();

    dev0.msi_parent = parent->domain;
    ASSERT_TRUE(msi_create_device_irq_domain(&dev0, 0, &tmpl, 8, &domain_data, &devchip));
    EXPECT_EQ(ParentOpsRecorder::calls, 1);
    struct irq_domain* d = dev0.msi_domain;
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(d->flags & IRQ_DOMAIN_FLAG_MSI_DEVICE);
    EXPECT_TRUE(irq_domain_is_msi(d));
    EXPECT_EQ(d->parent, parent->domain);
    EXPECT_EQ(d->bus_token, DOMAIN_BUS_DEVICE_MSI);
    EXPECT_NE(std::string(d->name).find("dev0"), std::string::npos) << d->name;
    struct msi_domain_info* di = msi_get_domain_info(d);
    EXPECT_NE(di, &tmpl) << "the template must be copied";
    EXPECT_EQ(di->chip_data, &devchip);
    EXPECT_EQ(di->data, &domain_data);
    EXPECT_EQ(di->hwsize, 8u);
    EXPECT_FALSE(di->flags & MSI_FLAG_MULTI_PCI_MSI);
    EXPECT_TRUE(di->flags & MSI_FLAG_ACTIVATE_EARLY);
    EXPECT_EQ(tmpl.chip->irq_mask, nullptr) << "template chip modified";
    // a second one is refused
    EXPECT_FALSE(msi_create_device_irq_domain(&dev0, 0, &tmpl, 8, nullptr, nullptr));

    // vectors: hwirq in a device domain is the index itself
    struct msi_map m = msi_domain_alloc_irq_at(&dev0, 0, 6, nullptr, nullptr);
    ASSERT_EQ(m.index, 6);
    EXPECT_EQ(irq_get_irq_data(m.virq)->hwirq, 6u);
    EXPECT_EQ(irq_find_mapping(d, 6), (unsigned)m.virq);
    EXPECT_EQ(irq_get_chip_data(m.virq), &devchip);
    ASSERT_EQ(devchip.writes.size(), 1u) << "ACTIVATE_EARLY from init_dev_msi_info";
    EXPECT_EQ(msi_domain_alloc_irq_at(&dev0, 0, 8, nullptr, nullptr).index, -ERANGE);

    msi_remove_device_irq_domain(&dev0, 0);
    EXPECT_EQ(dev0.msi_domain, nullptr);
    EXPECT_EQ(msi_get_virq(&dev0, 6), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(parent->nr_used, 0u);
    parent->domain->msi_parent_ops = nullptr;
}

TEST_F(MsiTest, ReleaseFreesEverything)
{
    CreateDomain();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, 0, 5), 0);
    ASSERT_EQ(msi_domain_alloc_irq_at(&dev0, 0, 300, nullptr, nullptr).index, 300);
    msi_device_data_release(&dev0);
    EXPECT_EQ(dev0.msi_data, nullptr);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(parent->nr_used, 0u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MsiTest, CoreResetDropsLeftovers)
{
    CreateDomain();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev0, 0, 3), 0);
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
    EXPECT_EQ(parent->nr_used, 0u);
    // the layer no longer knows the device: nothing to free, nothing stale
    EXPECT_EQ(msi_get_virq(&dev0, 0), 0u);
    parent.reset();  // its domain is gone with the reset
}

}  // namespace
