// SPDX-License-Identifier: MIT
// Faults: fault injection for tests, one object per Sim (Sim::faults()).
//
// Bus faults are harness-side: the AxiLiteMaster (driver MMIO, device MSI writes,
// the firmware's secure bus) asks on_read/on_write before each access, so the RTL
// is untouched.  Hop faults reach the RTL where the harness owns the source (the
// device line pins, SETLPIR writes) and through the SoC's fault_* inputs where the
// hop is an internal wire (INTR output -> GIC SPI, DMA-ring event -> INTA).
//
//   Faults &f = sim.faults();
//   f.bus_error(addr, AXI_SLVERR, BusDir::Write);        // every write to addr refused
//   f.stick_bits(gicd_ctlr, 1u << 31, 1u << 31);          // RWP reads busy forever
//   f.drop(FaultHop::LineIn, line, 1);                    // the line's next pulse is lost
//   f.drop(FaultHop::IntrOut, n);                         // INTR output n off the GIC until clear()
//   f.firmware_refuse(FwOp::SetIrq, 1);                   // the next set_irq answers -ENODEV
//   f.dram_read_error(base, size);                        // DRAM reads there answer SLVERR
//   f.clear();                                            // everything off
//
// `nth` counts matching occurrences from the call on (1 = the next one); kAlways
// = every one.  `from_cycle` delays a fault until that simulated cycle.  With no
// fault armed every check is one branch on an empty list.
#pragma once

#include "hop_monitor.h"
#include "soc_model.h"

#include <cstdint>
#include <string>
#include <vector>

namespace irqsim {

enum class BusDir : uint8_t { Read = 1, Write = 2, Any = 3 };
// TI-SCI firmware requests (sim/firmware.h)
enum class FwOp : uint8_t { SetIrq, FreeIrq, SetEventMap, FreeEventMap };
const char* fw_op_name(FwOp op);

// Where an event can be lost or doubled on its way to a CPU.
enum class FaultHop : uint8_t {
    LineIn,     // device line k (SPI INTID 32 + k) pin: a pulse or a rise swallowed / pulsed twice
    SetLpir,    // a GICR_SETLPIR write of INTID id (the MSI of a DirectLPI device): dropped / written twice
    IntrOut,    // INTR output n -> GIC INTID 32 + INTR_OUT_SPI + n: held off while armed; duplicate: once the
                // output is up, it is taken away from the GIC for one cycle (a glitch, the
                // level seen twice) (RTL fault_intr_out_drop)
    IntaEvent,  // DMA-ring event -> INTA: swallowed while armed; duplicate: the INTA takes
                // the next one now and again at release() (RTL fault_inta_ev_drop/_dup)
};
const char* fault_hop_name(FaultHop h);

// What an access does instead of (or besides) reaching the slave.
struct BusAction {
    bool fail = false;  // answer `resp`, the slave never sees the access
    uint8_t resp = 0;
    bool drop = false;       // a write answered OKAY that never reaches the slave
    bool duplicate = false;  // a write issued twice
};

class Faults final : public ClockAgent {
public:
    static constexpr uint64_t kAlways = 0;

    explicit Faults(SocModel& m, HopMonitor* hops = nullptr);
    ~Faults() override;
    Faults(const Faults&) = delete;
    Faults& operator=(const Faults&) = delete;

    // ---- bus (harness side) ----
    // accesses to addr (32-bit word address) in `dir`: the nth (kAlways: every one)
    // from from_cycle on answers resp (AXI_SLVERR / AXI_DECERR); reads return 0
    int bus_error(uint32_t addr, uint8_t resp, BusDir dir = BusDir::Any, uint64_t nth = kAlways,
                  uint64_t from_cycle = 0);
    // reads of addr return (data & ~mask) | (value & mask) from from_cycle on
    int stick_bits(uint32_t addr, uint32_t mask, uint32_t value, uint64_t from_cycle = 0);

    // ---- hops ----
    int drop(FaultHop hop, uint32_t id, uint64_t nth = 1);
    int duplicate(FaultHop hop, uint32_t id, uint64_t nth = 1);
    // end one fault (IntaEvent duplicate: the held event is taken a second time now)
    void release(int fault);

    // ---- firmware (TI-SCI) ----
    // the nth request of op (kAlways: every one) is refused with err before it
    // touches the hardware
    int firmware_refuse(FwOp op, uint64_t nth = 1, int err = -19 /* -ENODEV */);

    // ---- DRAM read slave ----
    // reads of [base, base + size) answer resp (data 0) from from_cycle on
    int dram_read_error(uint64_t base, uint64_t size, uint8_t resp = 2 /* SLVERR */, uint64_t from_cycle = 0);

    // everything off (RTL fault inputs back to 0)
    void clear();
    // how often a fault acted (0 if it never matched)
    uint64_t fired(int fault) const;
    // one line per fault: "bus_error 0x08000004 W SLVERR always: fired 3"
    std::string describe() const;

    // ---- hooks (called by the BFMs, LinePins, Firmware, Dram) ----
    bool bus_armed() const { return bus_armed_; }
    BusAction on_access(uint32_t addr, BusDir dir, uint32_t data);
    uint32_t on_read_data(uint32_t addr, uint32_t data);
    // a write that reached the slave (SETLPIR hops are recorded here)
    void on_write_done(uint32_t addr, uint32_t data);
    // a line pin about to rise (level or pulse): false = swallow it; *twice = pulse it again
    bool line_edge(unsigned line, bool* twice);
    bool lines_armed() const { return lines_armed_; }
    // 0 or the error a firmware request answers
    int firmware_check(FwOp op);
    // 0 (OKAY) or the response of a DRAM read of addr
    uint8_t dram_check(uint64_t addr);
    bool dram_armed() const { return dram_armed_; }

    // addr is GICR_SETLPIR of a PE of the model (harness-side SETLPIR detection)
    bool is_setlpir(uint32_t addr, unsigned* pe) const;

    // a clock agent only once an INTR-output glitch was armed (watches the output)
    void post_edge(uint64_t cycle) override;

private:
    enum class Kind : uint8_t { BusError, Stick, Drop, Duplicate, FwRefuse, DramError };
    struct Fault {
        Kind kind;
        bool active = true;
        FaultHop hop = FaultHop::LineIn;
        uint32_t addr = 0, mask = 0, value = 0, id = 0;
        uint64_t base = 0, size = 0;
        BusDir dir = BusDir::Any;
        uint8_t resp = 0;
        FwOp op = FwOp::SetIrq;
        int err = 0;
        uint64_t nth = 0, seen = 0, fired = 0, from_cycle = 0;
        bool glitching = false;  // IntrOut duplicate: the output is masked this cycle
    };
    int add(const Fault& f);
    // counts a match; true when this occurrence is the one (or kAlways)
    static bool hit(Fault& f);
    void rearm();
    void drive_rtl();

    SocModel& m_;
    HopMonitor* hops_;
    std::vector<Fault> f_;
    bool bus_armed_ = false, lines_armed_ = false, dram_armed_ = false, fw_armed_ = false;
    bool glitch_armed_ = false, agent_ = false;
};

}  // namespace irqsim
