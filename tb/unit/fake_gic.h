// SPDX-License-Identifier: MIT
// FakeGic: a small behavioural model of a GICv3 on top of FakeIo, for unit
// tests of the GICv3 driver (header-only: the build globs *_test.cpp only).
//
// Modelled: GICD/GICR PIDR2, GICD_TYPER (ITLinesNumber from the SPI count),
// GICR_TYPER (affinity + Last), GICD_CTLR.RWP set by CTLR/ICENABLER writes and
// dropping after rwp_reads reads, GICR_CTLR.RWP (bit 3) likewise for SGI_base
// ICENABLER0, GICR_WAKER.ChildrenAsleep following ProcessorSleep after
// waker_reads reads, a per-CPU ICC_IAR1_EL1 queue (1023 when empty), and a
// stuck-SRE option.  Everything else is plain FakeIo storage.  Knobs make
// RWP / WAKER / SRE never complete, to test the timeout paths.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <vector>

#include <linux/irqchip/arm-gic-v3.h>

#include "fake_io.h"

struct FakeGic {
    static constexpr uint64_t kGicd = 0x08000000;
    static constexpr uint64_t kGicr = 0x080A0000;
    static constexpr uint64_t kRdStride = 0x20000;

    FakeIo io;
    unsigned n_pes;
    unsigned spis;
    std::vector<uint64_t> mpidr;  // per PE

    // knobs
    unsigned rwp_reads = 1;  // CTLR reads that still show RWP after a tracked write
    bool gicd_rwp_stuck = false;
    bool gicr_rwp_stuck = false;
    unsigned waker_reads = 2;  // WAKER reads before ChildrenAsleep follows ProcessorSleep
    bool waker_stuck = false;
    bool sre_stuck = false;
    uint32_t pidr2 = 0x3b;                         // ArchRev 3
    std::map<unsigned, std::deque<uint32_t>> iar;  // per CPU
    unsigned iar_reads = 0;

    explicit FakeGic(unsigned pes = 5, unsigned nspis = 96) : n_pes(pes), spis(nspis)
    {
        for (unsigned pe = 0; pe < pes; pe++)
            mpidr.push_back(((uint64_t)(pe / 16) << 8) | (pe % 16));
        gicr_rwp_left_.assign(pes, 0);
        waker_left_.assign(pes, 0);
    }
    FakeGic(const FakeGic&) = delete;
    FakeGic& operator=(const FakeGic&) = delete;

    static uint64_t Rd(unsigned pe) { return kGicr + pe * kRdStride; }
    static uint64_t Sgi(unsigned pe) { return Rd(pe) + GICR_SGI_BASE_OFFSET; }

    // (re)build the ID/TYPER registers from the configuration, then install
    void Install()
    {
        io.SetReg(kGicd + GICD_PIDR2, pidr2);
        io.SetReg(kGicd + GICD_TYPER, (spis + 32) / 32 - 1);
        for (unsigned pe = 0; pe < n_pes; pe++) {
            uint64_t m = mpidr[pe];
            uint32_t aff = (uint32_t)(((m >> 32) & 0xff) << 24 | ((m >> 16) & 0xff) << 16 |
                                      ((m >> 8) & 0xff) << 8 | (m & 0xff));
            io.SetReg(Rd(pe) + GICR_PIDR2, pidr2);
            io.SetReg(Rd(pe) + GICR_TYPER, (pe << 8) | (pe == n_pes - 1 ? GICR_TYPER_LAST : 0));
            io.SetReg(Rd(pe) + GICR_TYPER + 4, aff);
            io.SetReg(Rd(pe) + GICR_WAKER, GICR_WAKER_ProcessorSleep | GICR_WAKER_ChildrenAsleep);
        }
        io.on_read32 = [this](uint64_t a) { return Read32(a); };
        io.on_write32 = [this](uint64_t a, uint32_t v) { return Write32(a, v); };
        io.on_read_sysreg = [this](unsigned cpu, uint32_t enc) { return ReadSysreg(cpu, enc); };
        io.Install();
    }

