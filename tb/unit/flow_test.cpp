// SPDX-License-Identifier: MIT
// Flow handlers: the exact chip callback sequence of each, including the
// disabled, no-handler and in-progress paths, and the stacked-chip helpers.
#include <linux/interrupt.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>

#include "unit/fake_io.h"
#include "unit/recording_chip.h"
#include "unit/test_support.h"

namespace {

using Calls = std::vector<std::string>;

// a device: counts handler runs, may re-enter the irq once (a new edge
// arriving on another CPU while the handler runs)
struct Dev {
    int runs = 0;
    irqreturn_t ret = IRQ_HANDLED;
    bool reenter_once = false;
    std::vector<void*> seen_dev;
    std::vector<unsigned> seen_cpu;
};

irqreturn_t DevHandler(int irq, void* dev_id)
{
    Dev* d = static_cast<Dev*>(dev_id);
    d->runs++;
    if (d->reenter_once) {
        d->reenter_once = false;
        generic_handle_irq((unsigned)irq);
    }
    return d->ret;
}

class FlowTest : public CoreTest {
protected:
    struct irq_desc* Desc(unsigned virq) { return irq_to_desc(virq); }
    bool Pending(unsigned virq) { return Desc(virq)->istate & IRQS_PENDING; }
};

TEST_F(FlowTest, LevelMaskAckRunUnmask)
{
    RecordingChip chip("LVL", RecordingChip::kBasic);
    FlatDomain dom("lvl", &chip, handle_level_irq);
    unsigned virq = dom.Map(5);
    ASSERT_NE(virq, 0u);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_HIGH, "lvl-dev", &dev), 0);
    EXPECT_EQ(chip.Take(), (Calls{"irq_set_type:5", "irq_unmask:5", "irq_set_affinity:5"}));
    EXPECT_EQ(chip.types, (std::vector<unsigned>{IRQ_TYPE_LEVEL_HIGH}));
    EXPECT_TRUE(irqd_is_level_type(irq_get_irq_data(virq)));

    EXPECT_EQ(generic_handle_irq(virq), 0);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:5", "irq_ack:5", "irq_unmask:5"}));
    EXPECT_EQ(dev.runs, 1);
    EXPECT_EQ(kstat_irqs_cpu(virq, 0), 1u);
    EXPECT_FALSE(irqd_irq_masked(irq_get_irq_data(virq)));
    free_irq(virq, &dev);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:5"}));
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(FlowTest, LevelUsesMaskAckWhenChipHasIt)
{
    RecordingChip chip("LVL", RecordingChip::kBasic | RecordingChip::MASK_ACK);
    FlatDomain dom("lvl", &chip, handle_level_irq);
    unsigned virq = dom.Map(7);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    chip.Take();
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask_ack:7", "irq_unmask:7"}));
    free_irq(virq, &dev);
}

TEST_F(FlowTest, LevelDisabledStaysMaskedAndPending)
{
    RecordingChip chip("LVL", RecordingChip::kBasic);
    FlatDomain dom("lvl", &chip, handle_level_irq);
    unsigned virq = dom.Map(5);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_HIGH, "d", &dev), 0);
    disable_irq(virq);
    chip.Take();
    generic_handle_irq(virq);
    // already masked by disable_irq: only the ack reaches the chip
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:5"}));
    EXPECT_EQ(dev.runs, 0);
    EXPECT_TRUE(Pending(virq));
    enable_irq(virq);
    // a level line is still asserted: no replay, just unmask
    EXPECT_EQ(chip.Take(), (Calls{"irq_unmask:5"}));
    EXPECT_EQ(dev.runs, 0);
    EXPECT_FALSE(Pending(virq));
    free_irq(virq, &dev);
}

TEST_F(FlowTest, LevelWithoutActionMarksPending)
{
    RecordingChip chip("LVL", RecordingChip::kBasic);
    FlatDomain dom("lvl", &chip, handle_level_irq);
    unsigned virq = dom.Map(5);
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:5"}));  // fresh desc is masked
    EXPECT_TRUE(Pending(virq));
    EXPECT_EQ(kstat_irqs(virq), 0u);
}

