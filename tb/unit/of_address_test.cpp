// SPDX-License-Identifier: MIT
// <linux/of_address.h>: reg entries translated through the buses' ranges
// (a window, the identity, a bus without ranges, an address outside every
// window), as resources and ioremap cookies; of_property_count_elems_of_size;
// and irq_set_handler_locked from a chip's irq_set_type (edge/level flow switch).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/dtb_util.h"
#include "unit/test_support.h"

extern "C" {
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
}

namespace {

class OfAddressTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        std::string err;
        blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	soc {
		#address-cells = <1>;
		#size-cells = <1>;
		ranges = <0x0 0x0 0x40000000 0x100000>;
		dev@1000 { reg = <0x1000 0x100>, <0x2000 0x10>; cells = <1 2 3>; };
		far@200000 { reg = <0x200000 0x10>; };
		sub {
			#address-cells = <1>;
			#size-cells = <1>;
			ranges;
			inner@3000 { reg = <0x3000 0x20>; };
		};
		closed {
			#address-cells = <1>;
			#size-cells = <1>;
			x@10 { reg = <0x10 0x4>; };
		};
	};
	top@5000 { reg = <0x0 0x5000 0x0 0x100>; };
};
)",
                                       &err);
        ASSERT_FALSE(blob.empty()) << err;
        root = of_fdt_unflatten(blob.data(), blob.size());
        ASSERT_NE(root, nullptr);
    }
    void TearDown() override
    {
        if (root)
            of_fdt_free(root);
        CoreTest::TearDown();
    }
    device_node* Node(const char* path)
    {
        device_node* np = of_find_node_by_path(path);
        EXPECT_NE(np, nullptr) << path;
        return np;
    }
    std::vector<uint8_t> blob;
    device_node* root = nullptr;
};

TEST_F(OfAddressTest, ResourcesAreTranslatedThroughRanges)
{
    struct resource r {};
    device_node* dev = Node("/soc/dev@1000");
    ASSERT_EQ(of_address_to_resource(dev, 0, &r), 0);
    EXPECT_EQ(r.start, 0x40001000u);
    EXPECT_EQ(r.end, 0x400010ffu);
    EXPECT_EQ(r.flags, IORESOURCE_MEM);
    EXPECT_STREQ(r.name, "dev@1000");
    EXPECT_EQ(resource_size(&r), 0x100u);
    ASSERT_EQ(of_address_to_resource(dev, 1, &r), 0);
    EXPECT_EQ(r.start, 0x40002000u);
    EXPECT_EQ(of_address_to_resource(dev, 2, &r), -EINVAL);
    // identity ranges below a window
    ASSERT_EQ(of_address_to_resource(Node("/soc/sub/inner@3000"), 0, &r), 0);
    EXPECT_EQ(r.start, 0x40003000u);
    // the root's own children: no translation
    ASSERT_EQ(of_address_to_resource(Node("/top@5000"), 0, &r), 0);
    EXPECT_EQ(r.start, 0x5000u);
    // a bus without ranges, and an address no window covers
    EXPECT_EQ(of_address_to_resource(Node("/soc/closed/x@10"), 0, &r), -EINVAL);
    EXPECT_EQ(of_address_to_resource(Node("/soc/far@200000"), 0, &r), -EINVAL);
    EXPECT_EQ(of_address_to_resource(nullptr, 0, &r), -EINVAL);
}

TEST_F(OfAddressTest, TranslateAddressAndIomap)
{
    device_node* dev = Node("/soc/dev@1000");
    int len = 0;
    auto* reg = static_cast<const __be32*>(of_get_property(dev, "reg", &len));
    ASSERT_NE(reg, nullptr);
    EXPECT_EQ(of_translate_address(dev, reg), 0x40001000u);
    EXPECT_EQ(of_translate_address(dev, reg + 2), 0x40002000u);
    auto* far = static_cast<const __be32*>(of_get_property(Node("/soc/far@200000"), "reg", nullptr));
    EXPECT_EQ(of_translate_address(Node("/soc/far@200000"), far), OF_BAD_ADDR);
    void __iomem* io = of_iomap(dev, 0);
    EXPECT_NE(io, nullptr);
    iounmap(io);
    EXPECT_EQ(of_iomap(Node("/soc/closed/x@10"), 0), nullptr);
}

