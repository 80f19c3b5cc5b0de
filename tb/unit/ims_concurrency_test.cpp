// SPDX-License-Identifier: MIT
// IMS slot management under concurrency: 6 threads x 1,500 random
// ims_request_slot / ims_request_slot_at / ims_release_slot on one IMS device
// (16 slots) over an MSI parent with 12 vectors, so both the slots (-ENOSPC,
// -EBUSY) and the parent (-ENOSPC) run out all the time.  An ownership table
// checks that no slot and no virq is ever held twice and that every virq maps
// back to its slot; at the end everything is free again (slots, parent, descs).
// Register accesses go to a mutex-protected register file.  Also built with
// TSan.  Seed: IRQSIM_SEED.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqsim-ims.h>
#include <linux/msi.h>
#include <linux/of.h>
#include <linux/of_platform.h>

#include "irqsim_soc_map_regs.h"

#include "unit/dtb_util.h"
#include "unit/fake_msi_parent.h"
#include "unit/test_support.h"

namespace {

constexpr unsigned kThreads = 6;
constexpr unsigned kOps = 1500;
constexpr unsigned kSlots = 16;
constexpr unsigned kParentCap = 12;
constexpr uint64_t kBase = IRQSIM_SOC_MAP_IMS_BASE;  // where the tree below puts it

// a register file several threads may use at once
struct LockedRegs {
    std::mutex lock;
    std::map<uint64_t, uint32_t> regs;

