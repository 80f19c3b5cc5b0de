// SPDX-License-Identifier: MIT
// The comparison stimulus on irqsim's C++ harness (tb/compare/README.md): the same
// register-level init and minimal handler as irq_stim_tb.sv and the cocotb test,
// through irqsim's AXI4-Lite master, system-register port and line pins, no driver.
#pragma once

#include <cstdint>
#include <string>

namespace irqsim {

struct HandlerLoopResult {
    uint64_t delivered = 0, spurious = 0, cycles = 0, init_cycles = 0;
    double cpu_s = 0, wall_s = 0;  // of the handler loop only (init excluded)
    std::string error;             // empty if every event was delivered as expected
};

HandlerLoopResult run_handler_loop(unsigned cpus, uint64_t events);

}  // namespace irqsim
