// SPDX-License-Identifier: MIT
#include "hop_monitor.h"

#include <algorithm>
#include <cstring>

namespace irqsim {

const char* hop_name(Hop h)
{
    static const char* const n[] = {"line_in",  "spi_pending", "spi_active", "sgippi_pending", "irq_out",
                                    "iar",      "eoir",        "dir",        "sgi1r",          "handler",
                                    "vint_out", "intr_out",    "setlpir"};
    unsigned i = static_cast<unsigned>(h);
    return i < static_cast<unsigned>(Hop::Count) ? n[i] : "?";
}

HopMonitor::HopMonitor(SocModel& m, bool enabled) : m_(m), enabled_(enabled)
{
    const Pins& p = m.pins();
    watches_.push_back({p.line_in, {}, Hop::LineIn, 32, 0, true});
    watches_.push_back({p.mon_spi_pending, {}, Hop::SpiPending, 32, 0});
    watches_.push_back({p.mon_spi_active, {}, Hop::SpiActive, 32, 0});
    watches_.push_back({p.mon_sgippi_pending, {}, Hop::SgiPpiPending, 0, 32});
    watches_.push_back({p.irq_out, {}, Hop::IrqOut, 0, 1});
    if (p.mon_vint_out.p)
        watches_.push_back({p.mon_vint_out, {}, Hop::VintOut, 0, 0});
    if (p.mon_intr_out.p)
        watches_.push_back({p.mon_intr_out, {}, Hop::IntrOut, 0, 0});
    for (auto& w : watches_)
        w.prev.assign(w.port.bytes, 0);
    while (first_output_ < watches_.size() && watches_[first_output_].input)
        first_output_++;
    for (auto& v : ev_)
        v.reserve(4096);
    resync();
    m_.add_agent(this);
}

HopMonitor::~HopMonitor() { m_.remove_agent(this); }

void HopMonitor::resync()
{
    for (auto& w : watches_)
        std::memcpy(w.prev.data(), w.port.p, w.port.bytes);
}

void HopMonitor::set_enabled(bool on)
{
    if (on && !enabled_)
        resync();  // changes while disabled are not reported as hops
    enabled_ = on;
}

void HopMonitor::record(Hop kind, uint32_t id, int pe, uint8_t level, uint64_t data)
{
    if (!enabled_)
        return;
    auto& out = ev_[static_cast<unsigned>(kind)];
    out.push_back(HopEvent{m_.cycle(), data, id, static_cast<int16_t>(pe), kind, level});
    bound(out);
}

// Long runs keep memory flat: past 2 * kKeep events of one kind the oldest
// kKeep go (amortised; queries then see only the recent history).
void HopMonitor::bound(std::vector<HopEvent>& v)
{
    if (__builtin_expect(v.size() < 2 * kKeep, 1))
        return;
    v.erase(v.begin(), v.begin() + static_cast<long>(v.size() - kKeep));
    dropped_ += v.size();
}

void HopMonitor::diff(Watch& w, uint64_t cycle)
{
    const auto* now = static_cast<const uint8_t*>(w.port.p);
    auto& out = ev_[static_cast<unsigned>(w.kind)];
    for (unsigned i = 0; i < w.port.bytes; i++) {
        uint8_t x = now[i] ^ w.prev[i];
        if (!x)
            continue;
        for (unsigned b = 0; b < 8; b++) {
            if (!((x >> b) & 1))
                continue;
            unsigned bit = i * 8 + b;
            if (bit >= w.port.bits)
                break;
            HopEvent e;
            e.cycle = cycle;
            e.data = 0;
            e.kind = w.kind;
            e.level = (now[i] >> b) & 1;
            if (w.per_pe) {
                e.pe = static_cast<int16_t>(bit / w.per_pe);
                e.id = w.id_base + bit % w.per_pe;
            } else {
                e.pe = -1;
                e.id = w.id_base + bit;
            }
            out.push_back(e);
        }
        w.prev[i] = now[i];
    }
    bound(out);
}

void HopMonitor::pre_edge()
{
    if (!enabled_)
        return;
    // inputs come first in watches_ (line_in): one compare per cycle, as before
    for (size_t i = 0; i < watches_.size() && watches_[i].input; i++) {
        Watch& w = watches_[i];
        if (__builtin_expect(std::memcmp(w.prev.data(), w.port.p, w.port.bytes) != 0, 0))
            diff(w, m_.cycle() + 1);  // the edge about to happen
    }
}

void HopMonitor::post_edge(uint64_t cycle)
{
    if (!enabled_)
        return;
    for (size_t i = first_output_; i < watches_.size(); i++) {
        Watch& w = watches_[i];
        if (__builtin_expect(std::memcmp(w.prev.data(), w.port.p, w.port.bytes) != 0, 0))
            diff(w, cycle);
    }
}

static bool match(const HopEvent& e, uint32_t id, int pe, uint8_t level)
{
    return e.id == id && e.level == level && (pe < 0 || e.pe == pe);
}

std::optional<HopEvent> HopMonitor::first(Hop kind, uint32_t id, int pe, uint64_t after, uint8_t level) const
{
    const auto& v = ev_[static_cast<unsigned>(kind)];
    auto it = std::lower_bound(v.begin(), v.end(), after,
                               [](const HopEvent& e, uint64_t c) { return e.cycle < c; });
    for (; it != v.end(); ++it)
        if (match(*it, id, pe, level))
            return *it;
    return std::nullopt;
}

size_t HopMonitor::count(Hop kind, uint32_t id, int pe, uint64_t after, uint8_t level) const
{
    size_t n = 0;
    for (const auto& e : ev_[static_cast<unsigned>(kind)])
        n += e.cycle >= after && match(e, id, pe, level);
    return n;
}

size_t HopMonitor::total() const
{
    size_t n = 0;
    for (const auto& v : ev_)
        n += v.size();
    return n;
}

void HopMonitor::clear()
{
    for (auto& v : ev_)
        v.clear();
}

std::string HopMonitor::dump(size_t max_lines) const
{
    std::vector<HopEvent> all;
    for (const auto& v : ev_)
        all.insert(all.end(), v.begin(), v.end());
    std::stable_sort(all.begin(), all.end(),
                     [](const HopEvent& a, const HopEvent& b) { return a.cycle < b.cycle; });
    std::string s;
    char buf[128];
    for (size_t i = 0; i < all.size() && i < max_lines; i++) {
        const auto& e = all[i];
        std::snprintf(buf, sizeof buf, "%10llu %-14s id %-5u pe %-3d %s\n", (unsigned long long)e.cycle,
                      hop_name(e.kind), e.id, e.pe, e.level ? "set" : "clear");
        s += buf;
    }
    return s;
}

}  // namespace irqsim
