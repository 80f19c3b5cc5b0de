// SPDX-License-Identifier: MIT
#include "cli.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace irqsim {

namespace {

// Unsigned numbers are digits only and fit 64 bits: CLI11 would wrap "-1" to
// 2^64-1 and saturate what overflows.
const CLI::Validator kDigits(
    [](std::string& s) -> std::string {
        if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return "'" + s + "' is not a non-negative integer";
        std::string digits = s.substr(std::min(s.find_first_not_of('0'), s.size()));
        const std::string max = "18446744073709551615";
        if (digits.size() > max.size() || (digits.size() == max.size() && digits > max))
            return "'" + s + "' is larger than 2^64-1";
        return {};
    },
    "UINT");

const CLI::Validator kNotEmpty(
    [](std::string& s) -> std::string { return s.empty() ? "an empty path" : std::string(); }, "PATH");

// CLI11's messages can span lines; irqsim answers with one.
std::string one_line(std::string s)
{
    std::replace(s.begin(), s.end(), '\n', ' ');
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

// --wave-window START:END (cycles, START < END; needs --wave)
bool parse_wave_window(const std::string& text, RunConfig* cfg, std::string* err)
{
    size_t colon = text.find(':');
    std::string a = colon == std::string::npos ? "" : text.substr(0, colon);
    std::string b = colon == std::string::npos ? "" : text.substr(colon + 1);
    auto digits = [](const std::string& s) {
        return !s.empty() && s.size() <= 19 &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (!digits(a) || !digits(b) || std::stoull(b) <= std::stoull(a)) {
        *err = "irqsim: bad --wave-window '" + text + "' (want START:END in cycles, START < END)";
        return false;
    }
    if (cfg->wave_path.empty()) {
        *err = "irqsim: --wave-window needs --wave FILE";
        return false;
    }
    cfg->wave_start = std::stoull(a);
    cfg->wave_end = std::stoull(b);
    return true;
}

}  // namespace

std::string window_bus_log_path(const std::string& wave_path)
{
    std::string base = wave_path;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, ".fst") == 0)
        base.resize(base.size() - 4);
    return base + ".bus.log";
}

CliResult parse_cli(const std::vector<std::string>& args)
{
    CliResult res;
    CLI::App app{"irqsim: interrupt-fabric co-simulation (RTL + the C driver stack)", "irqsim"};
    app.require_subcommand(1);

    auto* list = app.add_subcommand("list", "list the scenarios, one line each");

    RunConfig cfg;
    cfg.scenario = "spi";
    auto* run = app.add_subcommand("run", "run a scenario and print the interrupt table, "
                                          "latency and the scoreboard verdict");
    run->add_option("scenario", cfg.scenario, "scenario name (see irqsim list); default spi");
    run->add_option("--seed", cfg.seed, "random seed (printed; reruns reproduce it)")->check(kDigits);
    run->add_option("--cpus", cfg.cpus,
                    "application CPUs: the default tree with N CPUs (a model other than "
                    "1, 4 or 16 is built the first time, then cached)")
        ->check(kDigits)
        ->check(CLI::Range(1u, 64u));
    run->add_option("--events", cfg.events, "events to inject")
        ->check(kDigits)
        ->check(CLI::Range(1ull, 100000000ull));
    run->add_option("--cycles", cfg.max_cycles, "simulated-cycle budget (0 = scenario default)")
        ->check(kDigits);
    run->add_option("--dts", cfg.dts_path, "device tree source of the SoC (default: embedded)")
        ->check(CLI::ExistingFile);
    run->add_option("--wave", cfg.wave_path, "write an FST waveform to this file")->check(kNotEmpty);
    run->add_option("--report", cfg.report_path, "write a JSON report to this file")->check(kNotEmpty);
    run->add_option("--move-percent", cfg.move_percent,
                    "spi: chance (%) per event of moving a random line's affinity first (default 5)")
        ->check(kDigits)
        ->check(CLI::Range(0u, 100u));
    run->add_option_function<unsigned>(
           "--eoi-mode", [&cfg](unsigned m) { cfg.split_eoi = m == 1; },
           "GICv3 EOI mode: 0 (EOIR drops the priority and deactivates, default) or 1 (EOIR, then DIR)")
        ->check(kDigits)
        ->check(CLI::Range(0u, 1u));
    run->add_option("--parent", cfg.ims_parent,
                    "ims: the IMS device's MSI parent (mbi, lpi, inta; default mbi; dlpi = lpi)")
        ->check(CLI::IsMember({"mbi", "dlpi", "lpi", "inta"}));
    std::string window;
    run->add_option("--wave-window", window,
                    "START:END: trace only cycles [START, END) (with --wave); "
                    "the window's bus accesses go to the trace's name .bus.log");
    run->add_option("--drop-event", cfg.drop_event, "")
        ->check(kDigits)
        ->group("");  // test-only: a failing spi run

    RegressConfig regress;
    add_regress_command(app, regress, kDigits);

    RunConfig topo;
    auto* top = app.add_subcommand("topology", "boot the SoC and print the irq domain hierarchy the driver "
                                               "built from the device tree (chips, hwirq ranges)");
    top->add_option("--dts", topo.dts_path, "device tree source (default: embedded)")
        ->check(CLI::ExistingFile);
    top->add_option("--cpus", topo.cpus, "application CPUs (1-64; as for run)")
        ->check(kDigits)
        ->check(CLI::Range(1u, 64u));

    std::vector<std::string> model_params;
    auto* model = app.add_subcommand("model", "build (or find) the SoC model with these top-level parameters "
                                              "in the model cache and print its path");
    model->add_option("params", model_params, "NAME=VALUE of irqsim_tb_top (e.g. NUM_CPUS=8)");
    std::string model_dts;
    model->add_option("--dts", model_dts, "the model this device tree asks for (instead of NAME=VALUE)")
        ->check(CLI::ExistingFile);

    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last-first
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        std::ostringstream out, err;
        res.exit_code = app.exit(e, out, err);
        if (res.exit_code == 0) {
            res.output = out.str();  // --help
        } else {
            res.exit_code = 2;
            res.output = "irqsim: " + one_line(e.what()) + " (irqsim --help)";
        }
        return res;
    } catch (const std::exception& e) {
        res.exit_code = 2;
        res.output = "irqsim: bad command line: " + one_line(e.what());
        return res;
    }
    if (list->parsed()) {
        res.command = CliResult::Command::List;
    } else if (run->parsed()) {
        res.command = CliResult::Command::Run;
        res.cfg = cfg;
        res.cfg.scenario = canonical_scenario_name(cfg.scenario);
        res.cfg.ims_parent = canonical_ims_parent(cfg.ims_parent);
        if (!window.empty() && !parse_wave_window(window, &res.cfg, &res.output)) {
            res.command = CliResult::Command::None;
            res.exit_code = 2;
        } else if (cfg.drop_event != ~0ull && res.cfg.scenario != "spi") {
            res.command = CliResult::Command::None;
            res.exit_code = 2;
            res.output = "irqsim: --drop-event applies to the spi scenario only";
        }
    } else if (app.get_subcommand("regress")->parsed()) {
        res.command = app.get_subcommand("regress")->get_subcommand("merge")->parsed()
                          ? CliResult::Command::RegressMerge
                          : CliResult::Command::Regress;
        res.regress = regress;
    } else if (model->parsed()) {
        res.command = CliResult::Command::Model;
        res.model_params = model_params;
        res.cfg.dts_path = model_dts;
        if (!model_dts.empty() && !model_params.empty()) {
            res.command = CliResult::Command::None;
            res.exit_code = 2;
            res.output = "irqsim: model: give NAME=VALUE parameters or --dts, not both";
        }
    } else if (top->parsed()) {
        res.command = CliResult::Command::Topology;
        res.cfg = topo;
    } else {
        res.exit_code = 2;
        res.output = "irqsim: no command (irqsim --help)";
    }
    return res;
}

