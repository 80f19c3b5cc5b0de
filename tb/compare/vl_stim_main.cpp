// SPDX-License-Identifier: MIT
// Verilator's main for irq_stim.sv (tb/compare/README.md): the clock that Icarus
// gets from irq_stim_tb.sv's `always #1`, driven here instead, as a Verilator
// user's main does (no --timing).  Arguments are plusargs (+EVENTS=n).
#include "Vstim.h"
#include "verilated.h"

#include <memory>

int main(int argc, char** argv)
{
    auto ctx = std::make_unique<VerilatedContext>();
    ctx->commandArgs(argc, argv);
    Vstim m{ctx.get()};
    m.clk = 0;
    m.eval();
    while (!ctx->gotFinish()) {
        ctx->timeInc(1);
        m.clk = 1;
        m.eval();
        ctx->timeInc(1);
        m.clk = 0;
        m.eval();
    }
    m.final();
    return ctx->gotError() ? 1 : 0;
}
