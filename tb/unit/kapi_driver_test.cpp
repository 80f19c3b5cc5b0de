// SPDX-License-Identifier: MIT
// The kernel-API test driver (kapi_test_driver.c, kernel headers only) on
// tb/unit/dts/kapi.dts: population, probe order by interrupt parent,
// deferral through IRQCHIP_PLATFORM_DRIVER, a mapping through both domains,
// and unbinding that gives everything back.
#include <gtest/gtest.h>

#include <string>

#include "unit/dtb_util.h"
#include "unit/test_support.h"

extern "C" {
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>

extern int kapi_test_root_defer;
extern int kapi_test_root_probes;
extern int kapi_test_root_removes;
extern int kapi_test_domains_live;
extern int kapi_test_child_inits;
extern int kapi_test_privs_live;
extern int kapi_test_declared_inits;
}
#include <linux/irqchip.h>

namespace {

std::string KapiDtsPath()
{
#ifdef IRQSIM_SOURCE_DIR
    return std::string(IRQSIM_SOURCE_DIR) + "/tb/unit/dts/kapi.dts";
#else
    std::string here = __FILE__;
    auto cut = here.rfind('/');
    return (cut == std::string::npos ? std::string(".") : here.substr(0, cut)) + "/dts/kapi.dts";
#endif
}

class KapiDriverTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        kapi_test_root_defer = 0;
        kapi_test_root_probes = kapi_test_root_removes = 0;
        kapi_test_domains_live = kapi_test_child_inits = kapi_test_privs_live = 0;
        std::string err;
        auto blob = irqsim_test::CompileDtsFile(KapiDtsPath(), &err);
        ASSERT_FALSE(blob.empty()) << err;
        root = of_fdt_unflatten(blob.data(), blob.size());
        ASSERT_FALSE(IS_ERR_OR_NULL(root));
    }

    void TearDown() override
    {
        of_platform_depopulate(nullptr);
        EXPECT_EQ(kapi_test_domains_live, 0);
        EXPECT_EQ(kapi_test_privs_live, 0);
        if (!IS_ERR_OR_NULL(root))
            of_fdt_free(root);
        CoreTest::TearDown();
    }

    struct device_node* Node(const char* path) { return of_find_node_by_path(path); }
    struct platform_device* Dev(const char* path) { return of_find_device_by_node(Node(path)); }

    struct device_node* root = nullptr;
};

TEST_F(KapiDriverTest, PopulatesCompatibleAvailableNodesAndProbesParentFirst)
{
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0) << AllLogs();
    EXPECT_EQ(kapi_test_root_probes, 1);
    EXPECT_EQ(kapi_test_child_inits, 1);
    EXPECT_EQ(kapi_test_domains_live, 2);
    EXPECT_EQ(kapi_test_privs_live, 2);

    struct platform_device* rootdev = Dev("/interrupt-controller@1000");
    struct platform_device* child = Dev("/interrupt-controller@2000");
    ASSERT_NE(rootdev, nullptr);
    ASSERT_NE(child, nullptr);
    EXPECT_STREQ(dev_name(&rootdev->dev), "1000.interrupt-controller");
    EXPECT_STREQ(dev_driver_string(&rootdev->dev), "kapi-intc");
    EXPECT_STREQ(dev_driver_string(&child->dev), "kapi_child");
    ASSERT_EQ(rootdev->num_resources, 2u);
    EXPECT_EQ(platform_get_resource(rootdev, IORESOURCE_MEM, 1)->start, 0x1800u);
    EXPECT_EQ(resource_size(platform_get_resource(rootdev, IORESOURCE_MEM, 1)), 0x80u);
    EXPECT_EQ(dev_fwnode(&rootdev->dev), of_fwnode_handle(Node("/interrupt-controller@1000")));

    // a driverless device exists unbound; disabled and compatible-less nodes have none
    struct platform_device* uart = Dev("/uart@3000");
    ASSERT_NE(uart, nullptr);
    EXPECT_FALSE(device_is_bound(&uart->dev));
    EXPECT_EQ(Dev("/interrupt-controller@4000"), nullptr);
    EXPECT_EQ(Dev("/chosen"), nullptr);
    // simple-bus children are populated, named by their own address
    struct platform_device* timer = Dev("/soc/timer@5000");
    ASSERT_NE(timer, nullptr);
    EXPECT_STREQ(dev_name(&timer->dev), "5000.timer");
    EXPECT_NE(Dev("/soc"), nullptr);

    // pr_fmt prefix, %pOF and %pa from the C driver; dev_info's prefix; nothing pending
    EXPECT_EQ(CountLogs("kapi-intc: /interrupt-controller@1000: 32 irqs at 0x0000000000001000"), 1u)
        << AllLogs();
    EXPECT_EQ(CountLogs("kapi_child 2000.interrupt-controller: stacked on interrupt-controller"), 1u)
        << AllLogs();
    EXPECT_EQ(CountLogs("deferred probe pending"), 0u) << AllLogs();
    // the child comes first in the tree but probes after its interrupt parent: no deferral
    EXPECT_EQ(CountLogs("requests probe deferral"), 0u) << AllLogs();
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(KapiDriverTest, MapsThroughBothDomainsAndUnbindReleasesEverything)
{
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0) << AllLogs();
    unsigned int virq = irq_of_parse_and_map(Node("/uart@3000"), 0);
    ASSERT_NE(virq, 0u) << AllLogs();
    struct irq_data* d = irq_get_irq_data(virq);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->hwirq, 3u);
    ASSERT_NE(d->parent_data, nullptr);
    EXPECT_EQ(d->parent_data->hwirq, 11u) << "child line n is root line n + 8";
    irq_dispose_mapping(virq);

    // unbinding the child alone: its domain and devres go, the root stays
    struct platform_device* child = Dev("/interrupt-controller@2000");
    device_release_driver(&child->dev);
    EXPECT_FALSE(device_is_bound(&child->dev));
    EXPECT_EQ(kapi_test_domains_live, 1);
    EXPECT_EQ(kapi_test_privs_live, 1);
    // and it binds again
    EXPECT_EQ(device_attach(&child->dev), 1);
    EXPECT_EQ(kapi_test_domains_live, 2);

    of_platform_depopulate(nullptr);
    EXPECT_EQ(kapi_test_root_removes, 1);
    EXPECT_EQ(kapi_test_domains_live, 0);
    EXPECT_EQ(kapi_test_privs_live, 0);
    EXPECT_EQ(Dev("/interrupt-controller@1000"), nullptr);
    EXPECT_EQ(irq_find_host(Node("/interrupt-controller@1000")), nullptr);
}

