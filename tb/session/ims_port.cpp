// SPDX-License-Identifier: MIT
#include "ims_port.h"
#include "gic_dist_regs.h"
#include "ti_inta_regs.h"

#include <libfdt.h>

extern "C" {
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim-ims.h>
#include <linux/msi.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
}

namespace irqsim {

// "kapi": the upper half of the GIC's mbi-ranges moves to a new node for the
// kernel-API-only MSI parent (tb/unit/kapi_msi_test_driver.c), doorbell
// GICD_SETSPI_NSR, and the IMS device's msi-parent names that node
static bool dtb_add_kapi_msi_parent(void* fdt, uint32_t* phandle, std::string* err)
{
    int gic = fdt_node_offset_by_compatible(fdt, -1, "arm,gic-v3");
    int len = 0;
    const fdt32_t* ranges =
        gic >= 0 ? static_cast<const fdt32_t*>(fdt_getprop(fdt, gic, "mbi-ranges", &len)) : nullptr;
    const fdt32_t* reg =
        gic >= 0 ? static_cast<const fdt32_t*>(fdt_getprop(fdt, gic, "reg", nullptr)) : nullptr;
    if (!ranges || len != 8 || !reg || fdt32_to_cpu(ranges[1]) < 2) {
        *err = "device tree: the GIC node needs reg and one mbi-ranges pair of at least 2 SPIs";
        return false;
    }
    uint32_t first = fdt32_to_cpu(ranges[0]), count = fdt32_to_cpu(ranges[1]), half = count / 2;
    uint64_t doorbell =
        ((uint64_t)fdt32_to_cpu(reg[0]) << 32 | fdt32_to_cpu(reg[1])) + GIC_DIST_SETSPI_NSR_OFFSET;
    uint32_t gic_ph = fdt_get_phandle(fdt, gic);
    uint32_t ph = fdt_get_max_phandle(fdt) + 1;
    if (fdt_setprop_u32(fdt, gic, "mbi-ranges", first) != 0 ||
        fdt_appendprop_u32(fdt, gic, "mbi-ranges", half) != 0) {
        *err = "device tree: cannot shrink the GIC's mbi-ranges";
        return false;
    }
    // no reg: the doorbell is inside the GICD frame, which no other node may decode
    int soc = fdt_path_offset(fdt, "/soc");
    int node = soc >= 0 ? fdt_add_subnode(fdt, soc, "kapi-msi") : soc;
    fdt32_t bell_cells[2] = {cpu_to_fdt32(static_cast<uint32_t>(doorbell >> 32)),
                             cpu_to_fdt32(static_cast<uint32_t>(doorbell))};
    fdt32_t range_cells[2] = {cpu_to_fdt32(first + half), cpu_to_fdt32(count - half)};
    if (node < 0 || fdt_setprop_string(fdt, node, "compatible", "irqsim,kapi-msi") != 0 ||
        fdt_setprop(fdt, node, "irqsim,doorbell", bell_cells, sizeof(bell_cells)) != 0 ||
        fdt_setprop_u32(fdt, node, "interrupt-parent", gic_ph) != 0 ||
        fdt_setprop(fdt, node, "msi-controller", nullptr, 0) != 0 ||
        fdt_setprop(fdt, node, "irqsim,spi-range", range_cells, sizeof(range_cells)) != 0 ||
        fdt_setprop_u32(fdt, node, "phandle", ph) != 0) {
        *err = "device tree: cannot add the kapi-msi node";
        return false;
    }
    *phandle = ph;
    return true;
}

bool dtb_with_ims_parent(const std::vector<uint8_t>& in, const std::string& kind, std::vector<uint8_t>* out,
                         std::string* err)
{
    if (kind != "mbi" && kind != "lpi" && kind != "inta" && kind != "kapi") {
        *err = "IMS parent '" + kind + "' unknown (mbi, lpi, inta or kapi)";
        return false;
    }
    if (in.size() < sizeof(struct fdt_header) || fdt_check_header(in.data()) != 0) {
        *err = "device tree: not a valid blob";
        return false;
    }
    out->assign(in.size() + 512, 0);
    void* fdt = out->data();
    if (fdt_open_into(in.data(), fdt, static_cast<int>(out->size())) != 0) {
        *err = "device tree: cannot open the blob for editing";
        return false;
    }
    int ims = fdt_node_offset_by_compatible(fdt, -1, "irqsim,ims");
    if (ims < 0) {
        *err = "device tree: no node compatible with irqsim,ims";
        return false;
    }
    if (kind == "kapi") {
        uint32_t ph = 0;
        if (!dtb_add_kapi_msi_parent(fdt, &ph, err))
            return false;
        ims = fdt_node_offset_by_compatible(fdt, -1, "irqsim,ims");  // offsets moved
        if (fdt_setprop_u32(fdt, ims, "msi-parent", ph) != 0 ||
            fdt_delprop(fdt, ims, "irqsim,msi-parent-kind") != 0) {
            *err = "device tree: cannot rewrite the IMS node's msi-parent";
            return false;
        }
        fdt_pack(fdt);
        out->resize(fdt_totalsize(fdt));
        return true;
    }
    const char* target_compat = kind == "inta" ? "ti,sci-inta" : "arm,gic-v3";
    int target = fdt_node_offset_by_compatible(fdt, -1, target_compat);
    uint32_t ph = target >= 0 ? fdt_get_phandle(fdt, target) : 0;
    if (target < 0 || ph == 0) {
        *err =
            std::string("device tree: no ") + target_compat + " node with a phandle for the IMS msi-parent";
        return false;
    }
    if (fdt_setprop_u32(fdt, ims, "msi-parent", ph) != 0 ||
        fdt_setprop_string(fdt, ims, "irqsim,msi-parent-kind", kind.c_str()) != 0) {
        *err = "device tree: cannot rewrite the IMS node's msi-parent";
        return false;
    }
    if (kind == "inta") {
        // an INTA client needs a TI-SCI id and, as an unmapped-event source, a
        // place in the INTA's ti,unmapped-event-sources (the INTA's id is the
        // event source the firmware sees)
        if (!fdt_getprop(fdt, ims, "ti,sci-dev-id", nullptr) &&
            fdt_setprop_u32(fdt, ims, "ti,sci-dev-id", ImsPort::kImsSciDevId) != 0) {
            *err = "device tree: cannot add ti,sci-dev-id to the IMS node";
            return false;
        }
        uint32_t ims_ph = fdt_get_phandle(fdt, ims);
        if (ims_ph == 0) {
            ims_ph = fdt_get_max_phandle(fdt) + 1;
            if (fdt_setprop_u32(fdt, ims, "phandle", ims_ph) != 0) {
                *err = "device tree: cannot give the IMS node a phandle";
                return false;
            }
        }
        target = fdt_node_offset_by_compatible(fdt, -1, target_compat);  // offsets moved
        if (target < 0 || fdt_appendprop_u32(fdt, target, "ti,unmapped-event-sources", ims_ph) != 0) {
            *err = "device tree: cannot add the IMS node to the INTA's ti,unmapped-event-sources";
            return false;
        }
    }
    fdt_pack(fdt);
    out->resize(fdt_totalsize(fdt));
    return true;
}

int ims_port_handler_entry(ImsPort::Slot* sl, int irq)
{
    sl->owner->s_.handler_entry(static_cast<unsigned>(irq));
    sl->handled++;
    return 0;
}

static irqreturn_t ims_port_handler(int irq, void* ctx)
{
    ims_port_handler_entry(static_cast<ImsPort::Slot*>(ctx), irq);
    return IRQ_HANDLED;
}

ImsPort::ImsPort(SocSession& s) : s_(s) {}

uint32_t ImsPort::base() const { return s_.soc().ims_base; }
uint32_t ImsPort::inta_doorbell() const
{
    return s_.soc().inta_cfg_base() + TI_INTA_CFG_UNMAPPED_EVENT_DOORBELL_OFFSET;
}

ImsPort::~ImsPort()
{
    if (!ims_)
        return;
    // the device stays bound (the platform driver's); its slots go back
    for (auto& sl : slots_)
        if (sl && sl->requested)
            release(sl->slot);
}

bool ImsPort::probe(std::string* err)
{
    struct device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims");
    if (!np) {
        *err = "device tree: no node compatible with irqsim,ims";
        return false;
    }
    // bound by its platform driver when the boot populated the bus
    int ret = ims_get(np, &ims_);
    if (ret) {
        // why: the deferral reason, else the driver's last line at boot
        std::string why;
        if (struct platform_device* pdev = of_find_device_by_node(np)) {
            if (pdev->dev.irqsim_probe_ret)
                ret = pdev->dev.irqsim_probe_ret;  // the probe's own answer, not the lookup's
            if (const char* r = irqsim_deferred_probe_reason(&pdev->dev))
                why = r;
        }
        for (auto it = s_.log().rbegin(); why.empty() && it != s_.log().rend(); ++it)
            if (it->find("ims") != std::string::npos)
                why = *it;
        *err = "ims probe failed (" + std::to_string(ret) + ")" + (why.empty() ? "" : ": " + why);
        return false;
    }
    slots_.clear();
    slots_.resize(ims_slot_count(ims_));
    return true;
}

unsigned ImsPort::num_slots() const { return ims_ ? ims_slot_count(ims_) : 0; }

std::string ImsPort::domain_name() const
{
    struct irq_domain* d = ims_ ? ims_domain(ims_) : nullptr;
    return d && d->name ? d->name : "";
}

std::string ImsPort::parent_name() const
{
    struct irq_domain* d = ims_ ? ims_parent_domain(ims_) : nullptr;
    return d && d->name ? d->name : "";
}

int ImsPort::request(int cpu)
{
    if (!ims_)
        return -ENODEV;
    auto sl = std::make_unique<Slot>();
    sl->owner = this;
    Slot* raw = sl.get();
    int virq =
        s_.sim().platform().as_cpu(0, [&] { return ims_request_slot(ims_, ims_port_handler, "ims", raw); });
    if (virq < 0)
        return virq;
    int slot = ims_virq_to_slot(ims_, static_cast<unsigned>(virq));
    if (slot < 0)
        return slot;
    raw->slot = static_cast<unsigned>(slot);
    raw->virq = static_cast<unsigned>(virq);
    raw->requested = true;
    raw->name = "ims slot " + std::to_string(slot);
    slots_.at(static_cast<size_t>(slot)) = std::move(sl);
    s_.scoreboard().unsilence(raw->virq);
    s_.cover_msi_change(true);
    if (cpu >= 0)
        set_affinity(raw->slot, static_cast<unsigned>(cpu));  // a parent that can't move it keeps its CPU
    return slot;
}

int ImsPort::release(unsigned s)
{
    if (!has_slot(s) || !slot(s).requested)
        return -EINVAL;
    Slot& sl = slot(s);
    s_.scoreboard().silence(sl.virq);
    int ret = s_.sim().platform().as_cpu(0, [&] { return ims_release_slot(ims_, sl.virq); });
    sl.requested = false;
    s_.cover_msi_change(false);
    return ret;
}

int ImsPort::set_affinity(unsigned s, unsigned cpu)
{
    if (!has_slot(s) || !slot(s).requested)
        return -EINVAL;
    Slot& sl = slot(s);
    // a parent that cannot move single vectors (the INTA: shared VINTs) leaves the
    // chip without irq_set_affinity; don't ask (the core would log every refusal)
    struct irq_data* d = irq_get_irq_data(sl.virq);
    if (!d || !d->chip || !d->chip->irq_set_affinity)
        return -ENOSYS;
    int ret = s_.sim().platform().as_cpu(0, [&] { return irq_set_affinity(sl.virq, cpumask_of(cpu)); });
    if (ret < 0)
        return ret;
    s_.scoreboard().allow(sl.virq, cpus_of(s));
    return 0;
}

void ImsPort::disable(unsigned s)
{
    Slot& sl = slot(s);
    s_.sim().platform().as_cpu(0, [&] {
        disable_irq(sl.virq);
        return 0;
    });
    sl.disabled = true;
    s_.scoreboard().silence(sl.virq);
}

void ImsPort::enable(unsigned s)
{
    Slot& sl = slot(s);
    sl.disabled = false;
    s_.scoreboard().unsilence(sl.virq);
    if (sl.held)
        s_.scoreboard().inject(sl.name + " (pending while masked)", sl.virq, cpus_of(s), s_.now(), true);
    sl.held = false;
    s_.sim().platform().as_cpu(0, [&] {
        enable_irq(sl.virq);
        return 0;
    });
}

void ImsPort::wait_answered(unsigned virq)
{
    auto in_flight = [&] {
        for (const Injection* in : s_.scoreboard().outstanding())
            if (in->virq == virq)
                return true;
        return false;
    };
    s_.sim().run_until([&] { return !in_flight(); }, 50000);
}

int ImsPort::fire(unsigned s)
{
    if (!ims_ || s >= num_slots())
        return -EINVAL;
    bool live = has_slot(s) && slot(s).requested;
    if (live && !slot(s).disabled) {
        // One event of a slot in flight at a time: whether a second fire merges
        // (device queue, pending SPI/LPI) or arrives after the first's IAR is a
        // race the scoreboard can't see, so wait until the previous one was answered.
        unsigned virq = slot(s).virq;
        wait_answered(virq);
        s_.scoreboard().inject(slot(s).name, virq, cpus_of(s), s_.now(), true);
    } else if (live)
        slot(s).held = true;
    AxiResult r = s_.sim().cpu_bus().write32(base() + IMS_TRIGGER, s, kProtNonSecure);
    return r.ok() ? 0 : -EIO;
}

int ImsPort::write_message(unsigned s)
{
    if (!has_slot(s) || !slot(s).requested)
        return -EINVAL;
    Slot& sl = slot(s);
    struct msi_desc* desc = irq_get_msi_desc(sl.virq);
    if (!desc || (!desc->msg.address_lo && !desc->msg.address_hi) || desc->msg.address_hi)
        return -EINVAL;
    wait_answered(sl.virq);
    s_.scoreboard().inject(sl.name + " (CPU write)", sl.virq, cpus_of(s), s_.now(), true);
    AxiResult r = s_.sim().cpu_bus().write32(desc->msg.address_lo, desc->msg.data, kProtNonSecure);
    return r.ok() ? 0 : -EIO;
}

uint32_t ImsPort::ctrl(unsigned s)
{
    return static_cast<uint32_t>(
        s_.sim().cpu_bus().read32(base() + IMS_SLOT_BASE + IMS_SLOT_STRIDE * s + IMS_SLOT_CTRL).data);
}

uint32_t ImsPort::sent() { return static_cast<uint32_t>(s_.sim().cpu_bus().read32(base() + IMS_SENT).data); }

uint32_t ImsPort::errors()
{
    return static_cast<uint32_t>(s_.sim().cpu_bus().read32(base() + IMS_ERRORS).data);
}

uint32_t ImsPort::last_error()
{
    return static_cast<uint32_t>(s_.sim().cpu_bus().read32(base() + IMS_LAST_ERROR).data);
}

uint32_t ImsPort::status()
{
    return static_cast<uint32_t>(s_.sim().cpu_bus().read32(base() + IMS_STATUS).data);
}

unsigned ImsPort::write_reg(uint32_t off, uint32_t val)
{
    return s_.sim().cpu_bus().write32(base() + off, val, kProtNonSecure).resp;
}

CpuSet ImsPort::cpus_of(unsigned s) const
{
    unsigned virq = slots_.at(s)->virq;
    struct msi_desc* desc = irq_get_msi_desc(virq);
    if (desc && desc->msg.address_lo == inta_doorbell()) {
        // INTA parent: the event's VINT decides (its SPI's affinity)
        const auto& maps = s_.sim().firmware().event_maps();
        auto it = maps.find(static_cast<uint16_t>(desc->msg.data));
        if (it != maps.end())
            return s_.vint_cpus(it->second.vint);
    }
    CpuSet eff = s_.effective_cpus(virq);
    if (eff.any())
        return eff;
    for (unsigned c = 0; c < s_.cpus(); c++)
        eff.set(c);
    return eff;
}

std::vector<uint64_t> ImsPort::latencies(bool cpu_writes) const
{
    std::vector<uint64_t> out;
    for (const auto& in : s_.scoreboard().injections()) {
        if (!in.answered || in.coalesced || in.withdrawn || in.source.rfind("ims slot", 0) != 0)
            continue;
        if ((in.source.find("(CPU write)") != std::string::npos) == cpu_writes)
            out.push_back(in.handler_cycle - in.cycle);
    }
    return out;
}

}  // namespace irqsim
