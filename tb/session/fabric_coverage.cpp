// SPDX-License-Identifier: MIT
#include "fabric_coverage.h"

#include "functional_coverage.h"
#include "io_backend.h"
#include "gic_redist_regs.h"

extern "C" {
#include <linux/irq.h>
}

#include <cstring>

namespace irqsim {

namespace {

// DirectLPI maintenance registers in a redistributor's RD_base frame
constexpr uint32_t kGicrInvlpir = GIC_REDIST_INVLPIR_OFFSET, kGicrInvallr = GIC_REDIST_INVALLR_OFFSET,
                   kGicrSyncr = GIC_REDIST_SYNCR_OFFSET;
constexpr uint32_t kIccPmr = sys_reg(3, 0, 4, 6, 0);
// a PMR at or above this lets every priority the drivers use through
constexpr uint64_t kPmrOpen = 0xF0;

FunctionalCoverage& fc() { return FunctionalCoverage::instance(); }

}  // namespace

FabricCoverageProbe::FabricCoverageProbe(HopMonitor& hops, unsigned cpus, bool split_eoi, uint32_t gicr_base,
                                         uint32_t gicr_stride)
    : hops_(hops), cpus_(cpus), split_eoi_(split_eoi), gicr_base_(gicr_base), gicr_stride_(gicr_stride),
      pe_(cpus)
{}

std::string FabricCoverageProbe::path_of(unsigned virq)
{
    struct irq_data* top = irq_get_irq_data(virq);
    if (!top)
        return "";
    bool ims = false, mbi = false, lpi = false, inta = false, intr = false, ipi = false;
    struct irq_data* root = top;
    for (struct irq_data* d = top; d; d = d->parent_data) {
        const char* n = d->chip && d->chip->name ? d->chip->name : "";
        // a per-device MSI domain's chip is named <parent>-<template>-<device>
        // ("MBI-IMS-ims@a600000"), as the MSI core names it
        ims |= std::strcmp(n, "IMS") == 0 || std::strstr(n, "-IMS-") != nullptr;
        mbi |= std::strcmp(n, "MBI") == 0;
        lpi |= std::strcmp(n, "GICv3-LPI") == 0;
        inta |= std::strcmp(n, "INTA") == 0 || std::strcmp(n, "MSI-INTA") == 0;
        intr |= std::strcmp(n, "INTR") == 0;
        ipi |= std::strcmp(n, "GICv3-IPI") == 0;
        root = d;
    }
    if (ims)
        return mbi ? "ims-mbi" : lpi ? "ims-lpi" : inta ? "ims-inta" : "ims";
    if (inta)
        return "dma-ring";
    if (intr)
        return "ti-intr-line";
    if (lpi)
        return "lpi";
    if (mbi)
        return "mbi";
    if (ipi || root->hwirq < 16)
        return "sgi";
    return root->hwirq < 32 ? "ppi" : "spi";
}

void FabricCoverageProbe::on_handler(unsigned virq, unsigned cpu)
{
    std::string path = path_of(virq);
    struct irq_data* d = irq_get_irq_data(virq);
    if (path.empty() || !d)
        return;
    u32 t = irqd_get_trigger_type(d);
    const char* trig = (t & IRQ_TYPE_LEVEL_MASK) ? "level" : "edge";
    fc().hit("delivery",
             path + "/" + trig + "/cpu" + std::to_string(cpu) + "/eoimode" + (split_eoi_ ? "1" : "0"));
}

void FabricCoverageProbe::on_ack(unsigned pe, uint32_t intid, uint64_t cycle)
{
    PeState& s = pe_[pe];
    if (!s.active.empty())
        fc().hit("preemption", "nested-ack");
    s.active.push_back(intid);
    // held by PMR: it became pending while the PMR was raised, and is taken
    // only after the PMR came down again
    if (s.pmr_lowered_at) {
        std::optional<HopEvent> pend;
        if (intid >= 32)
            pend = hops_.first(Hop::SpiPending, intid, -1, s.pmr_raised_at);
        else
            pend = hops_.first(Hop::SgiPpiPending, intid, static_cast<int>(pe), s.pmr_raised_at);
        if (pend && pend->cycle < s.pmr_lowered_at && cycle >= s.pmr_lowered_at)
            fc().hit("pmr", "held-then-delivered");
        s.pmr_raised_at = s.pmr_lowered_at = 0;
    }
}

void FabricCoverageProbe::on_access(const BusLogEntry& e)
{
    if (std::strcmp(e.master, "cpu") != 0 || e.resp || e.cpu >= cpus_)
        return;
    unsigned pe = e.cpu;
    if (e.kind[0] == 'S') {  // system registers: addr is the encoding
        uint32_t enc = static_cast<uint32_t>(e.addr);
        PeState& s = pe_[pe];
        if (e.kind[1] == 'R' && enc == IoBackend::kIccIar1) {
            uint32_t intid = static_cast<uint32_t>(e.data & 0xffffff);
            if (intid < 1020 || intid >= 8192)
                on_ack(pe, intid, e.cycle);
        } else if (e.kind[1] == 'W' && enc == IoBackend::kIccEoir1) {
            uint32_t intid = static_cast<uint32_t>(e.data & 0xffffff);
            for (size_t i = s.active.size(); i-- > 0;)
                if (s.active[i] == intid) {
                    s.active.erase(s.active.begin() + static_cast<long>(i));
                    break;
                }
        } else if (e.kind[1] == 'W' && enc == kIccPmr) {
            if (e.data < kPmrOpen) {
                s.pmr_raised_at = e.cycle;
                s.pmr_lowered_at = 0;
            } else if (s.pmr_raised_at) {
                s.pmr_lowered_at = e.cycle;
            }
        } else if (e.kind[1] == 'W' && enc == IoBackend::kIccSgi1r) {
            // SGI1R: IRM (bit 40) = every PE but the sender; else a target list
            // (bits 15:0) in the cluster Aff1 (bits 23:16)
            if ((e.data >> 40) & 1) {
                fc().hit("ipi-mask", "all-but-self");
                return;
            }
            unsigned aff1 = static_cast<unsigned>((e.data >> 16) & 0xff), n = 0;
            bool self = false;
            for (unsigned b = 0; b < 16; b++)
                if ((e.data >> b) & 1) {
                    n++;
                    self |= aff1 * 16 + b == pe;
                }
            fc().hit("ipi-mask", n == 1 && self ? "self" : n == 1 ? "one-other" : "several");
        }
        return;
    }
    if (e.addr < gicr_base_ || e.addr >= gicr_base_ + uint64_t(gicr_stride_) * cpus_)
        return;
    uint32_t off = static_cast<uint32_t>((e.addr - gicr_base_) % gicr_stride_);
    if (e.kind[0] == 'W' && off == kGicrInvlpir)
        fc().hit("lpi-maintenance", "INVLPIR");
    else if (e.kind[0] == 'W' && off == kGicrInvallr)
        fc().hit("lpi-maintenance", "INVALLR");
    else if (e.kind[0] == 'R' && off == kGicrSyncr)
        fc().hit("lpi-maintenance", "SYNCR");
}

void FabricCoverageProbe::on_msi_change(bool alloc, size_t in_flight)
{
    if (in_flight)
        fc().hit("msi-under-traffic", alloc ? "alloc" : "free");
}

void FabricCoverageProbe::finish()
{
    for (const HopEvent& e : hops_.events(Hop::VintOut))
        if (e.level)
            fc().hit("vint-grouping", e.id == 0 ? "vint0" : "vint1+");
}

}  // namespace irqsim
