// SPDX-License-Identifier: MIT
#include "handler_loop.h"

#include "sim.h"

#include <chrono>
#include <ctime>

namespace irqsim {

namespace {

constexpr uint16_t kPmr = SysregPort::key(0, 4, 6, 0), kIar1 = SysregPort::key(0, 12, 12, 0),
                   kEoir1 = SysregPort::key(0, 12, 12, 1), kCtlr = SysregPort::key(0, 12, 12, 4),
                   kSre = SysregPort::key(0, 12, 12, 5), kIgrpen1 = SysregPort::key(0, 12, 12, 7);
constexpr unsigned kLines = 32, kFirstSpi = 32, kIrqWait = 1000;

bool init(Sim& s, unsigned cpus, std::string* err)
{
    auto& bus = s.cpu_bus();
    auto& sr = s.sysregs();
    const uint32_t gicd = s.model().params().gicd_base;
    bool ok = bus.write32(gicd, 2).ok();  // GICD_CTLR.EnableGrp1
    for (AxiResult r = bus.read32(gicd); ok && (r.data >> 31); r = bus.read32(gicd))
        ok = r.ok();  // RWP
    for (unsigned pe = 0; ok && pe < cpus; pe++) {
        uint32_t waker = s.model().params().gicr_frame(pe) + 0x14;  // GICR_WAKER
        ok = bus.write32(waker, 0).ok();
        for (AxiResult r = bus.read32(waker); ok && (r.data & 4); r = bus.read32(waker))
            ok = r.ok();
        ok = ok && sr.write(pe, kSre, 7).ok() && sr.write(pe, kPmr, 0xF0).ok() &&
             sr.write(pe, kCtlr, 0).ok() && sr.write(pe, kIgrpen1, 1).ok();
    }
    ok = ok && bus.write32(gicd + 0x0084, 0xFFFFFFFF).ok();  // IGROUPR1: Group 1
    for (unsigned w = 0; ok && w < 8; w++)
        ok = bus.write32(gicd + 0x0420 + 4 * w, 0xA0A0A0A0).ok();  // IPRIORITYR
    ok = ok && bus.write32(gicd + 0x0C08, 0xAAAAAAAA).ok() &&
         bus.write32(gicd + 0x0C0C, 0xAAAAAAAA).ok();  // edge
    for (unsigned l = 0; ok && l < kLines; l++)
        ok = bus.write32(gicd + 0x6000 + 8 * (kFirstSpi + l), l % cpus).ok();  // IROUTER
    ok = ok && bus.write32(gicd + 0x0104, 0xFFFFFFFF).ok();                    // ISENABLER1
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
            uint32_t intid = static_cast<uint32_t>(iar.data & 0xffffff);
            if (!iar.ok()) {
                r.error = "ICC_IAR1 read failed";
            } else if (intid == 1023) {
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
