// SPDX-License-Identifier: MIT
// irqsim-bench: speed figures of the RTL-backed scenarios (benchmarks, not tests).
//
// For each CPU count: simulated cycles/s with the driver booted and the SoC idle,
// cycles/s and delivered interrupts/s under spi traffic, the same with an FST
// trace of the waveform views (ratio traced/untraced process CPU time), and the peak
// resident memory of the process; and dma-rings completions handled per CPU
// second.  Each figure is the median of --repeat runs.
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>
#include <sys/resource.h>
#include <unistd.h>

#include "scenario.h"
#include "soc_session.h"

using namespace irqsim;
using Clock = std::chrono::steady_clock;

static double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

static double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Rate {
    double wall, cpu;  // per wall-clock second, per process-CPU second
};

static Rate idle_cycles_per_s(unsigned cpus, uint64_t cycles)
{
    SessionConfig sc;
    sc.cpus = cpus;
    sc.quiet = true;
    SocSession s(sc);
    std::string err;
    if (!s.boot(&err)) {
        std::fprintf(stderr, "irqsim-bench: boot failed: %s\n", err.c_str());
        std::exit(2);
    }
    auto t0 = Clock::now();
    double c0 = cpu_seconds();
    s.run(cycles);
    double dt = std::chrono::duration<double>(Clock::now() - t0).count();
    double dc = cpu_seconds() - c0;
    return {static_cast<double>(cycles) / dt, static_cast<double>(cycles) / dc};
}

// run a scenario with the bench's fixed seed; a failing run ends the benchmark
static RunResult run_checked(RunResult (*run)(const RunConfig&), RunConfig cfg, double* cpu_used)
{
    cfg.seed = 1;
    double c0 = cpu_seconds();
    RunResult r = run(cfg);
    *cpu_used = cpu_seconds() - c0;
    if (r.error || !r.verdict.pass()) {
        std::fprintf(stderr, "irqsim-bench: %s run failed: %s %s\n", cfg.scenario.c_str(), r.error_text.c_str(),
                     r.verdict.summary().c_str());
        std::exit(2);
    }
    return r;
}

struct TrafficFigures {
    double cycles_per_s, irqs_per_s, wall, cpu_irqs_per_s, cpu;
};

// spi traffic; move_percent = chance per event of an affinity move first (each
// move is the driver's mask/RWP/IROUTER/unmask/RWP sequence, ~1,000 cycles of
// RWP polling, so a mix with moves measures the driver's udelay, not delivery)
static TrafficFigures spi_traffic(unsigned cpus, uint64_t events, unsigned gap, const std::string& wave,
                                  unsigned move_percent = 0)
{
    RunConfig cfg;
    cfg.mean_gap = gap;
    cfg.move_percent = move_percent;
    cfg.scenario = "spi";
    cfg.cpus = cpus;
    cfg.events = events;
    cfg.wave_path = wave;
    double dc = 0;
    RunResult r = run_checked(run_spi, cfg, &dc);
    double handled = static_cast<double>(r.verdict.delivered + r.verdict.coalesced);
    return {r.figures["simulated cycles/s"], r.figures["delivered interrupts/s"], r.wall_seconds, handled / dc, dc};
}

// dma-rings: DMA ring -> INTA -> INTR -> GIC -> CPU, handler runs per CPU second
static double dma_irqs_per_cpu_s(unsigned cpus, uint64_t events)
{
    RunConfig cfg;
    cfg.scenario = "dma-rings";
    cfg.cpus = cpus;
    cfg.events = events;
    double dc = 0;
    RunResult r = run_checked(run_dma_rings, cfg, &dc);
    return static_cast<double>(r.verdict.delivered + r.verdict.coalesced) / dc;
}

// dlpi with `id_bits` LPI INTID bits, every LPI allocated (traffic at the top of
// the table): cycles/s and delivered interrupts/s of the traffic phase (wall),
// and cycles per second of process CPU time (the per-cycle cost, robust when
// other processes share the machine)
struct DlpiFigures {
    double cycles_per_s, irqs_per_s, cycles_per_cpu_s, lpis, top_intid;
};

