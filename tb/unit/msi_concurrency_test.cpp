// SPDX-License-Identifier: MIT
// Concurrent on-demand MSI allocation and free: 8 threads x 10,000 random
// msi_domain_alloc_irq_at / msi_domain_free_irqs_range operations on 4 devices
// (threads share devices) over one MSI domain whose parent has fewer hwirqs
// than the devices have indices, so exhaustion (-ENOSPC) and index clashes
// (-EBUSY) happen all the time.
//
// A shared ownership table (atomics) checks after every allocation that the
// virq maps back to (device, index) and that no index and no virq is owned by
// two threads at once.  Also built with TSan.  Seed: IRQSIM_SEED.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/msi.h>

#include "unit/fake_msi_parent.h"
#include "unit/test_support.h"

namespace {

constexpr unsigned kThreads = 8;
constexpr unsigned kOpsPerThread = 10000;
constexpr unsigned kDevices = 4;
constexpr unsigned kHwsize = 32;     // indices per device
constexpr unsigned kParentCap = 48;  // < kDevices * kHwsize: the parent runs out

struct LogCounter {
    std::atomic<unsigned> lines{0};
    std::mutex lock;
    std::vector<std::string> unexpected;  // lines that are neither EBUSY, ENOSPC nor their context
    static void Hook(int level, const char* msg, void* ctx)
    {
        auto* self = static_cast<LogCounter*>(ctx);
        self->lines++;
        std::string s(msg);
        bool expected = level > LOGLEVEL_WARNING || s.find("already") != std::string::npos ||
                        s.find("-28") != std::string::npos ||
                        s.find("all 32 indices in use") != std::string::npos;
        if (!expected) {
            std::lock_guard<std::mutex> g(self->lock);
            if (self->unexpected.size() < 20)
                self->unexpected.push_back(s);
        }
    }
};

class MsiConcurrencyTest : public CoreTest {};

TEST_F(MsiConcurrencyTest, RandomAllocFreeManyThreads)
{
    const unsigned seed = Seed(20261122u);
    LogCounter logc;
    irqsim_log_set_hook(&LogCounter::Hook, &logc);

    FakeMsiParent parent("CC-PARENT", kParentCap);
    ASSERT_NE(parent.domain, nullptr);
    FakeMsiDevChip devchip;
    struct msi_domain_ops ops {};
    struct msi_domain_info info {};
    info.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
    info.ops = &ops;
    info.chip = &devchip.chip;
    info.chip_data = &devchip;
    info.hwsize = kHwsize;
    info.handler = handle_edge_irq;
    struct fwnode_handle fw {
        "CC-MSI", nullptr
    };
    struct irq_domain* domain = msi_create_irq_domain(&fw, &info, parent.domain);
    ASSERT_NE(domain, nullptr);

    struct device devs[kDevices] = {};
    std::string names[kDevices];
    for (unsigned i = 0; i < kDevices; i++) {
        names[i] = "ccdev" + std::to_string(i);
        devs[i].name = names[i].c_str();
        dev_set_msi_domain(&devs[i], domain);
    }

    // owner of (dev, index) and of each virq: 0 = free, else thread id + 1
    std::vector<std::atomic<unsigned>> index_owner(kDevices * kHwsize);
    std::vector<std::atomic<unsigned>> virq_owner(IRQ_MAX_VIRQS);
    for (auto& a : index_owner)
        a.store(0);
    for (auto& a : virq_owner)
        a.store(0);
    std::atomic<unsigned> failures{0}, allocs{0}, frees{0}, ebusy{0}, enospc{0};
    std::mutex fail_lock;
    std::string first_failure;
    auto fail = [&](const std::string& what) {
        if (failures++ == 0) {
            std::lock_guard<std::mutex> g(fail_lock);
            first_failure = what;
        }
    };

    auto worker = [&](unsigned tid) {
        std::mt19937 rng(seed * 7919u + tid);
        struct Owned {
            unsigned dev, index, virq;
        };
        std::vector<Owned> mine;
        // threads 0-3 mostly on their "own" device, 4-7 on any: same and different devices mix
        for (unsigned op = 0; op < kOpsPerThread; op++) {
            unsigned dev = tid < 4 && rng() % 4 ? tid : rng() % kDevices;
            // up to 64 held: more than the parent has, so one thread alone can exhaust it
            // (ENOSPC is reached even when the threads happen to run one after another)
            bool do_alloc = mine.empty() || (mine.size() < 64 && rng() % 100 < 55);
            if (do_alloc) {
                unsigned want = rng() % 3 == 0 ? MSI_ANY_INDEX : rng() % kHwsize;
                struct msi_map m = msi_domain_alloc_irq_at(&devs[dev], 0, want, nullptr, nullptr);
                if (m.index < 0) {
                    if (m.virq != 0)
                        fail("failure with a virq");
                    if (m.index == -EBUSY)
                        ebusy++;
                    else if (m.index == -ENOSPC)
                        enospc++;
                    else
                        fail("unexpected error " + std::to_string(m.index));
                    continue;
                }
                allocs++;
                unsigned index = (unsigned)m.index, virq = (unsigned)m.virq;
                if (want != MSI_ANY_INDEX && index != want)
                    fail("index mismatch");
                if (virq == 0 || virq >= IRQ_MAX_VIRQS) {
                    fail("bad virq");
                    continue;
                }
                unsigned expect = 0;
                if (!index_owner[dev * kHwsize + index].compare_exchange_strong(expect, tid + 1))
                    fail("index " + std::to_string(index) + " of dev " + std::to_string(dev) +
                         " owned twice (" + std::to_string(expect) + ")");
                expect = 0;
                if (!virq_owner[virq].compare_exchange_strong(expect, tid + 1))
                    fail("virq " + std::to_string(virq) + " owned twice");
                // the virq maps back to (dev, index)
                if (msi_get_virq(&devs[dev], index) != virq)
                    fail("msi_get_virq mismatch");
                struct msi_desc* desc = irq_get_msi_desc(virq);
                if (!desc || desc->dev != &devs[dev] || desc->msi_index != index || desc->irq != virq)
                    fail("msi_desc mismatch");
                struct irq_data* d = irq_get_irq_data(virq);
                if (!d || irq_find_mapping(domain, d->hwirq) != virq)
                    fail("revmap mismatch");
                mine.push_back(Owned{dev, index, virq});
            } else {
                size_t k = rng() % mine.size();
                Owned o = mine[k];
                mine[k] = mine.back();
                mine.pop_back();
                // give up ownership before the layer can hand the vector to someone else
                virq_owner[o.virq].store(0);
                index_owner[o.dev * kHwsize + o.index].store(0);
                msi_domain_free_irqs_range(&devs[o.dev], 0, o.index, o.index);
                frees++;
            }
        }
        for (auto& o : mine) {
            virq_owner[o.virq].store(0);
            index_owner[o.dev * kHwsize + o.index].store(0);
            msi_domain_free_irqs_range(&devs[o.dev], 0, o.index, o.index);
            frees++;
        }
    };

    std::vector<std::thread> threads;
    for (unsigned t = 0; t < kThreads; t++)
        threads.emplace_back(worker, t);
    for (auto& t : threads)
        t.join();

    std::printf("seed %u: %u allocs, %u frees, %u -EBUSY, %u -ENOSPC, %u log lines\n", seed, allocs.load(),
                frees.load(), ebusy.load(), enospc.load(), logc.lines.load());
    EXPECT_EQ(failures.load(), 0u) << "first failure: " << first_failure << " (IRQSIM_SEED=" << seed << ")";
    EXPECT_TRUE(logc.unexpected.empty()) << logc.unexpected.front();
    EXPECT_EQ(allocs.load(), frees.load());
    EXPECT_GT(allocs.load(), kThreads * kOpsPerThread / 4);
    EXPECT_GT(ebusy.load(), 0u);
    EXPECT_GT(enospc.load(), 0u);
    for (unsigned i = 0; i < kDevices; i++)
        for (unsigned idx = 0; idx < kHwsize; idx++)
            EXPECT_EQ(msi_get_virq(&devs[i], idx), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(parent.nr_used, 0u);
    EXPECT_EQ(domain->mapcount, 0u);
    for (auto& d : devs)
        msi_device_data_release(&d);
    irqsim_log_set_hook(nullptr, nullptr);
    // CoreTest::TearDown resets and detaches its own hook
}

}  // namespace
