// SPDX-License-Identifier: MIT
#include "soc_common.h"
#include "cli.h"
#include "gtkw_window.h"
#include "wave_views.h"

extern "C" {
#include <linux/irqdesc.h>
#include <linux/irqsim_views.h>
}

namespace irqsim {

namespace {

// The first lost (or wrong-CPU) event: for a device line, the hops of its chain
// (line in, SPI pending, irq line, IAR, handler, EOIR) it reached, with cycles.
FirstFailure first_failure(SocSession& s)
{
    FirstFailure f;
    const std::vector<Injection> all = s.scoreboard().injections();
    const Injection* bad = nullptr;
    for (const auto& in : all) {
        if (in.withdrawn)
            continue;
        if (!in.answered) {
            f.kind = "lost";
        } else if (!in.coalesced && !in.allowed.test(in.cpu)) {
            f.kind = "wrong_cpu";
        } else {
            continue;
        }
        bad = &in;
        break;
    }
    if (!bad)
        return f;
    f.valid = true;
    f.source = bad->source;
    f.virq = bad->virq;
    f.injected_cycle = bad->cycle;
    f.cpu = bad->answered ? static_cast<int>(bad->cpu) : static_cast<int>(bad->allowed._Find_first());
    f.last_hop = "injected";
    f.last_hop_cycle = bad->cycle;
    const LineSource* line = nullptr;
    for (unsigned n = 0; n < s.num_lines(); n++)
        if (s.line(n).virq == bad->virq && s.line(n).requested)
            line = &s.line(n);
    if (line) {
        f.intid = line->intid;
        auto chain = s.line_hops(*line, static_cast<unsigned>(f.cpu));
        chain.push_back({Hop::Eoir, line->intid, f.cpu});
        uint64_t t = bad->cycle;
        for (const auto& h : chain) {
            auto ev = s.sim().hops().first(h.kind, h.id, h.pe, t);
            if (!ev) {
                f.missing_hop = hop_name(h.kind);
                break;
            }
            f.hops.push_back({hop_name(h.kind), ev->cycle});
            t = ev->cycle;
        }
        if (!f.hops.empty()) {
            f.last_hop = f.hops.back().hop;
            f.last_hop_cycle = f.hops.back().cycle;
        }
        f.text = bad->source + " injected at cycle " + std::to_string(bad->cycle) + ": " +
                 s.diagnose(chain, bad->cycle);
    } else {
        f.text = bad->source + " (virq " + std::to_string(bad->virq) + ") injected at cycle " +
                 std::to_string(bad->cycle) +
                 (f.kind == "lost" ? ": never handled" : ": handled on a wrong CPU");
    }
    return f;
}

}  // namespace

// the traffic settings of a run (events, gaps, moves, budget, --drop-event)
static TrafficConfig traffic_config(const RunConfig& cfg)
{
    TrafficConfig tc;
    tc.events = cfg.events;
    tc.mean_gap = cfg.mean_gap;
    tc.move_percent = cfg.move_percent;
    tc.max_cycles = cfg.max_cycles;
    tc.drop_event = cfg.drop_event;
    return tc;
}

bool run_traffic(SocSession& s, const RunConfig& cfg, std::chrono::steady_clock::time_point t0, TrafficFn fn,
                 RunResult& r, TrafficResult* out)
{
    std::mt19937_64 rng(cfg.seed);
    TrafficConfig tc = traffic_config(cfg);
    if (cfg.progress)
        tc.progress = [&](uint64_t done) { progress_line(cfg, done, s.now(), t0); };
    *out = fn(s, rng, tc);
    if (out->error) {
        r.error = out->error;
        r.error_text = out->error_text;
        return false;
    }
    r.problems.insert(r.problems.end(), out->problems.begin(), out->problems.end());
    if (cfg.progress)
        progress_done();
    return true;
}

SessionConfig session_config(const RunConfig& cfg)
{
    SessionConfig sc;
    sc.cpus = cfg.cpus;
    sc.seed = cfg.seed;
    sc.trace_path = cfg.wave_path;
    if (cfg.wave_end > cfg.wave_start && !cfg.wave_path.empty()) {
        sc.trace_window_start = cfg.wave_start;
        sc.trace_window_end = cfg.wave_end;
        sc.window_bus_log_path = window_bus_log_path(cfg.wave_path);
    }
    sc.dts_path = cfg.dts_path;
    sc.split_eoi = cfg.split_eoi;
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

void finish_result(SocSession& s, const RunConfig& cfg, RunResult& r,
                   std::chrono::steady_clock::time_point t0)
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
    if (!r.verdict.pass())
        r.first_failure = first_failure(s);
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
    if (!s.config().trace_path.empty()) {
        const std::string& trace = s.config().trace_path;
        std::string label =
            cfg.scenario == "ims" ? "ims:" + (cfg.ims_parent.empty() ? "mbi" : cfg.ims_parent) : cfg.scenario;
        std::string view, err;
        if (view_for_trace(s.soc(), view_for_scenario(label), trace, &view, &err))
            r.notes.push_back("wave: " + trace + "  (gtkwave " + trace + " " + view + ")");
        else
            r.notes.push_back("wave: " + trace + "  (gtkwave " + trace +
                              "; no view for this topology: " + err + ")");
    }
    if (s.sim().failed() && !r.error) {
        r.error = 3;
        r.error_text = "the RTL reported an error: " + s.sim().error();
    }
}

void run_events(SocSession& s, const RunConfig& cfg, std::chrono::steady_clock::time_point t0,
                std::mt19937_64& rng, const std::function<Step(uint64_t e)>& step, uint64_t drain_cycles)
{
    const uint64_t budget = cfg.max_cycles ? cfg.max_cycles : ~0ull;
    for (uint64_t e = 0; e < cfg.events && s.now() < budget; e++) {
        Step next = step(e);
        if (next == Step::Stop)
            break;
        if (next == Step::Gap)
            s.run(rng() % (2 * uint64_t{cfg.mean_gap} + 1));
        if (cfg.progress)
            progress_line(cfg, e + 1, s.now(), t0);
        if (s.sim().failed())
            break;
    }
    if (cfg.progress)
        progress_done();
    s.drain(drain_cycles);
}

void progress_line(const RunConfig& cfg, uint64_t done, uint64_t cycles,
                   std::chrono::steady_clock::time_point t0)
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

void progress_done() { std::fprintf(stderr, "\r\033[K"); }

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
