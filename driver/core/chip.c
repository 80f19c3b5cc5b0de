// SPDX-License-Identifier: MIT
/*
 * Per-virq setup (chip, handler, type, data), the interrupt state machine
 * (startup/shutdown/enable/disable/mask/unmask, keeping IRQD_IRQ_MASKED and
 * IRQD_IRQ_DISABLED true to what the chip was told), the annotated calls
 * into the outermost irq_chip and the irqchip state accessors.
 * Stacked-chip helpers are in chip_parent.c, flow handlers in handle.c.
 */
#include <sched.h>
#include <stdlib.h>

#include <linux/io.h>
#include <linux/irqdomain.h>

#include "internals.h"
#include "internals_chip.h"
/**
 * irq_chip_annotate() - note the chip callback about to be made
 * @d: irq_data of the level whose chip is called
 * @callback: callback name ("irq_unmask", ...)
 *
 * Shows up as "<chip>:<callback> hwirq=<n>" next to the bus accesses the
 * callback causes.  Costs one test when no backend listens.
 *
 * Return: nothing.
 */
void irq_chip_annotate(struct irq_data *d, const char *callback)
{
	if (!d || !irqsim_annotate_enabled())
		return;
	irqsim_annotate("%s:%s hwirq=%lu", d->chip && d->chip->name ? d->chip->name : "none",
			callback, d->hwirq);
}

struct irq_desc *irq_desc_for_api(unsigned int irq, const char *who)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc)
		pr_err("%s: no such irq %u", who, irq);
	return desc;
}

/* ---- annotated calls on the outermost chip (desc lock held) -------------------- */

static struct irq_chip *desc_chip(struct irq_desc *desc)
{
	return desc->irq_data.chip;
}

void mask_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (desc_irqd_has(desc, IRQD_IRQ_MASKED))
		return;
	if (chip && chip->irq_mask) {
		irq_chip_annotate(&desc->irq_data, "irq_mask");
		chip->irq_mask(&desc->irq_data);
		desc_irqd_set(desc, IRQD_IRQ_MASKED);
	}
}

void unmask_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (!desc_irqd_has(desc, IRQD_IRQ_MASKED))
		return;
	if (chip && chip->irq_unmask) {
		irq_chip_annotate(&desc->irq_data, "irq_unmask");
		chip->irq_unmask(&desc->irq_data);
		desc_irqd_clr(desc, IRQD_IRQ_MASKED);
	}
}

void ack_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (chip && chip->irq_ack) {
		irq_chip_annotate(&desc->irq_data, "irq_ack");
		chip->irq_ack(&desc->irq_data);
	}
}

void mask_ack_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (chip && chip->irq_mask_ack) {
		irq_chip_annotate(&desc->irq_data, "irq_mask_ack");
		chip->irq_mask_ack(&desc->irq_data);
		desc_irqd_set(desc, IRQD_IRQ_MASKED);
		return;
	}
	mask_irq(desc);
	ack_irq(desc);
}

void eoi_irq(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (chip && chip->irq_eoi) {
		irq_chip_annotate(&desc->irq_data, "irq_eoi");
		chip->irq_eoi(&desc->irq_data);
	}
}

/* ---- state machine (desc lock held) ---------------------------------------------- */

void irq_enable(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (!desc_irqd_has(desc, IRQD_IRQ_DISABLED)) {
		unmask_irq(desc);
		return;
	}
	desc_irqd_clr(desc, IRQD_IRQ_DISABLED);
	if (chip && chip->irq_enable) {
		irq_chip_annotate(&desc->irq_data, "irq_enable");
		chip->irq_enable(&desc->irq_data);
		desc_irqd_clr(desc, IRQD_IRQ_MASKED);
	} else {
		unmask_irq(desc);
	}
}

/*
 * Disabling is not lazy here: the line is masked at once, so a simulated
 * device sees exactly the register writes disable_irq() implies.
 */
void irq_disable(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (desc_irqd_has(desc, IRQD_IRQ_DISABLED)) {
		mask_irq(desc);
		return;
	}
	desc_irqd_set(desc, IRQD_IRQ_DISABLED);
	if (chip && chip->irq_disable) {
		irq_chip_annotate(&desc->irq_data, "irq_disable");
		chip->irq_disable(&desc->irq_data);
		desc_irqd_set(desc, IRQD_IRQ_MASKED);
	} else {
		mask_irq(desc);
	}
}

