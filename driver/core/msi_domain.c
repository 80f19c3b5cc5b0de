// SPDX-License-Identifier: MIT
/*
 * MSI irq_domains: the irq_domain_ops every MSI domain runs on, the default
 * msi_domain_ops / chip callbacks, message composition and writing, and
 * per-device MSI domains.  The allocation API by device index is in msi.c.
 *
 * An MSI domain is a hierarchy domain (tree revmap, IRQ_DOMAIN_FLAG_MSI) whose
 * host_data is its msi_domain_info.  Its alloc takes a msi_alloc_info_t as arg
 * and hands the same arg to the parent, which owns the real interrupt
 * resource (LPI, SPI, INTA event...) and composes the message.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/err.h>
#include <linux/kernel.h>

#include "internals.h"
#include "internals_msi.h"

/* ---- default msi_domain_ops ------------------------------------------------------ */

static irq_hw_number_t msi_def_get_hwirq(struct msi_domain_info *info, msi_alloc_info_t *arg)
{
	(void)info;
	return arg->hwirq;
}

/*
 * hwirq of a descriptor in its MSI domain.  A per-device domain holds one
 * device only, so hwirq = msi_index (views show the device's own slot number).
 * A domain shared by several devices needs device-unique hwirqs (the revmap
 * is per domain): hwirq = uid << 16 | msi_index, uid being a number the layer
 * gives each device on first use.  A Multi-MSI block of n vectors occupies
 * hwirq .. hwirq + n - 1.
 */
irq_hw_number_t msi_default_hwirq(struct msi_desc *desc)
{
	struct msi_desc_node *node = to_msi_node(desc);

	if (node->domain && (node->domain->flags & IRQ_DOMAIN_FLAG_MSI_DEVICE))
		return desc->msi_index;
	return ((irq_hw_number_t)node->owner->uid << 16) | desc->msi_index;
}

static void msi_def_set_desc(msi_alloc_info_t *arg, struct msi_desc *desc)
{
	arg->desc = desc;
	arg->hwirq = msi_default_hwirq(desc);
}

static int msi_def_prepare(struct irq_domain *domain, struct device *dev, int nvec,
			   msi_alloc_info_t *arg)
{
	(void)domain;
	(void)dev;
	(void)nvec;
	memset(arg, 0, sizeof(*arg));
	return 0;
}

static int msi_def_init(struct irq_domain *domain, struct msi_domain_info *info, unsigned int virq,
			irq_hw_number_t hwirq, msi_alloc_info_t *arg)
{
	(void)arg;
	if (info->handler) {
		irq_domain_set_info(domain, virq, hwirq, info->chip, info->chip_data, info->handler,
				    info->handler_data, info->handler_name);
		return 0;
	}
	return irq_domain_set_hwirq_and_chip(domain, virq, hwirq, info->chip, info->chip_data);
}

static struct msi_domain_ops msi_default_ops = {
	.get_hwirq = msi_def_get_hwirq,
	.msi_init = msi_def_init,
	.msi_prepare = msi_def_prepare,
	.set_desc = msi_def_set_desc,
};

static void msi_fill_dom_ops(struct msi_domain_info *info)
{
	struct msi_domain_ops *ops = info->ops;

	if (!ops) {
		info->ops = &msi_default_ops;
		return;
	}
	if (!ops->get_hwirq)
		ops->get_hwirq = msi_default_ops.get_hwirq;
	if (!ops->msi_init)
		ops->msi_init = msi_default_ops.msi_init;
	if (!ops->msi_prepare)
		ops->msi_prepare = msi_default_ops.msi_prepare;
	if (!ops->set_desc)
		ops->set_desc = msi_default_ops.set_desc;
}

/*
 * MSI_FLAG_USE_DEF_CHIP_OPS.  Upstream leaves mask/unmask to the chip (and
 * irq_eoi / irq_ack to the parent's chip_flags, msi_lib_init_dev_msi_info);
 * here missing ones default to the parent's, except irq_eoi / irq_ack when
 * @eoi_ack is false: a per-device domain whose parent states chip_flags gets
 * exactly what those forward.  No set_affinity under MSI_FLAG_NO_AFFINITY.
 */
