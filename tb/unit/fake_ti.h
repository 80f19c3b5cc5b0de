// SPDX-License-Identifier: MIT
// Fakes for the TI K3-style interrupt path (header-only: the build globs
// *_test.cpp only):
//
// FakeTiSci   - the system firmware: get_range answers the host's ranges,
//               set/free irq and event map check them (-EINVAL + one log line
//               naming the resource and range), -EBUSY on double set, -EINVAL on
//               free of something not set; records every call and programs the
//               secure registers (INTR MUXCNTL, INTA IMAP, DMA RING_EVENT) in
//               a TiRegs model.
// TiRegs      - the INTA VINT registers (W1S/W1C on 32-bit halves, STATUSM =
//               status & enable) plus plain storage for everything else of the
//               TI window; thread-safe.
// TiOnFakeIo  - plugs TiRegs into a FakeIo (e.g. FakeGic's), keeping FakeIo's
//               access log; needs io.with_64bit_ops = false so 64-bit accesses
//               reach the hooks as two 32-bit halves.
// LockedIo    - a thread-safe io backend (TiRegs + plain registers) for
//               concurrency tests, installed after probing on FakeGic.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <linux/io.h>
#include <linux/irqsim_base.h>
#include <linux/soc/ti/ti_sci_protocol.h>

#include "fake_io.h"
#include "dev_dma_ring_regs.h"
#include "ti_inta_regs.h"
#include "ti_intr_regs.h"
#include "irqsim_soc_map_regs.h"

namespace ti {
// block bases; offsets and fields: rtl/ti/ti_inta.rdl, ti_intr.rdl, rtl/dev/dev_dma_ring.rdl (generated headers)
// (the default map: rtl/soc/irqsim_soc_map.rdl)
constexpr uint64_t kIntr = IRQSIM_SOC_MAP_INTR_BASE, kVint = IRQSIM_SOC_MAP_INTA_BASE,
                   kImap = kVint + TI_INTA_IMAP_OFFSET, kCfg = kVint + TI_INTA_CFG_OFFSET,
                   kDma = IRQSIM_SOC_MAP_DMA_BASE, kDmaSec = kDma + DEV_DMA_RING_RING_EVENT_OFFSET,
                   kWindowEnd = IRQSIM_SOC_MAP_IMS_BASE;
constexpr uint64_t kVintStride = TI_INTA_VINT_STRIDE;
constexpr unsigned kEnableSet = TI_INTA_VINT_ENABLE_SET_OFFSET, kEnableClr = TI_INTA_VINT_ENABLE_CLEAR_OFFSET,
                   kStatusSet = TI_INTA_VINT_STATUS_SET_OFFSET, kStatusClr = TI_INTA_VINT_STATUS_CLEAR_OFFSET,
                   kStatusM = TI_INTA_VINT_STATUSM_OFFSET;
inline uint64_t Muxcntl(unsigned out)
{
    return kIntr + TI_INTR_MUXCNTL_OFFSET + TI_INTR_MUXCNTL_STRIDE * out;
}
inline uint64_t Imap(unsigned e) { return kImap + TI_INTA_IMAP_STRIDE * e; }
inline uint64_t RingEvent(unsigned r) { return kDmaSec + DEV_DMA_RING_RING_EVENT_STRIDE * r; }
inline uint64_t VintReg(unsigned v, unsigned off) { return kVint + v * kVintStride + off; }
inline uint64_t RingReg(unsigned r, unsigned off) { return kDma + DEV_DMA_RING_RING_STRIDE * r + off; }
}  // namespace ti

struct TiRegs {
    unsigned nr_vints = 16;
    std::mutex m;
    std::map<unsigned, uint64_t> enable, status;
    std::map<uint64_t, uint32_t> plain;  // secure registers, DMA registers...

    static bool InWindow(uint64_t a) { return a >= ti::kIntr && a < ti::kWindowEnd; }

