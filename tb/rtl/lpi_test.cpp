// SPDX-License-Identifier: MIT
// Direct LPIs at register level, no driver: PROPBASER/PENDBASER with tables in
// the Dram model, EnableLPIs, GICR_SETLPIR -> irq_out -> ICC_IAR1 = INTID ->
// ICC_EOIR1; priorities among LPIs and against SPIs; the configuration cache
// (a changed byte needs INVLPIR/INVALLR); SYNCR busy; CLRLPIR; coalescing; the
// PROPBASER-after-enable check; thousands of LPIs in bursts across PEs.
#include "rtl_test_support.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <vector>

using namespace rtltest;

namespace {

constexpr uint32_t kLpiBase = 8192;
constexpr uint8_t kGroup1 = 0x02;  // config byte bit 1 (RES1, Linux sets it)
constexpr uint8_t kEnable = 0x01;

uint64_t test_seed()
{
    const char* s = std::getenv("IRQSIM_SEED");
    return (s && *s) ? std::strtoull(s, nullptr, 0) : 1;
}

}  // namespace

class Lpi : public SimTest {
protected:
    // tables for INTIDs < 2^id_bits; every byte = prio | group, disabled
    void setup_tables(unsigned id_bits = 14, uint8_t prio = 0xA0)
    {
        id_bits_ = id_bits;
        prop_size_ = (size_t(1) << id_bits) - kLpiBase;
        prop_ = static_cast<uint8_t*>(sim->dram().alloc(prop_size_, &prop_pa_, 4096));
        ASSERT_NE(prop_, nullptr);
        std::fill(prop_, prop_ + prop_size_, uint8_t(prio | kGroup1));
        for (unsigned pe = 0; pe < pes(); pe++) {
            uint64_t pend_pa = 0;
            ASSERT_NE(sim->dram().alloc(size_t(1) << (id_bits - 3), &pend_pa, 65536), nullptr);
            pend_pa_.push_back(pend_pa);
        }
    }
    // PROPBASER (shared table) / PENDBASER, then EnableLPIs
    void enable_lpis(unsigned pe)
    {
        const uint64_t propbaser = prop_pa_ | (1u << 10) /*Inner*/ | (7u << 7) /*RaWaWb*/ | (id_bits_ - 1);
        EXPECT_TRUE(bus().write64(gicr(pe) + GICR_PROPBASER, propbaser).ok());
        EXPECT_TRUE(bus().write64(gicr(pe) + GICR_PENDBASER, pend_pa_[pe] | (1u << 10) | (7u << 7)).ok());
        EXPECT_EQ(bus().read64(gicr(pe) + GICR_PROPBASER).data, propbaser);
        wr(gicr(pe) + GICR_CTLR, rd(gicr(pe) + GICR_CTLR) | 1);
        EXPECT_EQ(rd(gicr(pe) + GICR_CTLR) & 1, 1u);
    }
    void setup_cpu(unsigned pe)
    {
        ASSERT_TRUE(wake(pe));
        auto& sr = sim->sysregs();
        EXPECT_TRUE(sr.write_enc(pe, ICC_SRE, 7).ok());
        EXPECT_TRUE(sr.write_enc(pe, ICC_PMR, 0xF0).ok());
        EXPECT_TRUE(sr.write_enc(pe, ICC_CTLR, 0).ok());  // EOImode 0
        EXPECT_TRUE(sr.write_enc(pe, ICC_IGRPEN1, 1).ok());
    }
    // everything for PE set: GICD EnableGrp1, tables, LPIs enabled, CPU interface on
    void setup_all(unsigned id_bits = 14)
    {
        wr(kGicd + GICD_CTLR, 2);
        ASSERT_TRUE(gicd_wait_rwp());
        setup_tables(id_bits);
        for (unsigned pe = 0; pe < pes(); pe++) {
            enable_lpis(pe);
            setup_cpu(pe);
        }
    }
    void cfg(uint32_t intid, uint8_t prio, bool enabled)
    {
        prop_[intid - kLpiBase] = uint8_t((prio & 0xFC) | kGroup1 | (enabled ? kEnable : 0));
    }
    void setlpi(unsigned pe, uint32_t intid) { wr(gicr(pe) + GICR_SETLPIR, intid); }
    void setlpi64(unsigned pe, uint32_t intid)
    {
        EXPECT_TRUE(bus().write64(gicr(pe) + GICR_SETLPIR, intid).ok());
    }
    void clrlpi(unsigned pe, uint32_t intid) { wr(gicr(pe) + GICR_CLRLPIR, intid); }
    void invlpi(unsigned pe, uint32_t intid)
    {
        EXPECT_TRUE(bus().write64(gicr(pe) + GICR_INVLPIR, intid).ok());
    }
    void invall(unsigned pe) { EXPECT_TRUE(bus().write64(gicr(pe) + GICR_INVALLR, 0).ok()); }
    bool sync(unsigned pe, unsigned max_polls = 10000)
    {
        for (unsigned i = 0; i < max_polls; i++)
            if (!(rd(gicr(pe) + GICR_SYNCR) & 1))
                return true;
        return false;
    }
    uint32_t iar(unsigned pe)
    {
        auto r = sim->sysregs().read_enc(pe, ICC_IAR1);
        EXPECT_TRUE(r.ok());
        return static_cast<uint32_t>(r.data & 0xffffff);
    }
    void eoi(unsigned pe, uint32_t intid)
    {
        EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_EOIR1, intid).ok());
    }
    bool wait_irq(unsigned pe, bool level = true, unsigned max_cycles = 5000)
    {
        for (unsigned i = 0; i < max_cycles; i++) {
            if (sim->platform().irq_line(pe) == level)
                return true;
            sim->model().tick();
        }
        return sim->platform().irq_line(pe) == level;
    }
    // acknowledge + EOI the next interrupt of pe (after waiting for irq_out)
    uint32_t take(unsigned pe)
    {
        if (!wait_irq(pe))
            return 1023;
        uint32_t id = iar(pe);
        if (id != 1023)
            eoi(pe, id);
        return id;
    }
    // nothing signalled for a while, IAR says 1023
    void expect_quiet(unsigned pe, unsigned cycles = 1500)
    {
        sim->model().ticks(cycles);
        EXPECT_FALSE(sim->platform().irq_line(pe)) << "pe " << pe;
        EXPECT_EQ(iar(pe), 1023u) << "pe " << pe;
    }

    unsigned id_bits_ = 14;
    size_t prop_size_ = 0;
    uint8_t* prop_ = nullptr;
    uint64_t prop_pa_ = 0;
    std::vector<uint64_t> pend_pa_;
};