static void msi_fill_chip_ops(struct msi_domain_info *info, bool eoi_ack)
{
	struct irq_chip *chip = info->chip;

	if (!chip->irq_mask)
		chip->irq_mask = irq_chip_mask_parent;
	if (!chip->irq_unmask)
		chip->irq_unmask = irq_chip_unmask_parent;
	if (eoi_ack && !chip->irq_eoi)
		chip->irq_eoi = irq_chip_eoi_parent;
	if (eoi_ack && !chip->irq_ack)
		chip->irq_ack = irq_chip_ack_parent;
	if (!chip->irq_set_affinity && !(info->flags & MSI_FLAG_NO_AFFINITY))
		chip->irq_set_affinity = msi_domain_set_affinity;
}

/* ---- messages ----------------------------------------------------------------------- */

/**
 * irq_chip_write_msi_msg() - hand a composed message to the device's chip
 * @data: the MSI domain's level of the interrupt
 * @msg: the message
 *
 * Records @msg as the descriptor's current message, then calls the chip's
 * irq_write_msi_msg (annotated for the trace), which programs the device.
 */
void irq_chip_write_msi_msg(struct irq_data *data, struct msi_msg *msg)
{
	struct msi_desc *desc = irq_data_get_msi_desc(data);

	if (desc)
		desc->msg = *msg;
	if (data->chip && data->chip->irq_write_msi_msg) {
		irq_chip_annotate(data, "irq_write_msi_msg");
		data->chip->irq_write_msi_msg(data, msg);
	}
}

/*
 * The level whose message a vector's activation writes.  A Multi-MSI block
 * has one message for all its vectors: the base vector's (the device adds the
 * vector number to data), so every vector of the block composes from the
 * base's irq_data in this domain.
 */
static struct irq_data *msi_msg_source(struct irq_data *irqd)
{
	struct msi_desc *desc = irq_data_get_msi_desc(irqd);
	struct irq_data *base;

	if (!desc || desc->nvec_used <= 1 || desc->irq == irqd->irq)
		return irqd;
	base = irq_domain_get_irq_data(irqd->domain, desc->irq);
	return base ? base : irqd;
}

static int msi_compose_and_write(struct irq_data *irqd)
{
	struct msi_msg msg = { 0 };
	int ret = irq_chip_compose_msi_msg(msi_msg_source(irqd), &msg);

	if (ret) {
		pr_err("domain %s: virq %u: no chip in the hierarchy composes MSI messages (%d)",
		       irqd->domain->name, irqd->irq, ret);
		return ret;
	}
	irq_chip_write_msi_msg(irqd, &msg);
	return 0;
}

/**
 * msi_domain_set_affinity() - default irq_set_affinity of MSI chips
 * @data: the MSI level of the interrupt
 * @mask: requested CPUs
 * @force: passed to the parent
 *
 * The parent moves the interrupt; when it reports IRQ_SET_MASK_OK or
 * IRQ_SET_MASK_OK_NOCOPY the message may have changed (new redistributor
 * address, new vector), so it is recomposed and rewritten.  IRQ_SET_MASK_OK_DONE
 * means the parent handled everything, including the message: nothing to write.
 * A vector that is not activated has no message in the device yet and gets
 * none here; activation will compose it.
 *
 * Return: the parent's result, or -ENOSYS if no parent can set affinity.
 */
int msi_domain_set_affinity(struct irq_data *data, const struct cpumask *mask, bool force)
{
	int ret = irq_chip_set_affinity_parent(data, mask, force);

	if (ret >= 0 && ret != IRQ_SET_MASK_OK_DONE && irqd_is_activated(data))
		msi_compose_and_write(data);
	return ret;
}

/* ---- irq_domain_ops of every MSI domain -------------------------------------------------- */

static int msi_domain_alloc(struct irq_domain *domain, unsigned int virq, unsigned int nr_irqs,
			    void *arg)
{
	struct msi_domain_info *info = msi_get_domain_info(domain);
	struct msi_domain_ops *ops = info->ops;
	irq_hw_number_t hwirq = ops->get_hwirq(info, arg);
	unsigned int i;
	int ret;

	for (i = 0; i < nr_irqs; i++) {
		unsigned int old = irq_find_mapping(domain, hwirq + i);

		if (old) {
			pr_err("domain %s: hwirq %lu already mapped to virq %u", domain->name,
			       hwirq + i, old);
			return -EEXIST;
		}
	}
	if (domain->parent) {
		ret = irq_domain_alloc_irqs_parent(domain, virq, nr_irqs, arg);
		if (ret < 0)
			return ret;
	}
	for (i = 0; i < nr_irqs; i++) {
		ret = ops->msi_init(domain, info, virq + i, hwirq + i, arg);
		if (ret < 0) {
			pr_err("domain %s: msi_init of virq %u failed (%d)", domain->name, virq + i,
			       ret);
			if (ops->msi_free)
				while (i--)
					ops->msi_free(domain, info, virq + i);
			irq_domain_free_irqs_top(domain, virq, nr_irqs);
			return ret;
		}
	}
	return 0;
}

