// gic_top: GICv3 = distributor + NUM_PES redistributors + NUM_PES CPU
// interfaces, with a register port for the GICD frame, one for the whole
// GICR region (PE p's redistributor at p * 0x20000) and the shared
// system-register port (sysreg_pe selects the CPU interface).
// The redistributors' LPI configuration-table read masters share the dram_*
// AXI4-Lite read port: round-robin grant, one read in flight at a time.
module gic_top #(
  parameter int NUM_SPIS      = 96,
  parameter int NUM_PES       = 5,
  parameter int LPI_SLOTS     = 32,   // per redistributor: pending-LPI store entries
  parameter int LPI_CACHE     = 16,   // per redistributor: configuration-byte cache entries
  parameter int LPI_QUEUE     = 32,   // per redistributor: LPI command queue entries
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic                   clk,
  input  logic                   rst_n,
  // GICD register port (offset within the GICD frame)
  input  logic                   d_req,
  input  logic                   d_we,
  input  logic [31:0]            d_addr,
  input  logic [31:0]            d_wdata,
  input  logic [3:0]             d_wstrb,
  input  logic                   d_ns,
  output logic                   d_ack,
  output logic [31:0]            d_rdata,
  output logic [1:0]             d_resp,
  // GICR register port (offset within the GICR region)
  input  logic                   r_req,
  input  logic                   r_we,
  input  logic [31:0]            r_addr,
  input  logic [31:0]            r_wdata,
  input  logic [3:0]             r_wstrb,
  input  logic                   r_ns,
  output logic                   r_ack,
  output logic [31:0]            r_rdata,
  output logic [1:0]             r_resp,
  // interrupt sources
  input  logic [NUM_SPIS-1:0]    spi_in,
  input  logic [NUM_PES*16-1:0]  ppi_in,     // PE p: INTID 16+j at bit p*16+j
  // system-register port
  input  logic                   sysreg_valid,
  input  logic [7:0]             sysreg_pe,
  input  logic                   sysreg_write,
  input  logic [15:0]            sysreg_key,
  input  logic [63:0]            sysreg_wdata,
  output logic                   sysreg_ready,
  output logic [63:0]            sysreg_rdata,
  output logic                   sysreg_error,
  // AXI4-Lite read master: LPI configuration table in DRAM
  output logic                   dram_arvalid,
  input  logic                   dram_arready,
  output logic [31:0]            dram_araddr,
  input  logic                   dram_rvalid,
  output logic                   dram_rready,
  input  logic [31:0]            dram_rdata,
  input  logic [1:0]             dram_rresp,
  // CPU interrupt lines
  output logic [NUM_PES-1:0]     irq_out,
  output logic [NUM_PES-1:0]     fiq_out,
  // monitor taps
  output logic [NUM_SPIS-1:0]    mon_spi_pending,
  output logic [NUM_SPIS-1:0]    mon_spi_active,
  output logic [NUM_PES*32-1:0]  mon_sgippi_pending
);

  // ------------------------------------------------------------------ per-PE wiring
  // Multi-bit per-PE signals are unpacked arrays, not slices of one wide vector:
  // the Verilated model re-assembled every wide vector each cycle (a select by a variable
  // PE index then copied all NUM_PES entries), a cost that grew with NUM_PES for
  // every port of every PE; an array element is a plain store and an indexed load.
  localparam int PEW = (NUM_PES > 1) ? $clog2(NUM_PES) : 1;   // PE index width
  // Frame sizes from the register descriptions (gic_dist.rdl, gic_redist.rdl): the GICD frame
  // (64 KB) and one PE's GICR frames (RD_base + SGI_base, 128 KB: the PE is the address above)
  localparam int DB  = $clog2(gic_dist_regs_pkg::SIZE);
  localparam int RB  = $clog2(gic_redist_regs_pkg::SIZE);

  logic [NUM_PES-1:0]    sp_cand_v;
  logic [NUM_PES*10-1:0] sp_cand_id;
  logic [NUM_PES*8-1:0]  sp_cand_prio;
  logic                  grp0_en, grp1_en;

  logic [NUM_PES-1:0]    c_ack_v, c_deact_v;
  logic [15:0]           c_ack_id_a [NUM_PES];
  logic [15:0]           c_deact_id_a [NUM_PES];

  logic [NUM_PES-1:0]    rd_ack;
  logic [31:0]           rd_rdata [NUM_PES];
  logic [1:0]            rd_resp [NUM_PES];
  logic [NUM_PES-1:0]    rd_cand_v, rd_awake;
  logic [15:0]           rd_cand_id_a [NUM_PES];
  logic [7:0]            rd_cand_prio_a [NUM_PES];

  logic [NUM_PES-1:0]    sr_ready, sr_error;
  logic [63:0]           sr_rdata [NUM_PES];

  logic [NUM_PES-1:0]    sgi_v, sgi_irm;
  logic [3:0]            sgi_id_a [NUM_PES];
  logic [3:0]            sgi_rs [NUM_PES];
  logic [15:0]           sgi_tlist_a [NUM_PES];
  logic [7:0]            sgi_aff1 [NUM_PES];
  logic [7:0]            sgi_aff2 [NUM_PES];
  logic [7:0]            sgi_aff3 [NUM_PES];
  logic [NUM_PES-1:0]    sgi_tgt_q;    // registered SGI delivery
  logic [3:0]            sgi_set_id_q;

  // Packed copies of some of them, for the waveform views only (waves/*.gtkw name
  // these signals; nothing in the design reads them)
  /* verilator lint_off UNUSEDSIGNAL */
  logic [NUM_PES*16-1:0] c_ack_id, c_deact_id, rd_cand_id, sgi_tlist;
  logic [NUM_PES*8-1:0]  rd_cand_prio;
  logic [NUM_PES*4-1:0]  sgi_id;
  /* verilator lint_on UNUSEDSIGNAL */
  for (genvar p = 0; p < NUM_PES; p++) begin : g_view
    assign c_ack_id[p*16 +: 16]    = c_ack_id_a[p];
    assign c_deact_id[p*16 +: 16]  = c_deact_id_a[p];
    assign rd_cand_id[p*16 +: 16]  = rd_cand_id_a[p];
    assign rd_cand_prio[p*8 +: 8]  = rd_cand_prio_a[p];
    assign sgi_id[p*4 +: 4]        = sgi_id_a[p];
    assign sgi_tlist[p*16 +: 16]   = sgi_tlist_a[p];
  end

  // The PE whose CPU interface took the last system-register request. Its
  // acknowledge / deactivate / SGI pulses come one cycle after the request (only
  // one CPU interface is served per cycle: the port is shared), so they are
  // selected by this index instead of by scanning every PE.
  logic [PEW-1:0]        sr_pe_q;
  logic                  d_ack_v, d_deact_v;
  logic [15:0]           d_ack_id, d_deact_id;

  // ------------------------------------------------------------------ distributor
  gic_dist #(
    .NUM_SPIS(NUM_SPIS), .NUM_PES(NUM_PES), .IRQSIM_ASSERT(IRQSIM_ASSERT)
  ) u_dist (
    .clk, .rst_n,
    .req(d_req), .we(d_we), .addr(d_addr[DB-1:0]), .wdata(d_wdata), .wstrb(d_wstrb), .ns(d_ns),
    .ack(d_ack), .rdata(d_rdata), .resp(d_resp),
    .spi_in,
    .ack_v(d_ack_v), .ack_id(d_ack_id), .deact_v(d_deact_v), .deact_id(d_deact_id),
    .cand_v(sp_cand_v), .cand_id(sp_cand_id), .cand_prio(sp_cand_prio),
    .grp0_en, .grp1_en,
    .mon_pending(mon_spi_pending), .mon_active(mon_spi_active)
  );

  // ------------------------------------------------------------------ GICR region decode
  logic [7:0] r_pe;
  logic       r_bad;        // beyond the last redistributor
  logic       r_bad_ack_q;
  assign r_pe  = r_addr[RB +: 8];
  assign r_bad = (r_addr[31:RB+8] != '0) || (32'(r_pe) >= NUM_PES);
  logic [PEW-1:0] r_pi;     // r_pe as an array index (valid when !r_bad)
  assign r_pi  = r_pe[PEW-1:0];

  always_ff @(posedge clk) begin
    if (!rst_n) r_bad_ack_q <= 1'b0;
    else        r_bad_ack_q <= r_req && r_bad && !r_bad_ack_q;
  end

  assign r_ack   = (|rd_ack) || r_bad_ack_q;
  assign r_rdata = r_bad ? 32'h0 : rd_rdata[r_pi];
  assign r_resp  = r_bad ? 2'b11 : rd_resp[r_pi];

  // ------------------------------------------------------------------ system-register port
  logic sr_bad, sr_bad_ack_q;
  logic [PEW-1:0] sr_pi;    // sysreg_pe as an array index (valid when !sr_bad)
  assign sr_bad = 32'(sysreg_pe) >= NUM_PES;
  assign sr_pi  = sysreg_pe[PEW-1:0];
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      sr_bad_ack_q <= 1'b0;
      sr_pe_q      <= '0;
    end else begin
      sr_bad_ack_q <= sysreg_valid && sr_bad && !sr_bad_ack_q;
      if (sysreg_valid && !sr_bad) sr_pe_q <= sr_pi;
    end
  end
  assign sysreg_ready = (|sr_ready) || sr_bad_ack_q;
  assign sysreg_rdata = sr_bad ? 64'h0 : sr_rdata[sr_pi];
  assign sysreg_error = sr_bad ? sr_bad_ack_q : sr_error[sr_pi];

  // acknowledge / deactivate towards the distributor: the PE served last (sr_pe_q);
  // the distributor itself ignores INTIDs that are not SPIs
  assign d_ack_v    = |c_ack_v;
  assign d_ack_id   = c_ack_id_a[sr_pe_q];
  assign d_deact_v  = |c_deact_v;
  assign d_deact_id = c_deact_id_a[sr_pe_q];

  // ------------------------------------------------------------------ SGI delivery
  // One SGI1R write per cycle at most (single system-register port); the
  // target set is computed once, registered, and pulsed into the
  // redistributors' pending latches.
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      sgi_tgt_q    <= '0;
      sgi_set_id_q <= 4'd0;
    end else if (|sgi_v) begin
      // the source is the PE served last (sr_pe_q), as for acknowledge
      sgi_set_id_q <= sgi_id_a[sr_pe_q];
      for (int p = 0; p < NUM_PES; p++) begin
        if (sgi_irm[sr_pe_q])
          sgi_tgt_q[p] <= (p != 32'(sr_pe_q));
        else
          sgi_tgt_q[p] <= (sgi_aff3[sr_pe_q] == 8'h0) && (sgi_aff2[sr_pe_q] == 8'h0) &&
                          (32'(sgi_aff1[sr_pe_q]) == p / 16) && (sgi_rs[sr_pe_q] == 4'd0) &&
                          sgi_tlist_a[sr_pe_q][p % 16];
      end
    end else if (|sgi_tgt_q) begin
      sgi_tgt_q <= '0;
    end
  end

  // ------------------------------------------------------------------ DRAM read arbiter
  // Round-robin among the redistributors' read masters; one transaction (AR then R)
  // at a time: the granted master's AR goes out, its R comes back, then the next.
  logic [NUM_PES-1:0]    pm_arvalid, pm_rready;
  logic [31:0]           pm_araddr [NUM_PES];
  logic                  arb_busy_q, arb_ar_done_q;
  logic [7:0]            arb_pe_q, arb_last_q;
  logic [PEW-1:0]        arb_pi;     // arb_pe_q as an array index (always < NUM_PES)
  assign arb_pi = arb_pe_q[PEW-1:0];

  logic arb_arvalid, arb_rready;
  assign arb_arvalid  = pm_arvalid[arb_pi];
  assign arb_rready   = pm_rready[arb_pi];
  assign dram_arvalid = arb_busy_q && !arb_ar_done_q && arb_arvalid;
  assign dram_araddr  = pm_araddr[arb_pi];
  assign dram_rready  = arb_busy_q && arb_ar_done_q && arb_rready;

  always_ff @(posedge clk) begin : p_arb
    logic       found;
    logic [7:0] pick;
    if (!rst_n) begin
      arb_busy_q    <= 1'b0;
      arb_ar_done_q <= 1'b0;
      arb_pe_q      <= 8'd0;
      arb_last_q    <= 8'(NUM_PES - 1);
    end else if (!arb_busy_q) begin
      if (|pm_arvalid) begin
        found = 1'b0;
        pick  = 8'd0;
        for (int i = 1; i <= NUM_PES; i++) begin
          if (!found && pm_arvalid[(32'(arb_last_q) + i) % NUM_PES]) begin
            found = 1'b1;
            pick  = 8'((32'(arb_last_q) + i) % NUM_PES);
          end
        end
        arb_busy_q <= 1'b1;
        arb_pe_q   <= pick;
        arb_last_q <= pick;
      end
    end else if (!arb_ar_done_q) begin
      if (dram_arvalid && dram_arready) arb_ar_done_q <= 1'b1;
    end else if (dram_rvalid && dram_rready) begin
      arb_busy_q    <= 1'b0;
      arb_ar_done_q <= 1'b0;
    end
  end

  // ------------------------------------------------------------------ per-PE blocks
  // (the PE index is a port of both blocks, not a parameter: every instance is the
  // same module, one copy of its code in the Verilated model; rtl/gic/README.md)
  for (genvar p = 0; p < NUM_PES; p++) begin : g_pe
    // this PE's register request, system-register valid and DRAM handshakes: one compare
    // each (a bit of a shifted one-hot became a wide shift per PE in the Verilated model)
    logic rd_req, sr_valid, pm_arready, pm_rvalid;
    assign rd_req     = r_req && !r_bad && (r_pi == PEW'(p));
    assign sr_valid   = sysreg_valid && !sr_bad && (sr_pi == PEW'(p));
    assign pm_arready = arb_busy_q && !arb_ar_done_q && dram_arready && (arb_pi == PEW'(p));
    assign pm_rvalid  = arb_busy_q && arb_ar_done_q && dram_rvalid && (arb_pi == PEW'(p));

    // INTID < 32 and LPIs (>= 8192) -> redistributor, SPIs (32..1019) -> distributor:
    // each block ignores an acknowledge / deactivate of an INTID that is not its own
    gic_redist #(
      .NUM_PES(NUM_PES), .LPI_SLOTS(LPI_SLOTS), .LPI_CACHE(LPI_CACHE), .LPI_QUEUE(LPI_QUEUE),
      .IRQSIM_ASSERT(IRQSIM_ASSERT)
    ) u_rd (
      .clk, .rst_n, .pe(8'(p)),
      .req(rd_req), .we(r_we), .addr(r_addr[RB-1:0]), .wdata(r_wdata), .wstrb(r_wstrb), .ns(r_ns),
      .ack(rd_ack[p]), .rdata(rd_rdata[p]), .resp(rd_resp[p]),
      .ppi_in(ppi_in[p*16 +: 16]),
      .sgi_set_v(sgi_tgt_q[p]), .sgi_set_id(sgi_set_id_q),
      .grp1_en,
      .ack_v(c_ack_v[p]), .ack_id(c_ack_id_a[p]),
      .deact_v(c_deact_v[p]), .deact_id(c_deact_id_a[p]),
      .cand_v(rd_cand_v[p]), .cand_id(rd_cand_id_a[p]), .cand_prio(rd_cand_prio_a[p]),
      .awake(rd_awake[p]),
      .mon_pending(mon_sgippi_pending[p*32 +: 32]),
      .m_arvalid(pm_arvalid[p]), .m_arready(pm_arready), .m_araddr(pm_araddr[p]),
      .m_rvalid(pm_rvalid), .m_rready(pm_rready[p]), .m_rdata(dram_rdata), .m_rresp(dram_rresp)
    );

    gic_cpuif #(
      .IRQSIM_ASSERT(IRQSIM_ASSERT)
    ) u_cpuif (
      .clk, .rst_n, .pe(8'(p)),
      .sr_valid(sr_valid), .sr_write(sysreg_write), .sr_key(sysreg_key), .sr_wdata(sysreg_wdata),
      .sr_ready(sr_ready[p]), .sr_rdata(sr_rdata[p]), .sr_error(sr_error[p]),
      .rd_cand_v(rd_cand_v[p]), .rd_cand_id(rd_cand_id_a[p]), .rd_cand_prio(rd_cand_prio_a[p]),
      .sp_cand_v(sp_cand_v[p]), .sp_cand_id(sp_cand_id[p*10 +: 10]), .sp_cand_prio(sp_cand_prio[p*8 +: 8]),
      .grp1_en, .rd_awake(rd_awake[p]),
      .ack_v(c_ack_v[p]), .ack_id(c_ack_id_a[p]),
      .deact_v(c_deact_v[p]), .deact_id(c_deact_id_a[p]),
      .sgi_v(sgi_v[p]), .sgi_id(sgi_id_a[p]), .sgi_tlist(sgi_tlist_a[p]),
      .sgi_aff1(sgi_aff1[p]), .sgi_aff2(sgi_aff2[p]), .sgi_aff3(sgi_aff3[p]),
      .sgi_irm(sgi_irm[p]), .sgi_rs(sgi_rs[p]),
      .irq_out(irq_out[p]), .fiq_out(fiq_out[p])
    );
  end

`ifndef SYNTHESIS
  // the single system-register port serves one CPU interface per cycle (sr_pe_q relies on it)
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && (((c_ack_v & (c_ack_v - 1'b1)) != '0) ||
                                   ((c_deact_v & (c_deact_v - 1'b1)) != '0) ||
                                   ((sgi_v & (sgi_v - 1'b1)) != '0)))
      $error("GIC: acknowledge/deactivate/SGI from more than one CPU interface in one cycle");
  end
`endif

  logic unused_gic;
  assign unused_gic = ^{grp0_en, d_addr[31:DB], arb_pe_q};

endmodule