TEST_P(Lpi, TyperAndCtlrAdvertiseDirectLpi)
{
    for (unsigned pe = 0; pe < pes(); pe++) {
        uint64_t t = bus().read64(gicr(pe) + GICR_TYPER).data;
        EXPECT_EQ(t & 1, 1u) << "PLPIS, pe " << pe;
        EXPECT_EQ((t >> 3) & 1, 1u) << "DirectLPI, pe " << pe;
        EXPECT_EQ(t & 2, 0u) << "VLPIS";
        uint32_t ctlr = rd(gicr(pe) + GICR_CTLR);
        EXPECT_EQ(ctlr & 7, 4u) << "IR=1, CES=0, EnableLPIs=0 at reset";
        EXPECT_EQ(rd(gicr(pe) + GICR_SYNCR), 0u);
    }
}

TEST_P(Lpi, SetlpirDeliversToTheWrittenPe)
{
    setup_all();
    const uint32_t id = kLpiBase + 5;
    cfg(id, 0xA0, true);
    for (unsigned pe : {0u, pes() - 1}) {
        SCOPED_TRACE("pe " + std::to_string(pe));
        EXPECT_FALSE(sim->platform().irq_line(pe));
        setlpi64(pe, id);
        ASSERT_TRUE(wait_irq(pe)) << "irq_out never rose";
        for (unsigned o = 0; o < pes(); o++)
            if (o != pe)
                EXPECT_FALSE(sim->platform().irq_line(o)) << "other pe " << o;
        EXPECT_EQ(sim->sysregs().read_enc(pe, sys_reg(3, 0, 12, 12, 2)).data, id) << "HPPIR1";
        EXPECT_EQ(iar(pe), id);
        EXPECT_EQ(sim->sysregs().read_enc(pe, ICC_RPR).data, 0xA0u);
        EXPECT_TRUE(wait_irq(pe, false, 50)) << "acknowledge clears the pending state";
        eoi(pe, id);
        EXPECT_EQ(sim->sysregs().read_enc(pe, ICC_RPR).data, 0xFFu) << "EOIR drops the priority";
        expect_quiet(pe, 300);
        // delivered again when set again (no active state)
        setlpi(pe, id);
        EXPECT_EQ(take(pe), id);
    }
    EXPECT_GT(sim->dram().bus_reads(), 0u) << "configuration byte fetched over dram_*";
}

