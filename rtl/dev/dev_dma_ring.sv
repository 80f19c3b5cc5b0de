// dev_dma_ring: DMA-ring device, an event source for the INTA.
//
// One register window (offset from the block base, irqsim: 0x0A40_0000):
//   0x00_0000 + 0x100*r  ring r (non-secure):
//       +0x00 DOORBELL  (W: post N = wdata descriptors; reads 0)
//       +0x04 COMPLETED (RO: completions so far, wraps)
//       +0x08 PENDING   (RO: descriptors not yet completed)
//   0x10_0000 + 4*r      RING_EVENT[r] (secure-only writes, SLVERR otherwise):
//       [15:0] global event, [31] enable
// While PENDING != 0 a ring completes one descriptor every LATENCY cycles (the
// first LATENCY cycles after the doorbell). A completion of an enabled ring owes
// one event; owed events leave on the event port (valid/ready + id), one per
// cycle at most, rings served round robin, held while !ready: none is dropped.
// A ring whose owed-event counter is full stalls its next completion.
// Rings >= NUM_RINGS and unknown offsets: reads 0 / writes ignored, OKAY.
module dev_dma_ring #(
  parameter int NUM_RINGS     = 32,
  parameter int LATENCY       = 40,
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic        clk,
  input  logic        rst_n,
  // register interface (offset within the 2 MB window)
  input  logic        req,
  input  logic        we,
  input  logic [20:0] addr,
  input  logic [31:0] wdata,
  input  logic [3:0]  wstrb,
  input  logic        ns,
  output logic        ack,
  output logic [31:0] rdata,
  output logic [1:0]  resp,
  // event port to the INTA
  output logic        ev_valid,
  input  logic        ev_ready,
  output logic [15:0] ev_id
);

  localparam int RW = (NUM_RINGS > 1) ? $clog2(NUM_RINGS) : 1;
  localparam int LW = (LATENCY > 1) ? $clog2(LATENCY + 1) : 1;
  localparam int OW = 4;                       // owed-event counter width per ring

  logic [31:0]          pend_q [NUM_RINGS];
  logic [31:0]          done_q [NUM_RINGS];
  logic [LW-1:0]        cnt_q  [NUM_RINGS];
  logic [OW-1:0]        owed_q [NUM_RINGS];
  logic [15:0]          evt_q  [NUM_RINGS];
  logic [NUM_RINGS-1:0] evt_en_q;
  logic [RW-1:0]        last_q;                // ring served last

  // ------------------------------------------------------------------ decode
  logic          acc_now, is_cfg, r_ok, c_ok, db_wr, cfg_wr;
  logic [RW-1:0] r_idx, c_idx;
  int            r, c;
  assign acc_now = req && !ack;
  assign is_cfg  = addr[20];
  assign r       = 32'(addr[19:8]);
  assign c       = 32'(addr[19:2]);
  assign r_ok    = !is_cfg && (r < NUM_RINGS);
  assign c_ok    = is_cfg && (c < NUM_RINGS);
  assign r_idx   = r_ok ? addr[8 +: RW] : '0;
  assign c_idx   = c_ok ? addr[2 +: RW] : '0;
  assign db_wr   = acc_now && we && r_ok && addr[7:0] == 8'h00;
  assign cfg_wr  = acc_now && we && !ns && c_ok;

  // ------------------------------------------------------------------ event port arbitration
  logic [NUM_RINGS-1:0] has_owed, above, cand_hi, sent;
  logic [RW-1:0]        pick;
  logic                 pick_v, load;

  // round robin: first ring with an owed event above last_q, else the first one
  for (genvar i = 0; i < NUM_RINGS; i++) begin : g_above
    if (i == 0) begin : g_zero
      assign above[i] = 1'b0;
    end else begin : g_cmp
      assign above[i] = (RW'(i) > last_q);
    end
  end
  assign cand_hi = has_owed & above;

  always_comb begin
    pick   = '0;
    pick_v = 1'b0;
    for (int i = NUM_RINGS - 1; i >= 0; i--) begin
      if (has_owed[i]) begin
        pick   = RW'(i);
        pick_v = 1'b1;
      end
    end
    for (int i = NUM_RINGS - 1; i >= 0; i--) begin
      if (cand_hi[i]) pick = RW'(i);
    end
  end

  assign load = pick_v && (!ev_valid || ev_ready);   // event register free for the next one

  // ------------------------------------------------------------------ per ring
  for (genvar i = 0; i < NUM_RINGS; i++) begin : g_ring
    logic complete, db_sel, cfg_sel, owe;
    assign has_owed[i] = owed_q[i] != '0;
    assign sent[i]     = load && (pick == RW'(i));
    assign complete    = pend_q[i] != 32'h0 && cnt_q[i] == LW'(LATENCY - 1) &&
                         owed_q[i] != {OW{1'b1}};
    assign owe         = complete && evt_en_q[i];
    assign db_sel      = db_wr && (r_idx == RW'(i));
    assign cfg_sel     = cfg_wr && (c_idx == RW'(i));

    always_ff @(posedge clk) begin
      if (!rst_n) begin
        pend_q[i]   <= 32'h0;
        done_q[i]   <= 32'h0;
        cnt_q[i]    <= '0;
        owed_q[i]   <= '0;
        evt_q[i]    <= 16'h0;
        evt_en_q[i] <= 1'b0;
      end else begin
        if (pend_q[i] == 32'h0 || complete)
          cnt_q[i] <= '0;
        else if (cnt_q[i] != LW'(LATENCY - 1))
          cnt_q[i] <= cnt_q[i] + LW'(1);
        pend_q[i] <= pend_q[i] + (db_sel ? wdata : 32'h0) - (complete ? 32'h1 : 32'h0);
        if (complete) done_q[i] <= done_q[i] + 32'h1;
        if (owe && !sent[i])      owed_q[i] <= owed_q[i] + OW'(1);
        else if (!owe && sent[i]) owed_q[i] <= owed_q[i] - OW'(1);
        if (cfg_sel) begin
          evt_q[i]    <= wdata[15:0];
          evt_en_q[i] <= wdata[31];
        end
      end
    end
  end

  // ------------------------------------------------------------------ event port, registers
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      ack      <= 1'b0;
      rdata    <= 32'h0;
      resp     <= 2'b00;
      last_q   <= '0;
      ev_valid <= 1'b0;
      ev_id    <= 16'h0;
    end else begin
      if (ev_valid && ev_ready) ev_valid <= 1'b0;
      if (load) begin
        ev_valid <= 1'b1;
        ev_id    <= evt_q[pick];
        last_q   <= pick;
      end

      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        if (we) begin
          if (is_cfg && ns) resp <= 2'b10;           // secure-only: SLVERR, no change
        end else if (r_ok) begin
          case (addr[7:0])
            8'h04:   rdata <= done_q[r_idx];
            8'h08:   rdata <= pend_q[r_idx];
            default: rdata <= 32'h0;
          endcase
        end else if (c_ok) begin
          rdata <= {evt_en_q[c_idx], 15'h0, evt_q[c_idx]};
        end
      end
    end
  end

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we && wstrb != 4'hF)
      $error("DMA: byte/halfword write (wstrb=%b) at offset 0x%06h", wstrb, addr);
    if (IRQSIM_ASSERT && rst_n && acc_now && we && r_ok && addr[7:0] == 8'h00 &&
        {1'b0, pend_q[r_idx]} + {1'b0, wdata} > 33'hFFFF_FFFF)
      $error("DMA: ring %0d doorbell overflows PENDING", r);
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, wstrb};
`endif

  logic unused_dma;
  assign unused_dma = ^{wdata[30:16], last_q};

endmodule
