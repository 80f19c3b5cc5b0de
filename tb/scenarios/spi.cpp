// SPDX-License-Identifier: MIT
//
// spi: every device line of the default SoC requested through the device tree
// (GICv3 three-cell specifiers: lines 0-15 level, 16-31 edge), routed to random
// CPUs; random events on random lines, with affinity moved while traffic flows.
// The scoreboard checks each event reaches the CPU its effective affinity names.
#include <random>

#include "soc_common.h"

namespace irqsim {

RunResult run_spi(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    SocSession s(session_config(cfg));
    if (!boot_or_fail(s, r))
        return r;
    std::mt19937_64 rng(cfg.seed);
    TrafficConfig tc = traffic_config(cfg);
    if (cfg.progress)
        tc.progress = [&](uint64_t done) { progress_line(cfg, done, s.now(), t0); };
    TrafficResult t = spi_traffic(s, rng, tc);
    if (t.error) {
        r.error = t.error;
        r.error_text = t.error_text;
        return r;
    }
    if (cfg.progress)
        progress_done();
    s.drain(200000);
    r.figures["affinity changes"] = static_cast<double>(t.affinity_moves);
    r.notes.push_back(s.hop_latency_report());
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
