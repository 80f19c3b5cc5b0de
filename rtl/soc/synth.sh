#!/bin/sh
# yosys synthesis check. Usage:
#   rtl/soc/synth.sh            each block alone + irqsim_soc with default parameters
#   rtl/soc/synth.sh top [-set NAME VALUE ...]   only the top, with parameter overrides (yosys chparam)
#   rtl/soc/synth.sh BLOCK      one block (axil_to_reg axil_fabric gic_dist gic_redist
#                               gic_cpuif gic_top dev_timer dev_dma_ring dev_ims ti_intr ti_inta irqsim_soc
#                               irqsim_soc_small)
# irqsim_soc_small is the top at 1 CPU with small counts: every block instantiated
# and wired, ~1/3 of the default top's yosys time (91 vs 283 CPU-seconds). The blocks
# are each synthesized at their default sizes, so ctest checks those and the small
# top; the default top (4 CPUs: five redistributors, ~2 GB) is `synth.sh irqsim_soc`.
# Prints "synth ok: NAME cells=N seconds=S" per run; exit status != 0 on any error.
# Environment: YOSYS (default yosys), SYNTH_OUT (log dir, default /tmp/irqsim_synth),
# IRQSIM_RDL_DIR (the generated register packages, default build/rdl).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
YS=${YOSYS:-yosys}
OUT=${SYNTH_OUT:-/tmp/irqsim_synth}
mkdir -p "$OUT"
# the register packages generated from rtl/*/*.rdl: in IRQSIM_RDL_DIR (rtl/soc/soc-files)
RDL=${IRQSIM_RDL_DIR:-$ROOT/build/rdl}
export IRQSIM_RDL_DIR="$RDL"
ALL=$(sh rtl/soc/soc-files) || exit 2
ALL=$(echo $ALL)
fail=0
synth() {
  top=$1; shift
  files=$1; shift
  tag=$top
  cmd="read_verilog -sv $files;"
  if [ $# -gt 0 ]; then
    tag=$top$(echo "$*" | tr -c 'A-Za-z0-9\n' '_')
    cmd="$cmd chparam $* $top;"
  fi
  t0=$(date +%s)
  if "$YS" -q -l "$OUT/$tag.log" -p "$cmd synth -top $top; tee -o $OUT/$tag.stat stat" >/dev/null 2>&1; then
    t1=$(date +%s)
    # total of the hierarchy when there are submodules, else the single module
    cells=$(awk '/=== design hierarchy ===/{h=1} /Number of cells/{n=$NF; if(h){print n; exit}} END{if(!h) print n}' "$OUT/$tag.stat" | tail -1)
    cpu=$(grep -a -o 'CPU: user [0-9.]*s' "$OUT/$tag.log" | tail -1 | awk '{print $3}')
    echo "synth ok: $top $* cells=$cells seconds=$((t1 - t0)) cpu=$cpu"
  else
    echo "SYNTH FAIL: $top $* (see $OUT/$tag.log)"; grep -i error "$OUT/$tag.log" | head -5; fail=1
  fi
}
block() {
  case $1 in
    axil_to_reg) synth axil_to_reg rtl/bus/axil_to_reg.sv ;;
    axil_fabric) synth axil_fabric rtl/bus/axil_fabric.sv ;;
    gic_dist)    synth gic_dist "$RDL/gic_dist_regs_pkg.sv rtl/gic/gic_dist.sv" ;;
    gic_redist)  synth gic_redist "$RDL/gic_redist_regs_pkg.sv rtl/gic/gic_redist.sv" ;;
    gic_cpuif)   synth gic_cpuif "$RDL/gic_cpuif_regs_pkg.sv rtl/gic/gic_cpuif.sv" ;;
    gic_top)     synth gic_top "$RDL/gic_dist_regs_pkg.sv $RDL/gic_redist_regs_pkg.sv $RDL/gic_cpuif_regs_pkg.sv rtl/gic/gic_dist.sv rtl/gic/gic_redist.sv rtl/gic/gic_cpuif.sv rtl/gic/gic_top.sv" ;;
    dev_timer)   synth dev_timer "$RDL/dev_timer_regs_pkg.sv rtl/dev/dev_timer.sv" ;;
    dev_dma_ring) synth dev_dma_ring "$RDL/dev_dma_ring_regs_pkg.sv rtl/dev/dev_dma_ring.sv" ;;
    dev_ims)     synth dev_ims "$RDL/dev_ims_regs_pkg.sv rtl/dev/dev_ims.sv" ;;
    ti_intr)     synth ti_intr "$RDL/ti_intr_regs_pkg.sv rtl/ti/ti_intr.sv" ;;
    ti_inta)     synth ti_inta "$RDL/ti_inta_regs_pkg.sv rtl/ti/ti_inta.sv" ;;
    irqsim_soc)  synth irqsim_soc "$ALL" ;;
    irqsim_soc_small)
      synth irqsim_soc "$ALL" -set NUM_CPUS 1 -set NUM_SPIS 64 -set NUM_LINES 8 -set NUM_INTR_LINES 4 \
        -set NUM_VINTS 4 -set NUM_INTR_OUT 8 -set NUM_EVENTS 64 -set NUM_RINGS 4 -set NUM_IMS_SLOTS 4 ;;
    *) echo "unknown block $1"; exit 2 ;;
  esac
}
if [ $# -eq 0 ]; then
  for b in axil_to_reg axil_fabric gic_dist gic_redist gic_cpuif dev_timer dev_dma_ring dev_ims ti_intr ti_inta irqsim_soc; do block $b; done
elif [ "$1" = top ]; then
  shift; synth irqsim_soc "$ALL" "$@"
else
  for b in "$@"; do block $b; done
fi
exit $fail
