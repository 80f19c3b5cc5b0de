// SPDX-License-Identifier: MIT
/*
 * Stacked-chip helpers: irq_chip_*_parent() forward a callback to the next
 * level of the hierarchy, so a child chip (a router, an MSI layer) can leave
 * masking, EOI, affinity and type to the controller that owns them.
 */
#include <sched.h>
#include <stdlib.h>

#include <linux/io.h>
#include <linux/irqdomain.h>

#include "internals.h"
#include "internals_chip.h"

/* ---- stacked-chip helpers ---------------------------------------------------------------- */

/* the parent level, if its chip implements the callback "member" */
#define PARENT_WITH(data, member)                                      \
	((data) && (data)->parent_data && (data)->parent_data->chip && \
			 (data)->parent_data->chip->member ?           \
		 (data)->parent_data :                                 \
		 NULL)

/**
 * irq_chip_enable_parent() - enable the parent level (unmask if it cannot enable)
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_enable_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_enable);

	if (p) {
		irq_chip_annotate(p, "irq_enable");
		p->chip->irq_enable(p);
	} else {
		irq_chip_unmask_parent(data);
	}
}

/**
 * irq_chip_disable_parent() - disable the parent level (mask if it cannot disable)
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_disable_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_disable);

	if (p) {
		irq_chip_annotate(p, "irq_disable");
		p->chip->irq_disable(p);
	} else {
		irq_chip_mask_parent(data);
	}
}

/**
 * irq_chip_ack_parent() - ack at the parent level
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_ack_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_ack);

	if (p) {
		irq_chip_annotate(p, "irq_ack");
		p->chip->irq_ack(p);
	}
}

/**
 * irq_chip_mask_parent() - mask at the parent level
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_mask_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_mask);

	if (p) {
		irq_chip_annotate(p, "irq_mask");
		p->chip->irq_mask(p);
	}
}

/**
 * irq_chip_mask_ack_parent() - mask and ack at the parent level
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_mask_ack_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_mask_ack);

	if (p) {
		irq_chip_annotate(p, "irq_mask_ack");
		p->chip->irq_mask_ack(p);
		return;
	}
	irq_chip_mask_parent(data);
	irq_chip_ack_parent(data);
}

/**
 * irq_chip_unmask_parent() - unmask at the parent level
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_unmask_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_unmask);

	if (p) {
		irq_chip_annotate(p, "irq_unmask");
		p->chip->irq_unmask(p);
	}
}

/**
 * irq_chip_eoi_parent() - end of interrupt at the parent level
 * @data: this level
 *
 * The parent is expected to implement irq_eoi; a missing one is reported.
 *
 * Return: nothing.
 */
void irq_chip_eoi_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_eoi);

	if (p) {
		irq_chip_annotate(p, "irq_eoi");
		p->chip->irq_eoi(p);
	} else if (data) {
		pr_err("irq %u: eoi_parent: parent level has no irq_eoi", data->irq);
	}
}

/**
 * irq_chip_set_affinity_parent() - set affinity at the parent level
 * @data: this level
 * @dest: requested CPUs
 * @force: skip the online check
 *
 * Return: the parent's IRQ_SET_MASK_* / -errno, or -ENOSYS if it has none.
 */
int irq_chip_set_affinity_parent(struct irq_data *data, const struct cpumask *dest, bool force)
{
	struct irq_data *p = PARENT_WITH(data, irq_set_affinity);

	if (!p)
		return -ENOSYS;
	irq_chip_annotate(p, "irq_set_affinity");
	return p->chip->irq_set_affinity(p, dest, force);
}

/**
 * irq_chip_set_type_parent() - set the trigger type at the parent level
 * @data: this level
 * @type: IRQ_TYPE_*
 *
 * Return: the parent's result, or -ENOSYS if it has no irq_set_type.
 */
int irq_chip_set_type_parent(struct irq_data *data, unsigned int type)
{
	struct irq_data *p = PARENT_WITH(data, irq_set_type);

	if (!p)
		return -ENOSYS;
	irq_chip_annotate(p, "irq_set_type");
	return p->chip->irq_set_type(p, type);
}

