rtl/bus/axil_to_reg.sv
rtl/bus/axil_fabric.sv
rtl/gic/gic_dist.sv
rtl/gic/gic_redist.sv
rtl/gic/gic_cpuif.sv
rtl/gic/gic_top.sv
rtl/dev/dev_timer.sv
rtl/soc/irqsim_soc.sv