static DlpiFigures dlpi_traffic(unsigned cpus, unsigned id_bits, uint64_t events, unsigned gap)
{
    RunConfig cfg;
    cfg.scenario = "dlpi";
    cfg.cpus = cpus;
    cfg.events = events;
    cfg.mean_gap = gap;
    cfg.lpi_id_bits = id_bits;
    cfg.lpi_fill = true;
    double dc = 0;
    RunResult r = run_checked(run_dlpi, cfg, &dc);
    return {r.figures["traffic cycles/s"], r.figures["traffic interrupts/s"], r.figures["traffic cycles/cpu-s"],
            r.figures["LPIs configured"], r.figures["highest INTID in traffic"]};
}

int main(int argc, char** argv)
{
    CLI::App app{"irqsim-bench: simulation speed of the RTL-backed scenarios"};
    std::vector<unsigned> cpu_counts{4, 16};
    unsigned repeat = 3;
    uint64_t idle_cycles = 2000000;
    uint64_t events = 3000;
    unsigned gap = 4;
    unsigned move_percent = 5;
    std::string json_path;
    bool dlpi_only = false;
    uint64_t dlpi_events = 4000;
    app.add_option("--cpus", cpu_counts, "CPU counts to measure (1, 4, 16)")->expected(1, 3);
    app.add_option("--repeat", repeat, "runs per figure (median)")->check(CLI::Range(1u, 21u));
    app.add_option("--idle-cycles", idle_cycles, "cycles per idle run");
    app.add_option("--events", events, "spi events per traffic run");
    app.add_option("--gap", gap, "mean idle cycles between spi injections (small = saturating)");
    app.add_option("--move-percent", move_percent,
                   "spi+mv column: chance (%) per event of an affinity move (the spi columns use 0)")
        ->check(CLI::Range(0u, 100u));
    app.add_option("--json", json_path, "also write the figures as JSON");
    app.add_flag("--dlpi-only", dlpi_only, "only the DirectLPI rows (8k vs 64k LPI tables)");
    app.add_option("--dlpi-events", dlpi_events, "dlpi events per run");
    CLI11_PARSE(app, argc, argv);

    nlohmann::json out = nlohmann::json::array();
    std::printf("medians of %u runs; (cpu) = per second of process CPU time, the rest per wall-clock second\n",
                repeat);
    std::printf("spi: no affinity moves; spi+mv: %u%% of events first move a line's affinity\n", move_percent);
    std::printf("%-5s %12s %12s %12s %12s %12s %15s %12s %12s %10s\n", "cpus", "idle cyc/s", "(cpu)", "spi cyc/s",
                "spi irq/s", "(cpu)", "spi+mv irq/s(cpu)", "dma ev/s(cpu)", "trace/plain", "peak RSS");
    for (unsigned cpus : dlpi_only ? std::vector<unsigned>{} : cpu_counts) {
        std::vector<double> idle, idle_cpu, cyc, irq, irq_cpu, mixed_cpu, ratio, dma;
        for (unsigned i = 0; i < repeat; i++) {
            Rate r = idle_cycles_per_s(cpus, idle_cycles);
            idle.push_back(r.wall);
            idle_cpu.push_back(r.cpu);
            TrafficFigures plain = spi_traffic(cpus, events, gap, "");
            std::string wave = "/tmp/irqsim-bench-" + std::to_string(getpid()) + ".fst";
            TrafficFigures traced = spi_traffic(cpus, events, gap, wave);
            std::remove(wave.c_str());
            cyc.push_back(plain.cycles_per_s);
            irq.push_back(plain.irqs_per_s);
            irq_cpu.push_back(plain.cpu_irqs_per_s);
            mixed_cpu.push_back(spi_traffic(cpus, events, gap, "", move_percent).cpu_irqs_per_s);
            ratio.push_back(traced.cpu / plain.cpu);
            dma.push_back(dma_irqs_per_cpu_s(cpus, events));
        }
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        double rss_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
        std::printf("%-5u %12.0f %12.0f %12.0f %12.0f %12.0f %17.0f %13.0f %11.2fx %7.0f MB\n", cpus,
                    median(idle), median(idle_cpu), median(cyc), median(irq), median(irq_cpu), median(mixed_cpu),
                    median(dma), median(ratio), rss_mb);
        out.push_back({{"cpus", cpus},
                       {"idle_cycles_per_s", median(idle)},
                       {"idle_cycles_per_cpu_s", median(idle_cpu)},
                       {"spi_irqs_per_cpu_s", median(irq_cpu)},
                       {"spi_mean_gap_cycles", gap},
                       {"spi_with_moves_irqs_per_cpu_s", median(mixed_cpu)},
                       {"spi_with_moves_percent", move_percent},
                       {"dma_rings_events_per_cpu_s", median(dma)},
                       {"spi_cycles_per_s", median(cyc)},
                       {"spi_irqs_per_s", median(irq)},
                       {"trace_cost_ratio", median(ratio)},
                       {"peak_rss_mb", rss_mb},
                       {"repeat", repeat}});
    }
    // DirectLPI: the same traffic with an 8k and a 64k-INTID LPI table (every LPI
    // allocated, traffic on the top INTIDs); the per-cycle cost must not grow with the table
    std::printf("\ndlpi (4 cpus, every LPI allocated, %llu events, gap %u): traffic phase, per wall-clock second\n",
                static_cast<unsigned long long>(dlpi_events), gap);
    std::printf("%-10s %8s %10s %12s %12s %12s %14s\n", "table", "LPIs", "top INTID", "cyc/s", "irq/s", "(cpu) cyc/s",
                "(cpu) ns/cyc");
    double ns_per_cycle[2] = {0, 0};
    const unsigned id_bits[2] = {14, 16};
    for (int k = 0; k < 2; k++) {
        std::vector<double> cyc, irq, cyc_cpu;
        double lpis = 0, top = 0;
        for (unsigned i = 0; i < repeat; i++) {
            DlpiFigures f = dlpi_traffic(4, id_bits[k], dlpi_events, gap);
            cyc.push_back(f.cycles_per_s);
            irq.push_back(f.irqs_per_s);
            cyc_cpu.push_back(f.cycles_per_cpu_s);
            lpis = f.lpis;
            top = f.top_intid;
        }
        ns_per_cycle[k] = median(cyc_cpu) > 0 ? 1e9 / median(cyc_cpu) : 0;
        std::printf("%-10s %8.0f %10.0f %12.0f %12.0f %12.0f %14.1f\n", k == 0 ? "8k (14b)" : "64k (16b)", lpis, top,
                    median(cyc), median(irq), median(cyc_cpu), ns_per_cycle[k]);
        out.push_back({{"scenario", "dlpi"},
                       {"lpi_id_bits", id_bits[k]},
                       {"lpis", lpis},
                       {"cpus", 4},
                       {"events", dlpi_events},
                       {"traffic_cycles_per_s", median(cyc)},
                       {"traffic_irqs_per_s", median(irq)},
                       {"traffic_cycles_per_cpu_s", median(cyc_cpu)},
                       {"top_intid", top},
                       {"repeat", repeat}});
    }
    double cost_ratio = ns_per_cycle[0] > 0 ? ns_per_cycle[1] / ns_per_cycle[0] : 0;
    std::printf("per-cycle cost (process CPU time per simulated cycle) 64k/8k: %.2fx (limit 1.5x)\n", cost_ratio);
    out.push_back({{"scenario", "dlpi"}, {"per_cycle_cost_ratio_64k_8k", cost_ratio}});
    if (!json_path.empty()) {
        FILE* f = std::fopen(json_path.c_str(), "w");
        if (!f) {
            std::fprintf(stderr, "irqsim-bench: cannot write %s\n", json_path.c_str());
            return 2;
        }
        std::fprintf(f, "%s\n", out.dump(2).c_str());
        std::fclose(f);
    }
    return 0;
}
