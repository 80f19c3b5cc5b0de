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
// RWP / WAKER / SRE never complete, to test the timeout paths.  Offsets and fields are the
// hardware's, from the register descriptions (rtl/gic/*.rdl: the generated gic_dist_regs.h,
// gic_redist_regs.h), not the driver's names for them (DriverRegs.* holds those to these).
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <vector>

#include <linux/irqchip/arm-gic-v3.h>

#include "fake_io.h"
#include "gic_dist_regs.h"
#include "gic_redist_regs.h"
#include "irqsim_soc_map_regs.h"

struct FakeGic {
    static constexpr uint64_t kGicd = IRQSIM_SOC_MAP_GICD_BASE;  // the default tree's
    static constexpr uint64_t kGicr = IRQSIM_SOC_MAP_GICR_BASE;
    static constexpr uint64_t kRdStride = GIC_REDIST_SIZE;  // one PE: RD_base + SGI_base

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
    uint32_t pidr2 = GIC_DIST_PIDR2_RESET;         // ArchRev 3
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
    static uint64_t Sgi(unsigned pe) { return Rd(pe) + GIC_REDIST_SGI_OFFSET; }

    // (re)build the ID/TYPER registers from the configuration, then install
    void Install()
    {
        io.SetReg(kGicd + GIC_DIST_PIDR2_OFFSET, pidr2);
        io.SetReg(kGicd + GIC_DIST_TYPER_OFFSET, ((spis + 32) / 32 - 1) << GIC_DIST_TYPER_ITLINESNUMBER_LSB);
        for (unsigned pe = 0; pe < n_pes; pe++) {
            uint64_t m = mpidr[pe];
            uint32_t aff = (uint32_t)(((m >> 32) & 0xff) << 24 | ((m >> 16) & 0xff) << 16 |
                                      ((m >> 8) & 0xff) << 8 | (m & 0xff));
            io.SetReg(Rd(pe) + GIC_REDIST_PIDR2_OFFSET, pidr2);
            io.SetReg(Rd(pe) + GIC_REDIST_TYPER_OFFSET,
                      (pe << GIC_REDIST_TYPER_PROCESSOR_NUMBER_LSB) |
                          (pe == n_pes - 1 ? GIC_REDIST_TYPER_LAST_MASK : 0));
            io.SetReg(Rd(pe) + GIC_REDIST_TYPER_OFFSET + sizeof(uint32_t), aff);
            io.SetReg(Rd(pe) + GIC_REDIST_WAKER_OFFSET, GIC_REDIST_WAKER_RESET);  // asleep
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
        if (a == kGicd + GIC_DIST_CTLR_OFFSET) {
            uint32_t v = io.Reg(a) & ~GIC_DIST_CTLR_RWP_MASK;
            if (gicd_rwp_stuck || gicd_rwp_left_) {
                if (gicd_rwp_left_)
                    gicd_rwp_left_--;
                v |= GIC_DIST_CTLR_RWP_MASK;
            }
            return v;
        }
        int pe = PeOf(a, &off);
        if (pe < 0)
            return std::nullopt;
        if (off == GIC_REDIST_CTLR_OFFSET) {
            uint32_t v = io.Reg(a) & ~GIC_REDIST_CTLR_RWP_MASK;
            if (gicr_rwp_stuck || gicr_rwp_left_[pe]) {
                if (gicr_rwp_left_[pe])
                    gicr_rwp_left_[pe]--;
                v |= GIC_REDIST_CTLR_RWP_MASK;
            }
            return v;
        }
        if (off == GIC_REDIST_WAKER_OFFSET) {
            uint32_t v = io.Reg(a);
            bool ps = v & GIC_REDIST_WAKER_PROCESSORSLEEP_MASK;
            bool ca = v & GIC_REDIST_WAKER_CHILDRENASLEEP_MASK;
            if (ca != ps && !waker_stuck && waker_left_[pe] == 0)
                ca = ps;
            else if (waker_left_[pe])
                waker_left_[pe]--;
            v = (v & ~GIC_REDIST_WAKER_CHILDRENASLEEP_MASK) | (ca ? GIC_REDIST_WAKER_CHILDRENASLEEP_MASK : 0);
            io.regs[a] = v;
            return v;
        }
        return std::nullopt;
    }

    bool Write32(uint64_t a, uint32_t v)
    {
        uint64_t off;
        if (a == kGicd + GIC_DIST_CTLR_OFFSET ||
            (a >= kGicd + GIC_DIST_ICENABLER_OFFSET && a < kGicd + GIC_DIST_ISPENDR_OFFSET))  // ICENABLER<n>
            gicd_rwp_left_ = rwp_reads;
        int pe = PeOf(a, &off);
        if (pe < 0)
            return false;
        if (off == GIC_REDIST_SGI_OFFSET + GIC_REDIST_SGI_ICENABLER0_OFFSET)
            gicr_rwp_left_[pe] = rwp_reads;
        if (off == GIC_REDIST_WAKER_OFFSET) {
            // ProcessorSleep is writable; ChildrenAsleep is read-only and lags
            uint32_t old = io.Reg(a);
            io.regs[a] =
                (v & GIC_REDIST_WAKER_PROCESSORSLEEP_MASK) | (old & GIC_REDIST_WAKER_CHILDRENASLEEP_MASK);
            waker_left_[pe] = waker_reads;
            return true;
        }
        if (off == GIC_REDIST_CTLR_OFFSET) {
            io.regs[a] = v & ~GIC_REDIST_CTLR_RWP_MASK;
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
