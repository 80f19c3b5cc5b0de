// irq_stim_tb: irq_stim.sv under a clock generated in SystemVerilog, the only
// delay of the comparison stimulus (Icarus's top; Verilator's is irq_stim itself,
// clocked from C++ by vl_stim_main.cpp).
/* verilator lint_off DECLFILENAME */
module irq_stim_tb;
  logic clk = 1'b0;
  always #1 clk = ~clk;
  irq_stim #(.NUM_CPUS(4)) u_stim (.clk);
endmodule
/* verilator lint_on DECLFILENAME */
