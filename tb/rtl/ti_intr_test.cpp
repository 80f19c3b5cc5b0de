// SPDX-License-Identifier: MIT
// TI INTR (rtl/ti/ti_intr.sv) at register level: PID, secure-only MUXCNTL
// writes (non-secure -> SLVERR, unchanged), and a routed intr_line_in[k]
// reaching GIC SPI INTID 64 + n (mon_spi_pending), the hops in order.
#include "ti_test_support.h"

using namespace titest;
using irqsim::Hop;

class TiIntr : public TiTest {};

TEST_P(TiIntr, PidAndReset)
{
    EXPECT_EQ(ns_rd(kIntr), 0x0001B000u | kIntrOut);
    for (unsigned n = 0; n < kIntrOut; n++)
        EXPECT_EQ(ns_rd(muxcntl(n)), 0u) << n;
    EXPECT_EQ(sim->model().pins().mon_intr_out.value(), 0u);
}

TEST_P(TiIntr, NonSecureMuxcntlWriteIsSlverrAndIgnored)
{
    auto r = ns_wr(muxcntl(2), muxcntl_val(3));
    EXPECT_EQ(r.resp, irqsim::AXI_SLVERR);
    EXPECT_EQ(ns_rd(muxcntl(2)), 0u);
    // also through the firmware port with AxPROT[1] = 1
    r = sim->fw_bus().write32(muxcntl(2), muxcntl_val(3), kProtNonSecure);
    EXPECT_EQ(r.resp, irqsim::AXI_SLVERR);
    EXPECT_EQ(ns_rd(muxcntl(2)), 0u);
    // the line does not get through
    intr_line(3, true);
    sim->model().ticks(20);
    EXPECT_FALSE(intr_out(2));
    EXPECT_FALSE(spi_pending(66));
    intr_line(3, false);
}

TEST_P(TiIntr, SecureWriteRoutesLineToSpi)
{
    const unsigned k = 3, n = 2, intid = 64 + n;
    ASSERT_TRUE(s_wr(muxcntl(n), muxcntl_val(k)).ok());
    EXPECT_EQ(ns_rd(muxcntl(n)), muxcntl_val(k));
    sim->model().ticks(5);
    EXPECT_FALSE(intr_out(n));

    uint64_t t0 = sim->cycle();
    intr_line(k, true);
    ASSERT_TRUE(tick_until([&] { return spi_pending(intid); }, 50)) << sim->hops().dump();
    EXPECT_TRUE(intr_out(n));
    for (unsigned o = 0; o < kIntrOut; o++) {
        if (o == n)
            continue;
        EXPECT_FALSE(intr_out(o)) << o;
    }
    auto& h = sim->hops();
    auto io = h.first(Hop::IntrOut, n, -1, t0);
    auto sp = h.first(Hop::SpiPending, intid, -1, t0);
    ASSERT_TRUE(io && sp) << h.dump();
    EXPECT_LE(io->cycle, sp->cycle);
    EXPECT_LE(io->cycle - t0, 4u) << "INTR latency";

    // level: follows the line
    intr_line(k, false);
    EXPECT_TRUE(tick_until([&] { return !spi_pending(intid); }, 50));
    EXPECT_FALSE(intr_out(n));

    // INT_ENABLE = 0 blocks it
    ASSERT_TRUE(s_wr(muxcntl(n), k).ok());
    intr_line(k, true);
    sim->model().ticks(20);
    EXPECT_FALSE(intr_out(n));
    EXPECT_FALSE(spi_pending(intid));
    intr_line(k, false);
}

TEST_P(TiIntr, LastOutputAndLastLine)
{
    const unsigned k = kIntrLines - 1, n = kIntrOut - 1;
    ASSERT_TRUE(s_wr(muxcntl(n), muxcntl_val(k)).ok());
    intr_line(k, true);
    EXPECT_TRUE(tick_until([&] { return spi_pending(64 + n); }, 50));
    intr_line(k, false);
    EXPECT_TRUE(tick_until([&] { return !spi_pending(64 + n); }, 50));
}

INSTANTIATE_TEST_SUITE_P(Cpus, TiIntr, ::testing::Values(4u), rtltest::cpus_name);