TEST_F(KapiDriverTest, ChildDefersUntilParentDomainExistsAndPendingProbesAreReported)
{
    kapi_test_root_defer = 1;
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0) << AllLogs();
    EXPECT_EQ(kapi_test_root_probes, 0);
    EXPECT_EQ(kapi_test_child_inits, 0);
    // one line per device that never probed, with the reason its driver gave
    EXPECT_EQ(CountLogs("deferred probe pending"), 2u) << AllLogs();
    EXPECT_EQ(CountLogs("platform 1000.interrupt-controller: deferred probe pending: test asked to wait"), 1u)
        << AllLogs();
    EXPECT_EQ(CountLogs({"platform 2000.interrupt-controller: deferred probe pending: interrupt parent "
                         "/interrupt-controller@1000 has no irq domain yet"}),
              1u)
        << AllLogs();
    // dev_err_probe(-EPROBE_DEFER) is a debug line only
    EXPECT_EQ(ErrorCount(), 2u) << "the two report lines are warnings, nothing else\n" << AllLogs();

    driver_deferred_probe_trigger();
    EXPECT_EQ(kapi_test_root_probes, 1);
    EXPECT_EQ(kapi_test_child_inits, 1);
    EXPECT_EQ(irqsim_deferred_probe_reason(&Dev("/interrupt-controller@2000")->dev), nullptr);
    ClearLogs();
    EXPECT_EQ(irqsim_deferred_probe_report(), 0);
}

TEST_F(KapiDriverTest, CoreResetUnbindsAndKeepsBuiltinDrivers)
{
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0);
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(kapi_test_domains_live, 0);
    EXPECT_EQ(kapi_test_privs_live, 0);
    EXPECT_EQ(Dev("/interrupt-controller@1000"), nullptr);
    // the drivers came from initcalls and are still there
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0);
    EXPECT_EQ(kapi_test_root_probes, 2);
    EXPECT_EQ(kapi_test_child_inits, 2);
}

class KapiDeclareTest : public CoreTest {};

TEST_F(KapiDeclareTest, IrqchipDeclareRowsJoinTheInitTableParentsFirst)
{
    // the declared row comes before the built-in table's rows
    of_irqchip_match* table = irqchip_match_table_build();
    ASSERT_NE(table, nullptr);
    bool declared = false, gic = false;
    for (of_irqchip_match* m = table; m->compatible; m++) {
        declared |= std::string(m->compatible) == "irqsim,kapi-declared";
        gic |= std::string(m->compatible) == "arm,gic-v3";
    }
    free(table);
    EXPECT_TRUE(declared);
    EXPECT_TRUE(gic) << "the GICv3 is declared with IRQCHIP_DECLARE too";

    kapi_test_declared_inits = 0;
    std::string err;
    auto blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	b: interrupt-controller@200 {
		compatible = "irqsim,kapi-declared";
		interrupt-controller;
		#interrupt-cells = <1>;
		interrupt-parent = <&a>;
	};
	a: interrupt-controller@100 {
		compatible = "irqsim,kapi-declared";
		interrupt-controller;
		#interrupt-cells = <1>;
	};
};
)",
                                        &err);
    ASSERT_FALSE(blob.empty()) << err;
    ASSERT_EQ(irqchip_init_from_fdt(blob.data(), blob.size()), 0) << AllLogs();
    EXPECT_EQ(kapi_test_declared_inits, 2);
    ASSERT_EQ(CountLogs("kapi-intc: declared"), 2u) << AllLogs();
    // of_irq_init() owns those nodes now: population makes no devices for them
    EXPECT_EQ(of_platform_default_populate(of_root, nullptr, nullptr), 0);
    EXPECT_EQ(of_find_device_by_node(of_find_node_by_path("/interrupt-controller@100")), nullptr);
    EXPECT_NE(
        AllLogs().find("declared /interrupt-controller@100, parent (null)\n"
                       "kapi-intc: declared /interrupt-controller@200, parent /interrupt-controller@100"),
        std::string::npos)
        << AllLogs();
}

}  // namespace
