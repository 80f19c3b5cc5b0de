#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""No register offset is written by hand in sim/ or tb/ (ctest rdl.offset_literals).

  check-offset-literals.py [--root DIR] [--gen BUILD/rdl]   check the tree
  check-offset-literals.py --self-test                      check the checker on its samples

A register's offset within its block, and an array's element stride, are described once, in
the block's rtl/<dir>/<block>.rdl; C, C++, SystemVerilog and Python test code takes them from
the generated <block>_regs.h / _regs_pkg.sv (GIC_DIST_IROUTER_OFFSET, _STRIDE, _SIZE...), or
from a name that does (GICD_IROUTER in tb/rtl/rtl_test_support.h). The driver (driver/) keeps
Linux's names and is held to the descriptions by the DriverRegs tests instead.

An ordinary number is not an offset: the check looks only where an offset is written. In an
address expression (a chain of terms joined by + - |, the operators an address is built
with), it reports a numeric literal that is
  * a term (an offset: `gicd + 0x0084`, `inta_base + 0x08`, `GICR_PROPBASER + 4`), or
  * a factor of a term whose other factor is not a described stride (a stride written by
    hand: `GICD_IROUTER + 8 * intid`, `GICR + pe * 32'h2_0000`); `GIC_DIST_IROUTER_STRIDE * 40`
    is an index, and fine,
when the expression is
  1. one with a block's base in it: a name such as *_base, *_BASE, base_*, kGic*/kInta*...,
     gicd*, gicr*, *frame*, GICD/GICR/INTA/INTR/IMS/DMA (SV and Python testbenches), or
  2. the address argument of a bus or MMIO access (read32/write32/rd64/readl/writel/
     axi_write/write_dword...) that names a register (GICD_*, *_OFFSET, an upper-case
     constant, kName) or a bare base (`base`, `rd`, `sgi`).
`addr + 4` (the upper word of a 64-bit access) and `b + 12` (DRAM) are neither. With --gen,
each finding names the described offsets/strides of that value, as a hint.