TEST_F(FlowTest, LevelInProgressDoesNotRunTwice)
{
    RecordingChip chip("LVL", RecordingChip::kBasic);
    FlatDomain dom("lvl", &chip, handle_level_irq);
    unsigned virq = dom.Map(5);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "d", &dev), 0);
    chip.Take();
    dev.reenter_once = true;
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:5", "irq_ack:5", "irq_ack:5", "irq_unmask:5"}));
    EXPECT_EQ(dev.runs, 1);
    free_irq(virq, &dev);
}

TEST_F(FlowTest, EdgeAcksWithoutMasking)
{
    RecordingChip chip("EDGE", RecordingChip::kBasic);
    FlatDomain dom("edge", &chip, handle_edge_irq);
    unsigned virq = dom.Map(9);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_RISING, "e", &dev), 0);
    EXPECT_FALSE(irqd_is_level_type(irq_get_irq_data(virq)));
    chip.Take();
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:9"}));
    EXPECT_EQ(dev.runs, 1);
    free_irq(virq, &dev);
}

TEST_F(FlowTest, EdgeRetriggerWhileInProgressRunsAgain)
{
    RecordingChip chip("EDGE", RecordingChip::kBasic);
    FlatDomain dom("edge", &chip, handle_edge_irq);
    unsigned virq = dom.Map(9);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_RISING, "e", &dev), 0);
    chip.Take();
    dev.reenter_once = true;
    generic_handle_irq(virq);
    // nested edge: pending + mask_ack; the running instance unmasks and loops
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:9", "irq_mask:9", "irq_ack:9", "irq_unmask:9"}));
    EXPECT_EQ(dev.runs, 2);
    EXPECT_EQ(kstat_irqs_cpu(virq, 0), 2u);
    EXPECT_FALSE(Pending(virq));
    EXPECT_FALSE(irqd_irq_masked(irq_get_irq_data(virq)));
    free_irq(virq, &dev);
}

TEST_F(FlowTest, EdgeDisabledIsReplayedByHardwareRetrigger)
{
    RecordingChip chip("EDGE", RecordingChip::kBasic | RecordingChip::RETRIGGER);
    FlatDomain dom("edge", &chip, handle_edge_irq);
    unsigned virq = dom.Map(9);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_RISING, "e", &dev), 0);
    chip.Take();
    disable_irq_nosync(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:9"}));
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:9"}));
    EXPECT_TRUE(Pending(virq));
    EXPECT_EQ(dev.runs, 0);
    enable_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_unmask:9", "irq_retrigger:9"}));
    EXPECT_EQ(dev.runs, 0);  // the hardware will raise it again
    EXPECT_FALSE(Pending(virq));
    free_irq(virq, &dev);
}

TEST_F(FlowTest, EdgeDisabledIsReplayedInSoftwareWithoutRetrigger)
{
    RecordingChip chip("EDGE", RecordingChip::kBasic);
    FlatDomain dom("edge", &chip, handle_edge_irq);
    unsigned virq = dom.Map(9);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_RISING, "e", &dev), 0);
    disable_irq(virq);
    generic_handle_irq(virq);
    chip.Take();
    enable_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_unmask:9", "irq_ack:9"}));
    EXPECT_EQ(dev.runs, 1);
    free_irq(virq, &dev);
}

TEST_F(FlowTest, EdgeWithoutActionMasksAndAcks)
{
    RecordingChip chip("EDGE", RecordingChip::kBasic);
    FlatDomain dom("edge", &chip, handle_edge_irq);
    unsigned virq = dom.Map(9);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "e", &dev), 0);
    free_irq(virq, &dev);  // leaves it masked, no action
    chip.Take();
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:9"}));
    EXPECT_TRUE(Pending(virq));
}

TEST_F(FlowTest, FasteoiEoiAfterHandler)
{
    RecordingChip chip("EOI", RecordingChip::kBasic);
    FlatDomain dom("eoi", &chip, handle_fasteoi_irq);
    unsigned virq = dom.Map(33);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "f", &dev), 0);
    chip.Take();
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_eoi:33"}));
    EXPECT_EQ(dev.runs, 1);
    free_irq(virq, &dev);
}

TEST_F(FlowTest, FasteoiDisabledMasksAndEois)
{
    RecordingChip chip("EOI", RecordingChip::kBasic);
    FlatDomain dom("eoi", &chip, handle_fasteoi_irq);
    unsigned virq = dom.Map(33);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "f", &dev), 0);
    chip.Take();
    // disabled but not yet masked (another CPU is between the two steps)
    irq_to_desc(virq)->irq_common_data.state_use_accessors |= IRQD_IRQ_DISABLED;
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:33", "irq_eoi:33"}));
    EXPECT_TRUE(Pending(virq));
    EXPECT_EQ(dev.runs, 0);
    irq_to_desc(virq)->irq_common_data.state_use_accessors &= ~IRQD_IRQ_DISABLED;
    free_irq(virq, &dev);
}

