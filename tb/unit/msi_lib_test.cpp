// SPDX-License-Identifier: MIT
// The MSI-parent library (Linux 6.12+): irq_domain_instantiate and
// msi_create_parent_irq_domain, msi_lib_irq_domain_select (bare node, bus token
// and mask, FWNODE_PARENT), msi_lib_init_dev_msi_info (flags by child bus
// token, eoi/ack per chip_flags, affinity, parent masking, refusals), per-device
// domains built through it (creation, forwarding to the parent, free) and the
// unwinding of every failure (ASan/LSan in the asan twin).
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include <linux/err.h>
#include <linux/irq.h>
#include <linux/irqchip/irq-msi-lib.h>
#include <linux/irqdesc.h>
#include <linux/msi.h>
#include <linux/of.h>
#include <linux/platform_device.h>

#include "unit/fake_msi_parent.h"
#include "unit/test_support.h"

namespace {

void WriteMsg(struct irq_data*, struct msi_msg*) {}
void DevMask(struct irq_data*) {}
void DevEoi(struct irq_data*) {}

bool DomainListed(const struct irq_domain* d)
{
    for (struct irq_domain* it = irq_domain_next(nullptr); it; it = irq_domain_next(it))
        if (it == d)
            return true;
    return false;
}

class MsiLibTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        fake = std::make_unique<FakeMsiParent>("FAKE-ROOT", 64);
        pops = {};
        pops.supported_flags = MSI_GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX;
        pops.required_flags =
            MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | MSI_FLAG_PCI_MSI_MASK_PARENT;
        pops.chip_flags = MSI_CHIP_FLAG_SET_EOI;
        pops.bus_select_token = DOMAIN_BUS_NEXUS;
        pops.bus_select_mask = MATCH_PLATFORM_MSI;
        pops.prefix = "LIB-";
        pops.init_dev_msi_info = msi_lib_init_dev_msi_info;
        ops = fake->ops;
        ops.select = msi_lib_irq_domain_select;
        fw.name = "lib-parent";
        chip = {};
        chip.name = "DEV";
        chip.irq_write_msi_msg = WriteMsg;
        dev = {};
        dev.name = "lib-dev";
    }
    void TearDown() override
    {
        if (dev.msi_domain)
            msi_remove_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN);
        msi_device_data_release(&dev);
        if (parent)
            EXPECT_EQ(irq_domain_remove(parent), 0) << AllLogs();
        EXPECT_EQ(fake->nr_used, 0u) << "parent hwirqs leaked";
        fake.reset();
        CoreTest::TearDown();
    }
    // an MSI parent on the fake root's allocator, created as a 6.12 driver does
    struct irq_domain* MakeParent()
    {
        struct irq_domain_info info = {};
        info.fwnode = &fw;
        info.ops = &ops;
        info.host_data = fake.get();
        parent = msi_create_parent_irq_domain(&info, &pops);
        return parent;
    }
    struct msi_domain_info DevInfo(enum irq_domain_bus_token token, u32 flags = 0)
    {
        struct msi_domain_info info = {};
        info.bus_token = token;
        info.flags = flags;
        info.chip = &chip;
        return info;
    }

    std::unique_ptr<FakeMsiParent> fake;
    struct irq_domain_ops ops {};
    struct msi_parent_ops pops {};
    struct fwnode_handle fw {};
    struct irq_domain* parent = nullptr;
    struct irq_chip chip {};
    struct device dev {};
};

