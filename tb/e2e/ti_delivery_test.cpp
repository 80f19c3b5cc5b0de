// SPDX-License-Identifier: MIT
// The TI K3-style path end to end (label e2e) and its driver-vs-RTL contract
// (suites named Contract*, label contract): DMA-ring completion -> INTA (event
// map, VINT status bit) -> INTR (MUXCNTL) -> GIC SPI -> CPU, with the firmware
// model programming the secure registers and the INTA-MSI vectors allocated per
// ring on demand; plain device lines through the INTR; resource exhaustion;
// firmware range checks; secure-only registers refusing the non-secure world.
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "e2e_support.h"

extern "C" {
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/soc/ti/ti_sci_protocol.h>
}

namespace irqsim::e2e {
namespace {

constexpr uint32_t kIntrBase = 0x0A000000;      // MUXCNTL[n] at +4 + 4n
constexpr uint32_t kImapBase = 0x0A200000;      // IMAP[e] at +8e
constexpr uint32_t kDmaCfgBase = 0x0A500000;    // RING_EVENT[r] at +4r
constexpr unsigned kSlverr = 2;

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
    for (unsigned n = 0; n < 32; n++)
        EXPECT_EQ(fw_rd(sim, kIntrBase + 4 + 4 * n), 0u) << when << ": MUXCNTL[" << n << "]";
    for (unsigned e = 0; e < 256; e += 1)
        EXPECT_EQ(fw_rd(sim, kImapBase + 8 * e), 0u) << when << ": IMAP[" << e << "]";
    for (unsigned r = 0; r < 32; r++)
        EXPECT_EQ(fw_rd(sim, kDmaCfgBase + 4 * r), 0u) << when << ": RING_EVENT[" << r << "]";
}

// the default tree with some properties replaced, written next to the test
std::string dts_variant(const std::string& name, const std::vector<std::pair<std::string, std::string>>& subst)
{
    std::ifstream in(IRQSIM_DEFAULT_DTS);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (const auto& [from, to] : subst) {
        size_t at = text.find(from);
        EXPECT_NE(at, std::string::npos) << "default tree lacks '" << from << "'";
        if (at != std::string::npos)
            text.replace(at, from.size(), to);
    }
    std::string path = "ti_" + name + ".dts";
    std::ofstream(path) << text;
    return path;
}

class TiDelivery : public SessionTest {
protected:
    // boot a variant tree (4 CPUs, as the default)
    void boot_dts(const std::string& dts, uint64_t dflt_seed)
    {
        seed_ = test_seed(dflt_seed);
        SessionConfig cfg;
        cfg.cpus = 4;
        cfg.seed = seed_;
        cfg.trace_path = test_trace_path();
        cfg.dts_path = dts;
        cfg.quiet = true;
        print_banner(seed_, cfg.cpus, cfg.trace_path);
        session_ = std::make_unique<SocSession>(cfg);
        std::string err;
        ASSERT_TRUE(session_->boot(&err)) << "boot failed: " << err;
    }

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
                EXPECT_EQ(rc.seen, dma_ring_completed(s().dma(), r)) << "ring " << r << ": completions no handler saw";
            }
        }
    }
};

