// SPDX-License-Identifier: MIT
// request_irq/free_irq, enable/disable depth, trigger types, affinity,
// per-CPU devid requests, the unhandled-interrupt policy and chained handlers.
#include <memory>

#include <linux/interrupt.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include "unit/recording_chip.h"
#include "unit/test_support.h"

namespace {

using Calls = std::vector<std::string>;

struct Dev {
    int runs = 0;
    irqreturn_t ret = IRQ_HANDLED;
};

irqreturn_t DevHandler(int, void* dev_id)
{
    Dev* d = static_cast<Dev*>(dev_id);
    d->runs++;
    return d->ret;
}

std::string Mask(const cpumask* m)
{
    char buf[64];
    return cpumask_print(m, buf, sizeof(buf));
}

class ManageTest : public CoreTest {
protected:
    // the domain is created after CoreTest::SetUp() reset the core
    void SetUp() override
    {
        CoreTest::SetUp();
        flat = std::make_unique<FlatDomain>("fake", &chip, handle_fasteoi_irq);
    }
    RecordingChip chip{"FAKE",
                       RecordingChip::kBasic | RecordingChip::REQUEST_RES | RecordingChip::RELEASE_RES};
    std::unique_ptr<FlatDomain> flat;
};

TEST_F(ManageTest, RequestStartsFreeShutsDown)
{
    unsigned virq = flat->Map(12);
    ASSERT_NE(virq, 0u);
    Dev dev;
    EXPECT_EQ(irq_get_disable_depth(virq), 1);
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "dev12", &dev), 0);
    EXPECT_EQ(chip.Take(), (Calls{"irq_request_resources:12", "irq_unmask:12", "irq_set_affinity:12"}));
    EXPECT_EQ(irq_get_disable_depth(virq), 0);
    irq_data* d = irq_get_irq_data(virq);
    EXPECT_TRUE(irqd_is_activated(d));
    EXPECT_TRUE(irqd_is_started(d));
    EXPECT_FALSE(irqd_irq_masked(d));
    EXPECT_FALSE(irqd_irq_disabled(d));
    EXPECT_STREQ(static_cast<const char*>(free_irq(virq, &dev)), "dev12");
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:12", "irq_release_resources:12"}));
    EXPECT_FALSE(irqd_is_activated(d));
    EXPECT_TRUE(irqd_irq_masked(d));
    EXPECT_TRUE(irqd_irq_disabled(d));
    EXPECT_EQ(irq_get_disable_depth(virq), 1);
    EXPECT_EQ(irq_to_desc(virq)->action, nullptr);
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(ManageTest, NoAutoenStaysOffUntilEnable)
{
    unsigned virq = flat->Map(12);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_NO_AUTOEN, "d", &dev), 0);
    EXPECT_EQ(chip.Take(), (Calls{"irq_request_resources:12"}));
    EXPECT_EQ(irq_get_disable_depth(virq), 1);
    enable_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_unmask:12", "irq_set_affinity:12"}));
    EXPECT_EQ(irq_get_disable_depth(virq), 0);
    free_irq(virq, &dev);
}

TEST_F(ManageTest, FreeWithUnknownDevIdLogsAndReturnsNull)
{
    unsigned virq = flat->Map(12);
    Dev dev, other;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    EXPECT_EQ(free_irq(virq, &other), nullptr);
    EXPECT_EQ(CountLogs({"irq " + std::to_string(virq), "no handler with dev_id"}), 1u);
    EXPECT_NE(free_irq(virq, &dev), nullptr);
    EXPECT_EQ(free_irq(virq, &dev), nullptr);  // double free
    EXPECT_EQ(ErrorCount(), 2u);
}

