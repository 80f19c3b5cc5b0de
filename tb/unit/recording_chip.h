// SPDX-License-Identifier: MIT
// RecordingChip: a fake irq_chip that records every callback ("irq_mask:5",
// callback name and hwirq) so tests can assert exact ack/mask/unmask/eoi
// sequences, plus helpers that build virqs through the domain API.
//
// Header-only on purpose: the build globs tb/unit/*_test.cpp only.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>

struct RecordingChip {
    // which callbacks the chip implements
    enum Op : unsigned {
        ACK = 1u << 0,
        MASK = 1u << 1,
        UNMASK = 1u << 2,
        EOI = 1u << 3,
        MASK_ACK = 1u << 4,
        SET_TYPE = 1u << 5,
        SET_AFFINITY = 1u << 6,
        REQUEST_RES = 1u << 7,
        RELEASE_RES = 1u << 8,
        RETRIGGER = 1u << 9,
        ENABLE = 1u << 10,
        DISABLE = 1u << 11,
        GET_STATE = 1u << 12,
        COMPOSE = 1u << 13,
    };
    static constexpr unsigned kBasic = ACK | MASK | UNMASK | EOI | SET_TYPE | SET_AFFINITY;

    irq_chip chip{};
    std::string name;
    std::vector<std::string>* calls;  // shared log (several chips of a hierarchy)
    std::vector<std::string> own;

    // behaviour knobs
    int set_type_ret = 0;
    int request_ret = 0;
    int retrigger_ret = 1;
    int affinity_ret = IRQ_SET_MASK_OK;
    bool pick_first_cpu = false;            // irq_set_affinity: deliver to the first CPU of the mask
    std::vector<unsigned> types;            // trigger types programmed
    struct cpumask last_affinity {};        // mask given to irq_set_affinity
    std::function<void(irq_data*)> on_ack;  // extra side effect in irq_ack

    RecordingChip(const char* n, unsigned ops, unsigned long flags = 0,
                  std::vector<std::string>* shared = nullptr)
        : name(n), calls(shared ? shared : &own)
    {
        chip.name = name.c_str();
        chip.flags = flags;
        if (ops & ACK)
            chip.irq_ack = [](irq_data* d) {
                Self(d)->Rec("irq_ack", d);
                if (Self(d)->on_ack)
                    Self(d)->on_ack(d);
            };
        if (ops & MASK)
            chip.irq_mask = [](irq_data* d) { Self(d)->Rec("irq_mask", d); };
        if (ops & UNMASK)
            chip.irq_unmask = [](irq_data* d) { Self(d)->Rec("irq_unmask", d); };
        if (ops & EOI)
            chip.irq_eoi = [](irq_data* d) { Self(d)->Rec("irq_eoi", d); };
        if (ops & MASK_ACK)
            chip.irq_mask_ack = [](irq_data* d) { Self(d)->Rec("irq_mask_ack", d); };
        if (ops & ENABLE)
            chip.irq_enable = [](irq_data* d) { Self(d)->Rec("irq_enable", d); };
        if (ops & DISABLE)
            chip.irq_disable = [](irq_data* d) { Self(d)->Rec("irq_disable", d); };
        if (ops & SET_TYPE)
            chip.irq_set_type = [](irq_data* d, unsigned t) {
                Self(d)->Rec("irq_set_type", d);
                Self(d)->types.push_back(t);
                return Self(d)->set_type_ret;
            };
        if (ops & SET_AFFINITY)
            chip.irq_set_affinity = [](irq_data* d, const cpumask* m, bool) {
                RecordingChip* c = Self(d);
                c->Rec("irq_set_affinity", d);
                c->last_affinity = *m;
                if (c->pick_first_cpu && c->affinity_ret >= 0)
                    irq_data_update_effective_affinity(d, cpumask_of(cpumask_first(m)));
                return c->affinity_ret;
            };
        if (ops & REQUEST_RES)
            chip.irq_request_resources = [](irq_data* d) {
                Self(d)->Rec("irq_request_resources", d);
                return Self(d)->request_ret;
            };
        if (ops & RELEASE_RES)
            chip.irq_release_resources = [](irq_data* d) { Self(d)->Rec("irq_release_resources", d); };
        if (ops & RETRIGGER)
            chip.irq_retrigger = [](irq_data* d) {
                Self(d)->Rec("irq_retrigger", d);
                return Self(d)->retrigger_ret;
            };
        if (ops & GET_STATE)
            chip.irq_get_irqchip_state = [](irq_data* d, irqchip_irq_state, bool* st) {
                Self(d)->Rec("irq_get_irqchip_state", d);
                *st = true;
                return 0;
            };
        if (ops & COMPOSE)
            chip.irq_compose_msi_msg = [](irq_data* d, msi_msg*) { Self(d)->Rec("irq_compose_msi_msg", d); };
        Registry()[&chip] = this;
    }
    ~RecordingChip() { Registry().erase(&chip); }
    RecordingChip(const RecordingChip&) = delete;
    RecordingChip& operator=(const RecordingChip&) = delete;

