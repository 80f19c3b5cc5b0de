// SPDX-License-Identifier: MIT
/*
 * An MSI parent written only against the kernel API, in the Linux 6.12+ form
 * (irq_domain_info, msi_create_parent_irq_domain, <linux/irqchip/irq-msi-lib.h>):
 * what a mainline MSI controller driver looks like to this tree.
 *
 * "irqsim,kapi-msi" turns a range of GIC SPIs into message-signalled
 * interrupts, the way GICv3 MBI does: a device writes the SPI's INTID to the
 * doorbell (`irqsim,doorbell = <hi lo>`: GICD_SETSPI_NSR on the SoC; not a reg,
 * the GICD frame is the GIC node's).  Its SPIs are
 * `irqsim,spi-range = <first-intid count>`; its interrupt parent is the GIC.
 * Per-device MSI domains (the IMS device, msi-parent = <&this node>) stack on
 * it through msi_lib_init_dev_msi_info.  Probed from the tree as a platform
 * driver; everything is devm, so an unbind or a failed probe leaves nothing.
 *
 * Used by the e2e test KapiMsiParentDelivery (session IMS parent "kapi").
 */
#define pr_fmt(fmt) "kapi-msi: " fmt

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/irq.h>
#include <linux/irqchip/irq-msi-lib.h>
#include <linux/irqdomain.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/msi.h>
#include <linux/mutex.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define KAPI_MSI_FIRST_SPI 32 /* INTID of SPI 0 (GIC binding: <0 spi type>) */

struct kapi_msi {
	phys_addr_t doorbell;
	u32 spi_start; /* first INTID */
	u32 nr_spis;
	unsigned long *bm; /* bit n: INTID spi_start + n allocated */
	struct mutex lock;
	struct irq_domain *domain;
};

static void kapi_msi_compose_msg(struct irq_data *d, struct msi_msg *msg)
{
	struct kapi_msi *km = irq_data_get_irq_chip_data(d);

	msg->data = (u32)d->hwirq;
	msi_msg_set_addr(irq_data_get_msi_desc(d), msg, km->doorbell);
}

static struct irq_chip kapi_msi_chip = {
	.name = "KAPI-MSI",
	.irq_mask = irq_chip_mask_parent,
	.irq_unmask = irq_chip_unmask_parent,
	.irq_eoi = irq_chip_eoi_parent,
	.irq_set_type = irq_chip_set_type_parent,
	.irq_set_affinity = irq_chip_set_affinity_parent,
	.irq_compose_msi_msg = kapi_msi_compose_msg,
};

/* the GIC level of one SPI: edge-rising, as messages are */
static int kapi_msi_alloc_parent(struct irq_domain *domain, unsigned int virq,
				 irq_hw_number_t hwirq)
{
	struct irq_fwspec fwspec = {
		.fwnode = domain->parent->fwnode,
		.param_count = 3,
		.param = { 0, (u32)hwirq - KAPI_MSI_FIRST_SPI, IRQ_TYPE_EDGE_RISING },
	};
	struct irq_data *d;
	int err;

	err = irq_domain_alloc_irqs_parent(domain, virq, 1, &fwspec);
	if (err)
		return err;
	d = irq_domain_get_irq_data(domain->parent, virq);
	return d->chip->irq_set_type(d, IRQ_TYPE_EDGE_RISING);
}

static int kapi_msi_domain_alloc(struct irq_domain *domain, unsigned int virq, unsigned int nr_irqs,
				 void *args)
{
	struct kapi_msi *km = domain->host_data;
	unsigned int i;
	int offset, err;

	(void)args;
	mutex_lock(&km->lock);
	offset = bitmap_find_free_region(km->bm, km->nr_spis, get_count_order(nr_irqs));
	mutex_unlock(&km->lock);
	if (offset < 0)
		return -ENOSPC;
	for (i = 0; i < nr_irqs; i++) {
		irq_hw_number_t hwirq = km->spi_start + (unsigned int)offset + i;

		err = kapi_msi_alloc_parent(domain, virq + i, hwirq);
		if (err)
			goto fail;
		irq_domain_set_hwirq_and_chip(domain, virq + i, hwirq, &kapi_msi_chip, km);
	}
	return 0;

fail:
	irq_domain_free_irqs_parent(domain, virq, i);
	mutex_lock(&km->lock);
	bitmap_release_region(km->bm, offset, get_count_order(nr_irqs));
	mutex_unlock(&km->lock);
	return err;
}

