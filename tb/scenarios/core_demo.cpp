// SPDX-License-Identifier: MIT
//
// core-demo: the interrupt core end to end without RTL.
//
// A three-level hierarchy  DEMO-MSI (per-ring vectors) -> DEMO-MUX -> DEMO-ROOT
// runs on a small fabric model in this file.  The root chip composes MSI
// messages (address = doorbell of the target CPU, data = root hwirq); the
// device "fires" a ring by writing its message; the fabric decodes address and
// data back into a pending bit on one CPU, and each CPU takes its pending,
// unmasked interrupts through generic_handle_domain_irq().  So the message
// composition, affinity rewrite, mask/eoi forwarding and the flow handlers all
// have to be right for the scoreboard to pass.
#include <chrono>
#include <cstring>
#include <random>
#include <string>
#include <vector>

extern "C" {
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim_views.h>
#include <linux/msi.h>
}

#include "scenario.h"

namespace irqsim {
namespace {

constexpr unsigned kRootLines = 64;
constexpr uint64_t kDoorbellBase = 0x0C000000;
constexpr uint64_t kDoorbellStride = 0x1000;  // one doorbell page per CPU

// The fabric model: per root hwirq a pending latch, an enable bit and a target CPU.
struct Fabric {
    unsigned cpus = 4;
    std::vector<bool> pending = std::vector<bool>(kRootLines);
    std::vector<bool> enabled = std::vector<bool>(kRootLines);
    std::vector<unsigned> target = std::vector<unsigned>(kRootLines);
    uint64_t bad_writes = 0;
    struct irq_domain* root = nullptr;

