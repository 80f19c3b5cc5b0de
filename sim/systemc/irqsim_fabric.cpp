// SPDX-License-Identifier: MIT
#include "irqsim_fabric.h"

#include "axil_master.h"
#include "dram.h"
#include "line_pins.h"
#include "soc_model.h"
#include "sysreg_port.h"

#include <algorithm>
#include <cstring>

using namespace sc_core;

namespace irqsim {

bool IrqsimFabric::sysreg_address_enc(unsigned pe, uint32_t enc, uint64_t* addr)
{
    uint16_t key;
    if (!SysregPort::key_from_sysreg(enc, &key))
        return false;
    *addr = sysreg_address(pe, key);
    return true;
}

IrqsimFabric::IrqsimFabric(sc_module_name name, const FabricConfig& cfg)
    : sc_module(name), clk("clk"), mmio("mmio"), irq("irq"), fiq("fiq"), line_in("line_in"), cfg_(cfg),
      period_(cfg.period)
{
    model_ = std::make_unique<SocModel>(cfg.cpus);
    bus_ = std::make_unique<AxiLiteMaster>(*model_, model_->pins().cpu, "cpu", cfg.bus_timeout);
    sysregs_ = std::make_unique<SysregPort>(*model_, cfg.bus_timeout);
    dram_ = std::make_unique<Dram>(model_.get(), Dram::kDefaultBase, Dram::kDefaultSize, cfg.dram_latency);
    lines_ = std::make_unique<LinePins>(*model_);
    if (!cfg.trace_path.empty())
        model_->open_trace(cfg.trace_path, cfg.trace_depth);
    model_->reset(cfg.reset_cycles);

    irq.init(num_pes());
    fiq.init(num_pes());
    line_in.init(num_lines());

    mmio.register_b_transport(this, &IrqsimFabric::b_transport);

    SC_HAS_PROCESS(IrqsimFabric);
    SC_METHOD(on_edge);
    sensitive << clk.pos();
    dont_initialize();
}

IrqsimFabric::~IrqsimFabric()
{
    if (model_)
        model_->close_trace();
}

unsigned IrqsimFabric::num_cpus() const { return model_->params().num_cpus; }
unsigned IrqsimFabric::num_pes() const { return model_->params().num_pes(); }
unsigned IrqsimFabric::num_lines() const { return lines_->count(); }
uint64_t IrqsimFabric::cycle() const { return model_->cycle(); }
void IrqsimFabric::annotate(const char* text) { model_->set_annotation(text); }
bool IrqsimFabric::failed() const { return model_->failed(); }
const std::string& IrqsimFabric::error() const { return model_->error(); }
void IrqsimFabric::set_line(unsigned line, bool level) { lines_->set(line, level); }
bool IrqsimFabric::line(unsigned line) const { return lines_->get(line); }
void IrqsimFabric::pulse_line(unsigned line, unsigned width) { lines_->pulse(line, width); }

void IrqsimFabric::end_of_elaboration()
{
    if (auto* c = dynamic_cast<sc_clock*>(clk.get_interface()))
        period_ = c->period();
    bound_lines_ = 0;
    for (unsigned k = 0; k < line_in.size(); k++)
        if (line_in[k].size() > 0)
            bound_lines_ |= 1ull << k;
    write_outputs();
}

void IrqsimFabric::write_outputs()
{
    const Pins& p = model_->pins();
    for (unsigned i = 0; i < irq.size(); i++) {
        irq[i].write(p.irq_out.bit(i));
        fiq[i].write(p.fiq_out.bit(i));
    }
}

void IrqsimFabric::on_edge()
{
    ++edges_;
    if (bound_lines_) {
        for (unsigned k = 0; k < line_in.size(); k++)
            if ((bound_lines_ >> k) & 1)
                lines_->set(k, line_in[k]->read());
    }
    if (ahead_) {
        --ahead_;
        ++skipped_;
    } else {
        model_->tick();
    }
    write_outputs();
    if (want_outputs_event_) {
        want_outputs_event_ = false;
        outputs_updated_.notify(SC_ZERO_TIME);
    }
}

sc_time IrqsimFabric::catch_up(const sc_time& delay_in)
{
    uint64_t d = static_cast<uint64_t>(delay_in / period_);  // whole cycles of local time
    if (d > ahead_) {
        model_->ticks(d - ahead_);
        ahead_ = d;
    }
    sc_time ahead_t = period_ * static_cast<double>(ahead_);
    return delay_in > ahead_t ? delay_in : ahead_t;
}

void IrqsimFabric::b_transport(tlm::tlm_generic_payload& gp, sc_time& delay)
{
    ++transactions_;
    const uint64_t addr = gp.get_address();
    const unsigned len = gp.get_data_length();
    if (gp.get_command() == tlm::TLM_IGNORE_COMMAND) {
        gp.set_response_status(tlm::TLM_OK_RESPONSE);
        return;
    }
    if (!gp.get_data_ptr() || len == 0) {
        gp.set_response_status(tlm::TLM_GENERIC_ERROR_RESPONSE);
        return;
    }
    if (gp.get_streaming_width() < len) {
        gp.set_response_status(tlm::TLM_BURST_ERROR_RESPONSE);
        return;
    }
    if (addr >> 32) {
        gp.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return;
    }
    sc_time start = catch_up(delay);
    uint32_t cycles = 0;
    tlm::tlm_response_status st = addr >= kSysregBase ? sysreg_access(gp, &cycles) : mmio_access(gp, &cycles);
    ahead_ += cycles;
    delay = start + period_ * static_cast<double>(cycles);
    gp.set_response_status(st);
}

static tlm::tlm_response_status axi_status(const AxiResult& r)
{
    if (r.timeout)
        return tlm::TLM_GENERIC_ERROR_RESPONSE;
    switch (r.resp) {
    case AXI_OKAY:
    case AXI_EXOKAY:
        return tlm::TLM_OK_RESPONSE;
    case AXI_DECERR:
        return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    default:
        return tlm::TLM_GENERIC_ERROR_RESPONSE;
    }
}

// the worse of two: OK < generic < address
static tlm::tlm_response_status worse(tlm::tlm_response_status a, tlm::tlm_response_status b)
{
    auto rank = [](tlm::tlm_response_status s) {
        return s == tlm::TLM_OK_RESPONSE ? 0 : s == tlm::TLM_ADDRESS_ERROR_RESPONSE ? 2 : 1;
    };
    return rank(b) > rank(a) ? b : a;
}

tlm::tlm_response_status IrqsimFabric::mmio_access(tlm::tlm_generic_payload& gp, uint32_t* cycles)
{
    const uint32_t addr = static_cast<uint32_t>(gp.get_address());
    const unsigned len = gp.get_data_length();
    unsigned char* data = gp.get_data_ptr();
    const unsigned char* be = gp.get_byte_enable_ptr();
    const unsigned be_len = be ? gp.get_byte_enable_length() : 0;
    if (be && be_len == 0)
        return tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE;

    unsigned words, lane = addr & 3;
    if (len == 8) {
        if (lane)
            return tlm::TLM_BURST_ERROR_RESPONSE;
        words = 2;
    } else if ((len == 1 || len == 2 || len == 4) && lane + len <= 4) {
        words = 1;
    } else {
        return tlm::TLM_BURST_ERROR_RESPONSE;
    }
    auto enabled = [&](unsigned i) { return !be || be[i % be_len] == TLM_BYTE_ENABLED; };

    tlm::tlm_response_status st = tlm::TLM_OK_RESPONSE;
    const uint32_t word0 = addr & ~3u;
    for (unsigned w = 0; w < words; w++) {
        const uint32_t waddr = word0 + 4 * w;
        // bytes [first, first + n) of this word carry data bytes [w*4, ...)
        const unsigned first = words == 2 ? 0 : lane;
        const unsigned n = words == 2 ? 4 : len;
        const unsigned base = 4 * w;
        if (gp.is_write()) {
            uint32_t v = 0;
            uint8_t strb = 0;
            for (unsigned i = 0; i < n; i++) {
                if (!enabled(base + i))
                    continue;
                v |= static_cast<uint32_t>(data[base + i]) << (8 * (first + i));
                strb |= static_cast<uint8_t>(1u << (first + i));
            }
            if (!strb)
                continue;  // nothing enabled in this word: no bus access
            AxiResult r = bus_->write32(waddr, v, kProtNonSecure, strb);
            *cycles += r.cycles;
            st = worse(st, axi_status(r));
        } else {
            AxiResult r = bus_->read32(waddr, kProtNonSecure);
            *cycles += r.cycles;
            st = worse(st, axi_status(r));
            for (unsigned i = 0; i < n; i++)
                if (enabled(base + i))
                    data[base + i] = static_cast<unsigned char>(r.data >> (8 * (first + i)));
        }
    }
    return st;
}

tlm::tlm_response_status IrqsimFabric::sysreg_access(tlm::tlm_generic_payload& gp, uint32_t* cycles)
{
    const uint64_t off = gp.get_address() - kSysregBase;
    const unsigned len = gp.get_data_length();
    const unsigned pe = static_cast<unsigned>(off >> kSysregPeShift);
    const uint64_t koff = off & ((1ull << kSysregPeShift) - 1);
    if (pe >= num_pes() || (koff & 7) || koff / 8 > 0x3fff)
        return tlm::TLM_ADDRESS_ERROR_RESPONSE;
    if (len != 4 && len != 8)
        return tlm::TLM_BURST_ERROR_RESPONSE;
    if (gp.get_byte_enable_ptr())
        return tlm::TLM_BYTE_ENABLE_ERROR_RESPONSE;
    const uint16_t key = static_cast<uint16_t>(koff / 8);
    unsigned char* data = gp.get_data_ptr();
    const uint64_t before = model_->cycle();
    SysregResult r;
    if (gp.is_write()) {
        uint64_t v = 0;
        std::memcpy(&v, data, len);  // little-endian host
        r = sysregs_->write(pe, key, v);
    } else {
        r = sysregs_->read(pe, key);
        std::memcpy(data, &r.data, len);
    }
    *cycles += static_cast<uint32_t>(model_->cycle() - before);
    return r.ok() ? tlm::TLM_OK_RESPONSE : tlm::TLM_GENERIC_ERROR_RESPONSE;
}

}  // namespace irqsim
