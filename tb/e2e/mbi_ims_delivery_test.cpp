// SPDX-License-Identifier: MIT
// MBI and the IMS device end to end (label e2e; suites named Contract*: label
// contract).  MBI: a slot's composed message {GICD_SETSPI_NSR, INTID} written by
// the CPU bus master and sent by the IMS device reaches the handler on the
// vector's CPU.  IMS: masked slot fired -> PENDING in the device, nothing
// delivered; unmasked -> delivered exactly once; every slot to random CPUs
// under the scoreboard rule; the same driver over each MSI parent (MBI,
// DirectLPI, the INTA doorbell: skipped with the reason while a parent is not
// in the tree/driver).  Contract: a message to an unmapped address is DECERR,
// counted by the device, and nothing hangs; the device's "address written
// while unmasked" check fires (proving the driver-rule check can fail).
#include <algorithm>
#include <random>

#include "e2e_support.h"
#include "fabric_coverage.h"
#include "ims_port.h"
#include "ti_intr_regs.h"

extern "C" {
#include <linux/of.h>
#include <linux/irqchip/arm-gic-v3-mbi.h>
#include <linux/irqsim-ims.h>
#include <linux/msi.h>
}

namespace irqsim::e2e {
namespace {

class ImsSession : public SessionTest {
protected:
    uint32_t set_spi() const { return gicd() + GICD_SETSPI_NSR; }
    void TearDown() override
    {
        if (ims_ && HasFailure())
            std::printf("[ ims      ] domain %s, parent %s, sent %u, errors %u\n",
                        ims_->domain_name().c_str(), ims_->parent_name().c_str(), ims_->sent(),
                        ims_->errors());
        ims_.reset();
        SessionTest::TearDown();
    }
    // boot the test topology with the IMS device's MSI parent set to `parent`
    // ("" = the tree's: MBI)
    void boot_ims(uint64_t dflt_seed, const std::string& parent = "")
    {
        SessionConfig cfg = test_session_config(kTestTopology, test_seed(dflt_seed));
        cfg.ims_parent = parent;
        ASSERT_NO_FATAL_FAILURE(boot_config(cfg));
        std::string err;
        ims_ = std::make_unique<ImsPort>(*session_);
        ASSERT_TRUE(ims_->probe(&err))
            << "IMS device over '" << (parent.empty() ? "the tree's parent" : parent) << "': " << err;
    }
    // the GIC's MBI SPIs as the tree states them (mbi-ranges = <first count>)
    void tree_mbi_range(unsigned* first, unsigned* count)
    {
        struct device_node* gic = of_find_compatible_node(nullptr, nullptr, "arm,gic-v3");
        ASSERT_NE(gic, nullptr);
        u32 r[2] = {0, 0};
        ASSERT_EQ(of_property_count_u32_elems(gic, "mbi-ranges"), 2) << "one MBI range";
        ASSERT_EQ(of_property_read_u32_array(gic, "mbi-ranges", r, 2), 0);
        *first = r[0];
        *count = r[1];
    }
    ImsPort& ims() { return *ims_; }
    std::unique_ptr<ImsPort> ims_;
};

// ---- MBI --------------------------------------------------------------------------

class MbiDelivery : public ImsSession {};

TEST_F(MbiDelivery, ComposedMessageWrittenByTheCpuBusMaster)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(3));
    IRQSIM_NEED_CPUS(3);
    unsigned mbi_first = 0, mbi_count = 0;
    ASSERT_NO_FATAL_FAILURE(tree_mbi_range(&mbi_first, &mbi_count));
    EXPECT_EQ(ims().parent_name(), "GICv3-MBI");
    EXPECT_EQ(gic_v3_mbi_count(), mbi_count);
    int slot = ims().request(2);
    ASSERT_GE(slot, 0);
    unsigned virq = ims().slot(slot).virq;
    struct msi_desc* desc = irq_get_msi_desc(virq);
    ASSERT_NE(desc, nullptr);
    EXPECT_EQ(desc->msg.address_lo, set_spi());
    EXPECT_EQ(desc->msg.address_hi, 0u);
    unsigned intid = desc->msg.data;
    EXPECT_GE(intid, mbi_first);
    EXPECT_LT(intid, mbi_first + mbi_count);
    // the device holds the same message
    EXPECT_EQ(rd32(s().soc().ims_base + IMS_SLOT_BASE + IMS_SLOT_STRIDE * slot + IMS_SLOT_ADDR_LO),
              set_spi());
    EXPECT_EQ(rd32(s().soc().ims_base + IMS_SLOT_BASE + IMS_SLOT_STRIDE * slot + IMS_SLOT_DATA), intid);
    for (int k = 0; k < 5; k++) {
        ASSERT_EQ(ims().write_message(slot), 0);
        EXPECT_TRUE(s().drain(20000));
    }
    EXPECT_EQ(ims().slot(slot).handled, 5u);
    EXPECT_GT(sim().hops().events(Hop::SpiPending).size(), 0u);
    EXPECT_TRUE(verdict_passes());
    auto runs = s().scoreboard().runs();
    EXPECT_EQ(runs[std::make_pair(virq, 2u)], 5u) << "handled on the affinity CPU";
}

