// SPDX-License-Identifier: MIT
// TI-SCI INTA + INTA-MSI: on-demand vectors, VINT/bit/global-event allocation
// at request time, VINT grouping, the chained VINT handler, chip register
// writes, exhaustion and firmware refusal without partial state, affinity.
#include "ti_test_fixture.h"

namespace {

class TiIntaTest : public K3Test {
protected:
    // allocate + request vector @index with a counting handler
    unsigned Request(unsigned index, int* hits)
    {
        unsigned v = AllocVec(index);
        if (!v)
            return 0;
        int ret = request_irq(v, CountHandler, 0, "ev", hits);
        if (ret) {
            last_err = ret;
            FreeVec(index);
            return 0;
        }
        return v;
    }
    void Release(unsigned index, unsigned virq, int* hits)
    {
        free_irq(virq, hits);
        FreeVec(index);
    }
    void ExpectClean()
    {
        EXPECT_TRUE(fw.events.empty());
        EXPECT_TRUE(fw.routes.empty());
        EXPECT_EQ(irq_get_nr_allocated(), base_descs);
        EXPECT_TRUE(fw.violations.empty());
    }
    int last_err = 0;
};

TEST_F(TiIntaTest, ProbeTakesNoVint)
{
    ProbeOk();
    EXPECT_EQ(msi->bus_token, DOMAIN_BUS_TI_SCI_INTA_MSI);
    EXPECT_EQ(msi->parent, inta);
    EXPECT_EQ(inta->parent, nullptr);
    EXPECT_EQ(fw.CountCalls("get_range 102 10"), 1u);
    EXPECT_EQ(fw.CountCalls("get_range 102 13"), 1u);
    EXPECT_TRUE(fw.routes.empty());
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(TiIntaTest, VectorAllocationDoesNoHardwareWork)
{
    ProbeOk();
    size_t mark = gic.io.accesses.size();
    unsigned v = AllocVec(5);
    ASSERT_NE(v, 0u) << AllLogs();
    irq_data* d = irq_get_irq_data(v);
    EXPECT_EQ(d->domain, msi);
    EXPECT_EQ(d->hwirq, (103u << 16) | 5u);
    ASSERT_NE(d->parent_data, nullptr);
    EXPECT_EQ(d->parent_data->domain, inta);
    EXPECT_EQ(d->parent_data->hwirq, (103u << 16) | 5u);
    EXPECT_STREQ(d->parent_data->chip->name, "INTA");
    EXPECT_EQ(fw.CountCalls("set_"), 0u);
    EXPECT_EQ(gic.io.accesses.size(), mark) << "no register access before request_irq";
    FreeVec(5);
    ExpectClean();
}

TEST_F(TiIntaTest, RequestMapsEventOntoVintAndEnables)
{
    ProbeOk();
    int hits = 0;
    unsigned v = Request(5, &hits);
    ASSERT_NE(v, 0u) << AllLogs();
    EXPECT_EQ(fw.CountCalls("set_event_map 103 5 102 0 0 0"), 1u);
    EXPECT_EQ(regs.Peek(ti::Imap(0)), 0x80000000u);
    EXPECT_EQ(regs.Peek(ti::RingEvent(5)), 0x80000000u);
    // VINT 0 -> INTR input 16 -> output 0 -> SPI INTID 64
    ASSERT_EQ(fw.routes.count(0), 1u);
    EXPECT_EQ(fw.routes[0], 16u);
    unsigned parent = VintParent(0);
    ASSERT_NE(parent, 0u);
    EXPECT_EQ(irq_get_irq_data(parent)->parent_data->hwirq, 64u);
    EXPECT_EQ(regs.Enable(0), 1ull) << "unmask wrote ENABLE_SET bit 0";
    EXPECT_GE(WritesLow(0, ti::kEnableSet, 1), 1u);
    Release(5, v, &hits);
    EXPECT_EQ(VintParent(0), 0u) << "last event gone: VINT parent disposed";
    EXPECT_EQ(fw.CountCalls("free_event_map 103 5 102 0 0 0"), 1u);
    EXPECT_EQ(regs.Peek(ti::RingEvent(5)), 0u);
    ExpectClean();
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(TiIntaTest, SixtyFifthEventOpensSecondVint)
{
    ProbeOk();
    std::vector<unsigned> v(66);
    std::vector<int> hits(66);
    for (unsigned i = 0; i < 66; i++) {
        v[i] = Request(i, &hits[i]);
        ASSERT_NE(v[i], 0u) << i << AllLogs();
    }
    for (unsigned i = 0; i < 66; i++) {
        auto ev = fw.EventOf(103, (uint16_t)i);
        ASSERT_TRUE(ev.has_value()) << i;
        EXPECT_EQ(ev->vint, i < 64 ? 0u : 1u) << i;
        EXPECT_EQ(ev->bit, i < 64 ? i : i - 64) << i;
    }
    EXPECT_EQ(fw.routes.size(), 2u);
    EXPECT_EQ(fw.routes[1], 17u) << "VINT 1 -> INTR input 17";
    EXPECT_EQ(regs.Enable(0), ~0ull);
    EXPECT_EQ(regs.Enable(1), 3ull);
    // a freed bit of VINT 0 is reused first (first fit), no third VINT
    Release(10, v[10], &hits[10]);
    v[10] = Request(10, &hits[10]);
    ASSERT_NE(v[10], 0u);
    auto ev = fw.EventOf(103, 10);
    ASSERT_TRUE(ev.has_value());
    EXPECT_EQ(ev->vint, 0u);
    EXPECT_EQ(ev->bit, 10u);
    // emptying VINT 1 disposes of its parent only
    Release(64, v[64], &hits[64]);
    EXPECT_NE(VintParent(1), 0u);
    Release(65, v[65], &hits[65]);
    EXPECT_EQ(VintParent(1), 0u);
    EXPECT_NE(VintParent(0), 0u);
    EXPECT_EQ(fw.routes.size(), 1u);
    for (unsigned i = 0; i < 64; i++)
        Release(i, v[i], &hits[i]);
    ExpectClean();
}

TEST_F(TiIntaTest, ChainedHandlerDispatchesEverySetBit)
{
    ProbeOk();
    std::vector<unsigned> v(4);
    std::vector<int> hits(4);
    for (unsigned i = 0; i < 4; i++)
        ASSERT_NE(v[i] = Request(i, &hits[i]), 0u);
    uint16_t g0 = 0, g2 = 0, g3 = 0;
    ASSERT_TRUE(fw.EventOf(103, 0, &g0));
    ASSERT_TRUE(fw.EventOf(103, 2, &g2));
    ASSERT_TRUE(fw.EventOf(103, 3, &g3));
    ASSERT_TRUE(regs.RaiseEvent(g0));
    ASSERT_TRUE(regs.RaiseEvent(g2));
    ASSERT_TRUE(regs.RaiseRing(3));
    EXPECT_EQ(regs.Status(0), 0b1101ull);
    size_t mark = gic.io.accesses.size();
    unsigned parent = VintParent(0);
    ASSERT_NE(parent, 0u);
    EXPECT_EQ(generic_handle_irq(parent), 0);
    EXPECT_EQ(hits, (std::vector<int>{1, 0, 1, 1}));
    EXPECT_EQ(regs.Status(0), 0ull) << "edge ack wrote STATUS_CLEAR for each dispatched bit";
    // STATUSM read once, then STATUS_CLEAR per bit (low word: bits 0, 2, 3)
    long statusm = -1;
    std::vector<uint32_t> clears;
    for (size_t i = mark; i < gic.io.accesses.size(); i++) {
        auto& a = gic.io.accesses[i];
        if (a.kind == FakeIo::R32 && a.addr == ti::VintReg(0, ti::kStatusM) && statusm < 0)
            statusm = (long)i;
        if (a.kind == FakeIo::W32 && a.addr == ti::VintReg(0, ti::kStatusClr))
            clears.push_back((uint32_t)a.val);
    }
    EXPECT_GE(statusm, 0);
    EXPECT_EQ(clears, (std::vector<uint32_t>{1u, 4u, 8u}));
    // nothing pending: the handler dispatches nothing
    EXPECT_EQ(generic_handle_irq(parent), 0);
    EXPECT_EQ(hits, (std::vector<int>{1, 0, 1, 1}));
    for (unsigned i = 0; i < 4; i++)
        Release(i, v[i], &hits[i]);
    ExpectClean();
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(TiIntaTest, HighBitsUseTheUpperWord)
{
    ProbeOk();
    std::vector<unsigned> v(40);
    std::vector<int> hits(40);
    for (unsigned i = 0; i < 40; i++)
        ASSERT_NE(v[i] = Request(i, &hits[i]), 0u);
    uint16_t g = 0;
    ASSERT_TRUE(fw.EventOf(103, 35, &g));
    ASSERT_TRUE(regs.RaiseEvent(g));
    EXPECT_EQ(generic_handle_irq(VintParent(0)), 0);
    EXPECT_EQ(hits[35], 1);
    EXPECT_EQ(WritesLow(0, ti::kStatusClr + 4, 1u << 3), 1u) << "bit 35 = upper word bit 3";
    for (unsigned i = 0; i < 40; i++)
        Release(i, v[i], &hits[i]);
    ExpectClean();
}

TEST_F(TiIntaTest, MaskUnmaskTouchOnlyTheirBit)
{
    ProbeOk();
    int h0 = 0, h1 = 0;
    unsigned v0 = Request(0, &h0), v1 = Request(1, &h1);
    ASSERT_NE(v0, 0u);
    ASSERT_NE(v1, 0u);
    EXPECT_EQ(regs.Enable(0), 3ull);
    disable_irq(v1);
    EXPECT_EQ(regs.Enable(0), 1ull);
    EXPECT_EQ(WritesLow(0, ti::kEnableClr, 2), 1u);
    // an event of the masked bit is held, the other still delivered
    uint16_t g0 = 0, g1 = 0;
    fw.EventOf(103, 0, &g0);
    fw.EventOf(103, 1, &g1);
    regs.RaiseEvent(g0);
    regs.RaiseEvent(g1);
    generic_handle_irq(VintParent(0));
    EXPECT_EQ(h0, 1);
    EXPECT_EQ(h1, 0);
    enable_irq(v1);
    EXPECT_EQ(regs.Enable(0), 3ull);
    generic_handle_irq(VintParent(0));
    EXPECT_EQ(h1, 1);
    Release(0, v0, &h0);
    Release(1, v1, &h1);
    ExpectClean();
}

TEST_F(TiIntaTest, LevelTypeSwitchesFlowAndSkipsAck)
{
    ProbeOk();
    unsigned v = AllocVec(2);
    ASSERT_NE(v, 0u);
    int hits = 0;
    ASSERT_EQ(request_irq(v, CountHandler, IRQF_TRIGGER_HIGH, "lvl", &hits), 0) << AllLogs();
    EXPECT_EQ(irq_to_desc(v)->handle_irq, handle_level_irq);
    uint16_t g = 0;
    fw.EventOf(103, 2, &g);
    regs.RaiseEvent(g);
    size_t mark = gic.io.accesses.size();
    generic_handle_irq(VintParent(0));
    EXPECT_EQ(hits, 1);
    for (size_t i = mark; i < gic.io.accesses.size(); i++)
        EXPECT_FALSE(gic.io.accesses[i].kind == FakeIo::W32 &&
                     gic.io.accesses[i].addr == ti::VintReg(0, ti::kStatusClr))
            << "level events are cleared by the source";
    EXPECT_EQ(irq_set_irq_type(v, IRQ_TYPE_EDGE_FALLING), -EINVAL);
    EXPECT_EQ(CountLogs({"INTA102", "not supported"}), 1u) << AllLogs();
    free_irq(v, &hits);
    FreeVec(2);
    ExpectClean();
}

TEST_F(TiIntaTest, AffinityIsRefused)
{
    ProbeOk();
    int hits = 0;
    unsigned v = Request(0, &hits);
    ASSERT_NE(v, 0u);
    EXPECT_EQ(ErrorCount(), 0u) << "startup must not trip over the refused affinity: " << AllLogs();
    cpumask m;
    cpumask_clear(&m);
    cpumask_set_cpu(1, &m);
    EXPECT_EQ(irq_set_affinity(v, &m), -EINVAL);
    irq_data* id = irq_get_irq_data(v)->parent_data;
    EXPECT_EQ(id->chip->irq_set_affinity(id, &m, false), -EINVAL);
    EXPECT_GE(CountLogs({"INTA102", "affinity", "shared"}), 1u) << AllLogs();
    Release(0, v, &hits);
    ExpectClean();
}

TEST_F(TiIntaTest, VintExhaustionIsEnospcWithoutPartialState)
{
    fw.vint = {3, 1};  // a single VINT: 64 events
    ProbeOk();
    std::vector<unsigned> v(64);
    std::vector<int> hits(65);
    for (unsigned i = 0; i < 64; i++)
        ASSERT_NE(v[i] = Request(i, &hits[i]), 0u) << i << AllLogs();
    EXPECT_EQ(fw.routes.size(), 1u);
    EXPECT_EQ(fw.routes.begin()->second, 16u + 3u);
    size_t calls = fw.CountCalls("set_event_map");
    unsigned before = irq_get_nr_allocated();
    ClearLogs();
    EXPECT_EQ(Request(64, &hits[64]), 0u);
    EXPECT_EQ(last_err, -ENOSPC);
    EXPECT_EQ(CountLogs({"INTA102", "no free VINT"}), 1u) << AllLogs();
    EXPECT_EQ(fw.CountCalls("set_event_map"), calls);
    EXPECT_EQ(fw.events.size(), 64u);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(msi_get_virq(&client, 64), 0u);
    for (unsigned i = 0; i < 64; i++)
        Release(i, v[i], &hits[i]);
    ExpectClean();
}

TEST_F(TiIntaTest, GlobalEventExhaustionUndoesTheNewVint)
{
    fw.gevt = {100, 64};
    ProbeOk();
    std::vector<unsigned> v(64);
    std::vector<int> hits(65);
    for (unsigned i = 0; i < 64; i++)
        ASSERT_NE(v[i] = Request(i, &hits[i]), 0u) << i << AllLogs();
    ASSERT_TRUE(fw.EventOf(103, 63).has_value());
    unsigned before = irq_get_nr_allocated();
    ClearLogs();
    // needs VINT 1 (VINT 0 full) and a 65th global event: the VINT is undone
    EXPECT_EQ(Request(64, &hits[64]), 0u);
    EXPECT_EQ(last_err, -ENOSPC);
    EXPECT_EQ(CountLogs({"INTA102", "no free global event"}), 1u) << AllLogs();
    EXPECT_EQ(fw.routes.size(), 1u) << "VINT 1's parent route undone";
    EXPECT_EQ(VintParent(1), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    for (unsigned i = 0; i < 64; i++)
        Release(i, v[i], &hits[i]);
    ExpectClean();
}

TEST_F(TiIntaTest, FirmwareRefusalReleasesEventAndVint)
{
    ProbeOk();
    fw.refuse_event_maps = 1;
    int hits = 0;
    EXPECT_EQ(Request(7, &hits), 0u);
    EXPECT_EQ(last_err, -EINVAL);
    EXPECT_EQ(CountLogs({"INTA102", "firmware refused event map"}), 1u) << AllLogs();
    EXPECT_TRUE(fw.routes.empty()) << "the VINT opened for it is closed again";
    EXPECT_EQ(VintParent(0), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
    // the global event and VINT were released: the retry gets VINT 0, event 0
    unsigned v = Request(7, &hits);
    ASSERT_NE(v, 0u);
    EXPECT_EQ(fw.CountCalls("set_event_map 103 7 102 0 0 0"), 2u);
    Release(7, v, &hits);
    ExpectClean();
}

TEST_F(TiIntaTest, DeviceWithoutTiSciIdIsRejected)
{
    ProbeOk();
    device bad{};
    bad.name = "no-id";
    bad.id = -1;
    bad.msi_domain = msi;
    msi_map m = msi_domain_alloc_irq_at(&bad, MSI_DEFAULT_DOMAIN, 0, nullptr, nullptr);
    EXPECT_LT(m.index, 0);
    EXPECT_EQ(m.virq, 0);
    EXPECT_GE(CountLogs("no TI-SCI device id"), 1u) << AllLogs();
    msi_device_data_release(&bad);
    ExpectClean();
}

}  // namespace