static void msi_domain_free(struct irq_domain *domain, unsigned int virq, unsigned int nr_irqs)
{
	struct msi_domain_info *info = msi_get_domain_info(domain);

	if (info->ops->msi_free)
		for (unsigned int i = 0; i < nr_irqs; i++)
			info->ops->msi_free(domain, info, virq + i);
	irq_domain_free_irqs_top(domain, virq, nr_irqs);
}

static int msi_domain_activate(struct irq_domain *domain, struct irq_data *irqd, bool early)
{
	(void)domain;
	(void)early;
	return msi_compose_and_write(irqd);
}

/*
 * An all-zero message stops the device from signalling.  A Multi-MSI block
 * shares one message, so it is cleared only when this is the last of its
 * vectors still activated.
 */
static void msi_domain_deactivate(struct irq_domain *domain, struct irq_data *irqd)
{
	struct msi_desc *desc = irq_data_get_msi_desc(irqd);
	struct msi_msg zero = { 0 };

	if (desc && desc->nvec_used > 1) {
		for (unsigned int i = 0; i < desc->nvec_used; i++) {
			struct irq_data *o = irq_domain_get_irq_data(domain, desc->irq + i);

			if (o && o != irqd && irqd_is_activated(o))
				return;
		}
	}
	irq_chip_write_msi_msg(irqd, &zero);
}

static const struct irq_domain_ops msi_domain_ops = {
	.alloc = msi_domain_alloc,
	.free = msi_domain_free,
	.activate = msi_domain_activate,
	.deactivate = msi_domain_deactivate,
};

/* msi_create_irq_domain(), with @domain_flags added and eoi/ack defaults as msi_fill_chip_ops() */
static struct irq_domain *__msi_create_irq_domain(struct fwnode_handle *fwnode,
						  struct msi_domain_info *info,
						  unsigned int domain_flags,
						  struct irq_domain *parent, bool eoi_ack)
{
	struct irq_domain *d;

	if (!info || !info->chip) {
		pr_err("msi domain %s: no msi_domain_info or chip", fwnode ? fwnode->name : "?");
		return NULL;
	}
	if (info->flags & MSI_FLAG_USE_DEF_DOM_OPS)
		msi_fill_dom_ops(info);
	if (!info->ops || !info->ops->get_hwirq || !info->ops->msi_init || !info->ops->set_desc) {
		pr_err("msi domain %s: msi_domain_ops incomplete (set MSI_FLAG_USE_DEF_DOM_OPS)",
		       fwnode ? fwnode->name : "?");
		return NULL;
	}
	if (info->flags & MSI_FLAG_USE_DEF_CHIP_OPS)
		msi_fill_chip_ops(info, eoi_ack);
	if (info->hwsize == 0 || info->hwsize > MSI_MAX_INDEX + 1)
		info->hwsize = MSI_MAX_INDEX + 1;

	d = irq_domain_create_hierarchy(parent, IRQ_DOMAIN_FLAG_MSI | domain_flags, 0, fwnode,
					&msi_domain_ops, info);
	if (!d)
		return NULL;
	if (info->bus_token != DOMAIN_BUS_ANY)
		irq_domain_update_bus_token(d, info->bus_token);
	return d;
}

/**
 * msi_create_irq_domain() - create an MSI domain below a parent
 * @fwnode: firmware node naming the domain
 * @info: the domain's MSI description; becomes host_data and must outlive the domain
 * @parent: the domain that owns the interrupt resources (may be NULL for a root)
 *
 * MSI_FLAG_USE_DEF_DOM_OPS fills the NULL members of @info->ops with defaults
 * (a NULL @info->ops becomes the default ops); MSI_FLAG_USE_DEF_CHIP_OPS fills
 * NULL mask/unmask/eoi/ack with the *_parent helpers and set_affinity with
 * msi_domain_set_affinity (not under MSI_FLAG_NO_AFFINITY).  Both modify
 * @info in place, as Linux does.
 *
 * Return: the domain, or NULL (logged) on bad arguments or allocation failure.
 */