TEST_F(MbiDelivery, SlotMessageSentByTheImsDevice)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(4));
    IRQSIM_NEED_CPUS(2);
    int slot = ims().request(1);
    ASSERT_GE(slot, 0);
    for (int k = 0; k < 4; k++) {
        ASSERT_EQ(ims().fire(slot), 0);
        EXPECT_TRUE(s().drain(20000));
    }
    EXPECT_EQ(ims().slot(slot).handled, 4u);
    EXPECT_EQ(ims().sent(), 4u);
    EXPECT_EQ(ims().errors(), 0u);
    EXPECT_TRUE(verdict_passes());
    auto lat = ims().latencies();
    ASSERT_EQ(lat.size(), 4u);
    std::printf("[ result   ] trigger write -> handler entry: %llu cycles (first)\n",
                static_cast<unsigned long long>(lat[0]));
}

// ---- IMS slots ----------------------------------------------------------------------

class ImsSlots : public ImsSession {};

TEST_F(ImsSlots, MaskedFiredIsPendingUnmaskedDeliveredOnce)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(5));
    IRQSIM_NEED_CPUS(4);
    int slot = ims().request(3);
    ASSERT_GE(slot, 0);
    ims().disable(slot);
    EXPECT_EQ(ims().ctrl(slot), IMS_CTRL_MASK);
    for (int k = 0; k < 3; k++) {
        ASSERT_EQ(ims().fire(slot), 0);
        s().run(300);
    }
    EXPECT_EQ(ims().ctrl(slot), IMS_CTRL_MASK | IMS_CTRL_PENDING) << "fired while masked: PENDING";
    EXPECT_EQ(ims().sent(), 0u) << "a masked slot sends nothing";
    EXPECT_EQ(ims().slot(slot).handled, 0u);
    ims().enable(slot);
    EXPECT_TRUE(s().drain(20000));
    s().run(2000);
    EXPECT_EQ(ims().slot(slot).handled, 1u) << "three fires while masked: delivered exactly once";
    EXPECT_EQ(ims().ctrl(slot), 0u);
    EXPECT_EQ(ims().sent(), 1u);
    EXPECT_TRUE(verdict_passes());
}

// A slot fired while masked and then released: its next owner gets nothing
// from it (the driver discards the slot's message on release).
TEST_F(ImsSlots, ReleasedWhilePendingGivesTheNextOwnerNothing)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(6));
    IRQSIM_NEED_CPUS(3);
    int slot = ims().request(1);
    ASSERT_GE(slot, 0);
    ims().disable(slot);
    ASSERT_EQ(ims().fire(slot), 0);
    ASSERT_EQ(ims().fire(slot), 0);
    s().run(200);
    EXPECT_TRUE(ims().ctrl(slot) & IMS_CTRL_PENDING);
    ims().enable(slot);  // booked: the pending message arrives once
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(ims().slot(slot).handled, 1u);
    ims().disable(slot);
    ASSERT_EQ(ims().fire(slot), 0);
    s().run(200);
    ASSERT_EQ(ims().release(slot), 0);
    EXPECT_EQ(ims().ctrl(slot), IMS_CTRL_MASK) << "released: masked, nothing pending";
    int again = ims().request(2);
    ASSERT_EQ(again, slot) << "the driver hands out the lowest free slot";
    s().run(3000);
    EXPECT_EQ(ims().slot(again).handled, 0u) << "the old owner's fire reached the new owner";
    ASSERT_EQ(ims().fire(again), 0);
    EXPECT_TRUE(s().drain(20000));
    s().run(1000);
    EXPECT_EQ(ims().slot(again).handled, 1u);
    EXPECT_EQ(ims().sent(), 2u);
    EXPECT_TRUE(verdict_passes());
}

