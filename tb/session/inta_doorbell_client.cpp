// SPDX-License-Identifier: MIT
#include "inta_doorbell_client.h"

#include "soc_session.h"

extern "C" {
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/of.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>
}

namespace irqsim {

namespace {

// the device side of the handler: answer the messages written since the last run
irqreturn_t doorbell_handler(int irq, void* ctx)
{
    auto* v = static_cast<DoorbellVector*>(ctx);
    SocSession& s = *v->s;
    uint64_t fresh = v->fired - v->seen;
    v->seen = v->fired;
    v->handled++;
    if (!fresh)
        v->empty_runs++;
    s.scoreboard().handler_entry(static_cast<unsigned>(irq), smp_processor_id(), s.now(), fresh);
    s.cover_handler(static_cast<unsigned>(irq));
    return IRQ_HANDLED;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> IntaDoorbellClient::tree_insert()
{
    return {{"ti,sci-rm-range-global-event = ", "ti,unmapped-event-sources = <&inta_db_client>;\n\t\t\t"},
            {"/* Plain device lines through the INTR",
             "/* test: a bus master raising its events by INTA-MSI messages */\n"
             "\t\tinta_db_client: inta-doorbell-client {\n"
             "\t\t\tcompatible = \"irqsim,inta-doorbell-client\";\n"
             "\t\t\tti,sci-dev-id = <" +
                 std::to_string(kDevId) +
                 ">;\n"
                 "\t\t\tmsi-parent = <&main_inta>;\n"
                 "\t\t};\n\n"
                 "\t\t"}};
}

std::unique_ptr<IntaDoorbellClient> IntaDoorbellClient::attach(SocSession& s, unsigned n, std::string* err)
{
    struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,inta-doorbell-client");
    if (!node) {
        *err = "the device tree has no \"irqsim,inta-doorbell-client\" node";
        return nullptr;
    }
    u32 id = 0;
    if (of_property_read_u32(node, "ti,sci-dev-id", &id)) {
        *err = "inta-doorbell-client: no ti,sci-dev-id";
        return nullptr;
    }
    struct device_node* inta = of_parse_phandle(node, "msi-parent", 0);
    struct irq_domain* domain = inta ? ti_sci_inta_msi_get_domain(inta) : nullptr;
    if (!domain) {
        *err = "inta-doorbell-client: its msi-parent has no INTA-MSI domain";
        return nullptr;
    }
    std::unique_ptr<IntaDoorbellClient> c(new IntaDoorbellClient(s));
    c->dev_.name = "inta-doorbell-client";
    c->dev_.id = static_cast<int>(id);
    dev_set_msi_domain(&c->dev_, domain);
    for (unsigned i = 0; i < n; i++) {
        auto v = std::make_unique<DoorbellVector>();
        v->s = &s;
        v->index = i;
        v->name = "db" + std::to_string(i);
        c->vecs_.push_back(std::move(v));
    }
    return c;
}

IntaDoorbellClient::~IntaDoorbellClient()
{
    for (unsigned i = 0; i < size(); i++)
        if (vec(i).live)
            release(i);
    s_.sim().platform().as_cpu(0, [&] { return (msi_device_data_release(&dev_), 0); });
}

int IntaDoorbellClient::request(unsigned i, std::string* why)
{
    DoorbellVector& v = vec(i);
    if (v.live)
        return -EBUSY;
    int ret = s_.sim().platform().as_cpu(0, [&] {
        struct msi_map m = msi_domain_alloc_irq_at(&dev_, MSI_DEFAULT_DOMAIN, i, nullptr, nullptr);
        if (m.index < 0)
            return m.index;
        unsigned virq = static_cast<unsigned>(m.virq);
        s_.scoreboard().unsilence(virq);
        int r = request_irq(virq, doorbell_handler, 0, v.name.c_str(), &v);
        if (r) {
            s_.scoreboard().silence(virq);
            msi_domain_free_irqs_range(&dev_, MSI_DEFAULT_DOMAIN, i, i);
            return r;
        }
        v.virq = virq;
        return 0;
    });
    if (ret)
        return ret;
    struct msi_desc* d = irq_get_msi_desc(v.virq);
    v.msg = d ? d->msg : msi_msg{};
    v.gevt = v.msg.data;
    const auto& maps = s_.sim().firmware().event_maps();
    auto it = maps.find(static_cast<uint16_t>(v.gevt));
    v.live = true;
    v.fired = v.seen = 0;
    if (!d || it == maps.end()) {
        if (why)
            *why = v.name + ": message data " + std::to_string(v.gevt) + " is no mapped global event";
        release(i);
        return -EIO;
    }
    v.vint = it->second.vint;
    v.bit = it->second.bit;
    return 0;
}

int IntaDoorbellClient::release(unsigned i)
{
    DoorbellVector& v = vec(i);
    if (!v.live)
        return -EINVAL;
    s_.scoreboard().silence(v.virq);
    s_.sim().platform().as_cpu(0, [&] {
        free_irq(v.virq, &v);
        msi_domain_free_irqs_range(&dev_, MSI_DEFAULT_DOMAIN, i, i);
        return 0;
    });
    v.live = false;
    v.virq = 0;
    return 0;
}

bool IntaDoorbellClient::fire(unsigned i, unsigned times)
{
    DoorbellVector& v = vec(i);
    bool ok = true;
    for (unsigned k = 0; k < times && v.live; k++) {
        uint64_t id = s_.scoreboard().inject(v.name, v.virq, s_.vint_cpus(v.vint), s_.now(), true);
        vint_of_[id] = v.vint;
        v.fired++;
        ok &= s_.sim().cpu_bus().write32(v.msg.address_lo, v.msg.data, kProtNonSecure).resp == 0;
    }
    return ok;
}

}  // namespace irqsim