TEST_F(MsiLibTest, ParentDomainTakesItsTokenAndFlagsFromTheParentOps)
{
    struct irq_domain_info info = {};
    info.fwnode = &fw;
    info.ops = &ops;
    info.host_data = fake.get();
    info.size = 16;
    parent = msi_create_parent_irq_domain(&info, &pops);
    ASSERT_NE(parent, nullptr) << AllLogs();
    EXPECT_EQ(info.hwirq_max, 16u) << "hwirq_max and size both become the larger";
    EXPECT_EQ(info.size, 16u);
    EXPECT_TRUE(info.domain_flags & IRQ_DOMAIN_FLAG_MSI_PARENT);
    EXPECT_EQ(info.bus_token, DOMAIN_BUS_NEXUS);
    EXPECT_TRUE(irq_domain_is_msi_parent(parent));
    EXPECT_TRUE(irq_domain_is_hierarchy(parent));
    EXPECT_EQ(parent->bus_token, DOMAIN_BUS_NEXUS);
    EXPECT_EQ(parent->msi_parent_ops, &pops);
    EXPECT_EQ(parent->host_data, fake.get());
    EXPECT_EQ(parent->revmap_size, 16u);
    EXPECT_STREQ(parent->name, "lib-parent");
    EXPECT_EQ(msi_create_parent_irq_domain(&info, nullptr), nullptr);
    EXPECT_EQ(ErrorCount(), 1u) << AllLogs();
}

TEST_F(MsiLibTest, SelectMatchesABareNodeForItsTokenOrMask)
{
    // a wired domain of the same node, created first: a WIRED lookup still gets it
    struct irq_domain* wired = irq_domain_create_tree(&fw, nullptr, nullptr);
    irq_domain_update_bus_token(wired, DOMAIN_BUS_WIRED);
    ASSERT_NE(MakeParent(), nullptr) << AllLogs();

    struct irq_fwspec spec = {};
    spec.fwnode = &fw;
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_NEXUS), 1);
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_PLATFORM_MSI), 1);
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_PCI_MSI), 0) << "not in bus_select_mask";
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_WIRED), 0);
    spec.param_count = 1;  // an interrupt specifier is not an MSI parent lookup
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_NEXUS), 0);
    struct fwnode_handle other = {};
    other.name = "other";
    spec.param_count = 0;
    spec.fwnode = &other;
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_NEXUS), 0);
    spec.fwnode = &fw;
    EXPECT_EQ(msi_lib_irq_domain_select(wired, &spec, DOMAIN_BUS_NEXUS), 0) << "no msi_parent_ops";

    // the lookups go through it
    EXPECT_EQ(irq_find_matching_fwnode(&fw, DOMAIN_BUS_WIRED), wired);
    EXPECT_EQ(irq_find_matching_fwnode(&fw, DOMAIN_BUS_PLATFORM_MSI), parent);
    EXPECT_EQ(irq_find_matching_fwnode(&fw, DOMAIN_BUS_NEXUS), parent);
    EXPECT_EQ(irq_find_matching_fwnode(&fw, DOMAIN_BUS_PCI_MSI), nullptr);
    EXPECT_EQ(irq_find_matching_fwnode(&fw, DOMAIN_BUS_ANY), wired) << "ANY: the first, select not asked";
    EXPECT_EQ(irq_domain_remove(wired), 0);
}

TEST_F(MsiLibTest, SelectWithFwnodeParentMatchesTheNodesParent)
{
    struct device_node bus = {}, child = {};
    bus.fwnode.of_node = &bus;
    bus.fwnode.name = "bus";
    child.fwnode.of_node = &child;
    child.fwnode.name = "child";
    child.parent = &bus;
    struct irq_domain_info info = {};
    info.fwnode = &bus.fwnode;
    info.ops = &ops;
    info.host_data = fake.get();
    info.domain_flags = IRQ_DOMAIN_FLAG_FWNODE_PARENT;
    parent = msi_create_parent_irq_domain(&info, &pops);
    ASSERT_NE(parent, nullptr);
    struct irq_fwspec spec = {};
    spec.fwnode = &child.fwnode;
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_PLATFORM_MSI), 1);
    spec.fwnode = &bus.fwnode;
    EXPECT_EQ(msi_lib_irq_domain_select(parent, &spec, DOMAIN_BUS_PLATFORM_MSI), 0);
    EXPECT_EQ(irq_find_matching_host(&child, DOMAIN_BUS_PLATFORM_MSI), parent);
    EXPECT_EQ(irq_find_matching_host(&bus, DOMAIN_BUS_PLATFORM_MSI), nullptr);
}

