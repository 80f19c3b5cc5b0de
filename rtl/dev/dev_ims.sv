// dev_ims: IMS device, a device with its own interrupt message store.
//
// NUM_SLOTS message slots, each {address (64-bit), data (32-bit), MASK, PENDING}.
// Firing a slot (TRIGGER register write, or the fire port) sends its message:
// an AXI4-Lite write of DATA to ADDRESS on the device's own bus master (irqsim:
// fabric master 2, non-secure).  A masked slot latches PENDING instead and
// sends once when unmasked; firing a slot that is already pending, or queued
// and not yet sent, is merged with it (one message).
//
// Register window (4 KB, non-secure accessible, 32-bit accesses; dev_ims.rdl, offsets
// and fields from the generated dev_ims_regs_pkg): ID, TRIGGER (fire slot wdata[15:0]),
// ERRORS (SLVERR/DECERR answers, or an address >= 4 GB counted as DECERR without a bus
// access; a write clears), LAST_ERROR, SENT, STATUS (busy); per slot ADDR_LO, ADDR_HI,
// DATA and CTRL: MASK, and PENDING (a CTRL write with MASK = 1 and PENDING = 1 discards
// the slot's message: PENDING cleared, a queued message dropped).
// Rule: a driver masks a slot before changing its address/data (checked:
// "IMS:" error in simulation).
//
// Cost per cycle is independent of NUM_SLOTS: fired slots wait in a FIFO of
// slot numbers (one entry per slot at most, so it never overflows); the
// sender takes the head, re-checks its mask and sends one message at a time.
// Waveforms show this block through its ports in the parent; its internals get
// no trace code unless IRQSIM_TRACE_INTERNALS is defined, because Verilator
// compares every signal with trace code at every dump (the cost of all traces).
`ifndef IRQSIM_TRACE_INTERNALS
/* verilator tracing_off */
`endif
module dev_ims #(
  parameter int NUM_SLOTS     = 32,
  parameter bit IRQSIM_ASSERT = 1'b1   // NUM_SLOTS: 1..240 (the 4 KB window)
) (
  input  logic        clk,
  input  logic        rst_n,
  // register interface (offset within the 4 KB window)
  input  logic        req,
  input  logic        we,
  input  logic [11:0] addr,
  input  logic [31:0] wdata,
  input  logic [3:0]  wstrb,
  input  logic        ns,
  output logic        ack,
  output logic [31:0] rdata,
  output logic [1:0]  resp,
  // fire port: an internal device event fires slot fire_slot (taken when ready)
  input  logic        fire_valid,
  output logic        fire_ready,
  input  logic [15:0] fire_slot,
  // AXI4-Lite write master (messages); no reads
  output logic        m_awvalid,
  input  logic        m_awready,
  output logic [31:0] m_awaddr,
  output logic [2:0]  m_awprot,
  output logic        m_wvalid,
  input  logic        m_wready,
  output logic [31:0] m_wdata,
  output logic [3:0]  m_wstrb,
  input  logic        m_bvalid,
  output logic        m_bready,
  input  logic [1:0]  m_bresp
);

  localparam int SW = (NUM_SLOTS > 1) ? $clog2(NUM_SLOTS) : 1;
  localparam int CW = $clog2(NUM_SLOTS + 1);

  // ------------------------------------------------------------------ slot store
  logic [31:0]          addr_lo_q [NUM_SLOTS];
  logic [31:0]          addr_hi_q [NUM_SLOTS];
  logic [31:0]          data_q    [NUM_SLOTS];
  logic [NUM_SLOTS-1:0] mask_q, pend_q, queued_q;
  logic [NUM_SLOTS-1:0] cancel_q;   // queued message discarded by a CLEAR write

  // FIFO of fired slots
  logic [SW-1:0]        fifo_q [NUM_SLOTS];
  logic [SW-1:0]        head_q, tail_q;
  logic [CW-1:0]        count_q;

  logic [31:0] errors_q, sent_q;
  logic [1:0]  last_resp_q;
  logic [15:0] last_slot_q;
  logic        last_valid_q;

  // offsets and fields from dev_ims.rdl, named with the package: yosys reads no `import`
  localparam logic [11:0] A_TRIG  = dev_ims_regs_pkg::TRIGGER_OFFSET[11:0];
  localparam logic [11:0] A_ID    = dev_ims_regs_pkg::ID_OFFSET[11:0];
  localparam logic [11:0] A_ERRS  = dev_ims_regs_pkg::ERRORS_OFFSET[11:0];
  localparam logic [11:0] A_LAST  = dev_ims_regs_pkg::LAST_ERROR_OFFSET[11:0];
  localparam logic [11:0] A_SENT  = dev_ims_regs_pkg::SENT_OFFSET[11:0];
  localparam logic [11:0] A_STAT  = dev_ims_regs_pkg::STATUS_OFFSET[11:0];
  localparam int          SLOT0   = dev_ims_regs_pkg::SLOT_OFFSET / dev_ims_regs_pkg::SLOT_STRIDE;
  localparam logic [3:0]  S_ALO   = dev_ims_regs_pkg::SLOT_ADDR_LO_OFFSET[3:0];
  localparam logic [3:0]  S_AHI   = dev_ims_regs_pkg::SLOT_ADDR_HI_OFFSET[3:0];
  localparam logic [3:0]  S_DATA  = dev_ims_regs_pkg::SLOT_DATA_OFFSET[3:0];
  localparam logic [3:0]  S_CTRL  = dev_ims_regs_pkg::SLOT_CTRL_OFFSET[3:0];
  localparam int          F_MASK  = dev_ims_regs_pkg::SLOT_CTRL_MASK_LSB;
  localparam int          F_PEND  = dev_ims_regs_pkg::SLOT_CTRL_PENDING_LSB;
  localparam int          F_TRIG  = dev_ims_regs_pkg::TRIGGER_SLOT_LSB;
  localparam logic [31:0] ID      = (dev_ims_regs_pkg::ID_RESET & ~dev_ims_regs_pkg::ID_SLOTS_MASK) |
                                    (32'(NUM_SLOTS) << dev_ims_regs_pkg::ID_SLOTS_LSB);

  // ------------------------------------------------------------------ decode
  logic          acc_now, is_slot, s_ok, wr;
  logic [SW-1:0] s_idx;
  int            s;
  assign acc_now = req && !ack;
  assign wr      = acc_now && we;
  assign is_slot = 32'(addr[11:4]) >= SLOT0;
  assign s       = 32'(addr[11:4]) - SLOT0;
  assign s_ok    = is_slot && (s < NUM_SLOTS);
  assign s_idx   = s_ok ? SW'(s) : '0;

  logic wr_trig, wr_ctrl, trig_ok, ev_take;
  assign wr_trig = wr && addr == A_TRIG;
  assign trig_ok = 32'(wdata[F_TRIG +: 16]) < NUM_SLOTS;
  assign wr_ctrl = wr && s_ok && addr[3:0] == S_CTRL;
  // CTRL write of MASK=1 with bit 1 set: discard the slot's message (PENDING, queued)
  logic wr_clr;
  assign wr_clr  = wr_ctrl && wdata[F_MASK] && wdata[F_PEND];
  // the fire port only in cycles without a register write (one push per cycle)
  assign fire_ready = !wr;
  assign ev_take    = fire_valid && fire_ready && 32'(fire_slot) < NUM_SLOTS;

  // one slot event per cycle: fire (trigger/port) or unmask of a pending slot
  logic          fire, unmask_ev;
  logic [SW-1:0] fire_idx;
  assign fire      = (wr_trig && trig_ok) || ev_take;
  assign fire_idx  = wr_trig ? wdata[F_TRIG +: SW] : fire_slot[SW-1:0];
  assign unmask_ev = wr_ctrl && !wdata[F_MASK] && mask_q[s_idx] && pend_q[s_idx];

  // push: an unmasked, not yet queued slot fired, or a pending slot unmasked
  logic          push;
  logic [SW-1:0] push_idx;
  assign push     = (fire && !mask_q[fire_idx] && !queued_q[fire_idx]) ||
                    (unmask_ev && !queued_q[s_idx]);
  assign push_idx = fire ? fire_idx : s_idx;

  // ------------------------------------------------------------------ sender
  typedef enum logic [1:0] { SND_IDLE, SND_AW, SND_B } snd_t;
  snd_t          snd_q;
  logic          aw_done_q, w_done_q;
  logic [SW-1:0] cur_q;
  logic          pop;
  logic [SW-1:0] pop_idx;
  assign pop     = snd_q == SND_IDLE && count_q != '0;
  assign pop_idx = fifo_q[head_q];

  localparam logic [SW-1:0] LAST = SW'(NUM_SLOTS - 1);
  function automatic logic [SW-1:0] inc(input logic [SW-1:0] p);
    inc = (p == LAST) ? {SW{1'b0}} : p + {{(SW-1){1'b0}}, 1'b1};
  endfunction

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      mask_q       <= '1;
      pend_q       <= '0;
      queued_q     <= '0;
      cancel_q     <= '0;
      head_q       <= '0;
      tail_q       <= '0;
      count_q      <= '0;
      errors_q     <= 32'h0;
      sent_q       <= 32'h0;
      last_resp_q  <= 2'b00;
      last_slot_q  <= 16'h0;
      last_valid_q <= 1'b0;
      snd_q        <= SND_IDLE;
      aw_done_q    <= 1'b0;
      w_done_q     <= 1'b0;
      cur_q        <= '0;
      m_awvalid    <= 1'b0;
      m_wvalid     <= 1'b0;
      m_awaddr     <= 32'h0;
      m_wdata      <= 32'h0;
      ack          <= 1'b0;
      rdata        <= 32'h0;
      resp         <= 2'b00;
    end else begin
      // ---- slot writes
      if (wr && s_ok) begin
        case (addr[3:0])
          S_ALO:   addr_lo_q[s_idx] <= wdata;
          S_AHI:   addr_hi_q[s_idx] <= wdata;
          S_DATA:  data_q[s_idx]    <= wdata;
          S_CTRL:  mask_q[s_idx]    <= wdata[F_MASK];
          default: ;
        endcase
      end
      if (unmask_ev) pend_q[s_idx] <= 1'b0;
      if (fire && mask_q[fire_idx]) pend_q[fire_idx] <= 1'b1;
      if (fire) cancel_q[fire_idx] <= 1'b0;   // a new fire revives a discarded queued message

      // ---- FIFO
      if (push) begin
        fifo_q[tail_q]     <= push_idx;
        tail_q             <= inc(tail_q);
        queued_q[push_idx] <= 1'b1;
      end
      if (pop) begin
        head_q            <= inc(head_q);
        queued_q[pop_idx] <= 1'b0;
        cancel_q[pop_idx] <= 1'b0;
      end
      count_q <= count_q + CW'(push) - CW'(pop);

      // ---- sender
      case (snd_q)
        SND_IDLE: if (pop) begin
          cur_q <= pop_idx;
          if (cancel_q[pop_idx] && !(fire && fire_idx == pop_idx)) begin
            // discarded (CLEAR) while it waited: nothing is sent
          end else if (mask_q[pop_idx] && !(wr_ctrl && s_idx == pop_idx && !wdata[0])) begin
            // masked after it was queued: it waits as PENDING for the unmask
            pend_q[pop_idx] <= 1'b1;
          end else if (addr_hi_q[pop_idx] != 32'h0) begin
            errors_q     <= errors_q + 32'h1;
            last_resp_q  <= 2'b11;
            last_slot_q  <= 16'(pop_idx);
            last_valid_q <= 1'b1;
          end else begin
            m_awvalid <= 1'b1;
            m_wvalid  <= 1'b1;
            m_awaddr  <= addr_lo_q[pop_idx];
            m_wdata   <= data_q[pop_idx];
            aw_done_q <= 1'b0;
            w_done_q  <= 1'b0;
            snd_q     <= SND_AW;
          end
        end
        SND_AW: begin
          if (m_awvalid && m_awready) m_awvalid <= 1'b0;
          if (m_wvalid && m_wready)   m_wvalid  <= 1'b0;
          if ((aw_done_q || (m_awvalid && m_awready)) && (w_done_q || (m_wvalid && m_wready)))
            snd_q <= SND_B;
          if (m_awvalid && m_awready) aw_done_q <= 1'b1;
          if (m_wvalid && m_wready)   w_done_q  <= 1'b1;
        end
        SND_B: if (m_bvalid) begin
          snd_q <= SND_IDLE;
          if (m_bresp == 2'b00) begin
            sent_q <= sent_q + 32'h1;
          end else begin
            errors_q     <= errors_q + 32'h1;
            last_resp_q  <= m_bresp;
            last_slot_q  <= 16'(cur_q);
            last_valid_q <= 1'b1;
          end
        end
        default: snd_q <= SND_IDLE;
      endcase
      if (wr && addr == A_ERRS) errors_q <= 32'h0;
      // CLEAR wins over a PENDING set by this cycle's pop
      if (wr_clr) begin
        pend_q[s_idx] <= 1'b0;
        if (queued_q[s_idx] && !(pop && pop_idx == s_idx)) cancel_q[s_idx] <= 1'b1;
      end

      // ---- register reads
      ack <= acc_now;
      if (acc_now) begin
        resp  <= 2'b00;
        rdata <= 32'h0;
        if (!we) begin
          if (s_ok) begin
            case (addr[3:0])
              S_ALO:   rdata <= addr_lo_q[s_idx];
              S_AHI:   rdata <= addr_hi_q[s_idx];
              S_DATA:  rdata <= data_q[s_idx];
              default: begin
                rdata[F_PEND] <= pend_q[s_idx];
                rdata[F_MASK] <= mask_q[s_idx];
              end
            endcase
          end else begin
            case (addr)
              A_ID:    rdata <= ID;
              A_ERRS:  rdata <= errors_q;
              A_LAST: begin
                rdata[dev_ims_regs_pkg::LAST_ERROR_VALID_LSB]      <= last_valid_q;
                rdata[dev_ims_regs_pkg::LAST_ERROR_SLOT_LSB +: 16] <= last_slot_q;
                rdata[dev_ims_regs_pkg::LAST_ERROR_RESP_LSB +: 2]  <= last_resp_q;
              end
              A_SENT:  rdata <= sent_q;
              A_STAT:  rdata[dev_ims_regs_pkg::STATUS_BUSY_LSB] <= count_q != '0 || snd_q != SND_IDLE;
              default: rdata <= 32'h0;
            endcase
          end
        end
      end
    end
  end

  assign m_awprot = 3'b010;     // non-secure data access
  assign m_wstrb  = 4'hF;
  assign m_bready = snd_q == SND_B;

`ifndef SYNTHESIS
  always @(posedge clk) begin
    if (IRQSIM_ASSERT && rst_n && acc_now && we && wstrb != 4'hF)
      $error("IMS: byte/halfword write (wstrb=%b) at offset 0x%03h", wstrb, addr);
    if (IRQSIM_ASSERT && rst_n && wr && s_ok && addr[3:0] != S_CTRL && !mask_q[s_idx])
      $error("IMS: slot %0d address/data written while unmasked (mask it first)", s);
    if (IRQSIM_ASSERT && rst_n && push && count_q == CW'(NUM_SLOTS))
      $error("IMS: internal: slot FIFO overflow");
  end
`endif

`ifdef SYNTHESIS
  logic unused_synth;
  assign unused_synth = ^{IRQSIM_ASSERT, wstrb};
`endif

  logic unused_ims;
  assign unused_ims = ^{ns, fire_slot[15:SW]};

endmodule
