// SPDX-License-Identifier: MIT
// IrqsimFabric: the verilated irqsim SoC (the GICv3 interrupt fabric) as a
// SystemC/TLM-2.0 module, for dropping into a SystemC virtual platform.
//
// It wraps the plain C++ harness pieces (SocModel, AxiLiteMaster on cpu_*,
// SysregPort, Dram as the SoC's DRAM read slave, LinePins); the model is the same
// verilated C++ model the plain harness uses, not a SystemC-verilated one.
//
//   clk        sc_in<bool>: one model cycle per rising edge (see "Time" below)
//   mmio       TLM-2.0 target socket (32-bit bus, blocking transport only):
//                0x0000_0000-0xEFFF_FFFF  AXI4-Lite on the SoC's cpu_* port,
//                                         non-secure data (AxPROT = 3'b010)
//                0xF000_0000-0xFFFF_FFFF  system-register window: the ICC_*
//                                         registers of each PE (sysreg_address())
//   irq, fiq   sc_vector<sc_out<bool>>, one per PE (CPUs + coprocessor), written
//              after every rising edge
//   line_in    sc_vector of optional sc_port<sc_signal_in_if<bool>> (bind any
//              subset): sampled at every rising edge and driven onto line_in[k]
//              (SPI 32 + k).  Unbound lines are driven by set_line()/pulse_line().
//
// MMIO transactions: data length 1, 2 or 4 (within one 32-bit word) or 8 (two
// 32-bit accesses, low word first, 4-byte aligned); byte enables become wstrb
// (reads return only enabled bytes).  Response: OKAY/EXOKAY -> TLM_OK_RESPONSE,
// SLVERR or a timeout -> TLM_GENERIC_ERROR_RESPONSE, DECERR or an address beyond
// 32 bits -> TLM_ADDRESS_ERROR_RESPONSE; other lengths, a streaming width below
// the length, or a crossing of the 32-bit word -> TLM_BURST_ERROR_RESPONSE.
// DMI is not offered (get_direct_mem_ptr answers false); debug transport is not
// implemented.
//
// System-register window: address = 0xF000_0000 + (pe << 20) + 8 * key, with key
// as in sysreg_port.h ((op1 << 11) | (CRn << 7) | (CRm << 3) | op2, op0 = 3).
// Length 8 (the whole register) or 4 (the low half; a write zero-extends) at the
// 8-byte aligned address; no byte enables (TLM_BYTE_ENABLE_ERROR_RESPONSE).  A
// refused access (sysreg_error) -> TLM_GENERIC_ERROR_RESPONSE; a PE that does
// not exist -> TLM_ADDRESS_ERROR_RESPONSE.
//
// Time: the module owns the clock edges.  A process on clk.pos() ticks the model
// once per edge when the model is not ahead of SystemC time.  A b_transport runs
// its bus handshakes on the model right away (N cycles), annotates its delay and
// records the N cycles as "ahead"; the next N edges are then skipped (outputs are
// still written at each), so the model runs ahead of SystemC time by at most the
// transaction in flight.  In detail, with d = the incoming delay in cycles and
// a = the cycles the model is already ahead:
//   - d > a: the model first ticks d - a cycles (it catches up with the
//     initiator's local time), then runs the transaction;
//   - the outgoing delay = max(delay_in, a * period) + N * period: the time at
//     which the transaction completes on the model.
// An initiator that wait()s its annotated delay (or syncs its quantum keeper) is
// therefore back in step with the model.  The period is taken from an sc_clock
// bound to clk (end_of_elaboration), else from the constructor.
#pragma once

#ifndef SC_INCLUDE_DYNAMIC_PROCESSES
#define SC_INCLUDE_DYNAMIC_PROCESSES
#endif
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_target_socket.h>

#include "gic_cpuif_regs.h"

#include <cstdint>
#include <memory>
#include <string>

