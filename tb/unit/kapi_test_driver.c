// SPDX-License-Identifier: MIT
/*
 * A test irqchip driver written only against the kernel API (<linux/...>
 * headers, no irqsim ones): what a mainline driver looks like to this tree.
 *
 * "irqsim,kapi-intc" is a root controller bound as a plain platform driver
 * (of_match_table, devm allocations, ioremap of its reg, a hierarchy-capable
 * irq domain removed through a devm action).  "irqsim,kapi-intc-child" is
 * stacked on it through IRQCHIP_PLATFORM_DRIVER_BEGIN/MATCH/END, so its init
 * runs only once the parent's domain exists.
 *
 * "irqsim,kapi-declared" is an IRQCHIP_DECLARE row for irqchip_init_from_fdt().
 *
 * Used by kapi_driver_test.cpp through the kapi_test_* counters below.
 */
#define pr_fmt(fmt) "kapi-intc: " fmt

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

/* ---- what the test observes and steers ---------------------------------------- */
int kapi_test_root_defer;     /* >0: the root's probe defers (and counts down) */
int kapi_test_root_probes;    /* successful root probes */
int kapi_test_root_removes;   /* root remove() calls */
int kapi_test_domains_live;   /* domains created and not yet removed */
int kapi_test_child_inits;    /* successful child inits */
int kapi_test_privs_live;     /* driver-private structures alive (freed by devres) */
int kapi_test_declared_inits; /* IRQCHIP_DECLARE init calls */

#define KAPI_NR_IRQS 32

struct kapi_intc {
	void __iomem *base;
	unsigned long *used; /* hwirqs handed out */
	struct irq_domain *domain;
	phys_addr_t phys;
};

static void kapi_mask(struct irq_data *d)
{
	(void)d;
}
static void kapi_unmask(struct irq_data *d)
{
	(void)d;
}

static struct irq_chip kapi_root_chip = {
	.name = "kapi-root",
	.irq_mask = kapi_mask,
	.irq_unmask = kapi_unmask,
};

static int kapi_root_translate(struct irq_domain *d, struct irq_fwspec *fwspec,
			       unsigned long *hwirq, unsigned int *type)
{
	return irq_domain_translate_onecell(d, fwspec, hwirq, type);
}

static int kapi_root_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs, void *arg)
{
	struct kapi_intc *intc = d->host_data;
	struct irq_fwspec *fwspec = arg;
	unsigned long hwirq;
	unsigned int type;
	int ret = kapi_root_translate(d, fwspec, &hwirq, &type);

	if (ret)
		return ret;
	if (hwirq >= KAPI_NR_IRQS || nr_irqs > KAPI_NR_IRQS - hwirq)
		return -EINVAL;
	for (unsigned int i = 0; i < min(nr_irqs, (unsigned int)KAPI_NR_IRQS); i++) {
		set_bit(hwirq + i, intc->used);
		irq_domain_set_info(d, virq + i, hwirq + i, &kapi_root_chip, intc, handle_level_irq,
				    NULL, NULL);
	}
	return 0;
}

static void kapi_root_free(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	struct kapi_intc *intc = d->host_data;

	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *irqd = irq_domain_get_irq_data(d, virq + i);

		if (irqd)
			clear_bit(irqd->hwirq, intc->used);
	}
	irq_domain_free_irqs_common(d, virq, nr_irqs);
}

static const struct irq_domain_ops kapi_root_ops = {
	.translate = kapi_root_translate,
	.alloc = kapi_root_alloc,
	.free = kapi_root_free,
};

static void kapi_remove_domain(void *data)
{
	irq_domain_remove(data);
	kapi_test_domains_live--;
}

static void kapi_priv_gone(void *data)
{
	(void)data;
	kapi_test_privs_live--;
}

/* devm_kzalloc plus a marker action, so the test can see devres release it */
static void *kapi_alloc_priv(struct device *dev, size_t size)
{
	void *p = devm_kzalloc(dev, size, GFP_KERNEL);

	if (!p)
		return NULL;
	kapi_test_privs_live++;
	if (devm_add_action_or_reset(dev, kapi_priv_gone, p))
		return NULL;
	return p;
}