void __disable_irq(struct irq_desc *desc)
{
	if (!desc->depth++)
		irq_disable(desc);
}

bool irq_can_set_affinity_desc(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (desc_irqd_has(desc, IRQD_PER_CPU) || (desc->status_use_accessors & IRQ_PER_CPU))
		return false;
	return chip && chip->irq_set_affinity;
}

void irq_setup_affinity(struct irq_desc *desc)
{
	struct cpumask want;

	if (!irq_can_set_affinity_desc(desc))
		return;
	/* the user's choice if there is one, else anywhere */
	if (desc_irqd_has(desc, IRQD_AFFINITY_SET) &&
	    cpumask_intersects(&desc->irq_common_data.affinity, cpu_online_mask))
		cpumask_and(&want, &desc->irq_common_data.affinity, cpu_online_mask);
	else
		cpumask_copy(&want, cpu_online_mask);
	if (cpumask_empty(&want))
		return; /* no CPU up yet: the first irq_set_affinity will route it */
	irq_do_set_affinity(&desc->irq_data, &want, false);
}

int irq_startup(struct irq_desc *desc, bool resend)
{
	struct irq_chip *chip = desc_chip(desc);
	int ret = 0;

	desc->depth = 0;
	if (desc_irqd_has(desc, IRQD_IRQ_STARTED)) {
		irq_enable(desc);
	} else {
		if (chip && chip->irq_startup) {
			irq_chip_annotate(&desc->irq_data, "irq_startup");
			ret = (int)chip->irq_startup(&desc->irq_data);
			desc_irqd_clr(desc, IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED);
		} else {
			irq_enable(desc);
		}
		desc_irqd_set(desc, IRQD_IRQ_STARTED);
		irq_setup_affinity(desc);
	}
	if (resend)
		(void)check_irq_resend(desc);
	return ret;
}

void irq_shutdown(struct irq_desc *desc)
{
	struct irq_chip *chip = desc_chip(desc);

	if (desc_irqd_has(desc, IRQD_IRQ_STARTED)) {
		desc_irqd_clr(desc, IRQD_IRQ_STARTED);
		if (chip && chip->irq_shutdown) {
			irq_chip_annotate(&desc->irq_data, "irq_shutdown");
			chip->irq_shutdown(&desc->irq_data);
			desc_irqd_set(desc, IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED);
		} else {
			irq_disable(desc);
		}
	}
	desc->depth = 1;
	desc->istate &= ~IRQS_PENDING;
}

bool check_irq_resend(struct irq_desc *desc)
{
	struct irq_data *d;

	if (!(desc->istate & IRQS_PENDING))
		return false;
	desc->istate &= ~IRQS_PENDING;
	/* a level interrupt is still asserted: the hardware raises it again */
	if (desc_irqd_has(desc, IRQD_LEVEL))
		return false;
	for (d = &desc->irq_data; d; d = d->parent_data) {
		if (d->chip && d->chip->irq_retrigger) {
			irq_chip_annotate(d, "irq_retrigger");
			if (d->chip->irq_retrigger(d))
				return false;
			break;
		}
	}
	return desc->handle_irq && desc->action;
}

int __irq_set_trigger(struct irq_desc *desc, unsigned int type)
{
	struct irq_chip *chip = desc_chip(desc);
	bool masked_here = false;
	int ret;

	type &= IRQ_TYPE_SENSE_MASK;
	if (!chip || !chip->irq_set_type) {
		/* nothing to program: remember the type for the views and the flow */
		irqd_set_trigger_type(&desc->irq_data, type);
		goto store_level;
	}
	if ((chip->flags & IRQCHIP_SET_TYPE_MASKED) && !desc_irqd_has(desc, IRQD_IRQ_MASKED)) {
		mask_irq(desc);
		masked_here = desc_irqd_has(desc, IRQD_IRQ_MASKED);
	}
	irq_chip_annotate(&desc->irq_data, "irq_set_type");
	ret = chip->irq_set_type(&desc->irq_data, type);
	if (ret != IRQ_SET_MASK_OK && ret != IRQ_SET_MASK_OK_NOCOPY) {
		pr_err("irq %u: %s refused trigger type 0x%x (%d)", desc->irq_data.irq,
		       chip->name ? chip->name : "chip", type, ret);
		if (masked_here)
			unmask_irq(desc);
		return ret < 0 ? ret : -EINVAL;
	}
	if (ret == IRQ_SET_MASK_OK)
		irqd_set_trigger_type(&desc->irq_data, type);
	if (masked_here)
		unmask_irq(desc);
store_level:
	type = irqd_get_trigger_type(&desc->irq_data);
	desc->status_use_accessors &= ~(IRQ_TYPE_SENSE_MASK | IRQ_LEVEL);
	desc->status_use_accessors |= type;
	if (type & IRQ_TYPE_LEVEL_MASK) {
		desc->status_use_accessors |= IRQ_LEVEL;
		desc_irqd_set(desc, IRQD_LEVEL);
	} else {
		desc_irqd_clr(desc, IRQD_LEVEL);
	}
	return 0;
}