TEST_F(FlowTest, FasteoiWithoutActionEois)
{
    RecordingChip chip("EOI", RecordingChip::kBasic);
    FlatDomain dom("eoi", &chip, handle_fasteoi_irq);
    unsigned virq = dom.Map(33);
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_eoi:33"}));
    EXPECT_TRUE(Pending(virq));
}

TEST_F(FlowTest, FasteoiInProgressEoisUnlessEoiIfHandled)
{
    for (unsigned long flags : {0ul, (unsigned long)IRQCHIP_EOI_IF_HANDLED}) {
        RecordingChip chip("EOI", RecordingChip::kBasic, flags);
        FlatDomain dom(flags ? "eoi-handled" : "eoi", &chip, handle_fasteoi_irq);
        unsigned virq = dom.Map(33);
        Dev dev;
        ASSERT_EQ(request_irq(virq, DevHandler, 0, "f", &dev), 0);
        chip.Take();
        dev.reenter_once = true;
        generic_handle_irq(virq);
        if (flags)
            EXPECT_EQ(chip.Take(), (Calls{"irq_eoi:33"}));
        else
            EXPECT_EQ(chip.Take(), (Calls{"irq_eoi:33", "irq_eoi:33"}));
        EXPECT_EQ(dev.runs, 1);
        free_irq(virq, &dev);
    }
}

TEST_F(FlowTest, SimpleMakesNoChipCalls)
{
    RecordingChip chip("SIMPLE", RecordingChip::kBasic | RecordingChip::MASK_ACK);
    FlatDomain dom("simple", &chip, handle_simple_irq);
    unsigned virq = dom.Map(1);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, 0, "s", &dev), 0);
    chip.Take();
    generic_handle_irq(virq);
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), Calls{});
    EXPECT_EQ(dev.runs, 2);
    disable_irq(virq);
    chip.Take();
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), Calls{});
    EXPECT_EQ(dev.runs, 2);
    EXPECT_TRUE(Pending(virq));
    enable_irq(virq);
    free_irq(virq, &dev);
}

TEST_F(FlowTest, SharedLineRunsEveryActionAndCountsOnce)
{
    RecordingChip chip("LVL", RecordingChip::kBasic);
    FlatDomain dom("lvl", &chip, handle_level_irq);
    unsigned virq = dom.Map(5);
    Dev a, b;
    a.ret = IRQ_NONE;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_SHARED, "a", &a), 0);
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_SHARED, "b", &b), 0);
    irqsim_set_this_cpu(2);
    generic_handle_irq(virq);
    EXPECT_EQ(a.runs, 1);
    EXPECT_EQ(b.runs, 1);
    EXPECT_EQ(kstat_irqs_cpu(virq, 2), 1u);
    EXPECT_EQ(kstat_irqs(virq), 1u);
    EXPECT_EQ(irq_to_desc(virq)->tot_count, 1u);
    EXPECT_EQ(irq_to_desc(virq)->irqs_unhandled, 0u);  // b handled it
    free_irq(virq, &a);
    free_irq(virq, &b);
}

TEST_F(FlowTest, PercpuAcksAndEois)
{
    RecordingChip chip("PCPU", RecordingChip::kBasic);
    FlatDomain dom("pcpu", &chip, handle_percpu_irq);
    unsigned virq = dom.Map(27);
    irq_set_status_flags(virq, IRQ_PER_CPU);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_PERCPU, "p", &dev), 0);
    chip.Take();
    irqsim_set_this_cpu(3);
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:27", "irq_eoi:27"}));
    EXPECT_EQ(dev.runs, 1);
    EXPECT_EQ(kstat_irqs_cpu(virq, 3), 1u);
    free_irq(virq, &dev);
}

irqreturn_t PercpuHandler(int, void* dev_id)
{
    Dev* d = static_cast<Dev*>(dev_id);
    d->runs++;
    d->seen_cpu.push_back(smp_processor_id());
    return IRQ_HANDLED;
}