TEST_F(ManageTest, SharedHandlers)
{
    unsigned virq = flat->Map(20);
    Dev a, b, c;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_SHARED | IRQF_TRIGGER_HIGH, "a", &a), 0);
    chip.Take();
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_SHARED | IRQF_TRIGGER_HIGH, "b", &b), 0);
    EXPECT_EQ(chip.Take(), Calls{});  // the line is already up
    EXPECT_EQ(irq_to_desc(virq)->action->next->dev_id, &b);

    // not shareable / different trigger / no dev_id
    EXPECT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_HIGH, "c", &c), -EBUSY);
    EXPECT_EQ(CountLogs({"c:", "already requested by a"}), 1u);
    EXPECT_EQ(request_irq(virq, DevHandler, IRQF_SHARED | IRQF_TRIGGER_RISING, "c", &c), -EBUSY);
    EXPECT_EQ(CountLogs({"c:", "do not match"}), 1u);
    EXPECT_EQ(request_irq(virq, DevHandler, IRQF_SHARED, "c", nullptr), -EINVAL);
    EXPECT_EQ(CountLogs({"c:", "without dev_id"}), 1u);
    EXPECT_EQ(ErrorCount(), 3u);
    EXPECT_EQ(chip.Take(), Calls{});

    generic_handle_irq(virq);
    EXPECT_EQ(a.runs, 1);
    EXPECT_EQ(b.runs, 1);

    // first free keeps the line up, last one shuts it down
    EXPECT_STREQ(static_cast<const char*>(free_irq(virq, &a)), "a");
    EXPECT_EQ(chip.Take(), (Calls{"irq_eoi:20"}));
    EXPECT_EQ(irq_to_desc(virq)->dev_name, std::string("b"));
    generic_handle_irq(virq);
    EXPECT_EQ(a.runs, 1);
    EXPECT_EQ(b.runs, 2);
    chip.Take();
    EXPECT_STREQ(static_cast<const char*>(free_irq(virq, &b)), "b");
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:20", "irq_release_resources:20"}));
}

TEST_F(ManageTest, RequestMisuseIsRefusedWithOneLogLine)
{
    Dev dev;
    EXPECT_EQ(request_irq(4000, DevHandler, 0, "x", &dev), -EINVAL);
    EXPECT_EQ(CountLogs({"request_irq", "no such irq 4000"}), 1u);
    unsigned virq = flat->Map(1);
    EXPECT_EQ(request_irq(virq, nullptr, 0, "x", &dev), -EINVAL);
    EXPECT_EQ(CountLogs("without a handler"), 1u);

    irq_set_status_flags(virq, IRQ_NOREQUEST);
    EXPECT_EQ(request_irq(virq, DevHandler, 0, "x", &dev), -EINVAL);
    EXPECT_EQ(CountLogs("not requestable"), 1u);
    irq_clear_status_flags(virq, IRQ_NOREQUEST);

    unsigned ppi = flat->Map(2);
    ASSERT_EQ(irq_set_percpu_devid(ppi), 0);
    EXPECT_EQ(request_irq(ppi, DevHandler, 0, "x", &dev), -EINVAL);
    EXPECT_EQ(CountLogs("needs request_percpu_irq"), 1u);
    EXPECT_EQ(ErrorCount(), 4u);
    EXPECT_EQ(chip.Take(), Calls{});
}

TEST_F(ManageTest, DisableDepthNestsAndUnbalancedEnableIsLoggedOnce)
{
    unsigned virq = flat->Map(8);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    chip.Take();
    disable_irq(virq);
    disable_irq_nosync(virq);
    EXPECT_EQ(irq_get_disable_depth(virq), 2);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:8"}));
    EXPECT_TRUE(irqd_irq_disabled(irq_get_irq_data(virq)));
    enable_irq(virq);
    EXPECT_EQ(irq_get_disable_depth(virq), 1);
    EXPECT_EQ(chip.Take(), Calls{});
    EXPECT_TRUE(irqd_irq_masked(irq_get_irq_data(virq)));
    enable_irq(virq);
    EXPECT_EQ(irq_get_disable_depth(virq), 0);
    EXPECT_EQ(chip.Take(), (Calls{"irq_unmask:8"}));
    EXPECT_FALSE(irqd_irq_disabled(irq_get_irq_data(virq)));

    enable_irq(virq);
    EXPECT_EQ(irq_get_disable_depth(virq), 0);
    EXPECT_EQ(CountLogs("Unbalanced enable for IRQ " + std::to_string(virq)), 1u);
    EXPECT_EQ(ErrorCount(), 1u);
    EXPECT_EQ(chip.Take(), Calls{});
    EXPECT_EQ(irq_get_disable_depth(5000), -EINVAL);
    free_irq(virq, &dev);
}

