// SPDX-License-Identifier: MIT
#include "soc_common.h"

extern "C" {
#include <linux/irqdesc.h>
#include <linux/irqsim_views.h>
}

namespace irqsim {

SessionConfig session_config(const RunConfig& cfg)
{
    SessionConfig sc;
    sc.cpus = cfg.cpus;
    sc.seed = cfg.seed;
    sc.trace_path = cfg.wave_path;
    sc.dts_path = cfg.dts_path;
    sc.lpi_id_bits = cfg.lpi_id_bits;
    sc.quiet = false;
    return sc;
}

bool boot_or_fail(SocSession& s, RunResult& r)
{
    std::string err;
    if (s.boot(&err))
        return true;
    r.error = 2;
    r.error_text = err;
    return false;
}

void finish_result(SocSession& s, RunResult& r, std::chrono::steady_clock::time_point t0)
{
    r.interrupts_table = capture_view([&](FILE* f) { irqsim_show_interrupts(f, s.cpus()); });
    r.domains_tree = capture_view([](FILE* f) { irqsim_show_domains(f); });
    r.verdict = s.scoreboard().verdict();
    r.latency = s.scoreboard().latency();
    r.latency_histogram = s.scoreboard().latency_histogram();
    r.cpu_handled = s.scoreboard().handled_per_cpu(s.cpus());
    r.problems = s.scoreboard().problems();
    for (auto& why : s.explain_losses())
        r.problems.push_back("lost: " + why);
    if (s.sim().failed())
        r.problems.push_back("RTL: " + s.sim().error());
    r.cycles = s.now();
    r.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (r.wall_seconds > 0) {
        r.figures["simulated cycles/s"] = static_cast<double>(r.cycles) / r.wall_seconds;
        r.figures["delivered interrupts/s"] =
            static_cast<double>(r.verdict.delivered + r.verdict.coalesced) / r.wall_seconds;
    }
    unsigned spurious = 0;
    for (unsigned c = 0; c < s.cpus(); c++)
        spurious += irqsim_spurious_count(c);
    r.figures["spurious IAR reads"] = spurious;
    if (!s.config().trace_path.empty())
        r.notes.push_back("wave: " + s.config().trace_path +
                          "  (gtkwave " + s.config().trace_path + ")");
    if (s.sim().failed() && !r.error) {
        r.error = 3;
        r.error_text = "the RTL reported an error: " + s.sim().error();
    }
}

void progress_line(const RunConfig& cfg, uint64_t done, uint64_t cycles, std::chrono::steady_clock::time_point t0)
{
    static auto last = std::chrono::steady_clock::time_point();
    auto now = std::chrono::steady_clock::now();
    if (now - last < std::chrono::milliseconds(250))
        return;
    last = now;
    double dt = std::chrono::duration<double>(now - t0).count();
    if (dt <= 0)
        return;
    std::fprintf(stderr, "\r %s: %llu/%llu events  %.0f events/s  %.2fM cycles/s ", cfg.scenario.c_str(),
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(cfg.events),
                 static_cast<double>(done) / dt, static_cast<double>(cycles) / dt / 1e6);
}

void progress_done()
{
    std::fprintf(stderr, "\r\033[K");
}

bool show_topology(const RunConfig& cfg, std::string* out, std::string* err)
{
    SessionConfig sc = session_config(cfg);
    sc.trace_path.clear();
    SocSession s(sc);
    if (!s.boot(err))
        return false;
    *out = capture_view([](FILE* f) { irqsim_show_domains(f); });
    return true;
}

}  // namespace irqsim
