// SPDX-License-Identifier: MIT
// The names earlier releases used for two scenarios; kept apart from the registry so
// the command-line parser (and its fuzz target) need no scenario code.
#include "scenario.h"

namespace irqsim {

std::string canonical_scenario_name(const std::string& name)
{
    if (name == "dlpi")
        return "lpi";
    if (name == "dma-rings")
        return "dma-ring";
    return name;
}

std::string canonical_ims_parent(const std::string& parent) { return parent == "dlpi" ? "lpi" : parent; }

}  // namespace irqsim