/**
 * irq_chip_set_wake_parent() - set wake-up capability at the parent level
 * @data: this level
 * @on: enable or disable
 *
 * Return: 0 if the parent skips wake setup, its result, or -ENOSYS.
 */
int irq_chip_set_wake_parent(struct irq_data *data, unsigned int on)
{
	struct irq_data *p;

	if (data && data->parent_data && data->parent_data->chip &&
	    (data->parent_data->chip->flags & IRQCHIP_SKIP_SET_WAKE))
		return 0;
	p = PARENT_WITH(data, irq_set_wake);
	if (!p)
		return -ENOSYS;
	irq_chip_annotate(p, "irq_set_wake");
	return p->chip->irq_set_wake(p, on);
}

/**
 * irq_chip_retrigger_hierarchy() - retrigger at the first parent that can
 * @data: this level
 *
 * Return: the retrigger callback's result (non-zero: retriggered), 0 if none.
 */
int irq_chip_retrigger_hierarchy(struct irq_data *data)
{
	for (data = data ? data->parent_data : NULL; data; data = data->parent_data) {
		if (data->chip && data->chip->irq_retrigger) {
			irq_chip_annotate(data, "irq_retrigger");
			return data->chip->irq_retrigger(data);
		}
	}
	return 0;
}

/**
 * irq_chip_request_resources_parent() - request resources at the parent level
 * @data: this level
 *
 * Return: the parent's result, 0 if it has nothing to request.
 */
int irq_chip_request_resources_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_request_resources);

	if (!p)
		return 0;
	irq_chip_annotate(p, "irq_request_resources");
	return p->chip->irq_request_resources(p);
}

/**
 * irq_chip_release_resources_parent() - release resources at the parent level
 * @data: this level
 *
 * Return: nothing.
 */
void irq_chip_release_resources_parent(struct irq_data *data)
{
	struct irq_data *p = PARENT_WITH(data, irq_release_resources);

	if (p) {
		irq_chip_annotate(p, "irq_release_resources");
		p->chip->irq_release_resources(p);
	}
}

/**
 * irq_chip_get_parent_state() - read irqchip state at the parent level
 * @data: this level
 * @which: the state
 * @state: result
 *
 * Return: the parent's result, 0 if it cannot tell.
 */
int irq_chip_get_parent_state(struct irq_data *data, enum irqchip_irq_state which, bool *state)
{
	struct irq_data *p = PARENT_WITH(data, irq_get_irqchip_state);

	if (!p)
		return 0;
	irq_chip_annotate(p, "irq_get_irqchip_state");
	return p->chip->irq_get_irqchip_state(p, which, state);
}

/**
 * irq_chip_set_parent_state() - set irqchip state at the parent level
 * @data: this level
 * @which: the state
 * @val: new value
 *
 * Return: the parent's result, 0 if it cannot.
 */
int irq_chip_set_parent_state(struct irq_data *data, enum irqchip_irq_state which, bool val)
{
	struct irq_data *p = PARENT_WITH(data, irq_set_irqchip_state);

	if (!p)
		return 0;
	irq_chip_annotate(p, "irq_set_irqchip_state");
	return p->chip->irq_set_irqchip_state(p, which, val);
}

/**
 * irq_chip_compose_msi_msg() - compose the MSI message of an interrupt
 * @data: the level to start from (usually the MSI domain's)
 * @msg: filled in
 *
 * The innermost level whose chip composes messages knows the doorbell.
 *
 * Return: 0, or -ENOSYS if no level composes messages.
 */
int irq_chip_compose_msi_msg(struct irq_data *data, struct msi_msg *msg)
{
	struct irq_data *pos = NULL;

	for (; data; data = data->parent_data)
		if (data->chip && data->chip->irq_compose_msi_msg)
			pos = data;
	if (!pos)
		return -ENOSYS;
	irq_chip_annotate(pos, "irq_compose_msi_msg");
	pos->chip->irq_compose_msi_msg(pos, msg);
	return 0;
}
