#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Generate a block's register artefacts from its SystemRDL description.

  rdlgen.py --udp scripts/rdl/irqsim_udp.rdl --out DIR rtl/ti/ti_inta.rdl

writes, for the addrmap <block> of the file (named after it):
  DIR/<block>_regs_pkg.sv   SV package: offsets, strides, counts, resets, field LSB/WIDTH/MASK
  DIR/<block>_regs.h        the same as C macros (<BLOCK>_...), for the harness, fakes and tests
  DIR/<block>_regs.md       the register table of the block's README
  DIR/<block>_csr.h         C++ register descriptors for the generic CSR tests (tb/rtl/csr_desc.h);
                            for a map of blocks, its address windows
  DIR/<block>_waves.txt     wave labels: a GTKWave translate filter file for the block's address port
                            (every register address -> NAME[n]; the port's width is addr_bits; a port
                            that carries address >> port_shift is labelled with those values)

Names: the path below the addrmap, array brackets dropped, joined by '_' and upper-cased
(VINT[].ENABLE_CLEAR -> VINT_ENABLE_CLEAR). A register's OFFSET is relative to its parent
(regfile or addrmap); an array also has _STRIDE and _COUNT. With addr_bits, <BLOCK>_SIZE is the
block's address window (2^addr_bits: e.g. the distance between two GICR frames); with
port_shift, <BLOCK>_PORT_SHIFT is it (a sysreg key is the address >> GIC_CPUIF_PORT_SHIFT). A register
within an array regfile is described once (element 0 of the regfile); the descriptors carry
the array.
An address map of blocks (rtl/soc/irqsim_soc_map.rdl: `external mem` windows, no
registers) gives <NAME>_BASE and <NAME>_SIZE per window in the package and the header,
and a table of the windows as its markdown.
Output is written only when it changes, so an unchanged description rebuilds nothing.
"""
import argparse
import os
import sys

from systemrdl import RDLCompileError, RDLCompiler
from systemrdl.node import AddrmapNode, FieldNode, MemNode, RegfileNode, RegNode
from systemrdl.rdltypes import OnWriteType


def sym(node, top):
    parts = []
    n = node
    while n is not top:
        parts.append(n.inst_name.upper())
        n = n.parent
    return "_".join(reversed(parts))


def field_kind(f):
    sw_r, sw_w = f.is_sw_readable, f.is_sw_writable
    if sw_r and not sw_w:
        return "RO"
    if sw_w and not sw_r:
        return "WO"
    ow = f.get_property("onwrite")
    kinds = {None: "RW", OnWriteType.woset: "W1S", OnWriteType.woclr: "W1C", OnWriteType.wclr: "WCLR"}
    if ow not in kinds:
        raise SystemExit(f"rdlgen: {f.get_path()}: onwrite = {ow} is not supported")
    return kinds[ow]


def mask(f):
    return ((1 << f.width) - 1) << f.lsb


class Reg:
    """One register as the outputs need it."""

    def __init__(self, node, top):
        self.node = node
        self.name = sym(node, top)
        self.width = node.get_property("regwidth")
        self.offset = node.raw_address_offset        # within the parent
        self.fields = list(node.fields())
        # the one array on the path (the register's or an enclosing regfile's)
        self.count, self.stride, self.base = 1, 0, node.raw_absolute_address
        arrays = [n for n in self.path(top) if n.is_array]
        if len(arrays) > 1:
            raise SystemExit(f"rdlgen: {node.get_path()}: more than one array level is not supported")
        if arrays:
            a = arrays[0]
            if len(a.array_dimensions) != 1:
                raise SystemExit(f"rdlgen: {a.get_path()}: multi-dimensional arrays are not supported")
            self.count, self.stride = a.array_dimensions[0], a.array_stride
        self.reset = 0
        self.reset_mask = 0
        self.masks = {k: 0 for k in ("RW", "RO", "W1S", "W1C", "WCLR", "WO")}
        self.volatile = 0
        self.limits = []
        for f in self.fields:
            k = field_kind(f)
            self.masks[k] |= mask(f)
            r = f.get_property("reset")
            if k == "WO":
                self.reset_mask |= mask(f)          # irqsim convention: write-only bits read 0
            elif r is not None:
                self.reset |= (r << f.lsb) & mask(f)
                self.reset_mask |= mask(f)
            if f.is_hw_writable or f.get_property("counter"):
                self.volatile |= mask(f)
            lo = f.get_property("legal_min", default=None)
            hi = f.get_property("legal_max", default=None)
            if lo is not None or hi is not None:
                self.limits.append((f.lsb, f.width, lo or 0, (1 << f.width) - 1 if hi is None else hi))
        self.defined = sum(mask(f) for f in self.fields)
        self.reset_mask |= ((1 << self.width) - 1) & ~self.defined   # bits of no field read 0
        kinds = sorted(k for k, m in self.masks.items() if m)
        self.kind = kinds[0] if len(kinds) == 1 else "MIXED"
        self.secure_write = bool(node.get_property("secure_write", default=False))
        self.excl = node.get_property("csr_excl", default=None)
        self.alias_of = sym(node.alias_primary, top) if node.is_alias else None

    def path(self, top):
        n, out = self.node, []
        while n is not top:
            out.append(n)
            n = n.parent
        return out


def collect(top):
    regs, groups = [], []
    for n in top.descendants(unroll=False):
        if isinstance(n, RegNode):
            regs.append(Reg(n, top))
        elif isinstance(n, RegfileNode):
            groups.append(n)
    return regs, groups


def windows(top):
    """The address windows of a map of blocks: its external mem children."""
    return [n for n in top.children() if isinstance(n, MemNode)]


def block_size(top):
    """The block's address window (addr_bits given, a port of byte addresses), else None."""
    bits = top.get_property("addr_bits", default=None)
    if bits is None or top.get_property("port_shift", default=None):
        return None
    return 1 << bits


