// SPDX-License-Identifier: MIT
#include "dma_ring_agent.h"

#include <cerrno>

extern "C" {
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/interrupt.h>
}

namespace irqsim {

DmaRingAgent::DmaRingAgent(DmaRingHost& host, dma_ring_device* dev) : host_(host), dev_(dev)
{
    for (unsigned r = 0; dev_ && r < dma_ring_count(dev_); r++) {
        auto rc = std::make_unique<RingChannel>();
        rc->agent = this;
        rc->ring = r;
        rc->name = "dma ring " + std::to_string(r);
        rings_.push_back(std::move(rc));
    }
}

// the device side of the handler: how far the ring got, each completion answered once
void DmaRingAgent::on_irq(int irq, void* ctx)
{
    RingChannel& rc = *static_cast<RingChannel*>(ctx);
    DmaRingAgent& a = *rc.agent;
    unsigned cpu = smp_processor_id();
    uint64_t entry = a.host_.now();
    a.host_.on_ring_handler(static_cast<unsigned>(irq));
    rc.handled++;
    uint32_t done = dma_ring_completed(a.dev_, rc.ring);
    uint32_t fresh = done - rc.seen;
    rc.seen = done;
    rc.observed += fresh;
    if (!fresh)
        rc.empty_runs++;
    a.host_.scoreboard().handler_entry(static_cast<unsigned>(irq), cpu, entry, fresh);
}

static irqreturn_t ring_irq(int irq, void* ctx)
{
    DmaRingAgent::on_irq(irq, ctx);
    return IRQ_HANDLED;
}

int DmaRingAgent::request(unsigned r)
{
    RingChannel& rc = ring(r);
    if (rc.active)
        return -EBUSY;
    // descriptors still pending from an earlier channel would raise events nobody booked
    if (dma_ring_pending(dev_, r) != 0)
        return -EAGAIN;
    rc.seen = dma_ring_completed(dev_, r);
    int ret = dma_ring_request_channel(dev_, r, ring_irq, &rc);
    if (ret < 0)
        return ret;
    rc.virq = static_cast<unsigned>(ret);
    rc.active = true;
    rc.vint = host_.ring_vint(r);
    host_.on_channel_change(true);
    host_.scoreboard().unsilence(rc.virq);
    return 0;
}

int DmaRingAgent::release(unsigned r)
{
    RingChannel& rc = ring(r);
    if (!rc.active)
        return -EINVAL;
    host_.scoreboard().silence(rc.virq);  // nothing may arrive from here on
    int ret = dma_ring_release_channel(dev_, r);
    rc.active = false;
    rc.virq = 0;
    host_.on_channel_change(false);
    return ret;
}

int DmaRingAgent::post(unsigned r, unsigned n)
{
    RingChannel& rc = ring(r);
    if (rc.active && n) {
        CpuSet allowed = host_.channel_cpus(rc);
        for (unsigned k = 0; k < n; k++)
            host_.scoreboard().inject(rc.name, rc.virq, allowed, host_.now(), true);
        rc.posted += n;
    }
    return dma_ring_post(dev_, r, n);
}

}  // namespace irqsim
