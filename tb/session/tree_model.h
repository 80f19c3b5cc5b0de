// SPDX-License-Identifier: MIT
// The model a device tree asks for: every irqsim_soc parameter derived from the
// tree, so that a topology is described once (in the tree) and the matching
// Verilated model is chosen or built from it.
//
//   NUM_CPUS, HAS_COPROC, NUM_SPIS, NUM_LINES   /soc/irqsim,params
//   GICD_BASE, GICR_BASE                        arm,gic-v3 reg[0], reg[1]
//   TIMER_BASE                                  irqsim,timer reg
//   INTR_BASE, NUM_INTR_OUT, INTR_OUT_SPI       ti,sci-intr reg; ti,interrupt-ranges
//                                               (outputs used; parent INTID - 32 - output)
//   INTA_BASE, NUM_VINTS, NUM_INTR_LINES        ti,sci-inta reg[0]; ti,interrupt-ranges
//                                               (VINTs used; INTR input of VINT 0)
//   NUM_EVENTS                                  ti,sci-inta irqsim,num-events
//   DMA_BASE, NUM_RINGS                         irqsim,dma-ring reg; irqsim,num-rings
//   IMS_BASE, NUM_IMS_SLOTS                     irqsim,ims reg; irqsim,num-slots
//
// A block the tree leaves out keeps the RTL's default (it is in the model anyway).
// The values are not checked against each other here: check_tree() does that,
// against the SocParams this returns, before anything runs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model_params.h"
#include "soc_pins.h"

namespace irqsim {

// false + *err (one line naming node and property) when a property the
// derivation reads is missing or malformed
bool tree_soc_params(const std::vector<uint8_t>& dtb, SocParams* out, std::string* err);
// (model_params_of() in model_params.h turns the result into -G parameters)

}  // namespace irqsim
