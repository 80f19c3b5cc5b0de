// SPDX-License-Identifier: MIT
#include "handler_loop.h"

#include "sim.h"

#include "gic_cpuif_regs.h"
#include "gic_dist_regs.h"
#include "gic_redist_regs.h"

#include <chrono>
#include <ctime>

namespace irqsim {

namespace {

// system-register keys: the CPU interface's registers sit at byte address key * 8 (gic_cpuif.rdl)
constexpr uint16_t kPmr = GIC_CPUIF_PMR_EL1_OFFSET >> 3, kIar1 = GIC_CPUIF_IAR1_EL1_OFFSET >> 3,
                   kEoir1 = GIC_CPUIF_EOIR1_EL1_OFFSET >> 3, kCtlr = GIC_CPUIF_CTLR_EL1_OFFSET >> 3,
                   kSre = GIC_CPUIF_SRE_EL1_OFFSET >> 3, kIgrpen1 = GIC_CPUIF_IGRPEN1_EL1_OFFSET >> 3;
static_assert(kIar1 == SysregPort::key(0, 12, 12, 0) && kPmr == SysregPort::key(0, 4, 6, 0),
              "the CPU interface's register map and the sysreg port's keys agree");
constexpr unsigned kLines = 32, kFirstSpi = 32, kIrqWait = 1000, kSpurious = 1023;

bool init(Sim& s, unsigned cpus, std::string* err)
{
    auto& bus = s.cpu_bus();
    auto& sr = s.sysregs();
    const uint32_t gicd = s.model().params().gicd_base;
    const uint32_t ctlr = gicd + GIC_DIST_CTLR_OFFSET;
    bool ok = bus.write32(ctlr, GIC_DIST_CTLR_ENABLEGRP1_MASK).ok();
    for (AxiResult r = bus.read32(ctlr); ok && (r.data & GIC_DIST_CTLR_RWP_MASK); r = bus.read32(ctlr))
        ok = r.ok();
    for (unsigned pe = 0; ok && pe < cpus; pe++) {
        uint32_t waker = s.model().params().gicr_frame(pe) + GIC_REDIST_WAKER_OFFSET;
        ok = bus.write32(waker, 0).ok();  // ProcessorSleep = 0
        for (AxiResult r = bus.read32(waker); ok && (r.data & GIC_REDIST_WAKER_CHILDRENASLEEP_MASK);
             r = bus.read32(waker))
            ok = r.ok();
        ok = ok && sr.write(pe, kSre, 7).ok() && sr.write(pe, kPmr, 0xF0).ok() &&
             sr.write(pe, kCtlr, 0).ok() && sr.write(pe, kIgrpen1, 1).ok();
    }
    // INTIDs 32..63: the first register of each SPI array
    ok = ok && bus.write32(gicd + GIC_DIST_IGROUPR_SPI_OFFSET, 0xFFFFFFFF).ok();  // Group 1
    for (unsigned w = 0; ok && w < 8; w++)
        ok = bus.write32(gicd + GIC_DIST_IPRIORITYR_SPI_OFFSET + GIC_DIST_IPRIORITYR_SPI_STRIDE * w,
                         0xA0A0A0A0)
                 .ok();
    for (unsigned w = 0; ok && w < 2; w++)  // edge
        ok = bus.write32(gicd + GIC_DIST_ICFGR_SPI_OFFSET + GIC_DIST_ICFGR_SPI_STRIDE * w, 0xAAAAAAAA).ok();
    for (unsigned l = 0; ok && l < kLines; l++)
        ok = bus.write32(gicd + GIC_DIST_IROUTER_SPI_OFFSET + GIC_DIST_IROUTER_SPI_STRIDE * l, l % cpus).ok();
    ok = ok && bus.write32(gicd + GIC_DIST_ISENABLER_SPI_OFFSET, 0xFFFFFFFF).ok();
    if (!ok)
        *err = "init: a GIC register access failed" + (s.failed() ? ": " + s.error() : std::string());
    return ok;
}

}  // namespace

HandlerLoopResult run_handler_loop(unsigned cpus, uint64_t events)
{
    HandlerLoopResult r;
    SimConfig cfg;
    cfg.cpus = cpus;
    cfg.bus_log = false;  // a plain harness: no access log, no hop monitor
    cfg.hops = false;
    cfg.quiet_bus_errors = true;
    Sim s(cfg);
    s.boot();
    if (!init(s, cpus, &r.error))
        return r;
    auto& m = s.model();
    auto& sr = s.sysregs();
    r.init_cycles = m.cycle();
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    for (uint64_t i = 0; i < events && r.error.empty(); i++) {
        unsigned line = static_cast<unsigned>(i % kLines), pe = line % cpus;
        s.lines().pulse(line, 1);
        for (bool handled = false; !handled && r.error.empty();) {
            unsigned n = 0;
            for (; !s.platform().irq_line(pe) && n < kIrqWait; n++)
                m.tick();
            if (n >= kIrqWait) {
                r.error =
                    "no irq_out[" + std::to_string(pe) + "] for INTID " + std::to_string(kFirstSpi + line);
                break;
            }
            SysregResult iar = sr.read(pe, kIar1);
            uint32_t intid = static_cast<uint32_t>(iar.data & GIC_CPUIF_IAR1_EL1_INTID_MASK);
            if (!iar.ok()) {
                r.error = "ICC_IAR1 read failed";
            } else if (intid == kSpurious) {
                r.spurious++;
            } else if (intid != kFirstSpi + line) {
                r.error =
                    "ICC_IAR1 " + std::to_string(intid) + ", expected " + std::to_string(kFirstSpi + line);
            } else if (!sr.write(pe, kEoir1, intid).ok()) {
                r.error = "ICC_EOIR1 write failed";
            } else {
                r.delivered++;
                handled = true;
            }
        }
    }
    r.cpu_s = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    r.cycles = m.cycle() - r.init_cycles;
    if (r.error.empty() && s.failed())
        r.error = s.error();
    return r;
}

}  // namespace irqsim
