// SPDX-License-Identifier: MIT
// TI INTA (rtl/ti/ti_inta.sv) and the DMA-ring device (rtl/dev/dev_dma_ring.sv)
// at register level: secure-only IMAP, VINT register semantics (ENABLE_SET/CLR,
// STATUS_SET/CLR, STATUSM), events from a DMA ring and from the unmapped-event
// doorbell, ERR_COUNT for unmapped events, coalescing, > 64 events over two
// VINTs, and no event lost when ring completions and doorbells mix.
#include "ti_test_support.h"

using namespace titest;
using irqsim::Hop;

class TiInta : public TiTest {
protected:
    void map(unsigned e, unsigned v, unsigned bit) { ASSERT_TRUE(s_wr(imap(e), imap_val(v, bit)).ok()); }
    void doorbell(unsigned e) { ASSERT_TRUE(ns_wr(kIntaCfg + CFG_DOORBELL, e).ok()); }
    uint64_t status(unsigned v) { return rd64(vint_reg(v, VINT_STATUS_SET)); }
};

TEST_P(TiInta, IdRegisters)
{
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_REVISION), 0x66900100u);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_INTCAP), (kVints << 16) | kEvents);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 0u);
}

TEST_P(TiInta, NonSecureImapWriteIsSlverrAndIgnored)
{
    auto r = ns_wr(imap(70), imap_val(1, 6));
    EXPECT_EQ(r.resp, irqsim::AXI_SLVERR);
    EXPECT_EQ(ns_rd(imap(70)), 0u);
    // secure write sticks and reads back from both worlds
    ASSERT_TRUE(s_wr(imap(70), imap_val(1, 6)).ok());
    EXPECT_EQ(ns_rd(imap(70)), imap_val(1, 6));
    // DMA RING_EVENT is secure-only too
    r = ns_wr(ring_event(3), ring_event_val(70));
    EXPECT_EQ(r.resp, irqsim::AXI_SLVERR);
    EXPECT_EQ(ns_rd(ring_event(3)), 0u);
}

TEST_P(TiInta, DmaRingEventThroughVintAndIntrToSpi)
{
    const unsigned ring = 3, ev = 70, v = 1, bit = 6, out = 2;
    map(ev, v, bit);
    ASSERT_TRUE(s_wr(ring_event(ring), ring_event_val(ev)).ok());
    ASSERT_TRUE(s_wr(muxcntl(out), muxcntl_val(kIntrLines + v)).ok());
    wr64(vint_reg(v, VINT_ENABLE_SET), 1ull << bit);
    EXPECT_EQ(rd64(vint_reg(v, VINT_ENABLE_SET)), 1ull << bit);

    uint64_t t0 = sim->cycle();
    ASSERT_TRUE(ns_wr(ring_reg(ring, RING_DOORBELL), 1).ok());
    EXPECT_EQ(ns_rd(ring_reg(ring, RING_PENDING)), 1u);
    ASSERT_TRUE(tick_until([&] { return spi_pending(64 + out); }, 200)) << sim->hops().dump();
    EXPECT_EQ(ns_rd(ring_reg(ring, RING_COMPLETED)), 1u);
    EXPECT_EQ(ns_rd(ring_reg(ring, RING_PENDING)), 0u);
    EXPECT_EQ(status(v), 1ull << bit);
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUSM)), 1ull << bit);
    auto& h = sim->hops();
    auto vo = h.first(Hop::VintOut, v, -1, t0);
    auto io = h.first(Hop::IntrOut, out, -1, t0);
    auto sp = h.first(Hop::SpiPending, 64 + out, -1, t0);
    ASSERT_TRUE(vo && io && sp) << h.dump();
    EXPECT_GE(vo->cycle - t0, kLatency);
    EXPECT_LE(vo->cycle, io->cycle);
    EXPECT_LE(io->cycle, sp->cycle);

    // ack: STATUS_CLEAR drops everything down the path
    wr64(vint_reg(v, VINT_STATUS_CLR), 1ull << bit);
    EXPECT_EQ(status(v), 0u);
    EXPECT_TRUE(tick_until([&] { return !spi_pending(64 + out); }, 20));
    EXPECT_FALSE(vint_out(v));
}

TEST_P(TiInta, VintRegisterSemantics)
{
    const unsigned v = 5;
    // STATUS_SET raises raw status; no output while disabled
    wr64(vint_reg(v, VINT_STATUS_SET), 0x8000000000000001ull);
    EXPECT_EQ(status(v), 0x8000000000000001ull);
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUS_CLR)), 0x8000000000000001ull);  // reads raw status too
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUSM)), 0u);
    sim->model().ticks(3);
    EXPECT_FALSE(vint_out(v));
    // enable the high bit only (high word write alone)
    ASSERT_TRUE(ns_wr(vint_reg(v, VINT_ENABLE_SET) + 4, 0x80000000u).ok());
    EXPECT_EQ(rd64(vint_reg(v, VINT_ENABLE_CLR)), 0x8000000000000000ull);
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUSM)), 0x8000000000000000ull);
    sim->model().ticks(3);
    EXPECT_TRUE(vint_out(v));
    // W1S/W1C only touch the ones
    wr64(vint_reg(v, VINT_ENABLE_SET), 0x1ull);
    EXPECT_EQ(rd64(vint_reg(v, VINT_ENABLE_SET)), 0x8000000000000001ull);
    wr64(vint_reg(v, VINT_ENABLE_CLR), 0x8000000000000000ull);
    EXPECT_EQ(rd64(vint_reg(v, VINT_ENABLE_SET)), 0x1ull);
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUSM)), 0x1ull);
    wr64(vint_reg(v, VINT_STATUS_CLR), 0x1ull);
    EXPECT_EQ(status(v), 0x8000000000000000ull);
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUSM)), 0u);
    sim->model().ticks(3);
    EXPECT_FALSE(vint_out(v));
    // STATUSM is read-only
    wr64(vint_reg(v, VINT_STATUSM), ~0ull);
    EXPECT_EQ(status(v), 0x8000000000000000ull);
    // other VINTs untouched
    for (unsigned o = 0; o < kVints; o++) {
        if (o != v) {
            EXPECT_EQ(status(o), 0u) << o;
            EXPECT_EQ(rd64(vint_reg(o, VINT_ENABLE_SET)), 0u) << o;
        }
    }
}

