// SPDX-License-Identifier: MIT
// The system-firmware model (sim/firmware.*): TI-SCI ops program INTR MUXCNTL,
// INTA IMAP and DMA RING_EVENT over the secure master; requests outside the
// host's ranges are refused with -EINVAL and leave the hardware untouched;
// double set -> -EBUSY; free of what is not set -> -EINVAL; the ops reach it
// through the installed ti_sci_handle.
#include "ti_test_support.h"

#include <cerrno>

using namespace titest;

class TiFirmware : public TiTest {
protected:
    irqsim::Firmware& fw() { return sim->firmware(); }
    void SetUp() override
    {
        TiTest::SetUp();
        fw().set_quiet(true);
    }
    // host ranges narrower than the hardware
    void narrow()
    {
        irqsim::FirmwareConfig c = fw().config();
        c.intr_out = {4, 8};        // outputs 4..11
        c.vint = {0, 4};            // VINTs 0..3
        c.global_event = {64, 64};  // events 64..127
        fw().configure(c);
    }
};

TEST_P(TiFirmware, InstalledHandleReachesTheModel)
{
    const ti_sci_handle* h = ti_sci_installed_handle();
    ASSERT_NE(h, nullptr);
    EXPECT_EQ(h, fw().handle());
    ti_sci_resource_desc d{};
    EXPECT_EQ(h->ops.rm_core_ops.get_range(h, kIntrId, TI_SCI_RESASG_SUBTYPE_IR_OUTPUT, &d), 0);
    EXPECT_EQ(d.start, 0);
    EXPECT_EQ(d.num, kIntrOut);
    EXPECT_EQ(d.num_sec, 0);
    EXPECT_EQ(h->ops.rm_core_ops.get_range(h, kIntaId, TI_SCI_RESASG_SUBTYPE_IA_VINT, &d), 0);
    EXPECT_EQ(d.num, kVints);
    EXPECT_EQ(h->ops.rm_core_ops.get_range(h, kIntaId, TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT, &d), 0);
    EXPECT_EQ(d.num, kEvents);
    EXPECT_EQ(h->ops.rm_core_ops.get_range(h, kDmaId, TI_SCI_RESASG_SUBTYPE_IA_VINT, &d), -EINVAL);
    EXPECT_EQ(h->ops.rm_irq_ops.set_irq(h, kIntrId, 5, kIntrId, 7), 0);
    EXPECT_EQ(ns_rd(muxcntl(7)), muxcntl_val(5));
    EXPECT_EQ(fw().stats().set_irq, 1u);
    EXPECT_EQ(fw().stats().get_range, 4u);
    EXPECT_EQ(fw().stats().refused, 1u);
}

TEST_P(TiFirmware, SetAndFreeIrq)
{
    EXPECT_EQ(fw().set_irq(kIntrId, kIntrLines + 1, kIntrId, 2), 0);
    EXPECT_EQ(ns_rd(muxcntl(2)), muxcntl_val(kIntrLines + 1));
    EXPECT_EQ(fw().set_irq(kIntrId, 3, kIntrId, 2), -EBUSY);
    EXPECT_EQ(ns_rd(muxcntl(2)), muxcntl_val(kIntrLines + 1));
    EXPECT_EQ(fw().free_irq(kIntrId, 3, kIntrId, 2), -EINVAL);  // other input
    EXPECT_EQ(fw().free_irq(kIntrId, 3, kIntrId, 9), -EINVAL);  // not set
    EXPECT_EQ(ns_rd(muxcntl(2)), muxcntl_val(kIntrLines + 1));
    EXPECT_EQ(fw().free_irq(kIntrId, kIntrLines + 1, kIntrId, 2), 0);
    EXPECT_EQ(ns_rd(muxcntl(2)), 0u);
    EXPECT_EQ(fw().free_irq(kIntrId, kIntrLines + 1, kIntrId, 2), -EINVAL);  // twice
    EXPECT_EQ(fw().stats().ebusy, 1u);
    EXPECT_EQ(fw().stats().einval, 3u);
}