/* ---- per-CPU devid ------------------------------------------------------------------ */

void irq_percpu_enable(struct irq_desc *desc, unsigned int cpu)
{
	struct irq_chip *chip = desc_chip(desc);

	if (chip && chip->irq_enable) {
		irq_chip_annotate(&desc->irq_data, "irq_enable");
		chip->irq_enable(&desc->irq_data);
	} else if (chip && chip->irq_unmask) {
		irq_chip_annotate(&desc->irq_data, "irq_unmask");
		chip->irq_unmask(&desc->irq_data);
	}
	if (desc->percpu_enabled)
		cpumask_set_cpu(cpu, desc->percpu_enabled);
}

void irq_percpu_disable(struct irq_desc *desc, unsigned int cpu)
{
	struct irq_chip *chip = desc_chip(desc);

	if (chip && chip->irq_disable) {
		irq_chip_annotate(&desc->irq_data, "irq_disable");
		chip->irq_disable(&desc->irq_data);
	} else if (chip && chip->irq_mask) {
		irq_chip_annotate(&desc->irq_data, "irq_mask");
		chip->irq_mask(&desc->irq_data);
	}
	if (desc->percpu_enabled)
		cpumask_clear_cpu(cpu, desc->percpu_enabled);
}

/* ---- setting up a virq ---------------------------------------------------------------- */

/**
 * irq_set_chip() - set the outermost irq_chip of a virq
 * @irq: virq
 * @chip: the chip; NULL means no_irq_chip
 *
 * Return: 0, or -EINVAL for an unknown virq.
 */
int irq_set_chip(unsigned int irq, const struct irq_chip *chip)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_chip");

	if (!desc)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	desc->irq_data.chip = (struct irq_chip *)(chip ? chip : &no_irq_chip);
	raw_spin_unlock(&desc->lock);
	return 0;
}

/**
 * irq_set_chip_data() - set the chip-private data of the outermost level
 * @irq: virq
 * @data: the data
 *
 * Return: 0, or -EINVAL for an unknown virq.
 */
int irq_set_chip_data(unsigned int irq, void *data)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_chip_data");

	if (!desc)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	desc->irq_data.chip_data = data;
	raw_spin_unlock(&desc->lock);
	return 0;
}

/**
 * irq_set_handler_data() - set the flow handler's data of a virq
 * @irq: virq
 * @data: the data
 *
 * Return: 0, or -EINVAL for an unknown virq.
 */
int irq_set_handler_data(unsigned int irq, void *data)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_handler_data");

	if (!desc)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	desc->irq_common_data.handler_data = data;
	raw_spin_unlock(&desc->lock);
	return 0;
}

/**
 * irq_set_msi_desc() - attach an MSI descriptor to a virq
 * @irq: virq
 * @entry: the descriptor (NULL detaches); entry->irq is left to the MSI layer
 *
 * Return: 0, or -EINVAL for an unknown virq.
 */
int irq_set_msi_desc(unsigned int irq, struct msi_desc *entry)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_msi_desc");

	if (!desc)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	desc->irq_common_data.msi_desc = entry;
	raw_spin_unlock(&desc->lock);
	return 0;
}

/**
 * irq_set_irq_type() - program the trigger type of a virq
 * @irq: virq
 * @type: IRQ_TYPE_* (IRQ_TYPE_NONE leaves the current type alone)
 *
 * Calls irq_set_type of the outermost chip, masked first when the chip asks
 * for it; stores the type (and IRQD_LEVEL) on success.
 *
 * Return: 0, -EINVAL for an unknown virq, or the chip's error.
 */
