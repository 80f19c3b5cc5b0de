// irq_stim: the comparison stimulus (tb/compare/README.md) in SystemVerilog, as a
// clocked state machine around irqsim_tb_top: no delays and no tasks that wait, so
// no --timing is needed for Verilator (tb/compare/vl_stim_main.cpp drives clk) and
// Icarus runs it under irq_stim_tb.sv's clock generator; both compile this file.
// Init: GICD_CTLR.EnableGrp1 (wait RWP), each CPU's redistributor woken (wait
// ChildrenAsleep = 0) and CPU interface enabled (SRE, PMR 0xF0, EOImode 0,
// IGRPEN1), SPIs 32..63 Group 1, priority 0xA0, edge, routed to CPU line % NUM_CPUS,
// enabled.  Then EVENTS times: pulse line i % 32 for one cycle, wait for irq_out of
// its CPU, read ICC_IAR1 (1023 = spurious: wait again), check the INTID, write
// ICC_EOIR1.  Timing is that of the C++ harness and the cocotb test: inputs change
// at the falling edge, handshakes are sampled at the rising edge (the *_q flops
// below), irq_out is looked at after the edge.  +EVENTS=n (default 1000).  Prints
// one line "irq_stim: ..." and calls $finish.
/* verilator lint_off DECLFILENAME */
module irq_stim #(
    parameter int NUM_CPUS = 4
) (
    input logic clk
);
  localparam int NUM_PES = NUM_CPUS + 1;
  localparam int LINES = 32, FIRST_SPI = 32, IRQ_WAIT = 1000;
  localparam logic [31:0] GICD = irqsim_soc_map_regs_pkg::GICD_BASE, GICR = irqsim_soc_map_regs_pkg::GICR_BASE;
  // system-register keys: the CPU interface's registers sit at byte address key * 8 (gic_cpuif.rdl)
  localparam logic [15:0] ICC_PMR = 16'(gic_cpuif_regs_pkg::PMR_EL1_OFFSET >> 3),
                          ICC_IAR1 = 16'(gic_cpuif_regs_pkg::IAR1_EL1_OFFSET >> 3),
                          ICC_EOIR1 = 16'(gic_cpuif_regs_pkg::EOIR1_EL1_OFFSET >> 3),
                          ICC_CTLR = 16'(gic_cpuif_regs_pkg::CTLR_EL1_OFFSET >> 3),
                          ICC_SRE = 16'(gic_cpuif_regs_pkg::SRE_EL1_OFFSET >> 3),
                          ICC_IGRPEN1 = 16'(gic_cpuif_regs_pkg::IGRPEN1_EL1_OFFSET >> 3);
  localparam logic [23:0] SPURIOUS = 24'd1023;

  logic rst_n = 1'b0;
  logic cpu_awvalid = 0, cpu_awready, cpu_wvalid = 0, cpu_wready, cpu_bvalid, cpu_bready = 0;
  logic [31:0] cpu_awaddr = 0, cpu_wdata = 0, cpu_araddr = 0, cpu_rdata;
  logic [2:0] cpu_awprot = 3'b010, cpu_arprot = 3'b010;
  logic [3:0] cpu_wstrb = 4'hf;
  logic [1:0] cpu_bresp, cpu_rresp;
  logic cpu_arvalid = 0, cpu_arready, cpu_rvalid, cpu_rready = 0;
  logic fw_awready, fw_wready, fw_bvalid, fw_arready, fw_rvalid;
  logic [1:0] fw_bresp, fw_rresp;
  logic [31:0] fw_rdata;
  logic dram_arvalid, dram_rready;
  logic [31:0] dram_araddr;
  logic sysreg_valid = 0, sysreg_write = 0, sysreg_ready, sysreg_error;
  logic [7:0] sysreg_pe = 0;
  logic [15:0] sysreg_key = 0;
  logic [63:0] sysreg_wdata = 0, sysreg_rdata;
  logic [NUM_PES-1:0] irq_out, fiq_out;
  logic [31:0] line_in = 0;
  logic [95:0] mon_spi_pending, mon_spi_active;
  logic [NUM_PES*32-1:0] mon_sgippi_pending;
  logic [15:0] mon_vint_out;
  logic [31:0] mon_intr_out;

  irqsim_tb_top #(.NUM_CPUS(NUM_CPUS)) dut (
    .clk, .rst_n,
    .cpu_awvalid, .cpu_awready, .cpu_awaddr, .cpu_awprot, .cpu_wvalid, .cpu_wready, .cpu_wdata, .cpu_wstrb,
    .cpu_bvalid, .cpu_bready, .cpu_bresp, .cpu_arvalid, .cpu_arready, .cpu_araddr, .cpu_arprot,
    .cpu_rvalid, .cpu_rready, .cpu_rdata, .cpu_rresp,
    .fw_awvalid(1'b0), .fw_awready, .fw_awaddr(32'h0), .fw_awprot(3'h0), .fw_wvalid(1'b0), .fw_wready,
    .fw_wdata(32'h0), .fw_wstrb(4'h0), .fw_bvalid, .fw_bready(1'b0), .fw_bresp,
    .fw_arvalid(1'b0), .fw_arready, .fw_araddr(32'h0), .fw_arprot(3'h0), .fw_rvalid, .fw_rready(1'b0),
    .fw_rdata, .fw_rresp,
    .dram_arvalid, .dram_arready(1'b0), .dram_araddr, .dram_rvalid(1'b0), .dram_rready,
    .dram_rdata(32'h0), .dram_rresp(2'h0),
    .sysreg_valid, .sysreg_pe, .sysreg_write, .sysreg_key, .sysreg_wdata, .sysreg_ready, .sysreg_rdata,
    .sysreg_error,
    .irq_out, .fiq_out, .line_in, .intr_line_in(16'h0),
    .mon_spi_pending, .mon_spi_active, .mon_sgippi_pending, .mon_vint_out, .mon_intr_out,
    .annotation(512'h0), .annotation_seq(32'h0)
  );

  // ---- the init program: register accesses in order ----
  localparam logic [1:0] OP_WRITE = 2'd0,  // AXI write addr <- data
                         OP_POLL = 2'd1,   // AXI read addr until (value & data) == 0
                         OP_SYSREG = 2'd2, // system-register write key (addr) <- data on CPU pe
                         OP_END = 2'd3;
  localparam int PROG_LEN = 2 + 6 * NUM_CPUS + 1 + 8 + 2 + LINES + 1 + 1;
  logic [1:0] prog_op[PROG_LEN];
  logic [31:0] prog_addr[PROG_LEN], prog_data[PROG_LEN];
  logic [7:0] prog_pe[PROG_LEN];
  int events = 1000;

  task automatic put(inout int n, input logic [1:0] op, input logic [31:0] a, input logic [31:0] d,
                     input int pe);
    prog_op[n] = op; prog_addr[n] = a; prog_data[n] = d; prog_pe[n] = 8'(pe);
    n++;
  endtask

  initial begin
    int n;
    logic [31:0] frame;
    n = 0;
    if (!$value$plusargs("EVENTS=%d", events)) events = 1000;
    put(n, OP_WRITE, GICD + gic_dist_regs_pkg::CTLR_OFFSET, gic_dist_regs_pkg::CTLR_ENABLEGRP1_MASK, 0);
    put(n, OP_POLL, GICD + gic_dist_regs_pkg::CTLR_OFFSET, gic_dist_regs_pkg::CTLR_RWP_MASK, 0);
    for (int pe = 0; pe < NUM_CPUS; pe++) begin
      frame = GICR + 32'(pe) * gic_redist_regs_pkg::SIZE;
      put(n, OP_WRITE, frame + gic_redist_regs_pkg::WAKER_OFFSET, 32'h0, pe);  // ProcessorSleep = 0
      put(n, OP_POLL, frame + gic_redist_regs_pkg::WAKER_OFFSET,
          gic_redist_regs_pkg::WAKER_CHILDRENASLEEP_MASK, pe);
      put(n, OP_SYSREG, 32'(ICC_SRE), 32'h7, pe);
      put(n, OP_SYSREG, 32'(ICC_PMR), 32'hF0, pe);
      put(n, OP_SYSREG, 32'(ICC_CTLR), 32'h0, pe);
      put(n, OP_SYSREG, 32'(ICC_IGRPEN1), 32'h1, pe);
    end
    // INTIDs 32..63: the first register of each SPI array
    put(n, OP_WRITE, GICD + gic_dist_regs_pkg::IGROUPR_SPI_OFFSET, 32'hFFFF_FFFF, 0);  // Group 1
    for (int w = 0; w < 8; w++)
      put(n, OP_WRITE, GICD + gic_dist_regs_pkg::IPRIORITYR_SPI_OFFSET + w * gic_dist_regs_pkg::IPRIORITYR_SPI_STRIDE,
          32'hA0A0_A0A0, 0);
    for (int w = 0; w < 2; w++)  // edge
      put(n, OP_WRITE, GICD + gic_dist_regs_pkg::ICFGR_SPI_OFFSET + w * gic_dist_regs_pkg::ICFGR_SPI_STRIDE,
          32'hAAAA_AAAA, 0);
    for (int l = 0; l < LINES; l++)
      put(n, OP_WRITE, GICD + gic_dist_regs_pkg::IROUTER_SPI_OFFSET + l * gic_dist_regs_pkg::IROUTER_SPI_STRIDE,
          32'(l % NUM_CPUS), 0);
    put(n, OP_WRITE, GICD + gic_dist_regs_pkg::ISENABLER_SPI_OFFSET, 32'hFFFF_FFFF, 0);
    put(n, OP_END, 32'h0, 32'h0, 0);
  end

  // ---- what the rising edge saw (the SoC's outputs before it) ----
  logic awready_q, wready_q, bvalid_q, arready_q, rvalid_q, sysreg_ready_q, sysreg_error_q;
  logic [1:0] bresp_q;
  logic [31:0] rdata_q;
  logic [63:0] sysreg_rdata_q;
  longint unsigned cycle = 0;
  always @(posedge clk) begin
    awready_q <= cpu_awready; wready_q <= cpu_wready; bvalid_q <= cpu_bvalid; bresp_q <= cpu_bresp;
    arready_q <= cpu_arready; rvalid_q <= cpu_rvalid; rdata_q <= cpu_rdata;
    sysreg_ready_q <= sysreg_ready; sysreg_error_q <= sysreg_error; sysreg_rdata_q <= sysreg_rdata;
    cycle <= cycle + 1;
  end

  // ---- the state machine: one step per falling edge ----
  localparam logic [2:0] S_RESET = 3'd0, S_AXI_W = 3'd1, S_AXI_R = 3'd2, S_SYSREG = 3'd3, S_PULSE = 3'd4,
                         S_WAIT = 3'd5, S_DONE = 3'd6;
  logic [2:0] state = S_RESET;
  logic in_loop = 0;       // past init: the sysreg accesses are the handler's
  logic aw_done, w_done;
  int pc = 0, resets = 0, i = 0, n_wait = 0, errors = 0, delivered = 0, spurious = 0;
  int line = 0, pe = 0;
  longint unsigned c0 = 0;

  task automatic sysreg_start(input logic we, input int p, input logic [15:0] key, input logic [63:0] wd);
    sysreg_valid = 1; sysreg_write = we; sysreg_pe = 8'(p); sysreg_key = key; sysreg_wdata = wd;
    state = S_SYSREG;
  endtask

  task automatic end_run;
    $display("irq_stim: delivered %0d spurious %0d cycles %0d init_cycles %0d errors %0d",
             delivered, spurious, cycle - c0, c0, errors);
    state = S_DONE;
    $finish;
  endtask

  // the next event's pulse, or the end
  task automatic next_event;
    if (i < events && errors == 0) begin
      line = i % LINES;
      pe = line % NUM_CPUS;
      line_in[line] = 1;
      state = S_PULSE;
    end else begin
      end_run();
    end
  endtask

  // the handler's wait for irq_out (its value after the last rising edge)
  task automatic check_irq;
    if (irq_out[pe]) begin
      sysreg_start(0, pe, ICC_IAR1, 64'h0);
    end else if (n_wait >= IRQ_WAIT) begin
      errors++; $display("irq_stim: no irq_out[%0d] for INTID %0d", pe, FIRST_SPI + line);
      end_run();
    end else begin
      state = S_WAIT;
    end
  endtask

  task automatic issue;
    case (prog_op[pc])
      OP_WRITE: begin
        cpu_awaddr = prog_addr[pc]; cpu_wdata = prog_data[pc];
        cpu_awvalid = 1; cpu_wvalid = 1; cpu_bready = 1; aw_done = 0; w_done = 0;
        state = S_AXI_W;
      end
      OP_POLL: begin
        cpu_araddr = prog_addr[pc]; cpu_arvalid = 1; cpu_rready = 1;
        state = S_AXI_R;
      end
      OP_SYSREG: sysreg_start(1, int'(prog_pe[pc]), prog_addr[pc][15:0], 64'(prog_data[pc]));
      default: begin  // OP_END: the handler loop starts
        in_loop = 1;
        c0 = cycle;
        next_event();
      end
    endcase
  endtask

  always @(negedge clk) begin
    case (state)
      S_RESET: begin
        resets++;
        if (resets == 8) rst_n = 1;
        if (resets == 9) issue();
      end
      S_AXI_W: begin
        if (cpu_awvalid && awready_q) aw_done = 1;
        if (cpu_wvalid && wready_q) w_done = 1;
        if (aw_done) cpu_awvalid = 0;
        if (w_done) cpu_wvalid = 0;
        if (bvalid_q) begin
          cpu_bready = 0;
          if (bresp_q != 0) begin errors++; $display("irq_stim: write %h: bresp %0d", prog_addr[pc], bresp_q); end
          pc++;
          issue();
        end
      end
      S_AXI_R: begin
        if (cpu_arvalid && arready_q) cpu_arvalid = 0;
        if (rvalid_q) begin
          cpu_rready = 0;
          if ((rdata_q & prog_data[pc]) == 0) pc++;
          issue();
        end
      end
      S_SYSREG: begin
        if (sysreg_ready_q) begin
          sysreg_valid = 0; sysreg_write = 0;
          if (sysreg_error_q) begin
            errors++; $display("irq_stim: sysreg %h on pe %0d refused", sysreg_key, sysreg_pe);
          end
          if (!in_loop) begin
            pc++;
            issue();
          end else if (sysreg_key == ICC_IAR1) begin
            if (sysreg_rdata_q[23:0] == SPURIOUS) begin
              spurious++;
              n_wait = 0;
              check_irq();
            end else begin
              if (sysreg_rdata_q[23:0] != 24'(FIRST_SPI + line)) begin
                errors++; $display("irq_stim: IAR1 %0d, expected %0d", sysreg_rdata_q[23:0], FIRST_SPI + line);
              end
              sysreg_start(1, pe, ICC_EOIR1, 64'(sysreg_rdata_q[23:0]));
              delivered++;
            end
          end else begin  // EOIR1 written
            i++;
            next_event();
          end
        end
      end
      S_PULSE: begin
        line_in[line] = 0;
        n_wait = 0;
        check_irq();
      end
      S_WAIT: begin
        n_wait++;
        check_irq();
      end
      default: ;
    endcase
  end
endmodule
/* verilator lint_on DECLFILENAME */
