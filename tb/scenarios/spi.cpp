// SPDX-License-Identifier: MIT
//
// spi: every device line of the default SoC requested through the device tree
// (GICv3 three-cell specifiers: lines 0-15 level, 16-31 edge), routed to random
// CPUs; random events on random lines, with affinity moved while traffic flows.
// The scoreboard checks each event reaches the CPU its effective affinity names.
#include "soc_common.h"

namespace irqsim {

RunResult run_spi(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    SocSession s(session_config(cfg));
    if (!boot_or_fail(s, r))
        return r;
    TrafficResult t;
    if (!run_traffic(s, cfg, t0, spi_traffic, r, &t))
        return r;
    s.drain(200000);
    r.figures["affinity changes"] = static_cast<double>(t.affinity_moves);
    r.notes.push_back(s.hop_latency_report());
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
