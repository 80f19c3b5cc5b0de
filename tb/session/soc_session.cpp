// SPDX-License-Identifier: MIT
#include "soc_session.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

extern "C" {
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/interrupt.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
}

#include "fabric_coverage.h"
#include "irq_affinity.h"
#include "functional_coverage.h"
#include "soc_dt.h"
#include "tree_check.h"
#include "model_cache.h"
#include "tree_model.h"
#include "ims_port.h"

namespace irqsim {

// What a tree must fit to run on a model with these parameters.
static TreeLimits tree_limits_of(const SocParams& rp)
{
    TreeLimits lim;
    lim.cpus = rp.num_cpus;
    lim.coproc = rp.has_coproc;
    lim.spis = rp.num_spis;
    lim.lines = rp.num_lines;
    lim.intr_lines = rp.num_intr_lines;
    lim.vints = rp.num_vints;
    lim.intr_out = rp.num_intr_out;
    lim.intr_out_spi = rp.intr_out_spi;
    lim.events = rp.num_events;
    lim.rings = rp.num_rings;
    lim.gicd = rp.gicd_base;
    lim.gicr = rp.gicr_base;
    lim.timer = rp.timer_base;
    lim.intr = rp.intr_base;
    lim.inta = rp.inta_base;
    lim.dma = rp.dma_base;
    lim.ims = rp.ims_base;
    return lim;
}

SocSession::SocSession(const SessionConfig& cfg) : cfg_(cfg), log_(cfg.quiet)
{
    // The tree first: it says which model to run (a failure is boot()'s answer).
    // The model is built first if the cache has none (one progress line); a
    // session whose tree or model failed runs a linked-in model until boot().
    SimConfig sc;
    sc.cpus = cfg.cpus;
    // A tree that contradicts itself is refused before any model is built for it.
    if (load_tree(&tree_err_) && tree_soc_params(dtb_, &tree_params_, &tree_err_) &&
        check_tree(dtb_, tree_limits_of(tree_params_), &tree_err_)) {
        ModelParams p = model_params_of(tree_params_);
        if (prepare_soc_model(p, &tree_err_)) {
            sc.model_params = p;
            sc.cpus = tree_params_.num_cpus;
        } else {
            tree_err_ = "the model of this tree (" + model_readable_name(p) + "): " + tree_err_;
        }
    }
    if (!tree_err_.empty() && !soc_builtin_model({{"NUM_CPUS", sc.cpus}}))
        sc.cpus = SocParams().num_cpus;
    cfg_.cpus = sc.cpus;
    sc.seed = cfg.seed;
    sc.trace_path = cfg.trace_path;
    sc.window_start = cfg.trace_window_start;
    sc.window_end = cfg.trace_window_end;
    sc.window_bus_log_path = cfg.window_bus_log_path;
    sc.hops = cfg.hops;
    sc.quiet_bus_errors = cfg.quiet;
    sim_ = std::make_unique<Sim>(sc);
    if (FunctionalCoverage::instance().enabled() && cfg.hops) {
        fcov_ = std::make_unique<FabricCoverageProbe>(sim_->hops(), cfg_.cpus, cfg.split_eoi, soc().gicr_base,
                                                      SocParams::kGicrStride);
        sim_->bus_log().set_observer([p = fcov_.get()](const BusLogEntry& e) { p->on_access(e); });
    }
}

const SocParams& SocSession::soc() const { return sim_->model().params(); }

SocSession::~SocSession()
{
    if (fcov_) {
        fcov_->finish();
        sim_->bus_log().set_observer(nullptr);
    }
    for (unsigned n = 0; n < lines_.count(); n++)
        lines_.free(n);
    // unbinding closes the channels a scenario left open (the reset refuses while any irq is requested)
    if (dma_)
        dma_ring_remove(dma_);
    irqsim_core_reset();  // the log still listens (DriverLog unhooks when destroyed)
}

// The driver's warnings during boot are held (DriverLog): a boot that fails
// answers with one line that names the first error the driver logged.
bool SocSession::boot(std::string* err)
{
    log_.hold();
    sim_->bus_log().set_quiet_errors(true);
    uint64_t bus_errors_before = sim_->bus_log().error_count();
    bool ok = boot_steps(err);
    sim_->bus_log().set_quiet_errors(cfg_.quiet);
    uint64_t bus_errors = sim_->bus_log().error_count() - bus_errors_before;
    if (!ok && bus_errors && !sim_->bus_log().errors().empty())
        *err += " (" + std::to_string(bus_errors) + " bus errors, the first: " +
                sim_->bus_log()
                    .errors()[std::min<size_t>(bus_errors_before, sim_->bus_log().errors().size() - 1)]
                    .str() +
                ")";
    log_.release(ok);
    return ok;
}

// The device tree: the user's, or the embedded default adapted to --cpus; the
// GIC driver's options (EOI mode, LPI INTID bits) set on its node; the IMS
// device's MSI parent swapped when asked (the same driver over MBI, DirectLPI
// or the INTA).
bool SocSession::load_tree(std::string* err)
{
    if (!cfg_.dts_path.empty()) {
        std::vector<std::string> warnings;
        if (!compile_dts(cfg_.dts_path, &dtb_, err, &warnings))
            return false;
        for (const auto& w : warnings)
            std::fprintf(stderr, "dtc: warning: %s\n", w.c_str());
    } else {
        std::vector<uint8_t> base = default_dtb();
        DtParams bp;
        if (!dtb_params(base, &bp, err))
            return false;
        if (bp.cpus == cfg_.cpus)
            dtb_ = base;
        else if (!dtb_with_cpus(base, cfg_.cpus, &dtb_, err))
            return false;
    }
    if ((cfg_.split_eoi || cfg_.lpi_id_bits) &&
        !dtb_with_gic_options(std::vector<uint8_t>(dtb_), cfg_.split_eoi, cfg_.lpi_id_bits, &dtb_, err))
        return false;
    return cfg_.ims_parent.empty() ||
           dtb_with_ims_parent(std::vector<uint8_t>(dtb_), cfg_.ims_parent, &dtb_, err);
}

bool SocSession::boot_steps(std::string* err)
{
    if (irqsim_core_reset() != 0) {
        *err = "driver core busy: another session still holds interrupts";
        return false;
    }
    log_.listen();

    if (!tree_err_.empty()) {
        *err = tree_err_;
        return false;
    }
    const std::vector<uint8_t>& dtb = dtb_;
    // The constructor checked the tree against its own parameters and built the
    // model from them: the two agree by construction.
    if (sim_->model().params() != tree_params_) {
        *err = "internal: the model is not the one the tree asks for";
        return false;
    }

    // The firmware model knows the TI-SCI ids and the host's resource ranges
    // from the tree (as TI's system firmware does from its board config);
    // Sim::boot installs its handle (after the core reset above cleared it),
    // before the INTR/INTA drivers probe and ask for their ranges.
    FirmwareConfig fc = sim_->firmware().config();
    if (!dtb_firmware_config(dtb, &fc, err))
        return false;
    sim_->firmware().configure(fc);
    sim_->firmware().set_quiet(cfg_.quiet);

    sim_->boot();
    // The hardware must agree too: GICD_TYPER.ITLinesNumber gives the SPI count.
    AxiResult typer = sim_->cpu_bus().read32(soc().gicd_base + GICD_TYPER, kProtNonSecure);
    unsigned hw_spis = 32 * ((typer.data & 0x1f) + 1) - 32;
    if (typer.resp != 0 || hw_spis < tree_params_.num_spis) {
        *err = "device tree /soc/irqsim,params: irqsim,spis = " + std::to_string(tree_params_.num_spis) +
               " but GICD_TYPER reports " + std::to_string(hw_spis) + " SPIs";
        return false;
    }

    int ret = sim_->platform().as_cpu(0, [&] { return irqchip_init_from_fdt(dtb.data(), dtb.size()); });
    if (ret) {
        *err = "irqchip probe failed (" + std::to_string(ret) + ")" + log_.held_cause();
        return false;
    }
    for (unsigned c = 1; c < cfg_.cpus; c++) {
        ret = sim_->platform().start_cpu(c);
        if (ret) {
            *err = "cpu " + std::to_string(c) + " start-up failed (" + std::to_string(ret) + ")" +
                   log_.held_cause();
            return false;
        }
    }

    // The DMA-ring device (an INTA-MSI client) was probed by its platform
    // driver when irqchip_init_from_fdt populated the bus.  Its vectors are
    // allocated per ring on demand (dma_ring_request_channel).
    if (struct device_node* dn = of_find_compatible_node(nullptr, nullptr, "irqsim,dma-ring")) {
        ret = dma_ring_get(dn, &dma_);
        if (ret) {
            struct platform_device* pdev = of_find_device_by_node(dn);
            if (pdev && pdev->dev.irqsim_probe_ret)
                ret = pdev->dev.irqsim_probe_ret;  // the probe's own answer, not the lookup's
            *err = std::string("dma-ring probe failed (") + std::to_string(ret) + ")" + log_.held_cause();
            return false;
        }
        rings_ = std::make_unique<DmaRingAgent>(*this, dma_);
    }

    lines_node_ = of_find_compatible_node(nullptr, nullptr, "irqsim,lines");
    if (!lines_node_) {
        *err = "device tree: no node compatible with irqsim,lines";
        return false;
    }
    bool mapped = sim_->platform().as_cpu(0, [&] { return lines_.map(lines_node_, soc().num_lines, err); });
    if (!mapped)
        return false;
    booted_ = true;
    return true;
}

// ---- device lines (the LineAgent; driver calls as CPU 0) ----

int SocSession::request_line(unsigned n, unsigned cpu)
{
    return sim_->platform().as_cpu(0, [&] { return lines_.request(n, cpu); });
}

int SocSession::free_line(unsigned n)
{
    return sim_->platform().as_cpu(0, [&] { return lines_.free(n); });
}

int SocSession::set_line_affinity(unsigned n, unsigned cpu)
{
    return sim_->platform().as_cpu(0, [&] { return lines_.set_affinity(n, cpu); });
}

void SocSession::disable_line(unsigned n)
{
    sim_->platform().as_cpu(0, [&] {
        lines_.disable(n);
        return 0;
    });
}

void SocSession::enable_line(unsigned n)
{
    sim_->platform().as_cpu(0, [&] {
        lines_.enable(n);
        return 0;
    });
}

void SocSession::inject_line(unsigned n, bool expect) { lines_.inject(n, expect); }

void SocSession::book_undriven_line_event(unsigned n) { lines_.book_undriven(n); }

CpuSet SocSession::effective_cpus(unsigned virq) const { return irqsim::effective_cpus(virq, cfg_.cpus); }

void SocSession::handler_entry(unsigned virq)
{
    unsigned cpu = smp_processor_id();
    sb_.handler_entry(virq, cpu, now());
    cover_handler(virq);
}

void SocSession::cover_msi_change(bool alloc)
{
    if (fcov_)
        fcov_->on_msi_change(alloc, sb_.outstanding_count());
}

void SocSession::cover_handler(unsigned virq)
{
    unsigned cpu = smp_processor_id();
    if (cfg_.hops)
        sim_->hops().record(Hop::Handler, virq, static_cast<int>(cpu));
    if (fcov_)
        fcov_->on_handler(virq, cpu);
}

bool SocSession::drain(uint64_t max_cycles)
{
    return sim_->run_until([&] { return sb_.outstanding_count() == 0; }, max_cycles);
}

// ---- TI path: DMA rings (the channels: DmaRingAgent) ----

unsigned SocSession::ring_vint(unsigned ring) const
{
    for (const auto& [gevt, m] : sim_->firmware().event_maps())
        if (m.src_id == sim_->firmware().config().dma_id && m.src_index == ring)
            return m.vint;
    return 0;
}

int SocSession::request_ring(unsigned r)
{
    if (!rings_)
        return -ENODEV;
    return sim_->platform().as_cpu(0, [&] { return rings_->request(r); });
}

int SocSession::release_ring(unsigned r)
{
    if (!rings_)
        return -ENODEV;
    return sim_->platform().as_cpu(0, [&] { return rings_->release(r); });
}

int SocSession::post_ring(unsigned r, unsigned n)
{
    if (!rings_)
        return -ENODEV;
    return sim_->platform().as_cpu(0, [&] { return rings_->post(r, n); });
}

CpuSet SocSession::ring_cpus(unsigned r) const
{
    CpuSet all;
    for (unsigned c = 0; c < cfg_.cpus; c++)
        all.set(c);
    const RingChannel& rc = rings_->ring(r);
    return rc.active ? vint_cpus(rc.vint) : all;
}

unsigned SocSession::vint_parent_virq(unsigned vint) const
{
    return irqsim::vint_parent_virq(vint, sim_->model().params().num_intr_lines);
}

CpuSet SocSession::vint_cpus(unsigned vint) const
{
    return irqsim::vint_cpus(vint, sim_->model().params().num_intr_lines, cfg_.cpus);
}

}  // namespace irqsim
