#!/bin/sh
# Lint every RTL block alone and the top (NUM_CPUS = 1, 4, 16) with
# `verilator --lint-only -Wall`. Any warning fails. Usage: rtl/soc/lint.sh
# (from anywhere). Exit status 0 = clean. The generated register packages are read
# from IRQSIM_RDL_DIR (default build/rdl; ctest sets it to its build's).
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 2
# the register packages generated from rtl/*/*.rdl: in IRQSIM_RDL_DIR (rtl/soc/soc-files)
RDL=${IRQSIM_RDL_DIR:-$ROOT/build/rdl}
export IRQSIM_RDL_DIR="$RDL"
FILES=$(sh rtl/soc/soc-files) || exit 2
VL=${VERILATOR:-verilator}
fail=0
run() {
  name=$1; shift
  out=$("$VL" --lint-only -Wall "$@" 2>&1)
  if [ $? -ne 0 ] || [ -n "$out" ]; then
    echo "LINT FAIL: $name"; echo "$out" | grep "%" | head -20; fail=1
  else
    echo "lint ok: $name"
  fi
}
for n in 1 4 16; do
  run "irqsim_soc NUM_CPUS=$n" --top-module irqsim_soc -GNUM_CPUS=$n $FILES
done
run "irqsim_soc NUM_CPUS=4 HAS_COPROC=0 NUM_SPIS=32 NUM_LINES=32" --top-module irqsim_soc \
    -GNUM_CPUS=4 -GHAS_COPROC=0 -GNUM_SPIS=32 -GNUM_LINES=32 $FILES
run "irqsim_soc NUM_SPIS=256" --top-module irqsim_soc -GNUM_SPIS=256 $FILES
run "irqsim_soc NUM_SPIS=992" --top-module irqsim_soc -GNUM_SPIS=992 $FILES
run "irqsim_soc SYNTHESIS" --top-module irqsim_soc -DSYNTHESIS $FILES
run axil_to_reg rtl/bus/axil_to_reg.sv
run axil_fabric --top-module axil_fabric rtl/bus/axil_fabric.sv
GICPKG="$RDL/gic_dist_regs_pkg.sv $RDL/gic_redist_regs_pkg.sv $RDL/gic_cpuif_regs_pkg.sv"
run gic_dist "$RDL/gic_dist_regs_pkg.sv" rtl/gic/gic_dist.sv
run "gic_dist NUM_SPIS=32 NUM_PES=1" -GNUM_SPIS=32 -GNUM_PES=1 "$RDL/gic_dist_regs_pkg.sv" rtl/gic/gic_dist.sv
run "gic_dist NUM_SPIS=992 NUM_PES=17" -GNUM_SPIS=992 -GNUM_PES=17 "$RDL/gic_dist_regs_pkg.sv" rtl/gic/gic_dist.sv
run gic_redist "$RDL/gic_redist_regs_pkg.sv" rtl/gic/gic_redist.sv
run "gic_redist NUM_PES=18" -GNUM_PES=18 "$RDL/gic_redist_regs_pkg.sv" rtl/gic/gic_redist.sv
run gic_cpuif "$RDL/gic_cpuif_regs_pkg.sv" rtl/gic/gic_cpuif.sv
run gic_top --top-module gic_top $GICPKG rtl/gic/gic_dist.sv rtl/gic/gic_redist.sv rtl/gic/gic_cpuif.sv rtl/gic/gic_top.sv
run dev_timer "$RDL/dev_timer_regs_pkg.sv" rtl/dev/dev_timer.sv
run dev_dma_ring "$RDL/dev_dma_ring_regs_pkg.sv" rtl/dev/dev_dma_ring.sv
run "dev_dma_ring NUM_RINGS=1 LATENCY=1" -GNUM_RINGS=1 -GLATENCY=1 "$RDL/dev_dma_ring_regs_pkg.sv" rtl/dev/dev_dma_ring.sv
run dev_ims "$RDL/dev_ims_regs_pkg.sv" rtl/dev/dev_ims.sv
run "dev_ims NUM_SLOTS=1" -GNUM_SLOTS=1 "$RDL/dev_ims_regs_pkg.sv" rtl/dev/dev_ims.sv
run "dev_ims NUM_SLOTS=240" -GNUM_SLOTS=240 "$RDL/dev_ims_regs_pkg.sv" rtl/dev/dev_ims.sv
run ti_intr "$RDL/ti_intr_regs_pkg.sv" rtl/ti/ti_intr.sv
run "ti_intr NUM_INPUTS=20 NUM_OUTPUTS=7" -GNUM_INPUTS=20 -GNUM_OUTPUTS=7 "$RDL/ti_intr_regs_pkg.sv" rtl/ti/ti_intr.sv
run ti_inta "$RDL/ti_inta_regs_pkg.sv" rtl/ti/ti_inta.sv
run "ti_inta NUM_VINTS=1 NUM_EVENTS=64" -GNUM_VINTS=1 -GNUM_EVENTS=64 "$RDL/ti_inta_regs_pkg.sv" rtl/ti/ti_inta.sv
exit $fail
