// SPDX-License-Identifier: MIT
/*
 * TI K3-style interrupt router (INTR): a mux of M input lines onto N output
 * lines, each output wired to one parent (GIC SPI) interrupt.  The mux
 * registers are secure: the firmware programs them (set_irq / free_irq).
 *
 * Domain: hierarchy (tree) child of the GIC.  A specifier is one cell, the
 * INTR input line; the trigger type is the router's fixed one
 * (ti,intr-trigger-type).  Allocation takes a free output from the host's
 * range, allocates the parent SPI it drives (through ti,interrupt-ranges) and
 * asks the firmware to connect input -> output; every failure undoes it all.
 * Masking, EOI, type and affinity are the GIC's: an output is a 1:1 wire.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <linux/irqdomain.h>
#include <linux/of.h>

#include "ti-sci-internal.h"

#define TI_SCI_INTR_MAX 4

struct ti_sci_intr_irq_domain {
	bool used;
	const struct ti_sci_handle *sci;
	struct ti_sci_resource out_irqs;
	struct device_node *node;
	struct device_node *parent_node;
	bool parent_is_gic;
	struct irq_domain *domain;
	u32 ti_sci_id;
	u32 type;
};

/* static storage: nothing the core may still look at is freed by a reset */
static struct ti_sci_intr_irq_domain intr_instances[TI_SCI_INTR_MAX];

static struct irq_chip ti_sci_intr_irq_chip = {
	.name = "INTR",
	.irq_eoi = irq_chip_eoi_parent,
	.irq_mask = irq_chip_mask_parent,
	.irq_unmask = irq_chip_unmask_parent,
	.irq_set_type = irq_chip_set_type_parent,
	.irq_retrigger = irq_chip_retrigger_hierarchy,
	.irq_set_affinity = irq_chip_set_affinity_parent,
};

static int ti_sci_intr_irq_domain_translate(struct irq_domain *d, struct irq_fwspec *fwspec,
					    unsigned long *hwirq, unsigned int *type)
{
	struct ti_sci_intr_irq_domain *intr = d->host_data;

	if (fwspec->param_count != 1) {
		pr_err("irq: domain %s: %d-cell specifier, need 1 (input line)", d->name, fwspec->param_count);
		return -EINVAL;
	}
	*hwirq = fwspec->param[0];
	*type = intr->type;
	return 0;
}

/* allocate the parent interrupt output @out drives */
static int ti_sci_intr_alloc_parent_irq(struct irq_domain *d, unsigned int virq, u16 out)
{
	struct ti_sci_intr_irq_domain *intr = d->host_data;
	struct irq_fwspec fwspec = { .fwnode = d->parent->fwnode };
	u32 p_hwirq;
	int ret;

	ret = ti_sci_translate_range(intr->node, d->name, out, &p_hwirq);
	if (ret)
		return ret;
	if (intr->parent_is_gic) {
		if (p_hwirq < 32) {
			pr_err("irq: domain %s: output %u maps to INTID %u, not an SPI", d->name, out, p_hwirq);
			return -EINVAL;
		}
		fwspec.param_count = 3;
		fwspec.param[0] = 0; /* SPI */
		fwspec.param[1] = p_hwirq - 32;
		fwspec.param[2] = intr->type;
	} else {
		fwspec.param_count = 1;
		fwspec.param[0] = p_hwirq;
	}
	return irq_domain_alloc_irqs_parent(d, virq, 1, &fwspec);
}

static int ti_sci_intr_irq_domain_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs,
					void *arg)
{
	struct ti_sci_intr_irq_domain *intr = d->host_data;
	const struct ti_sci_rm_irq_ops *fw = &intr->sci->ops->rm_irq_ops;
	unsigned long hwirq;
	unsigned int type;
	u16 out;
	int ret;

	if (nr_irqs != 1) {
		pr_err("irq: domain %s: %u interrupts at once, the router allocates one", d->name, nr_irqs);
		return -EINVAL;
	}
	ret = ti_sci_intr_irq_domain_translate(d, arg, &hwirq, &type);
	if (ret)
		return ret;
	if (hwirq > 0xffff) {
		pr_err("irq: domain %s: input %lu out of range (max 65535)", d->name, hwirq);
		return -EINVAL;
	}
	out = ti_sci_get_free_resource(&intr->out_irqs);
	if (out == TI_SCI_RESOURCE_NULL) {
		pr_err("irq: domain %s: no free output line for input %lu (all %u of %u..%u in use)", d->name,
		       hwirq, intr->out_irqs.num, intr->out_irqs.start,
		       intr->out_irqs.start + intr->out_irqs.num - 1);
		return -ENOSPC;
	}
	ret = ti_sci_intr_alloc_parent_irq(d, virq, out);
	if (ret)
		goto err_out;
	irqsim_annotate("ti_sci:set_irq intr=%u input=%lu output=%u", intr->ti_sci_id, hwirq, out);
	ret = fw->set_irq(intr->sci, (u16)intr->ti_sci_id, (u16)hwirq, (u16)intr->ti_sci_id, out);
	if (ret) {
		pr_err("irq: domain %s: firmware refused input %lu -> output %u (%d)", d->name, hwirq, out, ret);
		goto err_parent;
	}
	/* chip_data = the output line (not the parent hwirq: ranges need not be identity) */
	ret = irq_domain_set_hwirq_and_chip(d, virq, hwirq, &ti_sci_intr_irq_chip, (void *)(uintptr_t)out);
	if (ret) {
		fw->free_irq(intr->sci, (u16)intr->ti_sci_id, (u16)hwirq, (u16)intr->ti_sci_id, out);
		goto err_parent;
	}
	return 0;

err_parent:
	irq_domain_free_irqs_parent(d, virq, 1);
err_out:
	ti_sci_release_resource(&intr->out_irqs, out);
	return ret;
}

