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
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    for (unsigned l = 0; l < s.num_lines(); l++) {
        int ret = s.request_line(l, rnd(s.cpus()));
        if (ret) {
            r.error = 2;
            r.error_text = "request_irq for line " + std::to_string(l) + " failed (" + std::to_string(ret) + ")";
            return r;
        }
    }
    uint64_t budget = cfg.max_cycles ? cfg.max_cycles : ~0ull;
    uint64_t moved = 0;
    int dropped_line = -1;
    for (uint64_t e = 0; e < cfg.events && s.now() < budget; e++) {
        unsigned line = rnd(s.num_lines());
        if (static_cast<int>(line) == dropped_line)  // a later event would answer the dropped one
            line = (line + 1) % s.num_lines();
        if (rnd(100) < cfg.move_percent) {
            s.set_line_affinity(line, rnd(s.cpus()));
            moved++;
        }
        if (e == cfg.drop_event) {
            // test-only: booked as if injected, never driven into the hardware
            LineSource& l = s.line(line);
            s.scoreboard().inject(l.name, l.virq, s.effective_cpus(l.virq), s.now(), true);
            dropped_line = static_cast<int>(line);
        } else {
            s.inject_line(line);
        }
        s.run(rnd(2 * uint64_t{cfg.mean_gap} + 1));
        if (cfg.progress && (e & 255) == 255)
            progress_line(cfg, e + 1, s.now(), t0);
        if (s.sim().failed())
            break;
    }
    if (cfg.progress)
        progress_done();
    s.drain(200000);
    r.figures["affinity changes"] = static_cast<double>(moved);
    r.notes.push_back(s.hop_latency_report());
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
