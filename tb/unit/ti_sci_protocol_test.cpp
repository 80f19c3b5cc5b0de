// SPDX-License-Identifier: MIT
// The TI-SCI client API as upstream's <linux/soc/ti/ti_sci_protocol.h> has it:
// the handle with its ops by value, resources of several sets (each a primary
// and a secondary range) handed out lowest first, released per id, counted;
// devm lifetime; the handle lookups (by device, by phandle) and their errors.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/dtb_util.h"
#include "unit/fake_ti.h"
#include "unit/test_support.h"

extern "C" {
#include <linux/device.h>
#include <linux/err.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/soc/ti/ti_sci_protocol.h>
}

namespace {

int ProbeOk(platform_device*) { return 0; }

class TiSciProtocolTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        drv.probe = ProbeOk;
        drv.driver.name = "ti-sci-client";
        ASSERT_EQ(platform_driver_register(&drv), 0);
        pdev = platform_device_register_simple("ti-sci-client", PLATFORM_DEVID_NONE, nullptr, 0);
        ASSERT_FALSE(IS_ERR_OR_NULL(pdev));
        ASSERT_NE(pdev->dev.driver, nullptr);  // bound: devm lives until the unbind
        dev = &pdev->dev;
    }
    void TearDown() override
    {
        if (pdev)
            platform_device_unregister(pdev);
        platform_driver_unregister(&drv);
        CoreTest::TearDown();
    }
    platform_driver drv{};
    platform_device* pdev = nullptr;
    device* dev = nullptr;
    FakeTiSci fw;
};

TEST_F(TiSciProtocolTest, HandleOpsAreEmbeddedByValue)
{
    EXPECT_EQ(ti_sci_get_handle(dev), ERR_PTR(-EPROBE_DEFER));  // no firmware yet
    EXPECT_EQ(devm_ti_sci_get_handle(dev), ERR_PTR(-EPROBE_DEFER));
    fw.Install();
    EXPECT_EQ(ti_sci_get_handle(nullptr), ERR_PTR(-EINVAL));
    const ti_sci_handle* h = devm_ti_sci_get_handle(dev);
    ASSERT_FALSE(IS_ERR(h));
    EXPECT_EQ(h, ti_sci_installed_handle());
    EXPECT_EQ(ti_sci_put_handle(h), 0);
    // the upstream call shape: handle->ops.<group>.<op>(handle, ...)
    ti_sci_resource_desc d{};
    ASSERT_EQ(h->ops.rm_core_ops.get_range(h, FakeTiSci::kIntrId, TI_SCI_RESASG_SUBTYPE_IR_OUTPUT, &d), 0);
    EXPECT_EQ(d.start, 0);
    EXPECT_EQ(d.num, 32);
    EXPECT_EQ(h->ops.rm_irq_ops.set_irq(h, FakeTiSci::kIntrId, 3, FakeTiSci::kIntrId, 5), 0);
    EXPECT_EQ(h->ops.rm_irq_ops.free_irq(h, FakeTiSci::kIntrId, 3, FakeTiSci::kIntrId, 5), 0);
    EXPECT_EQ(fw.CountCalls("get_range 101 0"), 1u);
}

