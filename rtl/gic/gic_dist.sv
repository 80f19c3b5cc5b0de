// gic_dist: GICv3 distributor (SPIs only; SGI/PPI state lives in gic_redist).
//
// Security model: single security state (GICD_CTLR.DS = 1, RAO/WI), affinity
// routing always on (ARE RAO/WI). Registers for INTIDs 0-31 are RAZ/WI.
// SPI k (bit k of spi_in, vectors and arrays) is INTID 32 + k.
//
// Candidate selection does not compare every SPI every cycle. A sequential
// scanner walks the SPI space one 32-INTID word per cycle; for a word with
// eligible SPIs it visits one set bit per cycle, keeping per target PE the
// best (lowest priority value, then lowest INTID) candidate. At the end of a
// sweep the per-PE bests are published and a new sweep starts. The published
// candidate is re-validated every cycle against the live state (still
// pending, enabled, not active, group enabled, still routed to that PE) and
// carries the live priority, so acknowledge/disable/reroute take effect at
// once; a newly pending SPI reaches the CPU interface within two sweeps.
//
// Register access: see README.md (the register table is generated from gic_dist.rdl; offsets,
// fields and constant values come from the generated gic_dist_regs_pkg). Writes/reads
// complete one cycle after req.
// Waveforms show this block through its ports in the parent (the waves/ views'
// depth); its internals get no trace code unless IRQSIM_TRACE_INTERNALS is
// defined, because Verilator compares every signal with trace code at every dump.
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module gic_dist #(
  parameter int NUM_SPIS      = 96,   // multiple of 32, 32..992 (INTIDs >= 1020 never signal)
  parameter int NUM_PES       = 5,
  parameter bit IRQSIM_ASSERT = 1'b1  // report forbidden/UNPREDICTABLE programming ($error)
) (
  input  logic                   clk,
  input  logic                   rst_n,
  // register interface (offset within the 64 KB GICD frame)
  input  logic                   req,
  input  logic                   we,
  input  logic [15:0]            addr,
  input  logic [31:0]            wdata,
  input  logic [3:0]             wstrb,
  input  logic                   ns,
  output logic                   ack,
  output logic [31:0]            rdata,
  output logic [1:0]             resp,
  // SPI input lines (level; edge detection for edge-configured SPIs)
  input  logic [NUM_SPIS-1:0]    spi_in,
  // acknowledge / deactivate from the CPU interfaces (one per cycle: the system-register
  // port serves one CPU interface at a time); INTIDs that are not SPIs are ignored
  input  logic                   ack_v,
  input  logic [15:0]            ack_id,
  input  logic                   deact_v,
  input  logic [15:0]            deact_id,
  // per-PE best SPI candidate
  output logic [NUM_PES-1:0]     cand_v,
  output logic [NUM_PES*10-1:0]  cand_id,
  output logic [NUM_PES*8-1:0]   cand_prio,
  // GICD_CTLR group enables (also gate SGIs/PPIs in the redistributors)
  output logic                   grp0_en,
  output logic                   grp1_en,
  // monitor taps
  output logic [NUM_SPIS-1:0]    mon_pending,
  output logic [NUM_SPIS-1:0]    mon_active
);

  localparam int W = NUM_SPIS / 32;  // SPI words
  // Offsets, fields and values from the register description (gic_dist.rdl -> the generated
  // gic_dist_regs_pkg), named with the package: yosys reads no `import`.
  // Single registers (16-bit offsets):
  localparam logic [15:0] A_CTLR    = gic_dist_regs_pkg::CTLR_OFFSET[15:0];
  localparam logic [15:0] A_TYPER   = gic_dist_regs_pkg::TYPER_OFFSET[15:0];
  localparam logic [15:0] A_IIDR    = gic_dist_regs_pkg::IIDR_OFFSET[15:0];
  localparam logic [15:0] A_PIDR2   = gic_dist_regs_pkg::PIDR2_OFFSET[15:0];
  localparam logic [15:0] A_SETSPI  = gic_dist_regs_pkg::SETSPI_NSR_OFFSET[15:0];
  localparam logic [15:0] A_CLRSPI  = gic_dist_regs_pkg::CLRSPI_NSR_OFFSET[15:0];
  // The one-bit-per-INTID families (0x080-0x3FF, 128 bytes each: addr[9:7] names the family,
  // addr[6:2] the word; word 0 = INTIDs 0-31 RAZ/WI, the SPI words follow it)
  localparam logic [5:0]  F_BITS    = gic_dist_regs_pkg::IGROUPR_OFFSET[15:10];
  localparam logic [2:0]  OP_GRP    = gic_dist_regs_pkg::IGROUPR_OFFSET[9:7];
  localparam logic [2:0]  OP_SEN    = gic_dist_regs_pkg::ISENABLER_OFFSET[9:7];
  localparam logic [2:0]  OP_CEN    = gic_dist_regs_pkg::ICENABLER_OFFSET[9:7];
  localparam logic [2:0]  OP_SPEND  = gic_dist_regs_pkg::ISPENDR_OFFSET[9:7];
  localparam logic [2:0]  OP_CPEND  = gic_dist_regs_pkg::ICPENDR_OFFSET[9:7];
  localparam logic [2:0]  OP_SACT   = gic_dist_regs_pkg::ISACTIVER_OFFSET[9:7];
  localparam logic [2:0]  OP_CACT   = gic_dist_regs_pkg::ICACTIVER_OFFSET[9:7];
  localparam logic [4:0]  BIT_SPI0  = gic_dist_regs_pkg::IGROUPR_SPI_OFFSET[6:2];   // first SPI word
  // IPRIORITYR (0x400-0x7FF, word = addr[9:2]), ICFGR (0xC00-0xCFF, word = addr[7:2]),
  // IGRPMODR (0xD00-0xD7F), IROUTER (0x6000-0x7FFF, 8 bytes per INTID = addr[12:3])
  localparam logic [5:0]  F_PRIO    = gic_dist_regs_pkg::IPRIORITYR_OFFSET[15:10];
  localparam logic [7:0]  PRIO_SPI0 = gic_dist_regs_pkg::IPRIORITYR_SPI_OFFSET[9:2];
  localparam logic [7:0]  F_CFG     = gic_dist_regs_pkg::ICFGR_OFFSET[15:8];
  localparam logic [5:0]  CFG_SPI0  = gic_dist_regs_pkg::ICFGR_SPI_OFFSET[7:2];
  localparam logic [8:0]  F_GRPMOD  = gic_dist_regs_pkg::IGRPMODR_OFFSET[15:7];
  localparam logic [2:0]  F_ROUT    = gic_dist_regs_pkg::IROUTER_OFFSET[15:13];
  localparam logic [9:0]  ROUT_SPI0 = gic_dist_regs_pkg::IROUTER_SPI_OFFSET[12:3];
  // fields
  localparam int          C_G0      = gic_dist_regs_pkg::CTLR_ENABLEGRP0_LSB;
  localparam int          C_G1      = gic_dist_regs_pkg::CTLR_ENABLEGRP1_LSB;
  localparam logic [31:0] C_FIXED   = gic_dist_regs_pkg::CTLR_RESET &
                                      (gic_dist_regs_pkg::CTLR_ARE_MASK | gic_dist_regs_pkg::CTLR_DS_MASK);
  localparam logic [31:0] C_RWP     = gic_dist_regs_pkg::CTLR_RWP_MASK;
  localparam logic [31:0] PRIO_BITS = gic_dist_regs_pkg::IPRIORITYR_SPI_PRI0_MASK |
                                      gic_dist_regs_pkg::IPRIORITYR_SPI_PRI1_MASK |
                                      gic_dist_regs_pkg::IPRIORITYR_SPI_PRI2_MASK |
                                      gic_dist_regs_pkg::IPRIORITYR_SPI_PRI3_MASK;
  localparam int          CFG_EDGE  = gic_dist_regs_pkg::ICFGR_SPI_EDGE0_LSB;   // INTID k: bit CFG_EDGE + 2k
  localparam int          RT_IRM    = gic_dist_regs_pkg::IROUTER_SPI_IRM_LSB;
  // constant registers: ProductID 'I', ArchRev 3; TYPER's ITLinesNumber from NUM_SPIS
  // (IDbits = 15: 16 bits, MBIS, LPIS, No1N: 1-of-N unsupported)
  localparam logic [31:0] IIDR_VAL  = gic_dist_regs_pkg::IIDR_RESET;
  localparam logic [31:0] PIDR2_VAL = gic_dist_regs_pkg::PIDR2_RESET;
  localparam logic [31:0] TYPER_VAL = (gic_dist_regs_pkg::TYPER_RESET & ~gic_dist_regs_pkg::TYPER_ITLINESNUMBER_MASK) |
                                      (32'(W) << gic_dist_regs_pkg::TYPER_ITLINESNUMBER_LSB);

  // ------------------------------------------------------------------ state
  logic [NUM_SPIS-1:0] grp_q;    // IGROUPR (1 = Group 1)
  logic [NUM_SPIS-1:0] en_q;     // enable
  logic [NUM_SPIS-1:0] latch_q;  // software / edge pending latch
  logic [NUM_SPIS-1:0] act_q;    // active
  logic [NUM_SPIS-1:0] edge_q;   // ICFGR bit 2k+1: 1 = edge
  logic [NUM_SPIS-1:0] mlvl_q;   // level asserted through SETSPI_NSR (MBI)
  logic [NUM_SPIS-1:0] in_q;     // spi_in delayed (edge detect)
  logic [31:0]         prio_q [NUM_SPIS/4];  // IPRIORITYR words (4 SPIs each, bits 7:3 kept)
  logic [24:0]         rtlo_q [NUM_SPIS];    // IROUTER {IRM, Aff2, Aff1, Aff0}
  logic [7:0]          rthi_q [NUM_SPIS];    // IROUTER Aff3
  logic                g0en_q, g1en_q;
  logic                rwp_q, rwp_go_q;

  assign grp0_en = g0en_q;
  assign grp1_en = g1en_q;

  // pending = latch OR (line level AND level-sensitive)
  logic [NUM_SPIS-1:0] pend;
  logic [NUM_SPIS-1:0] rise;
  assign pend = latch_q | ((spi_in | mlvl_q) & ~edge_q);
  assign rise = spi_in & ~in_q & edge_q;

  assign mon_pending = pend;
  assign mon_active  = act_q;

  // ------------------------------------------------------------------ helpers
  // IROUTER affinity -> PE index. PE p has Aff0 = p % 16, Aff1 = p / 16,
  // Aff2 = Aff3 = 0. IRM = 1 (1-of-N) is not supported: not routed.
  function automatic logic [8:0] route_decode(input logic [24:0] lo, input logic [7:0] hi);
    logic [8:0] r;
    logic [11:0] pe;
    pe = {4'h0, lo[11:8], 4'h0} + {4'h0, lo[7:0]};   // Aff1 * 16 + Aff0 (valid when Aff1 < 16)
    r  = 9'h0;
    if (!lo[24] && hi == 8'h0 && lo[23:16] == 8'h0 && lo[15:12] == 4'h0 && lo[7:4] == 4'h0 &&
        32'(pe) < NUM_PES)
      r = {1'b1, pe[7:0]};
    route_decode = r;
  endfunction

  function automatic logic [4:0] ffs32(input logic [31:0] m);
    logic [31:0] l;
    l = m & (~m + 32'd1);   // isolate the lowest set bit
    ffs32 = {|(l & 32'hFFFF_0000), |(l & 32'hFF00_FF00), |(l & 32'hF0F0_F0F0),
             |(l & 32'hCCCC_CCCC), |(l & 32'hAAAA_AAAA)};
  endfunction

  // ------------------------------------------------------------------ scanner
  typedef enum logic [1:0] {
    SC_LOAD = 2'd0,
    SC_BITS = 2'd1,
    SC_PUB  = 2'd2
  } sc_state_t;

  sc_state_t   sc_q;
  logic [4:0]  sc_w_q;     // word being scanned
  logic [31:0] sc_mask_q;  // remaining eligible bits of that word
  // per-PE accumulators / published bests, packed (PE p at [p*W +: W])
  logic [NUM_PES-1:0]    acc_v;
  logic [NUM_PES*10-1:0] acc_k;   // INTID (SPI index + 32)
  logic [NUM_PES*8-1:0]  acc_p;
  logic [NUM_PES-1:0]    best_v;
  logic [NUM_PES*10-1:0] best_k;
  logic [NUM_PES*8-1:0]  best_p;
  logic [9:0]            init_q;  // reset sweep over the per-SPI arrays
  logic                  init_busy;
  assign init_busy = (32'(init_q) < NUM_SPIS);

  // (the scanner's per-word / per-bit values are block-local in the main always_ff:
  //  computed only in the state that uses them)

  // Published candidates, re-validated every cycle against the live state
  // (still pending, enabled, Group 1, not active, EnableGrp1): acknowledge,
  // disable, clear-pending, deactivate of a level line take effect at once.
  // Priority and routing are those seen by the sweep (they take effect at the
  // next publish).
  // (one bit-select per PE of an eligibility vector indexed by INTID: SPI k at bit
  // k + 32; the candidates hold INTIDs, so cand_id needs no per-PE adder)
  logic [NUM_SPIS+31:0] elig_id;
  assign elig_id   = {pend & en_q & grp_q & ~act_q, 32'h0};
  assign cand_prio = best_p;
  assign cand_id   = best_k;
  always_comb begin
    for (int p = 0; p < NUM_PES; p++)
      cand_v[p] = best_v[p] && g1en_q && elig_id[32'(best_k[p*10 +: 10])];
  end

  // ------------------------------------------------------------------ register decode
  logic        acc_now;      // register access this cycle
  logic [31:0] bm;           // byte-lane mask from wstrb
  logic [4:0]  rn;           // bit-register index (32 INTIDs each)
  int          rw;           // SPI word for bit registers (rn - 1)
  logic        rw_ok;
  assign acc_now = req && !ack && !init_busy;
  assign bm      = {{8{wstrb[3]}}, {8{wstrb[2]}}, {8{wstrb[1]}}, {8{wstrb[0]}}};
  assign rn      = addr[6:2];
  logic [4:0]  rw5;
  assign rw5     = rn - BIT_SPI0;
  assign rw      = 32'(rw5);      // zero-extended: keeps synthesized shifters narrow
  assign rw_ok   = (rn >= BIT_SPI0) && (rw < W);

  // SETSPI/CLRSPI target
  logic [9:0] ms_id;
  int         ms_k;
  logic       ms_ok;
  assign ms_id = wdata[9:0];
  logic [9:0] ms_k10;
  assign ms_k10 = ms_id - 10'd32;
  assign ms_k  = 32'(ms_k10);
  assign ms_ok = (wdata[31:10] == 22'h0) && (ms_id >= 10'd32) && (ms_id < 10'd1020) &&
                 (ms_k < NUM_SPIS);

  // IROUTER target
  int          rt_k;
  logic        rt_ok;
  logic [9:0]  rt_k10;
  assign rt_k10 = addr[12:3] - ROUT_SPI0;
  assign rt_k   = 32'(rt_k10);
  assign rt_ok  = (addr[12:3] >= ROUT_SPI0) && (addr[12:3] < 10'd1020) && (rt_k < NUM_SPIS);

  // IPRIORITYR word (4 INTIDs) and ICFGR half word (16 INTIDs)
  int          pr_w;
  logic        pr_ok;
  int          cf_h;
  logic        cf_ok;
  logic [15:0] cf_mask, cf_val;
  logic [7:0]  pr_w8;
  logic [5:0]  cf_h6;
  assign pr_w8 = addr[9:2] - PRIO_SPI0;
  assign cf_h6 = addr[7:2] - CFG_SPI0;
  assign pr_w  = 32'(pr_w8);
  assign pr_ok = (addr[9:2] >= PRIO_SPI0) && (pr_w < NUM_SPIS / 4);
  assign cf_h  = 32'(cf_h6);
  assign cf_ok = (addr[7:2] >= CFG_SPI0) && (cf_h < NUM_SPIS / 16);
  logic [15:0] cf_rd;
  assign cf_rd = edge_q[16*cf_h +: 16];
  always_comb begin
    for (int j = 0; j < 16; j++) begin
      cf_mask[j] = wstrb[j / 4];
      cf_val[j]  = wdata[CFG_EDGE + 2*j];
    end
  end

  logic is_bitreg, is_prio, is_cfg, is_rout, is_grpmod, is_setspi, is_clrspi;
  assign is_bitreg = (addr[15:10] == F_BITS) && (addr[9:7] >= OP_GRP);        // 0x080-0x3FF
  assign is_prio   = (addr[15:10] == F_PRIO);                                  // 0x400-0x7FF
  assign is_cfg    = (addr[15:8] == F_CFG);                                    // 0xC00-0xCFF
  assign is_grpmod = (addr[15:7] == F_GRPMOD);                                 // 0xD00-0xD7F
  assign is_rout   = (addr[15:13] == F_ROUT);                                  // 0x6000-0x7FFF
  assign is_setspi = (addr == A_SETSPI);
  assign is_clrspi = (addr == A_CLRSPI);

  // ------------------------------------------------------------------ per-SPI bit state update
  // All sources of change are turned into per-word set/clear masks built with
  // constant part-selects (no barrel shifters over the whole SPI space):
  // register writes to one word, SETSPI/CLRSPI and acknowledge/deactivate of
  // one bit, ICFGR writes of a half word, rising edges everywhere.
  logic        wr_bit, wr_set, wr_clr, wr_cfg;
  logic [2:0]  op;
  logic [31:0] wd, ms_hot;
  assign wr_bit = acc_now && we && is_bitreg && rw_ok;
  assign wr_set = acc_now && we && is_setspi && ms_ok;
  assign wr_clr = acc_now && we && is_clrspi && ms_ok;
  assign wr_cfg = acc_now && we && is_cfg && cf_ok;
  assign op     = addr[9:7];
  assign wd     = wdata & bm;
  assign ms_hot = 32'h1 << ms_k10[4:0];

  logic upd;
  assign upd = (acc_now && we) || ack_v || deact_v || (|rise);

  // Executed only in cycles with an event (cheap to simulate when idle); the
  // loops unroll to constant part-selects in synthesis.
  always_ff @(posedge clk) begin : p_bits
    logic [9:0]  ak, dk;
    logic        a_spi, d_spi;
    logic [31:0] sel_m, ack_m, deact_m, edge_w, cf_m, cf_v, ms_e, ms_l;
    if (!rst_n) begin
      grp_q   <= '0;
      en_q    <= '0;
      latch_q <= '0;
      act_q   <= '0;
      edge_q  <= '0;
      mlvl_q  <= '0;
    end else if (upd) begin
      a_spi = ack_v && ack_id >= 16'd32 && ack_id < 16'd1020;
      d_spi = deact_v && deact_id >= 16'd32 && deact_id < 16'd1020;
      ak    = ack_id[9:0] - 10'd32;
      dk    = deact_id[9:0] - 10'd32;
      for (int w = 0; w < W; w++) begin
        sel_m   = (wr_bit && rw5 == 5'(w)) ? wd : 32'h0;
        edge_w  = edge_q[32*w +: 32];
        ms_e    = ((wr_set || wr_clr) && ms_k10[9:5] == 5'(w)) ? (ms_hot & edge_w)  : 32'h0;
        ms_l    = ((wr_set || wr_clr) && ms_k10[9:5] == 5'(w)) ? (ms_hot & ~edge_w) : 32'h0;
        ack_m   = (a_spi && ak[9:5] == 5'(w)) ? (32'h1 << ak[4:0]) : 32'h0;
        deact_m = (d_spi && dk[9:5] == 5'(w)) ? (32'h1 << dk[4:0]) : 32'h0;
        cf_m = 32'h0;
        cf_v = 32'h0;
        if (wr_cfg && cf_h6[5:1] == 5'(w)) begin
          if (cf_h6[0]) begin cf_m[31:16] = cf_mask; cf_v[31:16] = cf_val; end
          else          begin cf_m[15:0]  = cf_mask; cf_v[15:0]  = cf_val; end
        end
        if (op == OP_GRP && wr_bit && rw5 == 5'(w))
          grp_q[32*w +: 32] <= (grp_q[32*w +: 32] & ~bm) | sel_m;
        en_q[32*w +: 32]    <= (en_q[32*w +: 32] | (op == OP_SEN ? sel_m : 32'h0)) &
                               ~(op == OP_CEN ? sel_m : 32'h0);
        latch_q[32*w +: 32] <= (latch_q[32*w +: 32] | rise[32*w +: 32] | (op == OP_SPEND ? sel_m : 32'h0) |
                                (wr_set ? ms_e : 32'h0)) &
                               ~((op == OP_CPEND ? sel_m : 32'h0) | (wr_clr ? ms_e : 32'h0) | ack_m);
        mlvl_q[32*w +: 32]  <= (mlvl_q[32*w +: 32] | (wr_set ? ms_l : 32'h0)) &
                               ~((op == OP_CPEND ? sel_m : 32'h0) | (wr_clr ? ms_l : 32'h0));
        act_q[32*w +: 32]   <= (act_q[32*w +: 32] | (op == OP_SACT ? sel_m : 32'h0) | ack_m) &
                               ~((op == OP_CACT ? sel_m : 32'h0) | deact_m);
        edge_q[32*w +: 32]  <= (edge_w & ~cf_m) | (cf_v & cf_m);
      end
    end
  end


  always_ff @(posedge clk) begin : p_main
    logic [31:0] word_elig;
    logic [4:0]  sc_b;
    logic [9:0]  sc_k;
    logic [8:0]  sc_tgt;
    logic [31:0] sc_pw;
    logic [7:0]  sc_prio;
    if (!rst_n) begin
      ack       <= 1'b0;
      rdata     <= 32'h0;
      resp      <= 2'b00;
      in_q      <= '0;
      g0en_q    <= 1'b0;
      g1en_q    <= 1'b0;
      rwp_q     <= 1'b0;
      rwp_go_q  <= 1'b0;
      sc_q      <= SC_LOAD;
      sc_w_q    <= 5'd0;
      sc_mask_q <= 32'h0;
      init_q    <= 10'd0;
      acc_v     <= '0;
      acc_k     <= '0;
      acc_p     <= '0;
      best_v    <= '0;
      best_k    <= '0;
      best_p    <= '0;
    end else begin
      in_q <= spi_in;

      // -------------------------------------------------- reset sweep of the per-SPI arrays
      // (one entry per cycle after reset; register accesses wait until done)
      if (init_busy) begin
        if (init_q[1:0] == 2'b00) prio_q[32'(init_q[9:2])] <= 32'h0;
        rtlo_q[32'(init_q)] <= 25'h0;   // IROUTER = 0: PE 0
        rthi_q[32'(init_q)] <= 8'h0;
        init_q <= init_q + 10'd1;
      end

      // -------------------------------------------------- scanner
      case (sc_q)
        SC_LOAD: begin
          if (sc_w_q == 5'd0 && rwp_q) rwp_go_q <= 1'b1;   // sweep starts after the write
          word_elig = pend[32*32'(sc_w_q) +: 32] & en_q[32*32'(sc_w_q) +: 32] &
                      grp_q[32*32'(sc_w_q) +: 32] & ~act_q[32*32'(sc_w_q) +: 32] &
                      {32{g1en_q}};
          if (word_elig != 32'h0) begin
            sc_mask_q <= word_elig;
            sc_q      <= SC_BITS;
          end else if (32'(sc_w_q) == W - 1) begin
            sc_q <= SC_PUB;
          end else begin
            sc_w_q <= sc_w_q + 5'd1;
          end
        end
        SC_BITS: begin
          sc_b    = ffs32(sc_mask_q);
          sc_k    = {sc_w_q, sc_b};
          sc_tgt  = route_decode(rtlo_q[32'(sc_k)], rthi_q[32'(sc_k)]);
          sc_pw   = prio_q[32'(sc_k[9:2])];
          sc_prio = sc_pw[8*32'(sc_k[1:0]) +: 8];
          if (sc_tgt[8]) begin
            if (!acc_v[32'(sc_tgt[7:0])] || sc_prio < acc_p[32'(sc_tgt[7:0])*8 +: 8]) begin
              acc_v[32'(sc_tgt[7:0])]          <= 1'b1;
              acc_k[32'(sc_tgt[7:0])*10 +: 10] <= sc_k + 10'd32;
              acc_p[32'(sc_tgt[7:0])*8 +: 8]   <= sc_prio;
            end
          end
          sc_mask_q <= sc_mask_q & (sc_mask_q - 32'd1);
          if ((sc_mask_q & (sc_mask_q - 32'd1)) == 32'h0) begin
            if (32'(sc_w_q) == W - 1) begin
              sc_q <= SC_PUB;
            end else begin
              sc_w_q <= sc_w_q + 5'd1;
              sc_q   <= SC_LOAD;
            end
          end
        end
        SC_PUB: begin
          best_v <= acc_v;
          best_k <= acc_k;
          best_p <= acc_p;
          acc_v  <= '0;
          if (rwp_go_q) begin
            rwp_q    <= 1'b0;
            rwp_go_q <= 1'b0;
          end
          sc_w_q <= 5'd0;
          sc_q   <= SC_LOAD;
        end
        default: sc_q <= SC_LOAD;
      endcase


      // -------------------------------------------------- register access
      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        if (we) begin
          // ---------------- writes
          if (addr == A_CTLR) begin
            if (wstrb[0]) begin
              g0en_q <= wdata[C_G0];
              g1en_q <= wdata[C_G1];
            end
            rwp_q    <= 1'b1;
            rwp_go_q <= 1'b0;
          end else if (is_bitreg && rw_ok && op == OP_CEN) begin
            rwp_q    <= 1'b1;    // ICENABLER
            rwp_go_q <= 1'b0;
          end else if (is_prio && pr_ok) begin
            prio_q[pr_w] <= (prio_q[pr_w] & ~bm) | (wdata & bm & PRIO_BITS);
          end else if (is_rout && rt_ok) begin
            if (!addr[2]) begin
              // {IRM, Aff2, Aff1, Aff0}, byte strobes honoured
              rtlo_q[rt_k] <= {wstrb[RT_IRM / 8] ? wdata[RT_IRM] : rtlo_q[rt_k][24],
                               (rtlo_q[rt_k][23:0] & ~bm[23:0]) | (wdata[23:0] & bm[23:0])};
            end else if (wstrb[0]) begin
              rthi_q[rt_k] <= wdata[7:0];
            end
          end
        end else begin
          // ---------------- reads
          if (addr == A_CTLR)       rdata <= C_FIXED | (rwp_q ? C_RWP : 32'h0) |
                                             (32'(g1en_q) << C_G1) | (32'(g0en_q) << C_G0);
          else if (addr == A_TYPER) rdata <= TYPER_VAL;
          else if (addr == A_IIDR)  rdata <= IIDR_VAL;
          else if (addr == A_PIDR2) rdata <= PIDR2_VAL;
          else if (is_bitreg && rw_ok) begin
            case (addr[9:7])
              OP_GRP:            rdata <= grp_q[32*rw +: 32];
              OP_SEN, OP_CEN:    rdata <= en_q[32*rw +: 32];
              OP_SPEND, OP_CPEND: rdata <= pend[32*rw +: 32];
              OP_SACT, OP_CACT:  rdata <= act_q[32*rw +: 32];
              default:           rdata <= 32'h0;
            endcase
          end else if (is_prio && pr_ok) begin
            rdata <= prio_q[pr_w];
          end else if (is_cfg && cf_ok) begin
            for (int j = 0; j < 16; j++) rdata[CFG_EDGE + 2*j] <= cf_rd[j];
          end else if (is_rout && rt_ok) begin
            if (!addr[2]) rdata <= (32'(rtlo_q[rt_k][24]) << RT_IRM) | {8'h0, rtlo_q[rt_k][23:0]};
            else          rdata <= {24'h0, rthi_q[rt_k]};
          end
        end
      end
    end
  end

`ifndef SYNTHESIS
  // ------------------------------------------------------------------ programming checks
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we) begin
      if (wstrb != 4'hF && !is_prio)
        $error("GICD: byte/halfword access (wstrb=%b) to word-only register at offset 0x%04h", wstrb, addr);
      if (is_grpmod)
        $error("GICD_IGRPMODR: write at offset 0x%04h (Secure-only, RAZ/WI in this model)", addr);
      if (is_rout && !addr[2] && (wdata[RT_IRM] & wstrb[RT_IRM / 8]))
        $error("GICD_IROUTER: IRM=1 (1-of-N) written for INTID %0d: unsupported, SPI is not routed", addr[12:3]);
      if ((is_setspi || is_clrspi) && !ms_ok)
        $error("GICD_%sSPI_NSR: INTID %0d is not an implemented SPI (write ignored)",
               is_setspi ? "SET" : "CLR", wdata);
    end
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, is_grpmod};
`endif

  logic unused_dist;
  assign unused_dist = ^{ns, 1'b0};

endmodule
