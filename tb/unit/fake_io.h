// SPDX-License-Identifier: MIT
// FakeIo: an in-memory io backend for unit tests of driver code.
//
// Header-only on purpose: the build globs tb/unit/*_test.cpp only, so support
// code must live in headers every test file can include.
//
// Registers are a sparse map: a write stores the value, a read returns the
// stored value (or SetReg()'s, or default_read32).  Every access is appended to
// log() in order, so a test can assert exact MMIO sequences.  Hooks let a test
// model side effects (e.g. an RWP bit that clears after one poll).
#pragma once

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <linux/io.h>
#include <linux/irqsim_base.h>

struct FakeIo {
    enum Kind { R32, W32, R64, W64, SYSREG_R, SYSREG_W };
    struct Access {
        Kind kind;
        uint64_t addr;     // phys address, or sysreg encoding
        uint64_t val;      // value read or written
        unsigned cpu;      // smp_processor_id() (sysregs), else 0
        std::string note;  // annotation active at the time (if annotate_on)
    };

    // --- configuration -------------------------------------------------------
    uint32_t default_read32 = 0;  // value of a never-written register
    uint64_t default_sysreg = 0;  // value of a never-written sysreg
    bool with_64bit_ops = true;   // false: readq/writeq split into two 32-bit accesses
    bool annotate_on = true;      // provide the annotate hook
    // Optional hooks: return a value to override the register map.
    std::function<std::optional<uint32_t>(uint64_t addr)> on_read32;
    std::function<bool(uint64_t addr, uint32_t val)> on_write32;  // true: handled, do not store
    std::function<std::optional<uint64_t>(unsigned cpu, uint32_t enc)> on_read_sysreg;
    std::function<void(unsigned cpu, uint32_t enc, uint64_t val)> on_write_sysreg;
    std::map<uint64_t, io_status> status_at;  // bus response per address (default OKAY)

    // --- state ---------------------------------------------------------------
    std::map<uint64_t, uint32_t> regs;
    std::map<std::pair<unsigned, uint32_t>, uint64_t> sysregs;
    std::vector<Access> accesses;
    std::vector<std::string> annotations;
    std::string current_note;
    io_status last = IO_OKAY;
    uint64_t now = 0;  // ns; advanced by delay_ns and by each now_ns call (+1)
    uint64_t next_dma = 0x80000000ull;
    std::map<void*, std::pair<size_t, dma_addr_t>> dma_live;

    FakeIo() = default;
    FakeIo(const FakeIo&) = delete;
    FakeIo& operator=(const FakeIo&) = delete;
    ~FakeIo()
    {
        Uninstall();
        for (auto& kv : dma_live)
            std::free(kv.first);
    }

    void Install()
    {
        ops_ = {};
        ops_.read32 = &FakeIo::Read32;
        ops_.write32 = &FakeIo::Write32;
        if (with_64bit_ops) {
            ops_.read64 = &FakeIo::Read64;
            ops_.write64 = &FakeIo::Write64;
        }
        ops_.read_sysreg = &FakeIo::ReadSysreg;
        ops_.write_sysreg = &FakeIo::WriteSysreg;
        ops_.dma_alloc = &FakeIo::DmaAlloc;
        ops_.dma_free = &FakeIo::DmaFree;
        ops_.dma_sync = &FakeIo::DmaSync;
        if (annotate_on)
            ops_.annotate = &FakeIo::Annotate;
        ops_.last_status = &FakeIo::LastStatus;
        ops_.now_ns = &FakeIo::NowNs;
        ops_.delay_ns = &FakeIo::DelayNs;
        irqsim_io_install(&ops_, this);
        installed_ = true;
    }
    void Uninstall()
    {
        if (installed_)
            irqsim_io_install(nullptr, nullptr);
        installed_ = false;
    }

