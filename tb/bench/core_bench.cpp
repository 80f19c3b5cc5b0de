// SPDX-License-Identifier: MIT
// Micro-benchmarks of the C interrupt core (Google Benchmark), run in Release:
//
//  - BM_Dispatch3Level: ns per generic_handle_domain_irq() of one requested
//    interrupt through a three-level hierarchy (top -> mid -> root), fasteoi
//    flow, stacked chips forwarding eoi/mask/unmask to the root's no-op chip.
//  - BM_FindMapping/<kind>/<range>/<mapped>: ns per irq_find_mapping() on a
//    linear or tree domain.  Lookups cycle through a shuffled list of the
//    mapped hwirqs (so the caches see a realistic spread, not one entry).
//      range 1k and 64k: every hwirq mapped (dense).
//      range 1M: 64k hwirqs mapped with stride 16 across the range (a sparse
//      LPI-like space; the linear domain still has a 1M-entry array), plus a
//      dense 1M linear case (1M descs, ~0.5 GB while it runs).
//  - BM_MsiAllocFree/<preallocated>: ns per msi_domain_alloc_irq_at(MSI_ANY_INDEX)
//    + msi_domain_free_irqs_range() pair on an MSI domain over a fake parent,
//    with 0 or 1000 other vectors of the same device already allocated.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>

#include "unit/fake_msi_parent.h"