struct irq_domain *msi_create_irq_domain(struct fwnode_handle *fwnode, struct msi_domain_info *info,
					 struct irq_domain *parent)
{
	return __msi_create_irq_domain(fwnode, info, 0, parent, true);
}

/**
 * msi_create_parent_irq_domain() - create an MSI parent domain
 * @info: the domain to instantiate; updated: hwirq_max and size both become
 *        the larger of the two, IRQ_DOMAIN_FLAG_MSI_PARENT is added to
 *        domain_flags and bus_token is @msi_parent_ops->bus_select_token
 * @msi_parent_ops: what per-device domains stacked on it get (kept by reference)
 *
 * Per-device MSI domains (msi_create_device_irq_domain) stack on the result;
 * its ops usually select with msi_lib_irq_domain_select and its
 * msi_parent_ops set children up with msi_lib_init_dev_msi_info.
 *
 * Return: the domain, or NULL (the cause logged by irq_domain_instantiate).
 */
struct irq_domain *msi_create_parent_irq_domain(struct irq_domain_info *info,
						const struct msi_parent_ops *msi_parent_ops)
{
	struct irq_domain *d;

	if (!info || !msi_parent_ops) {
		pr_err("msi_create_parent_irq_domain: no %s",
		       info ? "msi_parent_ops" : "irq_domain_info");
		return NULL;
	}
	info->hwirq_max = max(info->hwirq_max, (irq_hw_number_t)info->size);
	info->size = (unsigned int)info->hwirq_max;
	info->domain_flags |= IRQ_DOMAIN_FLAG_MSI_PARENT;
	info->bus_token = (enum irq_domain_bus_token)msi_parent_ops->bus_select_token;
	d = irq_domain_instantiate(info);
	if (IS_ERR(d))
		return NULL;
	d->msi_parent_ops = msi_parent_ops;
	return d;
}

/* ---- per-device domains -------------------------------------------------------------------- */

/* one allocation holding everything a per-device domain owns */
struct msi_dev_domain {
	struct irq_domain *domain;
	struct msi_domain_info info;
	struct msi_domain_ops ops;
	struct irq_chip chip;
	struct fwnode_handle fwnode;
	char name[64];
	struct irq_domain *saved_msi_domain; /* dev->msi_domain before: the parent, as upstream's */
};

/**
 * msi_create_device_irq_domain() - create a device's own MSI domain
 * @dev: the device; its MSI parent is dev_get_msi_domain(dev), as upstream's
 *       bus code sets it (or dev->msi_parent, which tests may set directly)
 * @domid: MSI_DEFAULT_DOMAIN (the only one)
 * @template_info: copied (with its ops and chip) so the template stays shareable;
 *                 bus_token DOMAIN_BUS_ANY means DOMAIN_BUS_DEVICE_MSI
 * @hwsize: number of indices (0 = the template's, then MSI_MAX_INDEX + 1)
 * @domain_data: stored in the copy's info->data
 * @chip_data: chip_data of the device level of every vector
 *
 * The parent's msi_parent_ops.init_dev_msi_info sets the copy up (usually
 * msi_lib_init_dev_msi_info: flags, eoi/ack forwarding per chip_flags,
 * affinity).  The core then holds the copy to the parent's contract (its
 * required flags set, parent-dependent flags it does not support cleared), so a
 * parent without init_dev_msi_info (upstream requires one) still gets that
 * much.  MSI_FLAG_USE_DEF_CHIP_OPS defaults irq_eoi / irq_ack to the parent's
 * only when the parent states no chip_flags.  The domain is named
 * "<prefix><chip name>-<device name>" and becomes dev->msi_domain.
 *
 * Return: true on success; false (logged) otherwise.
 */