    // a 32-bit write into the TI window; false if not ours
    bool Write32(uint64_t a, uint32_t v)
    {
        if (!InWindow(a))
            return false;
        std::lock_guard<std::mutex> g(m);
        if (a >= ti::kVint && a < ti::kVint + nr_vints * ti::kVintStride) {
            unsigned vint = (unsigned)((a - ti::kVint) / ti::kVintStride);
            unsigned off = (unsigned)((a - ti::kVint) % ti::kVintStride);
            unsigned shift = (off & 4) ? 32 : 0;
            uint64_t bits = (uint64_t)v << shift;
            switch (off & ~7u) {
            case ti::kEnableSet:
                enable[vint] |= bits;
                break;
            case ti::kEnableClr:
                enable[vint] &= ~bits;
                break;
            case ti::kStatusSet:
                status[vint] |= bits;
                break;
            case ti::kStatusClr:
                status[vint] &= ~bits;
                break;
            default:
                break;
            }
            return true;
        }
        plain[a] = v;
        return true;
    }
    std::optional<uint32_t> Read32(uint64_t a)
    {
        if (!InWindow(a))
            return std::nullopt;
        std::lock_guard<std::mutex> g(m);
        if (a >= ti::kVint && a < ti::kVint + nr_vints * ti::kVintStride) {
            unsigned vint = (unsigned)((a - ti::kVint) / ti::kVintStride);
            unsigned off = (unsigned)((a - ti::kVint) % ti::kVintStride);
            unsigned shift = (off & 4) ? 32 : 0;
            uint64_t r = 0;
            switch (off & ~7u) {
            case ti::kEnableSet:
            case ti::kEnableClr:
                r = enable[vint];
                break;
            case ti::kStatusSet:
            case ti::kStatusClr:
                r = status[vint];
                break;
            case ti::kStatusM:
                r = status[vint] & enable[vint];
                break;
            default:
                break;
            }
            return (uint32_t)(r >> shift);
        }
        auto it = plain.find(a);
        return it == plain.end() ? 0u : it->second;
    }
    // the firmware's (secure) side
    void SecureWrite(uint64_t a, uint32_t v)
    {
        std::lock_guard<std::mutex> g(m);
        plain[a] = v;
    }
    uint32_t Peek(uint64_t a)
    {
        std::lock_guard<std::mutex> g(m);
        auto it = plain.find(a);
        return it == plain.end() ? 0u : it->second;
    }
    uint64_t Enable(unsigned v)
    {
        std::lock_guard<std::mutex> g(m);
        return enable[v];
    }
    uint64_t Status(unsigned v)
    {
        std::lock_guard<std::mutex> g(m);
        return status[v];
    }
    // a global event arrives: IMAP valid -> STATUS bit; returns false if unmapped
    bool RaiseEvent(unsigned gevt)
    {
        std::lock_guard<std::mutex> g(m);
        auto it = plain.find(ti::Imap(gevt));
        if (it == plain.end() || !(it->second & TI_INTA_IMAP_VALID_MASK))
            return false;
        unsigned vint = (it->second & TI_INTA_IMAP_VINT_MASK) >> TI_INTA_IMAP_VINT_LSB;
        unsigned bit = (it->second & TI_INTA_IMAP_BIT_MASK) >> TI_INTA_IMAP_BIT_LSB;
        status[vint] |= 1ull << bit;
        return true;
    }
    // a ring completes: RING_EVENT enabled -> its global event
    bool RaiseRing(unsigned ring)
    {
        uint32_t re = Peek(ti::RingEvent(ring));
        if (!(re & DEV_DMA_RING_RING_EVENT_ENABLE_MASK))
            return false;
        return RaiseEvent((re & DEV_DMA_RING_RING_EVENT_EVENT_MASK) >> DEV_DMA_RING_RING_EVENT_EVENT_LSB);
    }
};

