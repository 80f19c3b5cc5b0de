// SPDX-License-Identifier: MIT
// The irqsim command line, parsed without side effects: parse_cli() never
// throws, never exits and touches no file, so it can be tested and fuzzed.
#pragma once

#include <string>
#include <vector>

#include "regress.h"
#include "scenario.h"

namespace irqsim {

struct CliResult {
    enum class Command { None, List, Run, Topology, Regress, RegressMerge, Model } command = Command::None;
    RunConfig cfg;
    RegressConfig regress;                  // Regress, RegressMerge
    std::vector<std::string> model_params;  // Model: NAME=VALUE each (checked by the caller)
    // None: exit with exit_code after printing output (help text on stdout
    // when exit_code is 0, one error line on stderr otherwise)
    int exit_code = 0;
    std::string output;
};

// the bus log written beside a windowed trace: t.fst -> t.bus.log
std::string window_bus_log_path(const std::string& wave_path);

// args: the words after the program name
CliResult parse_cli(const std::vector<std::string>& args);

// The files a run will write (--wave, --report and the report's charts) can be
// written: regular files or new files in a writable directory, no two the same.
// Checked before the run so that a long run never ends in "cannot write".
// False with one line in *err naming the option.
bool check_output_paths(const RunConfig& cfg, std::string* err);

}  // namespace irqsim
