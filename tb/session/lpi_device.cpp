// SPDX-License-Identifier: MIT
#include "lpi_device.h"

extern "C" {
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
}

namespace irqsim {

static irqreturn_t lpi_vector_irq(int irq, void* ctx);

int lpi_vector_handler(int irq, void* ctx)
{
    auto* v = static_cast<LpiDevice::Vector*>(ctx);
    v->owner->session().handler_entry(static_cast<unsigned>(irq));
    v->handled++;
    return 0;
}

static irqreturn_t lpi_vector_irq(int irq, void* ctx)
{
    lpi_vector_handler(irq, ctx);
    return IRQ_HANDLED;
}

void LpiDevice::write_msg(struct irq_data* d, struct msi_msg* msg)
{
    auto* self = static_cast<LpiDevice*>(d->chip_data);
    struct msi_desc* desc = irq_data_get_msi_desc(d);
    if (self && desc)
        self->msgs_[desc->msi_index] = *msg;
}

LpiDevice::LpiDevice(SocSession& s, const std::string& name, bool multi_msi)
    : s_(s), name_(name), multi_(multi_msi)
{
    struct irq_domain* parent = gic_v3_lpi_domain();
    if (!parent) {
        error_ = "the GIC has no DirectLPI domain (GICR_TYPER.DirectLPI clear?)";
        return;
    }
    dev_.name = name_.c_str();
    dev_.id = -1;
    dev_.msi_parent = parent;
    chip_.name = "LPITEST";
    chip_.irq_write_msi_msg = &LpiDevice::write_msg;
    // a PCI-style function (Multi-MSI): msi_lib keeps its flags as far as the LPI parent supports them
    info_.bus_token = DOMAIN_BUS_PCI_DEVICE_MSI;
    info_.flags =
        MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | (multi_ ? MSI_FLAG_MULTI_PCI_MSI : 0);
    info_.chip = &chip_;
    bool made = s_.sim().platform().as_cpu(
        0, [&] { return msi_create_device_irq_domain(&dev_, MSI_DEFAULT_DOMAIN, &info_, 0, nullptr, this); });
    if (!made) {
        error_ = "msi_create_device_irq_domain failed" + (s_.log().empty() ? "" : ": " + s_.log().back());
        return;
    }
    ok_ = true;
}

LpiDevice::~LpiDevice()
{
    if (!ok_)
        return;
    free_all();
    s_.sim().platform().as_cpu(0, [&] {
        msi_remove_device_irq_domain(&dev_, MSI_DEFAULT_DOMAIN);
        msi_device_data_release(&dev_);
        return 0;
    });
}

LpiDevice::Vector& LpiDevice::vec(unsigned i) { return *vecs_.at(i); }

const LpiDevice::Vector& LpiDevice::vec(unsigned i) const { return *vecs_.at(i); }

int LpiDevice::alloc(unsigned n, unsigned first)
{
    if (!ok_ || n == 0)
        return -EINVAL;
    int ret = s_.sim().platform().as_cpu(
        0, [&] { return msi_domain_alloc_irqs_range(&dev_, MSI_DEFAULT_DOMAIN, first, first + n - 1); });
    if (ret)
        return ret;
    for (unsigned i = first; i < first + n; i++) {
        auto v = std::make_unique<Vector>();
        v->owner = this;
        v->index = i;
        v->virq = msi_get_virq(&dev_, i);
        v->name = name_ + "/" + std::to_string(i);
        vecs_[i] = std::move(v);
    }
    return 0;
}

void LpiDevice::free_all()
{
    for (auto& kv : vecs_)
        if (kv.second->requested)
            release(kv.first);
    s_.sim().platform().as_cpu(0, [&] {
        msi_domain_free_irqs_all(&dev_, MSI_DEFAULT_DOMAIN);
        return 0;
    });
    vecs_.clear();
    msgs_.clear();
}

int LpiDevice::request(unsigned i, int cpu)
{
    if (!vecs_.count(i))
        return -EINVAL;
    Vector& v = vec(i);
    s_.scoreboard().unsilence(v.virq);
    int ret = s_.sim().platform().as_cpu(0, [&] {
        int r = request_irq(v.virq, lpi_vector_irq, 0, v.name.c_str(), &v);
        if (!r && cpu >= 0)
            r = irq_set_affinity(v.virq, cpumask_of(static_cast<unsigned>(cpu)));
        return r;
    });
    if (ret < 0) {
        s_.scoreboard().silence(v.virq);
        return ret;
    }
    v.requested = true;
    return 0;
}

int LpiDevice::release(unsigned i)
{
    if (!vecs_.count(i) || !vec(i).requested)
        return -EINVAL;
    Vector& v = vec(i);
    s_.scoreboard().silence(v.virq);
    s_.sim().platform().as_cpu(0, [&] {
        free_irq(v.virq, &v);
        return 0;
    });
    v.requested = false;
    return 0;
}

int LpiDevice::set_affinity(unsigned i, unsigned cpu)
{
    if (!vecs_.count(i))
        return -EINVAL;
    Vector& v = vec(i);
    int ret = s_.sim().platform().as_cpu(0, [&] { return irq_set_affinity(v.virq, cpumask_of(cpu)); });
    if (ret < 0)
        return ret;
    // Outstanding events keep their CPU: fire() wrote each to one redistributor's
    // SETLPIR and its pending bit stays there (the driver does not migrate it).
    // Widening them to the new CPU (as for an SPI, which IROUTER re-routes) let a
    // run on the new CPU answer an event still pending at the old one, and the
    // old one's run then counted as spurious.  Later fires book the new target.
    return 0;
}

void LpiDevice::disable(unsigned i)
{
    Vector& v = vec(i);
    s_.sim().platform().as_cpu(0, [&] {
        disable_irq(v.virq);
        return 0;
    });
    v.disabled = true;
    s_.scoreboard().silence(v.virq);
}

void LpiDevice::enable(unsigned i)
{
    Vector& v = vec(i);
    v.disabled = false;
    s_.scoreboard().unsilence(v.virq);
    if (v.held)
        s_.scoreboard().inject(v.name + " (kept while masked)", v.virq, s_.effective_cpus(v.virq), s_.now(),
                               true);
    v.held = false;
    s_.sim().platform().as_cpu(0, [&] {
        enable_irq(v.virq);
        return 0;
    });
}

unsigned LpiDevice::virq(unsigned i) const { return vecs_.count(i) ? vec(i).virq : 0; }

uint32_t LpiDevice::intid(unsigned i) const
{
    struct irq_data* d = vecs_.count(i) ? irq_domain_get_irq_data(gic_v3_lpi_domain(), vec(i).virq) : nullptr;
    return d ? static_cast<uint32_t>(d->hwirq) : 0;
}

unsigned LpiDevice::target(unsigned i) const
{
    CpuSet c = s_.effective_cpus(virq(i));
    for (unsigned k = 0; k < c.size(); k++)
        if (c.test(k))
            return k;
    return 0;
}

msi_msg LpiDevice::message(unsigned i) const
{
    msi_msg m{0, 0, 0};
    struct msi_desc* desc = vecs_.count(i) ? irq_get_msi_desc(vec(i).virq) : nullptr;
    if (!desc)
        return m;
    auto it = msgs_.find(desc->msi_index);
    if (it == msgs_.end())
        return m;
    m = it->second;
    if (desc->nvec_used > 1 && (m.address_lo || m.address_hi))
        m.data += i - desc->msi_index;
    return m;
}

int LpiDevice::write_message(unsigned i)
{
    msi_msg m = message(i);
    if (!m.address_lo || m.address_hi)
        return -EINVAL;
    AxiResult r = s_.sim().cpu_bus().write32(m.address_lo, m.data, kProtNonSecure);
    return r.ok() ? 0 : -EIO;
}

int LpiDevice::fire(unsigned i, bool expect)
{
    if (!vecs_.count(i))
        return -EINVAL;
    Vector& v = vec(i);
    if (!expect || !v.requested || v.disabled) {
        v.held = v.requested && v.disabled;
        return write_message(i);
    }
    // an LPI still pending when fired again merges in its pending bit: legal coalescing
    s_.scoreboard().inject(v.name, v.virq, s_.effective_cpus(v.virq), s_.now(), true);
    return write_message(i);
}

std::vector<HopStep> LpiDevice::hops(unsigned i) const
{
    int pe = static_cast<int>(target(i));
    uint32_t id = intid(i);
    return {{Hop::SetLpir, id, pe}, {Hop::IrqOut, 0, pe}, {Hop::Iar, id, pe}, {Hop::Handler, virq(i), pe}};
}

}  // namespace irqsim