TEST_F(FlowTest, PercpuDevidPassesThisCpusDevIdAndDisablesSpuriousCpu)
{
    RecordingChip chip("PPI", RecordingChip::kBasic);
    FlatDomain dom("ppi", &chip, handle_percpu_devid_irq);
    unsigned virq = dom.Map(30);
    ASSERT_EQ(irq_set_percpu_devid(virq), 0);
    Dev devs[kCpus];
    void* ids[kCpus];
    for (unsigned c = 0; c < kCpus; c++)
        ids[c] = &devs[c];
    ASSERT_EQ(request_percpu_irq(virq, PercpuHandler, "timer", ids), 0);
    for (unsigned c = 0; c < 3; c++) {  // not on CPU3
        irqsim_set_this_cpu(c);
        enable_percpu_irq(virq, IRQ_TYPE_NONE);
        EXPECT_TRUE(irq_percpu_is_enabled(virq));
    }
    EXPECT_EQ(chip.Take(), (Calls{"irq_unmask:30", "irq_unmask:30", "irq_unmask:30"}));
    for (unsigned c = 0; c < 3; c++) {
        irqsim_set_this_cpu(c);
        generic_handle_irq(virq);
        EXPECT_EQ(chip.Take(), (Calls{"irq_ack:30", "irq_eoi:30"}));
        EXPECT_EQ(devs[c].runs, 1);
        EXPECT_EQ(devs[c].seen_cpu, (std::vector<unsigned>{c}));
        EXPECT_EQ(kstat_irqs_cpu(virq, c), 1u);
    }
    irqsim_set_this_cpu(3);
    EXPECT_FALSE(irq_percpu_is_enabled(virq));
    generic_handle_irq(virq);
    generic_handle_irq(virq);
    EXPECT_EQ(chip.Take(),
              (Calls{"irq_ack:30", "irq_mask:30", "irq_eoi:30", "irq_ack:30", "irq_mask:30", "irq_eoi:30"}));
    EXPECT_EQ(devs[3].runs, 0);
    EXPECT_EQ(CountLogs("Spurious"), 1u);
    EXPECT_EQ(CountLogs({"percpu IRQ", "CPU3"}), 1u);
    for (unsigned c = 0; c < 3; c++) {
        irqsim_set_this_cpu(c);
        disable_percpu_irq(virq);
        EXPECT_FALSE(irq_percpu_is_enabled(virq));
    }
    free_percpu_irq(virq, ids);
    EXPECT_EQ(CountLogs("still enabled"), 0u);
}

TEST_F(FlowTest, PercpuDevidWithoutActionLogsOnce)
{
    RecordingChip chip("PPI", RecordingChip::kBasic);
    FlatDomain dom("ppi", &chip, handle_percpu_devid_irq);
    unsigned virq = dom.Map(31);
    ASSERT_EQ(irq_set_percpu_devid(virq), 0);
    generic_handle_irq(virq);
    generic_handle_irq(virq);
    EXPECT_EQ(CountLogs("Spurious percpu IRQ"), 1u);
    EXPECT_EQ(chip.Take(),
              (Calls{"irq_ack:31", "irq_mask:31", "irq_eoi:31", "irq_ack:31", "irq_mask:31", "irq_eoi:31"}));
}

TEST_F(FlowTest, BadIrqCountsSpuriousLogsOnceAndAcks)
{
    RecordingChip chip("BAD", RecordingChip::kBasic);
    FlatDomain dom("bad", &chip, nullptr);  // no flow handler: handle_bad_irq
    unsigned virq = dom.Map(3);
    ASSERT_EQ(irq_to_desc(virq)->handle_irq, handle_bad_irq);
    chip.Take();
    irqsim_set_this_cpu(1);
    generic_handle_irq(virq);
    generic_handle_irq(virq);
    EXPECT_EQ(irqsim_spurious_count(1), 2u);
    EXPECT_EQ(chip.Take(), (Calls{"irq_ack:3", "irq_ack:3"}));
    EXPECT_EQ(CountLogs({"irq " + std::to_string(virq), "unexpected"}), 1u);
}

