// SPDX-License-Identifier: MIT
// irqsim regress: scenarios x seeds, each case a child process of this
// executable (`irqsim run ... --report`), run -j at a time on local cores; a
// shard I/N takes every N-th case so GNU parallel or a Slurm job array can spread
// the shards over machines.  Failing cases are rerun with a trace of a window
// around the first failing event (FST + .gtkw + bus log).  Results: one line per
// case, JUnit XML, and the summary line "N passed, M failed".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace CLI {
class App;
class Validator;
}

namespace irqsim {

struct RegressConfig {
    std::string seeds = "1-10";  // "1-1000", "1,5,9-12"
    std::string scenarios;       // "" = every RTL scenario, ims over each parent
    unsigned jobs = 0;           // 0 = the number of online CPUs
    std::string shard;           // "I/N", 0 <= I < N; "" = all cases
    std::string out_dir = "regress-out";
    std::string junit_path;
    double timeout_s = 600;         // per-case wall limit; the child is killed past it
    bool rerun = true;              // failing cases: rerun with a windowed trace
    uint64_t window_margin = 2000;  // cycles before the injection / after the last hop
    std::string views_dir;          // the failure views' source ("" = the topology's: wave_views.h)
    // per-run options passed on (0 / -1 = the scenario's default)
    uint64_t events = 0;
    unsigned cpus = 0;
    uint64_t cycles = 0;
    int move_percent = -1;
    std::string eoi_mode = "seed";  // "0", "1", or "seed": odd seeds EOImode 1, even 0
    uint64_t drop_event = ~0ull;    // hidden, test-only: passed to spi cases
    // regress merge
    std::vector<std::string> merge_inputs;
    std::string merge_out;
};

// adds "regress" and its "merge" subcommand to app (parse_cli); `digits`
// checks the unsigned numbers
void add_regress_command(CLI::App& app, RegressConfig& rc, const CLI::Validator& digits);
// irqsim regress / irqsim regress merge: the exit code
int run_regress(const RegressConfig& rc);
int merge_regress(const RegressConfig& rc);

// Test-only: IRQSIM_TEST_CHILD_FAULT=crash@S,hang@S,noreport@S makes `irqsim run`
// with seed S abort, hang, or exit 0 without its report, so the tests can check
// how regress copes.  Called by irqsim run; returns if nothing applies.
void regress_test_fault(uint64_t seed);

// "1-5,9" -> {1,2,3,4,5,9}; false with *err on bad syntax or an empty/reversed range
bool parse_seed_list(const std::string& text, std::vector<uint64_t>* out, std::string* err);
// "I/N" -> (I, N); false with *err unless 0 <= I < N
bool parse_shard(const std::string& text, unsigned* index, unsigned* count, std::string* err);

}  // namespace irqsim
