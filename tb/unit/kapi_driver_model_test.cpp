// SPDX-License-Identifier: MIT
// The driver model of the kernel-API layer: devres release order (probe
// failure at every step, unbind), deferred probe ordering, of_match_table
// matching with match data, dev_err_probe() and the dev_*() line format.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <list>
#include <string>
#include <vector>

#include "unit/dtb_util.h"
#include "unit/test_support.h"

extern "C" {
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
}

namespace {

std::vector<std::string> g_events;

void Record(void* data) { g_events.push_back(static_cast<const char*>(data)); }

class DriverModelTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        g_events.clear();
    }
    void TearDown() override
    {
        for (auto* d : drivers)
            platform_driver_unregister(d);
        for (auto* p : pdevs)
            platform_device_unregister(p);
        if (tree)
            of_fdt_free(tree);
        CoreTest::TearDown();
    }

    // drivers live in the fixture: TearDown unregisters them after the test body
    platform_driver* NewDriver(const char* name, int (*probe)(platform_device*),
                               void (*remove)(platform_device*) = nullptr)
    {
        owned.emplace_back();
        platform_driver* d = &owned.back();
        d->probe = probe;
        d->remove = remove;
        d->driver.name = name;
        return d;
    }
    void Register(platform_driver* d)
    {
        ASSERT_EQ(platform_driver_register(d), 0);
        drivers.push_back(d);
    }
    platform_device* AddDevice(const char* name)
    {
        platform_device* p = platform_device_register_simple(name, PLATFORM_DEVID_NONE, nullptr, 0);
        EXPECT_FALSE(IS_ERR_OR_NULL(p));
        pdevs.push_back(p);
        return p;
    }
    void Unregister(platform_device* p)
    {
        platform_device_unregister(p);
        pdevs.erase(std::find(pdevs.begin(), pdevs.end(), p));
    }
    void LoadTree(const std::string& dts)
    {
        std::string err;
        auto blob = irqsim_test::CompileDts(dts, &err);
        ASSERT_FALSE(blob.empty()) << err;
        tree = of_fdt_unflatten(blob.data(), blob.size());
        ASSERT_FALSE(IS_ERR_OR_NULL(tree));
    }

    std::list<platform_driver> owned;
    std::vector<platform_driver*> drivers;
    std::vector<platform_device*> pdevs;
    device_node* tree = nullptr;
};

// ---- devres -----------------------------------------------------------------------------

int g_fail_at;  // the step at which the probe fails (-1: never)
const char* const kSteps[] = {"a0", "a1", "a2", "a3"};

// four steps, each an allocation and a recorded action; fails before step g_fail_at
int StepProbe(platform_device* pdev)
{
    for (int i = 0; i < 4; i++) {
        if (i == g_fail_at)
            return -EIO;
        void* mem = devm_kzalloc(&pdev->dev, 100 + i, GFP_KERNEL);
        if (!mem || devm_add_action_or_reset(&pdev->dev, Record, (void*)kSteps[i]))
            return -ENOMEM;
        if (i == 1 && !devm_bitmap_zalloc(&pdev->dev, 1000, GFP_KERNEL))
            return -ENOMEM;
    }
    return 0;
}

void StepRemove(platform_device*) { g_events.push_back("remove"); }

TEST_F(DriverModelTest, DevresIsReleasedInReverseOnProbeFailureAtEveryStep)
{
    for (int fail = 0; fail <= 3; fail++) {
        SCOPED_TRACE(fail);
        g_events.clear();
        g_fail_at = fail;
        platform_driver& drv = *NewDriver("steps", StepProbe, StepRemove);
        Register(&drv);
        platform_device* p = AddDevice("steps");
        EXPECT_FALSE(device_is_bound(&p->dev));
        std::vector<std::string> want;
        for (int i = fail - 1; i >= 0; i--)
            want.push_back(kSteps[i]);
        EXPECT_EQ(g_events, want) << "no remove() after a failed probe, actions newest first";
        EXPECT_EQ(CountLogs("steps steps: probe with driver steps failed with error -5"), 0u)
            << "the line names the unbound device by bus: " << AllLogs();
        EXPECT_EQ(CountLogs("platform steps: probe with driver steps failed with error -5"), 1u) << AllLogs();
        Unregister(p);
        platform_driver_unregister(&drv);
        drivers.clear();
        ClearLogs();
    }
}

