// SPDX-License-Identifier: MIT
// irqsim: run interrupt-delivery scenarios and show what the driver built.
#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "cli.h"
#include "model_cache.h"
#include "regress.h"
#include "report.h"
#include "scenario.h"
#include "soc_dt.h"
#include "stop_signal.h"
#include "tree_model.h"

using namespace irqsim;

static int cmd_list()
{
    for (const auto& s : scenarios())
        std::printf("%-12s %s\n", s.name.c_str(), s.summary.c_str());
    return 0;
}

// The SoC model of --cpus N (the default tree with N CPUs): linked in, cached,
// or built now with a progress line.  False after one line on stderr.
static bool prepare_cpus_model(unsigned cpus)
{
    std::string err;
    if (prepare_soc_model({{"NUM_CPUS", cpus}}, &err))
        return true;
    std::fprintf(stderr, "irqsim: --cpus %u: %s\n", cpus, err.c_str());
    return false;
}

// irqsim model NAME=VALUE... | --dts FILE: the model's path (built first if need be)
static int cmd_model(const std::vector<std::string>& items, const std::string& dts)
{
    ModelParams p;
    std::string err;
    for (const auto& it : items)
        if (!parse_model_param(it, &p, &err)) {
            std::fprintf(stderr, "irqsim: %s\n", err.c_str());
            return 2;
        }
    if (!dts.empty()) {
        std::vector<uint8_t> dtb;
        SocParams sp;
        if (!compile_dts(dts, &dtb, &err) || !tree_soc_params(dtb, &sp, &err)) {
            std::fprintf(stderr, "irqsim: %s\n", err.c_str());
            return 2;
        }
        p = model_params_of(sp);
    }
    if (soc_builtin_model(p)) {
        std::printf("%s: linked into irqsim\n", model_readable_name(p).c_str());
        return 0;
    }
    std::string so;
    if (!ensure_model(model_cache_config(), p, &so, &err)) {
        std::fprintf(stderr, "irqsim: %s\n", err.c_str());
        return 2;
    }
    std::printf("%s: %s\n", model_readable_name(p).c_str(), so.c_str());
    return 0;
}

static int cmd_run(RunConfig& cfg)
{
    const Scenario* sc = find_scenario(cfg.scenario);
    if (!sc) {
        std::fprintf(stderr, "irqsim: unknown scenario '%s' (irqsim list shows them)\n",
                     cfg.scenario.c_str());
        return 2;
    }
    // --dts: the tree chooses the model (the session builds it if need be)
    if (sc->name != "core-demo" && cfg.dts_path.empty() && !prepare_cpus_model(cfg.cpus))
        return 2;
    regress_test_fault(cfg.seed);  // test-only, see regress.h
    cfg.progress = isatty(STDERR_FILENO);
    std::string soc = cfg.dts_path.empty() ? "cpus=" + std::to_string(cfg.cpus) : "dts=" + cfg.dts_path;
    std::printf("irqsim run %s  seed=%llu %s events=%llu\n", sc->name.c_str(),
                static_cast<unsigned long long>(cfg.seed), soc.c_str(),
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
    if (cfg.dts_path.empty() && !prepare_cpus_model(cfg.cpus))
        return 2;
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
    case CliResult::Command::Model:
    case CliResult::Command::Regress:
    case CliResult::Command::RegressMerge:
    case CliResult::Command::Run:
    case CliResult::Command::Topology:
        break;
    }
    // The last line of defence: whatever escapes still gets one line and exit 2.
    try {
        std::string err;
        if (cli.command == CliResult::Command::Regress)
            return run_regress(cli.regress);
        if (cli.command == CliResult::Command::RegressMerge)
            return merge_regress(cli.regress);
        if (cli.command == CliResult::Command::Model)
            return cmd_model(cli.model_params, cli.cfg.dts_path);
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