Comments and string literals are not code. Exemptions (EXEMPT below) are few, each with its
reason. Prints "file:line: what" per finding and exits 1; exits 0 when clean.
Python 3 standard library only.
"""
import argparse
import glob
import os
import re
import sys

GLOBS = ["sim/**/*.cpp", "sim/**/*.h", "sim/**/*.sv", "tb/**/*.cpp", "tb/**/*.h", "tb/**/*.c",
         "tb/**/*.sv", "tb/**/*.py"]

# (path, text on the line or None for the whole file, reason)
EXEMPT = [
    ("sim/soc_pins.h", None,
     "an installed header that cannot include generated ones (as in rdl.map_literals); "
     "sim/soc_pins.cpp holds its region offsets to the description with static_asserts"),
    ("tb/unit/io_test.cpp", None,
     "tests the MMIO accessors on a scratch ioremap() region, no described block"),
    ("tb/unit/kernel_hooks_test.cpp", None,
     "tests the MMIO accessors' error path on a scratch ioremap() region, no described block"),
    ("tb/unit/driver_regs_test.cpp", None,
     "holds the driver's Linux names, and Linux's own arithmetic on them (GICD_IGROUPR + 4 * n), "
     "to the generated offsets: its literals are the driver's side of that comparison"),
    ("tb/e2e/contract_negative_test.cpp", "4 * L.intid",
     "plants the wrong IROUTER stride on purpose: the contract checker must catch it"),
    ("tb/e2e/mbi_ims_delivery_test.cpp", "ims_base + 0x100000",
     "an address with no slave on purpose (a reserved hole above the IMS window), no register"),
]

BASE = re.compile(r"^(?:\w*_base|k(?:Gicd|Gicr|Inta|Intr|Dma|Ims|Timer|Sysreg)(?:Base|Vint|Imap|Cfg|Frame)?|gicd\w*|gicr\w*"
                  r"|GICD|GICR|INTA|INTR|IMS|DMA|TIMER|\w+_BASE|\w*frame\w*|sgib)$")
# names ending in _base that number interrupts, not addresses
NOT_BASE = re.compile(r"^\w*(?:irq|intid|event|lpi|spi|vint|cpu|period)_base$")
REGNAME = re.compile(r"^(?:k[A-Z]\w*|[A-Z][A-Z0-9]*(?:_[A-Za-z0-9]+)+|[A-Z]{3,})$")
WEAK_BASE = {"base", "rd", "sgi", "rd_base"}
STRIDE_NAME = re.compile(r"(?:^|_)(?:STRIDE|SIZE)$|Stride$")   # GIC_DIST_IROUTER_STRIDE, SV pkg::SIZE
# bus/MMIO accesses: the argument index of the address
CALLS = {n: 0 for n in ("read32", "write32", "read64", "write64", "rd32", "wr32", "rd64", "wr64", "readl",
                        "readq", "readl_relaxed", "axi_read", "axi_write", "read_dword", "write_dword",
                        "stick_bits", "irqsim_iomem_phys")}
CALLS.update({n: 1 for n in ("writel", "writeq", "writel_relaxed")})

TOKEN = re.compile(r"""
    (?P<cast>\d+'(?=\())                                        # SV size cast 32'(x)
  | (?P<num>\d*\s*'[sS]?[hH][0-9a-fA-F_xXzZ?]+ | \d*\s*'[sS]?[dD][0-9_]+ | \d*\s*'[sS]?[bB][01_xXzZ?]+
          | \d*\s*'[sS]?[oO][0-7_]+ | 0[xX][0-9a-fA-F_']+[uUlL]* | \d[\d_']*[uUlL]*)
  | (?P<id>[A-Za-z_]\w*)
  | (?P<op>->|::|<<|>>|&&|\|\||[=!<>+\-*/|&^%]=|.)
""", re.X)
DELIM = {",", ";", "=", "+=", "-=", "|=", "&=", "*=", "==", "!=", "<", ">", "<=", ">=", "?", ":", "{", "}",
         "&&", "||", "<<", ">>", "&", "return", "await", "if", "while", "for", "else", "#", "and", "or", "not",
         "in", "assert", "lambda", "!", "~", "^", "%", "/"}
OPEN, CLOSE = {"(": ")", "[": "]"}, {")": "(", "]": "["}
ADD = {"+", "-", "|"}


def strip(text, python=False):
    """Comments and string literals blanked, line numbers kept."""
    def blank(m):
        return re.sub(r"[^\n]", " ", m.group(0))
    if python:
        text = re.sub(r'(?s)("""|\'\'\').*?\1', blank, text)
        text = re.sub(r"#[^\n]*", "", text)
        return re.sub(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', '""', text)
    text = re.sub(r"/\*.*?\*/", blank, text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    text = re.sub(r'R"\((.*?)\)"', blank, text, flags=re.S)
    text = re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)
    return re.sub(r"(?<![\w'])'(?:\\.|[^'\\\n])'", "' '", text)   # C char literals, not SV 'h..


def tokens(text):
    out, line, pos = [], 1, 0
    for m in TOKEN.finditer(text):
        line += text.count("\n", pos, m.start())
        pos = m.start()
        kind, s = m.lastgroup, m.group(0)
        if kind == "op" and s.isspace():
            continue
        out.append((kind if kind != "id" or s not in DELIM else "op", s, line))
    return out


def span(toks, i):
    """The expression around token i: [lo, hi) at i's paren depth, up to a delimiter."""
    lo, d = i, 0
    while lo > 0:
        k, s, _ = toks[lo - 1]
        if s in CLOSE:
            d += 1
        elif s in OPEN:
            if d == 0:
                break
            d -= 1
        elif d == 0 and (s in DELIM or (k == "id" and s in DELIM)):
            break
        lo -= 1
    hi, d = i + 1, 0
    while hi < len(toks):
        k, s, _ = toks[hi]
        if s in OPEN:
            d += 1
        elif s in CLOSE:
            if d == 0:
                break
            d -= 1
        elif d == 0 and s in DELIM:
            break
        hi += 1
    return lo, hi


def terms(toks, lo, hi):
    """Split [lo, hi) at depth-0 + - | into terms (lists of token indices)."""
    out, cur, d = [], [], 0
    for j in range(lo, hi):
        s = toks[j][1]
        if s in OPEN:
            d += 1
        elif s in CLOSE:
            d -= 1
        if d == 0 and s in ADD:
            out.append(cur)
            cur = []
        else:
            cur.append(j)
    out.append(cur)
    return [t for t in out if t]


def factors(toks, term):
    """A term's depth-0 factors (split at *), each a list of token indices."""
    out, cur, d = [], [], 0
    for j in term:
        s = toks[j][1]
        if s in OPEN:
            d += 1
        elif s in CLOSE:
            d -= 1
        if d == 0 and s == "*":
            out.append(cur)
            cur = []
        else:
            cur.append(j)
    out.append(cur)
    return out


def ids(toks, idx):
    return [toks[j][1] for j in idx if toks[j][0] == "id"]


def is_base(name):
    return bool(BASE.match(name)) and not NOT_BASE.match(name)


def literals_in(toks, lo, hi):
    """The literal offsets and hand-written strides of the expression [lo, hi)."""
    found = []
    for t in terms(toks, lo, hi):
        if toks[t[0]][0] == "cast":
            if len(t) > 2 and toks[t[1]][1] == "(" and toks[t[-1]][1] == ")":
                found += literals_in(toks, t[2], t[-1])   # SV 32'(4 * w): the cast's expression
                continue
            t = t[1:]
        if len(t) == 1 and toks[t[0]][0] == "num":
            v = value(toks[t[0]][1])
            if v is None or v % 4 == 0:   # not word-aligned: a byte within a register, no offset
                found.append((t[0], "offset"))
            continue
        fs = factors(toks, t)
        if len(fs) < 2:
            continue
        lits = [f[-1] for f in fs if len(f) == 1 and toks[f[0]][0] == "num"
                or len(f) == 2 and toks[f[0]][0] == "cast" and toks[f[1]][0] == "num"]
        if not lits:
            continue
        others = [f for f in fs if not (len(f) == 1 and toks[f[0]][0] == "num")]
        if any(STRIDE_NAME.search(n) for f in others for n in ids(toks, f)):
            continue   # a described stride times an index
        found.append((lits[0], "stride"))
    return found


def value(s):
    s = s.replace("_", "").replace("'", "").rstrip("uUlL").strip()
    m = re.match(r"^\d*\s*[sS]?([hHdDbBoO])(.*)$", s) if not s.lower().startswith("0x") and not s.isdigit() else None
    if m:
        try:
            return int(m.group(2), {"h": 16, "d": 10, "b": 2, "o": 8}[m.group(1).lower()])
        except ValueError:
            return None
    try:
        return int(s, 0) if not re.match(r"^0\d", s) else int(s, 10)
    except ValueError:
        return None


def check_text(name, text, hints=None):
    toks = tokens(strip(text, python=name.endswith(".py")))
    hits = {}
    done = set()
    regs = hints.get("regs", set()) if hints else set()
    for i, (k, s, _) in enumerate(toks):
        if k == "id" and (is_base(s) or s in regs or s.endswith("_OFFSET")):
            lo, hi = span(toks, i)
            if (lo, hi) in done:
                continue
            done.add((lo, hi))
            for j, what in literals_in(toks, lo, hi):
                hits.setdefault(j, what)
        elif k == "id" and s in CALLS and i + 1 < len(toks) and toks[i + 1][1] == "(":
            # the address argument of a bus access
            arg, j, d, start = 0, i + 2, 0, i + 2
            want = CALLS[s]
            while j < len(toks):
                t = toks[j][1]
                if t in OPEN:
                    d += 1
                elif t in CLOSE:
                    if d == 0:
                        break
                    d -= 1
                elif t == "," and d == 0:
                    if arg == want:
                        break
                    arg, start = arg + 1, j + 1
                j += 1
            if arg != want or start >= j:
                continue
            names = ids(toks, range(start, j))
            if any(REGNAME.match(n) or n in WEAK_BASE or is_base(n) for n in names):
                for jj, what in literals_in(toks, start, j):
                    hits.setdefault(jj, what)
    if hints and hints.get("names"):
        hits.update(named_constants(toks, hints["names"]))
    out = []
    for j in sorted(hits):
        _, s, line = toks[j]
        what = {"offset": "register offset", "stride": "array stride",
                "named": "register offset (a constant named after the register)"}[hits[j]]
        what += f" {s.strip()} written by hand"
        v = value(s)
        if hints and v is not None and v in hints:
            what += f" (described: {', '.join(sorted(hints[v])[:3])}{', ...' if len(hints[v]) > 3 else ''})"
        out.append((line, what))
    return out


def norm(name):
    return re.sub(r"^k(?=[A-Z])", "", name).replace("_", "").lower()


def named_constants(toks, names):
    """Rule 3: a constant named after a described register, defined as that register's offset
    (kGicrSyncr = 0xC0, kTimerCtl = 0x00): the offset written by hand under another name."""
    found = {}
    for i in range(len(toks) - 2):
        k, s, _ = toks[i]
        if k != "id" or toks[i + 1][1] != "=" or toks[i + 2][0] != "num":
            continue
        if i + 3 < len(toks) and toks[i + 3][1] not in (",", ";", ")", "}"):
            continue   # an expression, not a constant
        if i > 0 and toks[i - 1][1] in (".", "->"):
            continue   # a field assignment
        j = i - 1
        while j >= 0 and toks[j][1] not in (";", "{", "}"):
            j -= 1
        if not {"constexpr", "const", "localparam", "parameter"} & {t[1] for t in toks[j + 1:i]}:
            continue   # a variable, not a constant
        v, n = value(toks[i + 2][1]), norm(s)
        if v is None:
            continue
        for reg, off in names:
            if off == v and len(reg) >= 4 and reg in n:
                found[i + 2] = "named"
                break
    return found


def load_hints(gen):
    """Values -> described offset/stride/size macro names, and (register name, offset) pairs."""
    hints, names, regnames = {}, set(), set()
    for path in glob.glob(os.path.join(gen, "*_regs.h")):
        block = os.path.basename(path)[:-len("_regs.h")].upper()
        with open(path, encoding="utf-8") as f:
            text = f.read()
            regs = set(re.findall(r"#define (\w+)_RESET ", text))   # registers, not regfiles
            regnames |= {(block, r[len(block) + 1:]) for r in regs}
            for m in re.finditer(r"#define (\w+_(?:OFFSET|STRIDE|SIZE)) 0x([0-9A-F]+)u", text):
                v = int(m.group(2), 16)
                hints.setdefault(v, set()).add(m.group(1))
                if m.group(1).endswith("_OFFSET") and m.group(1)[:-len("_OFFSET")] in regs:
                    names.add((norm(m.group(1)[len(block) + 1:-len("_OFFSET")]), v))
    hints["names"] = sorted(names)
    # register offsets by name: the generated ones and Linux's GICD_/GICR_ names of the same registers
    hints["regs"] = {f"GICD_{n[1]}" for n in regnames if n[0] == "GIC_DIST"} | \
                    {f"GICR_{n[1]}" for n in regnames if n[0] == "GIC_REDIST"} | \
                    {f"GICR_{n[1][4:]}" for n in regnames if n[0] == "GIC_REDIST" and n[1].startswith("SGI_")}
    return hints


SAMPLES = {
    # (file name, text, findings expected)
    "harness.cpp": ("uint32_t a = gicr_frame(pe) + 0x10000 + 0x100;\n"            # 2
                    "ok = read32(gicd + 0x0084);\n"                                  # 1
                    "bus.write32(x + 4 * w + 0x420, v);  // 0x10 in a comment\n"     # 0: x names nothing
                    "wr32(GICD_IPRIORITYR + 4 * w + 0x20, v);\n"                     # 2
                    "rd64(s().soc().inta_base + 0x08);\n"                            # 1
                    "v = params().gicd_base | 0x10;\n"                               # 1
                    "wr32(kGicd + GICD_IROUTER + 8 * intid, 1);\n"                   # 1: stride
                    "writel(1, base + 0x14);\n", 9),                                 # 1
    "clean.cpp": ("irq_get_irq_data(base + 3);\n"                                    # an IRQ base
                  "d.read32(b + 12); read32(addr + 4); read32(0x20000000);\n"
                  "sim_->run(params().num_spis + 16);\n"
                  "wr64(kGicd + GIC_DIST_IROUTER_OFFSET + GIC_DIST_IROUTER_STRIDE * 40, 1);\n"
                  "uint32_t w = gicr(pe) + kSgiBase + GICR_IGROUPR0;\n"
                  "x = irq_base + 5; printf(\"gicd + 0x84\");\n"
                  "uint8_t prot = 0x2; EXPECT_EQ(rd32(gicd + GICD_CTLR) & 0x80000000u, 0u);\n", 0),
    "stim_tb.sv": ("axi_write(GICD + 32'h0084, 32'hFFFF_FFFF);  // IGROUPR1\n"       # 1
                   "axi_write(GICR + 32'(pe) * 32'h2_0000 + 32'h14, 32'h0);\n"       # 2
                   "axi_write(GICD + GIC_DIST_CTLR_OFFSET, 32'h2);\n"
                   "for (int w = 0; w < 8; w++) axi_write(GICD + 'h420 + 32'(4 * w), 0);\n", 5),  # 2
    "cocotb.py": ("waker = GICR + pe * GICR_STRIDE + 0x14\n"                        # 1
                  "await axil.write_dword(GICD + 0x0084, 0xFFFF_FFFF)  # IGROUPR1 + 0x4\n"   # 1
                  "await axil.write_dword(GICD + 0x6000 + 8 * (FIRST_SPI + line), 0)\n"     # 2
                  "s = \"GICD + 0x10\"\n", 4),
}


# with descriptions (--gen): constants named after a register, Linux's names of GIC registers
HINTS = {"names": [("timerctl", 0), ("syncr", 0xC0)], "regs": {"GICD_ICFGR", "GICR_TYPER"}}
SAMPLES_GEN = {
    "named.cpp": ("constexpr uint32_t kTimerCtl = 0x00, kGicrSyncr = 0xC0;\n"              # 2
                  "static constexpr uint32_t kGicrSyncrBusy = 0x1; uint32_t timer_ctl = 0;\n"
                  "a = D + GICD_ICFGR + 8; b = rd(rdb + GICR_TYPER + 4);\n"                # 2
                  "c = GIC_DIST_IROUTER_OFFSET + 8 * 40; d = GICD_CTLR_RWP | 0x2;\n", 5),  # 1
}


def self_test():
    ok = True
    for name, (text, want) in list(SAMPLES.items()) + [(n, t) for n, t in SAMPLES_GEN.items()]:
        got = check_text(name, text, HINTS if name in SAMPLES_GEN else None)
        if len(got) != want:
            ok = False
            print(f"self-test {name}: expected {want} finding(s), found {len(got)}: {got}")
    print("self-test passed" if ok else "self-test FAILED")
    return 0 if ok else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    ap.add_argument("--gen", help="the generated headers (<build>/rdl), for hints")
    ap.add_argument("--self-test", action="store_true")
    a = ap.parse_args()
    if a.self_test:
        return self_test()
    hints = load_hints(a.gen) if a.gen else None
    exempt_files = {p for p, t, _ in EXEMPT if t is None}
    exempt_lines = [(p, t) for p, t, _ in EXEMPT if t is not None]
    found, scanned = [], 0
    for pattern in GLOBS:
        for path in sorted(glob.glob(os.path.join(a.root, pattern), recursive=True)):
            rel = os.path.relpath(path, a.root)
            if rel in exempt_files or "/fuzz/regressions" in rel:
                continue
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            raw = text.splitlines()
            scanned += 1
            for line, what in check_text(rel, text, hints):
                src = raw[line - 1] if line <= len(raw) else ""
                if any(p == rel and t in src for p, t in exempt_lines):
                    continue
                found.append(f"{rel}:{line}: {what}: {src.strip()}")
    for h in found:
        print(h)
    if found:
        print(f"{len(found)} register offset(s)/stride(s) written by hand: take them from the generated "
              "<block>_regs.h / _regs_pkg.sv (see scripts/rdl/check-offset-literals.py)")
        return 1
    if scanned < 50:   # the globs found (almost) nothing: the check would prove nothing
        print(f"check-offset-literals: only {scanned} files scanned under {a.root}")
        return 2
    print(f"ok: no register offset or stride written by hand in {scanned} files of sim/, tb/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