    // An MSI write arriving at the fabric.
    void msi_write(uint64_t addr, uint32_t data)
    {
        if (addr < kDoorbellBase || data >= kRootLines || (addr - kDoorbellBase) / kDoorbellStride >= cpus) {
            bad_writes++;
            return;
        }
        unsigned cpu = static_cast<unsigned>((addr - kDoorbellBase) / kDoorbellStride);
        if (cpu != target[data]) {
            bad_writes++;  // message not rewritten after an affinity change
            return;
        }
        pending[data] = true;
    }
};

Fabric g_fabric;

// ---- DEMO-ROOT: the innermost chip, owns the fabric state -------------------
void root_mask(struct irq_data* d) { g_fabric.enabled[d->hwirq] = false; }
void root_unmask(struct irq_data* d) { g_fabric.enabled[d->hwirq] = true; }
void root_eoi(struct irq_data*) {}
int root_set_affinity(struct irq_data* d, const struct cpumask* mask, bool)
{
    unsigned cpu = cpumask_first_and(mask, cpu_online_mask);
    if (cpu >= g_fabric.cpus)
        return -EINVAL;
    g_fabric.target[d->hwirq] = cpu;
    irq_data_update_effective_affinity(d, cpumask_of(cpu));
    return IRQ_SET_MASK_OK;
}
void root_compose(struct irq_data* d, struct msi_msg* msg)
{
    uint64_t addr = kDoorbellBase + kDoorbellStride * g_fabric.target[d->hwirq];
    msg->address_lo = static_cast<uint32_t>(addr);
    msg->address_hi = static_cast<uint32_t>(addr >> 32);
    msg->data = static_cast<uint32_t>(d->hwirq);
}

struct irq_chip root_chip = [] {
    struct irq_chip c;
    memset(&c, 0, sizeof(c));
    c.name = "DEMO-ROOT";
    c.irq_mask = root_mask;
    c.irq_unmask = root_unmask;
    c.irq_eoi = root_eoi;
    c.irq_set_affinity = root_set_affinity;
    c.irq_compose_msi_msg = root_compose;
    return c;
}();

std::vector<bool> g_root_used(kRootLines);

int root_alloc(struct irq_domain* d, unsigned int virq, unsigned int nr, void*)
{
    for (unsigned i = 0; i < nr; i++) {
        unsigned hw = 0;
        while (hw < kRootLines && g_root_used[hw])
            hw++;
        if (hw == kRootLines) {
            for (unsigned j = 0; j < i; j++) {
                struct irq_data* id = irq_domain_get_irq_data(d, virq + j);
                g_root_used[id->hwirq] = false;
                irq_domain_reset_irq_data(id);
            }
            return -ENOSPC;
        }
        g_root_used[hw] = true;
        g_fabric.target[hw] = 0;
        irq_domain_set_hwirq_and_chip(d, virq + i, hw, &root_chip, nullptr);
    }
    return 0;
}
void root_free(struct irq_domain* d, unsigned int virq, unsigned int nr)
{
    for (unsigned i = 0; i < nr; i++) {
        struct irq_data* id = irq_domain_get_irq_data(d, virq + i);
        g_root_used[id->hwirq] = false;
        g_fabric.enabled[id->hwirq] = false;
        g_fabric.pending[id->hwirq] = false;
        irq_domain_reset_irq_data(id);
    }
}
const struct irq_domain_ops root_ops = [] {
    struct irq_domain_ops o;
    memset(&o, 0, sizeof(o));
    o.alloc = root_alloc;
    o.free = root_free;
    return o;
}();

// ---- DEMO-MUX: a pass-through level, like an interrupt router -----------------
struct irq_chip mux_chip = [] {
    struct irq_chip c;
    memset(&c, 0, sizeof(c));
    c.name = "DEMO-MUX";
    c.irq_mask = irq_chip_mask_parent;
    c.irq_unmask = irq_chip_unmask_parent;
    c.irq_eoi = irq_chip_eoi_parent;
    c.irq_set_affinity = irq_chip_set_affinity_parent;
    return c;
}();
int mux_alloc(struct irq_domain* d, unsigned int virq, unsigned int nr, void* arg)
{
    int ret = irq_domain_alloc_irqs_parent(d, virq, nr, arg);
    if (ret)
        return ret;
    for (unsigned i = 0; i < nr; i++) {
        struct irq_data* parent = irq_domain_get_irq_data(d->parent, virq + i);
        irq_domain_set_hwirq_and_chip(d, virq + i, parent->hwirq, &mux_chip, nullptr);
    }
    return 0;
}
void mux_free(struct irq_domain* d, unsigned int virq, unsigned int nr)
{
    irq_domain_free_irqs_common(d, virq, nr);
}
const struct irq_domain_ops mux_ops = [] {
    struct irq_domain_ops o;
    memset(&o, 0, sizeof(o));
    o.alloc = mux_alloc;
    o.free = mux_free;
    return o;
}();

// ---- the device: rings that signal completions by writing their message -------
struct DemoDevice {
    struct device dev;
    std::vector<struct msi_msg> slot;  // message per ring, written by the MSI layer
};
DemoDevice* g_dev;

void dev_write_msg(struct irq_data* d, struct msi_msg* msg)
{
    struct msi_desc* desc = irq_data_get_msi_desc(d);
    if (desc && desc->msi_index < g_dev->slot.size())
        g_dev->slot[desc->msi_index] = *msg;
}

struct irq_chip msi_chip = [] {
    struct irq_chip c;
    memset(&c, 0, sizeof(c));
    c.name = "DEMO-MSI";
    c.irq_write_msi_msg = dev_write_msg;
    return c;
}();

struct HandlerCtx {
    Scoreboard* sb;
    uint64_t* now;
};

irqreturn_t ring_handler(int irq, void* dev_id)
{
    auto* ctx = static_cast<HandlerCtx*>(dev_id);
    ctx->sb->handler_entry(static_cast<unsigned>(irq), smp_processor_id(), *ctx->now);
    return IRQ_HANDLED;
}

}  // namespace

RunResult run_core_demo(const RunConfig& cfg)
{
    RunResult res;
    res.time_unit = "steps";
    auto t0 = std::chrono::steady_clock::now();
    if (irqsim_core_reset()) {
        res.error = 1;
        res.error_text = "core busy";
        return res;
    }
    unsigned ncpu = cfg.cpus ? cfg.cpus : 4;
    irqsim_set_nr_cpus(ncpu);
    for (unsigned c = 0; c < ncpu; c++)
        set_cpu_online(c, true);
    g_fabric = Fabric();
    g_fabric.cpus = ncpu;
    std::fill(g_root_used.begin(), g_root_used.end(), false);

    struct fwnode_handle* root_fw = irq_domain_alloc_named_fwnode("DEMO-ROOT");
    struct fwnode_handle* mux_fw = irq_domain_alloc_named_fwnode("DEMO-MUX");
    struct fwnode_handle* msi_fw = irq_domain_alloc_named_fwnode("DEMO-MSI");
    g_fabric.root = irq_domain_create_hierarchy(nullptr, 0, kRootLines, root_fw, &root_ops, nullptr);
    struct irq_domain* mux = irq_domain_create_hierarchy(g_fabric.root, 0, 0, mux_fw, &mux_ops, nullptr);
    static struct msi_domain_info info;
    memset(&info, 0, sizeof(info));
    info.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
    info.chip = &msi_chip;
    info.handler = handle_fasteoi_irq;
    info.handler_name = "fasteoi";
    struct irq_domain* msi = mux ? msi_create_irq_domain(msi_fw, &info, mux) : nullptr;
    if (!g_fabric.root || !mux || !msi) {
        res.error = 1;
        res.error_text = "could not build the demo hierarchy";
        return res;
    }

    constexpr unsigned kRings = 48;
    DemoDevice dev{};
    dev.dev.name = "demo-dma";
    dev.dev.msi_domain = msi;
    dev.slot.resize(kRings);
    g_dev = &dev;

    Scoreboard sb;
    uint64_t now = 0;
    HandlerCtx ctx{&sb, &now};
    std::mt19937_64 rng(cfg.seed);
    std::vector<unsigned> ring_virq(kRings, 0);
    auto open_ring = [&](unsigned ring) {
        struct msi_map map = msi_domain_alloc_irq_at(&dev.dev, MSI_DEFAULT_DOMAIN, ring, nullptr, nullptr);
        if (map.index < 0)
            return false;
        unsigned virq = static_cast<unsigned>(map.virq);
        if (request_irq(virq, ring_handler, 0, "demo-ring", &ctx)) {
            msi_domain_free_irqs_range(&dev.dev, MSI_DEFAULT_DOMAIN, ring, ring);
            return false;
        }
        irq_set_affinity(virq, cpumask_of(static_cast<unsigned>(rng() % ncpu)));
        ring_virq[ring] = virq;
        sb.unsilence(virq);  // the number may belong to a ring closed earlier
        return true;
    };
    auto close_ring = [&](unsigned ring) {
        sb.silence(ring_virq[ring]);
        free_irq(ring_virq[ring], &ctx);
        msi_domain_free_irqs_range(&dev.dev, MSI_DEFAULT_DOMAIN, ring, ring);
        ring_virq[ring] = 0;
    };
    // Each CPU takes what is pending for it, as an interrupt controller would.
    auto deliver = [&]() {
        for (unsigned cpu = 0; cpu < ncpu; cpu++) {
            irqsim_set_this_cpu(cpu);
            for (unsigned hw = 0; hw < kRootLines; hw++) {
                if (g_fabric.pending[hw] && g_fabric.enabled[hw] && g_fabric.target[hw] == cpu) {
                    g_fabric.pending[hw] = false;
                    now++;
                    generic_handle_domain_irq(g_fabric.root, hw);
                }
            }
        }
    };

    uint64_t events = cfg.events ? cfg.events : 1000;
    for (unsigned r = 0; r < kRings / 2; r++)
        open_ring(r);
    for (uint64_t e = 0; e < events; e++) {
        now++;
        unsigned ring = static_cast<unsigned>(rng() % kRings);
        unsigned action = static_cast<unsigned>(rng() % 100);
        if (!ring_virq[ring]) {
            if (action < 30)
                open_ring(ring);
            continue;
        }
        if (action < 3) {
            close_ring(ring);
            continue;
        }
        if (action < 10) {  // move the ring to another CPU while traffic flows
            unsigned cpu = static_cast<unsigned>(rng() % ncpu);
            irq_set_affinity(ring_virq[ring], cpumask_of(cpu));
            CpuSet moved;  // events in flight may land on the old or the new CPU
            moved.set(cpu);
            sb.allow(ring_virq[ring], moved);
        }
        unsigned virq = ring_virq[ring];
        struct irq_data* d = irq_get_irq_data(virq);
        CpuSet allowed;
        const struct cpumask* eff = irq_data_get_effective_affinity_mask(d);
        for (unsigned c = 0; c < ncpu; c++)
            if (cpumask_test_cpu(c, eff))
                allowed.set(c);
        // A completion: the pending latch coalesces repeats, as real hardware does.
        sb.inject("ring" + std::to_string(ring), virq, allowed, now, true);
        const struct msi_msg& m = dev.slot[ring];
        g_fabric.msi_write((static_cast<uint64_t>(m.address_hi) << 32) | m.address_lo, m.data);
        if (rng() % 4 == 0)
            deliver();
    }
    deliver();
    irqsim_set_this_cpu(0);

    res.interrupts_table = capture_view([&](FILE* f) { irqsim_show_interrupts(f, ncpu); });
    res.domains_tree = capture_view([](FILE* f) { irqsim_show_domains(f); });
    res.verdict = sb.verdict();
    res.latency = sb.latency();
    res.latency_histogram = sb.latency_histogram();
    res.cpu_handled = sb.handled_per_cpu(ncpu);
    res.problems = sb.problems();
    for (const Injection* in : sb.outstanding())
        res.problems.push_back("lost: " + in->source + " (virq " + std::to_string(in->virq) +
                               ") injected at step " + std::to_string(in->cycle));
    if (g_fabric.bad_writes) {
        res.error = 2;
        res.error_text =
            std::to_string(g_fabric.bad_writes) + " MSI writes hit a wrong doorbell (message not rewritten)";
    }
    res.cycles = now;
    for (unsigned r = 0; r < kRings; r++)
        if (ring_virq[r])
            close_ring(r);
    msi_device_data_release(&dev.dev);
    irqsim_core_reset();
    res.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return res;
}

}  // namespace irqsim
