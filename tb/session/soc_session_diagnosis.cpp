// SPDX-License-Identifier: MIT
// SocSession's diagnosis and latency reports: the chain of hops each kind of delivery
// goes through (device line, SGI, DMA ring), where a lost event stopped, and the
// per-hop / per-path latency figures, all read from the hop monitor and the scoreboard.
#include "soc_session.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

extern "C" {
#include <linux/irqdesc.h>
}

namespace irqsim {

std::vector<HopStep> SocSession::line_hops(const LineSource& l, unsigned cpu) const
{
    int pe = static_cast<int>(cpu);
    return {{Hop::LineIn, l.intid, -1},
            {Hop::SpiPending, l.intid, -1},
            {Hop::IrqOut, 0, pe},
            {Hop::Iar, l.intid, pe},
            {Hop::Handler, l.virq, pe}};
}

std::vector<HopStep> SocSession::sgi_hops(unsigned sgi, unsigned virq, unsigned cpu) const
{
    int pe = static_cast<int>(cpu);
    return {{Hop::Sgi1r, sgi, -1},
            {Hop::SgiPpiPending, sgi, pe},
            {Hop::IrqOut, 0, pe},
            {Hop::Iar, sgi, pe},
            {Hop::Handler, virq, pe}};
}

std::vector<HopStep> SocSession::ring_hops(unsigned r, unsigned cpu) const
{
    const RingChannel& rc = rings_->ring(r);
    if (!rc.virq)
        return {};
    const unsigned input = sim_->model().params().num_intr_lines + rc.vint;
    for (const auto& [out, in] : sim_->firmware().routes()) {
        if (in != input)
            continue;
        int pe = static_cast<int>(cpu);
        // INTR output n drives SPI INTR_OUT_SPI + n (64 + n on the default SoC only)
        uint32_t intid = 32u + sim_->model().params().intr_out_spi + out;
        return {{Hop::VintOut, rc.vint, -1}, {Hop::IntrOut, out, -1}, {Hop::SpiPending, intid, -1},
                {Hop::IrqOut, 0, pe},        {Hop::Iar, intid, pe},   {Hop::Handler, rc.virq, pe}};
    }
    return {};
}

std::string SocSession::diagnose(const std::vector<HopStep>& chain, uint64_t after) const
{
    std::ostringstream os;
    uint64_t t = after;
    for (const auto& h : chain) {
        auto ev = sim_->hops().first(h.kind, h.id, h.pe, t);
        if (!ev) {
            os << "never reached " << hop_name(h.kind) << " (id " << h.id;
            if (h.pe >= 0)
                os << ", pe " << h.pe;
            os << ")";
            return os.str();
        }
        os << hop_name(h.kind) << " +" << (ev->cycle - after) << ", ";
        t = ev->cycle;
    }
    os << "all hops reached";
    return os.str();
}

std::string SocSession::hop_latency_report() const
{
    static const char* names[] = {"pending", "irq line", "IAR", "handler"};
    std::vector<uint64_t> per_hop[4];
    for (const auto& in : sb_.injections()) {
        if (!in.answered || in.coalesced || in.withdrawn)
            continue;
        const LineSource* src = nullptr;
        for (const auto& l : lines_.lines())
            if (l->virq == in.virq)
                src = l.get();
        if (!src)
            continue;
        auto chain = line_hops(*src, in.cpu);
        uint64_t t = in.cycle;
        for (size_t i = 1; i < chain.size(); i++) {
            auto ev = sim_->hops().first(chain[i].kind, chain[i].id, chain[i].pe, t);
            if (!ev || ev->cycle > in.handler_cycle)
                break;
            per_hop[i - 1].push_back(ev->cycle - in.cycle);
            t = ev->cycle;
        }
    }
    std::ostringstream os;
    os << "per-hop latency from injection (median cycles):";
    for (int i = 0; i < 4; i++) {
        auto st = compute_latency(per_hop[i]);
        os << " " << names[i] << " " << st.median;
    }
    return os.str();
}

std::vector<std::string> SocSession::explain_losses(size_t max) const
{
    std::vector<std::string> out;
    for (const Injection* in : sb_.outstanding()) {
        if (out.size() >= max)
            break;
        unsigned cpu = static_cast<unsigned>(in->allowed._Find_first());
        for (const auto& l : lines_.lines()) {
            if (l->virq != in->virq)
                continue;
            out.push_back(in->source + " injected at cycle " + std::to_string(in->cycle) + ": " +
                          diagnose(line_hops(*l, cpu), in->cycle));
        }
        for (unsigned r = 0; r < num_rings(); r++) {
            const RingChannel* rc = &rings_->ring(r);
            if (!rc->active || rc->virq != in->virq)
                continue;
            auto chain = ring_hops(rc->ring, cpu);
            if (!chain.empty())
                out.push_back(in->source + " posted at cycle " + std::to_string(in->cycle) + ": " +
                              diagnose(chain, in->cycle));
        }
    }
    return out;
}

std::vector<uint64_t> SocSession::ring_vint_latencies() const
{
    std::vector<uint64_t> out;
    std::map<unsigned, unsigned> vint_of;  // virq -> VINT (channels active now or earlier)
    for (unsigned r = 0; r < num_rings(); r++)
        if (rings_->ring(r).virq)
            vint_of[rings_->ring(r).virq] = rings_->ring(r).vint;
    const auto& rises = sim_->hops().events(Hop::VintOut);
    for (const auto& in : sb_.injections()) {
        if (!in.answered || in.coalesced || in.withdrawn || in.source.rfind("dma ring", 0) != 0)
            continue;
        unsigned vint = 0;
        auto it = vint_of.find(in.virq);
        if (it != vint_of.end())
            vint = it->second;
        // the last rise of that VINT at or before the handler entry
        uint64_t best = 0;
        bool found = false;
        for (const auto& e : rises)
            if (e.id == vint && e.level == 1 && e.cycle <= in.handler_cycle && e.cycle >= in.cycle) {
                best = e.cycle;
                found = true;
            }
        if (found)
            out.push_back(in.handler_cycle - best);
    }
    return out;
}

std::string SocSession::ring_latency_report() const
{
    std::vector<uint64_t> from_door;
    for (const auto& in : sb_.injections())
        if (in.answered && !in.coalesced && !in.withdrawn && in.source.rfind("dma ring", 0) == 0)
            from_door.push_back(in.handler_cycle - in.cycle);
    auto v = compute_latency(ring_vint_latencies());
    auto d = compute_latency(from_door);
    std::ostringstream os;
    os << "ring latency (cycles): completion event (VINT rise) -> handler median " << v.median << ", p99 "
       << v.p99 << ", max " << v.max << " over " << v.count << "; doorbell -> handler median " << d.median;
    return os.str();
}

}  // namespace irqsim