TEST_P(Lpi, PriorityAmongLpisAndTies)
{
    setup_all();
    const unsigned pe = pes() - 1;
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());  // collect first
    struct L {
        uint32_t id;
        uint8_t prio;
    };
    const std::vector<L> ls = {{kLpiBase + 40, 0xC0}, {kLpiBase + 30, 0x80}, {kLpiBase + 20, 0xA0},
                               {kLpiBase + 10, 0xA0}, {kLpiBase + 50, 0x40}, {kLpiBase + 60, 0x44}};
    for (auto& l : ls) {
        cfg(l.id, l.prio, true);
        setlpi(pe, l.id);
    }
    ASSERT_TRUE(sync(pe));
    sim->model().ticks(50);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    // 0x40, 0x44 (priority bits [7:2] kept), 0x80, then the 0xA0 tie by INTID, 0xC0
    for (uint32_t want :
         {kLpiBase + 50, kLpiBase + 60, kLpiBase + 30, kLpiBase + 10, kLpiBase + 20, kLpiBase + 40})
        EXPECT_EQ(take(pe), want);
    expect_quiet(pe, 300);
}

TEST_P(Lpi, LpiVersusSpiByPriority)
{
    setup_all();
    const unsigned pe = 0, spi = 40;
    // SPI 40, priority 0xA0, routed to pe
    wr(kGicd + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE,
       rd(kGicd + GICD_IGROUPR + GIC_DIST_IGROUPR_SPI_STRIDE) | (1u << (spi % 32)));
    uint32_t pa = kGicd + GICD_IPRIORITYR + (spi & ~3u);
    wr(pa, (rd(pa) & ~(0xffu << (8 * (spi % 4)))) | (0xA0u << (8 * (spi % 4))));
    EXPECT_TRUE(bus().write64(kGicd + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * spi, mpidr_of(pe)).ok());
    wr(kGicd + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE, 1u << (spi % 32));
    const uint32_t hi = kLpiBase + 100, lo = kLpiBase + 101;
    cfg(hi, 0x80, true);
    cfg(lo, 0xC0, true);

    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    wr(kGicd + GICD_ISPENDR + GIC_DIST_ISPENDR_SPI_STRIDE, 1u << (spi % 32));
    setlpi(pe, lo);
    setlpi(pe, hi);
    ASSERT_TRUE(sync(pe));
    sim->model().ticks(300);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), hi) << "LPI 0x80 before SPI 0xA0";
    EXPECT_EQ(take(pe), spi) << "SPI 0xA0 before LPI 0xC0";
    EXPECT_EQ(take(pe), lo);
    expect_quiet(pe, 300);
}

// The cache contract: a changed configuration byte takes effect only after
// INVLPIR (or INVALLR); a disabled pending LPI stays pending, delivered once
// when an invalidate enables it.
TEST_P(Lpi, ConfigChangeNeedsInvlpir)
{
    setup_all();
    const unsigned pe = pes() - 1;
    const uint32_t id = kLpiBase + 777;
    cfg(id, 0xA0, true);
    setlpi(pe, id);
    ASSERT_EQ(take(pe), id);

    // masked in memory, no INVLPIR: the cached Enable=1 still holds
    cfg(id, 0xA0, false);
    setlpi(pe, id);
    EXPECT_EQ(take(pe), id) << "config change took effect without INVLPIR";

    // INVLPIR: now disabled; a set stays pending but is not signalled
    invlpi(pe, id);
    ASSERT_TRUE(sync(pe));
    setlpi(pe, id);
    ASSERT_TRUE(sync(pe));
    expect_quiet(pe);

    // enabled in memory without INVLPIR: still not signalled
    cfg(id, 0x60, true);
    expect_quiet(pe, 500);
    // INVLPIR: delivered once, with the new priority
    invlpi(pe, id);
    ASSERT_TRUE(sync(pe));
    ASSERT_TRUE(wait_irq(pe));
    EXPECT_EQ(iar(pe), id);
    EXPECT_EQ(sim->sysregs().read_enc(pe, ICC_RPR).data, 0x60u) << "new priority after INVLPIR";
    eoi(pe, id);
    expect_quiet(pe, 500);
}

