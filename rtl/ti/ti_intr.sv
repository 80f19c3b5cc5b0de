// ti_intr: TI K3-style interrupt router (INTR).
//
// NUM_INPUTS input lines -> NUM_OUTPUTS output lines. One MUXCNTL register per
// output selects the input that drives it; PID identifies the block (registers:
// ti_intr.rdl, offsets and fields from the generated ti_intr_regs_pkg).
// out[n] = INT_ENABLE[n] & in[select[n]] (level router), registered (1 cycle).
// Writes are secure-only: a non-secure write (ns = AxPROT[1] = 1) answers
// SLVERR and changes nothing. Reads are allowed from both worlds.
// MUXCNTL of outputs >= NUM_OUTPUTS and unknown offsets are RAZ/WI.
// A select >= NUM_INPUTS keeps the output low (and is reported by the checker).
module ti_intr #(
  parameter int NUM_INPUTS    = 32,
  parameter int NUM_OUTPUTS   = 32,
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic                   clk,
  input  logic                   rst_n,
  // register interface (offset within the 4 KB window)
  input  logic                   req,
  input  logic                   we,
  input  logic [11:0]            addr,
  input  logic [31:0]            wdata,
  input  logic [3:0]             wstrb,
  input  logic                   ns,
  output logic                   ack,
  output logic [31:0]            rdata,
  output logic [1:0]             resp,
  // interrupt lines
  input  logic [NUM_INPUTS-1:0]  in,
  output logic [NUM_OUTPUTS-1:0] out
);

  // offsets and fields from ti_intr.rdl, named with the package: yosys reads no `import`
  localparam logic [9:0]  A_PID  = ti_intr_regs_pkg::PID_OFFSET[11:2];      // word addresses
  localparam logic [9:0]  A_MUX  = ti_intr_regs_pkg::MUXCNTL_OFFSET[11:2];
  localparam int          MSTEP  = ti_intr_regs_pkg::MUXCNTL_STRIDE / 4;
  localparam int          SEL    = ti_intr_regs_pkg::MUXCNTL_SELECT_LSB;
  localparam int          SELW   = ti_intr_regs_pkg::MUXCNTL_SELECT_WIDTH;
  localparam int          ENB    = ti_intr_regs_pkg::MUXCNTL_INT_ENABLE_LSB;
  localparam logic [31:0] PID    = (ti_intr_regs_pkg::PID_RESET & ~ti_intr_regs_pkg::PID_OUTPUTS_MASK) |
                                   (32'(NUM_OUTPUTS) << ti_intr_regs_pkg::PID_OUTPUTS_LSB);
  localparam int          IW     = (NUM_INPUTS > 1) ? $clog2(NUM_INPUTS) : 1;

  // inputs padded to a power of two so that every select index is in range
  logic [(1 << IW)-1:0] in_pad;
  if ((1 << IW) > NUM_INPUTS) begin : g_pad
    assign in_pad = {{((1 << IW) - NUM_INPUTS){1'b0}}, in};
  end else begin : g_nopad
    assign in_pad = in;
  end

  logic [NUM_OUTPUTS*SELW-1:0] sel_q;
  logic [NUM_OUTPUTS-1:0]    en_q;

  logic acc_now;
  logic is_mux;
  int   n;
  assign acc_now = req && !ack;
  assign n       = (32'(addr[11:2]) - 32'(A_MUX)) / MSTEP;
  assign is_mux  = (addr[11:2] >= A_MUX) && (n < NUM_OUTPUTS);

  // ------------------------------------------------------------------ output muxes
  // The outputs are recomputed only in a cycle where an input changed or after a
  // MUXCNTL write (cfg_chg_q); otherwise they already hold the same value.
  logic [NUM_INPUTS-1:0] in_q;       // inputs the outputs were last computed from
  logic                  cfg_chg_q;  // MUXCNTL written at the last edge
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      out       <= '0;
      in_q      <= '0;
      cfg_chg_q <= 1'b0;
    end else begin
      cfg_chg_q <= acc_now && we && !ns && is_mux;
      if (in != in_q || cfg_chg_q) begin
        in_q <= in;
        for (int o = 0; o < NUM_OUTPUTS; o++)
          out[o] <= en_q[o] && (32'(sel_q[o*SELW +: SELW]) < NUM_INPUTS) && in_pad[sel_q[o*SELW +: IW]];
      end
    end
  end

  // ------------------------------------------------------------------ registers
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      ack   <= 1'b0;
      rdata <= 32'h0;
      resp  <= 2'b00;
      sel_q <= '0;
      en_q  <= '0;
    end else begin
      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        if (we) begin
          if (ns) begin
            resp <= 2'b10;                       // secure-only: SLVERR, no change
          end else if (is_mux) begin
            sel_q[n*SELW +: SELW] <= wdata[SEL +: SELW];
            en_q[n]               <= wdata[ENB];
          end
        end else if (addr[11:2] == A_PID) begin
          rdata <= PID;
        end else if (is_mux) begin
          rdata[ENB]         <= en_q[n];
          rdata[SEL +: SELW] <= sel_q[n*SELW +: SELW];
        end
      end
    end
  end

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we && !ns && is_mux) begin
      if (wstrb != 4'hF)
        $error("INTR: byte/halfword write (wstrb=%b) to MUXCNTL at offset 0x%03h", wstrb, addr);
      if (32'(wdata[SEL +: SELW]) >= NUM_INPUTS)
        $error("INTR: MUXCNTL[%0d] input select %0d beyond the %0d inputs", n, wdata[SEL +: SELW], NUM_INPUTS);
    end
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, wstrb};
`endif

  logic unused_intr;
  assign unused_intr = ^{addr[1:0], wdata[31:17], wdata[15:10]};
endmodule
