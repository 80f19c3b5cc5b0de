// SPDX-License-Identifier: MIT
// fuzz_cli links cli.cpp without the regression runner (regress.cpp pulls in
// every scenario and the Verilated models): `irqsim regress` is registered as
// a subcommand with no options here, so its words are refused like unknown
// options and the run/list/topology parser is what this target fuzzes.
#include "regress.h"

#include <CLI/CLI.hpp>

namespace irqsim {

void add_regress_command(CLI::App& app, RegressConfig&, const CLI::Validator&)
{
    app.add_subcommand("regress", "(not built into the fuzz target)")->add_subcommand("merge", "");
}

}  // namespace irqsim