TEST_P(Lpi, PriorityChangeNeedsInvlpir)
{
    setup_all();
    const unsigned pe = 0;
    const uint32_t a = kLpiBase + 1, b = kLpiBase + 2;
    cfg(a, 0x80, true);
    cfg(b, 0xA0, true);
    for (uint32_t id : {a, b}) {  // cache both
        setlpi(pe, id);
        ASSERT_EQ(take(pe), id);
    }
    cfg(a, 0xC0, true);  // now lower priority than b, in memory only
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    setlpi(pe, b);
    setlpi(pe, a);
    ASSERT_TRUE(sync(pe));
    sim->model().ticks(100);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), a) << "stale priority 0x80 must still win";
    EXPECT_EQ(take(pe), b);
    invlpi(pe, a);
    ASSERT_TRUE(sync(pe));
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    setlpi(pe, a);
    setlpi(pe, b);
    ASSERT_TRUE(sync(pe));
    sim->model().ticks(100);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), b) << "after INVLPIR a has priority 0xC0";
    EXPECT_EQ(take(pe), a);
}

TEST_P(Lpi, InvallrRefetchesEveryLpi)
{
    setup_all();
    const unsigned pe = 0;
    const std::vector<uint32_t> ids = {kLpiBase + 300, kLpiBase + 301, kLpiBase + 302};
    for (uint32_t id : ids) {
        cfg(id, 0xA0, true);
        setlpi(pe, id);
        ASSERT_EQ(take(pe), id);
    }
    // disable all in memory, set them pending: cached enables still deliver
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    cfg(ids[0], 0xC0, true);
    cfg(ids[1], 0xA0, false);
    cfg(ids[2], 0x40, true);
    for (uint32_t id : ids)
        setlpi(pe, id);
    invall(pe);
    ASSERT_TRUE(sync(pe));
    sim->model().ticks(100);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), ids[2]) << "0x40 after INVALLR";
    EXPECT_EQ(take(pe), ids[0]);
    expect_quiet(pe);  // ids[1] pending but disabled
    cfg(ids[1], 0xA0, true);
    invall(pe);
    ASSERT_TRUE(sync(pe));
    EXPECT_EQ(take(pe), ids[1]) << "pending disabled LPI delivered once enabled";
    expect_quiet(pe, 300);
}

TEST_P(Lpi, SyncrBusyUntilTheRefetchCompletes)
{
    setup_all();
    const unsigned pe = 0;
    sim->dram().set_latency(300);
    const uint32_t id = kLpiBase + 9;
    cfg(id, 0xA0, true);
    invlpi(pe, id);
    EXPECT_EQ(rd(gicr(pe) + GICR_SYNCR) & 1, 1u) << "SYNCR.Busy while the byte is fetched";
    unsigned polls = 0;
    while ((rd(gicr(pe) + GICR_SYNCR) & 1) && polls < 10000)
        polls++;
    EXPECT_GT(polls, 0u);
    EXPECT_EQ(rd(gicr(pe) + GICR_SYNCR), 0u);
    // SETLPIR: busy, then the LPI is there once SYNCR reads 0 (no extra cycles)
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    cfg(kLpiBase + 10, 0xA0, true);
    setlpi(pe, kLpiBase + 10);
    EXPECT_EQ(rd(gicr(pe) + GICR_SYNCR) & 1, 1u);
    ASSERT_TRUE(sync(pe));
    sim->dram().set_latency(4);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), kLpiBase + 10);
}

TEST_P(Lpi, ClrlpirRemovesAPendingLpi)
{
    setup_all();
    const unsigned pe = pes() - 1;
    const uint32_t a = kLpiBase + 11, b = kLpiBase + 12;
    cfg(a, 0xA0, true);
    cfg(b, 0xA0, true);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    setlpi(pe, a);
    setlpi(pe, b);
    clrlpi(pe, a);
    ASSERT_TRUE(sync(pe));
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), b);
    expect_quiet(pe);
}

TEST_P(Lpi, RepeatedSetlpirCoalesces)
{
    setup_all();
    const unsigned pe = 0;
    const uint32_t id = kLpiBase + 4000;
    cfg(id, 0xA0, true);
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
    for (int i = 0; i < 5; i++)
        setlpi(pe, id);
    ASSERT_TRUE(sync(pe));
    EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
    EXPECT_EQ(take(pe), id);
    expect_quiet(pe);
}

