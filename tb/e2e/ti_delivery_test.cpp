// SPDX-License-Identifier: MIT
// The TI K3-style path end to end (label e2e) and its driver-vs-RTL contract
// (suites named Contract*, label contract): DMA-ring completion -> INTA (event
// map, VINT status bit) -> INTR (MUXCNTL) -> GIC SPI -> CPU, with the firmware
// model programming the secure registers and the INTA-MSI vectors allocated per
// ring on demand; plain device lines through the INTR; resource exhaustion;
// firmware range checks; secure-only registers refusing the non-secure world.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "dev_dma_ring_regs.h"
#include "e2e_support.h"
#include "inta_doorbell_client.h"
#include "soc_dt.h"
#include "ti_inta_regs.h"
#include "ti_intr_regs.h"

extern "C" {
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/irqsim_views.h>
#include <linux/msi.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>
#include <linux/soc/ti/ti_sci_protocol.h>
}

namespace irqsim::e2e {
namespace {

// the model's TI blocks (SocParams; boot() checked the tree's reg properties against them)
// (offsets within a block: the generated <block>_regs.h of rtl/*/*.rdl)
uint32_t intr_base(Sim& sim) { return sim.model().params().intr_base; }
uint32_t imap_base(Sim& sim) { return sim.model().params().inta_imap_base(); }
uint32_t dma_cfg_base(Sim& sim) { return sim.model().params().dma_cfg_base(); }
uint32_t vint_base(Sim& sim) { return sim.model().params().inta_base; }
uint32_t muxcntl(Sim& sim, unsigned n)
{
    return intr_base(sim) + TI_INTR_MUXCNTL_OFFSET + TI_INTR_MUXCNTL_STRIDE * n;
}
uint32_t imap(Sim& sim, unsigned e) { return imap_base(sim) + TI_INTA_IMAP_STRIDE * e; }
uint32_t ring_event(Sim& sim, unsigned r) { return dma_cfg_base(sim) + DEV_DMA_RING_RING_EVENT_STRIDE * r; }
uint32_t vint_reg(Sim& sim, unsigned v, uint32_t off)
{
    return vint_base(sim) + TI_INTA_VINT_STRIDE * v + off;
}
// the unmapped-event doorbell (MSI target); ERR_COUNT: events with no valid IMAP entry
uint32_t inta_doorbell(Sim& sim)
{
    return sim.model().params().inta_cfg_base() + TI_INTA_CFG_UNMAPPED_EVENT_DOORBELL_OFFSET;
}
uint32_t inta_err_count(Sim& sim)
{
    return sim.model().params().inta_cfg_base() + TI_INTA_CFG_ERR_COUNT_OFFSET;
}
constexpr unsigned kSlverr = 2;
constexpr unsigned kBitsPerVint = 64;  // a VINT's status register

uint32_t fw_rd(Sim& sim, uint32_t addr)
{
    AxiResult r = sim.fw_bus().read32(addr, kProtSecure);
    EXPECT_EQ(r.resp, 0u) << "secure read of 0x" << std::hex << addr;
    return static_cast<uint32_t>(r.data);
}

// nothing programmed anywhere: the firmware's books and the registers agree
void expect_nothing_programmed(Sim& sim, const char* when)
{
    const Firmware& fw = sim.firmware();
    EXPECT_TRUE(fw.event_maps().empty()) << when << ": " << fw.event_maps().size() << " event maps left";
    EXPECT_TRUE(fw.routes().empty()) << when << ": " << fw.routes().size() << " INTR routes left";
    const SocParams& p = sim.model().params();
    for (unsigned n = 0; n < p.num_intr_out; n++)
        EXPECT_EQ(fw_rd(sim, muxcntl(sim, n)), 0u) << when << ": MUXCNTL[" << n << "]";
    for (unsigned e = 0; e < p.num_events; e += 1)
        EXPECT_EQ(fw_rd(sim, imap(sim, e)), 0u) << when << ": IMAP[" << e << "]";
    for (unsigned r = 0; r < p.num_rings; r++)
        EXPECT_EQ(fw_rd(sim, ring_event(sim, r)), 0u) << when << ": RING_EVENT[" << r << "]";
}

class TiDelivery : public SessionTest {
protected:
    // boot a variant of the test topology's tree (dts_variant)
    void boot_dts(const std::string& dts, uint64_t dflt_seed)
    {
        SessionConfig cfg = test_session_config(kTestTopology, test_seed(dflt_seed));
        cfg.dts_path = dts;
        boot_config(cfg);
    }
    // the firmware's host ranges (the tree's ti,sci-rm-range-*)
    const FirmwareConfig& fw_cfg() { return sim().firmware().config(); }

    // random posts on the active rings, channels toggled with probability toggle_pct
    void traffic(std::mt19937_64& rng, unsigned posts, unsigned toggle_pct, uint64_t* toggles)
    {
        auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
        unsigned nr = s().num_rings();
        for (unsigned p = 0; p < posts;) {
            unsigned r = rnd(nr);
            RingChannel& rc = s().ring(r);
            if (rnd(100) < toggle_pct) {
                int ret = rc.active ? s().release_ring(r) : s().request_ring(r);
                ASSERT_TRUE(ret == 0 || ret == -EAGAIN) << "ring " << r << ": " << ret;
                if (ret == 0 && toggles)
                    (*toggles)++;
                continue;
            }
            if (!rc.active)
                continue;
            ASSERT_EQ(s().post_ring(r, 1 + rnd(3)), 0);
            p++;
            s().run(rnd(120));
            ASSERT_FALSE(sim().failed()) << sim().error();
        }
    }