namespace {

// One output file: an existing regular file we may write, or a new file we
// can create (created and removed again to prove it; nothing is truncated).
bool writable_file(const std::string& opt, const std::string& path, std::string* err)
{
    struct stat st;
    if (stat(path.c_str(), &st) == 0) {
        if (!S_ISREG(st.st_mode)) {
            *err = opt + " " + path + ": not a regular file";
            return false;
        }
        int fd = open(path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            *err = opt + " " + path + ": cannot write (" + std::strerror(errno) + ")";
            return false;
        }
        close(fd);
        return true;
    }
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0) {
        *err = opt + " " + path + ": cannot create (" + std::strerror(errno) + ")";
        return false;
    }
    close(fd);
    unlink(path.c_str());
    return true;
}

// Two names for one file (same path, or an existing file under another name).
bool same_file(const std::string& a, const std::string& b)
{
    if (a == b)
        return true;
    struct stat sa, sb;
    return stat(a.c_str(), &sa) == 0 && stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

}  // namespace

bool check_output_paths(const RunConfig& cfg, std::string* err)
{
    std::vector<std::pair<std::string, std::string>> outs;  // option, path
    if (!cfg.wave_path.empty())
        outs.emplace_back("--wave", cfg.wave_path);
    if (!cfg.wave_path.empty() && cfg.wave_end > cfg.wave_start)
        outs.emplace_back("--wave-window (bus log)", window_bus_log_path(cfg.wave_path));
    if (!cfg.report_path.empty()) {
        outs.emplace_back("--report", cfg.report_path);
        std::string base = cfg.report_path;
        if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0)
            base.resize(base.size() - 5);
        outs.emplace_back("--report (chart)", base + "-latency.svg");
        outs.emplace_back("--report (chart)", base + "-cpu-load.svg");
    }
    for (size_t i = 0; i < outs.size(); i++)
        for (size_t j = i + 1; j < outs.size(); j++)
            if (same_file(outs[i].second, outs[j].second)) {
                *err = outs[i].first + " and " + outs[j].first + " name the same file " + outs[i].second;
                return false;
            }
    for (const auto& [opt, path] : outs)
        if (!writable_file(opt, path, err))
            return false;
    return true;
}

}  // namespace irqsim