TEST_P(Lpi, IgnoredSetlpirWrites)
{
    wr(kGicd + GICD_CTLR, 2);
    ASSERT_TRUE(gicd_wait_rwp());
    setup_tables(14);
    const unsigned pe = 0;
    setup_cpu(pe);
    const uint32_t id = kLpiBase + 3;
    cfg(id, 0xA0, true);
    setlpi(pe, id);  // EnableLPIs = 0: ignored
    enable_lpis(pe);
    EXPECT_EQ(rd(gicr(pe) + GICR_SYNCR), 0u);
    expect_quiet(pe, 300);
    setlpi(pe, 27);            // a PPI INTID: not an LPI
    setlpi(pe, 8191);          // below the LPI range
    setlpi(pe, 1u << 14);      // beyond PROPBASER.IDbits (14 bits)
    setlpi(pe, 0x10000 | id);  // INTID bits [31:16] set
    ASSERT_TRUE(sync(pe));
    expect_quiet(pe, 300);
    EXPECT_EQ(sim->dram().bus_reads(), 0u) << "no table read for ignored writes";
    cfg((1u << 14) - 1, 0xA0, true);
    setlpi(pe, (1u << 14) - 1);  // the last LPI of the table
    EXPECT_EQ(take(pe), (1u << 14) - 1);
    // EnableLPIs cannot be cleared (CES = 0)
    wr(gicr(pe) + GICR_CTLR, 0);
    EXPECT_EQ(rd(gicr(pe) + GICR_CTLR) & 1, 1u);
}

// PROPBASER/PENDBASER are not writable once EnableLPIs = 1: the write is
// ignored and the RTL check names the register and the rule.
TEST_P(Lpi, PropbaserWriteAfterEnableRefused)
{
    setup_all();
    const unsigned pe = 0;
    const uint64_t before = bus().read64(gicr(pe) + GICR_PROPBASER).data;
    const uint64_t pend_before = bus().read64(gicr(pe) + GICR_PENDBASER).data;
    ASSERT_FALSE(sim->failed());
    ::testing::internal::CaptureStdout();
    wr(gicr(pe) + GICR_PROPBASER, 0x12345000u | 15);
    std::string out = ::testing::internal::GetCapturedStdout();
    std::printf("%s", out.c_str());
    EXPECT_TRUE(sim->failed()) << "the RTL check did not fire";
    EXPECT_NE(sim->error().find("GICR_PROPBASER"), std::string::npos) << sim->error();
    EXPECT_NE(sim->error().find("EnableLPIs=1"), std::string::npos) << sim->error();
    EXPECT_EQ(bus().read64(gicr(pe) + GICR_PROPBASER).data, before) << "write must be ignored";
    wr(gicr(pe) + GICR_PENDBASER, 0x77770000u);
    EXPECT_EQ(bus().read64(gicr(pe) + GICR_PENDBASER).data, pend_before);
    // LPIs still work with the original table
    const uint32_t id = kLpiBase + 6;
    cfg(id, 0xA0, true);
    setlpi(pe, id);
    EXPECT_EQ(take(pe), id);
    sim.reset();  // the expected failure must not fail TearDown
}