int irq_set_irq_type(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_irq_type");
	int ret = 0;

	if (!desc)
		return -EINVAL;
	if (!(type & IRQ_TYPE_SENSE_MASK))
		return 0;
	raw_spin_lock(&desc->lock);
	ret = __irq_set_trigger(desc, type);
	raw_spin_unlock(&desc->lock);
	return ret;
}

/**
 * __irq_set_handler() - install (or remove) the flow handler of a virq
 * @irq: virq
 * @handle: flow handler; NULL removes it (handle_bad_irq, masked, disabled)
 * @is_chained: the handler demultiplexes a parent interrupt: the virq becomes
 *	not requestable, gets its stored trigger type programmed, and is activated
 *	and started up at once
 * @name: flow name shown in the views, or NULL
 *
 * Return: nothing; problems are logged.
 */
void __irq_set_handler(unsigned int irq, irq_flow_handler_t handle, int is_chained,
		       const char *name)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_handler");
	unsigned int type;
	int ret;

	if (!desc)
		return;
	if (!handle)
		handle = handle_bad_irq;

	if (handle == handle_bad_irq) {
		raw_spin_lock(&desc->lock);
		if (desc->irq_data.chip && desc->irq_data.chip != &no_irq_chip)
			mask_ack_irq(desc);
		desc_irqd_set(desc, IRQD_IRQ_DISABLED);
		desc_irqd_clr(desc, IRQD_IRQ_STARTED);
		desc->depth = 1;
		desc->handle_irq = handle;
		desc->name = name;
		if (desc->istate & IRQS_CHAINED)
			desc->status_use_accessors &= ~(IRQ_NOREQUEST | IRQ_NOPROBE | IRQ_NOTHREAD);
		desc->istate &= ~IRQS_CHAINED;
		raw_spin_unlock(&desc->lock);
		return;
	}

	raw_spin_lock(&desc->lock);
	if (is_chained && desc->action) {
		raw_spin_unlock(&desc->lock);
		pr_err("irq %u: cannot chain a handler to a requested irq", irq);
		return;
	}
	desc->handle_irq = handle;
	desc->name = name;
	if (!is_chained) {
		desc->istate &= ~IRQS_CHAINED;
		raw_spin_unlock(&desc->lock);
		return;
	}
	desc->istate |= IRQS_CHAINED;
	desc->status_use_accessors |= IRQ_NOREQUEST | IRQ_NOPROBE | IRQ_NOTHREAD;
	type = irqd_get_trigger_type(&desc->irq_data);
	if (type != IRQ_TYPE_NONE)
		(void)__irq_set_trigger(desc, type);
	raw_spin_unlock(&desc->lock);

	/* activation may program other levels' hardware: not under the desc lock */
	ret = irq_domain_activate_irq(&desc->irq_data, false);
	if (ret) {
		pr_err("irq %u: activating chained handler failed (%d)", irq, ret);
		return;
	}
	raw_spin_lock(&desc->lock);
	(void)irq_startup(desc, true);
	raw_spin_unlock(&desc->lock);
}

/**
 * irq_set_chip_and_handler_name() - set chip and flow handler of a virq
 * @irq: virq
 * @chip: chip (NULL: no_irq_chip)
 * @handle: flow handler
 * @name: flow name for the views, or NULL
 *
 * Return: nothing; an unknown virq is logged.
 */
void irq_set_chip_and_handler_name(unsigned int irq, const struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name)
{
	if (irq_set_chip(irq, chip))
		return;
	__irq_set_handler(irq, handle, 0, name);
}

/**
 * irq_set_chained_handler_and_data() - install a demultiplexing handler
 * @irq: the parent virq
 * @handle: the chained flow handler (NULL removes it)
 * @data: handler data, read back with irq_desc_get_handler_data()
 *
 * Return: nothing; an unknown virq is logged.
 */
void irq_set_chained_handler_and_data(unsigned int irq, irq_flow_handler_t handle, void *data)
{
	if (irq_set_handler_data(irq, data))
		return;
	__irq_set_handler(irq, handle, 1, NULL);
}

/**
 * irq_set_percpu_devid() - make a virq per-CPU with a dev_id per CPU
 * @irq: virq
 *
 * Allocates the per-CPU enable mask and marks the virq IRQ_PER_CPU,
 * IRQ_PER_CPU_DEVID, IRQ_NOAUTOEN, IRQ_NOPROBE and IRQ_NOTHREAD.  Calling it
 * again is harmless.
 *
 * Return: 0, -EINVAL for an unknown virq, -ENOMEM.
 */