struct FakeTiSci {
    struct Range {
        uint16_t start, num;
        bool Has(unsigned id) const { return id >= start && id < (unsigned)start + num; }
    };
    struct Ev {
        uint16_t src_id, src_index, vint;
        uint8_t bit;
    };
    static constexpr uint16_t kIntrId = 101, kIntaId = 102, kDmaId = 103;

    // what get_range answers; what the firmware accepts (default: the same)
    Range out{0, 32}, vint{0, 16}, gevt{0, 256};
    Range secondary{0, 0};  // a second range of INTR outputs get_range answers (num 0: none)
    std::optional<Range> accept_out, accept_vint, accept_gevt;
    std::set<uint16_t> refuse_out;  // set_irq to these outputs fails (-EINVAL)
    int refuse_event_maps = 0;      // this many set_event_map calls fail (-EINVAL)
    TiRegs* regs = nullptr;         // secure registers it programs (may be null)

    std::mutex m;
    std::vector<std::string> calls;
    std::map<uint16_t, uint16_t> routes;  // output -> input
    std::map<uint16_t, Ev> events;        // global event -> mapping
    std::vector<std::string> violations;  // double-owned (vint, bit) etc.

    // the handle drivers get (first member: a ti_sci_handle pointer is one to this)
    struct Handle {
        ti_sci_handle h;
        FakeTiSci* self;
    } handle{};

    FakeTiSci()
    {
        handle.h.ops.rm_core_ops.get_range = &GetRange;
        handle.h.ops.rm_irq_ops.set_irq = &SetIrq;
        handle.h.ops.rm_irq_ops.free_irq = &FreeIrq;
        handle.h.ops.rm_irq_ops.set_event_map = &SetEventMap;
        handle.h.ops.rm_irq_ops.free_event_map = &FreeEventMap;
        handle.self = this;
    }
    FakeTiSci(const FakeTiSci&) = delete;
    FakeTiSci& operator=(const FakeTiSci&) = delete;

    void Install() { ti_sci_install_handle(&handle.h); }
    size_t CountCalls(const std::string& prefix)
    {
        std::lock_guard<std::mutex> g(m);
        size_t n = 0;
        for (auto& c : calls)
            n += c.rfind(prefix, 0) == 0;
        return n;
    }
    // (vint, bit) of the event map of source (src_id, index), or nullopt
    std::optional<Ev> EventOf(uint16_t src_id, uint16_t index, uint16_t* gevt_out = nullptr)
    {
        std::lock_guard<std::mutex> g(m);
        for (auto& kv : events)
            if (kv.second.src_id == src_id && kv.second.src_index == index) {
                if (gevt_out)
                    *gevt_out = kv.first;
                return kv.second;
            }
        return std::nullopt;
    }

private:
    static FakeTiSci* Self(const ti_sci_handle* h) { return reinterpret_cast<const Handle*>(h)->self; }
    const Range& Accept(const std::optional<Range>& a, const Range& r) const { return a ? *a : r; }
    void Log(const std::string& s) { calls.push_back(s); }

