// SPDX-License-Identifier: MIT
// A driver added from outside driver/ with irqsim_add_driver()
// (tb/extdriver/irq-irqsim-ext-example.c): its self-registration survives the
// static-library link, it probes from the tree like the built-in drivers and
// its domain maps interrupts.
#include <gtest/gtest.h>

#include <linux/irqchip.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>

#include "dtb_util.h"
#include "test_support.h"

extern "C" int irqsim_ext_example_probes;

namespace {

class ExtDriverTest : public CoreTest {};

TEST_F(ExtDriverTest, OutOfTreeDriverProbesFromTheTreeAndMaps)
{
    std::string err;
    auto blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	ext: interrupt-controller@1000 {
		compatible = "irqsim,ext-example-intc";
		reg = <0x1000 0x100>;
		interrupt-controller;
		#interrupt-cells = <1>;
	};
	dev@2000 {
		compatible = "irqsim,ext-example-user";
		reg = <0x2000 0x100>;
		interrupt-parent = <&ext>;
		interrupts = <5>;
	};
};
)",
                                        &err);
    ASSERT_FALSE(blob.empty()) << err;
    int before = irqsim_ext_example_probes;
    ASSERT_EQ(irqchip_init_from_fdt(blob.data(), blob.size()), 0) << AllLogs();
    EXPECT_EQ(irqsim_ext_example_probes, before + 1);
    device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,ext-example-intc");
    ASSERT_NE(np, nullptr);
    platform_device* pdev = of_find_device_by_node(np);
    ASSERT_NE(pdev, nullptr);
    ASSERT_NE(pdev->dev.driver, nullptr);
    EXPECT_STREQ(pdev->dev.driver->name, "irqsim-ext-example");
    EXPECT_EQ(CountLogs("irqsim-ext-example 1000.interrupt-controller: 16 interrupts"), 1u) << AllLogs();

    device_node* user = of_find_compatible_node(nullptr, nullptr, "irqsim,ext-example-user");
    unsigned virq = irq_of_parse_and_map(user, 0);
    ASSERT_NE(virq, 0u) << AllLogs();
    irq_data* d = irq_get_irq_data(virq);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->hwirq, 5u);
    EXPECT_STREQ(d->chip->name, "ext-example");
    irq_dispose_mapping(virq);
}

}  // namespace