int irq_set_percpu_devid(unsigned int irq)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_percpu_devid");
	struct cpumask *mask;

	if (!desc)
		return -EINVAL;
	mask = calloc(1, sizeof(*mask));
	if (!mask)
		return -ENOMEM;
	raw_spin_lock(&desc->lock);
	if (!desc->percpu_enabled) {
		desc->percpu_enabled = mask;
		mask = NULL;
	}
	desc->status_use_accessors |= IRQ_PER_CPU | IRQ_PER_CPU_DEVID | IRQ_NOAUTOEN | IRQ_NOPROBE |
				      IRQ_NOTHREAD;
	desc_irqd_set(desc, IRQD_PER_CPU);
	raw_spin_unlock(&desc->lock);
	free(mask);
	return 0;
}

/**
 * irq_modify_status() - change the IRQ_* settings of a virq
 * @irq: virq
 * @clr: IRQ_* bits to clear
 * @set: IRQ_* bits to set
 *
 * Keeps the per-irq_data view (IRQD_PER_CPU, IRQD_NO_BALANCING, IRQD_LEVEL,
 * trigger type) in step with the settings.
 *
 * Return: nothing; an unknown virq is logged.
 */
void irq_modify_status(unsigned int irq, unsigned long clr, unsigned long set)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_modify_status");
	unsigned int st, trigger;

	if (!desc)
		return;
	raw_spin_lock(&desc->lock);
	st = desc->status_use_accessors;
	st = (st & ~(unsigned int)clr) | (unsigned int)set;
	desc->status_use_accessors = st;

	trigger = irqd_get_trigger_type(&desc->irq_data);
	desc_irqd_clr(desc, IRQD_PER_CPU | IRQD_NO_BALANCING | IRQD_LEVEL | IRQD_TRIGGER_MASK);
	if (st & IRQ_PER_CPU)
		desc_irqd_set(desc, IRQD_PER_CPU);
	if (st & IRQ_NO_BALANCING)
		desc_irqd_set(desc, IRQD_NO_BALANCING);
	if (st & IRQ_LEVEL)
		desc_irqd_set(desc, IRQD_LEVEL);
	if (st & IRQ_TYPE_SENSE_MASK)
		trigger = st & IRQ_TYPE_SENSE_MASK;
	desc_irqd_set(desc, trigger);
	raw_spin_unlock(&desc->lock);
}

/* ---- chip state ----------------------------------------------------------------------- */

static struct irq_data *first_with_state(struct irq_data *d, bool set)
{
	for (; d; d = d->parent_data) {
		if (!d->chip)
			continue;
		if (set ? d->chip->irq_set_irqchip_state != NULL :
			  d->chip->irq_get_irqchip_state != NULL)
			return d;
	}
	return NULL;
}

/**
 * irq_get_irqchip_state() - read pending/active/masked/line state from the chip
 * @irq: virq
 * @which: the state to read
 * @state: result
 *
 * Asks the first level, outermost first, whose chip can answer.
 *
 * Return: 0, -EINVAL (unknown virq, or no level can answer), or the chip's error.
 */
int irq_get_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool *state)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_get_irqchip_state");
	struct irq_data *d;
	int ret = -EINVAL;

	if (!desc || !state)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	d = first_with_state(&desc->irq_data, false);
	if (d) {
		irq_chip_annotate(d, "irq_get_irqchip_state");
		ret = d->chip->irq_get_irqchip_state(d, which, state);
	}
	raw_spin_unlock(&desc->lock);
	if (!d)
		pr_err("irq %u: no chip in the hierarchy reports state %d", irq, (int)which);
	return ret;
}

/**
 * irq_set_irqchip_state() - force pending/active/masked state in the chip
 * @irq: virq
 * @which: the state to set
 * @val: new value
 *
 * Return: 0, -EINVAL (unknown virq, or no level can do it), or the chip's error.
 */
int irq_set_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool val)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_set_irqchip_state");
	struct irq_data *d;
	int ret = -EINVAL;

	if (!desc)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	d = first_with_state(&desc->irq_data, true);
	if (d) {
		irq_chip_annotate(d, "irq_set_irqchip_state");
		ret = d->chip->irq_set_irqchip_state(d, which, val);
	}
	raw_spin_unlock(&desc->lock);
	if (!d)
		pr_err("irq %u: no chip in the hierarchy can set state %d", irq, (int)which);
	return ret;
}
