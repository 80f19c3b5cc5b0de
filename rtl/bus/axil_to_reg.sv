// axil_to_reg: AXI4-Lite slave -> simple register request interface.
//
// One transaction at a time. A write is accepted once both AW and W are
// valid (legal: AXI masters may not wait for AWREADY before WVALID); reads
// are accepted when no write is presented. The register side sees:
//   req (held high until ack), we, addr (= AXI address - BASE), wdata,
//   wstrb, ns (= AxPROT[1]).
// The register block answers with a one-cycle ack pulse carrying rdata and
// resp (2'b00 OKAY, 2'b10 SLVERR, 2'b11 DECERR). A block must not ack again
// while req is still high in the cycle after its ack (see README).
// Waveforms show this block through its ports in the parent (the waves/ views'
// depth); its internals get no trace code unless IRQSIM_TRACE_INTERNALS is
// defined, because Verilator compares every signal with trace code at every dump.
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module axil_to_reg #(
  parameter logic [31:0] BASE = 32'h0
) (
  input  logic        clk,
  input  logic        rst_n,
  // AXI4-Lite slave
  input  logic        s_awvalid,
  output logic        s_awready,
  input  logic [31:0] s_awaddr,
  input  logic [2:0]  s_awprot,
  input  logic        s_wvalid,
  output logic        s_wready,
  input  logic [31:0] s_wdata,
  input  logic [3:0]  s_wstrb,
  output logic        s_bvalid,
  input  logic        s_bready,
  output logic [1:0]  s_bresp,
  input  logic        s_arvalid,
  output logic        s_arready,
  input  logic [31:0] s_araddr,
  input  logic [2:0]  s_arprot,
  output logic        s_rvalid,
  input  logic        s_rready,
  output logic [31:0] s_rdata,
  output logic [1:0]  s_rresp,
  // register request interface
  output logic        req,
  output logic        we,
  output logic [31:0] addr,
  output logic [31:0] wdata,
  output logic [3:0]  wstrb,
  output logic        ns,
  input  logic        ack,
  input  logic [31:0] rdata,
  input  logic [1:0]  resp
);

  typedef enum logic [1:0] {
    ST_IDLE = 2'd0,
    ST_REQ  = 2'd1,
    ST_RSP  = 2'd2
  } state_t;

  state_t state_q;
  logic   we_q;
  logic [31:0] rdata_q;
  logic [1:0]  resp_q;

  logic take_wr, take_rd;
  assign take_wr = (state_q == ST_IDLE) && s_awvalid && s_wvalid;
  assign take_rd = (state_q == ST_IDLE) && !s_awvalid && s_arvalid;

  assign s_awready = take_wr;
  assign s_wready  = take_wr;
  assign s_arready = take_rd;

  assign s_bvalid = (state_q == ST_RSP) && we_q;
  assign s_bresp  = resp_q;
  assign s_rvalid = (state_q == ST_RSP) && !we_q;
  assign s_rdata  = rdata_q;
  assign s_rresp  = resp_q;

  assign req = (state_q == ST_REQ);
  assign we  = we_q;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state_q <= ST_IDLE;
      we_q    <= 1'b0;
      addr    <= 32'h0;
      wdata   <= 32'h0;
      wstrb   <= 4'h0;
      ns      <= 1'b0;
      rdata_q <= 32'h0;
      resp_q  <= 2'b00;
    end else begin
      case (state_q)
        ST_IDLE: begin
          if (take_wr) begin
            we_q    <= 1'b1;
            addr    <= s_awaddr - BASE;
            wdata   <= s_wdata;
            wstrb   <= s_wstrb;
            ns      <= s_awprot[1];
            state_q <= ST_REQ;
          end else if (take_rd) begin
            we_q    <= 1'b0;
            addr    <= s_araddr - BASE;
            wstrb   <= 4'h0;
            ns      <= s_arprot[1];
            state_q <= ST_REQ;
          end
        end
        ST_REQ: begin
          if (ack) begin
            rdata_q <= we_q ? 32'h0 : rdata;
            resp_q  <= resp;
            state_q <= ST_RSP;
          end
        end
        ST_RSP: begin
          if ((we_q && s_bready) || (!we_q && s_rready)) state_q <= ST_IDLE;
        end
        default: state_q <= ST_IDLE;
      endcase
    end
  end

  logic unused_prot;
  assign unused_prot = ^{s_awprot[2], s_awprot[0], s_arprot[2], s_arprot[0]};

endmodule
