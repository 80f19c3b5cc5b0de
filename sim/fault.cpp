// SPDX-License-Identifier: MIT
#include "fault.h"

#include "axil_master.h"
#include "gic_redist_regs.h"

#include <cstdio>

namespace irqsim {

// soc_pins.h (an installed header, without the generated ones) states the GICR layout too
static_assert(SocParams::kGicrStride == GIC_REDIST_SIZE, "a PE's GICR frames: gic_redist.rdl");
static_assert(SocParams::kSgiBaseOffset == GIC_REDIST_SGI_OFFSET, "SGI_base: gic_redist.rdl");

const char* fw_op_name(FwOp op)
{
    static const char* const n[] = {"set_irq", "free_irq", "set_event_map", "free_event_map"};
    return n[static_cast<unsigned>(op)];
}

const char* fault_hop_name(FaultHop h)
{
    static const char* const n[] = {"line_in", "setlpir", "intr_out", "inta_event"};
    return n[static_cast<unsigned>(h)];
}

Faults::Faults(SocModel& m, HopMonitor* hops) : m_(m), hops_(hops) {}

Faults::~Faults()
{
    if (agent_)
        m_.remove_agent(this);
}

bool Faults::is_setlpir(uint32_t addr, unsigned* pe) const
{
    // GICR frames of 128 KB per PE, SETLPIR in RD_base
    constexpr uint32_t kSetlpir = GIC_REDIST_SETLPIR_OFFSET;
    const SocParams& sp = m_.params();
    if (addr < sp.gicr_base || (addr - sp.gicr_base) % SocParams::kGicrStride != kSetlpir)
        return false;
    unsigned p = (addr - sp.gicr_base) / SocParams::kGicrStride;
    if (p >= sp.num_pes())
        return false;
    if (pe)
        *pe = p;
    return true;
}

int Faults::add(const Fault& f)
{
    f_.push_back(f);
    rearm();
    drive_rtl();
    return static_cast<int>(f_.size() - 1);
}

void Faults::rearm()
{
    bus_armed_ = lines_armed_ = dram_armed_ = fw_armed_ = glitch_armed_ = false;
    for (const auto& f : f_) {
        if (!f.active)
            continue;
        switch (f.kind) {
        case Kind::BusError:
        case Kind::Stick:
            bus_armed_ = true;
            break;
        case Kind::Drop:
        case Kind::Duplicate:
            if (f.hop == FaultHop::LineIn)
                lines_armed_ = true;
            else if (f.hop == FaultHop::SetLpir)
                bus_armed_ = true;
            else if (f.hop == FaultHop::IntrOut && f.kind == Kind::Duplicate)
                glitch_armed_ = true;
            break;
        case Kind::FwRefuse:
            fw_armed_ = true;
            break;
        case Kind::DramError:
            dram_armed_ = true;
            break;
        }
    }
}

// The RTL-side hops are levels: armed faults drive the SoC's fault_* inputs.
void Faults::drive_rtl()
{
    const Pins& p = m_.pins();
    uint64_t intr = 0;
    bool ev_drop = false, ev_dup = false;
    for (const auto& f : f_) {
        if (!f.active || (f.kind != Kind::Drop && f.kind != Kind::Duplicate))
            continue;
        if (f.hop == FaultHop::IntrOut && (f.kind == Kind::Drop || f.glitching) && f.id < 64)
            intr |= 1ull << f.id;
        else if (f.hop == FaultHop::IntaEvent)
            (f.kind == Kind::Drop ? ev_drop : ev_dup) = true;
    }
    if (p.fault_intr_out_drop.p)
        p.fault_intr_out_drop.set_value(intr);
    if (p.fault_inta_ev_drop)
        *p.fault_inta_ev_drop = ev_drop;
    if (p.fault_inta_ev_dup)
        *p.fault_inta_ev_dup = ev_dup;
}

bool Faults::hit(Fault& f)
{
    f.seen++;
    if (f.nth != kAlways && f.seen != f.nth)
        return false;
    f.fired++;
    if (f.nth != kAlways)
        f.active = false;  // one-shot: done
    return true;
}

int Faults::bus_error(uint32_t addr, uint8_t resp, BusDir dir, uint64_t nth, uint64_t from_cycle)
{
    Fault f{Kind::BusError};
    f.addr = addr & ~3u;
    f.resp = resp;
    f.dir = dir;
    f.nth = nth;
    f.from_cycle = from_cycle;
    return add(f);
}

int Faults::stick_bits(uint32_t addr, uint32_t mask, uint32_t value, uint64_t from_cycle)
{
    Fault f{Kind::Stick};
    f.addr = addr & ~3u;
    f.mask = mask;
    f.value = value;
    f.nth = kAlways;
    f.from_cycle = from_cycle;
    return add(f);
}

int Faults::drop(FaultHop hop, uint32_t id, uint64_t nth)
{
    Fault f{Kind::Drop};
    f.hop = hop;
    f.id = id;
    f.nth = nth;
    return add(f);
}

int Faults::duplicate(FaultHop hop, uint32_t id, uint64_t nth)
{
    Fault f{Kind::Duplicate};
    f.hop = hop;
    f.id = id;
    f.nth = nth;
    if (hop == FaultHop::IntrOut && !agent_) {
        m_.add_agent(this);
        agent_ = true;
    }
    return add(f);
}

// IntrOut duplicates: the nth rise of output n (seen on mon_intr_out) is followed
// by one cycle in which the GIC's input is held low, then the level again.
void Faults::post_edge(uint64_t)
{
    if (__builtin_expect(!glitch_armed_, 1))
        return;
    const PortRef& out = m_.pins().mon_intr_out;
    uint64_t now = out.p ? out.value() : 0;
    bool changed = false;
    for (auto& f : f_) {
        if (!f.active || f.kind != Kind::Duplicate || f.hop != FaultHop::IntrOut)
            continue;
        if (f.glitching) {  // the masked cycle is over
            f.glitching = false;
            f.active = f.nth == kAlways;
            changed = true;
            continue;
        }
        bool up = f.id < 64 && ((now >> f.id) & 1);
        if (up && !(f.value & 1) && hit(f)) {
            f.active = true;  // until the glitch is done
            f.glitching = true;
            changed = true;
        }
        f.value = up;  // the output's level last cycle: rises are counted once
    }
    if (changed) {
        rearm();
        drive_rtl();
    }
}

void Faults::release(int fault)
{
    if (fault < 0 || static_cast<size_t>(fault) >= f_.size())
        return;
    f_[fault].active = false;
    rearm();
    drive_rtl();
}

int Faults::firmware_refuse(FwOp op, uint64_t nth, int err)
{
    Fault f{Kind::FwRefuse};
    f.op = op;
    f.nth = nth;
    f.err = err;
    return add(f);
}

int Faults::dram_read_error(uint64_t base, uint64_t size, uint8_t resp, uint64_t from_cycle)
{
    Fault f{Kind::DramError};
    f.base = base;
    f.size = size;
    f.resp = resp;
    f.nth = kAlways;
    f.from_cycle = from_cycle;
    return add(f);
}

void Faults::clear()
{
    f_.clear();
    rearm();
    drive_rtl();
}

uint64_t Faults::fired(int fault) const
{
    return fault >= 0 && static_cast<size_t>(fault) < f_.size() ? f_[fault].fired : 0;
}

BusAction Faults::on_access(uint32_t addr, BusDir dir, uint32_t data)
{
    BusAction a;
    uint64_t now = m_.cycle();
    uint32_t word = addr & ~3u;
    bool changed = false;
    for (auto& f : f_) {
        if (!f.active || now < f.from_cycle)
            continue;
        if (f.kind == Kind::BusError) {
            if (f.addr != word || !(static_cast<unsigned>(f.dir) & static_cast<unsigned>(dir)))
                continue;
            if (hit(f)) {
                a.fail = true;
                a.resp = f.resp;
                changed |= !f.active;
            }
        } else if ((f.kind == Kind::Drop || f.kind == Kind::Duplicate) && f.hop == FaultHop::SetLpir &&
                   dir == BusDir::Write && data == f.id && is_setlpir(addr, nullptr)) {
            if (hit(f)) {
                (f.kind == Kind::Drop ? a.drop : a.duplicate) = true;
                changed |= !f.active;
            }
        }
        if (a.fail)
            break;
    }
    if (changed)
        rearm();
    return a;
}

uint32_t Faults::on_read_data(uint32_t addr, uint32_t data)
{
    uint64_t now = m_.cycle();
    uint32_t word = addr & ~3u;
    for (auto& f : f_)
        if (f.active && f.kind == Kind::Stick && f.addr == word && now >= f.from_cycle) {
            f.fired++;
            data = (data & ~f.mask) | (f.value & f.mask);
        }
    return data;
}

void Faults::on_write_done(uint32_t addr, uint32_t data)
{
    unsigned pe = 0;
    if (hops_ && is_setlpir(addr, &pe))
        hops_->record(Hop::SetLpir, data, static_cast<int>(pe));
}

bool Faults::line_edge(unsigned line, bool* twice)
{
    bool pass = true, changed = false;
    *twice = false;
    for (auto& f : f_) {
        if (!f.active || f.hop != FaultHop::LineIn || f.id != line ||
            (f.kind != Kind::Drop && f.kind != Kind::Duplicate))
            continue;
        if (hit(f)) {
            if (f.kind == Kind::Drop)
                pass = false;
            else
                *twice = true;
            changed |= !f.active;
        }
    }
    if (changed)
        rearm();
    return pass;
}

int Faults::firmware_check(FwOp op)
{
    if (!fw_armed_)
        return 0;
    int err = 0;
    for (auto& f : f_)
        if (f.active && f.kind == Kind::FwRefuse && f.op == op && hit(f)) {
            err = f.err;
            break;
        }
    rearm();
    return err;
}

uint8_t Faults::dram_check(uint64_t addr)
{
    uint64_t now = m_.cycle();
    for (auto& f : f_)
        if (f.active && f.kind == Kind::DramError && now >= f.from_cycle && addr >= f.base &&
            addr - f.base < f.size) {
            f.fired++;
            return f.resp;
        }
    return 0;
}

std::string Faults::describe() const
{
    static const char* const kinds[] = {"bus_error", "stick_bits",      "drop",
                                        "duplicate", "firmware_refuse", "dram_read_error"};
    std::string s;
    char buf[200];
    for (size_t i = 0; i < f_.size(); i++) {
        const Fault& f = f_[i];
        const char* k = kinds[static_cast<unsigned>(f.kind)];
        switch (f.kind) {
        case Kind::BusError:
            std::snprintf(buf, sizeof buf, "#%zu %s 0x%08x %s", i, k, f.addr, axi_resp_name(f.resp));
            break;
        case Kind::Stick:
            std::snprintf(buf, sizeof buf, "#%zu %s 0x%08x mask 0x%08x = 0x%08x", i, k, f.addr, f.mask,
                          f.value);
            break;
        case Kind::Drop:
        case Kind::Duplicate:
            std::snprintf(buf, sizeof buf, "#%zu %s %s id %u", i, k, fault_hop_name(f.hop), f.id);
            break;
        case Kind::FwRefuse:
            std::snprintf(buf, sizeof buf, "#%zu %s %s err %d", i, k, fw_op_name(f.op), f.err);
            break;
        case Kind::DramError:
            std::snprintf(buf, sizeof buf, "#%zu %s 0x%llx+0x%llx %s", i, k, (unsigned long long)f.base,
                          (unsigned long long)f.size, axi_resp_name(f.resp));
            break;
        }
        s += buf;
        s += f.nth == kAlways ? " always" : " nth " + std::to_string(f.nth);
        s += ": fired " + std::to_string(f.fired) + (f.active ? "" : " (done)") + "\n";
    }
    return s;
}

}  // namespace irqsim
