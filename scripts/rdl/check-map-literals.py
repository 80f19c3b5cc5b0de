#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""No block base of the default SoC is written by hand (ctest rdl.map_literals).

The address map is described once, in rtl/soc/irqsim_soc_map.rdl (its `@ 0x...` window
bases). Code in rtl/, sim/ and tb/ takes a base from the generated package or header
(irqsim_soc_map_regs_pkg::GICD_BASE, IRQSIM_SOC_MAP_GICD_BASE) or from the tree, never as
a number: this check fails on any of the described bases written as a numeric literal
(0x0A600000, 0xa600000, 32'h0A60_0000...) outside comments and string literals (device-tree
text in tests is data). One file is exempt: sim/soc_pins.h, an installed header that cannot
include generated ones; sim/soc_pins.cpp holds its defaults to the description with
static_asserts.
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAP = os.path.join(ROOT, "rtl/soc/irqsim_soc_map.rdl")
EXEMPT = {"sim/soc_pins.h"}
GLOBS = ["rtl/**/*.sv", "sim/**/*.sv", "sim/**/*.cpp", "sim/**/*.h", "tb/**/*.cpp", "tb/**/*.h",
         "tb/**/*.c", "tb/**/*.sv"]
NUM = re.compile(r"(?:\b0[xX]|'[hH])([0-9A-Fa-f_]+)\b")


def strip(text):
    """Comments and string literals blanked, line numbers kept."""
    text = re.sub(r"/\*.*?\*/", lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'R"\((.*?)\)"', lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


def main():
    with open(MAP, encoding="utf-8") as f:
        bases = {int(v, 16) for v in re.findall(r"@\s*0x([0-9A-Fa-f_]+)", f.read().replace("_", ""))}
    if not bases:
        print(f"check-map-literals: no window bases found in {MAP}")
        return 2
    hits, scanned = [], 0
    for pattern in GLOBS:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
            rel = os.path.relpath(path, ROOT)
            if rel in EXEMPT or "/fuzz/regressions" in rel:
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                lines = strip(f.read()).splitlines()
            scanned += 1
            for n, line in enumerate(lines, 1):
                for m in NUM.finditer(line):
                    if int(m.group(1).replace("_", ""), 16) in bases:
                        hits.append(f"{rel}:{n}: block base {m.group(0)} written by hand "
                                    "(take it from irqsim_soc_map: the generated package/header, or the tree)")
    for h in hits:
        print(h)
    if hits:
        return 1
    if scanned < 50:   # the globs found (almost) nothing: the check would prove nothing
        print(f"check-map-literals: only {scanned} files scanned under {ROOT}")
        return 2
    print(f"ok: none of the {len(bases)} described block bases is written by hand in {scanned} files "
          "of rtl/, sim/, tb/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
