// SPDX-License-Identifier: MIT
// FakeMsiParent: a root irq_domain that plays an MSI parent (like DirectLPI or
// MBI) for unit tests and benchmarks of the MSI layer.
//
// It owns `capacity` hwirqs (base_hwirq ..), allocates nr_irqs consecutive,
// naturally aligned ones per request (what Multi-MSI needs), composes messages
// address = doorbell + 0x1000 * target CPU, data = hwirq, and records chip
// calls.  Its bitmap is touched only from the domain ops, i.e. under the
// hierarchy's root mutex: the concurrency test relies on that (TSan checks it).
//
// FakeMsiDevChip: the device-side irq_chip of an MSI domain; records every
// message written (irq_write_msi_msg).
//
// Header-only on purpose: the build globs tb/unit/*_test.cpp only.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>

struct FakeMsiParent {
    static constexpr uint32_t kDoorbell = 0xfee00000u;

    unsigned capacity;
    irq_hw_number_t base_hwirq;
    std::vector<bool> used;
    unsigned nr_used = 0;
    unsigned lowest_free = 0;  // all slots below are used
    int set_affinity_ret = IRQ_SET_MASK_OK;
    int alloc_calls = 0;
    // calls recorded by the chip: "name:hwirq"; guarded since chips may run anywhere
    std::mutex calls_lock;
    std::vector<std::string> calls;

    struct irq_chip chip {};
    struct irq_domain_ops ops {};
    struct fwnode_handle fwnode {};
    struct irq_domain* domain = nullptr;

    FakeMsiParent(const char* name, unsigned cap, irq_hw_number_t base = 8192)
        : capacity(cap), base_hwirq(base), used(cap, false)
    {
        chip.name = "FAKE-PARENT";
        chip.irq_mask = [](struct irq_data* d) { self(d)->Record("mask", d); };
        chip.irq_unmask = [](struct irq_data* d) { self(d)->Record("unmask", d); };
        chip.irq_eoi = [](struct irq_data* d) { self(d)->Record("eoi", d); };
        chip.irq_compose_msi_msg = [](struct irq_data* d, struct msi_msg* msg) {
            unsigned cpu = cpumask_first(irq_data_get_effective_affinity_mask(d));
            if (cpu >= NR_CPUS)
                cpu = 0;
            msg->address_hi = 0;
            msg->address_lo = kDoorbell + 0x1000u * cpu;
            msg->data = (uint32_t)d->hwirq;
        };
        chip.irq_set_affinity = [](struct irq_data* d, const struct cpumask* m, bool) {
            FakeMsiParent* p = self(d);
            p->Record("set_affinity", d);
            struct cpumask eff;
            cpumask_clear(&eff);
            cpumask_set_cpu(cpumask_first(m), &eff);
            irq_data_update_effective_affinity(d, &eff);
            return p->set_affinity_ret;
        };
        ops.alloc = &FakeMsiParent::Alloc;
        ops.free = &FakeMsiParent::Free;
        fwnode.name = name;
        domain = irq_domain_create_hierarchy(nullptr, IRQ_DOMAIN_FLAG_MSI_PARENT, 0, &fwnode, &ops, this);
    }

    static FakeMsiParent* self(struct irq_data* d) { return static_cast<FakeMsiParent*>(d->chip_data); }

    void Record(const char* what, struct irq_data* d)
    {
        std::lock_guard<std::mutex> g(calls_lock);
        calls.push_back(std::string(what) + ":" + std::to_string(d->hwirq));
    }

    static int Alloc(struct irq_domain* d, unsigned virq, unsigned nr, void* arg)
    {
        (void)arg;
        FakeMsiParent* p = static_cast<FakeMsiParent*>(d->host_data);
        p->alloc_calls++;
        unsigned align = 1;
        while (align < nr)
            align <<= 1;
        // every slot below lowest_free is used: start there (keeps big benches O(1)-ish)
        for (unsigned first = p->lowest_free / align * align; first + nr <= p->capacity; first += align) {
            bool ok = true;
            for (unsigned i = 0; i < nr && ok; i++)
                ok = !p->used[first + i];
            if (!ok)
                continue;
            for (unsigned i = 0; i < nr; i++) {
                p->used[first + i] = true;
                irq_domain_set_hwirq_and_chip(d, virq + i, p->base_hwirq + first + i, &p->chip, p);
            }
            p->nr_used += nr;
            while (p->lowest_free < p->capacity && p->used[p->lowest_free])
                p->lowest_free++;
            return 0;
        }
        return -ENOSPC;
    }

    static void Free(struct irq_domain* d, unsigned virq, unsigned nr)
    {
        FakeMsiParent* p = static_cast<FakeMsiParent*>(d->host_data);
        for (unsigned i = 0; i < nr; i++) {
            struct irq_data* irqd = irq_domain_get_irq_data(d, virq + i);
            if (!irqd)
                continue;
            unsigned slot = (unsigned)(irqd->hwirq - p->base_hwirq);
            if (slot < p->capacity && p->used[slot]) {
                p->used[slot] = false;
                p->nr_used--;
                if (slot < p->lowest_free)
                    p->lowest_free = slot;
            }
            irq_domain_reset_irq_data(irqd);
        }
    }
};

// The device side of an MSI domain: records messages written to the device.
struct FakeMsiDevChip {
    struct Write {
        unsigned virq;
        msi_msg msg;
    };
    std::mutex lock;
    std::vector<Write> writes;
    struct irq_chip chip {};

    FakeMsiDevChip()
    {
        chip.name = "FAKE-MSI";
        chip.irq_write_msi_msg = [](struct irq_data* d, struct msi_msg* msg) {
            auto* self = static_cast<FakeMsiDevChip*>(d->chip_data);
            std::lock_guard<std::mutex> g(self->lock);
            self->writes.push_back(Write{d->irq, *msg});
        };
    }
};