TEST_F(FlowTest, FlowHandlerNames)
{
    EXPECT_STREQ(irq_flow_handler_name(handle_level_irq), "level");
    EXPECT_STREQ(irq_flow_handler_name(handle_edge_irq), "edge");
    EXPECT_STREQ(irq_flow_handler_name(handle_fasteoi_irq), "fasteoi");
    EXPECT_STREQ(irq_flow_handler_name(handle_simple_irq), "simple");
    EXPECT_STREQ(irq_flow_handler_name(handle_percpu_irq), "percpu");
    EXPECT_STREQ(irq_flow_handler_name(handle_percpu_devid_irq), "percpu_devid");
    EXPECT_STREQ(irq_flow_handler_name(handle_bad_irq), "bad");
    EXPECT_STREQ(irq_flow_handler_name(nullptr), "none");
}

TEST_F(FlowTest, EveryChipCallIsAnnotated)
{
    FakeIo io;
    io.Install();
    RecordingChip chip("GICv3", RecordingChip::kBasic);
    FlatDomain dom("gic", &chip, handle_fasteoi_irq);
    unsigned virq = dom.Map(45);
    Dev dev;
    ASSERT_EQ(request_irq(virq, DevHandler, IRQF_TRIGGER_HIGH, "dev45", &dev), 0);
    generic_handle_irq(virq);
    free_irq(virq, &dev);
    std::vector<std::string> chip_notes;
    for (auto& a : io.annotations)
        if (a.rfind("GICv3:", 0) == 0)
            chip_notes.push_back(a);
    EXPECT_EQ(chip_notes,
              (std::vector<std::string>{"GICv3:irq_set_type hwirq=45", "GICv3:irq_unmask hwirq=45",
                                        "GICv3:irq_set_affinity hwirq=45", "GICv3:irq_eoi hwirq=45",
                                        "GICv3:irq_mask hwirq=45"}));
    EXPECT_EQ(io.annotations.front(), "request_irq virq=" + std::to_string(virq) + " dev45");
    io.Uninstall();
}

// ---- chained handlers -----------------------------------------------------------

TEST_F(FlowTest, ChainedEnterExitWithEoiChip)
{
    RecordingChip chip("P", RecordingChip::kBasic);
    FlatDomain dom("p", &chip, handle_fasteoi_irq);
    unsigned virq = dom.Map(4);
    chip.Take();
    chained_irq_enter(&chip.chip, irq_to_desc(virq));
    EXPECT_EQ(chip.Take(), Calls{});
    chained_irq_exit(&chip.chip, irq_to_desc(virq));
    EXPECT_EQ(chip.Take(), (Calls{"irq_eoi:4"}));
}

TEST_F(FlowTest, ChainedEnterExitWithoutEoi)
{
    RecordingChip chip("P", RecordingChip::ACK | RecordingChip::MASK | RecordingChip::UNMASK);
    RecordingChip chip2("Q", RecordingChip::MASK_ACK | RecordingChip::UNMASK);
    FlatDomain dom("p", &chip, handle_level_irq);
    FlatDomain dom2("q", &chip2, handle_level_irq);
    unsigned virq = dom.Map(4), virq2 = dom2.Map(6);
    chained_irq_enter(&chip.chip, irq_to_desc(virq));
    chained_irq_exit(&chip.chip, irq_to_desc(virq));
    EXPECT_EQ(chip.Take(), (Calls{"irq_mask:4", "irq_ack:4", "irq_unmask:4"}));
    chained_irq_enter(&chip2.chip, irq_to_desc(virq2));
    chained_irq_exit(&chip2.chip, irq_to_desc(virq2));
    EXPECT_EQ(chip2.Take(), (Calls{"irq_mask_ack:6", "irq_unmask:6"}));
}

// ---- stacked-chip helpers ---------------------------------------------------------

class StackedTest : public FlowTest {};