def hexw(v, w):
    return f"0x{v:0{max(1, (w + 3) // 4)}X}"


# ------------------------------------------------------------------ SV package
def gen_sv(block, src, regs, groups, top):
    L = [f"// Generated by scripts/rdl/rdlgen.py from {src}: do not edit.",
         f"// Register offsets and fields of {block} (names: see rdlgen.py).",
         "// A block uses what its decode needs of these: unused ones are expected.",
         "/* verilator lint_off UNUSEDPARAM */",
         f"package {block}_regs_pkg;"]

    def lp(name, val, w):
        L.append(f"  localparam logic [{w - 1}:0] {name} = {w}'h{val:X};")

    def li(name, val):
        L.append(f"  localparam int {name} = {val};")
    if block_size(top) is not None:
        lp("SIZE", block_size(top), 32)
    if top.get_property("port_shift", default=None):
        li("PORT_SHIFT", top.get_property("port_shift"))
    for m in windows(top):
        lp(f"{m.inst_name.upper()}_BASE", m.absolute_address, 32)
        lp(f"{m.inst_name.upper()}_SIZE", m.size, 32)
    for g in groups:
        s = sym(g, top)
        lp(f"{s}_OFFSET", g.raw_address_offset, 32)
        if g.is_array:
            lp(f"{s}_STRIDE", g.array_stride, 32)
            li(f"{s}_COUNT", g.array_dimensions[0])
    for r in regs:
        L.append(f"  // {r.name}: {r.kind}" + (", writes secure-only" if r.secure_write else ""))
        lp(f"{r.name}_OFFSET", r.offset, 32)
        if r.node.is_array:
            lp(f"{r.name}_STRIDE", r.stride, 32)
            li(f"{r.name}_COUNT", r.count)
        lp(f"{r.name}_RESET", r.reset, r.width)
        for f in r.fields:
            n = f"{r.name}_{f.inst_name.upper()}"
            li(f"{n}_LSB", f.lsb)
            li(f"{n}_WIDTH", f.width)
            lp(f"{n}_MASK", mask(f), r.width)
    L.append("endpackage")
    L.append("/* verilator lint_on UNUSEDPARAM */")
    return "\n".join(L) + "\n"


# ------------------------------------------------------------------ C header
def gen_h(block, src, regs, groups, top):
    P = block.upper()
    guard = f"IRQSIM_{P}_REGS_H"
    L = [f"/* Generated by scripts/rdl/rdlgen.py from {src}: do not edit. */",
         f"/* Register offsets and fields of {block} (names: see rdlgen.py). */",
         f"#ifndef {guard}", f"#define {guard}", ""]

    def d(name, val, w=32):
        suf = "ull" if w > 32 else "u"
        L.append(f"#define {P}_{name} 0x{val:X}{suf}")
    if block_size(top) is not None:
        d("SIZE", block_size(top))
    if top.get_property("port_shift", default=None):
        L.append(f"#define {P}_PORT_SHIFT {top.get_property('port_shift')}u  /* port value = address >> shift */")
    for m in windows(top):
        L.append(f"/* {m.get_property('desc') or m.inst_name} */")
        d(f"{m.inst_name.upper()}_BASE", m.absolute_address)
        d(f"{m.inst_name.upper()}_SIZE", m.size)
    for g in groups:
        s = sym(g, top)
        d(f"{s}_OFFSET", g.raw_address_offset)
        if g.is_array:
            d(f"{s}_STRIDE", g.array_stride)
            L.append(f"#define {P}_{s}_COUNT {g.array_dimensions[0]}u")
    for r in regs:
        L.append(f"/* {r.name}: {r.kind}" + (", writes secure-only" if r.secure_write else "") + " */")
        d(f"{r.name}_OFFSET", r.offset)
        if r.node.is_array:
            d(f"{r.name}_STRIDE", r.stride)
            L.append(f"#define {P}_{r.name}_COUNT {r.count}u")
        d(f"{r.name}_RESET", r.reset, r.width)
        for f in r.fields:
            n = f"{r.name}_{f.inst_name.upper()}"
            L.append(f"#define {P}_{n}_LSB {f.lsb}u")
            L.append(f"#define {P}_{n}_WIDTH {f.width}u")
            d(f"{n}_MASK", mask(f), r.width)
    L += ["", "#endif"]
    return "\n".join(L) + "\n"