TEST_F(DriverModelTest, DevresIsReleasedInReverseAfterRemoveOnUnbind)
{
    g_fail_at = -1;
    platform_driver& drv = *NewDriver("steps", StepProbe, StepRemove);
    Register(&drv);
    platform_device* p = AddDevice("steps");
    ASSERT_TRUE(device_is_bound(&p->dev));
    EXPECT_TRUE(g_events.empty());
    platform_driver_unregister(&drv);
    drivers.clear();
    EXPECT_EQ(g_events, (std::vector<std::string>{"remove", "a3", "a2", "a1", "a0"}));
    EXPECT_FALSE(device_is_bound(&p->dev));
    EXPECT_EQ(dev_get_drvdata(&p->dev), nullptr);
}

int g_probe_ret;
void* g_kept;

int ManualProbe(platform_device* pdev)
{
    device* dev = &pdev->dev;
    char* a = static_cast<char*>(devm_kmalloc(dev, 8, GFP_KERNEL));
    if (devm_add_action(dev, Record, (void*)"first"))
        return -ENOMEM;
    char* b = static_cast<char*>(devm_kzalloc(dev, 16, GFP_KERNEL));
    if (devm_add_action(dev, Record, (void*)"second"))
        return -ENOMEM;
    devm_add_action(dev, Record, (void*)"dropped");
    devm_add_action(dev, Record, (void*)"now");
    if (!a || !b || b[15] != 0)
        return -ENOMEM;
    devm_kfree(dev, a);                                 // freed now, not again at unbind
    devm_remove_action(dev, Record, (void*)"dropped");  // never runs
    devm_release_action(dev, Record, (void*)"now");     // runs at once
    // krealloc keeps the data and the place in the release order
    strcpy(b, "kept");
    b = static_cast<char*>(devm_krealloc(dev, b, 4096, GFP_KERNEL));
    g_kept = b;
    char* s = devm_kasprintf(dev, GFP_KERNEL, "%s-%d", dev_name(dev), 7);
    if (!b || strcmp(b, "kept") || !s || strcmp(s, "manual-7"))
        return -EINVAL;
    platform_set_drvdata(pdev, b);
    return g_probe_ret;
}