namespace {

void QuietLog(int, const char*, void*) {}

void CoreSetup()
{
    irqsim_log_set_hook(&QuietLog, nullptr);
    if (irqsim_core_reset() != 0)
        std::fprintf(stderr, "core_bench: reset refused\n");
    irqsim_set_nr_cpus(4);
    for (unsigned c = 0; c < 4; c++)
        set_cpu_online(c, true);
    irqsim_set_this_cpu(0);
}

void CoreTeardown()
{
    irqsim_core_reset();
    irqsim_log_set_hook(nullptr, nullptr);
}

// ---- dispatch through three levels -------------------------------------------------

struct Level {
    struct irq_chip chip {};
    struct irq_domain_ops ops {};
    struct fwnode_handle fwnode {};
    struct irq_domain* domain = nullptr;
    irq_flow_handler_t handler = nullptr;  // set on the top level only
};

int LevelAlloc(struct irq_domain* d, unsigned virq, unsigned nr, void* arg)
{
    auto* lv = static_cast<Level*>(d->host_data);
    irq_hw_number_t hw = *static_cast<irq_hw_number_t*>(arg);
    if (d->parent) {
        int ret = irq_domain_alloc_irqs_parent(d, virq, nr, arg);
        if (ret)
            return ret;
    }
    for (unsigned i = 0; i < nr; i++) {
        if (lv->handler)
            irq_domain_set_info(d, virq + i, hw + i, &lv->chip, lv, lv->handler, nullptr, nullptr);
        else
            irq_domain_set_hwirq_and_chip(d, virq + i, hw + i, &lv->chip, lv);
    }
    return 0;
}

void LevelFree(struct irq_domain* d, unsigned virq, unsigned nr) { irq_domain_free_irqs_common(d, virq, nr); }

irqreturn_t BenchHandler(int, void* dev)
{
    ++*static_cast<unsigned long*>(dev);
    return IRQ_HANDLED;
}

void BM_Dispatch3Level(benchmark::State& state)
{
    CoreSetup();
    Level lv[3];  // 0 root, 1 mid, 2 top
    const char* names[3] = {"ROOT", "MID", "TOP"};
    for (int i = 0; i < 3; i++) {
        lv[i].chip.name = names[i];
        lv[i].ops.alloc = LevelAlloc;
        lv[i].ops.free = LevelFree;
        lv[i].fwnode.name = names[i];
        if (i == 0) {
            lv[i].chip.irq_eoi = [](struct irq_data*) {};
            lv[i].chip.irq_mask = [](struct irq_data*) {};
            lv[i].chip.irq_unmask = [](struct irq_data*) {};
        } else {
            lv[i].chip.irq_eoi = irq_chip_eoi_parent;
            lv[i].chip.irq_mask = irq_chip_mask_parent;
            lv[i].chip.irq_unmask = irq_chip_unmask_parent;
        }
        lv[i].domain = irq_domain_create_hierarchy(i ? lv[i - 1].domain : nullptr, 0, i == 0 ? 1024 : 0,
                                                   &lv[i].fwnode, &lv[i].ops, &lv[i]);
    }
    lv[2].handler = handle_fasteoi_irq;
    irq_hw_number_t hw = 42;
    int virq = irq_domain_alloc_irqs(lv[2].domain, 1, -1, &hw);
    unsigned long count = 0;
    if (virq <= 0 || request_irq(virq, BenchHandler, 0, "bench", &count) != 0) {
        state.SkipWithError("setup failed");
        CoreTeardown();
        return;
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(generic_handle_domain_irq(lv[2].domain, hw));
    if (count != (unsigned long)state.iterations())
        state.SkipWithError("handler count mismatch");
    free_irq(virq, &count);
    CoreTeardown();
}
BENCHMARK(BM_Dispatch3Level);

// ---- irq_find_mapping -------------------------------------------------------------------

enum Kind { LINEAR = 0, TREE = 1 };

void BM_FindMapping(benchmark::State& state)
{
    const Kind kind = (Kind)state.range(0);
    const unsigned range = (unsigned)state.range(1);
    const unsigned mapped = (unsigned)state.range(2);
    const unsigned stride = range / mapped;
    CoreSetup();
    static struct irq_domain_ops ops {};
    struct fwnode_handle fw {
        kind == LINEAR ? "BENCH-LINEAR" : "BENCH-TREE", nullptr
    };
    struct irq_domain* d = kind == LINEAR ? irq_domain_create_linear(&fw, range, &ops, nullptr)
                                          : irq_domain_create_tree(&fw, &ops, nullptr);
    std::vector<irq_hw_number_t> keys;
    keys.reserve(mapped);
    for (unsigned i = 0; i < mapped; i++) {
        irq_hw_number_t hw = (irq_hw_number_t)i * stride;
        if (!irq_create_mapping(d, hw)) {
            state.SkipWithError("mapping failed");
            CoreTeardown();
            return;
        }
        keys.push_back(hw);
    }
    std::shuffle(keys.begin(), keys.end(), std::mt19937(1));
    size_t i = 0, n = keys.size();
    unsigned long found = 0;
    for (auto _ : state) {
        found += irq_find_mapping(d, keys[i]) != 0;
        if (++i == n)
            i = 0;
    }
    if (found != (unsigned long)state.iterations())
        state.SkipWithError("lookup missed");
    state.counters["mapped"] = mapped;
    CoreTeardown();
}
BENCHMARK(BM_FindMapping)
    ->ArgNames({"tree", "range", "mapped"})
    ->Args({LINEAR, 1 << 10, 1 << 10})
    ->Args({TREE, 1 << 10, 1 << 10})
    ->Args({LINEAR, 1 << 16, 1 << 16})
    ->Args({TREE, 1 << 16, 1 << 16})
    ->Args({LINEAR, 1 << 20, 1 << 16})
    ->Args({TREE, 1 << 20, 1 << 16})
    ->Args({LINEAR, 1 << 20, 1 << 20})
    ->Unit(benchmark::kNanosecond);

// ---- MSI alloc + free ---------------------------------------------------------------------

void BM_MsiAllocFree(benchmark::State& state)
{
    const unsigned pre = (unsigned)state.range(0);
    CoreSetup();
    {
        FakeMsiParent parent("BENCH-PARENT", 4096);
        FakeMsiDevChip devchip;
        struct msi_domain_info info {};
        info.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
        info.chip = &devchip.chip;
        info.chip_data = &devchip;
        info.handler = handle_edge_irq;
        struct fwnode_handle fw {
            "BENCH-MSI", nullptr
        };
        struct irq_domain* d = msi_create_irq_domain(&fw, &info, parent.domain);
        struct device dev {};
        dev.name = "benchdev";
        dev_set_msi_domain(&dev, d);
        if (pre && msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, (int)pre) != 0) {
            state.SkipWithError("prealloc failed");
        } else {
            for (auto _ : state) {
                struct msi_map m =
                    msi_domain_alloc_irq_at(&dev, MSI_DEFAULT_DOMAIN, MSI_ANY_INDEX, nullptr, nullptr);
                if (m.index < 0) {
                    state.SkipWithError("alloc failed");
                    break;
                }
                msi_domain_free_irqs_range(&dev, MSI_DEFAULT_DOMAIN, (unsigned)m.index, (unsigned)m.index);
            }
        }
        msi_device_data_release(&dev);
        CoreTeardown();
    }
}
BENCHMARK(BM_MsiAllocFree)->ArgName("preallocated")->Arg(0)->Arg(1000);

}  // namespace