static void kapi_msi_domain_free(struct irq_domain *domain, unsigned int virq, unsigned int nr_irqs)
{
	struct irq_data *d = irq_domain_get_irq_data(domain, virq);
	struct kapi_msi *km = irq_data_get_irq_chip_data(d);

	mutex_lock(&km->lock);
	bitmap_release_region(km->bm, (unsigned int)(d->hwirq - km->spi_start),
			      get_count_order(nr_irqs));
	mutex_unlock(&km->lock);
	irq_domain_free_irqs_parent(domain, virq, nr_irqs);
}

static const struct irq_domain_ops kapi_msi_domain_ops = {
	.select = msi_lib_irq_domain_select,
	.alloc = kapi_msi_domain_alloc,
	.free = kapi_msi_domain_free,
};

#define KAPI_MSI_FLAGS_REQUIRED \
	(MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | MSI_FLAG_PCI_MSI_MASK_PARENT)
#define KAPI_MSI_FLAGS_SUPPORTED (MSI_GENERIC_FLAGS_MASK | MSI_FLAG_MULTI_PCI_MSI)

static const struct msi_parent_ops kapi_msi_parent_ops = {
	.supported_flags = KAPI_MSI_FLAGS_SUPPORTED,
	.required_flags = KAPI_MSI_FLAGS_REQUIRED,
	.chip_flags = MSI_CHIP_FLAG_SET_EOI,
	.bus_select_token = DOMAIN_BUS_NEXUS,
	.bus_select_mask = MATCH_PCI_MSI | MATCH_PLATFORM_MSI,
	.prefix = "KAPI-",
	.init_dev_msi_info = msi_lib_init_dev_msi_info,
};

static void kapi_msi_remove_domain(void *data)
{
	irq_domain_remove(data);
}

static void kapi_msi_mutex_destroy(void *data)
{
	mutex_destroy(data);
}

static int kapi_msi_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *np = dev_of_node(dev);
	struct irq_domain_info info = {
		.fwnode = of_fwnode_handle(np),
		.ops = &kapi_msi_domain_ops,
	};
	struct irq_domain *parent;
	struct kapi_msi *km;
	u64 doorbell;
	u32 range[2];
	int ret;

	parent = irq_find_host(of_irq_find_parent(np));
	if (!parent)
		return dev_err_probe(dev, -EPROBE_DEFER, "interrupt parent has no domain yet");
	if (of_property_read_u64(np, "irqsim,doorbell", &doorbell))
		return dev_err_probe(dev, -EINVAL,
				     "irqsim,doorbell (the bus address devices write) missing");
	ret = of_property_read_u32_array(np, "irqsim,spi-range", range, 2);
	if (ret || range[1] == 0 || range[0] < KAPI_MSI_FIRST_SPI)
		return dev_err_probe(dev, -EINVAL, "irqsim,spi-range must be <first-intid count>");

	km = devm_kzalloc(dev, sizeof(*km), GFP_KERNEL);
	if (!km)
		return -ENOMEM;
	km->doorbell = (phys_addr_t)doorbell;
	km->spi_start = range[0];
	km->nr_spis = range[1];
	km->bm = devm_bitmap_zalloc(dev, km->nr_spis, GFP_KERNEL);
	if (!km->bm)
		return -ENOMEM;
	mutex_init(&km->lock);
	ret = devm_add_action_or_reset(dev, kapi_msi_mutex_destroy, &km->lock);
	if (ret)
		return ret;

	info.host_data = km;
	info.parent = parent;
	km->domain = msi_create_parent_irq_domain(&info, &kapi_msi_parent_ops);
	if (!km->domain)
		return dev_err_probe(dev, -ENOMEM, "cannot create the MSI parent domain");
	ret = devm_add_action_or_reset(dev, kapi_msi_remove_domain, km->domain);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, km);
	dev_info(dev, "MSI parent: INTIDs %u..%u, doorbell %pa", km->spi_start,
		 km->spi_start + km->nr_spis - 1, &km->doorbell);
	return 0;
}

static const struct of_device_id kapi_msi_of_match[] = {
	{ .compatible = "irqsim,kapi-msi" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, kapi_msi_of_match);

static struct platform_driver kapi_msi_driver = {
	.probe = kapi_msi_probe,
	.driver = {
		.name = "kapi-msi",
		.of_match_table = kapi_msi_of_match,
	},
};
module_platform_driver(kapi_msi_driver);

MODULE_DESCRIPTION("Kernel-API-only MSI parent (Linux 6.12 MSI-parent library) over GIC SPIs");
MODULE_LICENSE("MIT");
