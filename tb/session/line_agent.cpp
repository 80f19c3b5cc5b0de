// SPDX-License-Identifier: MIT
#include "line_agent.h"

#include <cerrno>

extern "C" {
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/of_irq.h>
}

namespace irqsim {

void LineAgent::on_irq(int irq, void* dev_id)
{
    LineSource& l = *static_cast<LineSource*>(dev_id);
    LineHost& host = l.agent->host_;
    host.scoreboard().handler_entry(static_cast<unsigned>(irq), smp_processor_id(), host.now());
    host.on_line_handler(static_cast<unsigned>(irq));
    l.handled++;
    // The device's status is cleared by its handler: a level line drops now.
    if (l.level)
        host.set_pin(l.line, false);
}

static irqreturn_t line_irq(int irq, void* dev_id)
{
    LineAgent::on_irq(irq, dev_id);
    return IRQ_HANDLED;
}

bool LineAgent::map(struct device_node* node, unsigned pins, std::string* err)
{
    int n = of_irq_count(node);
    if (n <= 0 || static_cast<unsigned>(n) > pins) {
        *err = "device tree: irqsim,lines: interrupts lists " + std::to_string(n) + " lines, the RTL has " +
               std::to_string(pins);
        return false;
    }
    lines_.clear();
    for (int i = 0; i < n; i++) {
        auto l = std::make_unique<LineSource>();
        l->agent = this;
        l->line = static_cast<unsigned>(i);
        l->virq = irq_of_parse_and_map(node, i);
        if (!l->virq) {
            *err = "device tree: irqsim,lines: interrupt " + std::to_string(i) + " does not map";
            lines_.clear();
            return false;
        }
        struct irq_data* d = irq_get_irq_data(l->virq);
        l->intid = static_cast<unsigned>(d ? d->hwirq : 0);
        l->level = (irq_get_trigger_type(l->virq) & IRQ_TYPE_LEVEL_MASK) != 0;
        l->name = "line" + std::to_string(i);
        lines_.push_back(std::move(l));
    }
    return true;
}

// What the GIC kept while the line was masked or freed (a level line still high, an
// edge latched pending) arrives once it is unmasked: book it first.
void LineAgent::book_kept(LineSource& l, CpuSet also, const char* while_what)
{
    bool kept = l.held && (!l.level || host_.pin(l.line));
    if (kept)
        host_.scoreboard().inject(l.name + " (kept while " + while_what + ")", l.virq,
                                  also | host_.effective_cpus(l.virq), host_.now(), true);
    l.held = false;
}

int LineAgent::request(unsigned n, unsigned cpu)
{
    LineSource& l = line(n);
    Scoreboard& sb = host_.scoreboard();
    // the handler may run as soon as the line is unmasked: book first
    sb.unsilence(l.virq);
    CpuSet target;
    target.set(cpu);
    book_kept(l, target, "freed");  // it will be routed to cpu
    int ret = request_irq(l.virq, line_irq, 0, l.name.c_str(), &l);
    if (!ret)
        ret = irq_set_affinity(l.virq, cpumask_of(cpu));
    if (ret == 0 || ret == IRQ_SET_MASK_OK_DONE) {
        l.requested = true;
        return 0;
    }
    sb.silence(l.virq);
    return ret;
}

int LineAgent::free(unsigned n)
{
    LineSource& l = line(n);
    if (!l.requested)
        return -EINVAL;
    host_.scoreboard().silence(l.virq);
    free_irq(l.virq, &l);
    l.requested = false;
    if (l.level)
        host_.set_pin(l.line, false);
    return 0;
}

int LineAgent::set_affinity(unsigned n, unsigned cpu)
{
    LineSource& l = line(n);
    int ret = irq_set_affinity(l.virq, cpumask_of(cpu));
    if (ret < 0)
        return ret;
    CpuSet s;
    s.set(cpu);
    host_.scoreboard().allow(l.virq, s);
    return 0;
}

void LineAgent::disable(unsigned n)
{
    LineSource& l = line(n);
    disable_irq(l.virq);
    l.disabled = true;
    host_.scoreboard().silence(l.virq);
}

void LineAgent::enable(unsigned n)
{
    LineSource& l = line(n);
    l.disabled = false;
    host_.scoreboard().unsilence(l.virq);
    book_kept(l, CpuSet(), "masked");
    enable_irq(l.virq);
}

void LineAgent::inject(unsigned n, bool expect)
{
    LineSource& l = line(n);
    if (!expect || !l.requested || l.disabled) {
        // masked or freed: the GIC may keep the event (pending latch / level),
        // but no handler may run for it now
        l.held = true;
    } else {
        // A level line already high, or an edge while the SPI is still pending, is
        // merged by the hardware: that is legal coalescing.
        host_.scoreboard().inject(l.name, l.virq, host_.effective_cpus(l.virq), host_.now(), true);
    }
    if (l.level)
        host_.set_pin(l.line, true);
    else
        host_.pulse_pin(l.line);
}

void LineAgent::book_undriven(unsigned n)
{
    LineSource& l = line(n);
    host_.scoreboard().inject(l.name, l.virq, host_.effective_cpus(l.virq), host_.now(), true);
}

}  // namespace irqsim
