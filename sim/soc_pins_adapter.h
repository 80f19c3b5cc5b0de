// SPDX-License-Identifier: MIT
// VerilatedSoc<M>: the SocPins adapter for one verilated class M built with the
// parameters `params`.  Included only by soc_pins_c<n>.cpp and the run-time model
// plugin (soc_pins_plugin.cpp), each of which sees exactly one model's headers.
#pragma once

#include "soc_pins.h"

#include <verilated.h>
#include <verilated_fst_c.h>

#include <stdexcept>
#include <string>

namespace irqsim {

template <class M>
class VerilatedSoc final : public SocPins {
public:
    VerilatedSoc(VerilatedContext* ctx, const SocParams& params) : m_(new M{ctx, "TOP"})
    {
        params_ = params;
        M& m = *m_;
        Pins& p = pins_;
        p.clk = &m.clk;
        p.rst_n = &m.rst_n;
#define IRQSIM_AXI(pfx, dst)        \
    dst.awvalid = &m.pfx##_awvalid; \
    dst.awready = &m.pfx##_awready; \
    dst.awaddr = &m.pfx##_awaddr;   \
    dst.awprot = &m.pfx##_awprot;   \
    dst.wvalid = &m.pfx##_wvalid;   \
    dst.wready = &m.pfx##_wready;   \
    dst.wdata = &m.pfx##_wdata;     \
    dst.wstrb = &m.pfx##_wstrb;     \
    dst.bvalid = &m.pfx##_bvalid;   \
    dst.bready = &m.pfx##_bready;   \
    dst.bresp = &m.pfx##_bresp;     \
    dst.arvalid = &m.pfx##_arvalid; \
    dst.arready = &m.pfx##_arready; \
    dst.araddr = &m.pfx##_araddr;   \
    dst.arprot = &m.pfx##_arprot;   \
    dst.rvalid = &m.pfx##_rvalid;   \
    dst.rready = &m.pfx##_rready;   \
    dst.rdata = &m.pfx##_rdata;     \
    dst.rresp = &m.pfx##_rresp;
        IRQSIM_AXI(cpu, p.cpu)
        IRQSIM_AXI(fw, p.fw)
#undef IRQSIM_AXI
        p.dram_arvalid = &m.dram_arvalid;
        p.dram_arready = &m.dram_arready;
        p.dram_araddr = &m.dram_araddr;
        p.dram_rvalid = &m.dram_rvalid;
        p.dram_rready = &m.dram_rready;
        p.dram_rdata = &m.dram_rdata;
        p.dram_rresp = &m.dram_rresp;
        p.sysreg_valid = &m.sysreg_valid;
        p.sysreg_pe = &m.sysreg_pe;
        p.sysreg_write = &m.sysreg_write;
        p.sysreg_key = &m.sysreg_key;
        p.sysreg_wdata = &m.sysreg_wdata;
        p.sysreg_ready = &m.sysreg_ready;
        p.sysreg_rdata = &m.sysreg_rdata;
        p.sysreg_error = &m.sysreg_error;
        unsigned pes = params_.num_pes();
        p.irq_out = ref(m.irq_out, pes);
        p.fiq_out = ref(m.fiq_out, pes);
        p.line_in = ref(m.line_in, params_.num_lines);
        p.mon_spi_pending = ref(m.mon_spi_pending, params_.num_spis);
        p.mon_spi_active = ref(m.mon_spi_active, params_.num_spis);
        p.mon_sgippi_pending = ref(m.mon_sgippi_pending, pes * 32);
        p.intr_line_in = ref(m.intr_line_in, params_.num_intr_lines);
        p.mon_vint_out = ref(m.mon_vint_out, params_.num_vints);
        p.mon_intr_out = ref(m.mon_intr_out, params_.num_intr_out);
        p.fault_intr_out_drop = ref(m.fault_intr_out_drop, params_.num_intr_out);
        p.fault_inta_ev_drop = &m.fault_inta_ev_drop;
        p.fault_inta_ev_dup = &m.fault_inta_ev_dup;
        p.annotation = ref(m.annotation, 512);
        p.annotation_seq = &m.annotation_seq;
    }
    ~VerilatedSoc() override = default;

    void eval() override { m_->eval(); }
    void final() override { m_->final(); }
    void trace(VerilatedFstC* tfp) override { m_->trace(tfp, 99); }

private:
    // A port narrower than the parameters say is a model built with other
    // parameters than it claims: refuse it rather than read past the port.
    template <class T>
    static PortRef ref(T& port, unsigned bits)
    {
        if (bits > sizeof(T) * 8)
            throw std::logic_error("irqsim: SoC model port of " + std::to_string(sizeof(T) * 8) +
                                   " bits, but its parameters need " + std::to_string(bits));
        PortRef r;
        r.p = static_cast<void*>(&port);
        r.bits = bits;
        r.bytes = sizeof(T);
        return r;
    }

    std::unique_ptr<M> m_;
};

}  // namespace irqsim
