// dev_dma_ring: DMA-ring device, an event source for the INTA.
//
// One register window (dev_dma_ring.rdl; offsets and fields from the generated
// dev_dma_ring_regs_pkg): ring r's DOORBELL (W: post N = wdata descriptors; reads 0),
// COMPLETED (RO, wraps) and PENDING (RO), non-secure, 0x100 apart; RING_EVENT[r]
// (secure-only writes, SLVERR otherwise): global event and enable, 1 MB above.
// While PENDING != 0 a ring completes one descriptor every LATENCY cycles (the
// first LATENCY cycles after the doorbell). A completion of an enabled ring owes
// one event; owed events leave on the event port (valid/ready + id), one per
// cycle at most, rings served round robin, held while !ready: none is dropped.
// A ring whose owed-event counter is full stalls its next completion.
// Rings >= NUM_RINGS and unknown offsets: reads 0 / writes ignored, OKAY.
//
// Implementation (simulation speed): no per-ring counter runs every clock. Every
// countdown lasts LATENCY cycles, so a timing wheel of LATENCY slots (slot = cycle
// mod LATENCY) holds, per slot, the mask of rings whose countdown ends when the
// wheel comes back to it. A ring (re)starts its countdown in the current slot; a
// ring due while its owed counter is full waits in stall_q. Per-ring state is only
// touched in the cycles where that ring completes, is rung or is configured.
module dev_dma_ring #(
  parameter int NUM_RINGS     = 32,
  parameter int LATENCY       = 40,   // >= 1
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
  localparam int SW = (LATENCY > 1) ? $clog2(LATENCY) : 1;   // wheel slot index
  localparam int OW = 4;                                      // owed-event counter width per ring
  localparam logic [OW-1:0] OWED_FULL = {OW{1'b1}};

  // per-ring counters: each array is written at one place per ring (cheap to simulate)
  logic [31:0]          pend_q  [NUM_RINGS];     // PENDING
  logic [31:0]          done_q  [NUM_RINGS];     // COMPLETED
  logic [OW-1:0]        owed_q  [NUM_RINGS];     // events owed
  logic [SW-1:0]        slot_q  [NUM_RINGS];     // wheel slot of a counting ring
  logic [15:0]          evt_q   [NUM_RINGS];
  logic [NUM_RINGS-1:0] wheel_q [LATENCY];       // rings due when now_q comes back to the slot
  logic [NUM_RINGS-1:0] evt_en_q;
  logic [NUM_RINGS-1:0] stall_q;                 // due, held by a full owed counter
  logic [NUM_RINGS-1:0] owed_nz_q;               // ring i owes events
  logic [SW-1:0]        now_q;                   // cycle mod LATENCY
  logic [RW-1:0]        last_q;                  // ring served last

  // offsets and fields from dev_dma_ring.rdl, named with the package: yosys reads no `import`
  localparam logic       R_CFG    = dev_dma_ring_regs_pkg::RING_EVENT_OFFSET[20];   // 1 MB regions
  localparam logic [7:0] O_DB     = dev_dma_ring_regs_pkg::RING_DOORBELL_OFFSET[7:0];
  localparam logic [7:0] O_DONE   = dev_dma_ring_regs_pkg::RING_COMPLETED_OFFSET[7:0];
  localparam logic [7:0] O_PEND   = dev_dma_ring_regs_pkg::RING_PENDING_OFFSET[7:0];
  localparam int         EV_LSB   = dev_dma_ring_regs_pkg::RING_EVENT_EVENT_LSB;
  localparam int         EV_EN    = dev_dma_ring_regs_pkg::RING_EVENT_ENABLE_LSB;

  // ------------------------------------------------------------------ decode
  logic          acc_now, is_cfg, r_ok, c_ok, db_wr, cfg_wr;
  logic [RW-1:0] r_idx, c_idx;
  int            r, c;
  assign acc_now = req && !ack;
  assign is_cfg  = addr[20] == R_CFG;
  assign r       = 32'(addr[19:8]);
  assign c       = 32'(addr[19:2]);
  assign r_ok    = !is_cfg && (r < NUM_RINGS);
  assign c_ok    = is_cfg && (c < NUM_RINGS);
  assign r_idx   = r_ok ? addr[8 +: RW] : '0;
  assign c_idx   = c_ok ? addr[2 +: RW] : '0;
  assign db_wr   = acc_now && we && r_ok && addr[7:0] == O_DB;
  assign cfg_wr  = acc_now && we && !ns && c_ok;

  // ------------------------------------------------------------------ completions this cycle
  logic [NUM_RINGS-1:0] due, complete;
  assign due = wheel_q[now_q] | stall_q;

  always_comb begin
    complete = '0;
    if (due != '0)
      for (int i = 0; i < NUM_RINGS; i++)
        complete[i] = due[i] && (owed_q[i] != OWED_FULL);
  end

  // doorbell of ring r_idx
  logic [31:0] db_pend, db_sum;
  assign db_pend = pend_q[r_idx];
  assign db_sum  = db_pend + wdata;

  // ------------------------------------------------------------------ event port arbitration
  // round robin: first ring with an owed event above last_q, else the first one
  logic [NUM_RINGS-1:0] above, cand;
  logic [RW-1:0]        pick;
  logic                 pick_v, load;

  always_comb begin
    pick   = '0;
    pick_v = 1'b0;
    above  = '0;
    cand   = '0;
    if (owed_nz_q != '0) begin
      pick_v = 1'b1;
      above  = {NUM_RINGS{1'b1}} << last_q;
      above  = above << 1;
      cand   = ((owed_nz_q & above) != '0) ? (owed_nz_q & above) : owed_nz_q;
      for (int i = NUM_RINGS - 1; i >= 0; i--)
        if (cand[i]) pick = RW'(i);
    end
  end

  assign load = pick_v && (!ev_valid || ev_ready);   // event register free for the next one

  // ------------------------------------------------------------------ ring state
  logic [NUM_RINGS-1:0] rearm;        // rings (re)starting their countdown this cycle

  // kill: a doorbell leaves PENDING at 0 (it wrapped; flagged by the checker)
  logic kill;
  assign kill = db_wr && (db_sum - (complete[r_idx] ? 32'h1 : 32'h0)) == 32'h0;

  always_comb begin
    rearm = '0;
    if (due != '0)
      for (int i = 0; i < NUM_RINGS; i++)
        rearm[i] = complete[i] && pend_q[i] != 32'h1;
    // the rung ring: restarts after its completion, or starts if it was idle
    if (db_wr)
      rearm[r_idx] = !kill && (complete[r_idx] || db_pend == 32'h0);
  end

  logic [NUM_RINGS-1:0] touch;
  always_comb begin
    touch = complete;
    if (db_wr) touch[r_idx] = 1'b1;
    if (load)  touch[pick]  = 1'b1;
  end

  // owed events: +1 for a completion that owes one, -1 for the one sent
  function automatic logic [OW-1:0] next_owed(input logic [OW-1:0] owed, input logic owe, input logic sent);
    next_owed = owed;
    if (owe && !sent)      next_owed = owed + OW'(1);
    else if (!owe && sent) next_owed = owed - OW'(1);
  endfunction

  // a ring counts from the current slot after a completion or a doorbell while idle
  function automatic logic [SW-1:0] next_slot(input logic [SW-1:0] slot, input logic [31:0] pend,
                                              input logic comp, input logic db, input logic [SW-1:0] now);
    next_slot = (comp || (db && pend == 32'h0)) ? now : slot;
  endfunction

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      for (int i = 0; i < NUM_RINGS; i++) begin
        pend_q[i] <= 32'h0;
        done_q[i] <= 32'h0;
        owed_q[i] <= '0;
        slot_q[i] <= '0;
        evt_q[i]  <= 16'h0;
      end
      for (int s = 0; s < LATENCY; s++)
        wheel_q[s] <= '0;
      evt_en_q  <= '0;
      stall_q   <= '0;
      owed_nz_q <= '0;
      now_q     <= '0;
    end else begin
      now_q <= (now_q == SW'(LATENCY - 1)) ? '0 : now_q + SW'(1);

      // rings whose counters change: completions (several may complete in one
      // cycle), the rung ring, the ring whose event is sent
      if (touch != '0) begin
        for (int i = 0; i < NUM_RINGS; i++) begin
          if (touch[i]) begin
            slot_q[i] <= next_slot(slot_q[i], pend_q[i], complete[i], db_wr && r_idx == RW'(i), now_q);
            owed_q[i] <= next_owed(owed_q[i], complete[i] && evt_en_q[i], load && pick == RW'(i));
            done_q[i] <= done_q[i] + (complete[i] ? 32'h1 : 32'h0);
            pend_q[i] <= pend_q[i] + ((db_wr && r_idx == RW'(i)) ? wdata : 32'h0) - (complete[i] ? 32'h1 : 32'h0);
            owed_nz_q[i] <= next_owed(owed_q[i], complete[i] && evt_en_q[i], load && pick == RW'(i)) != '0;
          end
        end
      end
      if (due != '0)
        stall_q <= due & ~complete;
      // the current slot now holds exactly the rings counting from this cycle
      if (due != '0 || rearm != '0)
        wheel_q[now_q] <= rearm;

      // PENDING back at 0 by a wrapping doorbell: the ring stops counting
      if (kill) begin
        stall_q[r_idx]                          <= 1'b0;
        wheel_q[slot_q[r_idx]][r_idx] <= 1'b0;
      end

      if (cfg_wr) begin
        evt_q[c_idx]    <= wdata[EV_LSB +: 16];
        evt_en_q[c_idx] <= wdata[EV_EN];
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
            O_DONE:  rdata <= done_q[r_idx];
            O_PEND:  rdata <= pend_q[r_idx];
            default: rdata <= 32'h0;
          endcase
        end else if (c_ok) begin
          rdata[EV_EN]        <= evt_en_q[c_idx];
          rdata[EV_LSB +: 16] <= evt_q[c_idx];
        end
      end
    end
  end

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we && wstrb != 4'hF)
      $error("DMA: byte/halfword write (wstrb=%b) at offset 0x%06h", wstrb, addr);
    if (IRQSIM_ASSERT && rst_n && acc_now && we && r_ok && addr[7:0] == O_DB &&
        {1'b0, pend_q[r_idx]} + {1'b0, wdata} > 33'hFFFF_FFFF)
      $error("DMA: ring %0d doorbell overflows PENDING", r);
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, wstrb};
`endif

  logic unused_dma;
  assign unused_dma = ^{wdata[30:16]};

endmodule