    std::vector<std::string> Take()
    {
        std::vector<std::string> v;
        v.swap(*calls);
        return v;
    }

    static RecordingChip* Self(irq_data* d) { return Registry().at(d->chip); }

private:
    void Rec(const char* what, irq_data* d)
    {
        calls->push_back(std::string(what) + ":" + std::to_string(d->hwirq));
    }
    static std::map<const irq_chip*, RecordingChip*>& Registry()
    {
        static std::map<const irq_chip*, RecordingChip*> r;
        return r;
    }
};

// A linear domain whose ops->map installs a RecordingChip and a flow handler.
struct FlatDomain {
    RecordingChip* chip;
    irq_flow_handler_t flow;
    irq_domain_ops ops{};
    irq_domain* d = nullptr;

    FlatDomain(const char* name, RecordingChip* c, irq_flow_handler_t f, unsigned size = 64)
        : chip(c), flow(f)
    {
        ops.map = [](irq_domain* dom, unsigned virq, irq_hw_number_t) {
            auto* self = static_cast<FlatDomain*>(dom->host_data);
            irq_set_chip_and_handler(virq, &self->chip->chip, self->flow);
            return 0;
        };
        d = irq_domain_create_linear(irq_domain_alloc_named_fwnode(name), size, &ops, this);
    }
    unsigned Map(irq_hw_number_t hw) { return irq_create_mapping(d, hw); }
};

// One level of a hierarchy.  alloc takes (irq_hw_number_t *) as arg: this
// level's hwirq is *arg + hw_offset; the parent is allocated first with the
// same arg.  A level with a flow handler installs it (the outermost wins).
struct HierDomain {
    RecordingChip* chip;
    HierDomain* parent;
    irq_flow_handler_t flow;
    irq_hw_number_t hw_offset;
    irq_domain_ops ops{};
    irq_domain* d = nullptr;
    int activate_ret = 0;
    std::vector<std::string>* events = nullptr;  // "activate:NAME" / "deactivate:NAME"

    HierDomain(const char* name, RecordingChip* c, HierDomain* p, irq_flow_handler_t f, irq_hw_number_t off,
               unsigned size = 0, unsigned flags = 0)
        : chip(c), parent(p), flow(f), hw_offset(off)
    {
        ops.alloc = [](irq_domain* dom, unsigned virq, unsigned n, void* arg) {
            auto* self = static_cast<HierDomain*>(dom->host_data);
            irq_hw_number_t hw = *static_cast<irq_hw_number_t*>(arg);
            if (self->parent) {
                int ret = irq_domain_alloc_irqs_parent(dom, virq, n, arg);
                if (ret)
                    return ret;
            }
            for (unsigned i = 0; i < n; i++) {
                if (self->flow)
                    irq_domain_set_info(dom, virq + i, hw + self->hw_offset + i, &self->chip->chip, nullptr,
                                        self->flow, nullptr, nullptr);
                else
                    irq_domain_set_hwirq_and_chip(dom, virq + i, hw + self->hw_offset + i, &self->chip->chip,
                                                  nullptr);
            }
            return 0;
        };
        ops.free = [](irq_domain* dom, unsigned virq, unsigned n) {
            irq_domain_free_irqs_common(dom, virq, n);
        };
        ops.activate = [](irq_domain* dom, irq_data*, bool) {
            auto* self = static_cast<HierDomain*>(dom->host_data);
            if (self->events)
                self->events->push_back(std::string("activate:") + dom->name);
            return self->activate_ret;
        };
        ops.deactivate = [](irq_domain* dom, irq_data*) {
            auto* self = static_cast<HierDomain*>(dom->host_data);
            if (self->events)
                self->events->push_back(std::string("deactivate:") + dom->name);
        };
        d = irq_domain_create_hierarchy(p ? p->d : nullptr, flags, size, irq_domain_alloc_named_fwnode(name),
                                        &ops, this);
    }
    int Alloc(irq_hw_number_t hw) { return irq_domain_alloc_irqs(d, 1, -1, &hw); }
};

// records handler invocations: (irq, dev_id)
struct HandlerLog {
    struct Call {
        int irq;
        void* dev;
        unsigned cpu;
    };
    std::vector<Call> calls;
    irqreturn_t ret = IRQ_HANDLED;
};
