// SPDX-License-Identifier: MIT
// The blocks csr_test.cpp checks: each generated descriptor table (<build>/rdl/<block>_csr.h,
// from rtl/*/*.rdl) with the block's base address in the model (SocParams, sim/soc_pins.h), or,
// for the GIC CPU interface, the system-register port (key = offset / 8, PE 0).
#pragma once

#include "csr_desc.h"
#include "soc_pins.h"

#include "dev_dma_ring_csr.h"
#include "dev_ims_csr.h"
#include "dev_timer_csr.h"
#include "gic_cpuif_csr.h"
#include "gic_dist_csr.h"
#include "gic_redist_csr.h"
#include "irqsim_soc_map_csr.h"
#include "ti_inta_csr.h"
#include "ti_intr_csr.h"

#include <cstdint>
#include <ostream>

namespace csrtest {

// How the registers are reached: the AXI4-Lite bus at base + offset, or the system-register
// port (the key is offset / 8; one 64-bit register per key, written whole; a read of a
// write-only register is refused).
enum class Port { Mmio, Sysreg };

struct Dut {
    const irqsim::csr::Block* block;
    uint32_t irqsim::SocParams::*base;  // Mmio: the block's base (GICR: PE 0's frames)
    Port port = Port::Mmio;
};
inline void PrintTo(const Dut& d, std::ostream* os) { *os << d.block->name; }

inline const Dut kBlocks[] = {
    {&irqsim::csr::dev_timer_block, &irqsim::SocParams::timer_base},
    {&irqsim::csr::ti_intr_block, &irqsim::SocParams::intr_base},
    {&irqsim::csr::ti_inta_block, &irqsim::SocParams::inta_base},
    {&irqsim::csr::dev_dma_ring_block, &irqsim::SocParams::dma_base},
    {&irqsim::csr::dev_ims_block, &irqsim::SocParams::ims_base},
    {&irqsim::csr::gic_dist_block, &irqsim::SocParams::gicd_base},
    {&irqsim::csr::gic_redist_block, &irqsim::SocParams::gicr_base},
    {&irqsim::csr::gic_cpuif_block, nullptr, Port::Sysreg},
};

}  // namespace csrtest
