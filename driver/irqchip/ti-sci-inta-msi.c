// SPDX-License-Identifier: MIT
/*
 * The INTA-MSI domain: one vector per (client TI-SCI device, source index),
 * e.g. one per DMA ring, allocated on demand with msi_domain_alloc_irq_at().
 * Every chip operation is the INTA's.  The message is composed by the INTA
 * chip ({doorbell, global event}, see irq-ti-sci-inta.c) and recorded in the
 * descriptor at activation; the INTA-MSI chip writes it nowhere (the DMA-ring
 * device has no message register: the firmware's event map programs it).  A
 * client that signals by bus writes reads its message from the descriptor.
 * The MSI layer's locks make concurrent allocation and freeing safe; the
 * INTA's VINT bookkeeping has its own mutex (request/release_resources).
 *
 * The INTA domain is also an MSI parent (ti_sci_inta_msi_parent_ops, created
 * with msi_create_parent_irq_domain, bus token NEXUS): a per-device domain
 * (IMS) created on it is set up by msi_lib_init_dev_msi_info, then gets the
 * same hwirq encoding and the INTA's chip operations; its own
 * irq_write_msi_msg receives the message.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/sprintf.h>
#include <linux/string.h>

#include <linux/irqchip/irq-msi-lib.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>

#include "irq-ti-sci-inta-internal.h"

static void ti_sci_inta_msi_write(struct irq_data *data, struct msi_msg *msg)
{
	(void)data;
	(void)msg;
}

static int ti_sci_inta_msi_prepare(struct irq_domain *domain, struct device *dev, int nvec,
				   msi_alloc_info_t *arg)
{
	(void)nvec;
	if (dev->id < 0 || dev->id > 0xffff) {
		pr_err("domain %s: device %s has no TI-SCI device id (id %d, need 0..65535)",
		       domain->name, dev_name(dev) ? dev_name(dev) : "?", dev->id);
		return -EINVAL;
	}
	memset(arg, 0, sizeof(*arg));
	return 0;
}

static void ti_sci_inta_msi_set_desc(msi_alloc_info_t *arg, struct msi_desc *desc)
{
	arg->desc = desc;
	arg->hwirq = TI_SCI_INTA_HWIRQ(desc->dev->id, desc->msi_index);
}

/**
 * ti_sci_inta_msi_create_irq_domain() - create the MSI domain of an INTA
 * @fwnode: the INTA's node
 * @info: completed in place: chip ops forwarded to the INTA, no-op message
 *        callbacks, prepare/set_desc giving hwirq = dev->id << 16 | index
 * @parent: the INTA domain
 * Return: the domain or NULL (logged).
 */
struct irq_domain *ti_sci_inta_msi_create_irq_domain(struct fwnode_handle *fwnode,
						     struct msi_domain_info *info,
						     struct irq_domain *parent)
{
	struct irq_chip *chip = info->chip;
	struct irq_domain *d;

	if (!chip || !info->ops) {
		pr_err("msi domain %s: INTA-MSI needs a chip and msi_domain_ops",
		       fwnode ? fwnode->name : "?");
		return NULL;
	}
	chip->irq_request_resources = irq_chip_request_resources_parent;
	chip->irq_release_resources = irq_chip_release_resources_parent;
	chip->irq_mask = irq_chip_mask_parent;
	chip->irq_unmask = irq_chip_unmask_parent;
	chip->irq_ack = irq_chip_ack_parent;
	chip->irq_set_type = irq_chip_set_type_parent;
	chip->irq_compose_msi_msg = NULL; /* the INTA level composes */
	chip->irq_write_msi_msg = ti_sci_inta_msi_write;
	/*
	 * No irq_set_affinity: the INTA refuses it (shared VINTs), and leaving it
	 * out tells the core so up front instead of failing at every startup.
	 */
	chip->irq_set_affinity = NULL;
	info->ops->msi_prepare = ti_sci_inta_msi_prepare;
	info->ops->set_desc = ti_sci_inta_msi_set_desc;
	info->flags |= MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_FREE_MSI_DESCS;
	info->flags &= ~(u32)MSI_FLAG_USE_DEF_CHIP_OPS;
	d = msi_create_irq_domain(fwnode, info, parent);
	if (d)
		irq_domain_update_bus_token(d, DOMAIN_BUS_TI_SCI_INTA_MSI);
	return d;
}

