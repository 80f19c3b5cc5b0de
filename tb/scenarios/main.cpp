// SPDX-License-Identifier: MIT
// irqsim: run interrupt-delivery scenarios and show what the driver built.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <unistd.h>

#include "regress.h"
#include "report.h"
#include "scenario.h"

using namespace irqsim;

static int cmd_list()
{
    for (const auto& s : scenarios())
        std::printf("%-12s %s\n", s.name.c_str(), s.summary.c_str());
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
    if (cfg.drop_event != ~0ull && sc->name != "spi") {
        std::fprintf(stderr, "irqsim: --drop-event applies to the spi scenario only\n");
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
    return r.verdict.pass() ? 0 : 1;
}

static int cmd_topology(RunConfig& cfg)
{
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
    CLI::App app{"irqsim: interrupt-fabric co-simulation (RTL + the C driver stack)"};
    app.require_subcommand(1);

    app.add_subcommand("list", "list the scenarios, one line each");

    RunConfig cfg;
    cfg.scenario = "spi";
    auto* run = app.add_subcommand("run", "run a scenario and print the interrupt table, "
                                          "latency and the scoreboard verdict");
    run->add_option("scenario", cfg.scenario, "scenario name (see irqsim list); default spi");
    run->add_option("--seed", cfg.seed, "random seed (printed; reruns reproduce it)");
    run->add_option("--cpus", cfg.cpus, "application CPUs (RTL scenarios: 1, 4 or 16)")->check(CLI::Range(1u, 64u));
    run->add_option("--events", cfg.events, "events to inject")->check(CLI::Range(1ull, 100000000ull));
    run->add_option("--cycles", cfg.max_cycles, "simulated-cycle budget (0 = scenario default)");
    run->add_option("--dts", cfg.dts_path, "device tree source of the SoC (default: embedded)")
        ->check(CLI::ExistingFile);
    run->add_option("--wave", cfg.wave_path, "write an FST waveform to this file");
    run->add_option("--report", cfg.report_path, "write a JSON report to this file");
    std::string window;
    run->add_option("--wave-window", window, "START:END: trace only cycles [START, END) (with --wave); "
                                             "the window's bus accesses go to the trace's name .bus.log");
    run->add_option("--drop-event", cfg.drop_event, "")->group("");  // test-only: a failing spi run
    run->add_option("--move-percent", cfg.move_percent,
                    "spi: chance (%) per event of moving a random line's affinity first (default 5)")
        ->check(CLI::Range(0u, 100u));
    run->add_option("--parent", cfg.ims_parent, "ims: the IMS device's MSI parent (mbi, dlpi, inta; default mbi)")
        ->check(CLI::IsMember({"mbi", "dlpi", "lpi", "inta"}));

    RunConfig topo;
    auto* top = app.add_subcommand("topology", "boot the SoC and print the irq domain hierarchy the driver "
                                               "built from the device tree (chips, hwirq ranges)");
    top->add_option("--dts", topo.dts_path, "device tree source (default: embedded)")->check(CLI::ExistingFile);
    top->add_option("--cpus", topo.cpus, "application CPUs (1, 4 or 16)")->check(CLI::IsMember({1u, 4u, 16u}));

    RegressConfig regress;
    add_regress_command(app, regress);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    if (!window.empty()) {
        unsigned long long a = 0, b = 0;
        char tail = 0;
        if (std::sscanf(window.c_str(), "%llu:%llu%c", &a, &b, &tail) != 2 || b <= a ||
            window.find('-') != std::string::npos) {
            std::fprintf(stderr, "irqsim: bad --wave-window '%s' (want START:END cycles, START < END)\n",
                         window.c_str());
            return 2;
        }
        if (cfg.wave_path.empty()) {
            std::fprintf(stderr, "irqsim: --wave-window needs --wave FILE\n");
            return 2;
        }
        cfg.wave_start = a;
        cfg.wave_end = b;
    }
    int rr = dispatch_regress_command(app, regress);
    if (rr >= 0)
        return rr;
    if (app.got_subcommand("list"))
        return cmd_list();
    if (app.got_subcommand("run"))
        return cmd_run(cfg);
    if (app.got_subcommand("topology"))
        return cmd_topology(topo);
    return 2;
}