# ------------------------------------------------------------------ markdown
def access_text(r):
    names = {"RW": "RW", "RO": "RO", "W1S": "W1S", "W1C": "W1C", "WCLR": "RO, any write clears", "WO": "WO (reads 0)"}
    if r.kind == "MIXED":
        t = ", ".join(f"{names[field_kind(f)]} {bits(f)}" for f in r.fields)
    else:
        t = names[r.kind]
    if r.secure_write:
        t += ", **writes secure-only**"
    if r.alias_of:
        t += f" (view of {r.alias_of})"
    return t


def bits(f):
    return f"[{f.msb}]" if f.width == 1 else f"[{f.msb}:{f.lsb}]"


def offset_text(r, aw, shift=0):
    if shift:
        if r.count != 1:
            raise SystemExit(f"rdlgen: {r.node.get_path()}: arrays are not supported with port_shift")
        return hexw(r.base >> shift, aw)
    if r.count == 1:
        return hexw(r.base, aw)
    if r.node.is_array:
        return f"{hexw(r.base, aw)} + {r.stride:#x}*n"
    frame = r.base - r.offset
    return f"{hexw(frame, aw)} + {r.stride:#x}*n + 0x{r.offset:02X}"


def gen_md(block, src, regs, top):
    if windows(top):
        L = [f"Generated from `{src}` (SystemRDL) by scripts/rdl/rdlgen.py.", "",
             "| base | size | block | what |", "|---|---|---|---|"]
        for m in windows(top):
            desc = (m.get_property("desc") or "").replace("|", "\\|")
            L.append(f"| {hexw(m.absolute_address, 32)} | {m.size:#x} | {m.inst_name} | {desc} |")
        return "\n".join(L) + "\n"
    shift = top.get_property("port_shift", default=None) or 0
    aw = max(12, (top.size - 1).bit_length() - shift)
    aw = (aw + 3) // 4 * 4
    where = (f"Offsets are the port's values (byte address >> {shift})" if shift
             else "Offsets are from the block base")
    L = [f"Generated from `{src}` (SystemRDL) by scripts/rdl/rdlgen.py. {where};",
         "n indexes an array (count in the name column).", "",
         "| offset | name | reset | access | fields | meaning |", "|---|---|---|---|---|---|"]
    for r in regs:
        name = r.name + (f" [{r.count}]" if r.count > 1 else "")
        reset = "-" if r.masks["WO"] == (1 << r.width) - 1 or r.kind == "WO" else hexw(r.reset, r.width if r.reset > 0xFFFF else 4)
        fl = []
        for f in r.fields:
            if f.width == r.width:
                continue
            t = f"{bits(f)} {f.inst_name}"
            fd = f.get_property("desc")
            if fd:
                t += f": {fd}"
            fl.append(t)
        desc = (r.node.get_property("desc") or "").replace("|", "\\|").replace("\n", " ")
        L.append(f"| {offset_text(r, aw, shift)} | {name} | {reset} | {access_text(r)} | {'; '.join(fl)} | {desc} |")
    return "\n".join(L) + "\n"


