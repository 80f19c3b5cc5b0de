// irqsim_soc: top level of the simulated interrupt fabric.
//
// NUM_PES = NUM_CPUS + HAS_COPROC; the coprocessor (when present) is PE
// NUM_CPUS: it has a redistributor and CPU interface but no timer.
//
// Address map (decoded by axil_fabric; anything else answers DECERR). The bases
// are parameters (set from the device tree's reg properties); the defaults:
//   0x0800_0000 - 0x0800_FFFF  GICD (64 KB)
//   0x080A_0000 - +NUM_PES*128K GICR (RD_base + SGI_base per PE)
//   0x0900_0000 - 0x0900_0FFF  per-CPU timers (0x100 per CPU)
//   0x0A00_0000 - 0x0A00_0FFF  TI INTR (ti_intr; secure-only writes)
//   0x0A10_0000 - 0x0A3F_FFFF  TI INTA (ti_inta): VINT regs 0x0A10_0000, IMAP 0x0A20_0000,
//                              CFG 0x0A30_0000
//   0x0A40_0000 - 0x0A5F_FFFF  DMA-ring device (dev_dma_ring): rings 0x0A40_0000,
//                              secure RING_EVENT config 0x0A50_0000
//   0x0A60_0000 - 0x0A60_0FFF  IMS device (dev_ims): message slots
//   (the rest of 0x0A00_0000 - 0x0AFF_FFFF stays reserved: DECERR)
//
// TI interrupt path: dev_dma_ring --event port--> ti_inta --VINT v--> ti_intr input
// NUM_INTR_LINES + v; intr_line_in[k] --> ti_intr input k; ti_intr output n --> SPI
// INTID 32 + INTR_OUT_SPI + n (default 64 + n; ORed with line_in where they overlap).
//
// Fabric masters: 0 = CPU MMIO (cpu_*), 1 = secure firmware (fw_*),
// 2 = device MSI master (dev_ims: message writes, non-secure, no reads).
module irqsim_soc #(
  parameter int NUM_CPUS      = 4,
  parameter int NUM_SPIS      = 96,
  parameter int NUM_LINES     = 32,
  parameter int HAS_COPROC    = 1,
  parameter int NUM_INTR_LINES = 16,   // plain device lines into the INTR
  parameter int NUM_VINTS      = 16,   // INTA virtual interrupts
  parameter int NUM_INTR_OUT   = 32,   // INTR outputs, output n -> SPI index INTR_OUT_SPI + n
  parameter int NUM_EVENTS     = 256,  // INTA global events
  parameter int NUM_RINGS      = 32,   // DMA-ring device rings
  parameter int DMA_LATENCY    = 40,   // cycles per DMA descriptor completion
  parameter int NUM_IMS_SLOTS  = 32,   // IMS device message slots (1..240)
  parameter int INTR_OUT_SPI   = 32,   // SPI index (INTID - 32) that INTR output 0 drives
  // Block base addresses (the tree's reg properties; 64 KB aligned, no overlap); the
  // defaults are the address map rtl/soc/irqsim_soc_map.rdl describes
  parameter logic [31:0] GICD_BASE  = irqsim_soc_map_regs_pkg::GICD_BASE,
  parameter logic [31:0] GICR_BASE  = irqsim_soc_map_regs_pkg::GICR_BASE,   // NUM_PES frames of 128 KB
  parameter logic [31:0] TIMER_BASE = irqsim_soc_map_regs_pkg::TIMER_BASE,
  parameter logic [31:0] INTR_BASE  = irqsim_soc_map_regs_pkg::INTR_BASE,
  parameter logic [31:0] INTA_BASE  = irqsim_soc_map_regs_pkg::INTA_BASE,   // VINT, +1M IMAP, +2M CFG
  parameter logic [31:0] DMA_BASE   = irqsim_soc_map_regs_pkg::DMA_BASE,    // rings, +1M secure config
  parameter logic [31:0] IMS_BASE   = irqsim_soc_map_regs_pkg::IMS_BASE,
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic        clk,
  input  logic        rst_n,
  // AXI4-Lite slave: CPU MMIO master
  input  logic        cpu_awvalid,
  output logic        cpu_awready,
  input  logic [31:0] cpu_awaddr,
  input  logic [2:0]  cpu_awprot,
  input  logic        cpu_wvalid,
  output logic        cpu_wready,
  input  logic [31:0] cpu_wdata,
  input  logic [3:0]  cpu_wstrb,
  output logic        cpu_bvalid,
  input  logic        cpu_bready,
  output logic [1:0]  cpu_bresp,
  input  logic        cpu_arvalid,
  output logic        cpu_arready,
  input  logic [31:0] cpu_araddr,
  input  logic [2:0]  cpu_arprot,
  output logic        cpu_rvalid,
  input  logic        cpu_rready,
  output logic [31:0] cpu_rdata,
  output logic [1:0]  cpu_rresp,
  // AXI4-Lite slave: secure firmware master
  input  logic        fw_awvalid,
  output logic        fw_awready,
  input  logic [31:0] fw_awaddr,
  input  logic [2:0]  fw_awprot,
  input  logic        fw_wvalid,
  output logic        fw_wready,
  input  logic [31:0] fw_wdata,
  input  logic [3:0]  fw_wstrb,
  output logic        fw_bvalid,
  input  logic        fw_bready,
  output logic [1:0]  fw_bresp,
  input  logic        fw_arvalid,
  output logic        fw_arready,
  input  logic [31:0] fw_araddr,
  input  logic [2:0]  fw_arprot,
  output logic        fw_rvalid,
  input  logic        fw_rready,
  output logic [31:0] fw_rdata,
  output logic [1:0]  fw_rresp,
  // AXI4-Lite master: DRAM read port (GIC redistributors: LPI configuration table)
  output logic        dram_arvalid,
  input  logic        dram_arready,
  output logic [31:0] dram_araddr,
  input  logic        dram_rvalid,
  output logic        dram_rready,
  input  logic [31:0] dram_rdata,
  input  logic [1:0]  dram_rresp,
  // system-register port
  input  logic        sysreg_valid,
  input  logic [7:0]  sysreg_pe,
  input  logic        sysreg_write,
  input  logic [15:0] sysreg_key,
  input  logic [63:0] sysreg_wdata,
  output logic        sysreg_ready,
  output logic [63:0] sysreg_rdata,
  output logic        sysreg_error,
  // interrupt outputs per PE
  output logic [NUM_CPUS+HAS_COPROC-1:0] irq_out,
  output logic [NUM_CPUS+HAS_COPROC-1:0] fiq_out,
  // plain line sources
  input  logic [NUM_LINES-1:0] line_in,
  input  logic [NUM_INTR_LINES-1:0] intr_line_in,   // INTR inputs 0..NUM_INTR_LINES-1
  // hop monitor taps
  output logic [NUM_SPIS-1:0]  mon_spi_pending,
  output logic [NUM_SPIS-1:0]  mon_spi_active,
  output logic [(NUM_CPUS+HAS_COPROC)*32-1:0] mon_sgippi_pending,
  output logic [NUM_VINTS-1:0]    mon_vint_out,
  output logic [NUM_INTR_OUT-1:0] mon_intr_out,
  // fault injection (verification only; tie to 0 in a product; registered, so each
  // takes effect one cycle after it is driven): INTR output n kept
  // off the GIC's SPI input; DMA-ring events swallowed before the INTA; the next
  // ring event given to the INTA once now and again when fault_inta_ev_dup drops
  input  logic [NUM_INTR_OUT-1:0] fault_intr_out_drop,
  input  logic                    fault_inta_ev_drop,
  input  logic                    fault_inta_ev_dup
);

  localparam int NUM_PES     = NUM_CPUS + HAS_COPROC;
  localparam int NUM_MASTERS = 3;
  localparam int NUM_SLAVES  = 7;

  localparam logic [31:0] GICD_SIZE  = 32'h0001_0000;
  localparam logic [31:0] GICR_SIZE  = 32'(NUM_PES) * 32'h0002_0000;
  localparam logic [31:0] TIMER_SIZE = (NUM_CPUS * 256 > 4096) ? 32'(NUM_CPUS * 256) : 32'h0000_1000;
  localparam logic [31:0] INTR_SIZE  = 32'h0000_1000;
  localparam logic [31:0] INTA_SIZE  = 32'h0030_0000;
  localparam logic [31:0] DMA_SIZE   = 32'h0020_0000;
  localparam logic [31:0] IMS_SIZE   = 32'h0000_1000;

  // slave 0 = GICD, 1 = GICR, 2 = timer, 3 = INTR, 4 = INTA, 5 = DMA-ring device, 6 = IMS
  localparam logic [NUM_SLAVES*32-1:0] SLV_BASE = {IMS_BASE, DMA_BASE, INTA_BASE, INTR_BASE,
                                                   TIMER_BASE, GICR_BASE, GICD_BASE};
  localparam logic [NUM_SLAVES*32-1:0] SLV_SIZE = {IMS_SIZE, DMA_SIZE, INTA_SIZE, INTR_SIZE,
                                                   TIMER_SIZE, GICR_SIZE, GICD_SIZE};

  // ------------------------------------------------------------------ fabric
  logic [NUM_MASTERS-1:0]    m_awvalid, m_awready, m_wvalid, m_wready, m_bvalid, m_bready;
  logic [NUM_MASTERS-1:0]    m_arvalid, m_arready, m_rvalid, m_rready;
  logic [NUM_MASTERS*32-1:0] m_awaddr, m_wdata, m_araddr, m_rdata;
  logic [NUM_MASTERS*3-1:0]  m_awprot, m_arprot;
  logic [NUM_MASTERS*4-1:0]  m_wstrb;
  logic [NUM_MASTERS*2-1:0]  m_bresp, m_rresp;

  // master 0: CPU, master 1: firmware, master 2: IMS device messages (writes only)
  logic        ims_awvalid, ims_wvalid, ims_bready;
  logic [31:0] ims_awaddr, ims_wdata;
  logic [2:0]  ims_awprot;
  logic [3:0]  ims_wstrb;
  logic        ims_fire_ready;   // fire port: no internal event source in this SoC
  assign m_awvalid = {ims_awvalid, fw_awvalid, cpu_awvalid};
  assign m_awaddr  = {ims_awaddr, fw_awaddr, cpu_awaddr};
  assign m_awprot  = {ims_awprot, fw_awprot, cpu_awprot};
  assign m_wvalid  = {ims_wvalid, fw_wvalid, cpu_wvalid};
  assign m_wdata   = {ims_wdata, fw_wdata, cpu_wdata};
  assign m_wstrb   = {ims_wstrb, fw_wstrb, cpu_wstrb};
  assign m_bready  = {ims_bready, fw_bready, cpu_bready};
  assign m_arvalid = {1'b0, fw_arvalid, cpu_arvalid};
  assign m_araddr  = {32'h0, fw_araddr, cpu_araddr};
  assign m_arprot  = {3'b010, fw_arprot, cpu_arprot};
  assign m_rready  = {1'b1, fw_rready, cpu_rready};

  assign cpu_awready = m_awready[0];
  assign cpu_wready  = m_wready[0];
  assign cpu_bvalid  = m_bvalid[0];
  assign cpu_bresp   = m_bresp[1:0];
  assign cpu_arready = m_arready[0];
  assign cpu_rvalid  = m_rvalid[0];
  assign cpu_rdata   = m_rdata[31:0];
  assign cpu_rresp   = m_rresp[1:0];

  assign fw_awready  = m_awready[1];
  assign fw_wready   = m_wready[1];
  assign fw_bvalid   = m_bvalid[1];
  assign fw_bresp    = m_bresp[3:2];
  assign fw_arready  = m_arready[1];
  assign fw_rvalid   = m_rvalid[1];
  assign fw_rdata    = m_rdata[63:32];
  assign fw_rresp    = m_rresp[3:2];

  logic [NUM_SLAVES-1:0]    s_awvalid, s_awready, s_wvalid, s_wready, s_bvalid, s_bready;
  logic [NUM_SLAVES-1:0]    s_arvalid, s_arready, s_rvalid, s_rready;
  logic [31:0]              s_awaddr, s_araddr, s_wdata;
  logic [2:0]               s_awprot, s_arprot;
  logic [3:0]               s_wstrb;
  logic [NUM_SLAVES*2-1:0]  s_bresp, s_rresp;
  logic [NUM_SLAVES*32-1:0] s_rdata;

  axil_fabric #(
    .NUM_MASTERS(NUM_MASTERS), .NUM_SLAVES(NUM_SLAVES),
    .SLV_BASE(SLV_BASE), .SLV_SIZE(SLV_SIZE)
  ) u_fabric (
    .clk, .rst_n,
    .m_awvalid, .m_awready, .m_awaddr, .m_awprot,
    .m_wvalid, .m_wready, .m_wdata, .m_wstrb,
    .m_bvalid, .m_bready, .m_bresp,
    .m_arvalid, .m_arready, .m_araddr, .m_arprot,
    .m_rvalid, .m_rready, .m_rdata, .m_rresp,
    .s_awvalid, .s_awready, .s_awaddr, .s_awprot,
    .s_wvalid, .s_wready, .s_wdata, .s_wstrb,
    .s_bvalid, .s_bready, .s_bresp,
    .s_arvalid, .s_arready, .s_araddr, .s_arprot,
    .s_rvalid, .s_rready, .s_rdata, .s_rresp
  );

  // ------------------------------------------------------------------ AXI -> register adapters
  logic [NUM_SLAVES-1:0]    g_req, g_we, g_ns, g_ack;
  logic [NUM_SLAVES*32-1:0] g_addr, g_wdata, g_rdata;
  logic [NUM_SLAVES*4-1:0]  g_wstrb;
  logic [NUM_SLAVES*2-1:0]  g_resp;

  for (genvar s = 0; s < NUM_SLAVES; s++) begin : g_adapt
    axil_to_reg #(.BASE(SLV_BASE[s*32 +: 32])) u_a2r (
      .clk, .rst_n,
      .s_awvalid(s_awvalid[s]), .s_awready(s_awready[s]), .s_awaddr(s_awaddr), .s_awprot(s_awprot),
      .s_wvalid(s_wvalid[s]), .s_wready(s_wready[s]), .s_wdata(s_wdata), .s_wstrb(s_wstrb),
      .s_bvalid(s_bvalid[s]), .s_bready(s_bready[s]), .s_bresp(s_bresp[s*2 +: 2]),
      .s_arvalid(s_arvalid[s]), .s_arready(s_arready[s]), .s_araddr(s_araddr), .s_arprot(s_arprot),
      .s_rvalid(s_rvalid[s]), .s_rready(s_rready[s]), .s_rdata(s_rdata[s*32 +: 32]),
      .s_rresp(s_rresp[s*2 +: 2]),
      .req(g_req[s]), .we(g_we[s]), .addr(g_addr[s*32 +: 32]), .wdata(g_wdata[s*32 +: 32]),
      .wstrb(g_wstrb[s*4 +: 4]), .ns(g_ns[s]),
      .ack(g_ack[s]), .rdata(g_rdata[s*32 +: 32]), .resp(g_resp[s*2 +: 2])
    );
  end

  // ------------------------------------------------------------------ timers
  logic [NUM_CPUS-1:0] timer_ppi;

  dev_timer #(.NUM_TIMERS(NUM_CPUS), .IRQSIM_ASSERT(IRQSIM_ASSERT)) u_timer (
    .clk, .rst_n,
    .req(g_req[2]), .we(g_we[2]), .addr(g_addr[64 +: 16]), .wdata(g_wdata[64 +: 32]),
    .wstrb(g_wstrb[8 +: 4]), .ns(g_ns[2]),
    .ack(g_ack[2]), .rdata(g_rdata[64 +: 32]), .resp(g_resp[4 +: 2]),
    .timer_ppi
  );

  // ------------------------------------------------------------------ TI INTR / INTA / DMA rings
  logic [NUM_INTR_LINES-1:0] intr_line_q;
  logic [NUM_VINTS-1:0]      vint_out;
  logic [NUM_INTR_OUT-1:0]   intr_out;
  logic                      dma_ev_valid, dma_ev_ready;
  logic [15:0]               dma_ev_id;
  logic                      inta_ev_valid, inta_ev_ready, ev_dup_held_q;
  logic [NUM_INTR_OUT-1:0]   f_intr_drop_q;
  logic                      f_ev_drop_q, f_ev_dup_q;

  // Fault inputs are registered once (as the line inputs are): one cycle later,
  // and no combinational path from a top-level input into the fabric.
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      f_intr_drop_q <= '0;
      f_ev_drop_q   <= 1'b0;
      f_ev_dup_q    <= 1'b0;
    end else begin
      f_intr_drop_q <= fault_intr_out_drop;
      f_ev_drop_q   <= fault_inta_ev_drop;
      f_ev_dup_q    <= fault_inta_ev_dup;
    end
  end

  // Event-port faults sit between the ring device and the INTA.  Drop: the device
  // sees its handshake, the INTA nothing.  Duplicate: the INTA takes the event while
  // the device is held; it is taken again (the device released) when the fault drops.
  assign inta_ev_valid = dma_ev_valid & ~f_ev_drop_q & ~(f_ev_dup_q & ev_dup_held_q);
  assign dma_ev_ready  = f_ev_drop_q | (inta_ev_ready & ~f_ev_dup_q);

  always_ff @(posedge clk) begin
    if (!rst_n || !f_ev_dup_q)               ev_dup_held_q <= 1'b0;
    else if (inta_ev_valid && inta_ev_ready) ev_dup_held_q <= 1'b1;
  end

  always_ff @(posedge clk) begin
    if (!rst_n) intr_line_q <= '0;
    else        intr_line_q <= intr_line_in;
  end

  ti_intr #(
    .NUM_INPUTS(NUM_INTR_LINES + NUM_VINTS), .NUM_OUTPUTS(NUM_INTR_OUT), .IRQSIM_ASSERT(IRQSIM_ASSERT)
  ) u_intr (
    .clk, .rst_n,
    .req(g_req[3]), .we(g_we[3]), .addr(g_addr[96 +: 12]), .wdata(g_wdata[96 +: 32]),
    .wstrb(g_wstrb[12 +: 4]), .ns(g_ns[3]),
    .ack(g_ack[3]), .rdata(g_rdata[96 +: 32]), .resp(g_resp[6 +: 2]),
    .in({vint_out, intr_line_q}), .out(intr_out)
  );

  ti_inta #(
    .NUM_VINTS(NUM_VINTS), .NUM_EVENTS(NUM_EVENTS), .IRQSIM_ASSERT(IRQSIM_ASSERT)
  ) u_inta (
    .clk, .rst_n,
    .req(g_req[4]), .we(g_we[4]), .addr(g_addr[128 +: 22]), .wdata(g_wdata[128 +: 32]),
    .wstrb(g_wstrb[16 +: 4]), .ns(g_ns[4]),
    .ack(g_ack[4]), .rdata(g_rdata[128 +: 32]), .resp(g_resp[8 +: 2]),
    .ev_valid(inta_ev_valid), .ev_ready(inta_ev_ready), .ev_id(dma_ev_id),
    .vint_out
  );

  dev_dma_ring #(
    .NUM_RINGS(NUM_RINGS), .LATENCY(DMA_LATENCY), .IRQSIM_ASSERT(IRQSIM_ASSERT)
  ) u_dma (
    .clk, .rst_n,
    .req(g_req[5]), .we(g_we[5]), .addr(g_addr[160 +: 21]), .wdata(g_wdata[160 +: 32]),
    .wstrb(g_wstrb[20 +: 4]), .ns(g_ns[5]),
    .ack(g_ack[5]), .rdata(g_rdata[160 +: 32]), .resp(g_resp[10 +: 2]),
    .ev_valid(dma_ev_valid), .ev_ready(dma_ev_ready), .ev_id(dma_ev_id)
  );

  // ------------------------------------------------------------------ IMS device (master 2)
  dev_ims #(.NUM_SLOTS(NUM_IMS_SLOTS), .IRQSIM_ASSERT(IRQSIM_ASSERT)) u_ims (
    .clk, .rst_n,
    .req(g_req[6]), .we(g_we[6]), .addr(g_addr[192 +: 12]), .wdata(g_wdata[192 +: 32]),
    .wstrb(g_wstrb[24 +: 4]), .ns(g_ns[6]),
    .ack(g_ack[6]), .rdata(g_rdata[192 +: 32]), .resp(g_resp[12 +: 2]),
    .fire_valid(1'b0), .fire_ready(ims_fire_ready), .fire_slot(16'h0),
    .m_awvalid(ims_awvalid), .m_awready(m_awready[2]), .m_awaddr(ims_awaddr), .m_awprot(ims_awprot),
    .m_wvalid(ims_wvalid), .m_wready(m_wready[2]), .m_wdata(ims_wdata), .m_wstrb(ims_wstrb),
    .m_bvalid(m_bvalid[2]), .m_bready(ims_bready), .m_bresp(m_bresp[5:4])
  );
  logic unused_ims_soc;
  assign unused_ims_soc = ^{g_addr[223:204], ims_fire_ready};

  assign mon_vint_out = vint_out;
  assign mon_intr_out = intr_out;

  // INTR output n -> SPI index INTR_OUT_SPI + n (INTID 32 + INTR_OUT_SPI + n) where
  // that SPI exists
  logic [NUM_SPIS-1:0] intr_spi;
  for (genvar i = 0; i < NUM_SPIS; i++) begin : g_intr_spi
    if (i >= INTR_OUT_SPI && i - INTR_OUT_SPI < NUM_INTR_OUT) begin : g_on
      assign intr_spi[i] = intr_out[i - INTR_OUT_SPI] & ~f_intr_drop_q[i - INTR_OUT_SPI];
    end else begin : g_off
      assign intr_spi[i] = 1'b0;
    end
  end

  // ------------------------------------------------------------------ interrupt sources
  // line inputs are registered once at the boundary (1 cycle; also keeps the
  // combinational logic behind them out of Verilator's input-evaluation path)
  logic [NUM_LINES-1:0]  line_q;
  logic [NUM_SPIS-1:0]   spi_in;
  logic [NUM_PES*16-1:0] ppi_in;

  always_ff @(posedge clk) begin
    if (!rst_n) line_q <= '0;
    else        line_q <= line_in;
  end

  if (NUM_SPIS > NUM_LINES) begin : g_spi_pad
    assign spi_in = {{(NUM_SPIS - NUM_LINES){1'b0}}, line_q} | intr_spi;
  end else begin : g_spi_full
    assign spi_in = line_q | intr_spi;
  end

  for (genvar c = 0; c < NUM_CPUS; c++) begin : g_ppi
    assign ppi_in[c*16 +: 16] = {1'b0, timer_ppi[c], 14'h0};   // PPI 14 = INTID 30
  end
  if (HAS_COPROC != 0) begin : g_coproc_ppi
    assign ppi_in[NUM_CPUS*16 +: 16*HAS_COPROC] = '0;
  end

  // ------------------------------------------------------------------ GIC
  gic_top #(
    .NUM_SPIS(NUM_SPIS), .NUM_PES(NUM_PES), .IRQSIM_ASSERT(IRQSIM_ASSERT)
  ) u_gic (
    .clk, .rst_n,
    .d_req(g_req[0]), .d_we(g_we[0]), .d_addr(g_addr[0 +: 32]), .d_wdata(g_wdata[0 +: 32]),
    .d_wstrb(g_wstrb[0 +: 4]), .d_ns(g_ns[0]),
    .d_ack(g_ack[0]), .d_rdata(g_rdata[0 +: 32]), .d_resp(g_resp[0 +: 2]),
    .r_req(g_req[1]), .r_we(g_we[1]), .r_addr(g_addr[32 +: 32]), .r_wdata(g_wdata[32 +: 32]),
    .r_wstrb(g_wstrb[4 +: 4]), .r_ns(g_ns[1]),
    .r_ack(g_ack[1]), .r_rdata(g_rdata[32 +: 32]), .r_resp(g_resp[2 +: 2]),
    .spi_in, .ppi_in,
    .sysreg_valid, .sysreg_pe, .sysreg_write, .sysreg_key, .sysreg_wdata,
    .sysreg_ready, .sysreg_rdata, .sysreg_error,
    .dram_arvalid, .dram_arready, .dram_araddr, .dram_rvalid, .dram_rready, .dram_rdata,
    .dram_rresp,
    .irq_out, .fiq_out,
    .mon_spi_pending, .mon_spi_active, .mon_sgippi_pending
  );

  // DRAM read port: driven by u_gic (redistributors' LPI configuration-table reads)

  logic unused_soc;
  // (f_intr_drop_q: bits without an SPI when NUM_SPIS is small)
  assign unused_soc = ^{f_intr_drop_q, dram_arready, dram_rvalid, dram_rdata, dram_rresp,
                        m_awready[2], m_wready[2], m_bvalid[2], m_arready[2], m_rvalid[2],
                        m_bresp[5:4], m_rresp[5:4], m_rdata[95:64],
                        g_addr[95:80], g_addr[127:108], g_addr[159:150], g_addr[191:181]};

endmodule
