#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Keep the generated register tables of the READMEs up to date.

  readme.py --check --gen BUILD/rdl README.md...   exit 1 if a region differs from its table
  readme.py --write --gen BUILD/rdl README.md...   rewrite the regions

A region is the text between
  <!-- BEGIN generated: <block> registers -->
  <!-- END generated: <block> registers -->
and holds BUILD/rdl/<block>_regs.md (scripts/rdl/rdlgen.py). READMEs without a region are left alone.
"""
import argparse
import difflib
import os
import re
import sys

REGION = re.compile(r"(<!-- BEGIN generated: (\w+) registers.*?-->\n)(.*?)(<!-- END generated: \2 registers -->)",
                    re.S)


def render(text, gen, path):
    def sub(m):
        md = os.path.join(gen, f"{m.group(2)}_regs.md")
        if not os.path.exists(md):
            raise SystemExit(f"readme.py: {path}: no description generated for block '{m.group(2)}' ({md})")
        with open(md, encoding="utf-8") as f:
            return m.group(1) + f.read() + m.group(4)
    return REGION.sub(sub, text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--write", action="store_true")
    ap.add_argument("--gen", required=True, help="directory of the generated <block>_regs.md")
    ap.add_argument("readmes", nargs="+")
    a = ap.parse_args()
    stale = 0
    for path in a.readmes:
        with open(path, encoding="utf-8") as f:
            old = f.read()
        new = render(old, a.gen, path)
        if new == old:
            continue
        if a.write:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            print(f"readme.py: rewrote the generated tables of {path}")
        else:
            stale += 1
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), path, path + " (generated)"))
    if stale:
        print(f"readme.py: {stale} README(s) out of date with their register descriptions; "
              "rewrite them with: cmake --build <build> --target irqsim-rdl-readmes", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