TEST_F(TiSciProtocolTest, ResourceSetsPrimaryThenSecondary)
{
    fw.out = {10, 3};
    fw.secondary = {40, 2};
    fw.Install();
    const ti_sci_handle* h = devm_ti_sci_get_handle(dev);
    ASSERT_FALSE(IS_ERR(h));
    ti_sci_resource* res =
        devm_ti_sci_get_resource(h, dev, FakeTiSci::kIntrId, TI_SCI_RESASG_SUBTYPE_IR_OUTPUT);
    ASSERT_FALSE(IS_ERR(res)) << PTR_ERR(res) << AllLogs();
    ASSERT_EQ(res->sets, 1);
    EXPECT_EQ(res->desc[0].start, 10);
    EXPECT_EQ(res->desc[0].num, 3);
    EXPECT_EQ(res->desc[0].start_sec, 40);
    EXPECT_EQ(res->desc[0].num_sec, 2);
    EXPECT_EQ(ti_sci_get_num_resources(res), 5u);
    std::vector<unsigned> got;
    for (int i = 0; i < 5; i++)
        got.push_back(ti_sci_get_free_resource(res));
    EXPECT_EQ(got, (std::vector<unsigned>{10, 11, 12, 40, 41}));
    EXPECT_EQ(ti_sci_get_free_resource(res), TI_SCI_RESOURCE_NULL);
    ti_sci_release_resource(res, 41);
    ti_sci_release_resource(res, 11);
    EXPECT_EQ(ti_sci_get_free_resource(res), 11u);  // lowest first
    EXPECT_EQ(ti_sci_get_free_resource(res), 41u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
    // ids no set holds, and ids not taken, are a driver bug: logged, nothing changes
    ti_sci_release_resource(res, 13);
    EXPECT_EQ(CountLogs("no set of the resource holds"), 1u) << AllLogs();
    ti_sci_release_resource(res, 12);
    ti_sci_release_resource(res, 12);
    EXPECT_EQ(CountLogs("12 that is not allocated"), 1u) << AllLogs();
    EXPECT_EQ(ti_sci_get_free_resource(res), 12u);
}

TEST_F(TiSciProtocolTest, RefusedSubtypesAreEmptySetsAndNoneIsEinval)
{
    fw.Install();
    const ti_sci_handle* h = devm_ti_sci_get_handle(dev);
    ASSERT_FALSE(IS_ERR(h));
    // the INTA has VINTs and global events but no router outputs
    u32 types[] = {TI_SCI_RESASG_SUBTYPE_IR_OUTPUT, TI_SCI_RESASG_SUBTYPE_IA_VINT,
                   TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT};
    ti_sci_resource* res = devm_ti_sci_get_resource_sets(h, dev, FakeTiSci::kIntaId, types, 3);
    ASSERT_FALSE(IS_ERR(res)) << AllLogs();
    ASSERT_EQ(res->sets, 3);
    EXPECT_EQ(res->desc[0].num, 0);
    EXPECT_EQ(res->desc[1].num, 16);
    EXPECT_EQ(res->desc[2].num, 256);
    EXPECT_EQ(ti_sci_get_num_resources(res), 272u);
    EXPECT_EQ(ti_sci_get_free_resource(res), 0u);  // the first non-empty set
    EXPECT_EQ(devm_ti_sci_get_resource(h, dev, FakeTiSci::kDmaId, TI_SCI_RESASG_SUBTYPE_IA_VINT),
              ERR_PTR(-EINVAL));
    EXPECT_EQ(devm_ti_sci_get_resource(static_cast<const ti_sci_handle*>(ERR_PTR(-EPROBE_DEFER)), dev, 1, 0),
              ERR_PTR(-EINVAL));
}

TEST_F(TiSciProtocolTest, LookupByPhandle)
{
    std::string err;
    auto blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	dmsc: system-controller { compatible = "ti,am654-sci"; };
	client { ti,sci = <&dmsc>; ti,sci-rm-range-vint = <0xa>; };
	orphan { };
};
)",
                                        &err);
    ASSERT_FALSE(blob.empty()) << err;
    device_node* root = of_fdt_unflatten(blob.data(), blob.size());
    ASSERT_NE(root, nullptr);
    device_node* client = of_find_node_by_path("/client");
    device_node* orphan = of_find_node_by_path("/orphan");
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(ti_sci_get_by_phandle(client, "ti,sci"), ERR_PTR(-EPROBE_DEFER));  // firmware not there yet
    fw.Install();
    EXPECT_EQ(ti_sci_get_by_phandle(client, "ti,sci"), ti_sci_installed_handle());
    EXPECT_EQ(ti_sci_get_by_phandle(orphan, "ti,sci"), ERR_PTR(-ENODEV));
    EXPECT_EQ(ti_sci_get_by_phandle(nullptr, "ti,sci"), ERR_PTR(-EINVAL));
    EXPECT_EQ(ti_sci_get_by_phandle(client, nullptr), ERR_PTR(-EINVAL));
    // the device form, and upstream's property form of the resource (a list of subtypes)
    dev->of_node = client;
    const ti_sci_handle* h = devm_ti_sci_get_by_phandle(dev, "ti,sci");
    ASSERT_EQ(h, ti_sci_installed_handle());
    ti_sci_resource* res =
        devm_ti_sci_get_of_resource(h, dev, FakeTiSci::kIntaId, (char*)"ti,sci-rm-range-vint");
    ASSERT_FALSE(IS_ERR(res)) << AllLogs();
    EXPECT_EQ(ti_sci_get_num_resources(res), 16u);
    EXPECT_EQ(devm_ti_sci_get_of_resource(h, dev, FakeTiSci::kIntaId, (char*)"absent"), ERR_PTR(-EINVAL));
    platform_device_unregister(pdev);  // devres released while the node still exists
    pdev = nullptr;
    of_fdt_free(root);
}

}  // namespace