    void expect_rings_consistent()
    {
        for (unsigned r = 0; r < s().num_rings(); r++) {
            RingChannel& rc = s().ring(r);
            if (rc.active) {
                EXPECT_EQ(dma_ring_pending(s().dma(), r), 0u) << "ring " << r;
                EXPECT_EQ(rc.seen, dma_ring_completed(s().dma(), r))
                    << "ring " << r << ": completions no handler saw";
            }
        }
    }
};

// Every ring a channel; each ring's completions reach its own virq, on the CPU
// the GIC SPI under its VINT is routed to; repeated events coalesce.
TEST_F(TiDelivery, EveryRingDeliversItsOwnVirq)
{
    boot(kTestTopology, 21);
    ASSERT_NE(s().dma(), nullptr);
    ASSERT_EQ(s().num_rings(), s().soc().num_rings) << "the driver's ring count is not the RTL's";
    std::set<unsigned> virqs;
    for (unsigned r = 0; r < s().num_rings(); r++) {
        ASSERT_EQ(s().request_ring(r), 0) << "ring " << r;
        EXPECT_TRUE(virqs.insert(s().ring(r).virq).second)
            << "ring " << r << " shares virq " << s().ring(r).virq;
        EXPECT_EQ(dma_ring_virq(s().dma(), r), s().ring(r).virq);
    }
    EXPECT_EQ(sim().firmware().event_maps().size(), s().num_rings()) << "one event map per requested ring";
    for (unsigned r = 0; r < s().num_rings(); r++)
        EXPECT_EQ(s().ring_cpus(r).count(), 1u) << "ring " << r
                                                << ": the SPI under its VINT not found "
                                                   "(the scoreboard would fall back to every CPU)";
    std::mt19937_64 rng(seed_);
    traffic(rng, 1500, 0, nullptr);
    EXPECT_TRUE(s().drain(400000));
    expect_rings_consistent();
    Verdict v = s().scoreboard().verdict();
    EXPECT_EQ(v.lost, 0u);
    EXPECT_EQ(v.delivered + v.coalesced, v.injected);
    for (const auto& [key, n] : s().scoreboard().runs()) {
        bool own = false;
        for (unsigned r = 0; r < s().num_rings(); r++)
            own |= s().ring(r).virq == key.first;
        EXPECT_TRUE(own) << "virq " << key.first << " ran " << n << "x but is no ring's";
    }
    std::printf("[ result   ] %s; %s\n", v.summary().c_str(), s().ring_latency_report().c_str());
    EXPECT_TRUE(verdict_passes());
}

// Channels requested and released while the other rings keep completing;
// a released ring is silent; releasing everything leaves nothing programmed.
TEST_F(TiDelivery, ChannelsComeAndGoUnderTraffic)
{
    boot(kTestTopology, 22);
    std::mt19937_64 rng(seed_);
    for (unsigned r = 0; r < s().num_rings(); r += 2)
        ASSERT_EQ(s().request_ring(r), 0) << "ring " << r;
    uint64_t toggles = 0;
    traffic(rng, 1200, 8, &toggles);
    EXPECT_GT(toggles, 20u);
    EXPECT_TRUE(s().drain(400000));
    expect_rings_consistent();
    unsigned active = 0;
    for (unsigned r = 0; r < s().num_rings(); r++)
        active += s().ring(r).active;
    EXPECT_EQ(sim().firmware().event_maps().size(), active);
    EXPECT_TRUE(verdict_passes());
    for (unsigned r = 0; r < s().num_rings(); r++) {
        if (s().ring(r).active) {
            ASSERT_EQ(s().release_ring(r), 0);
        }
    }
    // posts on released rings complete (COMPLETED moves) and raise nothing
    for (unsigned r = 0; r < 8; r++)
        ASSERT_EQ(s().post_ring(r, 2), 0);
    s().run(2000);
    for (unsigned r = 0; r < 8; r++)
        EXPECT_EQ(dma_ring_pending(s().dma(), r), 0u);
    EXPECT_TRUE(verdict_passes());
    std::printf("[ result   ] %s; %llu channel toggles\n", s().scoreboard().verdict().summary().c_str(),
                static_cast<unsigned long long>(toggles));
    expect_nothing_programmed(sim(), "after releasing every channel");
}

// Plain device lines through the INTR: irqsim,intr-lines mapped from the tree,
// request_irq, routed to random CPUs, level events (the handler clears the pin).
struct IntrLine {
    SocSession* s = nullptr;
    unsigned index = 0;
    unsigned virq = 0;
};

irqreturn_t intr_line_handler(int irq, void* ctx)
{
    auto* l = static_cast<IntrLine*>(ctx);
    l->s->handler_entry(static_cast<unsigned>(irq));
    l->s->sim().model().pins().intr_line_in.set_bit(l->index, false);
    return IRQ_HANDLED;
}

TEST_F(TiDelivery, IntrLinesReachTheGic)
{
    boot(kTestTopology, 23);
    std::mt19937_64 rng(seed_);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,intr-lines");
    ASSERT_NE(node, nullptr);
    int n = of_irq_count(node);
    ASSERT_EQ(n, static_cast<int>(s().soc().num_intr_lines))
        << "every INTR device line the RTL has is in the tree";
    std::vector<IntrLine> lines(static_cast<size_t>(n));
    for (int i = 0; i < n; i++) {
        IntrLine& l = lines[static_cast<size_t>(i)];
        l.s = &s();
        l.index = static_cast<unsigned>(i);
        l.virq = plat().as_cpu(0, [&] { return irq_of_parse_and_map(node, i); });
        ASSERT_NE(l.virq, 0u) << "intr line " << i;
        unsigned cpu = rnd(s().cpus());
        int ret = plat().as_cpu(0, [&] {
            int r = request_irq(l.virq, intr_line_handler, 0, "intr-line", &l);
            if (!r)
                r = irq_set_affinity(l.virq, cpumask_of(cpu));
            return r < 0 ? r : 0;
        });
        ASSERT_EQ(ret, 0) << "intr line " << i;
        EXPECT_TRUE(s().effective_cpus(l.virq).test(cpu)) << "intr line " << i << " not routed to cpu" << cpu;
    }
    EXPECT_EQ(sim().firmware().routes().size(), static_cast<size_t>(n)) << "one INTR output per line";
    const PortRef& pins = sim().model().pins().intr_line_in;
    for (unsigned e = 0; e < 800; e++) {
        IntrLine& l = lines[rnd(lines.size())];
        s().scoreboard().inject("intr line " + std::to_string(l.index), l.virq, s().effective_cpus(l.virq),
                                s().now(), true);
        pins.set_bit(l.index, true);
        s().run(rnd(150));
        ASSERT_FALSE(sim().failed()) << sim().error();
    }
    EXPECT_TRUE(s().drain(200000));
    std::printf("[ result   ] %s\n", s().scoreboard().verdict().summary().c_str());
    EXPECT_TRUE(verdict_passes());
    for (auto& l : lines) {
        s().scoreboard().silence(l.virq);
        plat().as_cpu(0, [&] { return (free_irq(l.virq, &l), 0); });
        plat().as_cpu(0, [&] { return (irq_dispose_mapping(l.virq), 0); });
    }
    EXPECT_TRUE(sim().firmware().routes().empty()) << "disposing the mappings frees the INTR outputs";
}

// INTA as an MSI target: 120 doorbell vectors (fewer if the host's global
// events run out) plus every ring live at once (default SoC: 32 rings, 152
// events: VINT grouping over 3 VINTs; moved-8cpu: 16 + 112 = 128, 2 VINTs), fired by bus writes of their
// messages in random order while the rings complete, some vectors freed and
// requested again meanwhile.  Every event reaches its own virq on the CPU its
// VINT's SPI targets; repeated writes on a set status bit coalesce.  Halfway,
// one VINT is moved to another CPU (its parent irq's affinity): all of its
// events follow, its VINT-mates included.
TEST_F(TiDelivery, DoorbellMsiVectorsBeyond64EventsShareVintsWithRings)
{
    boot_dts(dts_variant("doorbell", {}, IntaDoorbellClient::tree_insert()), 24);
    std::mt19937_64 rng(seed_);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    for (unsigned r = 0; r < s().num_rings(); r++)
        ASSERT_EQ(s().request_ring(r), 0) << "ring " << r;
    const unsigned host_events = fw_cfg().global_event.num;
    ASSERT_GT(host_events, s().num_rings());
    const unsigned total = std::min(s().num_rings() + 120, host_events);
    const unsigned nvints = (total + kBitsPerVint - 1) / kBitsPerVint;
    ASSERT_GE(nvints, 2u) << "the test wants events beyond one VINT";
    std::string db_err;
    auto db_ptr = IntaDoorbellClient::attach(s(), total - s().num_rings(), &db_err);
    ASSERT_TRUE(db_ptr) << db_err;
    IntaDoorbellClient& db = *db_ptr;
    for (unsigned i = 0; i < db.size(); i++)
        ASSERT_EQ(db.request(i), 0) << "vector " << i;

    // messages: {doorbell, global event}, events distinct, VINTs filled first-fit
    std::map<unsigned, unsigned> per_vint;
    std::set<unsigned> virqs, gevts;
    for (unsigned r = 0; r < s().num_rings(); r++) {
        per_vint[s().ring(r).vint]++;
        virqs.insert(s().ring(r).virq);
    }
    for (unsigned i = 0; i < db.size(); i++) {
        DoorbellVector& v = db.vec(i);
        EXPECT_EQ(v.msg.address_lo, inta_doorbell(sim())) << v.name;
        EXPECT_EQ(v.msg.address_hi, 0u) << v.name;
        EXPECT_TRUE(gevts.insert(v.gevt).second) << v.name << ": global event " << v.gevt << " twice";
        EXPECT_TRUE(virqs.insert(v.virq).second) << v.name << ": virq " << v.virq << " twice";
        EXPECT_EQ(msi_get_virq(db.dev(), i), v.virq);
        const auto& m = sim().firmware().event_maps().at(static_cast<uint16_t>(v.gevt));
        EXPECT_EQ(m.src_id, sim().firmware().config().inta_id)
            << v.name << ": an unmapped source maps as the INTA";
        EXPECT_EQ(m.src_index, i);
        per_vint[v.vint]++;
    }
    EXPECT_EQ(sim().firmware().event_maps().size(), total);
    ASSERT_EQ(per_vint.size(), nvints) << total << " events need " << nvints << " VINTs";
    for (unsigned v = 0; v < nvints; v++)
        EXPECT_EQ(per_vint[v], std::min(kBitsPerVint, total - kBitsPerVint * v))
            << "VINT " << v << " (first fit)";
    for (const auto& [vint, n] : per_vint)
        EXPECT_EQ(s().vint_cpus(vint).count(), 1u) << "VINT " << vint << ": its SPI not found";

    uint64_t churn = 0, moved_at = 0;
    unsigned moved_vint = 1, moved_to = 0;
    for (unsigned step = 0; step < 2400; step++) {
        if (step == 1200) {
            // move VINT 1 (64 doorbell events) to another CPU: its parent irq.
            // Quiet first, so no SPI already chosen for the old CPU can carry
            // events raised after the move.
            ASSERT_TRUE(s().drain(200000));
            unsigned parent = s().vint_parent_virq(moved_vint);
            ASSERT_NE(parent, 0u);
            moved_to = (static_cast<unsigned>(s().vint_cpus(moved_vint)._Find_first()) + 1) % s().cpus();
            int ret = plat().as_cpu(0, [&] { return irq_set_affinity(parent, cpumask_of(moved_to)); });
            ASSERT_GE(ret, 0) << "affinity of VINT " << moved_vint << "'s parent irq";
            ASSERT_TRUE(s().vint_cpus(moved_vint).test(moved_to));
            CpuSet to;
            to.set(moved_to);
            for (unsigned i = 0; i < db.size(); i++)
                if (db.vec(i).live && db.vec(i).vint == moved_vint)
                    s().scoreboard().allow(db.vec(i).virq, to);
            moved_at = s().now();
            // an event's own virq still refuses: it would move its VINT-mates
            unsigned mate = 0;
            while (mate < db.size() && !(db.vec(mate).live && db.vec(mate).vint == moved_vint))
                mate++;
            ASSERT_LT(mate, db.size()) << "no live doorbell vector on VINT " << moved_vint;
            int own =
                plat().as_cpu(0, [&] { return irq_set_affinity(db.vec(mate).virq, cpumask_of(moved_to)); });
            EXPECT_LT(own, 0) << "one event's affinity changed its whole VINT";
        }
        unsigned what = rnd(100);
        if (what < 60) {
            unsigned i = rnd(db.size());
            EXPECT_TRUE(db.fire(i, 1 + (rnd(4) == 0 ? rnd(3) : 0))) << "doorbell write refused";
        } else if (what < 95) {
            unsigned r = rnd(s().num_rings());
            ASSERT_EQ(s().post_ring(r, 1 + rnd(2)), 0);
        } else {
            unsigned i = rnd(db.size());
            if (db.vec(i).live) {
                ASSERT_EQ(db.release(i), 0);
            } else {
                ASSERT_EQ(db.request(i), 0) << "vector " << i << " again";
            }
            churn++;
        }
        s().run(rnd(60));
        ASSERT_FALSE(sim().failed()) << sim().error();
    }
    for (unsigned i = 0; i < db.size(); i++)
        if (!db.vec(i).live) {
            ASSERT_EQ(db.request(i), 0) << "vector " << i << " again";
        }
    for (unsigned i = 0; i < db.size(); i++)
        EXPECT_TRUE(db.fire(i)) << "doorbell write refused";
    EXPECT_TRUE(s().drain(600000));
    expect_rings_consistent();
    EXPECT_EQ(rd32(inta_err_count(sim())), 0u) << "events reached the INTA with no valid event map";
    Verdict v = s().scoreboard().verdict();
    EXPECT_EQ(v.lost, 0u);
    EXPECT_EQ(v.delivered + v.coalesced, v.injected);
    // after the move, VINT 1's events ran on the new CPU only
    uint64_t after_move = 0, db_coalesced = 0;
    std::vector<uint64_t> db_latency;
    for (const auto& in : s().scoreboard().injections()) {
        bool mine = db.vint_of().count(in.id) != 0;
        db_coalesced += in.coalesced && mine;
        if (mine && in.answered && !in.coalesced && !in.withdrawn)
            db_latency.push_back(in.handler_cycle - in.cycle);
        auto it = db.vint_of().find(in.id);
        if (in.withdrawn || in.coalesced || in.cycle <= moved_at || it == db.vint_of().end() ||
            it->second != moved_vint)
            continue;
        EXPECT_EQ(in.cpu, moved_to) << in.source << " after VINT " << moved_vint << " moved";
        after_move++;
    }
    EXPECT_GT(after_move, 50u);
    EXPECT_GT(db_coalesced, 0u) << "back-to-back message writes on a set status bit never coalesced";
    for (unsigned i = 0; i < db.size(); i++)
        EXPECT_GT(db.vec(i).handled, 0u) << db.vec(i).name << " never ran";
    LatencyStats dl = compute_latency(db_latency);
    std::printf(
        "[ result   ] %s; %u events on %u VINTs, %llu vector re-requests, VINT %u moved to cpu%u; "
        "message write -> handler median %llu cycles (p99 %llu) over %llu, %llu message writes coalesced; %s\n",
        v.summary().c_str(), total, nvints, static_cast<unsigned long long>(churn), moved_vint, moved_to,
        static_cast<unsigned long long>(dl.median), static_cast<unsigned long long>(dl.p99),
        static_cast<unsigned long long>(dl.count), static_cast<unsigned long long>(db_coalesced),
        s().ring_latency_report().c_str());
    EXPECT_TRUE(verdict_passes());
}

// ---- contract ----

class ContractTi : public TiDelivery {};

// Global events exhausted: the 5th channel fails with -ENOSPC and leaves
// nothing behind; the four others still deliver; releasing them clears all.
TEST_F(ContractTi, GlobalEventExhaustionIsENOSPCWithoutPartialState)
{
    boot_dts(dts_variant("gevt4", {{"ti,sci-rm-range-global-event", "<0 4>"}}), 31);
    sim().firmware().set_quiet(true);
    for (unsigned r = 0; r < 4; r++)
        ASSERT_EQ(s().request_ring(r), 0) << "ring " << r;
    auto maps = sim().firmware().event_maps().size();
    auto routes = sim().firmware().routes().size();
    uint64_t writes = sim().firmware().stats().bus_writes;
    for (unsigned r = 4; r < 8; r++) {
        EXPECT_EQ(s().request_ring(r), -ENOSPC) << "ring " << r;
        EXPECT_EQ(dma_ring_virq(s().dma(), r), 0u);
        EXPECT_EQ(fw_rd(sim(), ring_event(sim(), r)), 0u) << "RING_EVENT[" << r << "]";
    }
    EXPECT_EQ(sim().firmware().event_maps().size(), maps);
    EXPECT_EQ(sim().firmware().routes().size(), routes);
    EXPECT_EQ(sim().firmware().stats().bus_writes, writes) << "a refused channel programmed hardware";
    std::mt19937_64 rng(seed_);
    traffic(rng, 200, 0, nullptr);
    EXPECT_TRUE(s().drain(200000));
    EXPECT_TRUE(verdict_passes());
    for (unsigned r = 0; r < 4; r++)
        ASSERT_EQ(s().release_ring(r), 0);
    ASSERT_EQ(s().request_ring(7), 0) << "freed global events are usable again";
    ASSERT_EQ(s().release_ring(7), 0);
    expect_nothing_programmed(sim(), "after the exhaustion");
}

// INTR outputs exhausted (the host owns one): the first device line takes it,
// the second does not map, and a DMA channel (its VINT needs an output) fails
// with -ENOSPC leaving nothing programmed.
TEST_F(ContractTi, IntrOutputExhaustionIsENOSPCWithoutPartialState)
{
    boot_dts(dts_variant("out1", {{"ti,sci-rm-range-out", "<0 1>"}}), 32);
    sim().firmware().set_quiet(true);
    struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,intr-lines");
    ASSERT_NE(node, nullptr);
    unsigned v0 = plat().as_cpu(0, [&] { return irq_of_parse_and_map(node, 0); });
    ASSERT_NE(v0, 0u);
    EXPECT_EQ(sim().firmware().routes().size(), 1u);
    uint64_t writes = sim().firmware().stats().bus_writes;
    unsigned v1 = plat().as_cpu(0, [&] { return irq_of_parse_and_map(node, 1); });
    EXPECT_EQ(v1, 0u) << "a second INTR output was handed out";
    EXPECT_EQ(s().request_ring(0), -ENOSPC);
    EXPECT_EQ(sim().firmware().routes().size(), 1u);
    EXPECT_TRUE(sim().firmware().event_maps().empty());
    EXPECT_EQ(sim().firmware().stats().bus_writes, writes);
    plat().as_cpu(0, [&] { return (irq_dispose_mapping(v0), 0); });
    ASSERT_EQ(s().request_ring(0), 0) << "the freed output serves the VINT";
    ASSERT_EQ(s().post_ring(0, 3), 0);
    EXPECT_TRUE(s().drain(100000));
    EXPECT_TRUE(verdict_passes());
    ASSERT_EQ(s().release_ring(0), 0);
    expect_nothing_programmed(sim(), "after the exhaustion");
}

// The firmware refuses routes outside the host's ranges: -EINVAL, hardware untouched.
TEST_F(ContractTi, FirmwareRefusesOutOfRangeRoutes)
{
    boot(kTestTopology, 33);
    Firmware& fw = sim().firmware();
    fw.set_quiet(true);
    const struct ti_sci_handle* h = ti_sci_installed_handle();
    ASSERT_EQ(h, fw.handle());
    const auto& ops = h->ops.rm_irq_ops;
    uint64_t writes = fw.stats().bus_writes;
    const FirmwareConfig& c = fw.config();
    // the first output, VINT, global event past the host's ranges; VINT 0's INTR input
    const unsigned out_end = c.intr_out.start + c.intr_out.num, vint_end = c.vint.start + c.vint.num;
    const unsigned gevt_end = c.global_event.start + c.global_event.num;
    const unsigned vint0_in = s().soc().num_intr_lines;
    EXPECT_EQ(ops.set_irq(h, c.intr_id, vint0_in, c.intr_id, out_end), -EINVAL)
        << "output " << out_end << " of the host's";
    EXPECT_NE(fw.last_error().find(std::to_string(out_end)), std::string::npos) << fw.last_error();
    EXPECT_EQ(ops.set_irq(h, c.intr_id, vint0_in, c.intr_id, 1000), -EINVAL);
    EXPECT_EQ(ops.set_event_map(h, c.dma_id, 0, c.inta_id, vint_end, 0, 0), -EINVAL)
        << "VINT " << vint_end << " of the host's";
    EXPECT_EQ(ops.set_event_map(h, c.dma_id, 0, c.inta_id, 0, gevt_end, 0), -EINVAL)
        << "global event " << gevt_end << " of the host's";
    EXPECT_EQ(ops.free_irq(h, c.intr_id, vint0_in, c.intr_id, 3), -EINVAL) << "free of a route never set";
    EXPECT_EQ(ops.free_event_map(h, c.dma_id, 0, c.inta_id, 0, 5, 0), -EINVAL) << "free of a map never set";
    EXPECT_EQ(fw.stats().bus_writes, writes) << "a refused request touched the hardware";
    expect_nothing_programmed(sim(), "after refused requests");
    // and the driver stack still works
    ASSERT_EQ(s().request_ring(5), 0);
    ASSERT_EQ(s().post_ring(5, 4), 0);
    EXPECT_TRUE(s().drain(100000));
    EXPECT_TRUE(verdict_passes());
}

// With the stack booted and a channel live: non-secure writes to the INTR mux,
// the INTA event map and the DMA secure config answer SLVERR and change nothing;
// delivery goes on.
TEST_F(ContractTi, NonSecureWritesToSecureRegistersAreRefused)
{
    boot(kTestTopology, 34);
    ASSERT_EQ(s().request_ring(3), 0);
    ASSERT_EQ(sim().firmware().routes().size(), 1u);
    ASSERT_EQ(sim().firmware().event_maps().size(), 1u);
    unsigned out = sim().firmware().routes().begin()->first;
    unsigned gevt = sim().firmware().event_maps().begin()->first;
    struct Reg {
        const char* name;
        uint32_t addr;
    } regs[] = {{"INTR MUXCNTL (live)", muxcntl(sim(), out)},
                {"INTR MUXCNTL (free)", muxcntl(sim(), (out + 1) % s().soc().num_intr_out)},
                {"INTA IMAP (live)", imap(sim(), gevt)},
                {"INTA IMAP (free)", imap(sim(), (gevt + 1) % s().soc().num_events)},
                {"DMA RING_EVENT (live)", ring_event(sim(), 3)},
                {"DMA RING_EVENT (free)", ring_event(sim(), 4)}};
    for (const auto& reg : regs) {
        uint32_t before = fw_rd(sim(), reg.addr);
        AxiResult rd = sim().cpu_bus().read32(reg.addr, kProtNonSecure);
        EXPECT_EQ(rd.resp, 0u) << reg.name << ": non-secure reads are allowed";
        EXPECT_EQ(static_cast<uint32_t>(rd.data), before) << reg.name;
        AxiResult wr = sim().cpu_bus().write32(reg.addr, 0x8001000f ^ before, kProtNonSecure);
        EXPECT_EQ(wr.resp, kSlverr) << reg.name << ": non-secure write not refused";
        EXPECT_EQ(fw_rd(sim(), reg.addr), before) << reg.name << ": a refused write changed it";
    }
    ASSERT_EQ(s().post_ring(3, 5), 0);
    EXPECT_TRUE(s().drain(100000));
    EXPECT_EQ(s().ring(3).observed, 5u);
    EXPECT_TRUE(verdict_passes());
}

// ---- exhaustion through the whole stack, with the doorbell client ----

// Everything the INTA/INTR path has programmed or booked, to compare before
// and after a refused request: secure registers (firmware reads), VINT
// registers, the firmware's books and the driver's views.
struct TiState {
    std::vector<uint32_t> muxcntl, imap, ring_event;
    std::vector<uint64_t> vint_enable, vint_status;
    size_t fw_maps = 0, fw_routes = 0;
    uint64_t fw_writes = 0;
    std::string interrupts, domains;
    bool operator==(const TiState& o) const
    {
        return muxcntl == o.muxcntl && imap == o.imap && ring_event == o.ring_event &&
               vint_enable == o.vint_enable && vint_status == o.vint_status && fw_maps == o.fw_maps &&
               fw_routes == o.fw_routes && fw_writes == o.fw_writes && interrupts == o.interrupts &&
               domains == o.domains;
    }
};

std::string capture_view(const std::function<void(FILE*)>& show)
{
    char* buf = nullptr;
    size_t len = 0;
    FILE* f = open_memstream(&buf, &len);
    show(f);
    std::fclose(f);
    std::string out(buf, len);
    std::free(buf);
    return out;
}

class ContractTiExhaustion : public TiDelivery {
protected:
    TiState snapshot()
    {
        TiState st;
        const SocParams& p = s().soc();
        for (unsigned n = 0; n < p.num_intr_out; n++)
            st.muxcntl.push_back(fw_rd(sim(), muxcntl(sim(), n)));
        for (unsigned e = 0; e < p.num_events; e++)
            st.imap.push_back(fw_rd(sim(), imap(sim(), e)));
        for (unsigned r = 0; r < p.num_rings; r++)
            st.ring_event.push_back(fw_rd(sim(), ring_event(sim(), r)));
        for (unsigned v = 0; v < p.num_vints; v++) {
            st.vint_enable.push_back(rd64(vint_reg(sim(), v, TI_INTA_VINT_ENABLE_SET_OFFSET)));
            st.vint_status.push_back(rd64(vint_reg(sim(), v, TI_INTA_VINT_STATUS_SET_OFFSET)));
        }
        st.fw_maps = sim().firmware().event_maps().size();
        st.fw_routes = sim().firmware().routes().size();
        st.fw_writes = sim().firmware().stats().bus_writes;
        st.interrupts = capture_view([&](FILE* f) { irqsim_show_interrupts(f, s().cpus()); });
        st.domains = capture_view(irqsim_show_domains);
        return st;
    }