TEST_F(OfAddressTest, CountElemsOfSize)
{
    device_node* dev = Node("/soc/dev@1000");
    EXPECT_EQ(of_property_count_elems_of_size(dev, "cells", 4), 3);
    EXPECT_EQ(of_property_count_elems_of_size(dev, "cells", 1), 12);
    EXPECT_EQ(of_property_count_elems_of_size(dev, "cells", 8), -EINVAL);  // 12 bytes
    EXPECT_EQ(of_property_count_elems_of_size(dev, "absent", 4), -EINVAL);
}

// The platform bus gives devices CPU addresses: reg translated through the bus's
// ranges (of_address_to_resource), the name from the translated reg[0]; an entry
// no window covers is an empty resource, logged, and the name falls back to the node's.
TEST_F(OfAddressTest, PlatformDevicesGetTranslatedResources)
{
    std::string err;
    auto tree = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	bus@40000000 {
		compatible = "simple-bus";
		#address-cells = <1>;
		#size-cells = <1>;
		ranges = <0x0 0x0 0x40000000 0x100000>;
		dev@1000 { compatible = "irqsim,addr-test"; reg = <0x1000 0x100>, <0x2000 0x10>; };
		far@200000 { compatible = "irqsim,addr-test"; reg = <0x200000 0x10>; };
	};
};
)",
                                        &err);
    ASSERT_FALSE(tree.empty()) << err;
    of_fdt_free(root);
    root = of_fdt_unflatten(tree.data(), tree.size());
    ASSERT_NE(root, nullptr);
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0) << AllLogs();

    platform_device* dev = of_find_device_by_node(Node("/bus@40000000/dev@1000"));
    ASSERT_NE(dev, nullptr);
    EXPECT_STREQ(dev_name(&dev->dev), "40001000.dev");
    ASSERT_EQ(dev->num_resources, 2u);
    struct resource* r = platform_get_resource(dev, IORESOURCE_MEM, 1);
    ASSERT_NE(r, nullptr);
    EXPECT_EQ(r->start, 0x40002000u);
    EXPECT_EQ(resource_size(r), 0x10u);
    EXPECT_EQ(platform_get_resource(dev, IORESOURCE_MEM, 0)->start, 0x40001000u);

    platform_device* far = of_find_device_by_node(Node("/bus@40000000/far@200000"));
    ASSERT_NE(far, nullptr);
    EXPECT_STREQ(dev_name(&far->dev), "far");
    EXPECT_EQ(far->num_resources, 1u) << "indices keep matching the reg entries";
    EXPECT_EQ(CountLogs({"far@200000", "reg[0] does not translate"}), 1u) << AllLogs();
    of_platform_depopulate(nullptr);
}

// A chip whose irq_set_type switches the flow handler, as upstream chips do
int g_set_type_calls;
int SwitchFlow(struct irq_data* d, unsigned int type)
{
    g_set_type_calls++;
    irq_set_handler_locked(d, (type & IRQ_TYPE_EDGE_BOTH) ? handle_edge_irq : handle_level_irq);
    return 0;
}
void Nop(struct irq_data*) {}

class IrqSetHandlerLockedTest : public CoreTest {};

TEST_F(IrqSetHandlerLockedTest, SetTypeSwitchesTheFlowHandler)
{
    irq_chip chip{};
    chip.name = "flow-switch";
    chip.irq_mask = Nop;
    chip.irq_unmask = Nop;
    chip.irq_set_type = SwitchFlow;
    int virq = irq_alloc_desc(-1);
    ASSERT_GT(virq, 0);
    irq_set_chip_and_handler((unsigned)virq, &chip, handle_level_irq);
    struct irq_desc* desc = irq_to_desc((unsigned)virq);
    ASSERT_NE(desc, nullptr);
    EXPECT_EQ(irq_data_to_desc(irq_get_irq_data((unsigned)virq)), desc);
    EXPECT_EQ(irq_set_irq_type((unsigned)virq, IRQ_TYPE_EDGE_RISING), 0);
    EXPECT_EQ(g_set_type_calls, 1);
    EXPECT_EQ(desc->handle_irq, handle_edge_irq);
    EXPECT_EQ(irq_set_irq_type((unsigned)virq, IRQ_TYPE_LEVEL_HIGH), 0);
    EXPECT_EQ(desc->handle_irq, handle_level_irq);
    irq_set_chip_handler_name_locked(irq_get_irq_data((unsigned)virq), &chip, handle_edge_irq, "edge");
    EXPECT_EQ(desc->handle_irq, handle_edge_irq);
    EXPECT_STREQ(desc->name, "edge");
    irq_free_desc((unsigned)virq);
}

}  // namespace