bool msi_create_device_irq_domain(struct device *dev, unsigned int domid,
				  const struct msi_domain_info *template_info, unsigned int hwsize,
				  void *domain_data, void *chip_data)
{
	struct irq_domain *parent = dev ? dev->msi_parent : NULL;
	const struct msi_parent_ops *pops;

	if (dev && !parent && dev->msi_domain && irq_domain_is_msi_parent(dev->msi_domain))
		parent = dev->msi_domain;
	struct msi_device_data *md;
	struct msi_dev_domain *dd;

	if (!dev || !template_info || !template_info->chip || domid != MSI_DEFAULT_DOMAIN ||
	    !parent) {
		pr_err("msi: %s: cannot create device domain %u (%s)", dev ? dev->name : "?", domid,
		       !dev || !parent ? "no MSI parent" : "bad arguments");
		return false;
	}
	md = msi_dev_data(dev, true);
	if (!md)
		return false;
	dd = calloc(1, sizeof(*dd));
	if (!dd)
		return false;
	dd->info = *template_info;
	dd->chip = *template_info->chip;
	dd->info.chip = &dd->chip;
	if (template_info->ops)
		dd->ops = *template_info->ops;
	dd->info.ops = &dd->ops;
	dd->info.chip_data = chip_data;
	dd->info.data = domain_data;
	dd->info.dev = dev;
	if (hwsize)
		dd->info.hwsize = hwsize;
	if (!dd->info.bus_token)
		dd->info.bus_token = DOMAIN_BUS_DEVICE_MSI;

	pops = parent->msi_parent_ops;
	if (pops) {
		if (pops->init_dev_msi_info &&
		    !pops->init_dev_msi_info(dev, parent, parent, &dd->info)) {
			pr_err("msi: %s: parent %s refused the device domain", dev->name,
			       parent->name);
			free(dd);
			return false;
		}
		dd->info.flags |= pops->required_flags;
		dd->info.flags &= pops->supported_flags | pops->required_flags |
				  MSI_GENERIC_FLAGS_MASK;
	}
	/* a template without ops gets the default ones (after the parent saw the flags it gave) */
	if (!template_info->ops)
		dd->info.flags |= MSI_FLAG_USE_DEF_DOM_OPS;
	snprintf(dd->name, sizeof(dd->name), "%s%s-%s", pops && pops->prefix ? pops->prefix : "",
		 dd->chip.name ? dd->chip.name : "MSI", dev->name ? dev->name : "dev");
	dd->chip.name = dd->name;
	dd->fwnode.name = dd->name;

	mutex_lock(&md->lock);
	if (md->dev_domain) {
		mutex_unlock(&md->lock);
		pr_err("msi: %s: device domain %u already exists", dev->name, domid);
		free(dd);
		return false;
	}
	dd->domain = __msi_create_irq_domain(&dd->fwnode, &dd->info, IRQ_DOMAIN_FLAG_MSI_DEVICE,
					     parent, !pops || !pops->chip_flags);
	if (!dd->domain) {
		mutex_unlock(&md->lock);
		free(dd);
		return false;
	}
	md->dev_domain = dd;
	/* the device allocates from its own domain until it is removed */
	dd->saved_msi_domain = dev->msi_domain;
	dev->msi_domain = dd->domain;
	mutex_unlock(&md->lock);
	return true;
}

/* md->lock held: free the vectors and the device domain */
void msi_dev_domain_release(struct msi_device_data *md)
{
	struct msi_dev_domain *dd = md->dev_domain;

	if (!dd)
		return;
	msi_free_all_locked(md);
	if (irq_domain_remove(dd->domain) < 0)
		return; /* still in use (logged); keep it rather than free live memory */
	/* as upstream, the device's MSI domain is what its bus set (the parent) again */
	if (md->dev->msi_domain == dd->domain)
		md->dev->msi_domain = dd->saved_msi_domain;
	md->dev_domain = NULL;
	free(dd);
}

/**
 * msi_remove_device_irq_domain() - free a device's vectors and its MSI domain
 * @dev: the device
 * @domid: MSI_DEFAULT_DOMAIN
 */
void msi_remove_device_irq_domain(struct device *dev, unsigned int domid)
{
	struct msi_device_data *md = dev ? msi_dev_data(dev, false) : NULL;

	bool found = false;

	if (md && domid == MSI_DEFAULT_DOMAIN) {
		mutex_lock(&md->lock);
		found = md->dev_domain != NULL;
		msi_dev_domain_release(md);
		mutex_unlock(&md->lock);
	}
	if (!found)
		pr_warn("msi: %s: no device domain %u to remove", dev ? dev->name : "?", domid);
}
