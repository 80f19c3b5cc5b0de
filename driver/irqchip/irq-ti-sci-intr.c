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
#define pr_fmt(fmt) "ti_sci_intr: " fmt

#include <linux/sprintf.h>
#include <linux/string.h>

#include <linux/err.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

#include "ti-sci-internal.h"

#define TI_SCI_INTR_MAX 4

struct ti_sci_intr_irq_domain {
	bool used;
	const struct ti_sci_handle *sci;
	struct ti_sci_resource *out_irqs; /* devm: gone with the binding */
	struct device_node *node;
	struct device_node *parent_node;
	bool parent_is_gic;
	struct irq_domain *domain;
	u32 ti_sci_id;
	u32 type;
};

/*
 * Static storage, not devm: the domain outlives the binding until the core's
 * reset removes it, and vectors freed by the MSI layer's reset (after the
 * drivers unbind) still reach ti_sci_intr_irq_domain_free through it.  The
 * binding owns the slot's contents (released by a devm action).
 */
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
		pr_err("domain %s: %d-cell specifier, need 1 (input line)", d->name,
		       fwspec->param_count);
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
			pr_err("domain %s: output %u maps to INTID %u, not an SPI", d->name, out,
			       p_hwirq);
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

static int ti_sci_intr_irq_domain_alloc(struct irq_domain *d, unsigned int virq,
					unsigned int nr_irqs, void *arg)
{
	struct ti_sci_intr_irq_domain *intr = d->host_data;
	const struct ti_sci_rm_irq_ops *fw = &intr->sci->ops.rm_irq_ops;
	unsigned long hwirq;
	unsigned int type;
	u16 out;
	int ret;

	if (nr_irqs != 1) {
		pr_err("domain %s: %u interrupts at once, the router allocates one", d->name,
		       nr_irqs);
		return -EINVAL;
	}
	ret = ti_sci_intr_irq_domain_translate(d, arg, &hwirq, &type);
	if (ret)
		return ret;
	if (hwirq > 0xffff) {
		pr_err("domain %s: input %lu out of range (max 65535)", d->name, hwirq);
		return -EINVAL;
	}
	out = ti_sci_get_free_resource(intr->out_irqs);
	if (out == TI_SCI_RESOURCE_NULL) {
		pr_err("domain %s: no free output line for input %lu (all %u of %u..%u in use)",
		       d->name, hwirq, ti_sci_get_num_resources(intr->out_irqs),
		       intr->out_irqs->desc[0].start,
		       intr->out_irqs->desc[0].start + intr->out_irqs->desc[0].num - 1);
		return -ENOSPC;
	}
	ret = ti_sci_intr_alloc_parent_irq(d, virq, out);
	if (ret)
		goto err_out;
	pr_debug("set_irq intr=%u input=%lu output=%u\n", intr->ti_sci_id, hwirq, out);
	ret = fw->set_irq(intr->sci, (u16)intr->ti_sci_id, (u16)hwirq, (u16)intr->ti_sci_id, out);
	if (ret) {
		pr_err("domain %s: firmware refused input %lu -> output %u (%d)", d->name, hwirq,
		       out, ret);
		goto err_parent;
	}
	/* chip_data = the output line (not the parent hwirq: ranges need not be identity) */
	ret = irq_domain_set_hwirq_and_chip(d, virq, hwirq, &ti_sci_intr_irq_chip,
					    (void *)(uintptr_t)out);
	if (ret) {
		fw->free_irq(intr->sci, (u16)intr->ti_sci_id, (u16)hwirq, (u16)intr->ti_sci_id,
			     out);
		goto err_parent;
	}
	return 0;

err_parent:
	irq_domain_free_irqs_parent(d, virq, 1);
err_out:
	ti_sci_release_resource(intr->out_irqs, out);
	return ret;
}

static void ti_sci_intr_irq_domain_free(struct irq_domain *d, unsigned int virq,
					unsigned int nr_irqs)
{
	struct ti_sci_intr_irq_domain *intr = d->host_data;

	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *data = irq_domain_get_irq_data(d, virq + i);
		u16 out;
		int ret;

		if (!data)
			continue;
		out = (u16)(uintptr_t)data->chip_data;
		pr_debug("free_irq intr=%u input=%lu output=%u\n", intr->ti_sci_id, data->hwirq,
			 out);
		ret = intr->sci->ops.rm_irq_ops.free_irq(intr->sci, (u16)intr->ti_sci_id,
							 (u16)data->hwirq, (u16)intr->ti_sci_id,
							 out);
		if (ret)
			pr_err("domain %s: firmware could not free input %lu -> output %u (%d)",
			       d->name, data->hwirq, out, ret);
		ti_sci_release_resource(intr->out_irqs, out);
		irq_domain_reset_irq_data(data);
		irq_domain_free_irqs_parent(d, virq + i, 1);
	}
}

