// SPDX-License-Identifier: MIT
// gic_set_type from several threads at once: 4 threads x 4,000 random
// irq_set_irq_type (level-high / edge-rising) on SPIs 32..95, interleaved so
// that every GICD_ICFGR word holds SPIs of every thread.  ICFGR is a
// read-modify-write of a word shared by 16 interrupts; without the driver's
// lock two threads lose each other's bits.  At the end each SPI's edge bit
// must be the type its thread set last.  The GIC is probed on FakeGic, then the
// registers move to a mutex-protected map whose ICFGR reads yield (to widen the
// window).  Also built with TSan.  Seed: IRQSIM_SEED.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include "unit/dtb_util.h"
#include "unit/fake_gic.h"
#include "unit/fake_ti.h"
#include "unit/test_support.h"

namespace {

constexpr unsigned kThreads = 4;
constexpr unsigned kOps = 4000;
constexpr unsigned kFirstSpi = 32, kSpis = 64;  // 32..95: below the MBI range

// the GIC's registers after probe, shared by the threads
struct LockedGicRegs {
    std::mutex lock;
    std::map<uint64_t, uint32_t> regs;
    irqsim_io_ops ops{};

    static bool IsIcfgr(uint64_t a)
    {
        return a >= FakeGic::kGicd + GICD_ICFGR &&
               a < FakeGic::kGicd + GIC_DIST_IGRPMODR_OFFSET;  // the ICFGR family ends where IGRPMODR begins
    }
    static u32 Read32(void* ctx, phys_addr_t a)
    {
        auto* self = static_cast<LockedGicRegs*>(ctx);
        u32 v;
        {
            std::lock_guard<std::mutex> g(self->lock);
            auto it = self->regs.find(a);
            v = it == self->regs.end() ? 0 : it->second;
        }
        if (IsIcfgr(a))
            std::this_thread::yield();  // another thread may now read the same word
        return v;
    }
    static void Write32(void* ctx, phys_addr_t a, u32 v)
    {
        auto* self = static_cast<LockedGicRegs*>(ctx);
        std::lock_guard<std::mutex> g(self->lock);
        self->regs[a] = v;
    }
    uint32_t Reg(uint64_t a)
    {
        std::lock_guard<std::mutex> g(lock);
        auto it = regs.find(a);
        return it == regs.end() ? 0 : it->second;
    }
};

class GicSetTypeConcurrencyTest : public CoreTest {};

TEST_F(GicSetTypeConcurrencyTest, IcfgrReadModifyWriteIsNotLost)
{
    const unsigned seed = Seed(20261207u);
    std::string err;
    std::vector<uint8_t> dtb = irqsim_test::DefaultDtb(&err);
    ASSERT_FALSE(dtb.empty()) << "dtc failed: " << err;
    FakeGic gic;
    TiRegs ti_regs;
    FakeTiSci ti_fw;
    gic.Install();
    TiOnFakeIo(gic.io, ti_regs);
    ti_fw.regs = &ti_regs;
    ti_fw.Install();
    ASSERT_EQ(irqchip_init_from_fdt(dtb.data(), dtb.size()), 0) << AllLogs();
    ASSERT_NE(gic_v3_domain(), nullptr);

    std::vector<unsigned> virq(kSpis);
    for (unsigned i = 0; i < kSpis; i++) {
        irq_fwspec fw{};
        fw.fwnode = gic_v3_domain()->fwnode;
        fw.param_count = 3;
        fw.param[0] = 0;  // SPI
        fw.param[1] = kFirstSpi + i - 32;
        fw.param[2] = IRQ_TYPE_LEVEL_HIGH;
        virq[i] = irq_create_fwspec_mapping(&fw);
        ASSERT_GT(virq[i], 0u) << i << AllLogs();
    }

    LockedGicRegs regs;
    regs.regs = gic.io.regs;
    regs.ops.read32 = LockedGicRegs::Read32;
    regs.ops.write32 = LockedGicRegs::Write32;
    irqsim_io_install(&regs.ops, &regs);

    std::vector<unsigned> last(kSpis, IRQ_TYPE_LEVEL_HIGH);
    std::atomic<unsigned> failures{0};
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < kThreads; t++) {
        threads.emplace_back([&, t] {
            std::mt19937 rng(seed + t);
            for (unsigned n = 0; n < kOps; n++) {
                // thread t owns SPIs t, t + kThreads, ...: each ICFGR word is shared
                unsigned i = t + kThreads * (rng() % (kSpis / kThreads));
                unsigned type = rng() & 1 ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_LEVEL_HIGH;
                if (irq_set_irq_type(virq[i], type) != 0)
                    failures++;
                last[i] = type;
            }
        });
    }
    for (auto& th : threads)
        th.join();
    std::printf("[ seed     ] %u\n", seed);
    EXPECT_EQ(failures.load(), 0u) << AllLogs();
    unsigned wrong = 0;
    for (unsigned i = 0; i < kSpis; i++) {
        unsigned hw = kFirstSpi + i;
        uint32_t w = regs.Reg(FakeGic::kGicd + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * (hw / 16));
        bool edge = (w >> (2 * (hw % 16) + 1)) & 1;
        wrong += edge != (last[i] == IRQ_TYPE_EDGE_RISING);
        EXPECT_EQ(edge, last[i] == IRQ_TYPE_EDGE_RISING) << "SPI " << hw;
    }
    EXPECT_EQ(wrong, 0u);
    irqsim_io_install(nullptr, nullptr);
    for (unsigned v : virq)
        irq_dispose_mapping(v);
}

}  // namespace