TEST_F(MsiLibTest, DeviceMsiChildGetsCoreDescriptorsAndTheParentsCallbacks)
{
    ASSERT_NE(MakeParent(), nullptr);
    chip.irq_mask = DevMask;
    chip.irq_unmask = DevMask;
    struct msi_domain_info info = DevInfo(DOMAIN_BUS_DEVICE_MSI);
    ASSERT_TRUE(msi_lib_init_dev_msi_info(&dev, parent, parent, &info)) << AllLogs();
    EXPECT_EQ(info.flags, (u32)(MSI_FLAG_ALLOC_SIMPLE_MSI_DESCS | MSI_FLAG_FREE_MSI_DESCS |
                                MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS))
        << "PCI_MSI_MASK_PARENT is for PCI children only";
    EXPECT_EQ(chip.irq_eoi, irq_chip_eoi_parent) << "MSI_CHIP_FLAG_SET_EOI";
    EXPECT_EQ(chip.irq_ack, nullptr) << "no MSI_CHIP_FLAG_SET_ACK";
    EXPECT_EQ(chip.irq_set_affinity, msi_domain_set_affinity);
    EXPECT_EQ(chip.irq_mask, DevMask) << "a device MSI chip keeps its own masking";
}

TEST_F(MsiLibTest, PciChildKeepsSupportedFlagsAndMasksAtTheParent)
{
    ASSERT_NE(MakeParent(), nullptr);
    chip.irq_mask = DevMask;
    chip.irq_unmask = DevMask;
    chip.irq_eoi = DevEoi;
    struct msi_domain_info info = DevInfo(
        DOMAIN_BUS_PCI_DEVICE_MSI, MSI_FLAG_MULTI_PCI_MSI | MSI_FLAG_PCI_MSIX | MSI_FLAG_ACTIVATE_EARLY);
    ASSERT_TRUE(msi_lib_init_dev_msi_info(&dev, parent, parent, &info)) << AllLogs();
    EXPECT_FALSE(info.flags & MSI_FLAG_MULTI_PCI_MSI) << "not supported by the parent";
    EXPECT_TRUE(info.flags & MSI_FLAG_PCI_MSIX);
    EXPECT_TRUE(info.flags & MSI_FLAG_ACTIVATE_EARLY) << "generic flags pass";
    EXPECT_TRUE(info.flags & MSI_FLAG_PCI_MSI_MASK_PARENT);
    EXPECT_EQ(chip.irq_mask, irq_chip_mask_parent);
    EXPECT_EQ(chip.irq_unmask, irq_chip_unmask_parent);
    EXPECT_EQ(chip.irq_eoi, DevEoi) << "a chip's own callback is not replaced";
}

TEST_F(MsiLibTest, ChipFlagsAckAndNoAffinity)
{
    pops.chip_flags = MSI_CHIP_FLAG_SET_ACK;
    pops.required_flags |= MSI_FLAG_NO_AFFINITY;
    ASSERT_NE(MakeParent(), nullptr);
    struct msi_domain_info info = DevInfo(DOMAIN_BUS_WIRED_TO_MSI);
    ASSERT_TRUE(msi_lib_init_dev_msi_info(&dev, parent, parent, &info)) << AllLogs();
    EXPECT_EQ(chip.irq_ack, irq_chip_ack_parent);
    EXPECT_EQ(chip.irq_eoi, nullptr);
    EXPECT_EQ(chip.irq_set_affinity, nullptr) << "MSI_FLAG_NO_AFFINITY";
    EXPECT_FALSE(info.flags & MSI_FLAG_ALLOC_SIMPLE_MSI_DESCS) << "only a device MSI child gets them";
}

