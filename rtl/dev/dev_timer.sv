// dev_timer: per-CPU countdown timers raising a PPI (level).
//
// Timer t has registers CTL (enable, periodic, status: write 1 to clear), LOAD
// (reload value; writing LOAD also sets COUNT = LOAD) and COUNT (RO) at offset
// 0x100 * t (dev_timer.rdl; offsets and fields from the generated dev_timer_regs_pkg).
// While enabled and COUNT != 0, COUNT decrements every cycle. When it goes
// 1 -> 0 the status bit is set and, if periodic, COUNT reloads from LOAD
// (so the period is LOAD cycles). Setting enable while COUNT == 0 restarts
// the timer from LOAD. timer_ppi[t] = status & enable.
// Waveforms show this block through its ports in the parent; its internals get
// no trace code unless IRQSIM_TRACE_INTERNALS is defined, because Verilator
// compares every signal with trace code at every dump (the cost of all traces).
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module dev_timer #(
  parameter int NUM_TIMERS    = 4,
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic                  clk,
  input  logic                  rst_n,
  input  logic                  req,
  input  logic                  we,
  input  logic [15:0]           addr,
  input  logic [31:0]           wdata,
  input  logic [3:0]            wstrb,
  input  logic                  ns,
  output logic                  ack,
  output logic [31:0]           rdata,
  output logic [1:0]            resp,
  output logic [NUM_TIMERS-1:0] timer_ppi
);

  logic [NUM_TIMERS-1:0]    en_q, per_q, st_q;
  logic [NUM_TIMERS*32-1:0] load_q, cnt_q;

  assign timer_ppi = st_q & en_q;

  // offsets and fields from dev_timer.rdl, named with the package: yosys reads no `import`
  localparam logic [7:0] O_CTL   = dev_timer_regs_pkg::TIMER_CTL_OFFSET[7:0];
  localparam logic [7:0] O_LOAD  = dev_timer_regs_pkg::TIMER_LOAD_OFFSET[7:0];
  localparam logic [7:0] O_COUNT = dev_timer_regs_pkg::TIMER_COUNT_OFFSET[7:0];
  localparam int         F_EN    = dev_timer_regs_pkg::TIMER_CTL_ENABLE_LSB;
  localparam int         F_PER   = dev_timer_regs_pkg::TIMER_CTL_PERIODIC_LSB;
  localparam int         F_ST    = dev_timer_regs_pkg::TIMER_CTL_STATUS_LSB;

  logic acc_now;
  int   t;
  logic t_ok;
  assign acc_now = req && !ack;
  assign t       = 32'(addr[15:8]);
  assign t_ok    = (t < NUM_TIMERS);

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      ack    <= 1'b0;
      rdata  <= 32'h0;
      resp   <= 2'b00;
      en_q   <= '0;
      per_q  <= '0;
      st_q   <= '0;
      load_q <= '0;
      cnt_q  <= '0;
    end else begin
      if (|en_q) begin
        for (int i = 0; i < NUM_TIMERS; i++) begin
          if (en_q[i] && cnt_q[i*32 +: 32] != 32'h0) begin
            if (cnt_q[i*32 +: 32] == 32'h1) begin
              st_q[i]          <= 1'b1;
              cnt_q[i*32 +: 32] <= per_q[i] ? load_q[i*32 +: 32] : 32'h0;
            end else begin
              cnt_q[i*32 +: 32] <= cnt_q[i*32 +: 32] - 32'h1;
            end
          end
        end
      end

      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        if (t_ok) begin
          if (we) begin
            case (addr[7:0])
              O_CTL: begin
                en_q[t]  <= wdata[F_EN];
                per_q[t] <= wdata[F_PER];
                if (wdata[F_ST]) st_q[t] <= 1'b0;
                if (wdata[F_EN] && !en_q[t] && cnt_q[t*32 +: 32] == 32'h0)
                  cnt_q[t*32 +: 32] <= load_q[t*32 +: 32];
              end
              O_LOAD: begin
                load_q[t*32 +: 32] <= wdata;
                cnt_q[t*32 +: 32]  <= wdata;
              end
              default: ;
            endcase
          end else begin
            case (addr[7:0])
              O_CTL: begin
                rdata[F_EN]  <= en_q[t];
                rdata[F_PER] <= per_q[t];
                rdata[F_ST]  <= st_q[t];
              end
              O_LOAD:  rdata <= load_q[t*32 +: 32];
              O_COUNT: rdata <= cnt_q[t*32 +: 32];
              default: rdata <= 32'h0;
            endcase
          end
        end
      end
    end
  end

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we && wstrb != 4'hF)
      $error("TIMER: byte/halfword access (wstrb=%b) to word-only register at offset 0x%03h", wstrb, addr);
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT};
`endif

  logic unused_timer;
  assign unused_timer = ^{ns, wstrb};

endmodule
