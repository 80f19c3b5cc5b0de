// SPDX-License-Identifier: MIT
// Raw end-to-end TI path, no driver: the firmware model routes DMA ring 3 ->
// global event 70 -> INTA VINT 1 bit 6 -> INTR input 17 -> output 2 -> GIC SPI
// INTID 66; the GIC is programmed by hand; a ring doorbell ends with IAR1 = 66
// on the routed CPU, each hop in order.
#include "ti_test_support.h"

using namespace titest;
using irqsim::Hop;

class DmaRingPath : public TiTest {};

TEST_P(DmaRingPath, DmaRingToIar)
{
    const unsigned ring = 3, ev = 70, v = 1, bit = 6, out = 2, intid = 66;
    const unsigned pe = cpus() - 1;
    auto& fw = sim->firmware();
    ASSERT_EQ(fw.set_irq(kIntrId, kIntrLines + v, kIntrId, out), 0);
    ASSERT_EQ(fw.set_event_map(kDmaId, ring, kIntaId, v, ev, bit), 0);

    gic_setup_cpu(pe);
    gic_setup_spi(intid, pe, 0xA0);
    wr64(vint_reg(v, VINT_ENABLE_SET), 1ull << bit);
    EXPECT_FALSE(sim->platform().irq_line(pe));

    uint64_t t0 = sim->cycle();
    ASSERT_TRUE(ns_wr(ring_reg(ring, RING_DOORBELL), 1).ok());
    ASSERT_TRUE(tick_until([&] { return sim->platform().irq_line(pe); }, 500)) << sim->hops().dump();
    for (unsigned o = 0; o < pes(); o++) {
        if (o == pe)
            continue;
        EXPECT_FALSE(sim->platform().irq_line(o)) << o;
    }
    EXPECT_EQ(iar(pe), intid);

    // the handler: read STATUSM, ack the event, EOI
    EXPECT_EQ(rd64(vint_reg(v, VINT_STATUSM)), 1ull << bit);
    wr64(vint_reg(v, VINT_STATUS_CLR), 1ull << bit);
    sim->model().ticks(4);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, rtltest::ICC_EOIR1, intid).ok());
    sim->model().ticks(300);
    EXPECT_FALSE(sim->platform().irq_line(pe));
    EXPECT_EQ(iar(pe), 1023u);

    auto& h = sim->hops();
    auto vo = h.first(Hop::VintOut, v, -1, t0);
    auto io = h.first(Hop::IntrOut, out, -1, t0);
    auto sp = h.first(Hop::SpiPending, intid, -1, t0);
    auto irq = h.first(Hop::IrqOut, 0, static_cast<int>(pe), t0);
    ASSERT_TRUE(vo && io && sp && irq) << h.dump();
    EXPECT_LE(vo->cycle, io->cycle);
    EXPECT_LE(io->cycle, sp->cycle);
    EXPECT_LE(sp->cycle, irq->cycle);
    std::printf("ring doorbell -> vint %llu, intr %llu, spi %llu, irq_out %llu cycles\n",
                (unsigned long long)(vo->cycle - t0), (unsigned long long)(io->cycle - t0),
                (unsigned long long)(sp->cycle - t0), (unsigned long long)(irq->cycle - t0));

    // a second completion after the free is not delivered
    ASSERT_EQ(fw.free_event_map(kDmaId, ring, kIntaId, v, ev, bit), 0);
    ASSERT_EQ(fw.free_irq(kIntrId, kIntrLines + v, kIntrId, out), 0);
    ASSERT_TRUE(ns_wr(ring_reg(ring, RING_DOORBELL), 1).ok());
    sim->model().ticks(200);
    EXPECT_FALSE(sim->platform().irq_line(pe));
    EXPECT_EQ(ns_rd(ring_reg(ring, RING_COMPLETED)), 2u);
}

INSTANTIATE_TEST_SUITE_P(Cpus, DmaRingPath, ::testing::Values(1u, 4u, 16u), rtltest::cpus_name);
