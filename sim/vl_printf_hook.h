// SPDX-License-Identifier: MIT
// Force-included into the Verilator runtime (verilated.cpp) with
// -DVL_PRINTF=irqsim_vl_printf: everything the RTL prints ($display, $error
// and the runtime's own %Error lines) still goes to stdout, and the last
// error line is kept so SocModel can put the RTL's own message (which names
// the register and the rule) into Sim::error().
#pragma once

extern "C" int irqsim_vl_printf(const char* fmt, ...) __attribute__((format(printf, 1, 2)));
// the last line that contained "%Error" (empty if none); cleared by take
const char* irqsim_vl_last_error();
void irqsim_vl_clear_last_error();