    static u32 Read32(void* ctx, phys_addr_t a)
    {
        auto* self = static_cast<LockedRegs*>(ctx);
        std::lock_guard<std::mutex> g(self->lock);
        auto it = self->regs.find(a);
        return it == self->regs.end() ? 0 : it->second;
    }
    static void Write32(void* ctx, phys_addr_t a, u32 v)
    {
        auto* self = static_cast<LockedRegs*>(ctx);
        std::lock_guard<std::mutex> g(self->lock);
        self->regs[a] = v;
    }
};

struct QuietLog {
    std::atomic<unsigned> unexpected{0};
    std::mutex lock;
    std::string first;
    static void Hook(int level, const char* msg, void* ctx)
    {
        auto* self = static_cast<QuietLog*>(ctx);
        std::string s(msg);
        bool expected = level > LOGLEVEL_WARNING || s.find("slots in use") != std::string::npos ||
                        s.find("already requested") != std::string::npos ||
                        s.find("(-28)") != std::string::npos || s.find("-28") != std::string::npos;
        if (!expected && self->unexpected++ == 0) {
            std::lock_guard<std::mutex> g(self->lock);
            self->first = s;
        }
    }
};

irqreturn_t NeverRuns(int, void*) { return IRQ_HANDLED; }

class ImsConcurrencyTest : public CoreTest {};

TEST_F(ImsConcurrencyTest, RandomRequestReleaseManyThreads)
{
    const unsigned seed = Seed(20261123u);
    std::string err;
    auto blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	#address-cells = <2>;
	#size-cells = <2>;
	fake: fake-msi {
	};
	ims@a600000 {
		compatible = "irqsim,ims";
		reg = <0x0 0x0a600000 0x0 0x1000>;
		msi-parent = <&fake>;
	};
};
)",
                                        &err);
    ASSERT_FALSE(blob.empty()) << err;
    struct device_node* root = of_fdt_unflatten(blob.data(), blob.size());
    ASSERT_NE(root, nullptr);
    struct device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims");
    ASSERT_NE(np, nullptr);

    LockedRegs regs;
    regs.regs[kBase + IMS_ID] = (IMS_ID_MAGIC << 16) | kSlots;
    struct irqsim_io_ops ops {};
    ops.read32 = LockedRegs::Read32;
    ops.write32 = LockedRegs::Write32;
    irqsim_io_install(&ops, &regs);

    FakeMsiParent parent("CC-IMS-PARENT", kParentCap);
    struct msi_parent_ops pops {};
    pops.prefix = "CC-";
    pops.required_flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
    parent.domain->msi_parent_ops = &pops;
    parent.domain->fwnode = of_fwnode_handle(of_find_node_by_path("/fake-msi"));
    // the platform driver binds when the bus is populated
    ASSERT_EQ(of_platform_default_populate(root, nullptr, nullptr), 0) << AllLogs();
    ims_device* ims = nullptr;
    ASSERT_EQ(ims_get(np, &ims), 0) << AllLogs();
    unsigned descs = irq_get_nr_allocated();

    QuietLog logq;
    irqsim_log_set_hook(&QuietLog::Hook, &logq);

    std::vector<std::atomic<unsigned>> slot_owner(kSlots);
    std::vector<std::atomic<unsigned>> virq_owner(IRQ_MAX_VIRQS);
    for (auto& a : slot_owner)
        a.store(0);
    for (auto& a : virq_owner)
        a.store(0);
    std::atomic<unsigned> failures{0}, ok{0}, busy{0}, nospc{0};
    std::mutex fail_lock;
    std::string first_failure;
    auto fail = [&](const std::string& what) {
        if (failures++ == 0) {
            std::lock_guard<std::mutex> g(fail_lock);
            first_failure = what;
        }
    };

    auto worker = [&](unsigned tid) {
        irqsim_set_this_cpu(tid % 4);
        std::mt19937 rng(seed * 7919u + tid);
        std::vector<std::pair<unsigned, unsigned>> mine;  // (slot, virq)
        for (unsigned op = 0; op < kOps; op++) {
            if (mine.empty() || (mine.size() < kSlots && rng() % 100 < 65)) {
                bool at = rng() % 3 == 0;
                unsigned want = rng() % kSlots;
                int virq = at ? ims_request_slot_at(ims, want, NeverRuns, "cc", &mine)
                              : ims_request_slot(ims, NeverRuns, "cc", &mine);
                if (virq < 0) {
                    if (virq == -EBUSY)
                        busy++;
                    else if (virq == -ENOSPC)
                        nospc++;
                    else
                        fail("unexpected error " + std::to_string(virq));
                    continue;
                }
                ok++;
                int slot = ims_virq_to_slot(ims, (unsigned)virq);
                if (slot < 0 || (unsigned)slot >= kSlots || (at && (unsigned)slot != want)) {
                    fail("virq " + std::to_string(virq) + " maps to slot " + std::to_string(slot));
                    continue;
                }
                unsigned expect = 0;
                if (!slot_owner[slot].compare_exchange_strong(expect, tid + 1))
                    fail("slot " + std::to_string(slot) + " held twice");
                expect = 0;
                if (!virq_owner[virq].compare_exchange_strong(expect, tid + 1))
                    fail("virq " + std::to_string(virq) + " held twice");
                mine.emplace_back((unsigned)slot, (unsigned)virq);
            } else {
                size_t k = rng() % mine.size();
                auto [slot, virq] = mine[k];
                mine.erase(mine.begin() + (long)k);
                slot_owner[slot].store(0);
                virq_owner[virq].store(0);
                if (ims_release_slot(ims, virq) != 0)
                    fail("release of virq " + std::to_string(virq) + " failed");
            }
        }
        for (auto [slot, virq] : mine) {
            slot_owner[slot].store(0);
            virq_owner[virq].store(0);
            if (ims_release_slot(ims, virq) != 0)
                fail("final release failed");
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < kThreads; t++)
        threads.emplace_back(worker, t);
    for (auto& t : threads)
        t.join();
    irqsim_log_set_hook(nullptr, nullptr);

    std::printf("[ seed     ] %u: %u requests granted, %u -EBUSY, %u -ENOSPC\n", seed, ok.load(), busy.load(),
                nospc.load());
    EXPECT_EQ(failures.load(), 0u) << first_failure;
    EXPECT_EQ(logq.unexpected.load(), 0u) << logq.first;
    EXPECT_GT(ok.load(), 100u);
    EXPECT_GT(nospc.load(), 0u) << "the parent/slots never ran out: the test lost its point";
    EXPECT_EQ(ims_slots_in_use(ims), 0u);
    EXPECT_EQ(parent.nr_used, 0u);
    EXPECT_EQ(irq_get_nr_allocated(), descs);
    for (unsigned s = 0; s < kSlots; s++)
        EXPECT_EQ(LockedRegs::Read32(&regs, kBase + IMS_SLOT_BASE + IMS_SLOT_STRIDE * s + IMS_SLOT_CTRL),
                  IMS_CTRL_MASK | IMS_CTRL_CLEAR)
            << "slot " << s << " left unmasked or not cleared";
    of_platform_depopulate(nullptr);
    irqsim_io_install(nullptr, nullptr);
    of_fdt_free(root);
}

}  // namespace