// Thousands of distinct LPIs set pending in random bursts across all PEs; each
// must reach the PE whose GICR_SETLPIR was written, exactly once.  One burst
// fills a redistributor's pending store to the brim and beyond (the extra ones
// wait in the command queue).
TEST_P(Lpi, ThousandsInBurstsExactlyOnce)
{
    const uint64_t seed = test_seed();
    // IRQSIM_LPI_IDBITS (14..16, default 16): INTID bits of the table (8k .. 56k LPIs)
    const char* ib = std::getenv("IRQSIM_LPI_IDBITS");
    const unsigned id_bits = (ib && *ib) ? std::clamp(unsigned(std::atoi(ib)), 14u, 16u) : 16u;
    std::printf("seed %llu (IRQSIM_SEED to reproduce), %u INTID bits\n",
                static_cast<unsigned long long>(seed), id_bits);
    setup_all(id_bits);
    const auto t0 = std::chrono::steady_clock::now();
    const uint64_t c0 = sim->cycle();
    std::mt19937_64 rng(seed);
    std::vector<uint32_t> ids;
    for (uint32_t i = kLpiBase; i < (1u << id_bits); i++)
        ids.push_back(i);
    std::shuffle(ids.begin(), ids.end(), rng);
    const unsigned total = 2400;
    for (unsigned i = 0; i < total; i++)
        cfg(ids[i], uint8_t(0x40 + 8 * (rng() % 16)), true);

    std::map<uint32_t, unsigned> target;  // intid -> pe written
    std::map<uint32_t, unsigned> got;     // intid -> deliveries
    unsigned next = 0, burst_no = 0;
    while (next < total) {
        // burst: up to 40 per PE, the first burst 64 on PE 0 (store 32 + engine 1 + queue 32 = 65)
        std::vector<unsigned> per_pe(pes());
        for (unsigned pe = 0; pe < pes(); pe++)
            per_pe[pe] = (burst_no == 0 && pe == 0) ? 64 : 1 + unsigned(rng() % 40);
        for (unsigned pe = 0; pe < pes(); pe++)
            EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 0).ok());
        for (unsigned k = 0; next < total; k++) {
            bool any = false;
            for (unsigned pe = 0; pe < pes() && next < total; pe++) {
                if (k >= per_pe[pe])
                    continue;
                any = true;
                target[ids[next]] = pe;
                setlpi(pe, ids[next++]);
            }
            if (!any)
                break;
        }
        for (unsigned pe = 0; pe < pes(); pe++)
            EXPECT_TRUE(sim->sysregs().write_enc(pe, ICC_IGRPEN1, 1).ok());
        // drain every PE until each has taken what was written to it
        std::vector<unsigned> expect(pes(), 0);
        for (auto& t : target)
            if (!got.count(t.first))
                expect[t.second]++;
        unsigned stuck = 0;
        bool pending = true;
        while (pending && stuck < 20) {
            pending = false;
            bool progress = false;
            for (unsigned pe = 0; pe < pes(); pe++) {
                if (!expect[pe])
                    continue;
                pending = true;
                if (!wait_irq(pe, true, 3000))
                    continue;
                uint32_t id = iar(pe);
                if (id == 1023)
                    continue;
                eoi(pe, id);
                progress = true;
                got[id]++;
                auto t = target.find(id);
                if (t == target.end()) {
                    ADD_FAILURE() << "unexpected INTID " << id << " on pe " << pe;
                } else {
                    EXPECT_EQ(t->second, pe) << "INTID " << id << " delivered to the wrong PE";
                    if (got[id] == 1 && expect[t->second])
                        expect[t->second]--;
                }
            }
            stuck = progress ? 0 : stuck + 1;
        }
        for (unsigned pe = 0; pe < pes(); pe++)
            EXPECT_EQ(expect[pe], 0u) << "LPIs never delivered to pe " << pe << ", burst " << burst_no;
        burst_no++;
        ASSERT_FALSE(HasFailure()) << "burst " << burst_no;
    }
    EXPECT_EQ(got.size(), size_t(total));
    unsigned dup = 0;
    for (auto& g : got)
        dup += g.second != 1;
    EXPECT_EQ(dup, 0u) << "LPIs delivered more than once";
    for (unsigned pe = 0; pe < pes(); pe++)
        expect_quiet(pe, 100);
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const uint64_t cycles = sim->cycle() - c0;
    std::printf("[ result   ] %u LPIs in %u bursts over %u PEs: %llu cycles, %.0f cycles/s (informational)\n",
                total, burst_no, pes(), static_cast<unsigned long long>(cycles),
                secs > 0 ? cycles / secs : 0.0);
}

INSTANTIATE_TEST_SUITE_P(Cpus, Lpi, ::testing::Values(4u), cpus_name);

// the same delivery at 1 and 16 CPUs (first and last PE)
class LpiSizes : public Lpi {};
TEST_P(LpiSizes, SetlpirDeliversToFirstAndLastPe)
{
    setup_all();
    const uint32_t id = kLpiBase + 77;
    cfg(id, 0x90, true);
    for (unsigned pe : {0u, pes() - 1}) {
        setlpi(pe, id);
        EXPECT_EQ(take(pe), id) << "pe " << pe;
        expect_quiet(pe, 300);
    }
}
INSTANTIATE_TEST_SUITE_P(Cpus, LpiSizes, ::testing::Values(1u, 16u), cpus_name);
