// SPDX-License-Identifier: MIT
// SocPins: the ports of irqsim_tb_top, independent of which verilated variant
// sits behind them: one linked into the build (NUM_CPUS = 1/4/16, default
// parameters) or one the model cache built and loaded (sim/model_cache.h).
//
// Verilator gives every port a C type chosen by its width alone (<=8 bits CData,
// <=16 SData, <=32 IData, <=64 QData, wider: VlWide<words> of 32-bit words, least
// significant first).  Fixed-width ports therefore have the same type in every
// variant and are exposed as typed pointers into the model; ports whose width
// depends on the parameters (irq_out, line_in, mon_*) are exposed as a PortRef
// (pointer + width).  The harness keeps these pointers and touches the model with
// plain loads and stores: the only virtual call per clock edge is eval().
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>

class VerilatedContext;
class VerilatedFstC;

namespace irqsim {

// A port of parameter-dependent width: `bits` wide, stored little-endian in
// `bytes` bytes (1, 2, 4, 8 or a multiple of 4 for wide ports).
struct PortRef {
    void* p = nullptr;
    unsigned bits = 0;
    unsigned bytes = 0;

    bool bit(unsigned i) const { return (static_cast<const uint8_t*>(p)[i >> 3] >> (i & 7)) & 1; }
    // the low 64 bits
    uint64_t value() const
    {
        uint64_t v = 0;
        std::memcpy(&v, p, bytes < 8 ? bytes : 8);
        return v;
    }
    // write the low 64 bits (inputs only; bits above `bits` must stay 0)
    void set_value(uint64_t v) const
    {
        if (bits < 64)
            v &= (1ull << bits) - 1;
        std::memcpy(p, &v, bytes < 8 ? bytes : 8);
    }
    void set_bit(unsigned i, bool on) const
    {
        uint8_t& b = static_cast<uint8_t*>(p)[i >> 3];
        b = on ? uint8_t(b | (1u << (i & 7))) : uint8_t(b & ~(1u << (i & 7)));
    }
    // 32-bit word i (wide ports; for narrow ports word 0 / 1 of the value)
    uint32_t word(unsigned i) const
    {
        uint32_t w = 0;
        unsigned off = i * 4;
        if (off < bytes)
            std::memcpy(&w, static_cast<const uint8_t*>(p) + off, bytes - off < 4 ? bytes - off : 4);
        return w;
    }
};

// One AXI4-Lite slave port of the SoC (cpu_* or fw_*), from the master's side.
struct AxiPorts {
    uint8_t* awvalid;
    const uint8_t* awready;
    uint32_t* awaddr;
    uint8_t* awprot;
    uint8_t* wvalid;
    const uint8_t* wready;
    uint32_t* wdata;
    uint8_t* wstrb;
    const uint8_t* bvalid;
    uint8_t* bready;
    const uint8_t* bresp;
    uint8_t* arvalid;
    const uint8_t* arready;
    uint32_t* araddr;
    uint8_t* arprot;
    const uint8_t* rvalid;
    uint8_t* rready;
    const uint32_t* rdata;
    const uint8_t* rresp;
};

// Every port of irqsim_tb_top.
struct Pins {
    uint8_t *clk, *rst_n;
    AxiPorts cpu, fw;
    // DRAM read master of the SoC (the harness is the slave)
    const uint8_t* dram_arvalid;
    uint8_t* dram_arready;
    const uint32_t* dram_araddr;
    uint8_t* dram_rvalid;
    const uint8_t* dram_rready;
    uint32_t* dram_rdata;
    uint8_t* dram_rresp;
    // system-register port
    uint8_t *sysreg_valid, *sysreg_pe, *sysreg_write;
    uint16_t* sysreg_key;
    uint64_t* sysreg_wdata;
    const uint8_t* sysreg_ready;
    const uint64_t* sysreg_rdata;
    const uint8_t* sysreg_error;
    // parameter-dependent widths
    PortRef irq_out, fiq_out, line_in, mon_spi_pending, mon_spi_active, mon_sgippi_pending;
    // TI path: INTR plain input lines, INTA VINT outputs, INTR outputs (INTID 32 + intr_out_spi + n)
    PortRef intr_line_in, mon_vint_out, mon_intr_out;
    // fault injection inputs (sim/fault.h; 0 unless a test injects)
    PortRef fault_intr_out_drop;
    uint8_t *fault_inta_ev_drop, *fault_inta_ev_dup;
    // trace-only
    PortRef annotation;
    uint32_t* annotation_seq;
};

struct SocParams {
    unsigned num_cpus = 4;
    unsigned num_spis = 96;
    unsigned num_lines = 32;
    bool has_coproc = true;
    unsigned num_intr_lines = 16;  // INTR inputs 0..num_intr_lines-1 = intr_line_in
    unsigned num_vints = 16;       // INTA VINT v = INTR input num_intr_lines + v
    unsigned num_intr_out = 32;    // INTR output n = SPI index intr_out_spi + n
    unsigned intr_out_spi = 32;    // (INTID 32 + intr_out_spi + n)
    unsigned num_events = 256;
    unsigned num_rings = 32;
    unsigned num_ims_slots = 32;
    // block bases the model decodes (irqsim_soc's *_BASE parameters): the address map
    // rtl/soc/irqsim_soc_map.rdl describes (an installed header cannot include the generated
    // one, so soc_pins.cpp holds these to it at compile time)
    uint32_t gicd_base = 0x08000000;
    uint32_t gicr_base = 0x080A0000;  // one 128 KB frame per PE
    uint32_t timer_base = 0x09000000;
    uint32_t intr_base = 0x0A000000;
    uint32_t inta_base = 0x0A100000;  // VINT registers; IMAP at +1 MB, CFG at +2 MB
    uint32_t dma_base = 0x0A400000;   // rings; secure RING_EVENT config at +1 MB
    uint32_t ims_base = 0x0A600000;
    static constexpr uint32_t kGicrStride = 0x20000;
    static constexpr uint32_t kSgiBaseOffset = 0x10000;
    static constexpr uint32_t kTimerStride = 0x100;
    unsigned num_pes() const { return num_cpus + (has_coproc ? 1 : 0); }
    bool operator==(const SocParams& o) const;
    bool operator!=(const SocParams& o) const { return !(*this == o); }
    // a PE's redistributor frames: RD_base, and SGI_base 64 KB above it
    uint32_t gicr_frame(unsigned pe) const { return gicr_base + kGicrStride * pe; }
    uint32_t gicr_sgi_frame(unsigned pe) const { return gicr_frame(pe) + kSgiBaseOffset; }
    // a CPU's per-CPU timer
    uint32_t timer_frame(unsigned cpu) const { return timer_base + kTimerStride * cpu; }
    constexpr uint32_t inta_imap_base() const { return inta_base + 0x100000; }
    constexpr uint32_t inta_cfg_base() const { return inta_base + 0x200000; }
    constexpr uint32_t dma_cfg_base() const { return dma_base + 0x100000; }
};

// One verilated variant behind a common interface.
class SocPins {
public:
    virtual ~SocPins() = default;
    virtual void eval() = 0;
    virtual void final() = 0;
    // register the model with a trace file (before tfp->open())
    virtual void trace(VerilatedFstC* tfp) = 0;

    const Pins& pins() const { return pins_; }
    const SocParams& params() const { return params_; }

protected:
    Pins pins_{};
    SocParams params_;
};

// A model linked into this build (1, 4, 16 CPUs; default parameters otherwise).
bool soc_builtin_variant(unsigned num_cpus);
// A fresh model of the default SoC with num_cpus CPUs in ctx: the linked-in
// variant, else the model cache's (built first if need be, with a progress line
// on stderr); nullptr and *err (one line) if there is none and it cannot be built.
std::unique_ptr<SocPins> make_soc_pins(unsigned num_cpus, VerilatedContext* ctx, std::string* err);

// the linked-in variant with num_cpus CPUs; nullptr if there is none
std::unique_ptr<SocPins> make_builtin_soc_pins(unsigned num_cpus, VerilatedContext* ctx);
// one factory per verilated variant (soc_pins_c<n>.cpp)
std::unique_ptr<SocPins> make_soc_pins_c1(VerilatedContext* ctx);
std::unique_ptr<SocPins> make_soc_pins_c4(VerilatedContext* ctx);
std::unique_ptr<SocPins> make_soc_pins_c16(VerilatedContext* ctx);

}  // namespace irqsim
