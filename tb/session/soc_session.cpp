// SPDX-License-Identifier: MIT
#include "soc_session.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

extern "C" {
#include <linux/interrupt.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/of.h>
#include <linux/of_irq.h>
}

#include "soc_dt.h"

namespace irqsim {

SocSession::SocSession(const SessionConfig& cfg) : cfg_(cfg)
{
    SimConfig sc;
    sc.cpus = cfg.cpus;
    sc.seed = cfg.seed;
    sc.trace_path = cfg.trace_path;
    sc.hops = cfg.hops;
    sc.quiet_bus_errors = cfg.quiet;
    sim_ = std::make_unique<Sim>(sc);
}

SocSession::~SocSession()
{
    for (auto& l : lines_)
        if (l->requested)
            free_irq(l->virq, l.get());
    irqsim_core_reset();
    irqsim_log_set_hook(nullptr, nullptr);
}

void SocSession::log_hook(int level, const char* msg, void* ctx)
{
    auto* self = static_cast<SocSession*>(ctx);
    if (self->log_.size() < 10000)
        self->log_.emplace_back(msg);
    if (!self->cfg_.quiet && level <= LOGLEVEL_WARNING)
        std::fprintf(stderr, "%s\n", msg);
}

static irqreturn_t line_handler(int irq, void* dev_id)
{
    auto* l = static_cast<LineSource*>(dev_id);
    l->session->handler_entry(static_cast<unsigned>(irq));
    l->handled++;
    // The device's status is cleared by its handler: a level line drops now.
    if (l->level)
        l->session->sim().lines().set(l->line, false);
    return IRQ_HANDLED;
}

bool SocSession::boot(std::string* err)
{
    if (irqsim_core_reset() != 0) {
        *err = "driver core busy: another session still holds interrupts";
        return false;
    }
    irqsim_log_set_hook(&SocSession::log_hook, this);

    // The device tree: the user's, or the embedded default adapted to --cpus.
    std::vector<uint8_t> dtb;
    if (!cfg_.dts_path.empty()) {
        if (!compile_dts(cfg_.dts_path, &dtb, err))
            return false;
    } else {
        std::vector<uint8_t> base = default_dtb();
        DtParams bp;
        if (!dtb_params(base, &bp, err))
            return false;
        if (bp.cpus == cfg_.cpus)
            dtb = base;
        else if (!dtb_with_cpus(base, cfg_.cpus, &dtb, err))
            return false;
    }
    DtParams dp;
    if (!dtb_params(dtb, &dp, err))
        return false;
    const SocParams& rp = sim_->model().params();
    struct Cmp {
        const char* prop;
        unsigned dt, rtl;
    } cmp[] = {{"irqsim,cpus", dp.cpus, rp.num_cpus},
               {"irqsim,spis", dp.spis, rp.num_spis},
               {"irqsim,lines", dp.lines, rp.num_lines},
               {"irqsim,coprocessor", dp.coprocessor, rp.has_coproc ? 1u : 0u}};
    for (const auto& c : cmp) {
        if (c.dt != c.rtl) {
            *err = std::string("device tree /soc/irqsim,params: ") + c.prop + " = " +
                   std::to_string(c.dt) + " but the RTL is built with " + std::to_string(c.rtl);
            return false;
        }
    }

    gic_split_eoi = cfg_.split_eoi;
    sim_->boot();
    // The hardware must agree too: GICD_TYPER.ITLinesNumber gives the SPI count.
    AxiResult typer = sim_->cpu_bus().read32(0x08000004, kProtNonSecure);
    unsigned hw_spis = 32 * ((typer.data & 0x1f) + 1) - 32;
    if (typer.resp != 0 || hw_spis < dp.spis) {
        *err = "device tree /soc/irqsim,params: irqsim,spis = " + std::to_string(dp.spis) +
               " but GICD_TYPER reports " + std::to_string(hw_spis) + " SPIs";
        return false;
    }

    int ret = sim_->platform().as_cpu(0, [&] { return irqchip_init_from_fdt(dtb.data(), dtb.size()); });
    if (ret) {
        *err = "irqchip probe failed (" + std::to_string(ret) + ")" + (log_.empty() ? "" : ": " + log_.back());
        return false;
    }
    for (unsigned c = 1; c < cfg_.cpus; c++) {
        ret = sim_->platform().start_cpu(c);
        if (ret) {
            *err = "cpu " + std::to_string(c) + " start-up failed (" + std::to_string(ret) + ")";
            return false;
        }
    }

    lines_node_ = of_find_compatible_node(nullptr, nullptr, "irqsim,lines");
    if (!lines_node_) {
        *err = "device tree: no node compatible with irqsim,lines";
        return false;
    }
    int n = of_irq_count(lines_node_);
    if (n <= 0 || static_cast<unsigned>(n) > rp.num_lines) {
        *err = "device tree: irqsim,lines: interrupts lists " + std::to_string(n) + " lines, the RTL has " +
               std::to_string(rp.num_lines);
        return false;
    }
    lines_.clear();
    for (int i = 0; i < n; i++) {
        auto l = std::make_unique<LineSource>();
        l->session = this;
        l->line = static_cast<unsigned>(i);
        l->virq = sim_->platform().as_cpu(0, [&] { return irq_of_parse_and_map(lines_node_, i); });
        if (!l->virq) {
            *err = "device tree: irqsim,lines: interrupt " + std::to_string(i) + " does not map";
            return false;
        }
        struct irq_data* d = irq_get_irq_data(l->virq);
        l->intid = static_cast<unsigned>(d ? d->hwirq : 0);
        l->level = (irq_get_trigger_type(l->virq) & IRQ_TYPE_LEVEL_MASK) != 0;
        l->name = "line" + std::to_string(i);
        lines_.push_back(std::move(l));
    }
    booted_ = true;
    return true;
}

int SocSession::request_line(unsigned n, unsigned cpu)
{
    LineSource& l = line(n);
    // the handler may run as soon as the line is unmasked: book first
    sb_.unsilence(l.virq);
    if (l.held) {
        // it will be routed to `cpu`
        bool kept = !l.level || sim_->lines().get(l.line);
        if (kept) {
            CpuSet one;
            one.set(cpu);
            sb_.inject(l.name + " (kept while freed)", l.virq, one | effective_cpus(l.virq), now(), true);
        }
        l.held = false;
    }
    int ret = sim_->platform().as_cpu(0, [&] {
        int r = request_irq(l.virq, line_handler, 0, l.name.c_str(), &l);
        if (!r)
            r = irq_set_affinity(l.virq, cpumask_of(cpu));
        return r;
    });
    if (ret == 0 || ret == IRQ_SET_MASK_OK_DONE) {
        l.requested = true;
        return 0;
    }
    sb_.silence(l.virq);
    return ret;
}

int SocSession::free_line(unsigned n)
{
    LineSource& l = line(n);
    if (!l.requested)
        return -EINVAL;
    sb_.silence(l.virq);
    sim_->platform().as_cpu(0, [&] { return free_irq(l.virq, &l); });
    l.requested = false;
    if (l.level)
        sim_->lines().set(l.line, false);
    return 0;
}

CpuSet SocSession::effective_cpus(unsigned virq) const
{
    CpuSet allowed;
    struct irq_data* d = irq_get_irq_data(virq);
    if (!d)
        return allowed;
    const struct cpumask* eff = irq_data_get_effective_affinity_mask(d);
    for (unsigned c = 0; c < cfg_.cpus; c++)
        if (cpumask_test_cpu(c, eff))
            allowed.set(c);
    return allowed;
}

// What the GIC kept while the line was masked or freed (a level line still
// high, an edge latched pending) arrives once it is unmasked: book it first.
void SocSession::book_kept(LineSource& l)
{
    bool kept = l.held && (!l.level || sim_->lines().get(l.line));
    if (kept)
        sb_.inject(l.name + " (kept while masked)", l.virq, effective_cpus(l.virq), now(), true);
    l.held = false;
}

void SocSession::disable_line(unsigned n)
{
    LineSource& l = line(n);
    sim_->platform().as_cpu(0, [&] {
        disable_irq(l.virq);
        return 0;
    });
    l.disabled = true;
    sb_.silence(l.virq);
}

void SocSession::enable_line(unsigned n)
{
    LineSource& l = line(n);
    l.disabled = false;
    sb_.unsilence(l.virq);
    book_kept(l);
    sim_->platform().as_cpu(0, [&] {
        enable_irq(l.virq);
        return 0;
    });
}

int SocSession::set_line_affinity(unsigned n, unsigned cpu)
{
    LineSource& l = line(n);
    int ret = sim_->platform().as_cpu(0, [&] { return irq_set_affinity(l.virq, cpumask_of(cpu)); });
    if (ret < 0)
        return ret;
    CpuSet s;
    s.set(cpu);
    sb_.allow(l.virq, s);
    return 0;
}

void SocSession::inject_line(unsigned n, bool expect)
{
    LineSource& l = line(n);
    if (!expect || !l.requested || l.disabled) {
        // masked or freed: the GIC may keep the event (pending latch / level),
        // but no handler may run for it now
        l.held = true;
        if (l.level)
            sim_->lines().set(l.line, true);
        else
            sim_->lines().pulse(l.line, 1);
        return;
    }
    CpuSet allowed = effective_cpus(l.virq);
    // A level line already high, or an edge while the SPI is still pending, is
    // merged by the hardware: that is legal coalescing.
    sb_.inject(l.name, l.virq, allowed, now(), true);
    if (l.level)
        sim_->lines().set(l.line, true);
    else
        sim_->lines().pulse(l.line, 1);
}

void SocSession::handler_entry(unsigned virq)
{
    unsigned cpu = smp_processor_id();
    sb_.handler_entry(virq, cpu, now());
    if (cfg_.hops)
        sim_->hops().record(Hop::Handler, virq, static_cast<int>(cpu));
}

bool SocSession::drain(uint64_t max_cycles)
{
    return sim_->run_until([&] { return sb_.outstanding_count() == 0; }, max_cycles);
}

std::vector<HopStep> SocSession::line_hops(const LineSource& l, unsigned cpu) const
{
    int pe = static_cast<int>(cpu);
    return {{Hop::LineIn, l.intid, -1},
            {Hop::SpiPending, l.intid, -1},
            {Hop::IrqOut, 0, pe},
            {Hop::Iar, l.intid, pe},
            {Hop::Handler, l.virq, pe}};
}

std::vector<HopStep> SocSession::sgi_hops(unsigned sgi, unsigned virq, unsigned cpu) const
{
    int pe = static_cast<int>(cpu);
    return {{Hop::Sgi1r, sgi, -1},
            {Hop::SgiPpiPending, sgi, pe},
            {Hop::IrqOut, 0, pe},
            {Hop::Iar, sgi, pe},
            {Hop::Handler, virq, pe}};
}

std::string SocSession::diagnose(const std::vector<HopStep>& chain, uint64_t after) const
{
    std::ostringstream os;
    uint64_t t = after;
    for (const auto& h : chain) {
        auto ev = sim_->hops().first(h.kind, h.id, h.pe, t);
        if (!ev) {
            os << "never reached " << hop_name(h.kind) << " (id " << h.id;
            if (h.pe >= 0)
                os << ", pe " << h.pe;
            os << ")";
            return os.str();
        }
        os << hop_name(h.kind) << " +" << (ev->cycle - after) << ", ";
        t = ev->cycle;
    }
    os << "all hops reached";
    return os.str();
}

std::string SocSession::hop_latency_report() const
{
    static const char* names[] = {"pending", "irq line", "IAR", "handler"};
    std::vector<uint64_t> per_hop[4];
    for (const auto& in : sb_.injections()) {
        if (!in.answered || in.coalesced || in.withdrawn)
            continue;
        const LineSource* src = nullptr;
        for (const auto& l : lines_)
            if (l->virq == in.virq)
                src = l.get();
        if (!src)
            continue;
        auto chain = line_hops(*src, in.cpu);
        uint64_t t = in.cycle;
        for (size_t i = 1; i < chain.size(); i++) {
            auto ev = sim_->hops().first(chain[i].kind, chain[i].id, chain[i].pe, t);
            if (!ev || ev->cycle > in.handler_cycle)
                break;
            per_hop[i - 1].push_back(ev->cycle - in.cycle);
            t = ev->cycle;
        }
    }
    std::ostringstream os;
    os << "per-hop latency from injection (median cycles):";
    for (int i = 0; i < 4; i++) {
        auto st = compute_latency(per_hop[i]);
        os << " " << names[i] << " " << st.median;
    }
    return os.str();
}

std::vector<std::string> SocSession::explain_losses(size_t max) const
{
    std::vector<std::string> out;
    for (const Injection* in : sb_.outstanding()) {
        if (out.size() >= max)
            break;
        for (const auto& l : lines_) {
            if (l->virq != in->virq)
                continue;
            unsigned cpu = static_cast<unsigned>(in->allowed._Find_first());
            out.push_back(in->source + " injected at cycle " + std::to_string(in->cycle) + ": " +
                          diagnose(line_hops(*l, cpu), in->cycle));
        }
    }
    return out;
}

}  // namespace irqsim
