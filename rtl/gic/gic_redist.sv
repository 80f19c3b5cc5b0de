// gic_redist: GICv3 redistributor for one PE (SGIs 0-15, PPIs 16-31).
//
// Frames: RD_base at offset 0x00000, SGI_base at 0x10000 (addr[16] selects).
// LPI registers (SETLPIR, CLRLPIR, PROPBASER, PENDBASER, INVLPIR, INVALLR,
// SYNCR) are decoded and RAZ/WI in this version; GICR_TYPER.PLPIS = 0 and
// DirectLPI = 0. An LPI engine plugs in next to the SGI/PPI scanner: it has
// to present its own best candidate, which is merged with the SGI/PPI one
// in the "candidate merge" section below.
//
// Candidate selection: a small sequential scanner snapshots the eligible
// SGI/PPI mask and visits one set bit per cycle (at most 33 cycles per
// sweep); the published candidate is re-validated every cycle against the
// live state and carries its live priority.
module gic_redist #(
  parameter int PE            = 0,   // PE index: Aff0 = PE % 16, Aff1 = PE / 16
  parameter int NUM_PES       = 1,
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic        clk,
  input  logic        rst_n,
  // register interface (offset within this PE's 128 KB redistributor)
  input  logic        req,
  input  logic        we,
  input  logic [16:0] addr,
  input  logic [31:0] wdata,
  input  logic [3:0]  wstrb,
  input  logic        ns,
  output logic        ack,
  output logic [31:0] rdata,
  output logic [1:0]  resp,
  // interrupt sources
  input  logic [15:0] ppi_in,     // INTID 16..31, level; edge detection per ICFGR1
  input  logic        sgi_set_v,  // make SGI sgi_set_id pending
  input  logic [3:0]  sgi_set_id,
  input  logic        grp1_en,    // GICD_CTLR.EnableGrp1
  // acknowledge / deactivate from the CPU interface
  input  logic        ack_v,
  input  logic [4:0]  ack_id,
  input  logic        deact_v,
  input  logic [4:0]  deact_id,
  // best SGI/PPI candidate
  output logic        cand_v,
  output logic [4:0]  cand_id,
  output logic [7:0]  cand_prio,
  output logic        awake,      // ProcessorSleep = 0 and ChildrenAsleep = 0
  output logic [31:0] mon_pending
);

  localparam logic [31:0] IIDR_VAL  = 32'h4900_0000;
  localparam logic [31:0] PIDR2_VAL = 32'h0000_003B;
  localparam logic        LAST      = (PE == NUM_PES - 1);
  localparam logic [31:0] TYPER_LO  = {8'h0, 16'(PE), 3'b000, LAST, 1'b0 /*DirectLPI*/,
                                       2'b00, 1'b0 /*PLPIS*/};
  localparam logic [31:0] TYPER_HI  = {8'h0 /*Aff3*/, 8'h0 /*Aff2*/, 8'(PE / 16), 8'(PE % 16)};
  localparam logic [31:0] ICFGR0_VAL = 32'hAAAA_AAAA;

  // ------------------------------------------------------------------ state
  logic [31:0] grp_q, en_q, latch_q, act_q;
  logic [15:0] pedge_q;          // ICFGR1 odd bits: PPI edge
  logic [15:0] pin_q;            // ppi_in delayed
  logic [31:0] prio_q [8];      // IPRIORITYR0-7 (4 INTIDs per word, bits 7:3 kept)
  logic        enlpi_q;          // GICR_CTLR.EnableLPIs (no LPI behaviour yet)
  logic        rwp_q, rwp_go_q;
  logic        psleep_q, casleep_q;
  logic [2:0]  wake_cnt_q;

  logic [31:0] pend, rise;
  // SGIs are always edge (latch only); PPIs are level unless ICFGR1 says edge
  assign pend = latch_q | {ppi_in & ~pedge_q, 16'h0};
  assign rise = {ppi_in & ~pin_q & pedge_q, 16'h0};
  assign mon_pending = pend;

  assign awake = !psleep_q && !casleep_q;

  logic [31:0] elig;
  assign elig = pend & en_q & grp_q & ~act_q & {32{grp1_en}};

  function automatic logic [4:0] ffs32(input logic [31:0] m);
    logic [31:0] l;
    l = m & (~m + 32'd1);   // isolate the lowest set bit
    ffs32 = {|(l & 32'hFFFF_0000), |(l & 32'hFF00_FF00), |(l & 32'hF0F0_F0F0),
             |(l & 32'hCCCC_CCCC), |(l & 32'hAAAA_AAAA)};
  endfunction

  // ------------------------------------------------------------------ scanner
  logic        sc_bits_q;   // 0: load snapshot, 1: visiting bits
  logic [31:0] sc_mask_q;
  logic        acc_v_q;
  logic [4:0]  acc_id_q;
  logic [7:0]  acc_p_q;
  logic        best_v_q;
  logic [4:0]  best_id_q;

  logic [31:0] cand_pw;

  // ------------------------------------------------------------------ candidate merge
  // (an LPI candidate would be compared here; SGI/PPI only for now)
  assign cand_v    = best_v_q && elig[best_id_q];
  assign cand_id   = best_id_q;
  assign cand_pw   = prio_q[best_id_q[4:2]];
  assign cand_prio = cand_pw[8*32'(best_id_q[1:0]) +: 8];

  // ------------------------------------------------------------------ register decode
  logic        acc_now;
  logic [31:0] bm;
  logic        sgi_frame;
  logic [15:0] off;
  assign acc_now   = req && !ack;
  assign bm        = {{8{wstrb[3]}}, {8{wstrb[2]}}, {8{wstrb[1]}}, {8{wstrb[0]}}};
  assign sgi_frame = addr[16];
  assign off       = addr[15:0];

  logic is_bit0, is_prio, is_grpmod;
  assign is_bit0   = sgi_frame && (off[15:10] == 6'h00) && (off[9:7] != 3'd0) && (off[6:0] == 7'h0);
  assign is_prio   = sgi_frame && (off[15:5] == 11'h020);          // 0x400-0x41F
  assign is_grpmod = sgi_frame && (off == 16'h0D00);

  // (the scanner's per-bit values are block-local: computed only while visiting bits)
  always_ff @(posedge clk) begin : p_main
    logic [4:0]  sc_b;
    logic [31:0] sc_pw, sc_rest;
    logic [7:0]  sc_prio;
    logic        sc_better;
    if (!rst_n) begin
      ack        <= 1'b0;
      rdata      <= 32'h0;
      resp       <= 2'b00;
      grp_q      <= '0;
      en_q       <= '0;
      latch_q    <= '0;
      act_q      <= '0;
      pedge_q    <= '0;
      pin_q      <= '0;
      enlpi_q    <= 1'b0;
      rwp_q      <= 1'b0;
      rwp_go_q   <= 1'b0;
      psleep_q   <= 1'b1;
      casleep_q  <= 1'b1;
      wake_cnt_q <= 3'd0;
      sc_bits_q  <= 1'b0;
      sc_mask_q  <= '0;
      acc_v_q    <= 1'b0;
      acc_id_q   <= 5'd0;
      acc_p_q    <= 8'h0;
      best_v_q   <= 1'b0;
      best_id_q  <= 5'd0;
      for (int i = 0; i < 8; i++) prio_q[i] <= 32'h0;
    end else begin
      pin_q <= ppi_in;

      // -------------------------------------------------- WAKER: ChildrenAsleep follows
      // ProcessorSleep a few cycles later
      if (casleep_q != psleep_q) begin
        wake_cnt_q <= wake_cnt_q + 3'd1;
        if (wake_cnt_q == 3'd3) begin
          casleep_q  <= psleep_q;
          wake_cnt_q <= 3'd0;
        end
      end else begin
        wake_cnt_q <= 3'd0;
      end

      // -------------------------------------------------- scanner
      if (!sc_bits_q) begin
        if (rwp_q) rwp_go_q <= 1'b1;
        acc_v_q <= 1'b0;
        if (elig == 32'h0) begin
          best_v_q <= 1'b0;
          if (rwp_go_q) begin
            rwp_q    <= 1'b0;
            rwp_go_q <= 1'b0;
          end
        end else begin
          sc_mask_q <= elig;
          sc_bits_q <= 1'b1;
        end
      end else begin
        sc_b      = ffs32(sc_mask_q);
        sc_pw     = prio_q[sc_b[4:2]];
        sc_prio   = sc_pw[8*32'(sc_b[1:0]) +: 8];
        sc_better = !acc_v_q || (sc_prio < acc_p_q);
        sc_rest   = sc_mask_q & (sc_mask_q - 32'd1);
        if (sc_better) begin
          acc_v_q  <= 1'b1;
          acc_id_q <= sc_b;
          acc_p_q  <= sc_prio;
        end
        sc_mask_q <= sc_rest;
        if (sc_rest == 32'h0) begin
          // publish
          best_v_q  <= 1'b1;
          best_id_q <= sc_better ? sc_b : acc_id_q;
          sc_bits_q <= 1'b0;
          if (rwp_go_q) begin
            rwp_q    <= 1'b0;
            rwp_go_q <= 1'b0;
          end
        end
      end

      // -------------------------------------------------- SGI generation, PPI edges
      if (sgi_set_v || (|rise))
        latch_q <= latch_q | rise | (sgi_set_v ? (32'h1 << sgi_set_id) : 32'h0);

      // -------------------------------------------------- register access
      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        if (we) begin
          if (!sgi_frame) begin
            case (off)
              16'h0000: begin
                if (wstrb[0]) begin
                  enlpi_q <= wdata[0];
                  if (enlpi_q && !wdata[0]) begin
                    rwp_q    <= 1'b1;
                    rwp_go_q <= 1'b0;
                  end
                end
              end
              16'h0014: if (wstrb[0]) psleep_q <= wdata[1];
              default: ;  // RO, LPI registers (RAZ/WI for now), reserved
            endcase
          end else if (is_bit0) begin
            case (off[9:7])
              3'd1: grp_q   <= (grp_q & ~bm) | (wdata & bm);
              3'd2: en_q    <= en_q | (wdata & bm);
              3'd3: begin
                en_q     <= en_q & ~(wdata & bm);
                rwp_q    <= 1'b1;
                rwp_go_q <= 1'b0;
              end
              3'd4: latch_q <= latch_q | rise | (sgi_set_v ? (32'h1 << sgi_set_id) : 32'h0) |
                               (wdata & bm);
              3'd5: latch_q <= (latch_q | rise | (sgi_set_v ? (32'h1 << sgi_set_id) : 32'h0)) &
                               ~(wdata & bm);
              3'd6: act_q   <= act_q | (wdata & bm);
              3'd7: act_q   <= act_q & ~(wdata & bm);
              default: ;
            endcase
          end else if (is_prio) begin
            prio_q[off[4:2]] <= (prio_q[off[4:2]] & ~bm) | (wdata & bm & 32'hF8F8_F8F8);
          end else if (sgi_frame && off == 16'h0C04) begin
            for (int j = 0; j < 16; j++)
              if (wstrb[j/4]) pedge_q[j] <= wdata[2*j+1];
          end
        end else begin
          if (!sgi_frame) begin
            case (off)
              16'h0000: rdata <= {28'h0, rwp_q, 2'b00, enlpi_q};   // UWP[31] = 0
              16'h0004: rdata <= IIDR_VAL;
              16'h0008: rdata <= TYPER_LO;
              16'h000C: rdata <= TYPER_HI;
              16'h0014: rdata <= {29'h0, casleep_q, psleep_q, 1'b0};
              16'hFFE8: rdata <= PIDR2_VAL;
              default:  rdata <= 32'h0;   // incl. SETLPIR..SYNCR (RAZ for now)
            endcase
          end else if (is_bit0) begin
            case (off[9:7])
              3'd1:       rdata <= grp_q;
              3'd2, 3'd3: rdata <= en_q;
              3'd4, 3'd5: rdata <= pend;
              3'd6, 3'd7: rdata <= act_q;
              default:    rdata <= 32'h0;
            endcase
          end else if (is_prio) begin
            rdata <= prio_q[off[4:2]];
          end else if (sgi_frame && off == 16'h0C00) begin
            rdata <= ICFGR0_VAL;
          end else if (sgi_frame && off == 16'h0C04) begin
            for (int j = 0; j < 16; j++) rdata[2*j+1] <= pedge_q[j];
          end else if (sgi_frame && off == 16'hFFE8) begin
            rdata <= PIDR2_VAL;
          end
        end
      end

      // -------------------------------------------------- acknowledge / deactivate
      if (ack_v) begin
        latch_q[ack_id] <= 1'b0;
        act_q[ack_id]   <= 1'b1;
      end
      if (deact_v) act_q[deact_id] <= 1'b0;
    end
  end

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we) begin
      if (wstrb != 4'hF && !is_prio)
        $error("GICR: byte/halfword access (wstrb=%b) to word-only register at offset 0x%05h (PE %0d)",
               wstrb, addr, PE);
      if (is_grpmod)
        $error("GICR_IGRPMODR0: write (Secure-only, RAZ/WI in this model) (PE %0d)", PE);
      if (!sgi_frame && (off == 16'h0070 || off == 16'h0074 || off == 16'h0078 || off == 16'h007C) &&
          enlpi_q)
        $error("GICR_%s: written while GICR_CTLR.EnableLPIs=1 (UNPREDICTABLE) (PE %0d)",
               off[3] ? "PENDBASER" : "PROPBASER", PE);
    end
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, is_grpmod};
`endif

  logic unused_rd;
  assign unused_rd = ^{ns, 1'b0};

endmodule
