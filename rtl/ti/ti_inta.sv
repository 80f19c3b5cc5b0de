// ti_inta: TI K3-style interrupt aggregator (INTA).
//
// One register window, described in ti_inta.rdl (offsets and fields come from the
// generated ti_inta_regs_pkg): VINT frames (non-secure, 64-bit registers as two
// words), IMAP (secure-only writes) and CFG, each region 1 MB (addr[21:20]).
// Events: from the event port (valid/ready + id) and from doorbell writes. A
// doorbell write waits in a one-entry slot (its register access is not acked
// while the slot is full); the slot has priority, the port sees ready = !slot.
// The chosen event is registered, then its IMAP entry (a memory indexed by the
// event id) sets STATUS[vint][bit] (edge event; coalesces when already set),
// or, if the entry is not valid / the id >= NUM_EVENTS / the VINT >= NUM_VINTS,
// ERR_COUNT increments and ERR_LAST_EVENT records the id. An event's set wins
// over a STATUS_CLEAR write in the same cycle.
// vint_out[v] = |(STATUS[v] & ENABLE[v]) (level), registered.
module ti_inta #(
  parameter int NUM_VINTS     = 16,
  parameter int NUM_EVENTS    = 256,
  parameter bit IRQSIM_ASSERT = 1'b1
) (
  input  logic                 clk,
  input  logic                 rst_n,
  // register interface (offset within the 3 MB window)
  input  logic                 req,
  input  logic                 we,
  input  logic [21:0]          addr,
  input  logic [31:0]          wdata,
  input  logic [3:0]           wstrb,
  input  logic                 ns,
  output logic                 ack,
  output logic [31:0]          rdata,
  output logic [1:0]           resp,
  // event port
  input  logic                 ev_valid,
  output logic                 ev_ready,
  input  logic [15:0]          ev_id,
  // VINT outputs
  output logic [NUM_VINTS-1:0] vint_out
);

  localparam int          EW       = (NUM_EVENTS > 1) ? $clog2(NUM_EVENTS) : 1;
  localparam int          VW       = (NUM_VINTS > 1) ? $clog2(NUM_VINTS) : 1;
  // Offsets and fields from the register description (ti_inta.rdl -> the generated
  // ti_inta_regs_pkg), named with the package: yosys reads no `import`.
  // The regions (1 MB each), the VINT frame's word offsets, the CFG offsets:
  localparam logic [1:0]  R_VINT   = ti_inta_regs_pkg::VINT_OFFSET[21:20];
  localparam logic [1:0]  R_IMAP   = ti_inta_regs_pkg::IMAP_OFFSET[21:20];
  localparam logic [1:0]  R_CFG    = ti_inta_regs_pkg::CFG_OFFSET[21:20];
  localparam logic [4:0]  W_EN_SET = ti_inta_regs_pkg::VINT_ENABLE_SET_OFFSET[7:3];
  localparam logic [4:0]  W_EN_CLR = ti_inta_regs_pkg::VINT_ENABLE_CLEAR_OFFSET[7:3];
  localparam logic [4:0]  W_ST_SET = ti_inta_regs_pkg::VINT_STATUS_SET_OFFSET[7:3];
  localparam logic [4:0]  W_ST_CLR = ti_inta_regs_pkg::VINT_STATUS_CLEAR_OFFSET[7:3];
  localparam logic [4:0]  W_STM    = ti_inta_regs_pkg::VINT_STATUSM_OFFSET[7:3];
  localparam logic [19:0] C_REV    = ti_inta_regs_pkg::CFG_REVISION_OFFSET[19:0];
  localparam logic [19:0] C_CAP    = ti_inta_regs_pkg::CFG_INTCAP_OFFSET[19:0];
  localparam logic [19:0] C_DB     = ti_inta_regs_pkg::CFG_UNMAPPED_EVENT_DOORBELL_OFFSET[19:0];
  localparam logic [19:0] C_ERRC   = ti_inta_regs_pkg::CFG_ERR_COUNT_OFFSET[19:0];
  localparam logic [19:0] C_ERRL   = ti_inta_regs_pkg::CFG_ERR_LAST_EVENT_OFFSET[19:0];
  // IMAP fields, the doorbell's event id, ERR_LAST_EVENT's event id
  localparam int          IMAP_VALID  = ti_inta_regs_pkg::IMAP_VALID_LSB;
  localparam int          IMAP_VINT   = ti_inta_regs_pkg::IMAP_VINT_LSB;
  localparam int          IMAP_VINT_W = ti_inta_regs_pkg::IMAP_VINT_WIDTH;
  localparam int          IMAP_BIT    = ti_inta_regs_pkg::IMAP_BIT_LSB;
  localparam int          IMAP_BIT_W  = ti_inta_regs_pkg::IMAP_BIT_WIDTH;
  localparam int          DB_EVENT    = ti_inta_regs_pkg::CFG_UNMAPPED_EVENT_DOORBELL_EVENT_LSB;
  localparam int          ERRL_EVENT  = ti_inta_regs_pkg::CFG_ERR_LAST_EVENT_EVENT_LSB;
  localparam logic [31:0] REVISION = ti_inta_regs_pkg::CFG_REVISION_RESET;
  localparam logic [31:0] INTCAP   = (32'(NUM_VINTS) << ti_inta_regs_pkg::CFG_INTCAP_VINTS_LSB) |
                                     (32'(NUM_EVENTS) << ti_inta_regs_pkg::CFG_INTCAP_EVENTS_LSB);

  // ------------------------------------------------------------------ state
  logic [63:0]             status_q [NUM_VINTS];
  logic [63:0]             enable_q [NUM_VINTS];
  logic [15:0]             imap_q [NUM_EVENTS];   // {valid, vint[8:0], bit[5:0]}
  logic                    db_v;
  logic [15:0]             db_id;
  logic                    ev1_v;
  logic [15:0]             ev1_id;
  logic [31:0]             err_count;
  logic [15:0]             err_last;

  // ------------------------------------------------------------------ decode
  logic       acc_now, take;
  logic [1:0] region;       // R_VINT, R_IMAP, R_CFG
  logic [7:0] v_idx;
  logic       v_ok, e_ok, half;
  logic [4:0] v_off;        // word offset within the VINT frame (addr[7:3])
  logic [18:0] e_idx;
  logic       is_db_wr;
  int         v, e;

  assign region   = addr[21:20];
  assign v_idx    = addr[19:12];
  assign v        = 32'(v_idx);
  assign v_ok     = (region == R_VINT) && (v < NUM_VINTS) && (addr[11:6] == 6'h0);
  assign v_off    = addr[7:3];
  assign half     = addr[2];
  assign e_idx    = {2'b0, addr[19:3]};
  assign e        = 32'(e_idx);
  assign e_ok     = (region == R_IMAP) && (e < NUM_EVENTS);
  assign is_db_wr = we && (region == R_CFG) && (addr[19:0] == C_DB);
  assign acc_now  = req && !ack;
  // a doorbell write waits while the slot is full
  assign take     = acc_now && !(is_db_wr && db_v);

  // ------------------------------------------------------------------ event stage
  logic [15:0] ent;
  logic        ent_hit;
  logic [8:0]  ent_vint;
  logic [5:0]  ent_bit;
  logic [EW-1:0] ev1_e;
  assign ev1_e    = ev1_id[EW-1:0];
  assign ent      = imap_q[ev1_e];
  assign ent_vint = ent[14:6];
  assign ent_bit  = ent[5:0];
  assign ent_hit  = ev1_v && (32'(ev1_id) < NUM_EVENTS) && ent[15] && (32'(ent_vint) < NUM_VINTS);
  assign ev_ready = !db_v;

  // ------------------------------------------------------------------ per-VINT state and outputs
  // Only the VINTs a register write or an event touches are updated (at most two per
  // cycle); act_q[v] = |(STATUS[v] & ENABLE[v]) is computed from their next values and
  // vint_out follows it one cycle later (the registered output).
  logic          vint_wr, same;
  logic [63:0]   wmask, ev_onehot;
  logic [VW-1:0] wr_v, ev_v;
  logic [63:0]   wr_st, wr_en, ev_st;
  logic [NUM_VINTS-1:0] act_q;
  assign vint_wr   = take && we && v_ok;
  assign wmask     = half ? {wdata, 32'h0} : {32'h0, wdata};
  assign ev_onehot = 64'h1 << ent_bit;
  assign wr_v      = v_idx[VW-1:0];
  assign ev_v      = ent_vint[VW-1:0];
  assign same      = ent_hit && vint_wr && (ev_v == wr_v);

  // next STATUS/ENABLE of the written VINT (an event's set wins over a STATUS_CLEAR)
  always_comb begin
    wr_st = status_q[wr_v];
    wr_en = enable_q[wr_v];
    case (v_off)
      W_EN_SET: wr_en = wr_en | wmask;
      W_EN_CLR: wr_en = wr_en & ~wmask;
      W_ST_SET: wr_st = wr_st | wmask;
      W_ST_CLR: wr_st = wr_st & ~wmask;
      default:  ;
    endcase
    if (same) wr_st = wr_st | ev_onehot;
  end
  assign ev_st = status_q[ev_v] | ev_onehot;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      for (int i = 0; i < NUM_VINTS; i++) begin
        status_q[i] <= 64'h0;
        enable_q[i] <= 64'h0;
      end
      act_q    <= '0;
      vint_out <= '0;
    end else begin
      vint_out <= act_q;
      if (vint_wr) begin
        status_q[wr_v] <= wr_st;
        enable_q[wr_v] <= wr_en;
        act_q[wr_v]    <= |(wr_st & wr_en);
      end
      if (ent_hit && !same) begin
        status_q[ev_v] <= ev_st;
        act_q[ev_v]    <= |(ev_st & enable_q[ev_v]);
      end
    end
  end

  // ------------------------------------------------------------------ IMAP memory
  always_ff @(posedge clk) begin
    if (take && we && !ns && e_ok && !half)
      imap_q[e_idx[EW-1:0]] <= {wdata[IMAP_VALID], wdata[IMAP_VINT +: IMAP_VINT_W],
                                wdata[IMAP_BIT +: IMAP_BIT_W]};
  end

  // ------------------------------------------------------------------ registers and events
  logic [31:0] st_w, en_w;
  logic [63:0] st_v, en_v;
  logic [VW-1:0] v_rd;
  assign v_rd = v_ok ? v_idx[VW-1:0] : '0;
  assign st_v = status_q[v_rd];
  assign en_v = enable_q[v_rd];
  assign st_w = half ? st_v[63:32] : st_v[31:0];
  assign en_w = half ? en_v[63:32] : en_v[31:0];

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      ack       <= 1'b0;
      rdata     <= 32'h0;
      resp      <= 2'b00;
      db_v      <= 1'b0;
      db_id     <= 16'h0;
      ev1_v     <= 1'b0;
      ev1_id    <= 16'h0;
      err_count <= 32'h0;
      err_last  <= 16'h0;
    end else begin
      // arbitration: doorbell slot first, then the port
      ev1_v  <= db_v || ev_valid;
      ev1_id <= db_v ? db_id : ev_id;
      if (db_v) db_v <= 1'b0;

      // register access
      ack <= take;
      if (take) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        case (region)
          R_VINT: begin
            if (!v_ok) begin
              resp <= 2'b11;
            end else if (!we) begin
              case (v_off)
                W_EN_SET, W_EN_CLR: rdata <= en_w;
                W_ST_SET, W_ST_CLR: rdata <= st_w;
                W_STM:              rdata <= st_w & en_w;
                default:            rdata <= 32'h0;
              endcase
            end
          end
          R_IMAP: begin
            if (!e_ok)                resp  <= 2'b11;
            else if (we && ns)        resp  <= 2'b10;   // secure-only: SLVERR, no change
            else if (!we && !half) begin
              rdata[IMAP_VALID]               <= imap_q[e_idx[EW-1:0]][15];
              rdata[IMAP_VINT +: IMAP_VINT_W] <= imap_q[e_idx[EW-1:0]][14:6];
              rdata[IMAP_BIT +: IMAP_BIT_W]   <= imap_q[e_idx[EW-1:0]][5:0];
            end
          end
          R_CFG: begin
            if (we) begin
              if (addr[19:0] == C_DB) begin
                db_v  <= 1'b1;
                db_id <= wdata[DB_EVENT +: 16];
              end
            end else begin
              case (addr[19:0])
                C_REV:   rdata <= REVISION;
                C_CAP:   rdata <= INTCAP;
                C_ERRC:  rdata <= err_count;
                C_ERRL:  rdata <= 32'(err_last) << ERRL_EVENT;
                default: rdata <= 32'h0;
              endcase
            end
          end
          default: resp <= 2'b11;
        endcase
      end

      // event arrival (the status set itself is in g_vint)
      if (!ent_hit && ev1_v) begin
        err_count <= err_count + 32'h1;
        err_last  <= ev1_id;
      end
      // any write to ERR_COUNT clears it (the write wins over an error of the same cycle)
      if (take && we && region == R_CFG && addr[19:0] == C_ERRC)
        err_count <= 32'h0;
    end
  end

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && take && we) begin
      if (wstrb != 4'hF)
        $error("INTA: byte/halfword write (wstrb=%b) at offset 0x%06h", wstrb, addr);
      if (e_ok && !ns && !half && wdata[IMAP_VALID] &&
          32'(wdata[IMAP_VINT +: IMAP_VINT_W]) >= NUM_VINTS)
        $error("INTA: IMAP[%0d] maps to VINT %0d beyond the %0d VINTs", e,
               wdata[IMAP_VINT +: IMAP_VINT_W], NUM_VINTS);
      if (e_ok && !ns && !half && wdata[IMAP_VALID] && wdata[7:6] != 2'b0)
        $error("INTA: IMAP[%0d] status bit %0d beyond 63", e, wdata[7:0]);
    end
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT};
`endif

  logic unused_inta;
  assign unused_inta = ^{wstrb, wdata[30:17], wdata[7:6], e_idx[18:17]};

endmodule