static const struct irq_domain_ops ti_sci_intr_irq_domain_ops = {
	.translate = ti_sci_intr_irq_domain_translate,
	.alloc = ti_sci_intr_irq_domain_alloc,
	.free = ti_sci_intr_irq_domain_free,
};

/* devm action: the slot goes back when the binding ends (the output resource is devm itself) */
static void ti_sci_intr_release(void *data)
{
	struct ti_sci_intr_irq_domain *intr = data;

	memset(intr, 0, sizeof(*intr));
}

static struct ti_sci_intr_irq_domain *ti_sci_intr_take_slot(struct device *dev)
{
	for (unsigned int i = 0; i < TI_SCI_INTR_MAX; i++) {
		if (intr_instances[i].used)
			continue;
		memset(&intr_instances[i], 0, sizeof(intr_instances[i]));
		intr_instances[i].used = true;
		if (devm_add_action_or_reset(dev, ti_sci_intr_release, &intr_instances[i]))
			return ERR_PTR(-ENOMEM);
		return &intr_instances[i];
	}
	return ERR_PTR(dev_err_probe(dev, -ENOSPC, "more than %d routers", TI_SCI_INTR_MAX));
}

static int ti_sci_intr_irq_domain_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *node = dev_of_node(dev);
	struct ti_sci_intr_irq_domain *intr;
	struct irq_domain *parent_domain;
	struct device_node *parent_node;
	char name[32];
	int ret;

	parent_node = of_irq_find_parent(node);
	if (!parent_node || parent_node == node)
		return dev_err_probe(dev, -ENODEV, "no interrupt parent");
	parent_domain = irq_find_host(parent_node);
	if (!parent_domain)
		return dev_err_probe(dev, -EPROBE_DEFER, "interrupt parent %pOF has no domain yet",
				     parent_node);

	intr = ti_sci_intr_take_slot(dev);
	if (IS_ERR(intr))
		return (int)PTR_ERR(intr);
	intr->sci = devm_ti_sci_get_by_phandle(dev, "ti,sci");
	if (IS_ERR(intr->sci))
		return dev_err_probe(
			dev, (int)PTR_ERR(intr->sci),
			"no TI-SCI firmware (ti,sci names its node; the harness installs the model)");
	if (of_property_read_u32(node, "ti,intr-trigger-type", &intr->type) ||
	    (intr->type != IRQ_TYPE_EDGE_RISING && intr->type != IRQ_TYPE_LEVEL_HIGH))
		return dev_err_probe(dev, -EINVAL,
				     "ti,intr-trigger-type missing or not 1 (edge) / 4 (level)");
	if (of_property_read_u32(node, "ti,sci-dev-id", &intr->ti_sci_id) ||
	    intr->ti_sci_id > 0xffff)
		return dev_err_probe(dev, -EINVAL, "ti,sci-dev-id missing or invalid");
	ret = ti_sci_check_ranges(node);
	if (ret)
		return ret;
	intr->out_irqs = devm_ti_sci_get_resource(intr->sci, dev, intr->ti_sci_id,
						  TI_SCI_RESASG_SUBTYPE_IR_OUTPUT);
	if (IS_ERR(intr->out_irqs))
		return dev_err_probe(dev, (int)PTR_ERR(intr->out_irqs),
				     "no output range for TI-SCI device %u", intr->ti_sci_id);
	intr->node = node;
	intr->parent_node = parent_node;
	intr->parent_is_gic = of_device_is_compatible(parent_node, "arm,gic-v3");
	/* the domain lives until the core reset removes every domain (see intr_instances) */
	intr->domain = irq_domain_create_hierarchy(parent_domain, 0, 0, of_node_to_fwnode(node),
						   &ti_sci_intr_irq_domain_ops, intr);
	if (!intr->domain)
		return -ENOMEM;
	snprintf(name, sizeof(name), "INTR%u", intr->ti_sci_id);
	ti_sci_name_domain(intr->domain, name);
	irq_domain_update_bus_token(intr->domain, DOMAIN_BUS_WIRED);
	platform_set_drvdata(pdev, intr);
	dev_info(dev, "Interrupt Router %u domain created: outputs %u..%u, %s", intr->ti_sci_id,
		 intr->out_irqs->desc[0].start,
		 intr->out_irqs->desc[0].start + intr->out_irqs->desc[0].num - 1,
		 intr->type == IRQ_TYPE_LEVEL_HIGH ? "level" : "edge");
	return 0;
}

static const struct of_device_id ti_sci_intr_irq_domain_of_match[] = {
	{ .compatible = "ti,sci-intr" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, ti_sci_intr_irq_domain_of_match);

static struct platform_driver ti_sci_intr_irq_domain_driver = {
	.probe = ti_sci_intr_irq_domain_probe,
	.driver = {
		.name = "ti-sci-intr",
		.of_match_table = ti_sci_intr_irq_domain_of_match,
		.suppress_bind_attrs = true,
	},
};
module_platform_driver(ti_sci_intr_irq_domain_driver);

MODULE_DESCRIPTION("K3-style interrupt router driver");
MODULE_LICENSE("MIT");