namespace irqsim {

class SocModel;
class AxiLiteMaster;
class SysregPort;
class Dram;
class LinePins;

struct FabricConfig {
    unsigned cpus = 4;             // 1, 4 or 16 (the verilated variants)
    unsigned reset_cycles = 4;     // applied in the constructor
    uint32_t bus_timeout = 10000;  // cycles before an access is declared hung
    unsigned dram_latency = 4;
    sc_core::sc_time period = sc_core::sc_time(1, sc_core::SC_NS);  // unless clk is an sc_clock
    std::string trace_path;                                         // FST from construction on, if set
    int trace_depth = 4;
};

class IrqsimFabric : public sc_core::sc_module {
public:
    static constexpr uint64_t kSysregBase = 0xF0000000ull;
    static constexpr unsigned kSysregPeShift = 20;
    static constexpr uint64_t sysreg_address(unsigned pe, uint16_t key)
    {
        return kSysregBase + (static_cast<uint64_t>(pe) << kSysregPeShift) +
               (static_cast<uint64_t>(key) << GIC_CPUIF_PORT_SHIFT);  // a key names 8 bytes
    }
    // with an io.h sys_reg() encoding; false if op0 != 3
    static bool sysreg_address_enc(unsigned pe, uint32_t enc, uint64_t* addr);

    sc_core::sc_in<bool> clk;
    tlm_utils::simple_target_socket<IrqsimFabric> mmio;
    sc_core::sc_vector<sc_core::sc_out<bool>> irq;
    sc_core::sc_vector<sc_core::sc_out<bool>> fiq;
    using LinePort = sc_core::sc_port<sc_core::sc_signal_in_if<bool>, 1, sc_core::SC_ZERO_OR_MORE_BOUND>;
    sc_core::sc_vector<LinePort> line_in;

    IrqsimFabric(sc_core::sc_module_name name, const FabricConfig& cfg = FabricConfig());
    ~IrqsimFabric() override;

    unsigned num_cpus() const;
    unsigned num_pes() const;
    unsigned num_lines() const;
    const sc_core::sc_time& period() const { return period_; }

    // device lines driven by method (for lines whose line_in port is unbound);
    // they reach the RTL at the model's next rising edge
    void set_line(unsigned line, bool level);
    bool line(unsigned line) const;
    void pulse_line(unsigned line, unsigned width = 1);

    // the model's cycle count (may run ahead of SystemC time by the transaction
    // in flight); cycles the model is currently ahead
    uint64_t cycle() const;
    uint64_t ahead() const { return ahead_; }
    // An event notified one delta after the irq/fiq outputs are written at the
    // next rising edge, i.e. when their new values can be read.  Notified only
    // when asked for (a delta cycle per edge would cost ~20%): call it each time,
    // right before waiting on it.
    const sc_core::sc_event& next_outputs_update()
    {
        want_outputs_event_ = true;
        return outputs_updated_;
    }

    // the text shown with the bus accesses in a trace (SocModel::set_annotation)
    void annotate(const char* text);
    bool failed() const;
    const std::string& error() const;

    // the harness pieces, for what the socket does not carry (DMA memory, traces)
    SocModel& model() { return *model_; }
    Dram& dram() { return *dram_; }
    LinePins& lines() { return *lines_; }

    // counters
    uint64_t transactions() const { return transactions_; }
    uint64_t edges() const { return edges_; }
    uint64_t skipped_edges() const { return skipped_; }

    void b_transport(tlm::tlm_generic_payload& gp, sc_core::sc_time& delay);

private:
    void end_of_elaboration() override;
    void on_edge();
    void write_outputs();
    // brings the model to the initiator's local time; returns the start offset
    sc_core::sc_time catch_up(const sc_core::sc_time& delay_in);
    tlm::tlm_response_status mmio_access(tlm::tlm_generic_payload& gp, uint32_t* cycles);
    tlm::tlm_response_status sysreg_access(tlm::tlm_generic_payload& gp, uint32_t* cycles);

    FabricConfig cfg_;
    std::unique_ptr<SocModel> model_;
    std::unique_ptr<AxiLiteMaster> bus_;
    std::unique_ptr<SysregPort> sysregs_;
    std::unique_ptr<Dram> dram_;
    std::unique_ptr<LinePins> lines_;
    sc_core::sc_time period_;
    uint64_t ahead_ = 0;
    uint64_t edges_ = 0, skipped_ = 0, transactions_ = 0;
    uint64_t bound_lines_ = 0;  // mask of bound line_in ports
    sc_core::sc_event outputs_updated_;
    bool want_outputs_event_ = false;
};

}  // namespace irqsim