TEST_P(TiInta, DoorbellRaisesEventAndCoalesces)
{
    map(9, 0, 63);
    wr64(vint_reg(0, VINT_ENABLE_SET), ~0ull);
    doorbell(9);
    sim->model().ticks(4);
    EXPECT_EQ(status(0), 1ull << 63);
    EXPECT_TRUE(vint_out(0));
    doorbell(9);  // already set: coalesces, no error
    sim->model().ticks(4);
    EXPECT_EQ(status(0), 1ull << 63);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 0u);
    // a new event after the clear sets it again
    wr64(vint_reg(0, VINT_STATUS_CLR), 1ull << 63);
    EXPECT_EQ(status(0), 0u);
    doorbell(9);
    sim->model().ticks(4);
    EXPECT_EQ(status(0), 1ull << 63);
}

TEST_P(TiInta, UnmappedEventsCountErrors)
{
    doorbell(71);   // IMAP not valid
    doorbell(300);  // >= NUM_EVENTS
    sim->model().ticks(4);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 2u);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_LAST), 300u);
    for (unsigned v = 0; v < kVints; v++)
        EXPECT_EQ(status(v), 0u);
    ASSERT_TRUE(ns_wr(kIntaCfg + CFG_ERR_COUNT, 0).ok());  // any write clears
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 0u);
    // a freed (invalidated) map entry counts again
    map(72, 2, 1);
    ASSERT_TRUE(s_wr(imap(72), 0).ok());
    doorbell(72);
    sim->model().ticks(4);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 1u);
}

TEST_P(TiInta, MoreThan64EventsOverTwoVints)
{
    const unsigned n = 100, v0 = 2, v1 = 3;
    for (unsigned e = 0; e < n; e++)
        map(e, e < 64 ? v0 : v1, e % 64);
    for (unsigned e = 0; e < n; e++)
        doorbell(e);
    sim->model().ticks(4);
    EXPECT_EQ(status(v0), ~0ull);
    EXPECT_EQ(status(v1), (1ull << (n - 64)) - 1);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 0u);
    // masked per event: enabling one bit of v1 raises only v1
    wr64(vint_reg(v1, VINT_ENABLE_SET), 1ull << 35);
    sim->model().ticks(3);
    EXPECT_TRUE(vint_out(v1));
    EXPECT_FALSE(vint_out(v0));
}

TEST_P(TiInta, RingCompletionsSpacedByLatency)
{
    const unsigned ring = 7;
    map(120, 4, 0);
    ASSERT_TRUE(s_wr(ring_event(ring), ring_event_val(120)).ok());
    wr64(vint_reg(4, VINT_ENABLE_SET), 1);
    ASSERT_TRUE(ns_wr(ring_reg(ring, RING_DOORBELL), 3).ok());
    uint64_t t0 = sim->cycle();
    // each completion re-raises the (cleared) status bit
    for (unsigned i = 0; i < 3; i++) {
        ASSERT_TRUE(tick_until([&] { return vint_out(4); }, 200)) << "completion " << i;
        uint64_t t = sim->cycle();
        if (i > 0) {
            EXPECT_GE(t - t0, kLatency - 12) << "completion " << i;  // minus the clear's bus time
        }
        t0 = t;
        wr64(vint_reg(4, VINT_STATUS_CLR), 1);
        sim->model().ticks(2);
    }
    EXPECT_EQ(ns_rd(ring_reg(ring, RING_COMPLETED)), 3u);
    EXPECT_EQ(ns_rd(ring_reg(ring, RING_PENDING)), 0u);
    // a ring without an enabled event completes silently
    ASSERT_TRUE(ns_wr(ring_reg(9, RING_DOORBELL), 2).ok());
    sim->model().ticks(3 * kLatency);
    EXPECT_EQ(ns_rd(ring_reg(9, RING_COMPLETED)), 2u);
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), 0u);
}

TEST_P(TiInta, NoEventLostWhenRingsAndDoorbellsMix)
{
    // every event unmapped, so each one is counted in ERR_COUNT
    const unsigned rings = 8, per_ring = 5, doorbells = 40;
    for (unsigned r = 0; r < rings; r++)
        ASSERT_TRUE(s_wr(ring_event(r), ring_event_val(200 + r)).ok());
    for (unsigned r = 0; r < rings; r++)
        ASSERT_TRUE(ns_wr(ring_reg(r, RING_DOORBELL), per_ring).ok());
    for (unsigned i = 0; i < doorbells; i++)
        doorbell(230 + i % 8);
    sim->model().ticks(per_ring * kLatency + 100);
    for (unsigned r = 0; r < rings; r++)
        EXPECT_EQ(ns_rd(ring_reg(r, RING_COMPLETED)), per_ring) << r;
    EXPECT_EQ(ns_rd(kIntaCfg + CFG_ERR_COUNT), rings * per_ring + doorbells);
}

INSTANTIATE_TEST_SUITE_P(Cpus, TiInta, ::testing::Values(4u), rtltest::cpus_name);