TEST_F(MsiLibTest, InitDevMsiInfoRefusesWhatCannotStack)
{
    ASSERT_NE(MakeParent(), nullptr);
    struct msi_domain_info info = DevInfo(DOMAIN_BUS_DEVICE_MSI, MSI_FLAG_USE_DEF_DOM_OPS);
    EXPECT_FALSE(msi_lib_init_dev_msi_info(&dev, parent, parent, &info));
    EXPECT_EQ(CountLogs({"lib-dev", "must have no MSI_FLAG_"}), 1u) << AllLogs();

    info = DevInfo(DOMAIN_BUS_WIRED);
    EXPECT_FALSE(msi_lib_init_dev_msi_info(&dev, parent, parent, &info));
    EXPECT_EQ(CountLogs("not a device MSI token"), 1u) << AllLogs();

    chip.irq_write_msi_msg = nullptr;
    info = DevInfo(DOMAIN_BUS_DEVICE_MSI);
    EXPECT_FALSE(msi_lib_init_dev_msi_info(&dev, parent, parent, &info));
    EXPECT_EQ(CountLogs("no irq_write_msi_msg"), 1u) << AllLogs();
    chip.irq_write_msi_msg = WriteMsg;

    EXPECT_FALSE(msi_lib_init_dev_msi_info(&dev, fake->domain, fake->domain, &info));
    EXPECT_EQ(CountLogs("has no msi_parent_ops"), 1u) << AllLogs();
    fake->domain->msi_parent_ops = &pops;  // but its bus token is not NEXUS
    EXPECT_FALSE(msi_lib_init_dev_msi_info(&dev, fake->domain, fake->domain, &info));
    EXPECT_EQ(CountLogs("is not its bus_select_token"), 1u) << AllLogs();
    EXPECT_FALSE(msi_lib_init_dev_msi_info(&dev, parent, fake->domain, &info));
    EXPECT_EQ(CountLogs("stacked MSI parents"), 1u) << AllLogs();
    fake->domain->msi_parent_ops = nullptr;
    EXPECT_EQ(CountLogs("msi-lib"), 6u) << AllLogs();
    EXPECT_EQ(info.flags, 0u) << "a refusal leaves the info as it was";
    EXPECT_EQ(chip.irq_eoi, nullptr);
}

TEST_F(MsiLibTest, PerDeviceDomainForwardsToTheParentAndFreesEverything)
{
    ASSERT_NE(MakeParent(), nullptr);
    dev.msi_parent = parent;
    FakeMsiDevChip devchip;
    struct msi_domain_info tmpl = {};
    tmpl.bus_token = DOMAIN_BUS_DEVICE_MSI;
    tmpl.chip = &devchip.chip;
    devchip.chip.irq_eoi = nullptr;  // left to the parent's chip_flags
    devchip.chip.irq_ack = nullptr;
    ASSERT_TRUE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &tmpl, 4, nullptr, &devchip))
        << AllLogs();
    struct irq_domain* d = dev.msi_domain;
    ASSERT_NE(d, nullptr);
    EXPECT_TRUE(irq_domain_is_msi_device(d));
    EXPECT_EQ(d->parent, parent);
    EXPECT_EQ(d->bus_token, DOMAIN_BUS_DEVICE_MSI);
    EXPECT_EQ(std::string(d->name).rfind("LIB-", 0), 0u) << d->name;
    struct msi_domain_info* di = msi_get_domain_info(d);
    EXPECT_EQ(di->dev, &dev);
    EXPECT_TRUE(di->flags & MSI_FLAG_FREE_MSI_DESCS);
    EXPECT_EQ(di->chip->irq_eoi, irq_chip_eoi_parent);
    EXPECT_EQ(di->chip->irq_ack, nullptr) << "USE_DEF_CHIP_OPS adds no ack: the parent states chip_flags";
    EXPECT_EQ(tmpl.chip->irq_eoi, nullptr) << "the template is not modified";

    struct msi_map m = msi_domain_alloc_irq_at(&dev, MSI_DEFAULT_DOMAIN, 2, nullptr, nullptr);
    ASSERT_EQ(m.index, 2) << AllLogs();
    struct irq_data* top = irq_get_irq_data((unsigned)m.virq);
    ASSERT_NE(top->parent_data, nullptr);
    EXPECT_EQ(top->parent_data->domain, parent);
    // eoi forwarded (chip_flags); the chip has no mask, USE_DEF_CHIP_OPS gives the parent's
    top->chip->irq_eoi(top);
    top->chip->irq_mask(top);
    {
        std::lock_guard<std::mutex> g(fake->calls_lock);
        std::string hw = std::to_string(top->parent_data->hwirq);
        EXPECT_EQ(fake->calls, (std::vector<std::string>{"eoi:" + hw, "mask:" + hw}));
    }
    EXPECT_EQ(fake->nr_used, 1u);
    msi_remove_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN);
    EXPECT_EQ(dev.msi_domain, nullptr);
    EXPECT_EQ(fake->nr_used, 0u);
    EXPECT_FALSE(DomainListed(d));
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MsiLibTest, RefusedDeviceDomainLeavesNothingBehind)
{
    ASSERT_NE(MakeParent(), nullptr);
    dev.msi_parent = parent;
    struct msi_domain_info tmpl = DevInfo(DOMAIN_BUS_DEVICE_MSI, MSI_FLAG_USE_DEF_CHIP_OPS);
    size_t before = 0;
    for (struct irq_domain* it = irq_domain_next(nullptr); it; it = irq_domain_next(it))
        before++;
    EXPECT_FALSE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &tmpl, 4, nullptr, nullptr));
    EXPECT_EQ(CountLogs({"lib-dev", "refused the device domain"}), 1u) << AllLogs();
    EXPECT_EQ(dev.msi_domain, nullptr);
    size_t after = 0;
    for (struct irq_domain* it = irq_domain_next(nullptr); it; it = irq_domain_next(it))
        after++;
    EXPECT_EQ(after, before);
    EXPECT_EQ(chip.irq_eoi, nullptr) << "the refusal touched the copy only";
    // it can be created once the template is right
    tmpl.flags = 0;
    EXPECT_TRUE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &tmpl, 4, nullptr, nullptr))
        << AllLogs();
}

