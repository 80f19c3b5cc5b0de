// SPDX-License-Identifier: MIT
//
// lpi: GICv3 DirectLPI.  Two test MSI devices get vectors from the DirectLPI
// domain: "lpi-dev0" 64 single vectors and "lpi-mmsi" one Multi-MSI block of
// 8.  Each event is the device's message write done by the CPU bus master:
// the LPI INTID (+ i for block vector i) to the GICR_SETLPIR of the
// redistributor the driver chose.  Under traffic, vectors are moved to other
// CPUs (set_affinity rewrites the message) and masked, fired while masked,
// and unmasked (delivered once).  The scoreboard checks every event reaches
// its own handler on the CPU whose redistributor was written.
//
// RunConfig::lpi_id_bits picks the LPI table size (14 = 8192 LPIs, 16 = 57344);
// lpi_fill allocates every other LPI first so the traffic uses the INTIDs at
// the top of the table (the benchmark's 8k/64k comparison).
#include <ctime>
#include <memory>
#include <random>

extern "C" {
#include <linux/irqchip/arm-gic-v3.h>
}

#include "lpi_device.h"
#include "soc_common.h"

namespace irqsim {

RunResult run_lpi(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    SocSession s(session_config(cfg));
    if (!boot_or_fail(s, r))
        return r;
    const unsigned nr = gic_v3_lpi_count();
    if (!nr) {
        r.error = 2;
        r.error_text =
            "the GIC has no DirectLPI (GICD_TYPER.LPIS / GICR_TYPER.DirectLPI clear): nothing to run";
        return r;
    }
    constexpr unsigned kSingles = 64, kBlock = 8;
    std::mt19937_64 rng(cfg.seed);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    auto fail = [&](const std::string& what, int ret) {
        r.error = 2;
        r.error_text =
            what + " failed (" + std::to_string(ret) + ")" + (s.log().empty() ? "" : ": " + s.log().back());
        return r;
    };

    std::unique_ptr<LpiDevice> fill;
    if (cfg.lpi_fill) {
        fill = std::make_unique<LpiDevice>(s, "lpi-fill");
        unsigned n = nr - kSingles - 2 * kBlock;
        int ret = fill->ok() ? fill->alloc(n) : -ENODEV;
        if (ret)
            return fail("allocating " + std::to_string(n) + " filler LPIs", ret);
    }
    LpiDevice dev(s, "lpi-dev0");
    LpiDevice mm(s, "lpi-mmsi", true);
    if (!dev.ok() || !mm.ok()) {
        r.error = 2;
        r.error_text = dev.ok() ? mm.error() : dev.error();
        return r;
    }
    int ret = dev.alloc(kSingles);
    if (ret)
        return fail("lpi-dev0: 64 vectors", ret);
    ret = mm.alloc(kBlock);
    if (ret)
        return fail("lpi-mmsi: Multi-MSI block of 8", ret);
    for (unsigned i = 0; i < kSingles; i++)
        if ((ret = dev.request(i, static_cast<int>(rnd(s.cpus())))))
            return fail("request_irq lpi-dev0/" + std::to_string(i), ret);
    for (unsigned i = 0; i < kBlock; i++)
        if ((ret = mm.request(i, i == 0 ? static_cast<int>(rnd(s.cpus())) : -1)))
            return fail("request_irq lpi-mmsi/" + std::to_string(i), ret);

    uint64_t moved = 0, masked = 0;
    auto tt = std::chrono::steady_clock::now();
    std::clock_t ct = std::clock();
    uint64_t c0 = s.now();
    run_events(s, cfg, t0, rng, [&](uint64_t) {
        bool block = rnd(100) < 20;
        LpiDevice& d = block ? mm : dev;
        unsigned i = rnd(block ? kBlock : kSingles);
        unsigned p = rnd(1000);
        if (p < 30) {
            d.set_affinity(i, rnd(s.cpus()));
            moved++;
        } else if (p < 40 && !block) {
            // fired while masked: stays pending in the RD, arrives once on unmask
            d.disable(i);
            d.fire(i);
            s.run(rnd(2 * uint64_t{cfg.mean_gap} + 1));
            d.enable(i);
            masked++;
        }
        if (d.fire(i) != 0) {
            r.problems.push_back("bus error writing the message of " +
                                 std::string(block ? "lpi-mmsi/" : "lpi-dev0/") + std::to_string(i));
            return Step::Stop;
        }
        return Step::Gap;
    });
    double traffic_wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - tt).count();
    double traffic_cpu = static_cast<double>(std::clock() - ct) / CLOCKS_PER_SEC;
    uint64_t traffic_cycles = s.now() - c0;
    Verdict v = s.scoreboard().verdict();
    r.figures["LPIs configured"] = nr;
    r.figures["LPIs allocated"] = gic_v3_lpi_in_use();
    r.figures["highest INTID in traffic"] =
        dev.intid(kSingles - 1) > mm.intid(kBlock - 1) ? dev.intid(kSingles - 1) : mm.intid(kBlock - 1);
    r.figures["affinity changes"] = static_cast<double>(moved);
    r.figures["mask/fire/unmask cycles"] = static_cast<double>(masked);
    if (traffic_wall > 0) {
        r.figures["traffic cycles/s"] = static_cast<double>(traffic_cycles) / traffic_wall;
        r.figures["traffic interrupts/s"] = static_cast<double>(v.delivered + v.coalesced) / traffic_wall;
    }
    if (traffic_cpu > 0)
        r.figures["traffic cycles/cpu-s"] = static_cast<double>(traffic_cycles) / traffic_cpu;
    r.notes.push_back(
        "latency: from the start of the device's SETLPIR write (CPU bus master) to the handler entry");
    r.notes.push_back("lpi-mmsi: block INTIDs " + std::to_string(mm.intid(0)) + ".." +
                      std::to_string(mm.intid(kBlock - 1)) + ", message data = base + vector");
    // the filler is not part of the traffic: out of the views
    fill.reset();
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