TEST_F(ManageTest, TriggerFromFlagsOrFromMapping)
{
    unsigned a = flat->Map(3), b = flat->Map(4);
    Dev da, db;
    ASSERT_EQ(request_irq(a, DevHandler, IRQF_TRIGGER_FALLING, "a", &da), 0);
    EXPECT_EQ(chip.types, (std::vector<unsigned>{IRQ_TYPE_EDGE_FALLING}));
    EXPECT_EQ(irq_get_trigger_type(a), (u32)IRQ_TYPE_EDGE_FALLING);
    EXPECT_FALSE(irqd_is_level_type(irq_get_irq_data(a)));
    chip.types.clear();

    // type stored at mapping time (fwspec) is programmed at request time
    irqd_set_trigger_type(irq_get_irq_data(b), IRQ_TYPE_LEVEL_LOW);
    ASSERT_EQ(request_irq(b, DevHandler, 0, "b", &db), 0);
    EXPECT_EQ(chip.types, (std::vector<unsigned>{IRQ_TYPE_LEVEL_LOW}));
    EXPECT_TRUE(irqd_is_level_type(irq_get_irq_data(b)));
    EXPECT_TRUE(irq_to_desc(b)->status_use_accessors & IRQ_LEVEL);
    free_irq(a, &da);
    free_irq(b, &db);
}

TEST_F(ManageTest, RefusedTriggerFailsRequestAndReleasesResources)
{
    unsigned virq = flat->Map(3);
    Dev dev;
    chip.set_type_ret = -EINVAL;
    EXPECT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_LOW, "d", &dev), -EINVAL);
    EXPECT_EQ(chip.Take(), (Calls{"irq_request_resources:3", "irq_set_type:3", "irq_release_resources:3"}));
    EXPECT_EQ(CountLogs({"FAKE refused trigger type 0x8"}), 1u);
    EXPECT_EQ(irq_to_desc(virq)->action, nullptr);
    EXPECT_FALSE(irqd_is_activated(irq_get_irq_data(virq)));
}

TEST_F(ManageTest, SetTypeMaskedChipIsMaskedAroundSetType)
{
    RecordingChip mchip("MSK", RecordingChip::kBasic, IRQCHIP_SET_TYPE_MASKED);
    FlatDomain mdom("msk", &mchip, handle_fasteoi_irq);
    unsigned virq = mdom.Map(6);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    mchip.Take();
    EXPECT_EQ(irq_set_irq_type(virq, IRQ_TYPE_EDGE_RISING), 0);
    EXPECT_EQ(mchip.Take(), (Calls{"irq_mask:6", "irq_set_type:6", "irq_unmask:6"}));
    // already masked: stays masked
    disable_irq(virq);
    mchip.Take();
    EXPECT_EQ(irq_set_irq_type(virq, IRQ_TYPE_LEVEL_HIGH), 0);
    EXPECT_EQ(mchip.Take(), (Calls{"irq_set_type:6"}));
    EXPECT_EQ(irq_set_irq_type(9999, IRQ_TYPE_LEVEL_HIGH), -EINVAL);
    enable_irq(virq);
    free_irq(virq, &dev);
}

TEST_F(ManageTest, RequestResourcesFailureUnwinds)
{
    unsigned virq = flat->Map(3);
    Dev dev;
    chip.request_ret = -ENOSPC;
    EXPECT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_HIGH, "d", &dev), -ENOSPC);
    EXPECT_EQ(chip.Take(), (Calls{"irq_request_resources:3"}));
    EXPECT_EQ(CountLogs({"refused resources", "-28"}), 1u);
    EXPECT_EQ(irq_to_desc(virq)->action, nullptr);
    chip.request_ret = 0;
    EXPECT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_HIGH, "d", &dev), 0);
    free_irq(virq, &dev);
}

