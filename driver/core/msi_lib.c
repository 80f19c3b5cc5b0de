// SPDX-License-Identifier: MIT
/*
 * The MSI-parent library (<linux/irqchip/irq-msi-lib.h>): the select callback
 * and the per-device domain set-up an MSI parent domain shares with every
 * other.  msi_create_device_irq_domain() (msi_domain.c) calls the parent's
 * init_dev_msi_info on its copy of the device's template; with
 * msi_lib_init_dev_msi_info the parent's msi_parent_ops alone decide what the
 * device domain may do (flags) and which chip callbacks reach the parent.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/irqchip/irq-msi-lib.h>
#include <linux/of.h>

#include "internals.h"

static const char *lib_dev_name(const struct device *dev)
{
	return dev && dev->name ? dev->name : "?";
}

/* upstream warns once per site; a log line per refusal says which device and why */
static bool lib_refuse(const struct device *dev, const struct irq_domain *parent, const char *why)
{
	pr_warn("msi-lib: %s: cannot stack a device MSI domain on %s: %s", lib_dev_name(dev),
		parent ? parent->name : "?", why);
	return false;
}

/**
 * msi_lib_init_dev_msi_info() - set up a per-device MSI domain below an MSI parent
 * @dev: the device the domain is for
 * @domain: the domain whose msi_parent_ops called this (the parent)
 * @real_parent: the parent the device domain stacks on; must be @domain (no
 *               intermediate MSI parents here)
 * @info: the device domain's info, a private copy of the device's template
 *
 * By the child's bus token: a PCI device domain (DOMAIN_BUS_PCI_DEVICE_MSI/X)
 * keeps its flags as far as the parent supports them; a device MSI domain
 * (DOMAIN_BUS_DEVICE_MSI) must come with no flags at all and gets the core's
 * descriptor management (its chip's irq_write_msi_msg is its only business);
 * DOMAIN_BUS_WIRED_TO_MSI is treated like it without the flag check.  The
 * parent's required_flags are then added (MSI_FLAG_PCI_MSI_MASK_PARENT only
 * for PCI children).  The chip gets irq_eoi / irq_ack = the *_parent helpers
 * when the parent's chip_flags ask for them and the chip has none, the MSI
 * layer's set_affinity unless MSI_FLAG_NO_AFFINITY, and the parent's
 * mask/unmask under MSI_FLAG_PCI_MSI_MASK_PARENT.
 *
 * Return: true; false (logged) when the parent has no msi_parent_ops, its bus
 * token is not its bus_select_token, @real_parent is another domain, the chip
 * cannot write messages, the child's bus token is not one of the above, or a
 * device MSI template carries flags.
 */
bool msi_lib_init_dev_msi_info(struct device *dev, struct irq_domain *domain,
			       struct irq_domain *real_parent, struct msi_domain_info *info)
{
	const struct msi_parent_ops *pops = real_parent ? real_parent->msi_parent_ops : NULL;
	struct irq_chip *chip = info ? info->chip : NULL;
	u32 required;

	if (!pops)
		return lib_refuse(dev, real_parent, "the parent has no msi_parent_ops");
	if (!domain || domain->bus_token != pops->bus_select_token)
		return lib_refuse(dev, real_parent,
				  "the parent's bus token is not its bus_select_token");
	if (domain != real_parent)
		return lib_refuse(dev, real_parent, "stacked MSI parents are not supported");
	if (!chip || !chip->irq_write_msi_msg)
		return lib_refuse(dev, real_parent, "the device chip has no irq_write_msi_msg");

	required = pops->required_flags;
	switch (info->bus_token) {
	case DOMAIN_BUS_PCI_DEVICE_MSI:
	case DOMAIN_BUS_PCI_DEVICE_MSIX:
		break;
	case DOMAIN_BUS_DEVICE_MSI:
		/* a device MSI domain is a message writer; features are the parent's to give */
		if (info->flags)
			return lib_refuse(
				dev, real_parent,
				"a DOMAIN_BUS_DEVICE_MSI template must have no MSI_FLAG_*");
		info->flags = MSI_FLAG_ALLOC_SIMPLE_MSI_DESCS | MSI_FLAG_FREE_MSI_DESCS;
		required &= ~(u32)MSI_FLAG_PCI_MSI_MASK_PARENT;
		break;
	case DOMAIN_BUS_WIRED_TO_MSI:
		required &= ~(u32)MSI_FLAG_PCI_MSI_MASK_PARENT;
		break;
	default:
		return lib_refuse(dev, real_parent,
				  "the child's bus token is not a device MSI token");
	}

	info->flags &= pops->supported_flags;
	info->flags |= required;

	if (!chip->irq_eoi && (pops->chip_flags & MSI_CHIP_FLAG_SET_EOI))
		chip->irq_eoi = irq_chip_eoi_parent;
	if (!chip->irq_ack && (pops->chip_flags & MSI_CHIP_FLAG_SET_ACK))
		chip->irq_ack = irq_chip_ack_parent;
	/* affinity is the parent's business; the device only rewrites the message */
	if (!chip->irq_set_affinity && !(info->flags & MSI_FLAG_NO_AFFINITY))
		chip->irq_set_affinity = msi_domain_set_affinity;
	if (info->flags & MSI_FLAG_PCI_MSI_MASK_PARENT) {
		chip->irq_mask = irq_chip_mask_parent;
		chip->irq_unmask = irq_chip_unmask_parent;
	}
	return true;
}

/**
 * msi_lib_irq_domain_select() - irq_domain_ops.select of an MSI parent
 * @d: the domain asked
 * @fwspec: what is looked for; only a bare node (no parameters) names an MSI parent
 * @bus_token: the kind of domain wanted
 *
 * Return: 1 when @fwspec's node is @d's (with IRQ_DOMAIN_FLAG_FWNODE_PARENT:
 * the node's parent is) and @bus_token is @d's bus_select_token or one of its
 * bus_select_mask; 0 otherwise, and always for a domain without msi_parent_ops.
 */
int msi_lib_irq_domain_select(struct irq_domain *d, struct irq_fwspec *fwspec,
			      enum irq_domain_bus_token bus_token)
{
	const struct msi_parent_ops *ops = d->msi_parent_ops;
	struct fwnode_handle *fwh;

	if (!ops || !fwspec || (unsigned int)bus_token >= 32)
		return 0;
	fwh = fwspec->fwnode;
	if (fwh && (d->flags & IRQ_DOMAIN_FLAG_FWNODE_PARENT))
		fwh = fwh->of_node ? of_fwnode_handle(fwh->of_node->parent) : NULL;
	if (!fwh || fwh != d->fwnode || fwspec->param_count != 0)
		return 0;
	if ((u32)bus_token == ops->bus_select_token)
		return 1;
	return !!(ops->bus_select_mask & BIT(bus_token));
}