static int kapi_root_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct kapi_intc *intc;
	struct resource *res;

	if (kapi_test_root_defer > 0) {
		kapi_test_root_defer--;
		return dev_err_probe(dev, -EPROBE_DEFER, "test asked to wait");
	}
	intc = kapi_alloc_priv(dev, sizeof(*intc));
	if (!intc)
		return -ENOMEM;
	intc->base = devm_platform_get_and_ioremap_resource(pdev, 0, &res);
	if (IS_ERR(intc->base))
		return dev_err_probe(dev, PTR_ERR(intc->base), "no registers");
	intc->phys = res->start;
	intc->used = devm_bitmap_zalloc(dev, KAPI_NR_IRQS, GFP_KERNEL);
	if (!intc->used)
		return -ENOMEM;
	intc->domain = irq_domain_create_hierarchy(
		NULL, 0, KAPI_NR_IRQS, of_fwnode_handle(dev_of_node(dev)), &kapi_root_ops, intc);
	if (!intc->domain)
		return dev_err_probe(dev, -ENOMEM, "cannot create irq domain");
	kapi_test_domains_live++;
	if (devm_add_action_or_reset(dev, kapi_remove_domain, intc->domain))
		return -ENOMEM;
	platform_set_drvdata(pdev, intc);
	pr_info("%pOF: %d irqs at %pa", dev_of_node(dev), KAPI_NR_IRQS, &intc->phys);
	kapi_test_root_probes++;
	return 0;
}

static void kapi_root_remove(struct platform_device *pdev)
{
	struct kapi_intc *intc = platform_get_drvdata(pdev);

	WARN_ON(!intc);
	kapi_test_root_removes++;
}

static const struct of_device_id kapi_root_of_match[] = {
	{ .compatible = "irqsim,kapi-intc" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, kapi_root_of_match);

static struct platform_driver kapi_root_driver = {
	.probe = kapi_root_probe,
	.remove = kapi_root_remove,
	.driver = {
		.name = "kapi-intc",
		.of_match_table = kapi_root_of_match,
	},
};
module_platform_driver(kapi_root_driver);

/* ---- the stacked child, as an IRQCHIP_PLATFORM_DRIVER -------------------------------- */

static struct irq_chip kapi_child_chip = {
	.name = "kapi-child",
	.irq_mask = irq_chip_mask_parent,
	.irq_unmask = irq_chip_unmask_parent,
};

static int kapi_child_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs,
			    void *arg)
{
	struct irq_fwspec *fwspec = arg, parent_spec;
	int ret;

	if (fwspec->param_count != 1 || fwspec->param[0] >= 16)
		return -EINVAL;
	/* child line n is root line n + 8 */
	parent_spec.fwnode = d->parent->fwnode;
	parent_spec.param_count = 1;
	parent_spec.param[0] = fwspec->param[0] + 8;
	ret = irq_domain_alloc_irqs_parent(d, virq, nr_irqs, &parent_spec);
	if (ret)
		return ret;
	return irq_domain_set_hwirq_and_chip(d, virq, fwspec->param[0], &kapi_child_chip,
					     d->host_data);
}

static const struct irq_domain_ops kapi_child_ops = {
	.translate = kapi_root_translate,
	.alloc = kapi_child_alloc,
	.free = irq_domain_free_irqs_common,
};

static int kapi_child_init(struct device_node *node, struct device_node *parent)
{
	struct platform_device *pdev = of_find_device_by_node(node);
	struct irq_domain *parent_domain = irq_find_host(parent);
	struct irq_domain *domain;
	void *priv;

	if (!pdev || !parent_domain)
		return -ENODEV;
	priv = kapi_alloc_priv(&pdev->dev, 64);
	if (!priv)
		return -ENOMEM;
	domain = irq_domain_create_hierarchy(parent_domain, 0, 16, of_fwnode_handle(node),
					     &kapi_child_ops, priv);
	if (!domain)
		return -ENOMEM;
	kapi_test_domains_live++;
	if (devm_add_action_or_reset(&pdev->dev, kapi_remove_domain, domain))
		return -ENOMEM;
	dev_info(&pdev->dev, "stacked on %pOFn", parent);
	kapi_test_child_inits++;
	return 0;
}

IRQCHIP_PLATFORM_DRIVER_BEGIN(kapi_child)
IRQCHIP_MATCH("irqsim,kapi-intc-child", kapi_child_init)
IRQCHIP_PLATFORM_DRIVER_END(kapi_child)
MODULE_DESCRIPTION("irqsim kernel-API test irqchip");
MODULE_LICENSE("GPL");

/* ---- an IRQCHIP_DECLARE row, used by irqchip_init_from_fdt() --------------------------- */

static int __init kapi_declared_init(struct device_node *node, struct device_node *parent)
{
	pr_info("declared %pOF, parent %pOF", node, parent);
	kapi_test_declared_inits++;
	return 0;
}
IRQCHIP_DECLARE(kapi_declared, "irqsim,kapi-declared", kapi_declared_init);