// Every slot to a random CPU; random fires (some merge while queued or pending
// at the GIC), some retargets; handlers only on the CPUs of each slot's affinity.
void many_slots(SocSession& s, ImsPort& ims, uint64_t seed, unsigned events, bool retarget)
{
    std::mt19937_64 rng(seed);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    std::vector<int> slots;
    for (unsigned k = 0; k < ims.num_slots(); k++) {
        int slot = ims.request(static_cast<int>(rnd(s.cpus())));
        ASSERT_GE(slot, 0) << "slot " << k;
        slots.push_back(slot);
    }
    EXPECT_EQ(ims.request(0), -ENOSPC) << "all slots taken";
    for (unsigned e = 0; e < events; e++) {
        unsigned slot = static_cast<unsigned>(slots[rnd(slots.size())]);
        if (retarget && rnd(20) == 0) {
            // move it; outstanding events may land on the old or the new CPU (a parent
            // that cannot move single vectors, the INTA, refuses: -EINVAL/-ENOSYS)
            int ret = ims.set_affinity(slot, rnd(s.cpus()));
            ASSERT_TRUE(ret == 0 || ret == -EINVAL || ret == -ENOSYS) << ret;
        }
        ASSERT_EQ(ims.fire(slot), 0);
        s.run(rnd(120));
        ASSERT_FALSE(s.sim().failed()) << s.sim().error();
    }
    EXPECT_TRUE(s.drain(400000));
    Verdict v = s.scoreboard().verdict();
    EXPECT_TRUE(v.pass()) << v.summary();
    EXPECT_EQ(v.delivered + v.coalesced, v.injected);
    if (!retarget) {
        for (const auto& [key, n] : s.scoreboard().runs()) {
            CpuSet eff = s.effective_cpus(key.first);
            if (eff.any()) {
                EXPECT_TRUE(eff.test(key.second))
                    << "virq " << key.first << " ran " << n << "x on cpu" << key.second;
            }
        }
    }
    EXPECT_EQ(ims.errors(), 0u);
    auto lat = compute_latency(ims.latencies());
    std::printf("[ result   ] %s; device trigger -> handler median %llu p99 %llu max %llu cycles\n",
                v.summary().c_str(), static_cast<unsigned long long>(lat.median),
                static_cast<unsigned long long>(lat.p99), static_cast<unsigned long long>(lat.max));
}

TEST_F(ImsSlots, ManySlotsReachTheirAffinityCpus)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(21));
    many_slots(s(), ims(), seed_, 600, false);
    EXPECT_TRUE(verdict_passes());
}

TEST_F(ImsSlots, RetargetUnderTrafficLosesNothing)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(22));
    many_slots(s(), ims(), seed_, 400, true);
    EXPECT_TRUE(verdict_passes());
}

// ---- the same driver over each MSI parent ------------------------------------------

class ImsOverParent : public ImsSession, public ::testing::WithParamInterface<const char*> {
protected:
    // boot the test topology with the IMS device's msi-parent swapped to GetParam()
    void boot_over_parent(uint64_t default_seed)
    {
        ASSERT_NO_FATAL_FAILURE(boot_ims(default_seed, GetParam()));
        std::printf("[ parent   ] %s -> domain %s\n", ims().parent_name().c_str(),
                    ims().domain_name().c_str());
    }
};

TEST_P(ImsOverParent, SlotsDeliveredMaskedPendingOnce)
{
    ASSERT_NO_FATAL_FAILURE(boot_over_parent(31));
    many_slots(s(), ims(), seed_, 300, false);
    // masked -> pending -> unmasked: once
    int slot = 0;
    ims().disable(static_cast<unsigned>(slot));
    ASSERT_EQ(ims().fire(slot), 0);
    ASSERT_EQ(ims().fire(slot), 0);
    s().run(500);
    EXPECT_TRUE(ims().ctrl(slot) & IMS_CTRL_PENDING);
    uint64_t before = ims().slot(slot).handled;
    ims().enable(static_cast<unsigned>(slot));
    EXPECT_TRUE(s().drain(40000));
    s().run(2000);
    EXPECT_EQ(ims().slot(slot).handled, before + 1);
    EXPECT_TRUE(verdict_passes());
}

TEST_P(ImsOverParent, RetargetUnderTrafficLosesNothing)
{
    ASSERT_NO_FATAL_FAILURE(boot_over_parent(32));
    many_slots(s(), ims(), seed_, 400, true);
    EXPECT_TRUE(verdict_passes());
}

// Functional coverage books an IMS vector's deliveries under its own path
// ("ims-mbi", "ims-lpi", "ims-inta"), not under its parent's.
TEST_P(ImsOverParent, CoverageNamesTheImsPath)
{
    ASSERT_NO_FATAL_FAILURE(boot_over_parent(33));
    int slot = ims().request();
    ASSERT_GE(slot, 0);
    const std::string parent = GetParam();
    EXPECT_EQ(FabricCoverageProbe::path_of(ims().slot(static_cast<unsigned>(slot)).virq), "ims-" + parent);
}