    static int GetRange(const ti_sci_handle* h, u32 dev_id, u8 subtype, ti_sci_resource_desc* desc)
    {
        FakeTiSci* f = Self(h);
        std::lock_guard<std::mutex> g(f->m);
        const Range* r = nullptr;
        if (dev_id == kIntrId && subtype == TI_SCI_RESASG_SUBTYPE_IR_OUTPUT)
            r = &f->out;
        else if (dev_id == kIntaId && subtype == TI_SCI_RESASG_SUBTYPE_IA_VINT)
            r = &f->vint;
        else if (dev_id == kIntaId && subtype == TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT)
            r = &f->gevt;
        f->Log("get_range " + std::to_string(dev_id) + " " + std::to_string(subtype));
        if (!r) {
            pr_err("ti_sci fw: no range for device %u subtype %u", dev_id, subtype);
            return -EINVAL;
        }
        desc->start = r->start;
        desc->num = r->num;
        desc->start_sec = f->secondary.start;
        desc->num_sec =
            dev_id == kIntrId && subtype == TI_SCI_RESASG_SUBTYPE_IR_OUTPUT ? f->secondary.num : 0;
        return 0;
    }
    static int SetIrq(const ti_sci_handle* h, u16 src_id, u16 src_index, u16 dst_id, u16 out)
    {
        FakeTiSci* f = Self(h);
        std::lock_guard<std::mutex> g(f->m);
        f->Log("set_irq " + std::to_string(src_id) + " " + std::to_string(src_index) + " " +
               std::to_string(dst_id) + " " + std::to_string(out));
        const Range& r = f->Accept(f->accept_out, f->out);
        if (src_id != kIntrId || dst_id != kIntrId || src_index >= 32) {
            pr_err("ti_sci fw: set_irq src %u/%u dst %u: not an INTR route", src_id, src_index, dst_id);
            return -EINVAL;
        }
        if (!r.Has(out) || f->refuse_out.count(out)) {
            pr_err("ti_sci fw: INTR output %u outside the host range %u..%u", out, r.start,
                   r.start + r.num - 1);
            return -EINVAL;
        }
        if (f->routes.count(out)) {
            pr_err("ti_sci fw: INTR output %u already routed", out);
            return -EBUSY;
        }
        f->routes[out] = src_index;
        if (f->regs)
            f->regs->SecureWrite(ti::Muxcntl(out), (1u << 16) | src_index);
        return 0;
    }
    static int FreeIrq(const ti_sci_handle* h, u16 src_id, u16 src_index, u16 dst_id, u16 out)
    {
        FakeTiSci* f = Self(h);
        std::lock_guard<std::mutex> g(f->m);
        f->Log("free_irq " + std::to_string(src_id) + " " + std::to_string(src_index) + " " +
               std::to_string(dst_id) + " " + std::to_string(out));
        auto it = f->routes.find(out);
        if (it == f->routes.end() || it->second != src_index) {
            pr_err("ti_sci fw: free_irq of INTR output %u input %u that is not set", out, src_index);
            return -EINVAL;
        }
        f->routes.erase(it);
        if (f->regs)
            f->regs->SecureWrite(ti::Muxcntl(out), 0);
        return 0;
    }
    static int SetEventMap(const ti_sci_handle* h, u16 src_id, u16 src_index, u16 ia_id, u16 vint, u16 gevt,
                           u8 bit)
    {
        FakeTiSci* f = Self(h);
        std::lock_guard<std::mutex> g(f->m);
        f->Log("set_event_map " + std::to_string(src_id) + " " + std::to_string(src_index) + " " +
               std::to_string(ia_id) + " " + std::to_string(vint) + " " + std::to_string(gevt) + " " +
               std::to_string(bit));
        const Range &rv = f->Accept(f->accept_vint, f->vint), &rg = f->Accept(f->accept_gevt, f->gevt);
        if (f->refuse_event_maps > 0) {
            f->refuse_event_maps--;
            pr_err("ti_sci fw: event map refused (test)");
            return -EINVAL;
        }
        if (ia_id != kIntaId || bit >= 64) {
            pr_err("ti_sci fw: set_event_map: bad INTA %u / bit %u", ia_id, bit);
            return -EINVAL;
        }
        if (!rv.Has(vint)) {
            pr_err("ti_sci fw: VINT %u outside the host range %u..%u", vint, rv.start, rv.start + rv.num - 1);
            return -EINVAL;
        }
        if (!rg.Has(gevt)) {
            pr_err("ti_sci fw: global event %u outside the host range %u..%u", gevt, rg.start,
                   rg.start + rg.num - 1);
            return -EINVAL;
        }
        if (f->events.count(gevt)) {
            pr_err("ti_sci fw: global event %u already mapped", gevt);
            return -EBUSY;
        }
        for (auto& kv : f->events) {
            if (kv.second.vint == vint && kv.second.bit == bit)
                f->violations.push_back("vint " + std::to_string(vint) + " bit " + std::to_string(bit) +
                                        " mapped twice");
            if (kv.second.src_id == src_id && kv.second.src_index == src_index)
                f->violations.push_back("source " + std::to_string(src_id) + "/" + std::to_string(src_index) +
                                        " mapped twice");
        }
        f->events[gevt] = Ev{src_id, src_index, vint, bit};
        if (f->regs) {
            f->regs->SecureWrite(ti::Imap(gevt), 0x80000000u | (uint32_t)vint << 8 | bit);
            if (src_id == kDmaId)
                f->regs->SecureWrite(ti::RingEvent(src_index), 0x80000000u | gevt);
        }
        return 0;
    }
    static int FreeEventMap(const ti_sci_handle* h, u16 src_id, u16 src_index, u16 ia_id, u16 vint, u16 gevt,
                            u8 bit)
    {
        FakeTiSci* f = Self(h);
        std::lock_guard<std::mutex> g(f->m);
        f->Log("free_event_map " + std::to_string(src_id) + " " + std::to_string(src_index) + " " +
               std::to_string(ia_id) + " " + std::to_string(vint) + " " + std::to_string(gevt) + " " +
               std::to_string(bit));
        auto it = f->events.find(gevt);
        if (it == f->events.end() || it->second.vint != vint || it->second.bit != bit ||
            it->second.src_id != src_id || it->second.src_index != src_index) {
            pr_err("ti_sci fw: free_event_map of global event %u that is not set that way", gevt);
            return -EINVAL;
        }
        f->events.erase(it);
        if (f->regs) {
            f->regs->SecureWrite(ti::Imap(gevt), 0);
            if (src_id == kDmaId)
                f->regs->SecureWrite(ti::RingEvent(src_index), 0);
        }
        return 0;
    }
};