    void SetReg(uint64_t addr, uint32_t val) { regs[addr] = val; }
    uint32_t Reg(uint64_t addr) const
    {
        auto it = regs.find(addr);
        return it == regs.end() ? default_read32 : it->second;
    }
    void ClearLog()
    {
        accesses.clear();
        annotations.clear();
    }
    // all writes (32-bit) to addr, in order
    std::vector<uint32_t> WritesTo(uint64_t addr) const
    {
        std::vector<uint32_t> v;
        for (auto& a : accesses)
            if (a.kind == W32 && a.addr == addr)
                v.push_back(static_cast<uint32_t>(a.val));
        return v;
    }
    size_t CountKind(Kind k) const
    {
        size_t n = 0;
        for (auto& a : accesses)
            n += a.kind == k;
        return n;
    }

private:
    irqsim_io_ops ops_{};
    bool installed_ = false;

    static FakeIo* Self(void* ctx) { return static_cast<FakeIo*>(ctx); }
    void Record(Kind k, uint64_t addr, uint64_t val, unsigned cpu)
    {
        accesses.push_back(Access{k, addr, val, cpu, current_note});
        auto it = status_at.find(addr);
        last = it == status_at.end() ? IO_OKAY : it->second;
    }
    static uint32_t Read32(void* ctx, phys_addr_t addr)
    {
        FakeIo* f = Self(ctx);
        uint32_t v = f->Reg(addr);
        if (f->on_read32)
            if (auto o = f->on_read32(addr))
                v = *o;
        f->Record(R32, addr, v, 0);
        return v;
    }
    static void Write32(void* ctx, phys_addr_t addr, uint32_t val)
    {
        FakeIo* f = Self(ctx);
        f->Record(W32, addr, val, 0);
        if (f->on_write32 && f->on_write32(addr, val))
            return;
        f->regs[addr] = val;
    }
    static uint64_t Read64(void* ctx, phys_addr_t addr)
    {
        FakeIo* f = Self(ctx);
        uint64_t v = f->Reg(addr) | (uint64_t)f->Reg(addr + 4) << 32;
        f->Record(R64, addr, v, 0);
        return v;
    }
    static void Write64(void* ctx, phys_addr_t addr, uint64_t val)
    {
        FakeIo* f = Self(ctx);
        f->Record(W64, addr, val, 0);
        f->regs[addr] = (uint32_t)val;
        f->regs[addr + 4] = (uint32_t)(val >> 32);
    }
    static uint64_t ReadSysreg(void* ctx, unsigned cpu, uint32_t enc)
    {
        FakeIo* f = Self(ctx);
        auto it = f->sysregs.find({cpu, enc});
        uint64_t v = it == f->sysregs.end() ? f->default_sysreg : it->second;
        if (f->on_read_sysreg)
            if (auto o = f->on_read_sysreg(cpu, enc))
                v = *o;
        f->Record(SYSREG_R, enc, v, cpu);
        return v;
    }
    static void WriteSysreg(void* ctx, unsigned cpu, uint32_t enc, uint64_t val)
    {
        FakeIo* f = Self(ctx);
        f->Record(SYSREG_W, enc, val, cpu);
        f->sysregs[{cpu, enc}] = val;
        if (f->on_write_sysreg)
            f->on_write_sysreg(cpu, enc, val);
    }
    static void* DmaAlloc(void* ctx, size_t size, dma_addr_t* handle)
    {
        FakeIo* f = Self(ctx);
        void* p = std::calloc(1, size ? size : 1);
        if (!p)
            return nullptr;
        *handle = f->next_dma;
        f->next_dma += (size + 0xfff) & ~(uint64_t)0xfff;
        f->dma_live[p] = {size, *handle};
        return p;
    }
    static void DmaFree(void* ctx, size_t, void* cpu_addr, dma_addr_t)
    {
        FakeIo* f = Self(ctx);
        if (f->dma_live.erase(cpu_addr))
            std::free(cpu_addr);
    }
    static void DmaSync(void*, void*, size_t) {}
    static void Annotate(void* ctx, const char* text)
    {
        FakeIo* f = Self(ctx);
        f->current_note = text;
        f->annotations.emplace_back(text);
    }
    static io_status LastStatus(void* ctx) { return Self(ctx)->last; }
    static uint64_t NowNs(void* ctx) { return Self(ctx)->now++; }
    static void DelayNs(void* ctx, uint64_t ns) { Self(ctx)->now += ns; }
};