    bool log_has(const std::string& what) const
    {
        for (const auto& l : session_->log())
            if (l.find(what) != std::string::npos)
                return true;
        return false;
    }

    // (vint, bit) pairs of the firmware's event maps
    std::set<std::pair<unsigned, unsigned>> used_bits()
    {
        std::set<std::pair<unsigned, unsigned>> out;
        for (const auto& [gevt, m] : sim().firmware().event_maps())
            EXPECT_TRUE(out.insert({m.vint, m.bit}).second)
                << "VINT " << m.vint << " bit " << m.bit << " twice";
        return out;
    }

    // fill `capacity` status bits with doorbell vectors, check the next vector
    // and a ring channel are refused with -ENOSPC and change nothing, deliver on
    // every live vector, then free one and re-allocate it, then free all.
    void exhaust(IntaDoorbellClient& db, unsigned vints, const std::string& why)
    {
        const unsigned capacity = kBitsPerVint * vints;
        ASSERT_GT(db.size(), capacity);
        for (unsigned i = 0; i < capacity; i++)
            ASSERT_EQ(db.request(i), 0) << "vector " << i << " of " << capacity;
        auto bits = used_bits();
        EXPECT_EQ(bits.size(), capacity);
        for (unsigned v = 0; v < vints; v++)
            for (unsigned b = 0; b < kBitsPerVint; b++)
                EXPECT_TRUE(bits.count({v, b})) << "VINT " << v << " bit " << b << " unused";
        EXPECT_EQ(sim().firmware().routes().size(), vints) << "one INTR output per VINT";

        TiState before = snapshot();
        size_t log_at = session_->log().size();
        EXPECT_EQ(db.request(capacity), -ENOSPC)
            << "vector " << capacity << " beyond " << capacity << " status bits";
        EXPECT_EQ(msi_get_virq(db.dev(), capacity), 0u) << "a refused vector stayed allocated";
        EXPECT_EQ(s().request_ring(0), -ENOSPC) << "a ring channel beyond the status bits";
        EXPECT_EQ(dma_ring_virq(s().dma(), 0), 0u);
        TiState after = snapshot();
        EXPECT_TRUE(after == before) << "a refused request left state behind";
        EXPECT_EQ(after.imap, before.imap);
        EXPECT_EQ(after.muxcntl, before.muxcntl);
        EXPECT_EQ(after.vint_enable, before.vint_enable);
        EXPECT_EQ(after.fw_writes, before.fw_writes) << "firmware wrote hardware for a refused request";
        EXPECT_EQ(after.interrupts, before.interrupts);
        EXPECT_EQ(after.domains, before.domains);
        bool named = false;
        for (size_t i = log_at; i < session_->log().size(); i++)
            named |= session_->log()[i].find(why) != std::string::npos;
        EXPECT_TRUE(named) << "no log line naming the cause ('" << why << "')";

        // the full VINTs still deliver, every event to its own virq
        std::mt19937_64 rng(seed_);
        for (unsigned k = 0; k < 3 * capacity; k++) {
            EXPECT_TRUE(db.fire(static_cast<unsigned>(rng() % capacity))) << "doorbell write refused";
            s().run(rng() % 40);
        }
        EXPECT_TRUE(s().drain(300000));
        EXPECT_TRUE(verdict_passes());

        // free one in the middle of VINT 0: the next request takes exactly its bit
        unsigned victim = 17;
        std::pair<unsigned, unsigned> freed{db.vec(victim).vint, db.vec(victim).bit};
        ASSERT_EQ(db.release(victim), 0);
        EXPECT_EQ(used_bits().count(freed), 0u);
        ASSERT_EQ(db.request(capacity), 0) << "a freed status bit is usable again";
        EXPECT_EQ(std::make_pair(db.vec(capacity).vint, db.vec(capacity).bit), freed);
        EXPECT_EQ(sim().firmware().routes().size(), vints) << "the freed bit needed no new VINT";
        EXPECT_TRUE(db.fire(capacity, 2)) << "doorbell write refused";
        EXPECT_TRUE(s().drain(100000));
        EXPECT_TRUE(verdict_passes());

        for (unsigned i = 0; i <= capacity; i++)
            if (db.vec(i).live) {
                ASSERT_EQ(db.release(i), 0) << "vector " << i;
            }
        expect_nothing_programmed(sim(), "after freeing every vector");
        for (unsigned v = 0; v < s().soc().num_vints; v++)
            EXPECT_EQ(rd64(vint_reg(sim(), v, TI_INTA_VINT_ENABLE_SET_OFFSET)), 0u)
                << "VINT " << v << " ENABLE";
        // and everything can be taken again
        ASSERT_EQ(s().request_ring(0), 0);
        ASSERT_EQ(db.request(0), 0);
        ASSERT_EQ(s().post_ring(0, 2), 0);
        EXPECT_TRUE(db.fire(0)) << "doorbell write refused";
        EXPECT_TRUE(s().drain(100000));
        EXPECT_TRUE(verdict_passes());
        ASSERT_EQ(db.release(0), 0);
        ASSERT_EQ(s().release_ring(0), 0);
        expect_nothing_programmed(sim(), "after the second round");
    }
};

// How many VINTs the exhaustion tests fill: 2 when the tree's host has more
// than 128 global events (the default SoC: 256), else 1 (moved-8cpu: 128), so
// that one event more than the status bits hold can still be had.
unsigned exhaustion_vints()
{
    std::vector<uint8_t> dtb;
    std::string err;
    FirmwareConfig fc;
    EXPECT_TRUE(test_topology(&dtb, nullptr, &err)) << err;
    EXPECT_TRUE(dtb_firmware_config(dtb, &fc, &err)) << err;
    return std::max(1u, std::min(2u, (fc.global_event.num - 1u) / kBitsPerVint));
}

// The host's VINT range used up (2 VINTs on the default SoC): 128 events fill
// both VINTs' status bits; the 129th vector and a ring channel get -ENOSPC ("no
// free VINT") with no register, firmware, driver-view change.
TEST_F(ContractTiExhaustion, VintRangeExhaustedIsENOSPCWithoutPartialState)
{
    const unsigned vints = exhaustion_vints();
    boot_dts(dts_variant("vint" + std::to_string(vints),
                         {{"ti,sci-rm-range-vint", "<0 " + std::to_string(vints) + ">"}},
                         IntaDoorbellClient::tree_insert()),
             35);
    sim().firmware().set_quiet(true);
    std::string db_err;
    auto db_ptr = IntaDoorbellClient::attach(s(), kBitsPerVint * vints + 12, &db_err);
    ASSERT_TRUE(db_ptr) << db_err;
    IntaDoorbellClient& db = *db_ptr;
    exhaust(db, vints, "no free VINT");
}

// Status bits exhausted while VINT ids remain: the INTR gives the host 2
// outputs (default SoC), so only 2 VINTs can have a parent (2 x 64 status
// bits).  The 129th event takes a VINT id, fails to route it and gives it back:
// -ENOSPC, nothing left in the INTR mux, the event map or the views.
TEST_F(ContractTiExhaustion, StatusBitsExhaustedIsENOSPCWithoutPartialState)
{
    const unsigned vints = exhaustion_vints();
    boot_dts(dts_variant("out" + std::to_string(vints),
                         {{"ti,sci-rm-range-out", "<0 " + std::to_string(vints) + ">"}},
                         IntaDoorbellClient::tree_insert()),
             36);
    sim().firmware().set_quiet(true);
    std::string db_err;
    auto db_ptr = IntaDoorbellClient::attach(s(), kBitsPerVint * vints + 12, &db_err);
    ASSERT_TRUE(db_ptr) << db_err;
    IntaDoorbellClient& db = *db_ptr;
    exhaust(db, vints, "could not be mapped");
}

// The message names its event: a doorbell write of a global event nobody
// mapped is counted in ERR_COUNT and raises nothing; a freed vector's old
// message raises nothing either.
TEST_F(ContractTiExhaustion, DoorbellWritesOfUnmappedEventsAreCountedNotDelivered)
{
    boot_dts(dts_variant("doorbell", {}, IntaDoorbellClient::tree_insert()), 37);
    std::string db_err;
    auto db_ptr = IntaDoorbellClient::attach(s(), 4, &db_err);
    ASSERT_TRUE(db_ptr) << db_err;
    IntaDoorbellClient& db = *db_ptr;
    for (unsigned i = 0; i < 4; i++)
        ASSERT_EQ(db.request(i), 0);
    ASSERT_EQ(s().request_ring(0), 0);
    EXPECT_TRUE(db.fire(1, 3)) << "doorbell write refused";
    EXPECT_TRUE(s().drain(100000));
    EXPECT_TRUE(verdict_passes());
    EXPECT_EQ(rd32(inta_err_count(sim())), 0u);
    struct msi_msg old = db.vec(2).msg;
    ASSERT_EQ(db.release(2), 0);
    EXPECT_EQ(irq_get_msi_desc(msi_get_virq(db.dev(), 1))->msg.data, db.vec(1).gevt);
    AxiResult w = sim().cpu_bus().write32(old.address_lo, old.data, kProtNonSecure);
    EXPECT_EQ(w.resp, 0u);
    w = sim().cpu_bus().write32(inta_doorbell(sim()), s().soc().num_events - 1,
                                kProtNonSecure);  // the last event
    EXPECT_EQ(w.resp, 0u);
    s().run(3000);
    EXPECT_EQ(rd32(inta_err_count(sim())), 2u) << "unmapped events must be counted";
    EXPECT_TRUE(verdict_passes()) << "an unmapped event reached a handler";
}

}  // namespace
}  // namespace irqsim::e2e