TEST_F(StackedTest, ParentHelpersForwardToTheParentLevel)
{
    Calls log;
    RecordingChip root("ROOT",
                       RecordingChip::kBasic | RecordingChip::RETRIGGER | RecordingChip::COMPOSE |
                           RecordingChip::REQUEST_RES | RecordingChip::GET_STATE,
                       0, &log);
    RecordingChip mid("MID", RecordingChip::COMPOSE, 0, &log);
    RecordingChip top("TOP", RecordingChip::kBasic, 0, &log);
    HierDomain droot("root", &root, nullptr, handle_fasteoi_irq, 100);
    HierDomain dmid("mid", &mid, &droot, nullptr, 10, 32);
    HierDomain dtop("top", &top, &dmid, handle_fasteoi_irq, 0, 16);
    int virq = dtop.Alloc(3);
    ASSERT_GT(virq, 0);
    irq_data* t = irq_get_irq_data((unsigned)virq);
    irq_data* m = t->parent_data;
    ASSERT_NE(m, nullptr);
    ASSERT_EQ(m->chip, &mid.chip);
    ASSERT_EQ(m->parent_data->chip, &root.chip);
    log.clear();

    // MID lacks everything but compose: mask/unmask/ack/eoi of m's parent reach ROOT
    irq_chip_mask_parent(m);
    irq_chip_unmask_parent(m);
    irq_chip_ack_parent(m);
    irq_chip_eoi_parent(m);
    irq_chip_enable_parent(m);   // ROOT has no irq_enable: unmask
    irq_chip_disable_parent(m);  // nor irq_disable: mask
    irq_chip_mask_ack_parent(m);
    EXPECT_EQ(log, (Calls{"irq_mask:103", "irq_unmask:103", "irq_ack:103", "irq_eoi:103", "irq_unmask:103",
                          "irq_mask:103", "irq_mask:103", "irq_ack:103"}));
    log.clear();

    EXPECT_EQ(irq_chip_set_type_parent(m, IRQ_TYPE_EDGE_RISING), 0);
    EXPECT_EQ(irq_chip_set_type_parent(t, IRQ_TYPE_EDGE_RISING), -ENOSYS);  // MID has no set_type
    EXPECT_EQ(irq_chip_set_affinity_parent(t, cpumask_of(1), false), -ENOSYS);
    EXPECT_EQ(irq_chip_set_affinity_parent(m, cpumask_of(1), false), IRQ_SET_MASK_OK);
    EXPECT_EQ(irq_chip_set_wake_parent(m, 1), -ENOSYS);
    EXPECT_EQ(irq_chip_request_resources_parent(t), 0);  // MID has none
    EXPECT_EQ(irq_chip_request_resources_parent(m), 0);
    EXPECT_EQ(log, (Calls{"irq_set_type:103", "irq_set_affinity:103", "irq_request_resources:103"}));
    log.clear();

    // retrigger: first level above t that has it
    EXPECT_EQ(irq_chip_retrigger_hierarchy(t), 1);
    EXPECT_EQ(log, (Calls{"irq_retrigger:103"}));
    log.clear();

    // compose: the innermost level that composes (ROOT), starting anywhere
    msi_msg msg{};
    EXPECT_EQ(irq_chip_compose_msi_msg(t, &msg), 0);
    EXPECT_EQ(log, (Calls{"irq_compose_msi_msg:103"}));
    log.clear();

    bool st = false;
    EXPECT_EQ(irq_get_irqchip_state((unsigned)virq, IRQCHIP_STATE_PENDING, &st), 0);
    EXPECT_TRUE(st);
    EXPECT_EQ(log, (Calls{"irq_get_irqchip_state:103"}));
    EXPECT_EQ(irq_set_irqchip_state((unsigned)virq, IRQCHIP_STATE_PENDING, true), -EINVAL);
    EXPECT_EQ(CountLogs("can set state"), 1u);

    // the flow handler talks to the outermost chip only
    log.clear();
    generic_handle_irq((unsigned)virq);
    EXPECT_EQ(log, (Calls{"irq_eoi:3"}));
}

TEST_F(StackedTest, RetriggerAndComposeWithoutSupport)
{
    RecordingChip root("ROOT", RecordingChip::kBasic);
    RecordingChip top("TOP", RecordingChip::kBasic);
    HierDomain droot("root", &root, nullptr, handle_fasteoi_irq, 0);
    HierDomain dtop("top", &top, &droot, handle_fasteoi_irq, 0, 8);
    int virq = dtop.Alloc(2);
    ASSERT_GT(virq, 0);
    irq_data* t = irq_get_irq_data((unsigned)virq);
    msi_msg msg{};
    EXPECT_EQ(irq_chip_retrigger_hierarchy(t), 0);
    EXPECT_EQ(irq_chip_compose_msi_msg(t, &msg), -ENOSYS);
    bool st;
    EXPECT_EQ(irq_get_irqchip_state((unsigned)virq, IRQCHIP_STATE_ACTIVE, &st), -EINVAL);
    EXPECT_EQ(CountLogs("reports state"), 1u);
}

}  // namespace
