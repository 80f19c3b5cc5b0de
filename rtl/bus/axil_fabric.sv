// axil_fabric: N AXI4-Lite masters -> M AXI4-Lite slaves ("crossbar-lite").
//
// One transaction at a time through the whole fabric. Round-robin
// arbitration between masters that present AWVALID or ARVALID (a master
// presenting both gets its write first). AW and W from a master may arrive
// in different cycles. Address decode uses a parameter table of
// (base, size) pairs: slave s owns [SLV_BASE[s], SLV_BASE[s] + SLV_SIZE[s]).
// An address that no slave owns is answered by the fabric with DECERR
// (reads return data 0). AxPROT is passed through unchanged.
//
// Master/slave signals are flattened vectors: master m uses bits
// [m*W +: W] of each bus of width W; likewise for slaves. Address, data,
// strobes and prot towards the slaves are shared by all slaves (only the
// selected slave sees a VALID).
// Waveforms show this block through its ports in the parent; its internals get
// no trace code unless IRQSIM_TRACE_INTERNALS is defined, because Verilator
// compares every signal with trace code at every dump (the cost of all traces).
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module axil_fabric #(
  parameter int NUM_MASTERS = 3,
  parameter int NUM_SLAVES  = 3,
  parameter logic [NUM_SLAVES*32-1:0] SLV_BASE = {NUM_SLAVES{32'h0}},
  parameter logic [NUM_SLAVES*32-1:0] SLV_SIZE = {NUM_SLAVES{32'h0}}
) (
  input  logic clk,
  input  logic rst_n,
  // ---- masters (slave ports of the fabric)
  input  logic [NUM_MASTERS-1:0]    m_awvalid,
  output logic [NUM_MASTERS-1:0]    m_awready,
  input  logic [NUM_MASTERS*32-1:0] m_awaddr,
  input  logic [NUM_MASTERS*3-1:0]  m_awprot,
  input  logic [NUM_MASTERS-1:0]    m_wvalid,
  output logic [NUM_MASTERS-1:0]    m_wready,
  input  logic [NUM_MASTERS*32-1:0] m_wdata,
  input  logic [NUM_MASTERS*4-1:0]  m_wstrb,
  output logic [NUM_MASTERS-1:0]    m_bvalid,
  input  logic [NUM_MASTERS-1:0]    m_bready,
  output logic [NUM_MASTERS*2-1:0]  m_bresp,
  input  logic [NUM_MASTERS-1:0]    m_arvalid,
  output logic [NUM_MASTERS-1:0]    m_arready,
  input  logic [NUM_MASTERS*32-1:0] m_araddr,
  input  logic [NUM_MASTERS*3-1:0]  m_arprot,
  output logic [NUM_MASTERS-1:0]    m_rvalid,
  input  logic [NUM_MASTERS-1:0]    m_rready,
  output logic [NUM_MASTERS*32-1:0] m_rdata,
  output logic [NUM_MASTERS*2-1:0]  m_rresp,
  // ---- slaves (master ports of the fabric)
  output logic [NUM_SLAVES-1:0]     s_awvalid,
  input  logic [NUM_SLAVES-1:0]     s_awready,
  output logic [31:0]               s_awaddr,
  output logic [2:0]                s_awprot,
  output logic [NUM_SLAVES-1:0]     s_wvalid,
  input  logic [NUM_SLAVES-1:0]     s_wready,
  output logic [31:0]               s_wdata,
  output logic [3:0]                s_wstrb,
  input  logic [NUM_SLAVES-1:0]     s_bvalid,
  output logic [NUM_SLAVES-1:0]     s_bready,
  input  logic [NUM_SLAVES*2-1:0]   s_bresp,
  output logic [NUM_SLAVES-1:0]     s_arvalid,
  input  logic [NUM_SLAVES-1:0]     s_arready,
  output logic [31:0]               s_araddr,
  output logic [2:0]                s_arprot,
  input  logic [NUM_SLAVES-1:0]     s_rvalid,
  output logic [NUM_SLAVES-1:0]     s_rready,
  input  logic [NUM_SLAVES*32-1:0]  s_rdata,
  input  logic [NUM_SLAVES*2-1:0]   s_rresp
);

  localparam int MW = (NUM_MASTERS > 1) ? $clog2(NUM_MASTERS) : 1;
  localparam int SW = (NUM_SLAVES > 1) ? $clog2(NUM_SLAVES) : 1;

  typedef enum logic [3:0] {
    ST_IDLE = 4'd0,  // arbitrate; accept AW (and W) or AR of the winner
    ST_MW   = 4'd1,  // waiting for W of the granted master
    ST_SW   = 4'd2,  // AW/W to slave
    ST_SB   = 4'd3,  // waiting for B from slave
    ST_MB   = 4'd4,  // B to master
    ST_SAR  = 4'd5,  // AR to slave
    ST_SR   = 4'd6,  // waiting for R from slave
    ST_MR   = 4'd7   // R to master
  } state_t;

  state_t          state_q;
  logic [MW-1:0]   cur_q;      // granted master
  logic [MW-1:0]   last_q;     // last master served (round-robin pointer)
  logic [SW-1:0]   sel_q;      // selected slave
  logic            aw_done_q, w_done_q;
  logic [31:0]     addr_q, wdata_q, rdata_q;
  logic [3:0]      wstrb_q;
  logic [2:0]      prot_q;
  logic [1:0]      resp_q;

  // ---------------- arbitration (combinational, only used in ST_IDLE)
  logic [NUM_MASTERS-1:0] mreq;
  logic                   any_req;
  logic [MW-1:0]          grant;

  assign mreq    = m_awvalid | m_arvalid;
  assign any_req = |mreq;

  int   arb_idx;
  logic arb_found;
  always_comb begin
    arb_idx   = 0;
    grant = last_q;
    arb_found = 1'b0;
    for (int k = 1; k <= NUM_MASTERS; k++) begin
      arb_idx = 32'(last_q) + k;
      if (arb_idx >= NUM_MASTERS) arb_idx = arb_idx - NUM_MASTERS;
      if (!arb_found && mreq[arb_idx]) begin
        arb_found = 1'b1;
        grant     = MW'(arb_idx);
      end
    end
  end

  // ---------------- address decode
  function automatic logic [SW:0] decode(input logic [31:0] a);
    logic [SW:0] r;
    logic [31:0] base, size;
    r = '0;
    for (int s = NUM_SLAVES - 1; s >= 0; s--) begin
      base = SLV_BASE[s*32 +: 32];
      size = SLV_SIZE[s*32 +: 32];
      if ((a - base) < size) r = {1'b1, SW'(s)};
    end
    decode = r;
  endfunction

  logic gw_aw, gw_w, gr_ar;
  assign gw_aw = (state_q == ST_IDLE) && any_req && m_awvalid[grant];
  assign gw_w  = gw_aw && m_wvalid[grant];
  assign gr_ar = (state_q == ST_IDLE) && any_req && !m_awvalid[grant];

  // ---------------- handshake outputs
  always_comb begin
    m_awready = '0;
    m_wready  = '0;
    m_arready = '0;
    m_bvalid  = '0;
    m_rvalid  = '0;
    s_awvalid = '0;
    s_wvalid  = '0;
    s_bready  = '0;
    s_arvalid = '0;
    s_rready  = '0;
    if (gw_aw) m_awready[grant] = 1'b1;
    if (gw_w)  m_wready[grant]  = 1'b1;
    if (gr_ar) m_arready[grant] = 1'b1;
    case (state_q)
      ST_MW:  m_wready[cur_q]  = 1'b1;
      ST_SW: begin
        s_awvalid[sel_q] = hit_q && !aw_done_q;
        s_wvalid[sel_q]  = hit_q && !w_done_q;
      end
      ST_SB:  s_bready[sel_q]  = 1'b1;
      ST_MB:  m_bvalid[cur_q]  = 1'b1;
      ST_SAR: s_arvalid[sel_q] = hit_q;
      ST_SR:  s_rready[sel_q]  = 1'b1;
      ST_MR:  m_rvalid[cur_q]  = 1'b1;
      default: ;
    endcase
  end

  assign s_awaddr = addr_q;
  assign s_araddr = addr_q;
  assign s_awprot = prot_q;
  assign s_arprot = prot_q;
  assign s_wdata  = wdata_q;
  assign s_wstrb  = wstrb_q;

  assign m_bresp = {NUM_MASTERS{resp_q}};
  assign m_rresp = {NUM_MASTERS{resp_q}};
  assign m_rdata = {NUM_MASTERS{rdata_q}};

  // ---------------- sequencing
  logic hit_q;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state_q   <= ST_IDLE;
      cur_q     <= '0;
      last_q    <= MW'(NUM_MASTERS - 1);
      sel_q     <= '0;
      hit_q     <= 1'b0;
      aw_done_q <= 1'b0;
      w_done_q  <= 1'b0;
      addr_q    <= '0;
      wdata_q   <= '0;
      wstrb_q   <= '0;
      prot_q    <= '0;
      resp_q    <= 2'b00;
      rdata_q   <= '0;
    end else begin
      case (state_q)
        ST_IDLE: begin
          if (gw_aw) begin
            cur_q  <= grant;
            addr_q <= m_awaddr[grant*32 +: 32];
            {hit_q, sel_q} <= decode(m_awaddr[grant*32 +: 32]);
            prot_q <= m_awprot[grant*3 +: 3];
            if (gw_w) begin
              wdata_q <= m_wdata[grant*32 +: 32];
              wstrb_q <= m_wstrb[grant*4 +: 4];
              state_q <= ST_SW;
            end else begin
              state_q <= ST_MW;
            end
            aw_done_q <= 1'b0;
            w_done_q  <= 1'b0;
          end else if (gr_ar) begin
            cur_q   <= grant;
            addr_q  <= m_araddr[grant*32 +: 32];
            {hit_q, sel_q} <= decode(m_araddr[grant*32 +: 32]);
            prot_q  <= m_arprot[grant*3 +: 3];
            state_q <= ST_SAR;
          end
        end
        ST_MW: begin
          if (m_wvalid[cur_q]) begin
            wdata_q <= m_wdata[cur_q*32 +: 32];
            wstrb_q <= m_wstrb[cur_q*4 +: 4];
            state_q <= ST_SW;
          end
        end
        ST_SW: begin
          if (!hit_q) begin
            resp_q  <= 2'b11;
            state_q <= ST_MB;
          end else begin
            if (s_awvalid[sel_q] && s_awready[sel_q]) aw_done_q <= 1'b1;
            if (s_wvalid[sel_q] && s_wready[sel_q])   w_done_q  <= 1'b1;
            if ((aw_done_q || (s_awvalid[sel_q] && s_awready[sel_q])) &&
                (w_done_q  || (s_wvalid[sel_q]  && s_wready[sel_q])))
              state_q <= ST_SB;
          end
        end
        ST_SB: begin
          if (s_bvalid[sel_q]) begin
            resp_q  <= s_bresp[sel_q*2 +: 2];
            state_q <= ST_MB;
          end
        end
        ST_MB: begin
          if (m_bready[cur_q]) begin
            last_q  <= cur_q;
            state_q <= ST_IDLE;
          end
        end
        ST_SAR: begin
          if (!hit_q) begin
            resp_q  <= 2'b11;
            rdata_q <= 32'h0;
            state_q <= ST_MR;
          end else begin
            if (s_arvalid[sel_q] && s_arready[sel_q]) state_q <= ST_SR;
          end
        end
        ST_SR: begin
          if (s_rvalid[sel_q]) begin
            resp_q  <= s_rresp[sel_q*2 +: 2];
            rdata_q <= s_rdata[sel_q*32 +: 32];
            state_q <= ST_MR;
          end
        end
        ST_MR: begin
          if (m_rready[cur_q]) begin
            last_q  <= cur_q;
            state_q <= ST_IDLE;
          end
        end
        default: state_q <= ST_IDLE;
      endcase
    end
  end

endmodule