TEST_F(ManageTest, HierarchyActivationOrderAndFailure)
{
    Calls log, events;
    RecordingChip root("ROOT", RecordingChip::kBasic, 0, &log);
    RecordingChip top("TOP", RecordingChip::kBasic | RecordingChip::REQUEST_RES | RecordingChip::RELEASE_RES,
                      0, &log);
    HierDomain droot("root", &root, nullptr, nullptr, 32);
    HierDomain dtop("top", &top, &droot, handle_fasteoi_irq, 0, 16);
    droot.events = dtop.events = &events;
    int virq = dtop.Alloc(5);
    ASSERT_GT(virq, 0);
    Dev dev;
    ASSERT_EQ(request_irq((unsigned)virq, DevHandler, 0, "d", &dev), 0);
    EXPECT_EQ(events, (Calls{"activate:root", "activate:top"}));
    EXPECT_EQ(log, (Calls{"irq_request_resources:5", "irq_unmask:5", "irq_set_affinity:5"}));
    events.clear();
    log.clear();
    free_irq((unsigned)virq, &dev);
    EXPECT_EQ(events, (Calls{"deactivate:top", "deactivate:root"}));
    EXPECT_EQ(log, (Calls{"irq_mask:5", "irq_release_resources:5"}));
    events.clear();
    log.clear();

    dtop.activate_ret = -ENOSPC;
    EXPECT_EQ(request_irq((unsigned)virq, DevHandler, 0, "d", &dev), -ENOSPC);
    EXPECT_EQ(events, (Calls{"activate:root", "activate:top", "deactivate:root"}));
    EXPECT_EQ(log, (Calls{"irq_request_resources:5", "irq_release_resources:5"}));
    EXPECT_EQ(CountLogs("activation failed"), 1u);
    EXPECT_EQ(irq_to_desc((unsigned)virq)->action, nullptr);
}

TEST_F(ManageTest, AffinityWithChipPickingOneCpu)
{
    chip.pick_first_cpu = true;
    unsigned virq = flat->Map(40);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    irq_data* d = irq_get_irq_data(virq);
    // startup routed it to the online CPUs; the chip picked CPU0
    EXPECT_EQ(Mask(&chip.last_affinity), "0-3");
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "0");

    cpumask m{};
    cpumask_set_cpu(2, &m);
    cpumask_set_cpu(3, &m);
    EXPECT_EQ(irq_set_affinity(virq, &m), 0);
    EXPECT_EQ(Mask(irq_data_get_affinity_mask(d)), "2-3");
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "2");

    // offline CPUs are dropped; a mask without online CPU is refused
    set_cpu_online(3, false);
    EXPECT_EQ(irq_set_affinity(virq, cpumask_of(3)), -EINVAL);
    EXPECT_EQ(CountLogs("has no online CPU"), 1u);
    EXPECT_EQ(Mask(irq_data_get_affinity_mask(d)), "2-3");
    EXPECT_EQ(irq_force_affinity(virq, cpumask_of(3)), 0);
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "3");

    // the chip refuses: nothing changes
    chip.affinity_ret = -EIO;
    EXPECT_EQ(irq_set_affinity(virq, cpumask_of(1)), -EIO);
    EXPECT_EQ(Mask(irq_data_get_affinity_mask(d)), "3");
    EXPECT_EQ(ErrorCount(), 2u);
    free_irq(virq, &dev);
}

TEST_F(ManageTest, AffinityWithChipNotReportingEffective)
{
    unsigned virq = flat->Map(41);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    irq_data* d = irq_get_irq_data(virq);
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "0-3");
    cpumask m{};
    cpumask_set_cpu(1, &m);
    cpumask_set_cpu(2, &m);
    EXPECT_EQ(irq_set_affinity(virq, &m), 0);
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "1-2");
    EXPECT_EQ(irq_set_affinity(virq, cpu_possible_mask), 0);
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "0-3");
    // OK_DONE: the chip handled it entirely, effective untouched by the core
    chip.affinity_ret = IRQ_SET_MASK_OK_DONE;
    EXPECT_EQ(irq_set_affinity(virq, cpumask_of(2)), 0);
    EXPECT_EQ(Mask(irq_data_get_affinity_mask(d)), "2");
    EXPECT_EQ(Mask(irq_data_get_effective_affinity_mask(d)), "0-3");
    free_irq(virq, &dev);
}

TEST_F(ManageTest, AffinityOfPerCpuIrqIsRefused)
{
    unsigned ppi = flat->Map(27);
    ASSERT_EQ(irq_set_percpu_devid(ppi), 0);
    EXPECT_EQ(irq_set_affinity(ppi, cpumask_of(1)), -EINVAL);
    EXPECT_EQ(CountLogs("per-CPU irq"), 1u);
    EXPECT_EQ(irq_set_affinity(7777, cpumask_of(1)), -EINVAL);
    EXPECT_EQ(chip.Take(), Calls{});
}