// Every ring a channel; each ring's completions reach its own virq, on the CPU
// the GIC SPI under its VINT is routed to; repeated events coalesce.
TEST_F(TiDelivery, EveryRingDeliversItsOwnVirq)
{
    boot(4, 21);
    ASSERT_NE(s().dma(), nullptr);
    ASSERT_EQ(s().num_rings(), 32u);
    std::set<unsigned> virqs;
    for (unsigned r = 0; r < s().num_rings(); r++) {
        ASSERT_EQ(s().request_ring(r), 0) << "ring " << r;
        EXPECT_TRUE(virqs.insert(s().ring(r).virq).second) << "ring " << r << " shares virq " << s().ring(r).virq;
        EXPECT_EQ(dma_ring_virq(s().dma(), r), s().ring(r).virq);
    }
    EXPECT_EQ(sim().firmware().event_maps().size(), 32u) << "one event map per requested ring";
    for (unsigned r = 0; r < s().num_rings(); r++)
        EXPECT_EQ(s().ring_cpus(r).count(), 1u) << "ring " << r << ": the SPI under its VINT not found "
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
    boot(4, 22);
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
    boot(4, 23);
    std::mt19937_64 rng(seed_);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,intr-lines");
    ASSERT_NE(node, nullptr);
    int n = of_irq_count(node);
    ASSERT_EQ(n, 16);
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
    EXPECT_EQ(sim().firmware().routes().size(), 16u) << "one INTR output per line";
    const PortRef& pins = sim().model().pins().intr_line_in;
    for (unsigned e = 0; e < 800; e++) {
        IntrLine& l = lines[rnd(lines.size())];
        s().scoreboard().inject("intr line " + std::to_string(l.index), l.virq, s().effective_cpus(l.virq), s().now(),
                                true);
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

// ---- contract ----

class ContractTi : public TiDelivery {};

// Global events exhausted: the 5th channel fails with -ENOSPC and leaves
// nothing behind; the four others still deliver; releasing them clears all.
TEST_F(ContractTi, GlobalEventExhaustionIsENOSPCWithoutPartialState)
{
    boot_dts(dts_variant("gevt4", {{"ti,sci-rm-range-global-event = <0 256>", "ti,sci-rm-range-global-event = <0 4>"}}),
             31);
    sim().firmware().set_quiet(true);
    for (unsigned r = 0; r < 4; r++)
        ASSERT_EQ(s().request_ring(r), 0) << "ring " << r;
    auto maps = sim().firmware().event_maps().size();
    auto routes = sim().firmware().routes().size();
    uint64_t writes = sim().firmware().stats().bus_writes;
    for (unsigned r = 4; r < 8; r++) {
        EXPECT_EQ(s().request_ring(r), -ENOSPC) << "ring " << r;
        EXPECT_EQ(dma_ring_virq(s().dma(), r), 0u);
        EXPECT_EQ(fw_rd(sim(), kDmaCfgBase + 4 * r), 0u) << "RING_EVENT[" << r << "]";
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
    boot_dts(dts_variant("out1", {{"ti,sci-rm-range-out = <0 32>", "ti,sci-rm-range-out = <0 1>"}}), 32);
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
    boot(4, 33);
    Firmware& fw = sim().firmware();
    fw.set_quiet(true);
    const struct ti_sci_handle* h = ti_sci_get_handle();
    ASSERT_EQ(h, fw.handle());
    const auto& ops = h->ops->rm_irq_ops;
    uint64_t writes = fw.stats().bus_writes;
    const FirmwareConfig& c = fw.config();
    EXPECT_EQ(ops.set_irq(h, c.intr_id, 16, c.intr_id, 32), -EINVAL) << "output 32 of 0..31";
    EXPECT_NE(fw.last_error().find("32"), std::string::npos) << fw.last_error();
    EXPECT_EQ(ops.set_irq(h, c.intr_id, 16, c.intr_id, 1000), -EINVAL);
    EXPECT_EQ(ops.set_event_map(h, c.dma_id, 0, c.inta_id, 16, 0, 0), -EINVAL) << "VINT 16 of 0..15";
    EXPECT_EQ(ops.set_event_map(h, c.dma_id, 0, c.inta_id, 0, 256, 0), -EINVAL) << "global event 256 of 0..255";
    EXPECT_EQ(ops.free_irq(h, c.intr_id, 16, c.intr_id, 3), -EINVAL) << "free of a route never set";
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
    boot(4, 34);
    ASSERT_EQ(s().request_ring(3), 0);
    ASSERT_EQ(sim().firmware().routes().size(), 1u);
    ASSERT_EQ(sim().firmware().event_maps().size(), 1u);
    unsigned out = sim().firmware().routes().begin()->first;
    unsigned gevt = sim().firmware().event_maps().begin()->first;
    struct Reg {
        const char* name;
        uint32_t addr;
    } regs[] = {{"INTR MUXCNTL (live)", kIntrBase + 4 + 4 * out},
                {"INTR MUXCNTL (free)", kIntrBase + 4 + 4 * ((out + 1) % 32)},
                {"INTA IMAP (live)", kImapBase + 8 * gevt},
                {"INTA IMAP (free)", kImapBase + 8 * ((gevt + 1) % 256)},
                {"DMA RING_EVENT (live)", kDmaCfgBase + 4 * 3},
                {"DMA RING_EVENT (free)", kDmaCfgBase + 4 * 4}};
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

}  // namespace
}  // namespace irqsim::e2e