    // index in io.accesses of the first access matching, at or after 'from'; -1 if none
    long Find(FakeIo::Kind k, uint64_t addr, long from = 0) const
    {
        for (size_t i = (size_t)from; i < io.accesses.size(); i++)
            if (io.accesses[i].kind == k && io.accesses[i].addr == addr)
                return (long)i;
        return -1;
    }
    long FindWrite(uint64_t addr, uint64_t val, long from = 0) const
    {
        for (size_t i = (size_t)from; i < io.accesses.size(); i++) {
            auto& a = io.accesses[i];
            if ((a.kind == FakeIo::W32 || a.kind == FakeIo::W64) && a.addr == addr && a.val == val)
                return (long)i;
        }
        return -1;
    }
    long FindSysregWrite(uint32_t enc, long from = 0, unsigned cpu = ~0u) const
    {
        for (size_t i = (size_t)from; i < io.accesses.size(); i++) {
            auto& a = io.accesses[i];
            if (a.kind == FakeIo::SYSREG_W && a.addr == enc && (cpu == ~0u || a.cpu == cpu))
                return (long)i;
        }
        return -1;
    }
    std::vector<uint64_t> SysregWrites(uint32_t enc) const
    {
        std::vector<uint64_t> v;
        for (auto& a : io.accesses)
            if (a.kind == FakeIo::SYSREG_W && a.addr == enc)
                v.push_back(a.val);
        return v;
    }

private:
    unsigned gicd_rwp_left_ = 0;
    std::vector<unsigned> gicr_rwp_left_;
    std::vector<unsigned> waker_left_;

    // PE whose RD_base/SGI_base frame holds addr, or -1
    int PeOf(uint64_t a, uint64_t* off) const
    {
        if (a < kGicr || a >= kGicr + n_pes * kRdStride)
            return -1;
        *off = (a - kGicr) % kRdStride;
        return (int)((a - kGicr) / kRdStride);
    }

    std::optional<uint32_t> Read32(uint64_t a)
    {
        uint64_t off;
        if (a == kGicd + GICD_CTLR) {
            uint32_t v = io.Reg(a) & ~GICD_CTLR_RWP;
            if (gicd_rwp_stuck || gicd_rwp_left_) {
                if (gicd_rwp_left_)
                    gicd_rwp_left_--;
                v |= GICD_CTLR_RWP;
            }
            return v;
        }
        int pe = PeOf(a, &off);
        if (pe < 0)
            return std::nullopt;
        if (off == GICR_CTLR) {
            uint32_t v = io.Reg(a) & ~GICR_CTLR_RWP;
            if (gicr_rwp_stuck || gicr_rwp_left_[pe]) {
                if (gicr_rwp_left_[pe])
                    gicr_rwp_left_[pe]--;
                v |= GICR_CTLR_RWP;
            }
            return v;
        }
        if (off == GICR_WAKER) {
            uint32_t v = io.Reg(a);
            bool ps = v & GICR_WAKER_ProcessorSleep;
            bool ca = v & GICR_WAKER_ChildrenAsleep;
            if (ca != ps && !waker_stuck && waker_left_[pe] == 0)
                ca = ps;
            else if (waker_left_[pe])
                waker_left_[pe]--;
            v = (v & ~GICR_WAKER_ChildrenAsleep) | (ca ? GICR_WAKER_ChildrenAsleep : 0);
            io.regs[a] = v;
            return v;
        }
        return std::nullopt;
    }

    bool Write32(uint64_t a, uint32_t v)
    {
        uint64_t off;
        if (a == kGicd + GICD_CTLR || (a >= kGicd + GICD_ICENABLER && a < kGicd + GICD_ICENABLER + 0x80))
            gicd_rwp_left_ = rwp_reads;
        int pe = PeOf(a, &off);
        if (pe < 0)
            return false;
        if (off == GICR_SGI_BASE_OFFSET + GICR_ICENABLER0)
            gicr_rwp_left_[pe] = rwp_reads;
        if (off == GICR_WAKER) {
            // ProcessorSleep is writable; ChildrenAsleep is read-only and lags
            uint32_t old = io.Reg(a);
            io.regs[a] = (v & GICR_WAKER_ProcessorSleep) | (old & GICR_WAKER_ChildrenAsleep);
            waker_left_[pe] = waker_reads;
            return true;
        }
        if (off == GICR_CTLR) {
            io.regs[a] = v & ~GICR_CTLR_RWP;
            return true;
        }
        return false;
    }

    std::optional<uint64_t> ReadSysreg(unsigned cpu, uint32_t enc)
    {
        if (enc == SYS_ICC_IAR1_EL1) {
            iar_reads++;
            auto& q = iar[cpu];
            if (q.empty())
                return 1023;
            uint32_t v = q.front();
            q.pop_front();
            return v;
        }
        if (enc == SYS_ICC_SRE_EL1 && sre_stuck)
            return 0;
        return std::nullopt;
    }
};
