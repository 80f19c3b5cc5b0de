// SPDX-License-Identifier: MIT
// INTA-MSI vectors allocated, requested, released and freed per ring on
// demand from 4 threads at once (rings shared between threads), on an INTA
// with few VINTs so VINT open/close races with grouping.  Checks that no
// ring, virq, (VINT, bit) or global event is ever owned twice and that all is
// given back.  Also built with TSan.  Seed: IRQSIM_SEED.
#include <atomic>
#include <random>
#include <thread>

#include "ti_test_fixture.h"

namespace {

class TiIntaMsiConcurrencyTest : public K3Test {};

irqreturn_t Nop(int, void*) { return IRQ_HANDLED; }

// thread-safe log hook: CoreTest's capture is single-threaded
struct ThreadLog {
    std::mutex m;
    std::vector<std::string> unexpected;
    static void Hook(int level, const char* msg, void* ctx)
    {
        auto* self = static_cast<ThreadLog*>(ctx);
        std::string s(msg);
        bool expected = level > LOGLEVEL_WARNING || s.find("already") != std::string::npos ||
                        s.find("no free") != std::string::npos || s.find("(-28)") != std::string::npos;
        std::lock_guard<std::mutex> g(self->m);
        if (!expected && self->unexpected.size() < 20)
            self->unexpected.push_back(s);
    }
};

TEST_F(TiIntaMsiConcurrencyTest, PerRingAllocFreeFromFourThreads)
{
    // fewer global events (48) and status bits (64) than rings requested at peak:
    // the exhaustion/unwind path races with the rest too
    fw.vint = {0, 1};
    fw.gevt = {0, 48};
    ProbeOk();
    // after probing on FakeGic, a thread-safe backend for the concurrent part
    LockedIo lio(regs);
    lio.Install();

    const unsigned seed = Seed(20261122);
    constexpr unsigned kThreads = 4, kRings = 256, kOps = 1500;
    std::vector<std::atomic<int>> owner(kRings);
    for (auto& o : owner)
        o = 0;
    std::atomic<int> errors{0}, allocated{0}, requested{0}, enospc{0}, live{0}, peak{0};
    std::mutex fail_m;
    std::string first_failure;
    auto fail = [&](const std::string& s) {
        std::lock_guard<std::mutex> g(fail_m);
        if (first_failure.empty())
            first_failure = s;
        errors++;
    };

    ThreadLog tlog;
    irqsim_log_set_hook(&ThreadLog::Hook, &tlog);
    std::atomic<unsigned> ready{0};
    auto worker = [&](unsigned t) {
        irqsim_set_this_cpu(t);
        // start together, so the threads' working sets overlap in time
        ready++;
        while (ready.load() < kThreads)
            std::this_thread::yield();
        std::mt19937 rng(seed + t);
        std::vector<unsigned> mine;  // rings this thread holds
        std::vector<unsigned> virq_of(kRings, 0);
        std::vector<bool> req(kRings, false);
        for (unsigned op = 0; op < kOps; op++) {
            bool do_alloc = mine.empty() || (rng() % 100 < 60 && mine.size() < 100);
            if (do_alloc) {
                unsigned ring = rng() % kRings;
                msi_map m = msi_domain_alloc_irq_at(&client, MSI_DEFAULT_DOMAIN, ring, nullptr, nullptr);
                if (m.index < 0) {
                    if (m.index != -EBUSY && m.index != -ENOSPC)
                        fail("alloc ring " + std::to_string(ring) + ": " + std::to_string(m.index));
                    if (m.virq != 0)
                        fail("failed alloc returned a virq");
                    continue;
                }
                int expect = 0;
                if (!owner[ring].compare_exchange_strong(expect, (int)t + 1))
                    fail("ring " + std::to_string(ring) + " given to two threads");
                allocated++;
                virq_of[ring] = (unsigned)m.virq;
                mine.push_back(ring);
                if (rng() % 100 < 85) {
                    int ret = request_irq((unsigned)m.virq, Nop, 0, "ring", &owner[ring]);
                    if (ret == 0) {
                        req[ring] = true;
                        requested++;
                        int now = ++live, p = peak.load();
                        while (now > p && !peak.compare_exchange_weak(p, now))
                            ;
                    } else if (ret == -ENOSPC) {
                        enospc++;
                    } else {
                        fail("request_irq: " + std::to_string(ret));
                    }
                }
            } else {
                size_t k = rng() % mine.size();
                unsigned ring = mine[k];
                mine[k] = mine.back();
                mine.pop_back();
                if (req[ring]) {
                    free_irq(virq_of[ring], &owner[ring]);
                    live--;
                }
                req[ring] = false;
                if (owner[ring].exchange(0) != (int)t + 1)
                    fail("ring " + std::to_string(ring) + " lost its owner");
                msi_domain_free_irqs_range(&client, MSI_DEFAULT_DOMAIN, ring, ring);
            }
        }
        for (unsigned ring : mine) {
            if (req[ring]) {
                free_irq(virq_of[ring], &owner[ring]);
                live--;
            }
            owner[ring] = 0;
            msi_domain_free_irqs_range(&client, MSI_DEFAULT_DOMAIN, ring, ring);
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < kThreads; t++)
        threads.emplace_back(worker, t);
    for (auto& th : threads)
        th.join();
    irqsim_set_this_cpu(0);
    irqsim_log_set_hook(nullptr, nullptr);  // CoreTest::TearDown copes without its hook

    EXPECT_TRUE(tlog.unexpected.empty()) << (tlog.unexpected.empty() ? "" : tlog.unexpected[0]);

    EXPECT_EQ(errors.load(), 0) << first_failure;
    EXPECT_TRUE(fw.violations.empty()) << (fw.violations.empty() ? "" : fw.violations[0]);
    EXPECT_GT(allocated.load(), 100);
    EXPECT_GT(requested.load(), 100);
    EXPECT_TRUE(fw.events.empty());
    EXPECT_TRUE(fw.routes.empty());
    for (unsigned r = 0; r < kRings; r++)
        EXPECT_EQ(msi_get_virq(&client, r), 0u) << r;
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
    std::printf("allocated %d requested %d enospc %d peak %d\n", allocated.load(), requested.load(),
                enospc.load(), peak.load());
    EXPECT_GT(enospc.load(), 0) << "the VINT never ran out: the exhaustion race was not exercised";
}

}  // namespace