/*
 * A per-device domain on the INTA: msi_lib's set-up (flags, irq_ack forwarded,
 * no affinity: MSI_FLAG_NO_AFFINITY is required), then the INTA's own:
 * hwirq = dev->id << 16 | index as above, mask/unmask/type and the resource
 * requests forwarded to the INTA, no early activation (the global event,
 * hence the message, exists only once the vector is requested).
 */
static bool ti_sci_inta_init_dev_msi_info(struct device *dev, struct irq_domain *domain,
					  struct irq_domain *msi_parent_domain,
					  struct msi_domain_info *info)
{
	struct irq_chip *chip = info->chip;

	if (dev->id < 0 || dev->id > 0xffff) {
		pr_err("domain %s: device %s has no TI-SCI device id (id %d, need 0..65535)",
		       domain->name, dev_name(dev) ? dev_name(dev) : "?", dev->id);
		return false;
	}
	if (!msi_lib_init_dev_msi_info(dev, domain, msi_parent_domain, info))
		return false;
	info->ops->msi_prepare = ti_sci_inta_msi_prepare;
	info->ops->set_desc = ti_sci_inta_msi_set_desc;
	info->flags &= ~(u32)MSI_FLAG_ACTIVATE_EARLY;
	chip->irq_request_resources = irq_chip_request_resources_parent;
	chip->irq_release_resources = irq_chip_release_resources_parent;
	if (!chip->irq_mask)
		chip->irq_mask = irq_chip_mask_parent;
	if (!chip->irq_unmask)
		chip->irq_unmask = irq_chip_unmask_parent;
	if (!chip->irq_set_type)
		chip->irq_set_type = irq_chip_set_type_parent;
	/* a VINT is shared: even a template's own affinity callback would fail at every request */
	chip->irq_set_affinity = NULL;
	chip->irq_compose_msi_msg = NULL;
	if (!info->handler) {
		info->handler = handle_edge_irq;
		info->handler_name = "edge";
	}
	return true;
}

const struct msi_parent_ops ti_sci_inta_msi_parent_ops = {
	.supported_flags = MSI_GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX | MSI_FLAG_PCI_MSIX_ALLOC_DYN,
	.required_flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_FREE_MSI_DESCS | MSI_FLAG_NO_AFFINITY,
	.chip_flags = MSI_CHIP_FLAG_SET_ACK,
	.bus_select_token = DOMAIN_BUS_NEXUS,
	.bus_select_mask = MATCH_PLATFORM_MSI,
	.prefix = "INTA-",
	.init_dev_msi_info = ti_sci_inta_init_dev_msi_info,
};

int ti_sci_inta_msi_domain_init(struct ti_sci_inta_irq_domain *inta)
{
	char name[32];

	memset(&inta->msi_info, 0, sizeof(inta->msi_info));
	memset(&inta->msi_ops, 0, sizeof(inta->msi_ops));
	memset(&inta->msi_chip, 0, sizeof(inta->msi_chip));
	inta->msi_chip.name = "MSI-INTA";
	inta->msi_chip.flags = IRQCHIP_SUPPORTS_LEVEL_MSI;
	inta->msi_info.chip = &inta->msi_chip;
	inta->msi_info.ops = &inta->msi_ops;
	inta->msi_info.flags = MSI_FLAG_LEVEL_CAPABLE;
	inta->msi_info.handler = handle_edge_irq;
	inta->msi_info.handler_name = "edge";
	inta->msi_domain = ti_sci_inta_msi_create_irq_domain(of_node_to_fwnode(inta->node),
							     &inta->msi_info, inta->domain);
	if (!inta->msi_domain)
		return -ENOMEM;
	snprintf(name, sizeof(name), "INTA%u-MSI", inta->ti_sci_id);
	ti_sci_name_domain(inta->msi_domain, name);
	return 0;
}
