// SPDX-License-Identifier: MIT
/*
 * Running the actions of a virq and the flow handlers (level, edge, fasteoi,
 * simple, per-CPU, per-CPU devid, bad): which chip callbacks happen around the
 * handlers, and what happens when the irq is disabled, in progress or has no
 * handler.
 */
#include <sched.h>
#include <stdlib.h>

#include <linux/io.h>
#include <linux/irqdomain.h>

#include "internals.h"
#include "internals_chip.h"

/* ---- running the actions ---------------------------------------------------------------- */

/*
 * Which descs this thread is running handlers for, innermost first: lets
 * disable_irq()/free_irq() called from a handler skip waiting for itself.
 */
struct running_frame {
	struct irq_desc *desc;
	struct running_frame *prev;
};
static _Thread_local struct running_frame *running_top;

static bool running_on_this_thread(struct irq_desc *desc)
{
	for (struct running_frame *f = running_top; f; f = f->prev)
		if (f->desc == desc)
			return true;
	return false;
}

void synchronize_irq_desc(struct irq_desc *desc)
{
	bool busy;

	if (running_on_this_thread(desc))
		return;
	for (;;) {
		raw_spin_lock(&desc->lock);
		busy = desc_irqd_has(desc, IRQD_IRQ_INPROGRESS);
		raw_spin_unlock(&desc->lock);
		if (!busy)
			return;
		sched_yield();
	}
}

/* one handled entry on the current CPU (per-CPU count and tot_count) */
static void kstat_incr(struct irq_desc *desc)
{
	irqsim_kstat_inc(desc);
}

/* every action of a (possibly shared) line; called unlocked */
static irqreturn_t run_actions(struct irq_desc *desc, struct irqaction *action)
{
	struct running_frame frame = { desc, running_top };
	unsigned int irq = desc->irq_data.irq;
	unsigned int ret = IRQ_NONE;

	running_top = &frame;
	/* request_irq may append a shared handler meanwhile: it publishes ->next atomically */
	for (; action; action = __atomic_load_n(&action->next, __ATOMIC_ACQUIRE))
		ret |= (unsigned int)action->handler((int)irq, action->dev_id);
	running_top = frame.prev;
	return (irqreturn_t)ret;
}

irqreturn_t handle_irq_event(struct irq_desc *desc)
{
	struct irqaction *action = desc->action;
	irqreturn_t ret;

	desc->istate &= ~IRQS_PENDING;
	desc_irqd_set(desc, IRQD_IRQ_INPROGRESS);
	raw_spin_unlock(&desc->lock);

	ret = run_actions(desc, action);

	raw_spin_lock(&desc->lock);
	kstat_incr(desc);
	note_interrupt(desc, ret);
	desc_irqd_clr(desc, IRQD_IRQ_INPROGRESS);
	return ret;
}

/* another CPU (or a nested entry) is already running the handlers */
static bool irq_may_run(struct irq_desc *desc)
{
	return !desc_irqd_has(desc, IRQD_IRQ_INPROGRESS);
}

/* ---- flow handlers -------------------------------------------------------------------------- */

/**
 * handle_level_irq() - flow handler for level-triggered interrupts
 * @desc: the interrupt
 *
 * Masks and acks at entry (the line stays asserted until the device is
 * serviced), runs the actions, unmasks unless the irq got disabled.
 *
 * Return: nothing.
 */
void handle_level_irq(struct irq_desc *desc)
{
	raw_spin_lock(&desc->lock);
	mask_ack_irq(desc);
	if (!irq_may_run(desc))
		goto out;
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);
	if (!desc->action || desc_irqd_has(desc, IRQD_IRQ_DISABLED)) {
		desc->istate |= IRQS_PENDING;
		goto out;
	}
	handle_irq_event(desc);
	if (!desc_irqd_has(desc, IRQD_IRQ_DISABLED))
		unmask_irq(desc);
out:
	raw_spin_unlock(&desc->lock);
}

/**
 * handle_edge_irq() - flow handler for edge-triggered interrupts
 * @desc: the interrupt
 *
 * Acks at entry without masking, so a new edge during the handlers latches
 * again.  An edge that arrives while the handlers run (or while disabled,
 * or with no handler) is remembered as IRQS_PENDING with the line masked;
 * the running instance then unmasks and runs the handlers once more.
 *
 * Return: nothing.
 */
void handle_edge_irq(struct irq_desc *desc)
{
	raw_spin_lock(&desc->lock);
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);
	if (!irq_may_run(desc) || !desc->action || desc_irqd_has(desc, IRQD_IRQ_DISABLED)) {
		desc->istate |= IRQS_PENDING;
		mask_ack_irq(desc);
		goto out;
	}
	ack_irq(desc);
	do {
		if (!desc->action) {
			mask_irq(desc);
			goto out;
		}
		if ((desc->istate & IRQS_PENDING) && desc_irqd_has(desc, IRQD_IRQ_MASKED) &&
		    !desc_irqd_has(desc, IRQD_IRQ_DISABLED))
			unmask_irq(desc);
		handle_irq_event(desc);
	} while ((desc->istate & IRQS_PENDING) && !desc_irqd_has(desc, IRQD_IRQ_DISABLED));
out:
	raw_spin_unlock(&desc->lock);
}

/**
 * handle_fasteoi_irq() - flow handler for controllers with an end-of-interrupt
 * @desc: the interrupt
 *
 * No chip call at entry (the controller already holds the interrupt active);
 * irq_eoi after the actions.  Disabled or without handler: mark pending,
 * mask, eoi.
 *
 * Return: nothing.
 */