// Route the TI window of a FakeIo (after FakeGic::Install) to a TiRegs.
inline void TiOnFakeIo(FakeIo& io, TiRegs& regs)
{
    auto old_r = io.on_read32;
    auto old_w = io.on_write32;
    io.on_read32 = [&regs, old_r](uint64_t a) -> std::optional<uint32_t> {
        if (auto v = regs.Read32(a))
            return v;
        return old_r ? old_r(a) : std::nullopt;
    };
    io.on_write32 = [&regs, old_w](uint64_t a, uint32_t v) {
        if (regs.Write32(a, v))
            return true;
        return old_w ? old_w(a, v) : false;
    };
}

// A thread-safe io backend: the TI window via TiRegs, other registers stored.
struct LockedIo {
    TiRegs& ti;
    std::mutex m;
    std::map<uint64_t, uint32_t> regs;
    irqsim_io_ops ops{};

    explicit LockedIo(TiRegs& t) : ti(t)
    {
        ops.read32 = [](void* c, phys_addr_t a) -> u32 { return static_cast<LockedIo*>(c)->R(a); };
        ops.write32 = [](void* c, phys_addr_t a, u32 v) { static_cast<LockedIo*>(c)->W(a, v); };
        ops.read_sysreg = [](void*, unsigned, u32) -> u64 { return 0; };
        ops.write_sysreg = [](void*, unsigned, u32, u64) {};
    }
    ~LockedIo() { irqsim_io_install(nullptr, nullptr); }
    void Install() { irqsim_io_install(&ops, this); }
    uint32_t R(uint64_t a)
    {
        if (auto v = ti.Read32(a))
            return *v;
        std::lock_guard<std::mutex> g(m);
        auto it = regs.find(a);
        return it == regs.end() ? 0 : it->second;
    }
    void W(uint64_t a, uint32_t v)
    {
        if (ti.Write32(a, v))
            return;
        std::lock_guard<std::mutex> g(m);
        regs[a] = v;
    }
};
