// SPDX-License-Identifier: MIT
// Raw register-level SPI delivery, no driver: program GICD/GICR/ICC through the
// BFMs, raise a device line, see irq_out, acknowledge (IAR1 = INTID), EOI, and
// IAR1 = 1023 afterwards.  At 1, 4 and 16 CPUs, to the first and the last CPU.
#include "rtl_test_support.h"

using namespace rtltest;
using irqsim::Hop;

class GicSpi : public SimTest {
protected:
    void setup_cpu(unsigned pe)
    {
        ASSERT_TRUE(wake(pe));
        auto& sr = sim->sysregs();
        EXPECT_TRUE(sr.write_enc(pe, ICC_SRE, 7).ok());
        EXPECT_TRUE(sr.write_enc(pe, ICC_PMR, 0xF0).ok());
        EXPECT_TRUE(sr.write_enc(pe, ICC_CTLR, 0).ok());  // EOImode 0
        EXPECT_TRUE(sr.write_enc(pe, ICC_IGRPEN1, 1).ok());
    }
    void setup_spi(unsigned intid, unsigned pe, uint8_t prio)
    {
        uint32_t bit = 1u << (intid % 32), word = 4 * (intid / 32);
        wr(kGicd + GICD_IGROUPR + word, rd(kGicd + GICD_IGROUPR + word) | bit);
        uint32_t pa = kGicd + GICD_IPRIORITYR + (intid & ~3u);
        uint32_t shift = 8 * (intid % 4);
        wr(pa, (rd(pa) & ~(0xffu << shift)) | (uint32_t(prio) << shift));
        EXPECT_EQ(bus().write64(kGicd + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * intid, mpidr_of(pe)).resp,
                  irqsim::AXI_OKAY);
        wr(kGicd + GICD_ISENABLER + word, bit);
    }
    uint32_t iar(unsigned pe)
    {
        auto r = sim->sysregs().read_enc(pe, ICC_IAR1);
        EXPECT_TRUE(r.ok());
        return static_cast<uint32_t>(r.data & 0xffffff);
    }

    void deliver(unsigned line, unsigned pe)
    {
        const unsigned intid = irqsim::LinePins::intid(line);
        auto& m = sim->model();
        setup_cpu(pe);
        wr(kGicd + GICD_CTLR, 2);  // EnableGrp1
        ASSERT_TRUE(gicd_wait_rwp());
        setup_spi(intid, pe, 0xA0);
        EXPECT_FALSE(sim->platform().irq_line(pe));

        uint64_t t0 = m.cycle();
        sim->lines().set(line, true);
        // no driver IRQ entry is installed: use the model's clock directly
        bool seen = false;
        for (int i = 0; i < 2000 && !seen; i++) {
            m.tick();
            seen = sim->platform().irq_line(pe);
        }
        ASSERT_TRUE(seen) << "irq_out[" << pe << "] never rose for INTID " << intid << "\n"
                          << sim->hops().dump();
        for (unsigned other = 0; other < pes(); other++)
            if (other != pe)
                EXPECT_FALSE(sim->platform().irq_line(other)) << "pe " << other;

        EXPECT_EQ(iar(pe), intid);
        sim->lines().set(line, false);
        m.ticks(2);
        EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_EOIR1, intid).ok());
        m.ticks(200);  // two distributor sweeps
        EXPECT_FALSE(sim->platform().irq_line(pe));
        EXPECT_EQ(iar(pe), 1023u);

        // hops in order
        auto& h = sim->hops();
        auto li = h.first(Hop::LineIn, intid, -1, t0);
        auto sp = h.first(Hop::SpiPending, intid, -1, t0);
        auto io = h.first(Hop::IrqOut, 0, static_cast<int>(pe), t0);
        auto ac = h.first(Hop::SpiActive, intid, -1, t0);
        ASSERT_TRUE(li && sp && io && ac) << h.dump();
        EXPECT_LE(li->cycle, sp->cycle);
        EXPECT_LE(sp->cycle, io->cycle);
        EXPECT_LE(io->cycle, ac->cycle);
        auto ac_clear = h.first(Hop::SpiActive, intid, -1, ac->cycle, 0);
        EXPECT_TRUE(ac_clear) << "EOI did not clear active";
    }
};

TEST_P(GicSpi, FirstCpu) { deliver(3, 0); }
TEST_P(GicSpi, LastCpu) { deliver(31, cpus() - 1); }

TEST_P(GicSpi, MaskedByPmrUntilLowered)
{
    const unsigned pe = cpus() - 1, line = 5, intid = 37;
    setup_cpu(pe);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_PMR, 0x80).ok());  // masks priority 0xA0
    wr(kGicd + GICD_CTLR, 2);
    ASSERT_TRUE(gicd_wait_rwp());
    setup_spi(intid, pe, 0xA0);
    sim->lines().set(line, true);
    sim->model().ticks(500);
    EXPECT_FALSE(sim->platform().irq_line(pe)) << "priority 0xA0 must be masked by PMR 0x80";
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_PMR, 0xF0).ok());
    EXPECT_TRUE(sim->platform().run_until([&] { return sim->platform().irq_line(pe); }, 1000));
    EXPECT_EQ(iar(pe), intid);
    sim->lines().set(line, false);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_EOIR1, intid).ok());
}

INSTANTIATE_TEST_SUITE_P(Cpus, GicSpi, ::testing::Values(1u, 4u, 16u), cpus_name);
