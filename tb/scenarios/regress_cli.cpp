// SPDX-License-Identifier: MIT
// irqsim regress: its command line (options, seed lists, shards), apart from
// the runner so that the CLI parser and its fuzz target need no scenario code.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <sstream>

#include "regress.h"

namespace irqsim {

bool parse_seed_list(const std::string& text, std::vector<uint64_t>* out, std::string* err)
{
    out->clear();
    std::stringstream ss(text);
    std::string item;
    auto number = [](const std::string& s, uint64_t* v) {
        if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 19)
            return false;
        *v = std::stoull(s);
        return true;
    };
    while (std::getline(ss, item, ',')) {
        size_t dash = item.find('-');
        uint64_t a, b;
        if (dash == std::string::npos) {
            if (!number(item, &a)) {
                *err = "bad seed '" + item + "' in --seeds " + text + " (want e.g. 1-1000 or 1,5,9-12)";
                return false;
            }
            b = a;
        } else if (!number(item.substr(0, dash), &a) || !number(item.substr(dash + 1), &b) || b < a) {
            *err = "bad seed range '" + item + "' in --seeds " + text + " (want FIRST-LAST, FIRST <= LAST)";
            return false;
        }
        if (b - a >= 10000000 || out->size() + (b - a) >= 10000000) {
            *err = "--seeds " + text + ": more than 10 million seeds";
            return false;
        }
        for (uint64_t s = a;; s++) {
            out->push_back(s);
            if (s == b)
                break;
        }
    }
    if (out->empty()) {
        *err = "--seeds is empty";
        return false;
    }
    return true;
}

bool parse_shard(const std::string& text, unsigned* index, unsigned* count, std::string* err)
{
    unsigned long i = 0, n = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%lu/%lu%c", &i, &n, &tail) != 2 || n == 0 || i >= n || n > 1000000 ||
        text.find('-') != std::string::npos) {
        *err = "bad --shard '" + text + "' (want I/N with 0 <= I < N, e.g. 0/4)";
        return false;
    }
    *index = static_cast<unsigned>(i);
    *count = static_cast<unsigned>(n);
    return true;
}

void add_regress_command(CLI::App& app, RegressConfig& rc, const CLI::Validator& digits)
{
    auto* r = app.add_subcommand("regress", "run scenarios x seeds in parallel child processes; JUnit, "
                                            "windowed traces of failures, 'N passed, M failed'");
    r->add_option("--seeds", rc.seeds, "seeds: 1-1000 or 1,5,9-12 (default 1-10)");
    r->add_option("--scenarios", rc.scenarios,
                  "comma-separated scenarios; ims = ims:mbi,ims:lpi,ims:inta (default: every RTL scenario)");
    r->add_option("-j,--jobs", rc.jobs, "cases at a time (default: the number of CPUs)")
        ->check(digits)
        ->check(CLI::Range(1u, 4096u));
    r->add_option("--shard", rc.shard,
                  "run only cases I, I+N, I+2N... of the deterministic case order (0 <= I < N)");
    r->add_option("--out", rc.out_dir, "directory for reports, logs and traces (default regress-out)");
    r->add_option("--junit", rc.junit_path, "write JUnit XML to this file");
    r->add_option("--timeout", rc.timeout_s, "per-case wall-clock limit in seconds (default 600)")
        ->check(CLI::Range(0.1, 1e6));
    r->add_flag_callback(
        "--no-rerun", [&rc] { rc.rerun = false; }, "do not rerun failing cases with a windowed trace");
    r->add_option("--window-margin", rc.window_margin,
                  "cycles traced before the failing injection and after its last hop (default 2000)")
        ->check(digits);
    r->add_option(
         "--views", rc.views_dir,
         "directory of the GTKWave views (default: the source tree's waves/, or views generated for --cpus N)")
        ->check(CLI::ExistingDirectory);
    r->add_option("--events", rc.events, "per run: events to inject")
        ->check(digits)
        ->check(CLI::Range(1ull, 100000000ull));
    r->add_option("--cpus", rc.cpus, "per run: application CPUs (1-64; a model not built yet is built first)")
        ->check(digits)
        ->check(CLI::Range(1u, 64u));
    r->add_option("--cycles", rc.cycles, "per run: simulated-cycle budget")->check(digits);
    r->add_option("--move-percent", rc.move_percent, "per run (spi): affinity-move chance in %")
        ->check(CLI::Range(0, 100));
    r->add_option("--eoi-mode", rc.eoi_mode,
                  "per run: GICv3 EOI mode 0, 1, or seed (odd seeds 1, even 0; the default)")
        ->check(CLI::IsMember({"0", "1", "seed"}));
    r->add_option("--drop-event", rc.drop_event, "")->check(digits)->group("");  // test-only, see irqsim run
    auto* m = r->add_subcommand("merge", "merge JUnit files (e.g. one per shard) into one");
    m->add_option("-o,--output", rc.merge_out, "merged JUnit file")->required();
    m->add_option("inputs", rc.merge_inputs, "JUnit files to merge")->required()->check(CLI::ExistingFile);
}

}  // namespace irqsim