TEST_P(TiFirmware, OutOfRangeRefusedAndHardwareUntouched)
{
    narrow();
    uint64_t writes = sim->fw_bus().writes();
    EXPECT_EQ(fw().set_irq(kIntrId, 3, kIntrId, 2), -EINVAL);
    EXPECT_NE(fw().last_error().find("INTR output 2"), std::string::npos) << fw().last_error();
    EXPECT_NE(fw().last_error().find("[4..11]"), std::string::npos) << fw().last_error();
    EXPECT_EQ(fw().set_irq(kIntrId, 3, kIntrId, 12), -EINVAL);
    EXPECT_EQ(fw().set_irq(kIntrId, kIntrLines + kVints, kIntrId, 4), -EINVAL);  // no such input
    EXPECT_EQ(fw().set_irq(kIntaId, 3, kIntrId, 4), -EINVAL);                    // wrong device
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 4, 70, 6), -EINVAL);        // VINT 4 outside 0..3
    EXPECT_NE(fw().last_error().find("VINT 4"), std::string::npos) << fw().last_error();
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 1, 63, 6), -EINVAL);  // event outside 64..127
    EXPECT_NE(fw().last_error().find("global event 63"), std::string::npos) << fw().last_error();
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 1, 128, 6), -EINVAL);
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 1, 70, 64), -EINVAL);      // bit
    EXPECT_EQ(fw().set_event_map(kDmaId, kRings, kIntaId, 1, 70, 6), -EINVAL);  // ring
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntrId, 1, 70, 6), -EINVAL);       // ia_id
    EXPECT_EQ(fw().set_event_map(999, 3, kIntaId, 1, 70, 6), -EINVAL);          // source
    EXPECT_EQ(sim->fw_bus().writes(), writes) << "a refused request touched the hardware";
    EXPECT_EQ(fw().stats().refused, 11u);
    EXPECT_EQ(fw().stats().bus_writes, 0u);
    for (unsigned n = 0; n < kIntrOut; n++)
        EXPECT_EQ(ns_rd(muxcntl(n)), 0u);
    EXPECT_EQ(ns_rd(imap(70)), 0u);
    EXPECT_EQ(ns_rd(imap(63)), 0u);
    EXPECT_EQ(ns_rd(ring_event(3)), 0u);
    // inside the ranges it works
    EXPECT_EQ(fw().set_irq(kIntrId, 3, kIntrId, 4), 0);
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 3, 127, 6), 0);
    u16 s = 0, n = 0;
    EXPECT_EQ(fw().get_range(kIntaId, TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT, &s, &n), 0);
    EXPECT_EQ(s, 64);
    EXPECT_EQ(n, 64);
}

TEST_P(TiFirmware, SetAndFreeEventMap)
{
    // DMA ring source: IMAP and RING_EVENT
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 1, 70, 6), 0);
    EXPECT_EQ(ns_rd(imap(70)), imap_val(1, 6));
    EXPECT_EQ(ns_rd(ring_event(3)), ring_event_val(70));
    // INTA's own id (unmapped-event source): IMAP only
    EXPECT_EQ(fw().set_event_map(kIntaId, 5, kIntaId, 1, 71, 7), 0);
    EXPECT_EQ(ns_rd(imap(71)), imap_val(1, 7));
    EXPECT_EQ(ns_rd(ring_event(5)), 0u);
    // double set: same event, same VINT bit, same ring
    EXPECT_EQ(fw().set_event_map(kDmaId, 4, kIntaId, 2, 70, 0), -EBUSY);
    EXPECT_EQ(fw().set_event_map(kDmaId, 4, kIntaId, 1, 72, 6), -EBUSY);
    EXPECT_EQ(fw().set_event_map(kDmaId, 3, kIntaId, 2, 73, 0), -EBUSY);
    EXPECT_EQ(ns_rd(imap(72)), 0u);
    EXPECT_EQ(ns_rd(imap(73)), 0u);
    EXPECT_EQ(fw().stats().ebusy, 3u);
    // bad frees
    EXPECT_EQ(fw().free_event_map(kDmaId, 3, kIntaId, 1, 80, 6), -EINVAL);  // not mapped
    EXPECT_EQ(fw().free_event_map(kDmaId, 3, kIntaId, 1, 70, 7), -EINVAL);  // other bit
    EXPECT_EQ(ns_rd(imap(70)), imap_val(1, 6));
    // good frees
    EXPECT_EQ(fw().free_event_map(kDmaId, 3, kIntaId, 1, 70, 6), 0);
    EXPECT_EQ(ns_rd(imap(70)), 0u);
    EXPECT_EQ(ns_rd(ring_event(3)), 0u);
    EXPECT_EQ(fw().free_event_map(kIntaId, 5, kIntaId, 1, 71, 7), 0);
    EXPECT_EQ(ns_rd(imap(71)), 0u);
    EXPECT_EQ(fw().free_event_map(kIntaId, 5, kIntaId, 1, 71, 7), -EINVAL);
    EXPECT_TRUE(fw().event_maps().empty());
    // the same resources can be set again after the free
    EXPECT_EQ(fw().set_event_map(kDmaId, 4, kIntaId, 1, 70, 6), 0);
    EXPECT_EQ(fw().stats().set_event_map, 6u);
    EXPECT_EQ(fw().stats().free_event_map, 5u);
}

INSTANTIATE_TEST_SUITE_P(Cpus, TiFirmware, ::testing::Values(4u), rtltest::cpus_name);
