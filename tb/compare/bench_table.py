#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The README's benchmark table from one `irqsim-bench --json FILE` run, with the machine.
Usage: tb/compare/bench_table.py FILE > table.md"""
import json
import os
import sys


def si(v, k_digits=0):
    """1.48 M, 164 k (k_digits decimals on thousands), 830"""
    return f"{v / 1e6:.2f} M" if v >= 1e6 else f"{v / 1e3:.{k_digits}f} k" if v >= 1e3 else f"{v:.0f}"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: bench_table.py IRQSIM_BENCH_JSON")
    try:
        rows = json.load(open(sys.argv[1]))
    except (OSError, ValueError) as e:
        print(f"bench_table.py: {sys.argv[1]}: {e}", file=sys.stderr)
        sys.exit(2)
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    repeat = next((r["repeat"] for r in rows if "repeat" in r), "?")
    print(f"Machine: {model}, {os.cpu_count()} cores (shared with other jobs while measured: "
          f"figures are per second of process CPU time, medians of {repeat} runs).\n")
    print("| CPUs | idle cycles/s | cycle cost vs 4 CPUs | spi interrupts/s | spi + moves | dma-ring completions/s "
          "| trace / plain | peak RSS |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        if "idle_cycles_per_cpu_s" not in r:
            continue
        rel = r.get("per_cycle_cost_vs_4cpus")
        print(f"| {r['cpus']} | {si(r['idle_cycles_per_cpu_s'])} | {f'{rel:.2f}x' if rel else '-'} | "
              f"{si(r['spi_irqs_per_cpu_s'])} | "
              f"{si(r['spi_with_moves_irqs_per_cpu_s'])} | {si(r['dma_ring_events_per_cpu_s'])} | "
              f"{r['trace_cost_ratio']:.2f}x | {r['peak_rss_mb']:.0f} MB |")
    dl = [r for r in rows if r.get("scenario") == "lpi" and "lpi_id_bits" in r]
    cost = next((r["per_cycle_cost_ratio_64k_8k"] for r in rows if "per_cycle_cost_ratio_64k_8k" in r), None)
    if dl:
        print("\n" + "; ".join(f"lpi {si(r['lpis'])} LPIs: {si(r['traffic_cycles_per_cpu_s'])} "
                               f"cycles/s (CPU)" for r in dl) + (f"; 64k/8k per-cycle cost {cost:.2f}x" if cost else ""))


if __name__ == "__main__":
    main()
