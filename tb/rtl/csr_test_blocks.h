// SPDX-License-Identifier: MIT
// The blocks csr_test.cpp checks: each generated descriptor table (<build>/rdl/<block>_csr.h,
// from rtl/*/*.rdl) with the block's base address in the model (SocParams, sim/soc_pins.h).
#pragma once

#include "csr_desc.h"
#include "soc_pins.h"

#include "dev_dma_ring_csr.h"
#include "dev_ims_csr.h"
#include "dev_timer_csr.h"
#include "ti_inta_csr.h"
#include "ti_intr_csr.h"

#include <cstdint>
#include <ostream>

namespace csrtest {

struct Dut {
    const irqsim::csr::Block* block;
    uint32_t irqsim::SocParams::*base;
};
inline void PrintTo(const Dut& d, std::ostream* os) { *os << d.block->name; }

inline const Dut kBlocks[] = {
    {&irqsim::csr::dev_timer_block, &irqsim::SocParams::timer_base},
    {&irqsim::csr::ti_intr_block, &irqsim::SocParams::intr_base},
    {&irqsim::csr::ti_inta_block, &irqsim::SocParams::inta_base},
    {&irqsim::csr::dev_dma_ring_block, &irqsim::SocParams::dma_base},
    {&irqsim::csr::dev_ims_block, &irqsim::SocParams::ims_base},
};

}  // namespace csrtest