void handle_fasteoi_irq(struct irq_desc *desc)
{
	struct irq_chip *chip;

	raw_spin_lock(&desc->lock);
	chip = desc->irq_data.chip;
	if (!irq_may_run(desc))
		goto out_eoi;
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);
	if (!desc->action || desc_irqd_has(desc, IRQD_IRQ_DISABLED)) {
		desc->istate |= IRQS_PENDING;
		mask_irq(desc);
		goto out_eoi;
	}
	handle_irq_event(desc);
	eoi_irq(desc);
	raw_spin_unlock(&desc->lock);
	return;
out_eoi:
	if (!chip || !(chip->flags & IRQCHIP_EOI_IF_HANDLED))
		eoi_irq(desc);
	raw_spin_unlock(&desc->lock);
}

/**
 * handle_simple_irq() - flow handler without any chip call
 * @desc: the interrupt
 *
 * For demultiplexed interrupts whose parent handler already dealt with the
 * hardware.
 *
 * Return: nothing.
 */
void handle_simple_irq(struct irq_desc *desc)
{
	raw_spin_lock(&desc->lock);
	if (!irq_may_run(desc))
		goto out;
	desc->istate &= ~(IRQS_REPLAY | IRQS_WAITING);
	if (!desc->action || desc_irqd_has(desc, IRQD_IRQ_DISABLED)) {
		desc->istate |= IRQS_PENDING;
		goto out;
	}
	handle_irq_event(desc);
out:
	raw_spin_unlock(&desc->lock);
}

/**
 * handle_percpu_irq() - flow handler for per-CPU interrupts (shared dev_id)
 * @desc: the interrupt
 *
 * Ack if the chip has it, run the actions, eoi if the chip has it.  No
 * in-progress or disabled tracking: each CPU has its own instance.
 *
 * Return: nothing.
 */
void handle_percpu_irq(struct irq_desc *desc)
{
	struct irqaction *action;
	irqreturn_t ret;

	ack_irq(desc);
	raw_spin_lock(&desc->lock);
	action = desc->action;
	raw_spin_unlock(&desc->lock);
	ret = run_actions(desc, action);
	raw_spin_lock(&desc->lock);
	kstat_incr(desc);
	note_interrupt(desc, ret);
	raw_spin_unlock(&desc->lock);
	eoi_irq(desc);
}

/**
 * handle_percpu_devid_irq() - flow handler for per-CPU interrupts with per-CPU dev_id
 * @desc: the interrupt (a PPI or SGI)
 *
 * Ack if the chip has it, call the single action with this CPU's dev_id, eoi
 * if the chip has it.  Without a handler, or on a CPU where it was not
 * enabled, report it once and disable it on this CPU.
 *
 * Return: nothing.
 */
void handle_percpu_devid_irq(struct irq_desc *desc)
{
	unsigned int cpu = smp_processor_id();
	struct irqaction *action;
	bool enabled;

	ack_irq(desc);
	raw_spin_lock(&desc->lock);
	action = desc->action;
	enabled = action && desc->percpu_enabled && cpumask_test_cpu(cpu, desc->percpu_enabled);
	if (enabled) {
		kstat_incr(desc);
	} else {
		if (!(desc->istate & IRQS_PERCPU_SPURIOUS_LOGGED)) {
			desc->istate |= IRQS_PERCPU_SPURIOUS_LOGGED;
			pr_err("Spurious%s percpu IRQ%u on CPU%u", action ? " (not enabled)" : "",
			       desc->irq_data.irq, cpu);
		}
		irq_percpu_disable(desc, cpu);
	}
	raw_spin_unlock(&desc->lock);

	if (enabled) {
		struct running_frame frame = { desc, running_top };
		void *dev_id = action->percpu_dev_id && cpu < nr_cpu_ids ?
				       action->percpu_dev_id[cpu] :
				       NULL;

		running_top = &frame;
		action->handler((int)desc->irq_data.irq, dev_id);
		running_top = frame.prev;
	}
	eoi_irq(desc);
}

/**
 * handle_bad_irq() - flow handler of a virq nobody set up
 * @desc: the interrupt
 *
 * Counts a spurious interrupt on this CPU, reports the virq once and acks
 * it if the chip can.
 *
 * Return: nothing.
 */
void handle_bad_irq(struct irq_desc *desc)
{
	unsigned int cpu = smp_processor_id();

	irqsim_count_spurious(cpu);
	raw_spin_lock(&desc->lock);
	if (!(desc->istate & IRQS_BAD_LOGGED)) {
		desc->istate |= IRQS_BAD_LOGGED;
		pr_err("irq %u: unexpected interrupt (chip %s, hwirq %lu) on CPU%u",
		       desc->irq_data.irq,
		       desc->irq_data.chip && desc->irq_data.chip->name ?
			       desc->irq_data.chip->name :
			       "none",
		       desc->irq_data.hwirq, cpu);
	}
	ack_irq(desc);
	raw_spin_unlock(&desc->lock);
}

/**
 * irq_flow_handler_name() - short name of a flow handler for the views
 * @handler: a flow handler
 *
 * Return: "level", "edge", "fasteoi", "simple", "percpu", "percpu_devid",
 * "bad", "none" for NULL, "chained" for any other (demultiplexing) handler.
 */
const char *irq_flow_handler_name(irq_flow_handler_t handler)
{
	static const struct {
		irq_flow_handler_t fn;
		const char *name;
	} names[] = {
		/* clang-format off */
		{ handle_level_irq, "level" },
		{ handle_edge_irq, "edge" },
		{ handle_fasteoi_irq, "fasteoi" },
		{ handle_simple_irq, "simple" },
		{ handle_percpu_irq, "percpu" },
		{ handle_percpu_devid_irq, "percpu_devid" },
		{ handle_bad_irq, "bad" },
		/* clang-format on */
	};

	if (!handler)
		return "none";
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (names[i].fn == handler)
			return names[i].name;
	return "chained";
}