TEST_F(DriverModelTest, DevmFreeRemoveReleaseAndRealloc)
{
    g_probe_ret = 0;
    platform_driver& drv = *NewDriver("manual", ManualProbe);
    Register(&drv);
    platform_device* p = AddDevice("manual");
    ASSERT_TRUE(device_is_bound(&p->dev)) << AllLogs();
    EXPECT_EQ(platform_get_drvdata(p), g_kept);
    EXPECT_EQ(g_events, (std::vector<std::string>{"now"}));
    device_release_driver(&p->dev);
    EXPECT_EQ(g_events, (std::vector<std::string>{"now", "second", "first"}));
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

// ---- deferred probe ---------------------------------------------------------------------

bool g_a_ready;

int ProbeA(platform_device*)
{
    g_events.push_back("a");
    g_a_ready = true;
    return 0;
}

int ProbeB(platform_device* pdev)
{
    if (!g_a_ready) {
        g_events.push_back("b-defer");
        return dev_err_probe(&pdev->dev, -EPROBE_DEFER, "waiting for %s", "dev-a");
    }
    g_events.push_back("b");
    return 0;
}

void RemoveA(platform_device*)
{
    g_a_ready = false;
    g_events.push_back("a-remove");
}

TEST_F(DriverModelTest, DeferredProbeRetriesAfterTheDependencyBinds)
{
    g_a_ready = false;
    platform_driver& b = *NewDriver("dev-b", ProbeB);
    platform_driver& a = *NewDriver("dev-a", ProbeA, RemoveA);
    Register(&b);
    platform_device* pb = AddDevice("dev-b");
    EXPECT_FALSE(device_is_bound(&pb->dev));
    EXPECT_STREQ(irqsim_deferred_probe_reason(&pb->dev), "waiting for dev-a");
    EXPECT_EQ(CountLogs({"dev-b dev-b: error -EPROBE_DEFER: waiting for dev-a"}), 1u) << AllLogs();
    EXPECT_EQ(ErrorCount(), 0u) << "a deferral is not an error: " << AllLogs();
    EXPECT_EQ(irqsim_deferred_probe_report(), 1);
    EXPECT_EQ(CountLogs("platform dev-b: deferred probe pending: waiting for dev-a"), 1u) << AllLogs();

    platform_device* pa = AddDevice("dev-a");  // no driver yet: nothing changes
    EXPECT_FALSE(device_is_bound(&pa->dev));
    Register(&a);
    EXPECT_TRUE(device_is_bound(&pa->dev));
    EXPECT_TRUE(device_is_bound(&pb->dev));
    EXPECT_EQ(g_events, (std::vector<std::string>{"b-defer", "a", "b"}));
    EXPECT_EQ(irqsim_deferred_probe_reason(&pb->dev), nullptr);
}

TEST_F(DriverModelTest, PreventDeferredProbeTurnsDeferralIntoFailure)
{
    g_a_ready = false;
    platform_driver& b = *NewDriver("dev-b", ProbeB);
    b.prevent_deferred_probe = true;
    Register(&b);
    platform_device* pb = AddDevice("dev-b");
    EXPECT_FALSE(device_is_bound(&pb->dev));
    EXPECT_EQ(CountLogs("probe deferral not supported"), 1u) << AllLogs();
    EXPECT_EQ(irqsim_deferred_probe_report(), 0);
}

// ---- of_match_table -----------------------------------------------------------------------

const int kDataV1 = 1, kDataV2 = 2;
const of_device_id kFooMatch[] = {
    {"", "", "acme,foo", &kDataV1},
    {"", "", "acme,foo-v2", &kDataV2},
    {},
};
std::vector<std::pair<std::string, int>> g_matched;

int FooProbe(platform_device* pdev)
{
    const int* data = static_cast<const int*>(device_get_match_data(&pdev->dev));
    g_matched.emplace_back(dev_name(&pdev->dev), data ? *data : 0);
    EXPECT_EQ(of_device_get_match_data(&pdev->dev), data);
    return 0;
}

TEST_F(DriverModelTest, OfMatchTablePrefersTheMostSpecificCompatibleAndPassesItsData)
{
    LoadTree(R"(/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	foo@100 { compatible = "acme,foo-v2", "acme,foo"; reg = <0x100 0x10>; };
	foo@200 { compatible = "acme,foo"; reg = <0x200 0x10>; };
	foo@300 { compatible = "acme,bar", "acme,foo"; reg = <0x300 0x10>; };
	bar@400 { compatible = "acme,bar"; reg = <0x400 0x10>; };
};
)");
    g_matched.clear();
    platform_driver& foo = *NewDriver("foo", FooProbe);
    foo.driver.of_match_table = kFooMatch;
    Register(&foo);
    ASSERT_EQ(of_platform_populate(tree, nullptr, nullptr, nullptr), 0);
    EXPECT_EQ(g_matched,
              (std::vector<std::pair<std::string, int>>{{"100.foo", 2}, {"200.foo", 1}, {"300.foo", 1}}));
    EXPECT_EQ(of_match_node(kFooMatch, of_find_node_by_path("/bar@400")), nullptr);
    EXPECT_EQ(of_match_node(kFooMatch, of_find_node_by_path("/foo@100")), &kFooMatch[1]);
    platform_device* bar = of_find_device_by_node(of_find_node_by_path("/bar@400"));
    ASSERT_NE(bar, nullptr);
    EXPECT_FALSE(device_is_bound(&bar->dev));
    of_platform_depopulate(nullptr);
    EXPECT_EQ(of_find_device_by_node(of_find_node_by_path("/foo@100")), nullptr);
}

