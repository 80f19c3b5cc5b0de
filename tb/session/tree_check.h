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
    unsigned cpus = 4;          // application CPUs
    bool coproc = true;         // one more PE: the coprocessor
    unsigned spis = 96;         // GIC SPIs: INTIDs 32..32+spis-1
    unsigned lines = 32;        // plain lines: line n drives SPI n
    unsigned intr_lines = 16;   // INTR inputs 0..intr_lines-1 are device lines
    unsigned vints = 16;        // INTA VINT v is INTR input intr_lines + v
    unsigned intr_out = 32;     // INTR output n drives INTID 32 + lines + n
    unsigned events = 256;      // INTA global events
    unsigned rings = 32;        // DMA rings
};

// false + *err (one line: "device tree <node>: <property>: <what is wrong>") at
// the first inconsistency.
bool check_tree(const std::vector<uint8_t>& dtb, const TreeLimits& lim, std::string* err);

}  // namespace irqsim
