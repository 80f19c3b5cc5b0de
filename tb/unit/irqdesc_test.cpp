// SPDX-License-Identifier: MIT
// Descriptor allocation in the sparse virq space, statistics, lookups, reset.
#include <linux/interrupt.h>
#include <linux/irqdesc.h>

#include <set>

#include "test_support.h"

// core-private entry points (driver/core/internals.h is not on the test include path)
extern "C" void irqsim_kstat_inc(struct irq_desc* desc);

namespace {

class IrqDescTest : public CoreTest {};

TEST_F(IrqDescTest, FreshDescIsDisabledMaskedAndNotRequestable)
{
    int virq = irq_alloc_desc(-1);
    ASSERT_GT(virq, 0);
    struct irq_desc* desc = irq_to_desc(virq);
    ASSERT_NE(desc, nullptr);
    EXPECT_EQ(desc->irq_data.irq, (unsigned)virq);
    EXPECT_EQ(desc->irq_data.common, &desc->irq_common_data);
    EXPECT_EQ(desc->irq_data.chip, &no_irq_chip);
    EXPECT_EQ(desc->handle_irq, handle_bad_irq);
    EXPECT_EQ(desc->depth, 1u);
    EXPECT_TRUE(irqd_irq_disabled(&desc->irq_data));
    EXPECT_TRUE(irqd_irq_masked(&desc->irq_data));
    EXPECT_TRUE(desc->status_use_accessors & IRQ_NOREQUEST);
    EXPECT_TRUE(cpumask_equal(&desc->irq_common_data.affinity, cpu_possible_mask));
    EXPECT_EQ(desc->percpu_enabled, nullptr);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 1);
    irq_free_desc(virq);
    EXPECT_EQ(irq_to_desc(virq), nullptr);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(IrqDescTest, VirqZeroIsNeverUsed)
{
    int virq = irq_alloc_descs(-1, 0, 1, -1);
    EXPECT_EQ(virq, 1);
    EXPECT_EQ(irq_to_desc(0), nullptr);
    EXPECT_EQ(irq_alloc_descs(0, 0, 1, -1), -EINVAL);
    EXPECT_EQ(CountLogs("invalid descriptor request"), 1u);
    irq_free_desc(virq);
}

TEST_F(IrqDescTest, RangesAreConsecutiveAndSkipHoles)
{
    int a = irq_alloc_descs(-1, 1, 4, -1);
    int b = irq_alloc_descs(-1, 1, 2, -1);
    ASSERT_EQ(a, 1);
    ASSERT_EQ(b, 5);
    irq_free_descs(2, 2);                   // hole of 2 at 2..3
    int c = irq_alloc_descs(-1, 1, 3, -1);  // does not fit the hole
    EXPECT_EQ(c, 7);
    int d = irq_alloc_descs(-1, 1, 2, -1);  // fits exactly
    EXPECT_EQ(d, 2);
    for (int v = 1; v < 10; v++)
        EXPECT_NE(irq_to_desc(v), nullptr) << v;
    EXPECT_EQ(irq_to_desc(10), nullptr);
    EXPECT_EQ(irq_get_nr_allocated(), 9u);
    irq_free_descs(1, 9);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(IrqDescTest, ExactNumberAllocation)
{
    EXPECT_EQ(irq_alloc_descs(5000, 5000, 3, -1), 5000);
    EXPECT_EQ(irq_alloc_descs(5001, 5001, 1, -1), -EEXIST);
    EXPECT_EQ(CountLogs("virq 5001"), 1u);
    EXPECT_EQ(irq_alloc_descs(4999, 4999, 2, -1), -EEXIST);
    EXPECT_EQ(irq_alloc_descs(10, 11, 1, -1), -EINVAL);  // from above irq
    EXPECT_EQ(irq_alloc_descs(-1, 1, 0, -1), -EINVAL);
    EXPECT_EQ(irq_get_nr_allocated(), 3u);
    // searching from an allocated region continues after it
    EXPECT_EQ(irq_alloc_descs(-1, 5000, 1, -1), 5003);
    irq_free_descs(5000, 4);
}

TEST_F(IrqDescTest, RangeCrossesChunkBoundary)
{
    int v = irq_alloc_descs(1020, 1020, 10, -1);
    ASSERT_EQ(v, 1020);
    for (int i = 0; i < 10; i++)
        EXPECT_EQ(irq_to_desc(1020 + i)->irq_data.irq, (unsigned)(1020 + i));
    EXPECT_EQ(irq_get_next_irq(0), 1020u);
    EXPECT_EQ(irq_get_next_irq(1023), 1024u);
    EXPECT_EQ(irq_get_next_irq(1029), 0u);
    irq_free_descs(1020, 10);
}

TEST_F(IrqDescTest, SparseGrowthAndTopOfSpace)
{
    int hi = irq_alloc_descs((int)IRQ_MAX_VIRQS - 2, IRQ_MAX_VIRQS - 2, 2, -1);
    ASSERT_EQ(hi, (int)IRQ_MAX_VIRQS - 2);
    EXPECT_EQ(irq_alloc_descs(-1, IRQ_MAX_VIRQS - 2, 1, -1), -ENOMEM);
    EXPECT_EQ(CountLogs("no room"), 1u);
    int lo = irq_alloc_desc(-1);
    EXPECT_EQ(lo, 1);
    EXPECT_EQ(irq_get_next_irq(1), (unsigned)hi);
    EXPECT_EQ(irq_get_next_irq((unsigned)hi), (unsigned)hi + 1);
    EXPECT_EQ(irq_to_desc(IRQ_MAX_VIRQS), nullptr);
    irq_free_descs((unsigned)hi, 2);
    irq_free_desc((unsigned)lo);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
}

TEST_F(IrqDescTest, ManyAllocationsAreDenseAndFreedInAnyOrder)
{
    unsigned seed = Seed(1234);
    srand(seed);
    std::set<int> live;
    for (int i = 0; i < 3000; i++) {
        int v = irq_alloc_desc(-1);
        ASSERT_GT(v, 0);
        ASSERT_TRUE(live.insert(v).second);
    }
    EXPECT_EQ(*live.rbegin(), 3000);
    std::vector<int> order(live.begin(), live.end());
    for (size_t i = order.size() - 1; i > 0; i--)
        std::swap(order[i], order[(size_t)rand() % (i + 1)]);
    for (size_t i = 0; i < order.size() / 2; i++) {
        irq_free_desc((unsigned)order[i]);
        live.erase(order[i]);
    }
    // refills the lowest holes first
    int v = irq_alloc_desc(-1);
    std::set<int> all;
    for (int i = 1; i <= 3000; i++)
        all.insert(i);
    for (int l : live)
        all.erase(l);
    EXPECT_EQ(v, *all.begin());
    live.insert(v);
    EXPECT_EQ(irq_get_nr_allocated(), live.size());
    unsigned n = 0;
    for (unsigned it = irq_get_next_irq(0); it; it = irq_get_next_irq(it))
        n++;
    EXPECT_EQ(n, live.size());
    for (int l : live)
        irq_free_desc((unsigned)l);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(IrqDescTest, DoubleFreeIsLoggedOnce)
{
    int v = irq_alloc_descs(-1, 1, 2, -1);
    irq_free_descs((unsigned)v, 2);
    ClearLogs();
    irq_free_descs((unsigned)v, 2);
    EXPECT_EQ(ErrorCount(), 1u);
    EXPECT_EQ(CountLogs({"virq " + std::to_string(v), "unallocated"}), 1u);
    ClearLogs();
    irq_free_desc(123456);
    EXPECT_EQ(CountLogs("virq 123456"), 1u);
    irq_free_desc(0);
    EXPECT_EQ(ErrorCount(), 2u);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
}

TEST_F(IrqDescTest, KstatCountsPerCpu)
{
    int v = irq_alloc_desc(-1);
    struct irq_desc* desc = irq_to_desc(v);
    irqsim_set_this_cpu(2);
    irqsim_kstat_inc(desc);
    irqsim_kstat_inc(desc);
    irqsim_set_this_cpu(1);
    irqsim_kstat_inc(desc);
    irqsim_set_this_cpu(0);
    EXPECT_EQ(kstat_irqs_cpu(v, 0), 0u);
    EXPECT_EQ(kstat_irqs_cpu(v, 1), 1u);
    EXPECT_EQ(kstat_irqs_cpu(v, 2), 2u);
    EXPECT_EQ(kstat_irqs_cpu(v, 99), 0u);
    EXPECT_EQ(kstat_irqs(v), 3u);
    EXPECT_EQ(kstat_irqs(v + 1), 0u);
    irq_free_desc(v);
}

static int flow_runs;
static unsigned flow_cpu;
static void test_flow(struct irq_desc* desc)
{
    flow_runs++;
    flow_cpu = smp_processor_id();
    (void)desc;
}

TEST_F(IrqDescTest, GenericHandleRunsFlowOrCountsSpurious)
{
    int v = irq_alloc_desc(-1);
    irq_to_desc(v)->handle_irq = test_flow;
    flow_runs = 0;
    irqsim_set_this_cpu(3);
    EXPECT_EQ(generic_handle_irq(v), 0);
    EXPECT_EQ(flow_runs, 1);
    EXPECT_EQ(flow_cpu, 3u);
    EXPECT_EQ(irqsim_spurious_count(3), 0u);
    EXPECT_EQ(generic_handle_irq(v + 100), -EINVAL);
    EXPECT_EQ(irqsim_spurious_count(3), 1u);
    EXPECT_EQ(irqsim_spurious_count(0), 0u);
    EXPECT_EQ(CountLogs("virq " + std::to_string(v + 100)), 1u);
    irqsim_set_this_cpu(0);
    irq_free_desc(v);
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(irqsim_spurious_count(3), 0u);  // reset clears counters
}

TEST_F(IrqDescTest, LookupsByVirq)
{
    int v = irq_alloc_desc(-1);
    static int chip_data, handler_data;
    struct irq_desc* desc = irq_to_desc(v);
    desc->irq_data.chip_data = &chip_data;
    desc->irq_common_data.handler_data = &handler_data;
    irqd_set_trigger_type(&desc->irq_data, IRQ_TYPE_LEVEL_HIGH);
    EXPECT_EQ(irq_get_irq_data(v), &desc->irq_data);
    EXPECT_EQ(irq_get_chip(v), &no_irq_chip);
    EXPECT_EQ(irq_get_chip_data(v), &chip_data);
    EXPECT_EQ(irq_get_handler_data(v), &handler_data);
    EXPECT_EQ(irq_get_msi_desc(v), nullptr);
    EXPECT_EQ(irq_get_trigger_type(v), (u32)IRQ_TYPE_LEVEL_HIGH);
    EXPECT_EQ(irq_get_irq_data(v + 1), nullptr);
    EXPECT_EQ(irq_get_chip(v + 1), nullptr);
    EXPECT_EQ(irq_get_trigger_type(v + 1), (u32)IRQ_TYPE_NONE);
    irq_free_desc(v);
}

static int hook_calls;
static void count_hook(void) { hook_calls++; }

TEST_F(IrqDescTest, ResetRefusesWhileAnActionIsInstalled)
{
    irqsim_register_reset_hook(count_hook);
    irqsim_register_reset_hook(count_hook);  // idempotent
    int v = irq_alloc_descs(-1, 1, 3, -1);
    struct irqaction fake = {};
    irq_to_desc(v + 1)->action = &fake;
    hook_calls = 0;
    EXPECT_EQ(irqsim_core_reset(), -EBUSY);
    EXPECT_EQ(hook_calls, 0);
    EXPECT_EQ(CountLogs({"reset refused", "virq " + std::to_string(v + 1)}), 1u);
    EXPECT_EQ(irq_get_nr_allocated(), 3u);  // nothing changed
    irq_to_desc(v + 1)->action = nullptr;
    EXPECT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(hook_calls, 1);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
    EXPECT_EQ(irq_to_desc(v), nullptr);
    // the space starts over at 1
    EXPECT_EQ(irq_alloc_desc(-1), 1);
}

}  // namespace
