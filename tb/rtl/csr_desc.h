// SPDX-License-Identifier: MIT
// Register descriptors of the generic CSR tests (csr_test.cpp). The tables are
// generated from the blocks' SystemRDL descriptions (rtl/*/*.rdl) by
// scripts/rdl/rdlgen.py into <build>/rdl/<block>_csr.h.
#pragma once

#include <cstddef>
#include <cstdint>

namespace irqsim::csr {

// A register's software access: one kind when all its fields share it, MIXED otherwise
// (the masks below say which bits are which). WCLR: any write clears.
enum class Access { RW, RO, W1S, W1C, WCLR, WO, MIXED };

// Bits [lsb, lsb + width) take values min..max: software must not write more than max (the RTL's
// checker flags it); a write of less than min reads back min (the field's floor, e.g. a binary point).
struct FieldLimit {
    unsigned lsb, width;
    uint64_t min, max;
};

struct Reg {
    const char* name;
    uint32_t offset;      // of element 0, from the block base
    uint32_t count;       // elements (1: not an array)
    uint32_t stride;      // between elements
    unsigned width;       // 32 or 64 (64: two 32-bit words, low word first)
    uint64_t reset;       // value after reset of the bits in reset_mask
    uint64_t reset_mask;  // bits with a defined reset value (write-only bits and bits of no field read 0)
    Access access;
    uint64_t rw, w1s, w1c, wclr, wo;  // the bits of each kind (the rest is read-only or unused)
    uint64_t fields;                  // the bits of all fields (software writes 0 to the others)
    uint64_t volatile_bits;           // bits the hardware changes too: not compared after writes
    bool secure_write;                // non-secure writes answer SLVERR and change nothing
    int alias_of;                     // index of the register whose storage this one views, or -1
    const char* excl;                 // why the write tests leave it alone, or nullptr
    const FieldLimit* limits;
    size_t n_limits;

    uint32_t addr(uint32_t i) const { return offset + i * stride; }
    uint64_t all() const { return width == 64 ? ~0ull : ((1ull << width) - 1); }
};

struct Block {
    const char* name;
    const Reg* regs;
    size_t n_regs;
};

// An address window of the SoC's map (rtl/soc/irqsim_soc_map.rdl): a block's slave port
// owns [base, base + size).
struct Window {
    const char* name;
    uint32_t base;
    uint32_t size;
};

}  // namespace irqsim::csr