static void ti_sci_intr_irq_domain_free(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	struct ti_sci_intr_irq_domain *intr = d->host_data;

	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *data = irq_domain_get_irq_data(d, virq + i);
		u16 out;
		int ret;

		if (!data)
			continue;
		out = (u16)(uintptr_t)data->chip_data;
		irqsim_annotate("ti_sci:free_irq intr=%u input=%lu output=%u", intr->ti_sci_id, data->hwirq, out);
		ret = intr->sci->ops->rm_irq_ops.free_irq(intr->sci, (u16)intr->ti_sci_id, (u16)data->hwirq,
							  (u16)intr->ti_sci_id, out);
		if (ret)
			pr_err("irq: domain %s: firmware could not free input %lu -> output %u (%d)", d->name,
			       data->hwirq, out, ret);
		ti_sci_release_resource(&intr->out_irqs, out);
		irq_domain_reset_irq_data(data);
		irq_domain_free_irqs_parent(d, virq + i, 1);
	}
}

static const struct irq_domain_ops ti_sci_intr_irq_domain_ops = {
	.translate = ti_sci_intr_irq_domain_translate,
	.alloc = ti_sci_intr_irq_domain_alloc,
	.free = ti_sci_intr_irq_domain_free,
};

static void ti_sci_intr_reset(void)
{
	for (unsigned int i = 0; i < TI_SCI_INTR_MAX; i++) {
		if (!intr_instances[i].used)
			continue;
		ti_sci_resource_destroy(&intr_instances[i].out_irqs);
		memset(&intr_instances[i], 0, sizeof(intr_instances[i]));
	}
}

/**
 * ti_sci_intr_of_init() - probe a "ti,sci-intr" interrupt router
 * @node: its device-tree node
 * @parent: its interrupt parent (the GIC)
 *
 * Return: 0, -ENODEV (no parent domain / no TI-SCI firmware), -EINVAL (bad
 * properties), -ENOSPC (too many routers), or the firmware's range error.
 */
int ti_sci_intr_of_init(struct device_node *node, struct device_node *parent)
{
	struct ti_sci_intr_irq_domain *intr = NULL;
	struct irq_domain *parent_domain;
	char name[32];
	int ret;

	if (!node)
		return -EINVAL;
	irqsim_register_reset_hook(ti_sci_intr_reset);
	parent_domain = parent ? irq_find_host(parent) : NULL;
	if (!parent_domain) {
		pr_err("ti_sci_intr: %s: interrupt parent %s has no domain", node->path,
		       parent ? parent->path : "(none)");
		return -ENODEV;
	}
	for (unsigned int i = 0; i < TI_SCI_INTR_MAX && !intr; i++)
		if (!intr_instances[i].used)
			intr = &intr_instances[i];
	if (!intr) {
		pr_err("ti_sci_intr: %s: more than %d routers", node->path, TI_SCI_INTR_MAX);
		return -ENOSPC;
	}
	memset(intr, 0, sizeof(*intr));
	intr->sci = ti_sci_probe_handle(node);
	if (!intr->sci)
		return -ENODEV;
	if (of_property_read_u32(node, "ti,intr-trigger-type", &intr->type) ||
	    (intr->type != IRQ_TYPE_EDGE_RISING && intr->type != IRQ_TYPE_LEVEL_HIGH)) {
		pr_err("ti_sci_intr: %s: ti,intr-trigger-type missing or not 1 (edge) / 4 (level)", node->path);
		return -EINVAL;
	}
	if (of_property_read_u32(node, "ti,sci-dev-id", &intr->ti_sci_id) || intr->ti_sci_id > 0xffff) {
		pr_err("ti_sci_intr: %s: ti,sci-dev-id missing or invalid", node->path);
		return -EINVAL;
	}
	ret = ti_sci_check_ranges(node);
	if (ret)
		return ret;
	ret = ti_sci_resource_init(&intr->out_irqs, intr->sci, node, intr->ti_sci_id,
				   TI_SCI_RESASG_SUBTYPE_IR_OUTPUT, "output");
	if (ret)
		return ret;
	intr->node = node;
	intr->parent_node = parent;
	intr->parent_is_gic = of_device_is_compatible(parent, "arm,gic-v3");
	intr->domain = irq_domain_create_hierarchy(parent_domain, 0, 0, of_node_to_fwnode(node),
						   &ti_sci_intr_irq_domain_ops, intr);
	if (!intr->domain) {
		ti_sci_resource_destroy(&intr->out_irqs);
		return -ENOMEM;
	}
	snprintf(name, sizeof(name), "INTR%u", intr->ti_sci_id);
	ti_sci_name_domain(intr->domain, name);
	irq_domain_update_bus_token(intr->domain, DOMAIN_BUS_WIRED);
	intr->used = true;
	pr_info("ti_sci_intr: %s: outputs %u..%u, %s", node->path, intr->out_irqs.start,
		intr->out_irqs.start + intr->out_irqs.num - 1,
		intr->type == IRQ_TYPE_LEVEL_HIGH ? "level" : "edge");
	return 0;
}