// ---- resources and ioremap ---------------------------------------------------------------

int IoProbe(platform_device* pdev)
{
    void __iomem* base = devm_platform_ioremap_resource(pdev, 0);
    if (IS_ERR(base))
        return (int)PTR_ERR(base);
    if (irqsim_iomem_phys(base) != 0x8000)
        return -EINVAL;
    void __iomem* none = devm_platform_ioremap_resource(pdev, 1);
    return IS_ERR(none) && PTR_ERR(none) == -EINVAL ? 0 : -EINVAL;
}

TEST_F(DriverModelTest, PlatformResourcesAndDevmIoremap)
{
    resource res[] = {DEFINE_RES_MEM(0x8000, 0x100), DEFINE_RES_IRQ(42)};
    platform_driver& io = *NewDriver("io", IoProbe);
    Register(&io);
    platform_device* p = platform_device_register_simple("io", 3, res, 2);
    ASSERT_FALSE(IS_ERR_OR_NULL(p));
    pdevs.push_back(p);
    EXPECT_STREQ(dev_name(&p->dev), "io.3");
    EXPECT_EQ(platform_get_irq(p, 0), 42);
    EXPECT_EQ(platform_get_irq_optional(p, 1), -ENXIO);
    EXPECT_EQ(platform_irq_count(p), 1);
    EXPECT_TRUE(device_is_bound(&p->dev)) << AllLogs();
    EXPECT_EQ(CountLogs("io io.3: invalid resource (null)"), 1u) << AllLogs();
}

// ---- logging -------------------------------------------------------------------------------

TEST_F(DriverModelTest, DevErrProbeReturnsTheErrorAndLogsOnlyRealFailures)
{
    device dev{};
    dev.name = "widget";
    EXPECT_EQ(dev_err_probe(&dev, -EIO, "reading id %d", 3), -EIO);
    ASSERT_EQ(logs.size(), 1u);
    EXPECT_EQ(logs[0].level, LOGLEVEL_ERR);
    EXPECT_EQ(logs[0].text, "widget: error -EIO: reading id 3");
    EXPECT_EQ(dev_err_probe(&dev, -EPROBE_DEFER, "clock not ready\n"), -EPROBE_DEFER);
    ASSERT_EQ(logs.size(), 2u);
    EXPECT_EQ(logs[1].level, LOGLEVEL_DEBUG);
    EXPECT_EQ(logs[1].text, "widget: error -EPROBE_DEFER: clock not ready");
    dev.irqsim_deferred = true;
    EXPECT_STREQ(irqsim_deferred_probe_reason(&dev), "clock not ready");
    free(dev.irqsim_defer_reason);
    EXPECT_EQ(dev_err_probe(&dev, -1234, "odd"), -1234);
    EXPECT_EQ(logs.back().text, "widget: error -1234: odd");
    size_t n = logs.size();
    EXPECT_EQ(dev_err_probe(&dev, -ENOMEM, "no memory"), -ENOMEM);
    EXPECT_EQ(logs.size(), n) << "-ENOMEM prints nothing (the allocator already did)";
    EXPECT_EQ(dev_warn_probe(&dev, -ETIMEDOUT, "slow"), -ETIMEDOUT);
    EXPECT_EQ(logs.back().text, "widget: error -ETIMEDOUT: slow");
    EXPECT_EQ(logs.back().level, LOGLEVEL_WARNING);

    dev_warn(&dev, "w %s", "x");
    EXPECT_EQ(logs.back().text, "widget: w x");
    EXPECT_EQ(logs.back().level, LOGLEVEL_WARNING);
    dev_dbg(nullptr, "nobody");
    EXPECT_EQ(logs.back().text, "(NULL device *): nobody");
}

}  // namespace
