// irqsim_tb_top: testbench-only wrapper around irqsim_soc (never part of rtl/).
//
// Passes every parameter and port of irqsim_soc straight through and adds two
// trace-only inputs that go nowhere in the design:
//   annotation[511:0]   the driver operation in progress as ASCII text, first
//                       character in the most significant byte (bits 511:504),
//                       zero padded at the end, so GTKWave's "ASCII" data format
//                       reads it left to right;
//   annotation_seq      incremented by the harness each time the text changes,
//                       so two identical consecutive operations stay distinct.
// Being top-level ports, Verilator keeps and traces them although unused.
/* verilator lint_off DECLFILENAME */
module irqsim_tb_top #(
  parameter int NUM_CPUS   = 4,
  parameter int NUM_SPIS   = 96,
  parameter int NUM_LINES  = 32,
  parameter int HAS_COPROC = 1,
  parameter int NUM_INTR_LINES = 16,
  parameter int NUM_VINTS      = 16,
  parameter int NUM_INTR_OUT   = 32,
  parameter int NUM_EVENTS     = 256,
  parameter int NUM_RINGS      = 32,
  parameter int NUM_IMS_SLOTS  = 32,
  parameter int INTR_OUT_SPI   = 32,
  // the default map, rtl/soc/irqsim_soc_map.rdl
  parameter logic [31:0] GICD_BASE  = irqsim_soc_map_regs_pkg::GICD_BASE,
  parameter logic [31:0] GICR_BASE  = irqsim_soc_map_regs_pkg::GICR_BASE,
  parameter logic [31:0] TIMER_BASE = irqsim_soc_map_regs_pkg::TIMER_BASE,
  parameter logic [31:0] INTR_BASE  = irqsim_soc_map_regs_pkg::INTR_BASE,
  parameter logic [31:0] INTA_BASE  = irqsim_soc_map_regs_pkg::INTA_BASE,
  parameter logic [31:0] DMA_BASE   = irqsim_soc_map_regs_pkg::DMA_BASE,
  parameter logic [31:0] IMS_BASE   = irqsim_soc_map_regs_pkg::IMS_BASE,
  localparam int NUM_PES   = NUM_CPUS + HAS_COPROC
) (
  input  logic                   clk,
  input  logic                   rst_n,
  // CPU MMIO (AXI4-Lite slave)
  input  logic                   cpu_awvalid,
  output logic                   cpu_awready,
  input  logic [31:0]            cpu_awaddr,
  input  logic [2:0]             cpu_awprot,
  input  logic                   cpu_wvalid,
  output logic                   cpu_wready,
  input  logic [31:0]            cpu_wdata,
  input  logic [3:0]             cpu_wstrb,
  output logic                   cpu_bvalid,
  input  logic                   cpu_bready,
  output logic [1:0]             cpu_bresp,
  input  logic                   cpu_arvalid,
  output logic                   cpu_arready,
  input  logic [31:0]            cpu_araddr,
  input  logic [2:0]             cpu_arprot,
  output logic                   cpu_rvalid,
  input  logic                   cpu_rready,
  output logic [31:0]            cpu_rdata,
  output logic [1:0]             cpu_rresp,
  // secure firmware master (AXI4-Lite slave)
  input  logic                   fw_awvalid,
  output logic                   fw_awready,
  input  logic [31:0]            fw_awaddr,
  input  logic [2:0]             fw_awprot,
  input  logic                   fw_wvalid,
  output logic                   fw_wready,
  input  logic [31:0]            fw_wdata,
  input  logic [3:0]             fw_wstrb,
  output logic                   fw_bvalid,
  input  logic                   fw_bready,
  output logic [1:0]             fw_bresp,
  input  logic                   fw_arvalid,
  output logic                   fw_arready,
  input  logic [31:0]            fw_araddr,
  input  logic [2:0]             fw_arprot,
  output logic                   fw_rvalid,
  input  logic                   fw_rready,
  output logic [31:0]            fw_rdata,
  output logic [1:0]             fw_rresp,
  // DRAM (AXI4-Lite read master of the SoC; served by the harness)
  output logic                   dram_arvalid,
  input  logic                   dram_arready,
  output logic [31:0]            dram_araddr,
  input  logic                   dram_rvalid,
  output logic                   dram_rready,
  input  logic [31:0]            dram_rdata,
  input  logic [1:0]             dram_rresp,
  // per-PE system-register port (GICv3 CPU interfaces)
  input  logic                   sysreg_valid,
  input  logic [7:0]             sysreg_pe,
  input  logic                   sysreg_write,
  input  logic [15:0]            sysreg_key,
  input  logic [63:0]            sysreg_wdata,
  output logic                   sysreg_ready,
  output logic [63:0]            sysreg_rdata,
  output logic                   sysreg_error,
  // interrupt outputs, device lines, observation taps
  output logic [NUM_PES-1:0]     irq_out,
  output logic [NUM_PES-1:0]     fiq_out,
  input  logic [NUM_LINES-1:0]   line_in,
  input  logic [NUM_INTR_LINES-1:0] intr_line_in,
  output logic [NUM_SPIS-1:0]    mon_spi_pending,
  output logic [NUM_SPIS-1:0]    mon_spi_active,
  output logic [NUM_PES*32-1:0]  mon_sgippi_pending,
  output logic [NUM_VINTS-1:0]   mon_vint_out,
  output logic [NUM_INTR_OUT-1:0] mon_intr_out,
  // fault injection (sim/fault.h), 0 unless a test injects
  input  logic [NUM_INTR_OUT-1:0] fault_intr_out_drop,
  input  logic                   fault_inta_ev_drop,
  input  logic                   fault_inta_ev_dup,
  // trace-only
  input  logic [8*64-1:0]        annotation,
  input  logic [31:0]            annotation_seq
);

  irqsim_soc #(
    .NUM_CPUS  (NUM_CPUS),
    .NUM_SPIS  (NUM_SPIS),
    .NUM_LINES (NUM_LINES),
    .HAS_COPROC(HAS_COPROC),
    .NUM_INTR_LINES(NUM_INTR_LINES),
    .NUM_VINTS     (NUM_VINTS),
    .NUM_INTR_OUT  (NUM_INTR_OUT),
    .NUM_EVENTS    (NUM_EVENTS),
    .NUM_RINGS     (NUM_RINGS),
    .NUM_IMS_SLOTS (NUM_IMS_SLOTS),
    .INTR_OUT_SPI  (INTR_OUT_SPI),
    .GICD_BASE     (GICD_BASE),
    .GICR_BASE     (GICR_BASE),
    .TIMER_BASE    (TIMER_BASE),
    .INTR_BASE     (INTR_BASE),
    .INTA_BASE     (INTA_BASE),
    .DMA_BASE      (DMA_BASE),
    .IMS_BASE      (IMS_BASE)
  ) u_soc (
    .clk, .rst_n,
    .cpu_awvalid, .cpu_awready, .cpu_awaddr, .cpu_awprot,
    .cpu_wvalid, .cpu_wready, .cpu_wdata, .cpu_wstrb,
    .cpu_bvalid, .cpu_bready, .cpu_bresp,
    .cpu_arvalid, .cpu_arready, .cpu_araddr, .cpu_arprot,
    .cpu_rvalid, .cpu_rready, .cpu_rdata, .cpu_rresp,
    .fw_awvalid, .fw_awready, .fw_awaddr, .fw_awprot,
    .fw_wvalid, .fw_wready, .fw_wdata, .fw_wstrb,
    .fw_bvalid, .fw_bready, .fw_bresp,
    .fw_arvalid, .fw_arready, .fw_araddr, .fw_arprot,
    .fw_rvalid, .fw_rready, .fw_rdata, .fw_rresp,
    .dram_arvalid, .dram_arready, .dram_araddr,
    .dram_rvalid, .dram_rready, .dram_rdata, .dram_rresp,
    .sysreg_valid, .sysreg_pe, .sysreg_write, .sysreg_key, .sysreg_wdata,
    .sysreg_ready, .sysreg_rdata, .sysreg_error,
    .irq_out, .fiq_out,
    .line_in, .intr_line_in,
    .mon_spi_pending, .mon_spi_active, .mon_sgippi_pending,
    .mon_vint_out, .mon_intr_out,
    .fault_intr_out_drop, .fault_inta_ev_drop, .fault_inta_ev_dup
  );

  // Unused on purpose: annotation and annotation_seq exist only to be traced.
  /* verilator lint_off UNUSEDSIGNAL */
  logic unused_annotation;
  assign unused_annotation = ^{annotation, annotation_seq};
  /* verilator lint_on UNUSEDSIGNAL */

endmodule
/* verilator lint_on DECLFILENAME */