irqreturn_t PercpuHandler(int, void* dev_id)
{
    static_cast<Dev*>(dev_id)->runs++;
    return IRQ_HANDLED;
}

TEST_F(ManageTest, PercpuRequestEnableFree)
{
    unsigned ppi = flat->Map(29);
    Dev devs[kCpus];
    void* ids[kCpus] = {&devs[0], &devs[1], &devs[2], &devs[3]};
    unsigned plain = flat->Map(30);
    EXPECT_EQ(request_percpu_irq(plain, PercpuHandler, "t", ids), -EINVAL);
    EXPECT_EQ(CountLogs("not per-CPU devid"), 1u);

    ASSERT_EQ(irq_set_percpu_devid(ppi), 0);
    irq_set_handler(ppi, handle_percpu_devid_irq);
    EXPECT_TRUE(irq_to_desc(ppi)->status_use_accessors & IRQ_NOAUTOEN);
    EXPECT_TRUE(irqd_is_per_cpu(irq_get_irq_data(ppi)));
    EXPECT_EQ(request_percpu_irq(ppi, PercpuHandler, "t", nullptr), -EINVAL);
    ASSERT_EQ(request_percpu_irq(ppi, PercpuHandler, "timer", ids), 0);
    EXPECT_EQ(chip.Take(), (Calls{"irq_request_resources:29"}));  // nothing enabled yet
    EXPECT_EQ(request_percpu_irq(ppi, PercpuHandler, "again", ids), -EBUSY);
    EXPECT_EQ(free_irq(ppi, ids), nullptr);

    irqsim_set_this_cpu(1);
    enable_percpu_irq(ppi, IRQ_TYPE_LEVEL_HIGH);
    EXPECT_EQ(chip.Take(), (Calls{"irq_set_type:29", "irq_unmask:29"}));
    EXPECT_TRUE(irq_percpu_is_enabled(ppi));
    irqsim_set_this_cpu(0);
    EXPECT_FALSE(irq_percpu_is_enabled(ppi));
    irqsim_set_this_cpu(1);
    generic_handle_irq(ppi);
    EXPECT_EQ(devs[1].runs, 1);
    chip.Take();

    // freed while still enabled on CPU1: reported and masked
    free_percpu_irq(ppi, ids);
    EXPECT_EQ(CountLogs({"still enabled", "1"}), 1u);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:29", "irq_release_resources:29"}));
    EXPECT_FALSE(irq_percpu_is_enabled(ppi));
    free_percpu_irq(ppi, ids);
    EXPECT_EQ(CountLogs("no per-CPU handler"), 1u);
}

TEST_F(ManageTest, NobodyCaredDisablesAfterWindow)
{
    irqsim_set_spurious_window(10, 8);
    unsigned virq = flat->Map(50);
    Dev dev;
    dev.ret = IRQ_NONE;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "deaf", &dev), 0);
    chip.Take();
    for (int i = 0; i < 9; i++)
        generic_handle_irq(virq);
    EXPECT_EQ(CountLogs("nobody cared"), 0u);
    EXPECT_EQ(irq_get_disable_depth(virq), 0);
    generic_handle_irq(virq);
    EXPECT_EQ(CountLogs({"irq " + std::to_string(virq) + ": nobody cared", "deaf"}), 1u);
    EXPECT_EQ(ErrorCount(), 1u);
    struct irq_desc* desc = irq_to_desc(virq);
    EXPECT_EQ(desc->spurious_disabled, 1u);
    EXPECT_TRUE(desc->istate & IRQS_SPURIOUS_DISABLED);
    EXPECT_EQ(irq_get_disable_depth(virq), 1);
    EXPECT_TRUE(irqd_irq_masked(irq_get_irq_data(virq)));
    Calls calls = chip.Take();
    EXPECT_EQ(calls.size(), 11u);  // 10 eoi, with the mask before the last eoi
    EXPECT_EQ(calls[9], "irq_mask:50");
    EXPECT_EQ(calls[10], "irq_eoi:50");
    // further interrupts do not reach the handler
    generic_handle_irq(virq);
    EXPECT_EQ(dev.runs, 10);
    free_irq(virq, &dev);
}

