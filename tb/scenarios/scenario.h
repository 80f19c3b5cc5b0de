// SPDX-License-Identifier: MIT
// Scenarios of the irqsim command: each one sets up a SoC (or, for core-demo, a
// host-only fabric), injects events, and reports through a common RunResult.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "scoreboard.h"

namespace irqsim {

struct RunConfig {
    std::string scenario;
    uint64_t seed = 1;
    unsigned cpus = 4;
    uint64_t events = 1000;
    uint64_t max_cycles = 0;                // 0 = scenario default
    std::string dts_path;                   // empty = embedded default SoC
    bool split_eoi = false;                 // GICv3 EOImode 1: EOIR drops the priority, DIR deactivates
    std::string wave_path;                  // empty = no trace
    uint64_t wave_start = 0, wave_end = 0;  // end > start: trace only cycles [start, end)
                                            // (and the window's bus log beside it)
    std::string report_path;                // empty = no JSON report
    bool progress = false;                  // progress line (only on a terminal)
    std::string
        ims_parent;  // ims: MSI parent of the IMS device, "mbi" (default), "lpi" (alias "dlpi"), "inta"
    unsigned mean_gap = 60;     // spi: mean idle cycles between injections (bench: small = saturating)
    unsigned move_percent = 5;  // spi: chance (%) per event of moving a random line's affinity first
    unsigned lpi_id_bits = 0;   // lpi: DirectLPI INTID bits (14 = 8k LPIs, 16 = 56k); 0 = tree's / default 16
    bool lpi_fill = false;      // lpi: allocate every LPI so the traffic uses the top of the table
    // test-only (spi): event number N is booked on the scoreboard but never driven
    // into the hardware, and its line is not used again, so the run must fail
    uint64_t drop_event = ~0ull;
};

// The first failing event of a run, for the report and for choosing a trace
// window: where it was injected and the last hop of its delivery chain it reached.
struct FailureHop {
    std::string hop;  // hop_name(): line_in, spi_pending, irq_out, iar, handler, eoir
    uint64_t cycle = 0;
};
struct FirstFailure {
    bool valid = false;
    std::string kind;    // "lost", "wrong_cpu"
    std::string source;  // scoreboard source, e.g. "line5"
    unsigned virq = 0;
    unsigned intid = 0;  // 0 = not known (non-GIC-line source)
    int cpu = -1;        // the CPU it was expected on (lost) or ran on (wrong_cpu)
    uint64_t injected_cycle = 0;
    std::string last_hop;  // the last hop reached ("injected" if none is known)
    uint64_t last_hop_cycle = 0;
    std::string missing_hop;       // the first hop not reached ("" = all reached)
    std::vector<FailureHop> hops;  // the hops reached, in order
    std::string text;              // the diagnosis line (also in problems)
};

struct RunResult {
    Verdict verdict;
    LatencyStats latency;
    std::string interrupts_table;  // /proc/interrupts view
    std::string domains_tree;      // domain hierarchy view
    std::vector<std::string> problems;
    std::vector<std::string> notes;  // extra lines (per-hop latency...)
    uint64_t cycles = 0;             // simulated cycles (or host steps for core-demo)
    double wall_seconds = 0;
    std::string time_unit = "cycles";
    std::map<std::string, double> figures;           // extra per-scenario figures
    std::map<uint64_t, uint64_t> latency_histogram;  // injection -> handler entry: {cycles -> events}
    std::vector<uint64_t> cpu_handled;               // handler runs per CPU
    FirstFailure first_failure;                      // set when the verdict fails
    int error = 0;                                   // non-zero: the scenario could not run
    std::string error_text;
    // PASS: it ran, the scoreboard's verdict passes, and it tested something
    // (a run that injected nothing proves nothing)
    bool passed() const { return !error && verdict.pass() && verdict.injected > 0; }
};

struct Scenario {
    std::string name;
    std::string summary;
    std::function<RunResult(const RunConfig&)> run;
};

// All scenarios, in display order.
const std::vector<Scenario>& scenarios();
// resolves the older names too (see canonical_scenario_name)
const Scenario* find_scenario(const std::string& name);
// the current name of a scenario or IMS parent: the names earlier releases used
// ("dlpi", "dma-rings") stay accepted so old reproducer lines still run
std::string canonical_scenario_name(const std::string& name);
std::string canonical_ims_parent(const std::string& parent);

// Scenario implementations (one file each).
RunResult run_core_demo(const RunConfig& cfg);
RunResult run_spi(const RunConfig& cfg);
RunResult run_ipi(const RunConfig& cfg);
RunResult run_dma_ring(const RunConfig& cfg);
RunResult run_lpi(const RunConfig& cfg);
RunResult run_mbi(const RunConfig& cfg);
RunResult run_ims(const RunConfig& cfg);

// Boot the SoC of cfg (dts, cpus) and render the domain hierarchy.
bool show_topology(const RunConfig& cfg, std::string* out, std::string* err);

// Capture a FILE*-writing view function into a string.
std::string capture_view(const std::function<void(FILE*)>& fn);

}  // namespace irqsim