INSTANTIATE_TEST_SUITE_P(Parents, ImsOverParent, ::testing::Values("mbi", "lpi", "inta"),
                         [](const ::testing::TestParamInfo<const char*>& i) { return std::string(i.param); });

// ---- contract ------------------------------------------------------------------------

class ContractIms : public ImsSession {};

// The device's own bus master hitting nothing: DECERR from the fabric, counted,
// the device goes on (a later message is delivered).  An address above 4 GB is
// refused by the device itself (counted as DECERR), a secure-only register answers SLVERR.
TEST_F(ContractIms, MessageToUnmappedAddressIsDecerrCountedNoHang)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(41));
    IRQSIM_NEED_CPUS(2);
    int good = ims().request(1);
    ASSERT_GE(good, 0);
    const unsigned rogue = ims().num_slots() - 1;  // not requested: masked, driver-free
    auto reg = [&](unsigned off) { return IMS_SLOT_BASE + IMS_SLOT_STRIDE * rogue + off; };
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_ADDR_LO), s().soc().ims_base + 0x100000),
              0u);  // reserved: no slave
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_DATA), 1), 0u);
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), 0), 0u);  // unmask
    ASSERT_EQ(ims().write_reg(IMS_TRIGGER, rogue), 0u);
    s().run(200);
    EXPECT_EQ(ims().errors(), 1u);
    EXPECT_EQ(ims().last_error(), 0x80000000u | (rogue << 8) | 3u) << "valid, slot, DECERR";
    EXPECT_EQ(ims().status(), 0u) << "the device is idle again";
    // secure-only register (INTR MUXCNTL 0): SLVERR
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), IMS_CTRL_MASK), 0u);
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_ADDR_LO), s().soc().intr_base + TI_INTR_MUXCNTL_OFFSET), 0u);
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), 0), 0u);
    ASSERT_EQ(ims().write_reg(IMS_TRIGGER, rogue), 0u);
    s().run(200);
    EXPECT_EQ(ims().errors(), 2u);
    EXPECT_EQ(ims().last_error() & 3u, 2u) << "SLVERR";
    EXPECT_EQ(rd32(s().soc().intr_base + TI_INTR_MUXCNTL_OFFSET), 0u) << "the secure register did not change";
    // above 4 GB: not sent at all
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), IMS_CTRL_MASK), 0u);
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_ADDR_HI), 1), 0u);
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), 0), 0u);
    ASSERT_EQ(ims().write_reg(IMS_TRIGGER, rogue), 0u);
    s().run(200);
    EXPECT_EQ(ims().errors(), 3u);
    EXPECT_EQ(ims().sent(), 0u);
    // a real slot still works
    ASSERT_EQ(ims().fire(good), 0);
    EXPECT_TRUE(s().drain(20000));
    EXPECT_EQ(ims().slot(good).handled, 1u);
    EXPECT_EQ(ims().sent(), 1u);
    // ERRORS clears on write
    ASSERT_EQ(ims().write_reg(IMS_ERRORS, 0), 0u);
    EXPECT_EQ(ims().errors(), 0u);
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), IMS_CTRL_MASK), 0u);
    EXPECT_TRUE(verdict_passes());
}

// The device checks the driver rule "mask a slot before changing its message":
// a write to an unmasked slot's address trips the RTL check (the check can fail).
TEST_F(ContractIms, MessageWriteWhileUnmaskedTripsTheDeviceCheck)
{
    ASSERT_NO_FATAL_FAILURE(boot_ims(42));
    const unsigned rogue = ims().num_slots() - 1;
    auto reg = [&](unsigned off) { return IMS_SLOT_BASE + IMS_SLOT_STRIDE * rogue + off; };
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_DATA), 5), 0u);  // masked: fine
    EXPECT_FALSE(sim().failed()) << sim().error();
    ASSERT_EQ(ims().write_reg(reg(IMS_SLOT_CTRL), 0), 0u);
    ims().write_reg(reg(IMS_SLOT_DATA), 6);  // unmasked: the rule is broken
    EXPECT_TRUE(sim().failed());
    EXPECT_NE(sim().error().find("IMS: slot"), std::string::npos) << sim().error();
    // the session ends here: its RTL-check verdict is this test's expectation
    ims_.reset();
    session_.reset();
}

}  // namespace
}  // namespace irqsim::e2e
