// SPDX-License-Identifier: MIT
// irqsim: run interrupt-delivery scenarios and show what the driver built.
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "scenario.h"
#include "soc_pins.h"
#include "stop_signal.h"

using namespace irqsim;

static int cmd_list()
{
    for (const auto& s : scenarios())
        std::printf("%-12s %s\n", s.name.c_str(), s.summary.c_str());
    return 0;
}

// "1, 4, 16"
static std::string built_variants()
{
    std::string out;
    for (unsigned n = 1; n <= 128; n++)
        if (soc_variant_available(n))
            out += (out.empty() ? "" : ", ") + std::to_string(n);
    return out;
}

static int cmd_run(RunConfig& cfg)
{
    const Scenario* sc = find_scenario(cfg.scenario);
    if (!sc) {
        std::fprintf(stderr, "irqsim: unknown scenario '%s' (irqsim list shows them)\n",
                     cfg.scenario.c_str());
        return 2;
    }
    if (sc->name != "core-demo" && !soc_variant_available(cfg.cpus)) {
        std::fprintf(stderr, "irqsim: --cpus %u: no SoC model with %u CPUs in this build (built: %s)\n", cfg.cpus,
                     cfg.cpus, built_variants().c_str());
        return 2;
    }
    cfg.progress = isatty(STDERR_FILENO);
    std::printf("irqsim run %s  seed=%llu cpus=%u events=%llu\n", sc->name.c_str(),
                static_cast<unsigned long long>(cfg.seed), cfg.cpus,
                static_cast<unsigned long long>(cfg.events));
    RunResult r = sc->run(cfg);
    if (r.error && r.cycles == 0) {  // could not even start: one clear line
        std::fprintf(stderr, "irqsim: %s\n", r.error_text.c_str());
        return 2;
    }
    print_result(stdout, cfg, r);
    if (!cfg.report_path.empty()) {
        std::string err;
        if (!write_json_report(cfg.report_path, cfg, r, &err)) {
            std::fprintf(stderr, "irqsim: %s\n", err.c_str());
            return 2;
        }
        std::printf("report: %s\n", cfg.report_path.c_str());
        std::string base = cfg.report_path;
        if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0)
            base.resize(base.size() - 5);
        if (write_svg_charts(base, cfg, r, &err))
            std::printf("charts: %s-latency.svg %s-cpu-load.svg\n", base.c_str(), base.c_str());
        else
            std::fprintf(stderr, "irqsim: %s\n", err.c_str());
    }
    if (r.error) {
        std::fprintf(stderr, "irqsim: %s\n", r.error_text.c_str());
        return 2;
    }
    return r.passed() ? 0 : 1;
}

static int cmd_topology(RunConfig& cfg)
{
    if (!soc_variant_available(cfg.cpus)) {
        std::fprintf(stderr, "irqsim: --cpus %u: no SoC model with %u CPUs in this build (built: %s)\n", cfg.cpus,
                     cfg.cpus, built_variants().c_str());
        return 2;
    }
    std::string err, tree;
    if (!show_topology(cfg, &tree, &err)) {
        std::fprintf(stderr, "irqsim: %s\n", err.c_str());
        return 2;
    }
    std::fputs(tree.c_str(), stdout);
    return 0;
}

int main(int argc, char** argv)
{
    CliResult cli = parse_cli(std::vector<std::string>(argv + 1, argv + argc));
    switch (cli.command) {
    case CliResult::Command::None:
        if (cli.exit_code == 0)
            std::fputs(cli.output.c_str(), stdout);
        else
            std::fprintf(stderr, "%s\n", cli.output.c_str());
        return cli.exit_code;
    case CliResult::Command::List:
        return cmd_list();
    case CliResult::Command::Run:
    case CliResult::Command::Topology:
        break;
    }
    // The last line of defence: whatever escapes still gets one line and exit 2.
    try {
        std::string err;
        if (cli.command == CliResult::Command::Topology)
            return cmd_topology(cli.cfg);
        if (!check_output_paths(cli.cfg, &err)) {
            std::fprintf(stderr, "irqsim: %s\n", err.c_str());
            return 2;
        }
        install_stop_signals();
        return cmd_run(cli.cfg);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "irqsim: internal error: %s\n", e.what());
        return 2;
    }
}