// ---- irq_domain_instantiate ------------------------------------------------------------

int g_init_ret;
int g_inits, g_exits;
int CountInit(struct irq_domain* d)
{
    g_inits++;
    EXPECT_FALSE(DomainListed(d)) << "init runs before the domain is published";
    return g_init_ret;
}
void CountExit(struct irq_domain*) { g_exits++; }

TEST_F(MsiLibTest, InstantiateBuildsTheKindTheSizesSay)
{
    g_init_ret = 0;
    g_inits = g_exits = 0;
    struct irq_domain_info info = {};
    info.fwnode = &fw;
    info.size = 8;
    info.bus_token = DOMAIN_BUS_WIRED;
    info.name_suffix = "wired";
    info.init = CountInit;
    info.exit = CountExit;
    struct irq_domain* lin = irq_domain_instantiate(&info);
    ASSERT_FALSE(IS_ERR(lin)) << AllLogs();
    EXPECT_EQ(lin->kind, IRQ_DOMAIN_KIND_LINEAR);
    EXPECT_EQ(lin->revmap_size, 8u);
    EXPECT_EQ(lin->hwirq_max, 8u);
    EXPECT_EQ(lin->bus_token, DOMAIN_BUS_WIRED);
    EXPECT_STREQ(lin->name, "lib-parent-wired");
    EXPECT_EQ(g_inits, 1);
    EXPECT_NE(irq_create_mapping(lin, 3), 0u);

    struct irq_domain_info h = {};
    h.fwnode = &fw;
    h.parent = lin;
    h.ops = &ops;
    h.host_data = fake.get();
    struct irq_domain* tree = irq_domain_instantiate(&h);
    ASSERT_FALSE(IS_ERR(tree));
    EXPECT_EQ(tree->kind, IRQ_DOMAIN_KIND_TREE);
    EXPECT_EQ(tree->parent, lin);
    EXPECT_EQ(tree->root, lin->root);
    EXPECT_TRUE(irq_domain_is_hierarchy(tree));

    struct irq_domain_info n = {};
    n.direct_max = 64;
    struct irq_domain* nomap = irq_domain_instantiate(&n);
    ASSERT_FALSE(IS_ERR(nomap));
    EXPECT_EQ(nomap->kind, IRQ_DOMAIN_KIND_NOMAP);
    EXPECT_TRUE(nomap->flags & IRQ_DOMAIN_FLAG_NO_MAP);

    EXPECT_EQ(irq_domain_remove(tree), 0);
    EXPECT_EQ(irq_domain_remove(nomap), 0);
    irq_dispose_mapping(irq_find_mapping(lin, 3));
    EXPECT_EQ(irq_domain_remove(lin), 0);
    EXPECT_EQ(g_exits, 1) << "exit runs on removal";
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(MsiLibTest, InstantiateFailuresUnwind)
{
    g_inits = g_exits = 0;
    g_init_ret = -ENODEV;
    struct irq_domain_info info = {};
    info.fwnode = &fw;
    info.name_suffix = "x";
    info.init = CountInit;
    info.exit = CountExit;
    struct irq_domain* d = irq_domain_instantiate(&info);
    ASSERT_TRUE(IS_ERR(d));
    EXPECT_EQ(PTR_ERR(d), -ENODEV);
    EXPECT_EQ(g_inits, 1);
    EXPECT_EQ(g_exits, 0) << "a domain that never existed has nothing to exit";
    EXPECT_EQ(irq_domain_next(nullptr), fake->domain) << "only the fake root is listed";
    EXPECT_EQ(irq_domain_next(fake->domain), nullptr);

    struct irq_domain_info bad = {};
    bad.size = 4;
    bad.direct_max = 4;
    EXPECT_EQ(PTR_ERR(irq_domain_instantiate(&bad)), -EINVAL);
    bad = {};
    bad.dgc_info = reinterpret_cast<struct irq_domain_chip_generic_info*>(&bad);
    EXPECT_EQ(PTR_ERR(irq_domain_instantiate(&bad)), -EOPNOTSUPP);
    bad = {};
    bad.virq_base = 100;
    bad.size = 2;
    bad.hwirq_base = 2;
    EXPECT_EQ(PTR_ERR(irq_domain_instantiate(&bad)), -EINVAL);
    EXPECT_EQ(PTR_ERR(irq_domain_instantiate(nullptr)), -EINVAL);

    // msi_create_parent_irq_domain turns the ERR_PTR into NULL
    g_init_ret = -ENOMEM;
    info.name_suffix = nullptr;
    EXPECT_EQ(msi_create_parent_irq_domain(&info, &pops), nullptr);
    EXPECT_EQ(irq_domain_next(fake->domain), nullptr);
}

// devm_irq_domain_instantiate: the domain goes with the binding, also when probe fails later
int g_devm_fail;
struct irq_domain* g_devm_domain;
int DevmProbe(struct platform_device* pdev)
{
    struct irq_domain_info info = {};
    info.size = 4;
    g_devm_domain = devm_irq_domain_instantiate(&pdev->dev, &info);
    if (IS_ERR(g_devm_domain))
        return (int)PTR_ERR(g_devm_domain);
    return g_devm_fail;
}

TEST_F(MsiLibTest, DevmInstantiateIsRemovedWithTheBinding)
{
    static struct platform_driver drv = {};
    drv.probe = DevmProbe;
    drv.driver.name = "devm-domain";
    for (int fail : {-EIO, 0}) {
        SCOPED_TRACE(fail);
        g_devm_fail = fail;
        g_devm_domain = nullptr;
        ASSERT_EQ(platform_driver_register(&drv), 0);
        struct platform_device* p =
            platform_device_register_simple("devm-domain", PLATFORM_DEVID_NONE, nullptr, 0);
        ASSERT_FALSE(IS_ERR_OR_NULL(p));
        ASSERT_NE(g_devm_domain, nullptr);
        EXPECT_EQ(DomainListed(g_devm_domain), fail == 0);
        platform_device_unregister(p);
        EXPECT_FALSE(DomainListed(g_devm_domain));
        platform_driver_unregister(&drv);
    }
}

}  // namespace
