# irqsim_soc files in dependency order (rtl/soc/soc-files prints them as paths). Lines with
# $IRQSIM_RDL_DIR/ are register packages the build generates from rtl/*/*.rdl.
$IRQSIM_RDL_DIR/irqsim_soc_map_regs_pkg.sv
$IRQSIM_RDL_DIR/gic_dist_regs_pkg.sv
$IRQSIM_RDL_DIR/gic_redist_regs_pkg.sv
$IRQSIM_RDL_DIR/gic_cpuif_regs_pkg.sv
$IRQSIM_RDL_DIR/dev_timer_regs_pkg.sv
$IRQSIM_RDL_DIR/dev_dma_ring_regs_pkg.sv
$IRQSIM_RDL_DIR/dev_ims_regs_pkg.sv
$IRQSIM_RDL_DIR/ti_intr_regs_pkg.sv
$IRQSIM_RDL_DIR/ti_inta_regs_pkg.sv
rtl/bus/axil_to_reg.sv
rtl/bus/axil_fabric.sv
rtl/gic/gic_dist.sv
rtl/gic/gic_redist.sv
rtl/gic/gic_cpuif.sv
rtl/gic/gic_top.sv
rtl/dev/dev_timer.sv
rtl/dev/dev_dma_ring.sv
rtl/dev/dev_ims.sv
rtl/ti/ti_intr.sv
rtl/ti/ti_inta.sv
rtl/soc/irqsim_soc.sv
