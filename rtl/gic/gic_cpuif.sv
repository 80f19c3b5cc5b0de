// gic_cpuif: GICv3 CPU interface (ICC_* system registers) for one PE.
//
// System-register key (16 bits), op0 = 3 implied (the register map: gic_cpuif.rdl, which
// describes key k at byte address k * 8; keys and fields come from the generated
// gic_cpuif_regs_pkg):
//   key[15:14] = op0 (3) or 0 - both accepted, key[13:11] = op1,
//   key[10:7]  = CRn, key[6:3] = CRm, key[2:0] = op2
//   i.e. key = (op1 << 11) | (CRn << 7) | (CRm << 3) | op2  [| 0xC000].
// Implemented (op1 = 0):
//   0x230 ICC_PMR_EL1      0x643 ICC_BPR0_EL1    0x644 ICC_AP0R0_EL1 (RAZ/WI)
//   0x648 ICC_AP1R0_EL1    0x659 ICC_DIR_EL1     0x65B ICC_RPR_EL1
//   0x65D ICC_SGI1R_EL1    0x660 ICC_IAR1_EL1    0x661 ICC_EOIR1_EL1
//   0x662 ICC_HPPIR1_EL1   0x663 ICC_BPR1_EL1    0x664 ICC_CTLR_EL1
//   0x665 ICC_SRE_EL1      0x666 ICC_IGRPEN0_EL1 0x667 ICC_IGRPEN1_EL1
// Other keys, writes to read-only and reads of write-only registers answer
// with error = 1 and no effect.
//
// Protocol: the request (valid, write, key, wdata) is sampled at a clock edge
// while valid is high and ready is low; ready is high for exactly one cycle
// after it, with rdata/error. The requester holds valid until it sees ready.
//
// Priorities: 5 implemented bits (values are multiples of 8). BPR1 minimum
// is 3 (group priority = priority[7:3], 32 group priorities, one AP1R).
// Waveforms show this block through its ports in the parent (the waves/ views'
// depth); its internals get no trace code unless IRQSIM_TRACE_INTERNALS is
// defined, because Verilator compares every signal with trace code at every dump.
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module gic_cpuif #(
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic        clk,
  input  logic        rst_n,
  // PE index (for the checks' messages). A port, not a parameter, so that every
  // instance is the same module: one copy of its code in the Verilated model
  input  logic [7:0]  pe,
  // system-register port (valid already qualified by PE select)
  input  logic        sr_valid,
  input  logic        sr_write,
  input  logic [15:0] sr_key,
  input  logic [63:0] sr_wdata,
  output logic        sr_ready,
  output logic [63:0] sr_rdata,
  output logic        sr_error,
  // candidates
  input  logic        rd_cand_v,
  input  logic [15:0] rd_cand_id,   // SGI/PPI (< 32) or LPI (>= 8192)
  input  logic [7:0]  rd_cand_prio,
  input  logic        sp_cand_v,
  input  logic [9:0]  sp_cand_id,
  input  logic [7:0]  sp_cand_prio,
  input  logic        grp1_en,     // GICD_CTLR.EnableGrp1
  input  logic        rd_awake,    // redistributor awake
  // acknowledge / deactivate (INTID; < 32 and LPIs go to the redistributor,
  // SPIs to the distributor; LPIs are never deactivated)
  output logic        ack_v,
  output logic [15:0] ack_id,
  output logic        deact_v,
  output logic [15:0] deact_id,
  // SGI generation request (one-cycle pulse)
  output logic        sgi_v,
  output logic [3:0]  sgi_id,
  output logic [15:0] sgi_tlist,
  output logic [7:0]  sgi_aff1,
  output logic [7:0]  sgi_aff2,
  output logic [7:0]  sgi_aff3,
  output logic        sgi_irm,
  output logic [3:0]  sgi_rs,
  output logic        irq_out,
  output logic        fiq_out
);

  // Keys (op0 bits stripped) and fields from the register description (gic_cpuif.rdl -> the
  // generated gic_cpuif_regs_pkg; key = byte offset >> 3), named with the package: yosys
  // reads no `import`.
  localparam logic [13:0] K_PMR     = gic_cpuif_regs_pkg::PMR_EL1_OFFSET[16:3];
  localparam logic [13:0] K_BPR0    = gic_cpuif_regs_pkg::BPR0_EL1_OFFSET[16:3];
  localparam logic [13:0] K_AP0R0   = gic_cpuif_regs_pkg::AP0R0_EL1_OFFSET[16:3];
  localparam logic [13:0] K_AP1R0   = gic_cpuif_regs_pkg::AP1R0_EL1_OFFSET[16:3];
  localparam logic [13:0] K_DIR     = gic_cpuif_regs_pkg::DIR_EL1_OFFSET[16:3];
  localparam logic [13:0] K_RPR     = gic_cpuif_regs_pkg::RPR_EL1_OFFSET[16:3];
  localparam logic [13:0] K_SGI1R   = gic_cpuif_regs_pkg::SGI1R_EL1_OFFSET[16:3];
  localparam logic [13:0] K_IAR1    = gic_cpuif_regs_pkg::IAR1_EL1_OFFSET[16:3];
  localparam logic [13:0] K_EOIR1   = gic_cpuif_regs_pkg::EOIR1_EL1_OFFSET[16:3];
  localparam logic [13:0] K_HPPIR1  = gic_cpuif_regs_pkg::HPPIR1_EL1_OFFSET[16:3];
  localparam logic [13:0] K_BPR1    = gic_cpuif_regs_pkg::BPR1_EL1_OFFSET[16:3];
  localparam logic [13:0] K_CTLR    = gic_cpuif_regs_pkg::CTLR_EL1_OFFSET[16:3];
  localparam logic [13:0] K_SRE     = gic_cpuif_regs_pkg::SRE_EL1_OFFSET[16:3];
  localparam logic [13:0] K_IGRPEN0 = gic_cpuif_regs_pkg::IGRPEN0_EL1_OFFSET[16:3];
  localparam logic [13:0] K_IGRPEN1 = gic_cpuif_regs_pkg::IGRPEN1_EL1_OFFSET[16:3];
  // fields; the constant ones (CTLR: PRIbits = 4, IDbits = 0: 16 bits; SRE: RAO) as described
  localparam logic [7:0]  PMR_BITS  = gic_cpuif_regs_pkg::PMR_EL1_PRIORITY_MASK[7:0];
  localparam int          C_EOIMODE = gic_cpuif_regs_pkg::CTLR_EL1_EOIMODE_LSB;
  localparam logic [63:0] C_FIXED   = gic_cpuif_regs_pkg::CTLR_EL1_RESET & ~gic_cpuif_regs_pkg::CTLR_EL1_EOIMODE_MASK;
  localparam logic [63:0] SRE_VAL   = gic_cpuif_regs_pkg::SRE_EL1_RESET;
  localparam int          G_EN      = gic_cpuif_regs_pkg::IGRPEN1_EL1_ENABLE_LSB;
  localparam int          S_TL      = gic_cpuif_regs_pkg::SGI1R_EL1_TARGETLIST_LSB;
  localparam int          S_AFF1    = gic_cpuif_regs_pkg::SGI1R_EL1_AFF1_LSB;
  localparam int          S_ID      = gic_cpuif_regs_pkg::SGI1R_EL1_INTID_LSB;
  localparam int          S_AFF2    = gic_cpuif_regs_pkg::SGI1R_EL1_AFF2_LSB;
  localparam int          S_IRM     = gic_cpuif_regs_pkg::SGI1R_EL1_IRM_LSB;
  localparam int          S_RS      = gic_cpuif_regs_pkg::SGI1R_EL1_RS_LSB;
  localparam int          S_AFF3    = gic_cpuif_regs_pkg::SGI1R_EL1_AFF3_LSB;

  // ------------------------------------------------------------------ state
  logic [7:0]  pmr_q;
  logic [2:0]  bpr0_q, bpr1_q;
  logic        eoimode_q;
  logic        igrpen0_q, igrpen1_q;
  logic [31:0] apr_q;          // ICC_AP1R0_EL1
  logic [7:0]  rpr_q;          // running priority (0xFF idle)

  // ------------------------------------------------------------------ highest-priority candidate
  // (tie -> the redistributor's SGI/PPI, the lower INTID; an LPI vs SPI tie goes
  // to the SPI, the lower INTID)
  logic        hp_v;
  logic [15:0] hp_id;
  logic [7:0]  hp_prio;
  logic        rd_is_lpi, rd_wins;
  assign rd_is_lpi = (rd_cand_id[15:13] != 3'd0);
  assign rd_wins   = rd_cand_v && (!sp_cand_v || rd_cand_prio < sp_cand_prio ||
                                   (rd_cand_prio == sp_cand_prio && !rd_is_lpi));
  always_comb begin
    if (rd_wins) begin
      hp_v = 1'b1; hp_id = rd_cand_id; hp_prio = rd_cand_prio;
    end else begin
      hp_v = sp_cand_v; hp_id = {6'd0, sp_cand_id}; hp_prio = sp_cand_prio;
    end
  end

  logic [7:0] gmask;
  assign gmask = 8'hFF << bpr1_q;

  logic can_signal;
  assign can_signal = hp_v && rd_awake && igrpen1_q && grp1_en && (hp_prio < pmr_q) &&
                      ((hp_prio & gmask) < rpr_q);

  // ------------------------------------------------------------------ request decode
  logic        take;
  logic [13:0] k;
  logic        kop0_ok;
  assign take    = sr_valid && !sr_ready;
  assign k       = sr_key[13:0];
  assign kop0_ok = (sr_key[15:14] == 2'b11) || (sr_key[15:14] == 2'b00);

  logic [4:0] hp_gidx;       // APR index of the candidate's group priority
  assign hp_gidx = hp_prio[7:3] & gmask[7:3];


  logic [23:0] wr_id;
  logic        wr_id_special, wr_id_lpi;
  // 1020-8191 (special and unimplemented extended ranges) and >= 65536 ignored
  assign wr_id_lpi     = (wr_id >= 24'd8192) && (wr_id < 24'd65536);
  assign wr_id         = sr_wdata[23:0];
  assign wr_id_special = (wr_id >= 24'd1020) && !wr_id_lpi;

  assign fiq_out = 1'b0;

  // (no function calls in this module: a call gives every instance its own copy of the
  // caller's code in the Verilated model, rtl/gic/README.md; the running priority is
  // computed once, below, from the APR value an access writes)
  always_ff @(posedge clk) begin
    logic [31:0] apr_nx, apr_lo;   // the APR an access writes, its lowest set bit
    logic        apr_wr;
    if (!rst_n) begin
      sr_ready  <= 1'b0;
      sr_rdata  <= 64'h0;
      sr_error  <= 1'b0;
      pmr_q     <= 8'h00;
      bpr0_q    <= 3'd2;
      bpr1_q    <= 3'd3;
      eoimode_q <= 1'b0;
      igrpen0_q <= 1'b0;
      igrpen1_q <= 1'b0;
      apr_q     <= 32'h0;
      rpr_q     <= 8'hFF;
      ack_v     <= 1'b0;
      ack_id    <= 16'd0;
      deact_v   <= 1'b0;
      deact_id  <= 16'd0;
      sgi_v     <= 1'b0;
      sgi_id    <= 4'd0;
      sgi_tlist <= 16'h0;
      sgi_aff1  <= 8'h0;
      sgi_aff2  <= 8'h0;
      sgi_aff3  <= 8'h0;
      sgi_irm   <= 1'b0;
      sgi_rs    <= 4'd0;
      irq_out   <= 1'b0;
    end else begin
      irq_out  <= can_signal;
      sr_ready <= take;
      ack_v    <= 1'b0;
      deact_v  <= 1'b0;
      sgi_v    <= 1'b0;
      apr_wr   = 1'b0;
      apr_nx   = apr_q;
      if (take) begin
        sr_rdata <= 64'h0;
        sr_error <= 1'b0;
        if (!kop0_ok) begin
          sr_error <= 1'b1;
        end else if (!sr_write) begin
          // ---------------- reads
          case (k)
            K_PMR:     sr_rdata <= {56'h0, pmr_q};
            K_BPR0:    sr_rdata <= {61'h0, bpr0_q};
            K_BPR1:    sr_rdata <= {61'h0, bpr1_q};
            K_AP0R0:   sr_rdata <= 64'h0;
            K_AP1R0:   sr_rdata <= {32'h0, apr_q};
            K_RPR:     sr_rdata <= {56'h0, rpr_q};
            K_HPPIR1:  sr_rdata <= {48'h0, hp_v ? hp_id : 16'd1023};
            K_CTLR:    sr_rdata <= C_FIXED | (64'(eoimode_q) << C_EOIMODE);
            K_SRE:     sr_rdata <= SRE_VAL;
            K_IGRPEN0: sr_rdata <= 64'(igrpen0_q) << G_EN;
            K_IGRPEN1: sr_rdata <= 64'(igrpen1_q) << G_EN;
            K_IAR1: begin
              if (can_signal) begin
                sr_rdata         <= {48'h0, hp_id};
                ack_v            <= 1'b1;
                ack_id           <= hp_id;
                apr_wr           = 1'b1;
                apr_nx           = apr_q | (32'h1 << hp_gidx);
              end else begin
                sr_rdata <= 64'd1023;
              end
            end
            default:   sr_error <= 1'b1;   // unknown or write-only
          endcase
        end else begin
          // ---------------- writes
          case (k)
            K_PMR:     pmr_q <= sr_wdata[7:0] & PMR_BITS;
            K_BPR0:    bpr0_q <= (sr_wdata[2:0] < 3'd2) ? 3'd2 : sr_wdata[2:0];
            K_BPR1:    bpr1_q <= (sr_wdata[2:0] < 3'd3) ? 3'd3 : sr_wdata[2:0];
            K_AP0R0:   ;
            K_AP1R0: begin
              apr_wr = 1'b1;
              apr_nx = sr_wdata[31:0];
            end
            K_CTLR:    eoimode_q <= sr_wdata[C_EOIMODE];
            K_SRE:     ;
            K_IGRPEN0: igrpen0_q <= sr_wdata[G_EN];
            K_IGRPEN1: igrpen1_q <= sr_wdata[G_EN];
            K_EOIR1: begin
              if (!wr_id_special) begin
                apr_wr = 1'b1;
                apr_nx = apr_q & (apr_q - 32'd1);   // the lowest set bit cleared
                if (!eoimode_q && !wr_id_lpi) begin   // LPIs: priority drop only
                  deact_v  <= 1'b1;
                  deact_id <= wr_id[15:0];
                end
              end
            end
            K_DIR: begin
              if (!wr_id_special && !wr_id_lpi && eoimode_q) begin   // DIR of an LPI: no-op
                deact_v  <= 1'b1;
                deact_id <= wr_id[15:0];
              end
            end
            K_SGI1R: begin
              sgi_v     <= 1'b1;
              sgi_tlist <= sr_wdata[S_TL +: 16];
              sgi_aff1  <= sr_wdata[S_AFF1 +: 8];
              sgi_id    <= sr_wdata[S_ID +: 4];
              sgi_aff2  <= sr_wdata[S_AFF2 +: 8];
              sgi_irm   <= sr_wdata[S_IRM];
              sgi_rs    <= sr_wdata[S_RS +: 4];
              sgi_aff3  <= sr_wdata[S_AFF3 +: 8];
            end
            default:   sr_error <= 1'b1;   // unknown or read-only
          endcase
        end
      end
      // running priority: the group priority of the lowest set APR bit (0xFF: none)
      if (apr_wr) begin
        apr_lo = apr_nx & (~apr_nx + 32'd1);
        apr_q  <= apr_nx;
        rpr_q  <= (apr_nx == 32'h0) ? 8'hFF :
                  {|(apr_lo & 32'hFFFF_0000), |(apr_lo & 32'hFF00_FF00), |(apr_lo & 32'hF0F0_F0F0),
                   |(apr_lo & 32'hCCCC_CCCC), |(apr_lo & 32'hAAAA_AAAA), 3'b000};
      end
    end
  end

`ifndef SYNTHESIS
  // (the checks' messages name their instance: kept in a module of their own, so they
  // do not make this module's code per instance in the Verilated model)
  gic_cpuif_chk #(
    .IRQSIM_ASSERT(IRQSIM_ASSERT), .K_IAR1(K_IAR1), .K_EOIR1(K_EOIR1), .K_DIR(K_DIR), .K_SGI1R(K_SGI1R)
  ) u_chk (
    .clk, .rst_n, .pe, .take, .kop0_ok, .sr_write, .k, .can_signal, .hp_gidx, .hp_id, .apr_q,
    .wr_id, .wr_id_special, .wr_id_lpi, .eoimode_q, .sr_wdata(sr_wdata[63:44])
  );
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, pe};
`endif

  logic unused_cpuif;
  assign unused_cpuif = ^{sr_wdata[63:56], sr_wdata[43:41], sr_wdata[31:28], igrpen0_q, bpr0_q};

endmodule

`ifndef SYNTHESIS
// gic_cpuif's programming checks (one instance per CPU interface), kept beside the block they check
/* verilator lint_off DECLFILENAME */
module gic_cpuif_chk #(
  parameter bit          IRQSIM_ASSERT = 1'b1,
  parameter logic [13:0] K_IAR1        = 14'h0,
  parameter logic [13:0] K_EOIR1       = 14'h0,
  parameter logic [13:0] K_DIR         = 14'h0,
  parameter logic [13:0] K_SGI1R       = 14'h0
) (
  input logic        clk,
  input logic        rst_n,
  input logic [7:0]  pe,
  input logic        take,
  input logic        kop0_ok,
  input logic        sr_write,
  input logic [13:0] k,
  input logic        can_signal,
  input logic [4:0]  hp_gidx,
  input logic [15:0] hp_id,
  input logic [31:0] apr_q,
  input logic [23:0] wr_id,
  input logic        wr_id_special,
  input logic        wr_id_lpi,
  input logic        eoimode_q,
  input logic [63:44] sr_wdata
);
  logic unused_chk;
  assign unused_chk = ^sr_wdata[55:48];

  // the highest active group priority: the lowest set APR bit
  function automatic logic [4:0] apr_top(input logic [31:0] a);
    logic [31:0] l;
    l = a & (~a + 32'd1);
    apr_top = {|(l & 32'hFFFF_0000), |(l & 32'hFF00_FF00), |(l & 32'hF0F0_F0F0),
               |(l & 32'hCCCC_CCCC), |(l & 32'hAAAA_AAAA)};
  endfunction

  // ------------------------------------------------------------------ programming checks
  // INTID acknowledged at each active group priority (checks EOI order)
  logic [15:0] stk_q [32];
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      for (int i = 0; i < 32; i++) stk_q[i] <= 16'h3FF;
    end else if (take && kop0_ok && !sr_write && k == K_IAR1 && can_signal) begin
      stk_q[hp_gidx] <= hp_id;
    end
  end

  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && take && kop0_ok && sr_write) begin
      if (k == K_EOIR1 && !wr_id_special) begin
        if (apr_q == 32'h0)
          $error("ICC_EOIR1_EL1: EOI of INTID %0d with no active priority (PE %0d)", wr_id, pe);
        else if (stk_q[apr_top(apr_q)] != wr_id[15:0] || wr_id[23:16] != 8'h0)
          $error("ICC_EOIR1_EL1: EOI of INTID %0d which is not the highest active (INTID %0d) (PE %0d)",
                 wr_id, stk_q[apr_top(apr_q)], pe);
      end
      if (k == K_DIR && !wr_id_special && !wr_id_lpi && !eoimode_q)
        $error("ICC_DIR_EL1: write of INTID %0d with ICC_CTLR_EL1.EOImode=0 (UNPREDICTABLE; ignored) (PE %0d)",
               wr_id, pe);
      if (k == K_SGI1R && sr_wdata[47:44] != 4'd0)
        $error("ICC_SGI1R_EL1: RS=%0d but range-selector SGIs are not supported (RSS=0) (PE %0d)",
               sr_wdata[47:44], pe);
      if (k == K_SGI1R && sr_wdata[63:56] != 8'h0)
        $error("ICC_SGI1R_EL1: RES0 bits [63:56] set (PE %0d)", pe);
    end
  end
endmodule
/* verilator lint_on DECLFILENAME */
`endif
