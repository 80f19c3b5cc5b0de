// SPDX-License-Identifier: MIT
// The device tree checked against itself and against the RTL before anything
// runs: phandle chains (interrupt-parent, interrupts-extended, msi-parent) end
// and do not loop, every property the driver and the harness read has the
// right length and type, and the cross-node constraints hold (cpus vs params,
// redistributor frames, MBI ranges vs other SPIs, INTR/INTA ranges vs the
// router's inputs and outputs, no duplicated interrupts, ids or MPIDRs, no
// overlapping reg regions).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace irqsim {

// The RTL's sizes the tree must fit (SocParams of the model it will run on).
struct TreeLimits {
    unsigned cpus = 4;           // application CPUs
    bool coproc = true;          // one more PE: the coprocessor
    unsigned spis = 96;          // GIC SPIs: INTIDs 32..32+spis-1
    unsigned lines = 32;         // plain lines: line n drives SPI n
    unsigned intr_lines = 16;    // INTR inputs 0..intr_lines-1 are device lines
    unsigned vints = 16;         // INTA VINT v is INTR input intr_lines + v
    unsigned intr_out = 32;      // INTR outputs
    unsigned intr_out_spi = 32;  // INTR output n drives INTID 32 + intr_out_spi + n
    unsigned events = 256;       // INTA global events
    unsigned rings = 32;         // DMA rings
    // The block bases the RTL decodes (0 = not checked): the first reg entry of the
    // GIC (GICD), its second (the first redistributor frame), the timer, INTR,
    // INTA (VINT registers; its CFG region, reg[1], at inta + 2 MB), DMA rings, IMS.
    uint64_t gicd = 0, gicr = 0, timer = 0, intr = 0, inta = 0, dma = 0, ims = 0;
};

// false + *err (one line: "device tree <node>: <property>: <what is wrong>") at
// the first inconsistency.
bool check_tree(const std::vector<uint8_t>& dtb, const TreeLimits& lim, std::string* err);

}  // namespace irqsim