# ------------------------------------------------------------------ C++ descriptors
def gen_csr(block, src, regs, top):
    if not regs:   # a map of blocks: its windows, for the map test (csr_test.cpp CsrMap)
        L = [f"// Generated by scripts/rdl/rdlgen.py from {src}: do not edit.",
             f"// The address windows of {block}, for the generic map test.",
             "#pragma once", "", '#include "csr_desc.h"', "", "namespace irqsim::csr {", "",
             f"inline constexpr Window {block}_windows[] = {{"]
        L += [f'  {{"{m.inst_name}", 0x{m.absolute_address:X}u, 0x{m.size:X}u}},' for m in windows(top)]
        L += ["};", "", "} // namespace irqsim::csr"]
        return "\n".join(L) + "\n"
    idx = {r.name: i for i, r in enumerate(regs)}
    L = [f"// Generated by scripts/rdl/rdlgen.py from {src}: do not edit.",
         f"// Register descriptors of {block} for the generic CSR tests.",
         "#pragma once", "", '#include "csr_desc.h"', "", "namespace irqsim::csr {", ""]
    lim = []
    for r in regs:
        if r.limits:
            body = ", ".join(f"{{{a}, {b}, 0x{lo:X}ull, 0x{hi:X}ull}}" for a, b, lo, hi in r.limits)
            L.append(f"inline constexpr FieldLimit {block}_{r.name.lower()}_limits[] = {{{body}}};")
            lim.append(r.name)
    L.append(f"inline constexpr Reg {block}_regs[] = {{")
    for r in regs:
        m = r.masks
        lims = f"{block}_{r.name.lower()}_limits, {len(r.limits)}" if r.limits else "nullptr, 0"
        excl = f'"{r.excl}"' if r.excl else "nullptr"
        L.append(f'  {{"{r.name}", 0x{r.base:X}u, {r.count}u, 0x{r.stride:X}u, {r.width}u, '
                 f"0x{r.reset:X}ull, 0x{r.reset_mask:X}ull, Access::{r.kind}, "
                 f"0x{m['RW']:X}ull, 0x{m['W1S']:X}ull, 0x{m['W1C']:X}ull, 0x{m['WCLR']:X}ull, "
                 f"0x{m['WO']:X}ull, 0x{r.defined:X}ull, 0x{r.volatile:X}ull, {str(r.secure_write).lower()}, "
                 f"{idx[r.alias_of] if r.alias_of else -1}, {excl}, {lims}}},")
    L.append("};")
    L.append(f'inline constexpr Block {block}_block = {{"{block}", {block}_regs, '
             f"sizeof({block}_regs) / sizeof({block}_regs[0])}};")
    L += ["", "} // namespace irqsim::csr"]
    return "\n".join(L) + "\n"


def gen_waves(block, src, regs, top):
    # GTKWave matches the hex text it would show: as many digits as the port has
    shift = top.get_property("port_shift", default=None) or 0
    bits = top.get_property("addr_bits", default=None) or max(1, (top.size - 1).bit_length() - shift)
    digits = (bits + 3) // 4
    L = [f"# Generated by scripts/rdl/rdlgen.py from {src}: do not edit.",
         f"# GTKWave translate filter of {block}'s {bits}-bit register address (hex display)."]
    rows = []
    for r in regs:
        for i in range(r.count):
            idx = f"[{i}]" if r.count > 1 else ""
            # a port of whole registers (port_shift) sees one value per register, not per word
            words = 1 if shift else r.width // 32
            for w in range(words):
                half = ("_LO" if w == 0 else "_HI") if words > 1 else ""
                rows.append(((r.base + i * r.stride + 4 * w) >> shift, f"{r.name}{half}{idx}"))
    L += [f"{a:0{digits}X} {n}" for a, n in sorted(rows)]
    return "\n".join(L) + "\n"


def write_if_changed(path, text):
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--udp", required=True, help="the user-defined properties (scripts/rdl/irqsim_udp.rdl)")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--src-name", help="the description's name in the outputs (default: the path given)")
    ap.add_argument("rdl")
    a = ap.parse_args()
    rdlc = RDLCompiler()
    try:
        rdlc.compile_file(a.udp)
        rdlc.compile_file(a.rdl)
        root = rdlc.elaborate()
    except RDLCompileError:
        return 1
    top = root.top
    if not isinstance(top, AddrmapNode):
        print(f"rdlgen: {a.rdl}: the top component must be an addrmap", file=sys.stderr)
        return 1
    block = top.inst_name
    want = os.path.splitext(os.path.basename(a.rdl))[0]
    if block != want:
        print(f"rdlgen: {a.rdl}: the addrmap is '{block}', expected '{want}' (the file's name)", file=sys.stderr)
        return 1
    src = a.src_name or a.rdl
    regs, groups = collect(top)
    os.makedirs(a.out, exist_ok=True)
    out = {f"{block}_regs_pkg.sv": gen_sv(block, src, regs, groups, top),
           f"{block}_regs.h": gen_h(block, src, regs, groups, top),
           f"{block}_regs.md": gen_md(block, src, regs, top),
           f"{block}_csr.h": gen_csr(block, src, regs, top),
           f"{block}_waves.txt": gen_waves(block, src, regs, top)}
    for name, text in out.items():
        write_if_changed(os.path.join(a.out, name), text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
