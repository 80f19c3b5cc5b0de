// irq_stim_tb: the comparison stimulus in SystemVerilog, for Icarus and Verilator
// (--timing) alike; the cocotb test and irqsim-bench --handler-loop do the same
// (tb/compare/README.md).  Init: GICD_CTLR.EnableGrp1, each CPU's redistributor
// woken and CPU interface enabled (SRE, PMR 0xF0, EOImode 0, IGRPEN1), SPIs 32..63
// Group 1, priority 0xA0, edge, routed to CPU (line % NUM_CPUS), enabled.  Then
// EVENTS times: pulse line i % 32 for one cycle, wait for irq_out of its CPU,
// read ICC_IAR1 (1023 = spurious: wait again), check the INTID, write ICC_EOIR1.
// Inputs are driven at the falling edge and outputs sampled at the rising edge.
// +EVENTS=n (default 1000).  Prints one line: "irq_stim: ..." and $finish.
/* verilator lint_off DECLFILENAME */
module irq_stim_tb;
  localparam int NUM_CPUS = 4;
  localparam int NUM_PES = NUM_CPUS + 1;
  localparam logic [31:0] GICD = irqsim_soc_map_regs_pkg::GICD_BASE, GICR = irqsim_soc_map_regs_pkg::GICR_BASE;
  // system-register keys: op1 << 11 | CRn << 7 | CRm << 3 | op2 (sim/sysreg_port.h)
  localparam logic [15:0] ICC_PMR = 16'h0230, ICC_IAR1 = 16'h0660, ICC_EOIR1 = 16'h0661,
                          ICC_CTLR = 16'h0664, ICC_SRE = 16'h0665, ICC_IGRPEN1 = 16'h0667;

  logic clk = 1'b0, rst_n = 1'b0;
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

  always #1 clk = ~clk;

  longint unsigned cycle = 0;
  always @(posedge clk) cycle <= cycle + 1;

  int errors = 0;

  // every task starts and ends at a falling edge
  task automatic axi_write(input logic [31:0] a, input logic [31:0] d);
    logic aw_done, w_done, b_done;
    aw_done = 0; w_done = 0; b_done = 0;
    cpu_awaddr = a; cpu_awvalid = 1; cpu_wdata = d; cpu_wvalid = 1; cpu_bready = 1;
    while (!b_done) begin
      @(posedge clk);
      if (cpu_awvalid && cpu_awready) aw_done = 1;
      if (cpu_wvalid && cpu_wready) w_done = 1;
      if (cpu_bvalid) begin
        b_done = 1;
        if (cpu_bresp != 0) begin errors++; $display("irq_stim: write %h: bresp %0d", a, cpu_bresp); end
      end
      @(negedge clk);
      if (aw_done) cpu_awvalid = 0;
      if (w_done) cpu_wvalid = 0;
    end
    cpu_bready = 0;
  endtask

  task automatic axi_read(input logic [31:0] a, output logic [31:0] d);
    logic ar_done, r_done;
    ar_done = 0; r_done = 0;
    cpu_araddr = a; cpu_arvalid = 1; cpu_rready = 1;
    while (!r_done) begin
      @(posedge clk);
      if (cpu_arvalid && cpu_arready) ar_done = 1;
      if (cpu_rvalid) begin r_done = 1; d = cpu_rdata; end
      @(negedge clk);
      if (ar_done) cpu_arvalid = 0;
    end
    cpu_rready = 0;
  endtask

  task automatic sysreg(input logic we, input int pe, input logic [15:0] key, input logic [63:0] wd,
                        output logic [63:0] rd);
    logic done;
    done = 0;
    sysreg_valid = 1; sysreg_write = we; sysreg_pe = 8'(pe); sysreg_key = key; sysreg_wdata = wd;
    while (!done) begin
      @(posedge clk);
      if (sysreg_ready) begin
        done = 1; rd = sysreg_rdata;
        if (sysreg_error) begin errors++; $display("irq_stim: sysreg %h on pe %0d refused", key, pe); end
      end
      @(negedge clk);
    end
    sysreg_valid = 0; sysreg_write = 0;
  endtask

  task automatic init;
    logic [31:0] v;
    logic [63:0] rd;
    axi_write(GICD + 32'h0000, 32'h2);                       // GICD_CTLR.EnableGrp1
    do axi_read(GICD + 32'h0000, v); while (v[31]);          // RWP
    for (int pe = 0; pe < NUM_CPUS; pe++) begin
      axi_write(GICR + 32'(pe) * 32'h2_0000 + 32'h14, 32'h0); // GICR_WAKER.ProcessorSleep = 0
      do axi_read(GICR + 32'(pe) * 32'h2_0000 + 32'h14, v); while (v[2]);
      sysreg(1, pe, ICC_SRE, 64'h7, rd);
      sysreg(1, pe, ICC_PMR, 64'hF0, rd);
      sysreg(1, pe, ICC_CTLR, 64'h0, rd);
      sysreg(1, pe, ICC_IGRPEN1, 64'h1, rd);
    end
    axi_write(GICD + 32'h0084, 32'hFFFF_FFFF);               // IGROUPR1: INTIDs 32..63 Group 1
    for (int w = 0; w < 8; w++) axi_write(GICD + 32'h0420 + 32'(4 * w), 32'hA0A0_A0A0); // IPRIORITYR
    axi_write(GICD + 32'h0C08, 32'hAAAA_AAAA);               // ICFGR2/3: edge
    axi_write(GICD + 32'h0C0C, 32'hAAAA_AAAA);
    for (int l = 0; l < 32; l++) axi_write(GICD + 32'h6000 + 32'(8 * (32 + l)), 32'(l % NUM_CPUS)); // IROUTER
    axi_write(GICD + 32'h0104, 32'hFFFF_FFFF);               // ISENABLER1
  endtask

  initial begin
    int events, spurious, delivered;
    longint unsigned c0;
    logic [63:0] iar, rd;
    if (!$value$plusargs("EVENTS=%d", events)) events = 1000;
    spurious = 0; delivered = 0;
    repeat (8) @(negedge clk);
    rst_n = 1;
    @(negedge clk);
    init();
    c0 = cycle;
    for (int i = 0; i < events && errors == 0; i++) begin
      int line, pe, n;
      bit handled;
      line = i % 32;
      pe = line % NUM_CPUS;
      line_in[line] = 1;
      @(negedge clk);
      line_in[line] = 0;
      // the handler: no break/continue (Icarus 11 has neither)
      handled = 0;
      while (!handled && errors == 0) begin
        n = 0;
        while (!irq_out[pe] && n < 1000) begin @(posedge clk); n++; @(negedge clk); end
        if (n >= 1000) begin
          errors++; $display("irq_stim: no irq_out[%0d] for INTID %0d", pe, 32 + line);
        end else begin
          sysreg(0, pe, ICC_IAR1, 64'h0, iar);
          if (iar[23:0] == 24'd1023) spurious++;
          else begin
            if (iar[23:0] != 24'(32 + line)) begin
              errors++; $display("irq_stim: IAR1 %0d, expected %0d", iar[23:0], 32 + line);
            end
            sysreg(1, pe, ICC_EOIR1, 64'(iar[23:0]), rd);
            delivered++;
            handled = 1;
          end
        end
      end
    end
    $display("irq_stim: delivered %0d spurious %0d cycles %0d init_cycles %0d errors %0d",
             delivered, spurious, cycle - c0, c0, errors);
    $finish;
  end
endmodule
/* verilator lint_on DECLFILENAME */
