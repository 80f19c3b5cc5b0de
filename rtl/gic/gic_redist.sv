// gic_redist: GICv3 redistributor for one PE (SGIs 0-15, PPIs 16-31, LPIs).
//
// Frames: RD_base at offset 0x00000, SGI_base at 0x10000 (addr[16] selects). Offsets,
// fields and constant values come from the register description (gic_redist.rdl -> the
// generated gic_redist_regs_pkg).
//
// SGI/PPI candidate selection: a small sequential scanner snapshots the
// eligible SGI/PPI mask and visits one set bit per cycle (at most 33 cycles
// per sweep); the published candidate is re-validated every cycle against
// the live state and carries its live priority.
//
// LPIs (DirectLPI, no ITS): GICR_SETLPIR/CLRLPIR/INVLPIR/INVALLR writes are
// queued (LPI_QUEUE entries) and executed one at a time by the LPI engine, which
// owns a pending-LPI store (LPI_SLOTS entries of {INTID, cached priority,
// cached enable}), a configuration-byte cache (LPI_CACHE entries, FIFO
// replacement) and an AXI4-Lite read master (one read outstanding) for the
// LPI configuration table at PROPBASER.PA. Associative look-ups over the
// store/cache happen only in the engine's look-up cycle of a command (an
// acknowledge clears the slot published in the IAR cycle, no look-up); per
// cycle, a sequential scanner visits one eligible store
// entry (valid & enabled) and publishes the best (lowest priority value, tie
// -> lower INTID) at the end of each sweep; the published entry is
// re-validated every cycle. Nothing depends on PROPBASER.IDbits per cycle.
// The pending table at PENDBASER is neither read nor written: pending state
// lives in the store (equivalent for a zeroed table, which Linux provides).
// A SETLPIR for a new INTID while the store is full waits in the engine
// (the command queue then fills and further LPI-command writes are not
// acknowledged until a slot frees).
// Waveforms show this block through its ports in the parent (the waves/ views'
// depth); its internals get no trace code unless IRQSIM_TRACE_INTERNALS is
// defined, because Verilator compares every signal with trace code at every dump.
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module gic_redist #(
  parameter int NUM_PES       = 1,
  parameter int LPI_SLOTS     = 32,  // pending-LPI store entries (power of two, 2..1024)
  parameter int LPI_CACHE     = 16,  // configuration-byte cache entries (power of two, 2..256)
  parameter int LPI_QUEUE     = 32,  // LPI command queue entries (power of two, 2..256)
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic        clk,
  input  logic        rst_n,
  // PE index: Aff0 = pe % 16, Aff1 = pe / 16. A port, not a parameter, so that every
  // instance is the same module: the Verilated model then has one copy of its code
  // (rtl/gic/README.md, "one copy of the per-PE code")
  input  logic [7:0]  pe,
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
  // acknowledge / deactivate from the CPU interface, any INTID
  // (ack_id < 32: SGI/PPI; ack_id >= 8192: LPI, its pending state is cleared;
  // deact_id < 32: SGI/PPI; other INTIDs belong to the distributor: ignored)
  input  logic        ack_v,
  input  logic [15:0] ack_id,
  input  logic        deact_v,
  input  logic [15:0] deact_id,
  // best SGI/PPI/LPI candidate
  output logic        cand_v,
  output logic [15:0] cand_id,
  output logic [7:0]  cand_prio,
  output logic        awake,      // ProcessorSleep = 0 and ChildrenAsleep = 0
  output logic [31:0] mon_pending,
  // AXI4-Lite read master (LPI configuration table; one read outstanding)
  output logic        m_arvalid,
  input  logic        m_arready,
  output logic [31:0] m_araddr,
  input  logic        m_rvalid,
  output logic        m_rready,
  input  logic [31:0] m_rdata,
  input  logic [1:0]  m_rresp
);

  // Offsets, fields and values from the register description (gic_redist.rdl -> the generated
  // gic_redist_regs_pkg), named with the package: yosys reads no `import`.
  // addr[FB] selects SGI_base; off = addr[FB-1:0] is the offset within a frame.
  localparam int          FB        = $clog2(gic_redist_regs_pkg::SGI_OFFSET);
  // RD_base
  localparam logic [15:0] A_CTLR    = gic_redist_regs_pkg::CTLR_OFFSET[15:0];
  localparam logic [15:0] A_IIDR    = gic_redist_regs_pkg::IIDR_OFFSET[15:0];
  localparam logic [15:0] A_TYPER   = gic_redist_regs_pkg::TYPER_OFFSET[15:0];
  localparam logic [15:0] A_WAKER   = gic_redist_regs_pkg::WAKER_OFFSET[15:0];
  localparam logic [15:0] A_SETLPI  = gic_redist_regs_pkg::SETLPIR_OFFSET[15:0];
  localparam logic [15:0] A_CLRLPI  = gic_redist_regs_pkg::CLRLPIR_OFFSET[15:0];
  localparam logic [15:0] A_PROPB   = gic_redist_regs_pkg::PROPBASER_OFFSET[15:0];
  localparam logic [15:0] A_PENDB   = gic_redist_regs_pkg::PENDBASER_OFFSET[15:0];
  localparam logic [15:0] A_INVLPI  = gic_redist_regs_pkg::INVLPIR_OFFSET[15:0];
  localparam logic [15:0] A_INVALL  = gic_redist_regs_pkg::INVALLR_OFFSET[15:0];
  localparam logic [15:0] A_SYNCR   = gic_redist_regs_pkg::SYNCR_OFFSET[15:0];
  localparam logic [15:0] A_PIDR2   = gic_redist_regs_pkg::PIDR2_OFFSET[15:0];
  // SGI_base: the one-bit-per-INTID registers (128 bytes apart: off[9:7] names them; word 0 only)
  localparam logic [5:0]  F_BITS    = gic_redist_regs_pkg::SGI_IGROUPR0_OFFSET[15:10];
  localparam logic [6:0]  BIT_WORD  = gic_redist_regs_pkg::SGI_IGROUPR0_OFFSET[6:0];
  localparam logic [2:0]  OP_GRP    = gic_redist_regs_pkg::SGI_IGROUPR0_OFFSET[9:7];
  localparam logic [2:0]  OP_SEN    = gic_redist_regs_pkg::SGI_ISENABLER0_OFFSET[9:7];
  localparam logic [2:0]  OP_CEN    = gic_redist_regs_pkg::SGI_ICENABLER0_OFFSET[9:7];
  localparam logic [2:0]  OP_SPEND  = gic_redist_regs_pkg::SGI_ISPENDR0_OFFSET[9:7];
  localparam logic [2:0]  OP_CPEND  = gic_redist_regs_pkg::SGI_ICPENDR0_OFFSET[9:7];
  localparam logic [2:0]  OP_SACT   = gic_redist_regs_pkg::SGI_ISACTIVER0_OFFSET[9:7];
  localparam logic [2:0]  OP_CACT   = gic_redist_regs_pkg::SGI_ICACTIVER0_OFFSET[9:7];
  localparam logic [10:0] F_PRIO    = gic_redist_regs_pkg::SGI_IPRIORITYR_OFFSET[15:5];   // 8 words
  localparam logic [15:0] A_ICFGR0  = gic_redist_regs_pkg::SGI_ICFGR0_OFFSET[15:0];
  localparam logic [15:0] A_ICFGR1  = gic_redist_regs_pkg::SGI_ICFGR1_OFFSET[15:0];
  localparam logic [15:0] A_GRPMOD  = gic_redist_regs_pkg::SGI_IGRPMODR0_OFFSET[15:0];
  localparam logic [15:0] A_SPIDR2  = gic_redist_regs_pkg::SGI_PIDR2_OFFSET[15:0];
  // fields
  localparam int          C_ENLPI   = gic_redist_regs_pkg::CTLR_ENABLELPIS_LSB;
  localparam int          C_RWP     = gic_redist_regs_pkg::CTLR_RWP_LSB;
  localparam logic [31:0] C_FIXED   = gic_redist_regs_pkg::CTLR_RESET & gic_redist_regs_pkg::CTLR_IR_MASK;
  localparam int          W_PSLEEP  = gic_redist_regs_pkg::WAKER_PROCESSORSLEEP_LSB;
  localparam int          W_CASLEEP = gic_redist_regs_pkg::WAKER_CHILDRENASLEEP_LSB;
  localparam int          S_BUSY    = gic_redist_regs_pkg::SYNCR_BUSY_LSB;
  localparam int          CFG_EDGE  = gic_redist_regs_pkg::SGI_ICFGR1_EDGE0_LSB;   // PPI k: bit CFG_EDGE + 2k
  localparam logic [31:0] PRIO_BITS = gic_redist_regs_pkg::SGI_IPRIORITYR_PRI0_MASK |
                                      gic_redist_regs_pkg::SGI_IPRIORITYR_PRI1_MASK |
                                      gic_redist_regs_pkg::SGI_IPRIORITYR_PRI2_MASK |
                                      gic_redist_regs_pkg::SGI_IPRIORITYR_PRI3_MASK;
  // constant registers: ProductID 'I', ArchRev 3, SGIs always edge; TYPER from the PE
  // (PLPIS, DirectLPI; Processor_Number = PE, Last, affinity Aff1 = PE / 16, Aff0 = PE % 16)
  localparam logic [31:0] IIDR_VAL  = gic_redist_regs_pkg::IIDR_RESET;
  localparam logic [31:0] PIDR2_VAL = gic_redist_regs_pkg::PIDR2_RESET;
  localparam logic [31:0] SPIDR2_VAL = gic_redist_regs_pkg::SGI_PIDR2_RESET;
  localparam logic [31:0] ICFGR0_VAL = gic_redist_regs_pkg::SGI_ICFGR0_RESET;
  localparam logic [63:0] TYPER_PE  = gic_redist_regs_pkg::TYPER_LAST_MASK | gic_redist_regs_pkg::TYPER_PROCESSOR_NUMBER_MASK |
                                      gic_redist_regs_pkg::TYPER_AFF0_MASK | gic_redist_regs_pkg::TYPER_AFF1_MASK;
  // the PE-dependent fields come from the pe port (one module for every PE, see the header)
  logic                   LAST;
  logic [63:0]            TYPER_VAL;
  logic [31:0]            TYPER_LO, TYPER_HI;
  assign LAST      = (32'(pe) == NUM_PES - 1);
  assign TYPER_VAL = (gic_redist_regs_pkg::TYPER_RESET & ~TYPER_PE) |
                     (64'(LAST) << gic_redist_regs_pkg::TYPER_LAST_LSB) |
                     (64'(pe) << gic_redist_regs_pkg::TYPER_PROCESSOR_NUMBER_LSB) |
                     (64'(pe[3:0]) << gic_redist_regs_pkg::TYPER_AFF0_LSB) |
                     (64'(pe[7:4]) << gic_redist_regs_pkg::TYPER_AFF1_LSB);
  assign TYPER_LO  = TYPER_VAL[31:0];
  assign TYPER_HI  = TYPER_VAL[63:32];

  // ------------------------------------------------------------------ state
  logic [31:0] grp_q, en_q, latch_q, act_q;
  logic [15:0] pedge_q;          // ICFGR1 odd bits: PPI edge
  logic [15:0] pin_q;            // ppi_in delayed
  logic [31:0] prio_q [8];      // IPRIORITYR0-7 (4 INTIDs per word, bits 7:3 kept)
  logic        enlpi_q;          // GICR_CTLR.EnableLPIs (set once: CES = 0)
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

  // ------------------------------------------------------------------ scanner
  logic        sc_bits_q;   // 0: load snapshot, 1: visiting bits
  logic [31:0] sc_mask_q;
  logic        acc_v_q;
  logic [4:0]  acc_id_q;
  logic [7:0]  acc_p_q;
  logic        best_v_q;
  logic [4:0]  best_id_q;

  logic [31:0] cand_pw;

  // ------------------------------------------------------------------ LPI state
  localparam int SW = $clog2(LPI_SLOTS);
  localparam int CW = $clog2(LPI_CACHE);
  localparam int QD = LPI_QUEUE;              // LPI command queue depth
  localparam int QW = $clog2(QD);
  localparam int QC = QW + 1;                 // queue count width
  localparam logic [1:0] OP_SET = 2'd0, OP_CLR = 2'd1, OP_INV = 2'd2, OP_ALL = 2'd3;
  localparam logic [2:0] E_IDLE = 3'd0, E_LOOK = 3'd1, E_AR = 3'd2, E_R = 3'd3,
                         E_WAIT = 3'd4, E_ALL = 3'd5;
  // PROPBASER: IDbits, InnerCache, Shareability, PA[51:12], OuterCache
  // PENDBASER: InnerCache, Shareability, PA[51:16], OuterCache (PTZ reads 0)
  localparam logic [63:0] PROPB_MASK = gic_redist_regs_pkg::PROPBASER_IDBITS_MASK |
                                       gic_redist_regs_pkg::PROPBASER_INNERCACHE_MASK |
                                       gic_redist_regs_pkg::PROPBASER_SHAREABILITY_MASK |
                                       gic_redist_regs_pkg::PROPBASER_PA_MASK |
                                       gic_redist_regs_pkg::PROPBASER_OUTERCACHE_MASK;
  localparam logic [63:0] PENDB_MASK = gic_redist_regs_pkg::PENDBASER_INNERCACHE_MASK |
                                       gic_redist_regs_pkg::PENDBASER_SHAREABILITY_MASK |
                                       gic_redist_regs_pkg::PENDBASER_PA_MASK |
                                       gic_redist_regs_pkg::PENDBASER_OUTERCACHE_MASK;
  localparam int          IDBITS_W   = gic_redist_regs_pkg::PROPBASER_IDBITS_WIDTH;

  typedef logic [LPI_SLOTS-1:0] slotv_t;
  localparam logic [LPI_SLOTS-1:0] ONE_S = {{(LPI_SLOTS-1){1'b0}}, 1'b1};

  // one-hot -> index: bit k of the index = OR of the one-hot bits whose index has bit k
  function automatic logic [SW*LPI_SLOTS-1:0] mk_pat();
    logic [SW*LPI_SLOTS-1:0] r;
    r = '0;
    for (int k = 0; k < SW; k++)
      for (int i = 0; i < LPI_SLOTS; i++)
        r[k*LPI_SLOTS + i] = ((i >> k) & 1) != 0;
    mk_pat = r;
  endfunction
  localparam logic [SW*LPI_SLOTS-1:0] PAT = mk_pat();

  // (index bit k of a one-hot oh: |(oh & PAT[k*LPI_SLOTS +: LPI_SLOTS]), written out where
  // used: no function calls in this module, rtl/gic/README.md)

  logic [31:0] propb_lo_q, propb_hi_q, pendb_lo_q, pendb_hi_q;

  // pending-LPI store
  slotv_t      st_v_q, st_en_q;
  logic [15:0] st_id_q [LPI_SLOTS];
  logic [5:0]  st_pr_q [LPI_SLOTS];      // config byte [7:2]
  // configuration-byte cache
  logic [LPI_CACHE-1:0] ca_v_q;
  logic [15:0] ca_id_q [LPI_CACHE];
  logic [7:0]  ca_b_q  [LPI_CACHE];
  logic [CW-1:0] ca_rr_q;
  // command queue
  logic [1:0]  q_op_q [QD];
  logic [15:0] q_id_q [QD];
  logic [QW-1:0] q_rd_q, q_wr_q;
  logic [QC-1:0] q_cnt_q;
  // engine
  logic [2:0]    e_st_q;
  logic [1:0]    e_op_q;
  logic [15:0]   e_id_q;
  logic [SW-1:0] e_slot_q;
  logic          e_shit_q;
  logic [CW-1:0] e_cidx_q;
  logic          e_chit_q;
  logic [7:0]    e_byte_q;
  logic [31:0]   e_addr_q;
  logic [SW-1:0] e_cnt_q;                 // INVALLR slot walk
  // LPI scanner
  logic          ls_bits_q;
  slotv_t        ls_mask_q;
  logic          lacc_v_q;
  logic [SW-1:0] lacc_s_q;
  logic [5:0]    lacc_p_q;
  logic [15:0]   lacc_id_q;
  logic          lbest_v_q;
  logic [SW-1:0] lbest_s_q;
  logic [5:0]    lbest_p_q;
  logic [15:0]   lbest_id_q;
  logic [SW-1:0] lack_s_q;                // lbest_s_q one cycle earlier (IAR cycle)

  slotv_t lelig;
  assign lelig = st_v_q & st_en_q;

  logic lpi_busy;
  assign lpi_busy = (q_cnt_q != '0) || (e_st_q != E_IDLE);

  assign m_arvalid = (e_st_q == E_AR);
  assign m_araddr  = {e_addr_q[31:2], 2'b00};
  assign m_rready  = (e_st_q == E_R);

  // ------------------------------------------------------------------ candidate merge
  // SGI/PPI scanner's candidate vs the LPI scanner's (lower priority value wins;
  // tie -> SGI/PPI, the lower INTID)
  logic       sg_v, lp_v;
  logic [7:0] sg_p, lp_p;
  assign sg_v    = best_v_q && elig[best_id_q];
  assign cand_pw = prio_q[best_id_q[4:2]];
  assign sg_p    = cand_pw[8*32'(best_id_q[1:0]) +: 8];
  // (published priority: a changed priority shows at the next publish; a cleared
  // enable or pending state at once)
  assign lp_v    = lbest_v_q && lelig[lbest_s_q] && grp1_en && enlpi_q;
  assign lp_p    = {lbest_p_q, 2'b00};

  always_comb begin
    if (sg_v && (!lp_v || sg_p <= lp_p)) begin
      cand_v = 1'b1; cand_id = {11'd0, best_id_q}; cand_prio = sg_p;
    end else begin
      cand_v = lp_v; cand_id = lbest_id_q; cand_prio = lp_p;
    end
  end

  // ------------------------------------------------------------------ register decode
  logic        acc_now;
  logic [31:0] bm;
  logic        sgi_frame;
  logic [15:0] off;
  logic        lpi_cmd_off, q_full;
  assign bm        = {{8{wstrb[3]}}, {8{wstrb[2]}}, {8{wstrb[1]}}, {8{wstrb[0]}}};
  assign sgi_frame = addr[FB];
  assign off       = addr[FB-1:0];
  // SETLPIR/CLRLPIR/INVLPIR/INVALLR low words: queued for the LPI engine; a write
  // finding the queue full is acknowledged when there is room
  assign lpi_cmd_off = !sgi_frame && (off == A_SETLPI || off == A_CLRLPI ||
                                      off == A_INVLPI || off == A_INVALL);
  assign q_full      = (q_cnt_q == QC'(QD));
  assign acc_now     = req && !ack && !(we && lpi_cmd_off && q_full);

  // LPI INTID range: 8192 <= id < 2^(min(IDbits,15)+1)
  logic [4:0]  idbits;
  logic [16:0] id_lim;
  logic        id_ok;
  assign idbits = (propb_lo_q[IDBITS_W-1:0] > 5'd15) ? 5'd15 : propb_lo_q[IDBITS_W-1:0];
  assign id_lim = 17'd1 << (idbits + 5'd1);
  assign id_ok  = (wdata[31:16] == 16'h0) && (wdata[15:13] != 3'd0) && ({1'b0, wdata[15:0]} < id_lim);

  logic        cmd_push;
  logic [1:0]  cmd_op;
  assign cmd_push = acc_now && we && lpi_cmd_off && enlpi_q && (off == A_INVALL || id_ok);
  assign cmd_op   = (off == A_SETLPI) ? OP_SET : (off == A_CLRLPI) ? OP_CLR :
                    (off == A_INVLPI) ? OP_INV : OP_ALL;

  logic is_bit0, is_prio, is_grpmod;
  assign is_bit0   = sgi_frame && (off[15:10] == F_BITS) && (off[9:7] >= OP_GRP) && (off[6:0] == BIT_WORD);
  assign is_prio   = sgi_frame && (off[15:5] == F_PRIO);           // 0x400-0x41F
  assign is_grpmod = sgi_frame && (off == A_GRPMOD);

  // Conditions of p_main's updates, computed outside the block: inside it every
  // state variable is read before it is written (a variable written and then read
  // again in one block costs the Verilated model a shadow copy in and out every cycle).
  logic        wake_busy, wake_done;      // WAKER: ChildrenAsleep follows ProcessorSleep
  assign wake_busy = (casleep_q != psleep_q);
  assign wake_done = wake_busy && (wake_cnt_q == 3'd3);
  logic [31:0] sc_rest;                   // SGI/PPI scanner: bits left after this one
  logic        sc_end, rwp_clr, rwp_arm;
  assign sc_rest = sc_mask_q & (sc_mask_q - 32'd1);
  assign sc_end  = sc_bits_q ? (sc_rest == 32'h0) : (elig == 32'h0);   // a sweep ends
  assign rwp_clr = rwp_go_q && sc_end;
  assign rwp_arm = !sc_bits_q && rwp_q;
  logic        reg_wr, reg_rd, wr_bit;
  logic [2:0]  bit_op;
  logic [31:0] wd, sgi_m, ack_m, deact_m;
  assign reg_wr  = acc_now && we;
  assign reg_rd  = acc_now && !we;
  assign wr_bit  = reg_wr && is_bit0;
  assign bit_op  = off[9:7];
  assign wd      = wdata & bm;
  assign sgi_m   = sgi_set_v ? (32'h1 << sgi_set_id) : 32'h0;
  assign ack_m   = (ack_v && ack_id[15:5] == 11'h0) ? (32'h1 << ack_id[4:0]) : 32'h0;
  assign deact_m = (deact_v && deact_id[15:5] == 11'h0) ? (32'h1 << deact_id[4:0]) : 32'h0;
  // ISENABLER0/ICENABLER0, ISPENDR0/ICPENDR0, ISACTIVER0/ICACTIVER0 set / clear masks
  logic [31:0] en_set, en_clr, lat_set, lat_clr, act_set, act_clr;
  assign en_set  = (wr_bit && bit_op == OP_SEN) ? wd : 32'h0;
  assign en_clr  = (wr_bit && bit_op == OP_CEN) ? wd : 32'h0;
  assign lat_set = (wr_bit && bit_op == OP_SPEND) ? wd : 32'h0;
  assign lat_clr = (wr_bit && bit_op == OP_CPEND) ? wd : 32'h0;
  assign act_set = (wr_bit && bit_op == OP_SACT) ? wd : 32'h0;
  assign act_clr = (wr_bit && bit_op == OP_CACT) ? wd : 32'h0;
  logic lat_upd, act_upd, en_upd;
  assign lat_upd = (wr_bit && (bit_op == OP_SPEND || bit_op == OP_CPEND)) || sgi_set_v || (|rise) || (|ack_m);
  assign act_upd = (wr_bit && (bit_op == OP_SACT || bit_op == OP_CACT)) || (|ack_m) || (|deact_m);
  assign en_upd  = wr_bit && (bit_op == OP_SEN || bit_op == OP_CEN);

  // (the scanner's per-bit values are block-local: computed only while visiting bits)
  always_ff @(posedge clk) begin : p_main
    logic [4:0]  sc_b;
    logic [31:0] sc_l;
    logic [31:0] sc_pw;
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
      propb_lo_q <= 32'h0;
      propb_hi_q <= 32'h0;
      pendb_lo_q <= 32'h0;
      pendb_hi_q <= 32'h0;
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

      // -------------------------------------------------- register reads (before any write)
      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
      end
      if (reg_rd) begin
        if (!sgi_frame) begin
          case (off)
            A_CTLR:        rdata <= C_FIXED | (32'(rwp_q) << C_RWP) | (32'(enlpi_q) << C_ENLPI);
            A_IIDR:        rdata <= IIDR_VAL;
            A_TYPER:       rdata <= TYPER_LO;
            A_TYPER + 4:   rdata <= TYPER_HI;
            A_WAKER:       rdata <= (32'(casleep_q) << W_CASLEEP) | (32'(psleep_q) << W_PSLEEP);
            A_PIDR2:       rdata <= PIDR2_VAL;
            A_PROPB:       rdata <= propb_lo_q;
            A_PROPB + 4:   rdata <= propb_hi_q;
            A_PENDB:       rdata <= pendb_lo_q;
            A_PENDB + 4:   rdata <= pendb_hi_q;
            A_SYNCR:       rdata <= 32'(lpi_busy) << S_BUSY;
            default:       rdata <= 32'h0;   // incl. write-only SETLPIR/CLRLPIR/INVLPIR/INVALLR
          endcase
        end else if (is_bit0) begin
          case (off[9:7])
            OP_GRP:             rdata <= grp_q;
            OP_SEN, OP_CEN:     rdata <= en_q;
            OP_SPEND, OP_CPEND: rdata <= pend;
            OP_SACT, OP_CACT:   rdata <= act_q;
            default:            rdata <= 32'h0;
          endcase
        end else if (is_prio) begin
          rdata <= prio_q[off[4:2]];
        end else if (sgi_frame && off == A_ICFGR0) begin
          rdata <= ICFGR0_VAL;
        end else if (sgi_frame && off == A_ICFGR1) begin
          for (int j = 0; j < 16; j++) rdata[CFG_EDGE + 2*j] <= pedge_q[j];
        end else if (sgi_frame && off == A_SPIDR2) begin
          rdata <= SPIDR2_VAL;
        end
      end

      // -------------------------------------------------- WAKER: ChildrenAsleep follows
      // ProcessorSleep a few cycles later
      if (wake_done) casleep_q <= psleep_q;
      if (wake_busy || wake_cnt_q != 3'd0)
        wake_cnt_q <= (wake_busy && !wake_done) ? wake_cnt_q + 3'd1 : 3'd0;

      // -------------------------------------------------- scanner
      if (!sc_bits_q) begin
        acc_v_q <= 1'b0;
        if (elig == 32'h0) begin
          best_v_q <= 1'b0;
        end else begin
          sc_mask_q <= elig;
          sc_bits_q <= 1'b1;
        end
      end else begin
        sc_l      = sc_mask_q & ~sc_rest;   // the lowest set bit
        sc_b      = {|(sc_l & 32'hFFFF_0000), |(sc_l & 32'hFF00_FF00), |(sc_l & 32'hF0F0_F0F0),
                     |(sc_l & 32'hCCCC_CCCC), |(sc_l & 32'hAAAA_AAAA)};
        sc_pw     = prio_q[sc_b[4:2]];
        sc_prio   = sc_pw[8*32'(sc_b[1:0]) +: 8];
        sc_better = !acc_v_q || (sc_prio < acc_p_q);
        if (sc_rest == 32'h0) begin
          // publish
          best_v_q  <= 1'b1;
          best_id_q <= sc_better ? sc_b : acc_id_q;
          sc_bits_q <= 1'b0;
        end
        if (sc_better) begin
          acc_v_q  <= 1'b1;
          acc_id_q <= sc_b;
          acc_p_q  <= sc_prio;
        end
        sc_mask_q <= sc_rest;
      end
      // RWP: set by ICENABLER0 (below), cleared at the end of the sweep after next
      if (rwp_clr) begin
        rwp_q    <= 1'b0;
        rwp_go_q <= 1'b0;
      end else if (rwp_arm) begin
        rwp_go_q <= 1'b1;
      end

      // -------------------------------------------------- SGI/PPI enable, pending and active
      // (one write each; as before: a register write first, then SGI generation and PPI
      // edges, then acknowledge (pending -> active), then deactivate)
      if (en_upd)  en_q    <= (en_q | en_set) & ~en_clr;
      if (lat_upd) latch_q <= ((latch_q | rise | sgi_m | lat_set) & ~lat_clr) & ~ack_m;
      if (act_upd) act_q   <= (((act_q | act_set) & ~act_clr) | ack_m) & ~deact_m;

      // -------------------------------------------------- register writes
      if (reg_wr) begin
        if (!sgi_frame) begin
          case (off)
            A_CTLR:      if (wstrb[C_ENLPI / 8] && wdata[C_ENLPI]) enlpi_q <= 1'b1;   // CES = 0: no clearing
            A_WAKER:     if (wstrb[W_PSLEEP / 8]) psleep_q <= wdata[W_PSLEEP];
            A_PROPB:     if (!enlpi_q) propb_lo_q <= (propb_lo_q & ~bm) | (wdata & bm & PROPB_MASK[31:0]);
            A_PROPB + 4: if (!enlpi_q) propb_hi_q <= (propb_hi_q & ~bm) | (wdata & bm & PROPB_MASK[63:32]);
            A_PENDB:     if (!enlpi_q) pendb_lo_q <= (pendb_lo_q & ~bm) | (wdata & bm & PENDB_MASK[31:0]);
            A_PENDB + 4: if (!enlpi_q) pendb_hi_q <= (pendb_hi_q & ~bm) | (wdata & bm & PENDB_MASK[63:32]);
            default: ;  // RO, LPI commands (LPI engine), reserved
          endcase
        end else if (is_bit0) begin
          case (off[9:7])
            OP_GRP: grp_q <= (grp_q & ~bm) | wd;
            OP_CEN: begin   // ICENABLER0 (the enables above)
              rwp_q    <= 1'b1;
              rwp_go_q <= 1'b0;
            end
            default: ;   // 2, 4-7: enable, pending, active above
          endcase
        end else if (is_prio) begin
          prio_q[off[4:2]] <= (prio_q[off[4:2]] & ~bm) | (wdata & bm & PRIO_BITS);
        end else if (sgi_frame && off == A_ICFGR1) begin
          for (int j = 0; j < 16; j++)
            if (wstrb[j/4]) pedge_q[j] <= wdata[CFG_EDGE + 2*j];
        end
      end
    end
  end

  // ------------------------------------------------------------------ LPI engine
  // Executes one queued command at a time. Associative look-ups (store, cache) run
  // only in E_LOOK. An acknowledged LPI is the candidate published in the IAR cycle:
  // its slot is lack_s_q (lbest_s_q one cycle earlier). A slot that is published or
  // held by the scanner's accumulator is never reallocated, so the published
  // {slot, INTID} pair stays consistent without re-reading the INTID.
  logic ack_lpi;
  assign ack_lpi = ack_v && (ack_id[15:13] != 3'd0);

  always_ff @(posedge clk) begin : p_lpi
    logic          s_hit, c_hit, pop, w_do, w_new;
    logic [SW-1:0] s_idx, w_s;
    logic [CW-1:0] c_idx, f_idx;
    slotv_t        oh, busy;
    logic [7:0]    rb;
    logic [15:0]   a_id;
    if (!rst_n) begin
      st_v_q   <= '0;
      st_en_q  <= '0;
      ca_v_q   <= '0;
      ca_rr_q  <= '0;
      q_rd_q   <= '0;
      q_wr_q   <= '0;
      q_cnt_q  <= '0;
      e_st_q   <= E_IDLE;
      e_op_q   <= OP_SET;
      e_id_q   <= 16'h0;
      e_slot_q <= '0;
      e_shit_q <= 1'b0;
      e_cidx_q <= '0;
      e_chit_q <= 1'b0;
      e_byte_q <= 8'h0;
      e_addr_q <= 32'h0;
      e_cnt_q  <= '0;
    end else begin
      pop   = 1'b0;
      w_do  = 1'b0;
      w_new = 1'b0;
      w_s   = e_slot_q;
      if (cmd_push) begin
        q_op_q[q_wr_q] <= cmd_op;
        q_id_q[q_wr_q] <= wdata[15:0];
        q_wr_q         <= q_wr_q + QW'(1);
      end

      case (e_st_q)
        E_IDLE: begin
          if (q_cnt_q != '0) begin
            e_op_q <= q_op_q[q_rd_q];
            e_id_q <= q_id_q[q_rd_q];
            q_rd_q <= q_rd_q + QW'(1);
            pop    = 1'b1;
            e_st_q <= E_LOOK;
          end
        end
        E_LOOK: begin
          // at most one store entry and one cache entry hold an INTID
          s_hit = 1'b0;
          s_idx = '0;
          for (int i = 0; i < LPI_SLOTS; i++)
            if (st_v_q[i] && st_id_q[i] == e_id_q) begin
              s_hit = 1'b1;
              s_idx = s_idx | SW'(i);
            end
          if (ack_lpi && s_idx == lack_s_q) s_hit = 1'b0;   // leaves the store this cycle
          c_hit = 1'b0;
          c_idx = '0;
          for (int i = 0; i < LPI_CACHE; i++)
            if (ca_v_q[i] && ca_id_q[i] == e_id_q) begin
              c_hit = 1'b1;
              c_idx = c_idx | CW'(i);
            end
          e_slot_q <= s_idx;
          e_shit_q <= s_hit;
          e_chit_q <= c_hit;
          e_cidx_q <= c_idx;
          e_addr_q <= {propb_lo_q[31:12], 12'h0} + 32'(e_id_q) - 32'd8192;
          case (e_op_q)
            OP_SET: begin
              if (s_hit) begin
                e_st_q <= E_IDLE;                    // already pending: coalesced
              end else if (c_hit) begin
                e_byte_q <= ca_b_q[c_idx];
                e_st_q   <= E_WAIT;
              end else begin
                e_st_q <= E_AR;
              end
            end
            OP_CLR: begin
              if (s_hit) st_v_q[s_idx] <= 1'b0;
              e_st_q <= E_IDLE;
            end
            OP_INV: begin
              if (c_hit) ca_v_q[c_idx] <= 1'b0;
              e_st_q <= E_AR;
            end
            default: begin                           // OP_ALL: walk the slots
              ca_v_q  <= '0;
              e_cnt_q <= '0;
              e_st_q  <= E_ALL;
            end
          endcase
        end
        E_ALL: begin
          a_id = st_id_q[e_cnt_q];
          e_cnt_q <= e_cnt_q + SW'(1);
          if (st_v_q[e_cnt_q]) begin
            e_slot_q <= e_cnt_q;
            e_shit_q <= 1'b1;
            e_chit_q <= 1'b0;
            e_id_q   <= a_id;
            e_addr_q <= {propb_lo_q[31:12], 12'h0} + 32'(a_id) - 32'd8192;
            e_st_q   <= E_AR;
          end else if (e_cnt_q == SW'(LPI_SLOTS - 1)) begin
            e_st_q <= E_IDLE;
          end
        end
        E_AR: if (m_arready) e_st_q <= E_R;
        E_R: begin
          if (m_rvalid) begin
            rb = (m_rresp == 2'b00) ? m_rdata[8*32'(e_addr_q[1:0]) +: 8] : 8'h00;
            e_byte_q <= rb;
            f_idx = e_chit_q ? e_cidx_q : ca_rr_q;
            if (!e_chit_q) ca_rr_q <= ca_rr_q + CW'(1);
            ca_v_q[f_idx]  <= 1'b1;
            ca_id_q[f_idx] <= e_id_q;
            ca_b_q[f_idx]  <= rb;
            if (e_op_q == OP_SET) begin
              e_st_q <= E_WAIT;
            end else begin
              // INV / ALL: the entry cannot have been reallocated meanwhile (only
              // this engine inserts), so valid => same INTID
              w_do = e_shit_q && st_v_q[e_slot_q];
              w_s  = e_slot_q;
              if (e_op_q == OP_ALL)
                e_st_q <= (e_slot_q == SW'(LPI_SLOTS - 1)) ? E_IDLE : E_ALL;
              else
                e_st_q <= E_IDLE;
            end
          end
        end
        E_WAIT: begin
          // insert into the lowest free slot that the scanner does not hold;
          // waits while there is none
          busy = st_v_q;
          if (lbest_v_q) busy[lbest_s_q] = 1'b1;
          if (lacc_v_q)  busy[lacc_s_q]  = 1'b1;
          busy[lack_s_q] = 1'b1;
          oh = ~busy & (busy + ONE_S);
          if (oh != '0) begin
            w_do   = 1'b1;
            w_new  = 1'b1;
            for (int k = 0; k < SW; k++) w_s[k] = |(oh & PAT[k*LPI_SLOTS +: LPI_SLOTS]);
            e_st_q <= E_IDLE;
          end
        end
        default: e_st_q <= E_IDLE;
      endcase

      // single write port of the store (insert or configuration update)
      if (w_do) begin
        st_en_q[w_s] <= (w_new ? e_byte_q[0] : rb[0]);
        st_pr_q[w_s] <= (w_new ? e_byte_q[7:2] : rb[7:2]);
        if (w_new) begin
          st_v_q[w_s]  <= 1'b1;
          st_id_q[w_s] <= e_id_q;
        end
      end

      q_cnt_q <= q_cnt_q + (QC'(cmd_push)) - (QC'(pop));

      // LPI acknowledge: pending state cleared (LPIs have no active state)
      if (ack_lpi) st_v_q[lack_s_q] <= 1'b0;
    end
  end

  // ------------------------------------------------------------------ LPI scanner
  // One eligible store entry per cycle; best published at the end of a sweep.
  // An LPI acknowledge restarts the sweep (the published entry just left).
  always_ff @(posedge clk) begin : p_lscan
    slotv_t        oh, rest;
    logic [SW-1:0] s;
    logic [5:0]    p;
    logic [15:0]   id;
    logic          better;
    if (!rst_n) begin
      ls_bits_q  <= 1'b0;
      ls_mask_q  <= '0;
      lacc_v_q   <= 1'b0;
      lacc_s_q   <= '0;
      lacc_p_q   <= 6'h0;
      lacc_id_q  <= 16'h0;
      lbest_v_q  <= 1'b0;
      lbest_s_q  <= '0;
      lbest_p_q  <= 6'h0;
      lbest_id_q <= 16'h0;
      lack_s_q   <= '0;
    end else begin
      lack_s_q <= lbest_s_q;
      // (the accumulator is read before it is written: see p_main)
      if (ls_bits_q) begin
        oh     = ls_mask_q & (~ls_mask_q + ONE_S);
        rest   = ls_mask_q & ~oh;
        for (int k = 0; k < SW; k++) s[k] = |(oh & PAT[k*LPI_SLOTS +: LPI_SLOTS]);
        p      = st_pr_q[s];
        id     = st_id_q[s];
        better = lelig[s] && (!lacc_v_q || p < lacc_p_q || (p == lacc_p_q && id < lacc_id_q));
        if (rest == '0) begin
          ls_bits_q  <= 1'b0;
          lbest_v_q  <= better || lacc_v_q;
          lbest_s_q  <= better ? s : lacc_s_q;
          lbest_p_q  <= better ? p : lacc_p_q;
          lbest_id_q <= better ? id : lacc_id_q;
        end
        if (better) begin
          lacc_v_q  <= 1'b1;
          lacc_s_q  <= s;
          lacc_p_q  <= p;
          lacc_id_q <= id;
        end
        ls_mask_q <= rest;
      end else begin
        lacc_v_q <= 1'b0;
        if (lelig == '0) begin
          lbest_v_q <= 1'b0;
        end else begin
          ls_mask_q <= lelig;
          ls_bits_q <= 1'b1;
        end
      end
      if (ack_lpi) ls_bits_q <= 1'b0;
    end
  end

`ifndef SYNTHESIS
  // (the checks' messages name their instance: kept in a module of their own, so they
  // do not make this module's code per instance in the Verilated model)
  gic_redist_chk #(.IRQSIM_ASSERT(IRQSIM_ASSERT)) u_chk (
    .clk, .rst_n, .pe, .acc_now, .we, .wstrb, .addr, .is_prio, .is_grpmod, .sgi_frame, .off, .enlpi_q
  );
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, is_grpmod};
`endif

  logic unused_rd;
  assign unused_rd = ^{ns, e_byte_q[1], pendb_lo_q, pendb_hi_q, propb_hi_q, propb_lo_q[11:IDBITS_W]};

endmodule

`ifndef SYNTHESIS
// gic_redist's programming checks (one instance per redistributor), kept beside the block they check
/* verilator lint_off DECLFILENAME */
module gic_redist_chk #(
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input logic        clk,
  input logic        rst_n,
  input logic [7:0]  pe,
  input logic        acc_now,
  input logic        we,
  input logic [3:0]  wstrb,
  input logic [16:0] addr,
  input logic        is_prio,
  input logic        is_grpmod,
  input logic        sgi_frame,
  input logic [15:0] off,
  input logic        enlpi_q
);
  localparam logic [15:0] A_PROPB = gic_redist_regs_pkg::PROPBASER_OFFSET[15:0];
  localparam logic [15:0] A_PENDB = gic_redist_regs_pkg::PENDBASER_OFFSET[15:0];
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we) begin
      if (wstrb != 4'hF && !is_prio)
        $error("GICR: byte/halfword access (wstrb=%b) to word-only register at offset 0x%05h (PE %0d)",
               wstrb, addr, pe);
      if (is_grpmod)
        $error("GICR_IGRPMODR0: write (Secure-only, RAZ/WI in this model) (PE %0d)", pe);
      if (!sgi_frame && (off == A_PROPB || off == A_PROPB + 4 || off == A_PENDB || off == A_PENDB + 4) &&
          enlpi_q)
        $error("GICR_%s: written while GICR_CTLR.EnableLPIs=1 (write ignored; tables must be programmed before enabling LPIs) (PE %0d)",
               (off == A_PENDB || off == A_PENDB + 4) ? "PENDBASER" : "PROPBASER", pe);
    end
  end
endmodule
/* verilator lint_on DECLFILENAME */
`endif