TEST_F(ManageTest, MostlyHandledLineSurvivesAndWindowResets)
{
    irqsim_set_spurious_window(10, 8);
    unsigned virq = flat->Map(51);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "ok", &dev), 0);
    for (int i = 0; i < 10; i++) {
        dev.ret = i < 7 ? IRQ_NONE : IRQ_HANDLED;  // 7 of 10 unhandled: below threshold
        generic_handle_irq(virq);
    }
    EXPECT_EQ(irq_get_disable_depth(virq), 0);
    EXPECT_EQ(irq_to_desc(virq)->irq_count, 0u);
    EXPECT_EQ(irq_to_desc(virq)->irqs_unhandled, 0u);
    free_irq(virq, &dev);

    // a core reset restores the default window
    ASSERT_EQ(irqsim_core_reset(), 0);
    RecordingChip c2("C2", RecordingChip::kBasic);
    FlatDomain d2("c2", &c2, handle_fasteoi_irq);
    unsigned v2 = d2.Map(1);
    dev.ret = IRQ_NONE;
    ASSERT_EQ(request_irq(v2, DevHandler, 0, "deaf", &dev), 0);
    for (int i = 0; i < 20; i++)
        generic_handle_irq(v2);
    EXPECT_EQ(irq_get_disable_depth(v2), 0);
    EXPECT_EQ(CountLogs("nobody cared"), 0u);
    free_irq(v2, &dev);
}

struct Demux {
    int runs = 0;
    unsigned child = 0;
};

void DemuxHandler(struct irq_desc* desc)
{
    auto* dm = static_cast<Demux*>(irq_desc_get_handler_data(desc));
    struct irq_chip* chip = irq_desc_get_chip(desc);
    chained_irq_enter(chip, desc);
    dm->runs++;
    if (dm->child)
        generic_handle_irq(dm->child);
    chained_irq_exit(chip, desc);
}

TEST_F(ManageTest, ChainedHandlerInstallActivatesAndUnmasks)
{
    Calls log, events;
    RecordingChip root("ROOT", RecordingChip::kBasic, 0, &log);
    HierDomain droot("root", &root, nullptr, handle_fasteoi_irq, 0);
    droot.events = &events;
    int parent = droot.Alloc(64);
    ASSERT_GT(parent, 0);
    irqd_set_trigger_type(irq_get_irq_data((unsigned)parent), IRQ_TYPE_LEVEL_HIGH);
    log.clear();

    Demux dm;
    RecordingChip child_chip("CHILD", RecordingChip::kBasic);
    FlatDomain child("child", &child_chip, handle_simple_irq);
    dm.child = child.Map(2);
    Dev cdev;
    ASSERT_EQ(request_irq(dm.child, DevHandler, 0, "cdev", &cdev), 0);

    irq_set_chained_handler_and_data((unsigned)parent, DemuxHandler, &dm);
    EXPECT_EQ(events, (Calls{"activate:root"}));
    EXPECT_EQ(log, (Calls{"irq_set_type:64", "irq_unmask:64", "irq_set_affinity:64"}));
    irq_data* d = irq_get_irq_data((unsigned)parent);
    EXPECT_TRUE(irqd_is_activated(d));
    EXPECT_TRUE(irqd_is_started(d));
    EXPECT_FALSE(irqd_irq_masked(d));
    EXPECT_TRUE(irq_to_desc((unsigned)parent)->status_use_accessors & IRQ_NOREQUEST);
    Dev dev;
    EXPECT_EQ(request_irq((unsigned)parent, DevHandler, 0, "x", &dev), -EINVAL);
    EXPECT_EQ(CountLogs("chained handler installed"), 1u);

    log.clear();
    generic_handle_irq((unsigned)parent);
    EXPECT_EQ(dm.runs, 1);
    EXPECT_EQ(cdev.runs, 1);
    EXPECT_EQ(log, (Calls{"irq_eoi:64"}));

    // removing it masks (and acks) the parent
    log.clear();
    irq_set_chained_handler_and_data((unsigned)parent, nullptr, nullptr);
    EXPECT_EQ(log, (Calls{"irq_mask:64", "irq_ack:64"}));
    EXPECT_EQ(irq_to_desc((unsigned)parent)->handle_irq, handle_bad_irq);
    EXPECT_FALSE(irq_to_desc((unsigned)parent)->status_use_accessors & IRQ_NOREQUEST);
    free_irq(dm.child, &cdev);
}

}  // namespace
