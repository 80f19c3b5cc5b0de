// SPDX-License-Identifier: MIT
// AXI4-Lite round trips through the BFM: ID registers, read-back, strobes,
// DECERR for unmapped addresses, redistributor TYPER/WAKER per PE.
#include "rtl_test_support.h"

#include <cstdio>
#include <fstream>

using namespace rtltest;
using irqsim::AXI_DECERR;
using irqsim::AXI_OKAY;

class Axi : public SimTest {};

TEST_P(Axi, Pidr2ArchRev3)
{
    auto r = bus().read32(kGicd + GICD_PIDR2);
    ASSERT_EQ(r.resp, AXI_OKAY);
    EXPECT_EQ((r.data >> 4) & 0xf, 3u) << "GICD_PIDR2.ArchRev";
    EXPECT_GT(r.cycles, 1u) << "an access costs real cycles";
}

TEST_P(Axi, TyperItLinesMatchesNumSpis)
{
    uint32_t typer = rd(kGicd + GICD_TYPER);
    unsigned spis = sim->model().params().num_spis;
    // ITLinesNumber N: INTIDs up to 32 * (N + 1) - 1
    EXPECT_EQ(typer & 0x1f, (spis + 32) / 32 - 1);
}

TEST_P(Axi, PriorityWriteReadBack)
{
    // INTIDs 32..35; 5 implemented priority bits
    wr(kGicd + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8, 0xA0B0C0D8);
    EXPECT_EQ(rd(kGicd + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8), 0xA0B0C0D8u);
    wr(kGicd + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 9, 0x12345678);
    EXPECT_EQ(rd(kGicd + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 9), 0x12345678u & 0xF8F8F8F8u);
    // byte strobe: only byte 1 changes
    auto w = bus().write32(kGicd + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8, 0xFFFF48FF,
                           irqsim::kProtNonSecure, 0x2);
    EXPECT_EQ(w.resp, AXI_OKAY);
    EXPECT_EQ(rd(kGicd + GICD_IPRIORITYR + GIC_DIST_IPRIORITYR_STRIDE * 8), 0xA0B048D8u);
}

TEST_P(Axi, UnmappedAddressesAnswerDecerr)
{
    for (uint32_t a : {0x00000000u, 0x07FFFFFCu, 0x0AF00000u, 0x0B000000u, 0x40000000u}) {
        auto r = bus().read32(a);
        EXPECT_EQ(r.resp, AXI_DECERR) << std::hex << a;
        EXPECT_FALSE(r.timeout);
        auto w = bus().write32(a, 0x1234);
        EXPECT_EQ(w.resp, AXI_DECERR) << std::hex << a;
    }
    // just past the last redistributor
    EXPECT_EQ(bus().read32(gicr(pes()) + GICR_TYPER).resp, AXI_DECERR);
    // the bus still works afterwards
    EXPECT_EQ((rd(kGicd + GICD_PIDR2) >> 4) & 0xf, 3u);
}

TEST_P(Axi, GicrTyperLastAndAffinityPerPe)
{
    for (unsigned pe = 0; pe < pes(); pe++) {
        auto r = bus().read64(gicr(pe) + GICR_TYPER);
        ASSERT_EQ(r.resp, AXI_OKAY) << "pe " << pe;
        uint64_t t = r.data;
        EXPECT_EQ((t >> 4) & 1, pe == pes() - 1 ? 1u : 0u) << "Last, pe " << pe;
        EXPECT_EQ((t >> 8) & 0xffff, pe) << "Processor_Number";
        EXPECT_EQ(t >> 32, mpidr_of(pe)) << "affinity, pe " << pe;
    }
}

TEST_P(Axi, WakerResetAndHandshake)
{
    for (unsigned pe : {0u, pes() - 1}) {
        uint32_t w = rd(gicr(pe) + GICR_WAKER);
        EXPECT_EQ(w & 6, 6u) << "ProcessorSleep and ChildrenAsleep set at reset, pe " << pe;
        ASSERT_TRUE(wake(pe)) << "ChildrenAsleep never cleared, pe " << pe;
        EXPECT_EQ(rd(gicr(pe) + GICR_WAKER) & 6, 0u);
        // back to sleep
        wr(gicr(pe) + GICR_WAKER, 2);
        bool asleep = false;
        for (int i = 0; i < 100 && !asleep; i++)
            asleep = (rd(gicr(pe) + GICR_WAKER) & 6) == 6;
        EXPECT_TRUE(asleep) << "pe " << pe;
    }
}

TEST_P(Axi, SysregPortRoundTrip)
{
    auto& sr = sim->sysregs();
    uint16_t key = 0;
    ASSERT_TRUE(irqsim::SysregPort::key_from_sysreg(ICC_PMR, &key));
    EXPECT_EQ(key, 0x230);
    for (unsigned pe : {0u, cpus() - 1}) {
        auto w = sr.write_enc(pe, ICC_PMR, 0xA8);
        EXPECT_TRUE(w.ok());
        auto r = sr.read_enc(pe, ICC_PMR);
        EXPECT_TRUE(r.ok());
        EXPECT_EQ(r.data & 0xff, 0xA8u) << "pe " << pe;
    }
    // another PE's PMR is untouched
    if (cpus() > 1)
        EXPECT_EQ(sr.read_enc(1, ICC_PMR).data & 0xff, cpus() - 1 == 1 ? 0xA8u : 0u);
    // an unimplemented key is refused
    EXPECT_TRUE(sr.read(0, irqsim::SysregPort::key(7, 15, 15, 7)).error);
    // op0 != 3 never reaches the port
    EXPECT_TRUE(sr.read_enc(0, sys_reg(2, 0, 0, 0, 0)).error);
}

INSTANTIATE_TEST_SUITE_P(Cpus, Axi, ::testing::Values(1u, 4u, 16u), cpus_name);

// Trace + annotation (one variant is enough).
TEST(Trace, AnnotationIsLeftJustifiedAndTraced)
{
    std::string path = ::testing::TempDir() + "irqsim_trace_test.fst";
    std::remove(path.c_str());
    {
        irqsim::SocModel m(1);
        ASSERT_TRUE(m.open_trace(path, 1));
        EXPECT_FALSE(m.open_trace(path, 1)) << "a second trace is refused";
        m.reset();
        uint32_t seq = m.annotation_seq();
        m.set_annotation("request_irq virq=37");
        EXPECT_EQ(m.annotation_seq(), seq + 1);
        const auto& a = m.pins().annotation;
        auto* bytes = static_cast<const uint8_t*>(a.p);
        EXPECT_EQ(bytes[63], 'r');
        EXPECT_EQ(bytes[62], 'e');
        EXPECT_EQ(bytes[63 - 18], '7');
        EXPECT_EQ(bytes[63 - 19], 0);
        EXPECT_EQ(bytes[0], 0);
        EXPECT_STREQ(m.annotation(), "request_irq virq=37");
        m.ticks(10);
        m.set_annotation(std::string(100, 'x').c_str());  // truncated to 64
        EXPECT_EQ(std::string(m.annotation()).size(), 64u);
        m.ticks(10);
    }
    std::ifstream f(path, std::ios::binary | std::ios::ate);
    ASSERT_TRUE(f.good());
    EXPECT_GT(static_cast<long>(f.tellg()), 100);
}
