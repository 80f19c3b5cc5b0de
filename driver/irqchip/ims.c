// SPDX-License-Identifier: MIT
/*
 * Driver of the irqsim IMS device: a device with its own interrupt message
 * store (slots of {address, data, mask, pending}).  (A device driver, not an
 * irqchip: it lives here because the build globs driver/irqchip.)
 *
 * The driver owns slot management: a slot is taken under the device lock and
 * becomes MSI index = slot of the device's own MSI domain (a per-device
 * domain, msi_create_device_irq_domain), whose parent is the MSI parent the
 * device tree names.  The domain's chip talks to the slot registers:
 *   irq_mask   = slot MASK, then the parent's mask
 *   irq_unmask = the parent's unmask, then slot MASK clear
 *   irq_write_msi_msg = mask the slot, write ADDR_LO/ADDR_HI/DATA, restore
 * (the device checks that address/data only change while masked).  A released
 * slot is left masked with its message discarded (CTRL.CLEAR).  Everything
 * else (eoi or ack as the parent's chip_flags say, affinity, resources) goes
 * to the parent.
 */
#define pr_fmt(fmt) "ims: " fmt

#include <linux/sprintf.h>
#include <linux/string.h>

#include <linux/err.h>
#include <linux/io.h>
#include <linux/irqdesc.h>
#include <linux/irqsim-ims.h>
#include <linux/module.h>
#include <linux/msi.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

enum ims_slot_state { SLOT_FREE, SLOT_BUSY, SLOT_ACTIVE };

struct ims_slot {
	enum ims_slot_state state;
	unsigned int virq;
	void *dev_id;
	char name[32];
};

/* devm-allocated: lives as long as the binding */
struct ims_device {
	struct device *dev; /* the platform device: the MSI vectors belong to it */
	struct device_node *node;
	void __iomem *base;
	unsigned int nr_slots;
	struct irq_domain *parent;
	struct mutex lock; /* slot states; never held across request_irq / MSI calls */
	struct ims_slot *slots;
	unsigned int in_use;
};

static char __iomem *ims_slot_reg(struct ims_device *ims, unsigned int slot, unsigned int off)
{
	return (char __iomem *)ims->base + IMS_SLOT_BASE + (size_t)slot * IMS_SLOT_STRIDE + off;
}

/* ---- the device domain's chip ------------------------------------------------------ */

static struct ims_device *ims_of(struct irq_data *d)
{
	return d->chip_data;
}

/*
 * The slot of a vector is its MSI index.  Not the hwirq: a parent may choose
 * the device level's hwirq (the INTA uses TI-SCI id << 16 | index).
 */
static unsigned int ims_slot_of(struct irq_data *d)
{
	struct msi_desc *desc = irq_data_get_msi_desc(d);

	return desc ? desc->msi_index : (unsigned int)d->hwirq;
}

/* never touch registers outside the device's slots */
static bool ims_slot_valid(struct ims_device *ims, struct irq_data *d, unsigned int slot)
{
	if (slot < ims->nr_slots)
		return true;
	pr_err("%pOF: virq %u: slot %u out of range (%u slots)", ims->node, d->irq, slot,
	       ims->nr_slots);
	return false;
}

static void ims_mask_irq(struct irq_data *d)
{
	struct ims_device *ims = ims_of(d);
	unsigned int slot = ims_slot_of(d);

	if (ims_slot_valid(ims, d, slot))
		writel(IMS_CTRL_MASK, ims_slot_reg(ims, slot, IMS_SLOT_CTRL));
	if (d->parent_data)
		irq_chip_mask_parent(d);
}

static void ims_unmask_irq(struct irq_data *d)
{
	struct ims_device *ims = ims_of(d);
	unsigned int slot = ims_slot_of(d);

	if (d->parent_data)
		irq_chip_unmask_parent(d);
	if (ims_slot_valid(ims, d, slot))
		writel(0, ims_slot_reg(ims, slot, IMS_SLOT_CTRL));
}

static void ims_write_msi_msg(struct irq_data *d, struct msi_msg *msg)
{
	struct ims_device *ims = ims_of(d);
	unsigned int slot = ims_slot_of(d);
	u32 ctrl;

	if (!ims_slot_valid(ims, d, slot))
		return;
	ctrl = readl(ims_slot_reg(ims, slot, IMS_SLOT_CTRL));

	if (!(ctrl & IMS_CTRL_MASK))
		writel(IMS_CTRL_MASK, ims_slot_reg(ims, slot, IMS_SLOT_CTRL));
	writel(msg->address_lo, ims_slot_reg(ims, slot, IMS_SLOT_ADDR_LO));
	writel(msg->address_hi, ims_slot_reg(ims, slot, IMS_SLOT_ADDR_HI));
	writel(msg->data, ims_slot_reg(ims, slot, IMS_SLOT_DATA));
	if (!(ctrl & IMS_CTRL_MASK))
		writel(0, ims_slot_reg(ims, slot, IMS_SLOT_CTRL));
}

static struct irq_chip ims_chip_template = {
	.name = "IMS",
	.irq_mask = ims_mask_irq,
	.irq_unmask = ims_unmask_irq,
	.irq_write_msi_msg = ims_write_msi_msg,
	.irq_request_resources = irq_chip_request_resources_parent,
	.irq_release_resources = irq_chip_release_resources_parent,
	.irq_set_type = irq_chip_set_type_parent,
};

/*
 * A device MSI domain carries no MSI_FLAG_*: the parent's msi_parent_ops give
 * them (msi_lib_init_dev_msi_info: descriptor management, default ops, eoi or
 * ack forwarding, affinity).
 */
static struct msi_domain_info ims_info_template = {
	.bus_token = DOMAIN_BUS_DEVICE_MSI,
	.chip = &ims_chip_template,
};

/* ---- MSI parent lookup --------------------------------------------------------------- */

/*
 * The MSI parent domain of msi-parent (of the kind irqsim,msi-parent-kind names,
 * when the node hosts several).  ERR_PTR(-EPROBE_DEFER) while there is none
 * (the msi-parent's driver has not probed; a malformed tree is logged by
 * of_msi_get_domain), -EINVAL for a kind that is not a string.
 */
static struct irq_domain *ims_find_msi_parent(struct device *dev, struct device_node *node)
{
	struct irq_domain *parent = of_msi_get_domain(dev, node, DOMAIN_BUS_ANY);
	struct device_node *np;
	const char *kind = NULL;
	int ret;

	if (parent)
		return parent;
	if (of_get_property(node, "irqsim,msi-parent-kind", NULL) &&
	    of_property_read_string(node, "irqsim,msi-parent-kind", &kind))
		return ERR_PTR(
			dev_err_probe(dev, -EINVAL, "irqsim,msi-parent-kind is not a string"));
	np = of_parse_phandle(node, "msi-parent", 0);
	if (!np)
		return ERR_PTR(dev_err_probe(dev, -EINVAL, "msi-parent missing or not a phandle"));
	ret = dev_err_probe(dev, -EPROBE_DEFER, "msi-parent %pOF has no MSI parent domain%s%s yet",
			    np, kind ? " of kind " : "", kind ? kind : "");
	of_node_put(np);
	return ERR_PTR(ret);
}

/* ---- probe / remove ------------------------------------------------------------------- */

static void ims_mutex_destroy(void *data)
{
	mutex_destroy(data);
}

/* runs before devres: the vectors go back while the registers are still mapped */
static void ims_of_remove(struct platform_device *pdev)
{
	struct ims_device *ims = platform_get_drvdata(pdev);

	for (unsigned int s = 0; s < ims->nr_slots; s++)
		if (ims->slots[s].state == SLOT_ACTIVE)
			ims_release_slot(ims, ims->slots[s].virq);
	msi_remove_device_irq_domain(ims->dev, MSI_DEFAULT_DOMAIN);
	msi_device_data_release(ims->dev);
	dev_set_msi_domain(ims->dev, NULL);
}

static int ims_of_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *node = dev_of_node(dev);
	struct irq_domain *parent;
	struct ims_device *ims;
	struct resource *res;
	void __iomem *base;
	u32 id, hw_slots, nr, sci_id;
	int ret;

	base = devm_platform_get_and_ioremap_resource(pdev, 0, &res);
	if (IS_ERR(base))
		return (int)PTR_ERR(base);
	if (resource_size(res) < IMS_SLOT_BASE + IMS_SLOT_STRIDE)
		return dev_err_probe(dev, -EINVAL, "reg size %llu too small",
				     (unsigned long long)resource_size(res));
	/* an absent device is no error: a tree may describe more than the hardware has */
	id = readl((char __iomem *)base + IMS_ID);
	hw_slots = id & 0xffff;
	if (id >> 16 != IMS_ID_MAGIC || hw_slots == 0 || hw_slots > IMS_MAX_SLOTS ||
	    IMS_SLOT_BASE + (u64)hw_slots * IMS_SLOT_STRIDE > resource_size(res)) {
		dev_info(dev, "no IMS device at %pa (ID 0x%08x)", &res->start, id);
		return -ENODEV;
	}
	nr = hw_slots;
	switch (of_property_read_u32(node, "irqsim,num-slots", &nr)) {
	case -EINVAL: /* absent: the hardware's count */
		break;
	case 0:
		if (nr && nr <= hw_slots)
			break;
		return dev_err_probe(dev, -EINVAL,
				     "irqsim,num-slots %u out of range 1..%u (the device has %u)",
				     nr, hw_slots, hw_slots);
	default:
		return dev_err_probe(dev, -EINVAL, "irqsim,num-slots must be one u32 cell");
	}
	parent = ims_find_msi_parent(dev, node);
	if (IS_ERR(parent))
		return (int)PTR_ERR(parent);

	ims = devm_kzalloc(dev, sizeof(*ims), GFP_KERNEL);
	if (!ims)
		return -ENOMEM;
	ims->slots = devm_kcalloc(dev, nr, sizeof(*ims->slots), GFP_KERNEL);
	if (!ims->slots)
		return -ENOMEM;
	mutex_init(&ims->lock);
	ret = devm_add_action_or_reset(dev, ims_mutex_destroy, &ims->lock);
	if (ret)
		return ret;
	ims->dev = dev;
	ims->node = node;
	ims->base = base;
	ims->nr_slots = nr;
	ims->parent = parent;
	/* a TI-SCI parent (the INTA) takes the source id from dev->id */
	if (of_property_read_u32(node, "ti,sci-dev-id", &sci_id) == 0)
		dev->id = (int)sci_id;
	dev_set_msi_domain(dev, parent);
	dev_dbg(dev, "probe\n");
	/* masked, and nothing left over from an earlier owner */
	for (unsigned int s = 0; s < hw_slots; s++)
		writel(IMS_CTRL_MASK | IMS_CTRL_CLEAR, ims_slot_reg(ims, s, IMS_SLOT_CTRL));
	if (!msi_create_device_irq_domain(dev, MSI_DEFAULT_DOMAIN, &ims_info_template, nr, ims,
					  ims)) {
		dev_set_msi_domain(dev, NULL);
		return dev_err_probe(dev, -ENOMEM, "cannot create the device MSI domain below %s",
				     parent->name);
	}
	platform_set_drvdata(pdev, ims);
	dev_info(dev, "%u slots, MSI domain %s, parent %s", nr, dev->msi_domain->name,
		 parent->name);
	return 0;
}

static const struct of_device_id ims_of_match[] = {
	{ .compatible = "irqsim,ims" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, ims_of_match);

static struct platform_driver ims_driver = {
	.probe = ims_of_probe,
	.remove = ims_of_remove,
	.driver = {
		.name = "irqsim-ims",
		.of_match_table = ims_of_match,
	},
};
module_platform_driver(ims_driver);

int ims_get(struct device_node *node, struct ims_device **out)
{
	struct platform_device *pdev = node ? of_find_device_by_node(node) : NULL;

	if (!out)
		return -EINVAL;
	*out = NULL;
	if (!pdev)
		return -ENODEV;
	/* not bound (yet, or its probe failed): the provider is not there */
	if (pdev->dev.driver != &ims_driver.driver)
		return -EPROBE_DEFER;
	*out = platform_get_drvdata(pdev);
	return 0;
}

/* ---- slots ------------------------------------------------------------------------------- */

static int ims_take_slot(struct ims_device *ims, unsigned int want)
{
	int slot = -ENOSPC;

	mutex_lock(&ims->lock);
	if (want != MSI_ANY_INDEX) {
		if (ims->slots[want].state == SLOT_FREE)
			slot = (int)want;
		else
			slot = -EBUSY;
	} else {
		for (unsigned int s = 0; s < ims->nr_slots; s++) {
			if (ims->slots[s].state == SLOT_FREE) {
				slot = (int)s;
				break;
			}
		}
	}
	if (slot >= 0) {
		ims->slots[slot].state = SLOT_BUSY;
		ims->in_use++;
	}
	mutex_unlock(&ims->lock);
	return slot;
}

static void ims_put_slot(struct ims_device *ims, unsigned int slot)
{
	mutex_lock(&ims->lock);
	ims->slots[slot].state = SLOT_FREE;
	ims->slots[slot].virq = 0;
	ims->slots[slot].dev_id = NULL;
	ims->in_use--;
	mutex_unlock(&ims->lock);
}

static int ims_request(struct ims_device *ims, unsigned int want, irq_handler_t handler,
		       const char *name, void *dev_id)
{
	struct ims_slot *sl;
	struct msi_map map;
	int slot, ret;

	if (!ims || !handler) {
		pr_err("request_slot %s", !ims ? "on no device" : "without a handler");
		return -EINVAL;
	}
	if (want != MSI_ANY_INDEX && want >= ims->nr_slots) {
		pr_err("%pOF: slot %u out of range (%u slots)", ims->node, want, ims->nr_slots);
		return -EINVAL;
	}
	slot = ims_take_slot(ims, want);
	if (slot < 0) {
		if (slot == -ENOSPC)
			pr_err("%pOF: all %u slots in use", ims->node, ims->nr_slots);
		else
			pr_err("%pOF: slot %u already requested", ims->node, want);
		return slot;
	}
	sl = &ims->slots[slot];
	snprintf(sl->name, sizeof(sl->name), "%s", name ? name : "ims");
	pr_debug("request_slot slot=%d\n", slot);
	map = msi_domain_alloc_irq_at(ims->dev, MSI_DEFAULT_DOMAIN, (unsigned int)slot, NULL, NULL);
	if (map.index < 0) {
		ret = map.index;
		pr_err("%pOF: slot %d: no MSI vector from %s (%d)", ims->node, slot,
		       ims->parent->name, ret);
		ims_put_slot(ims, (unsigned int)slot);
		return ret;
	}
	ret = request_irq((unsigned int)map.virq, handler, 0, sl->name, dev_id);
	if (ret) {
		msi_domain_free_irqs_range(ims->dev, MSI_DEFAULT_DOMAIN, (unsigned int)slot,
					   (unsigned int)slot);
		ims_put_slot(ims, (unsigned int)slot);
		return ret;
	}
	mutex_lock(&ims->lock);
	sl->virq = (unsigned int)map.virq;
	sl->dev_id = dev_id;
	sl->state = SLOT_ACTIVE;
	mutex_unlock(&ims->lock);
	return map.virq;
}

int ims_request_slot(struct ims_device *ims, irq_handler_t handler, const char *name, void *dev_id)
{
	return ims_request(ims, MSI_ANY_INDEX, handler, name, dev_id);
}

int ims_request_slot_at(struct ims_device *ims, unsigned int slot, irq_handler_t handler,
			const char *name, void *dev_id)
{
	return ims_request(ims, slot, handler, name, dev_id);
}

int ims_virq_to_slot(struct ims_device *ims, unsigned int virq)
{
	int slot = -EINVAL;

	if (!ims || !virq)
		return -EINVAL;
	mutex_lock(&ims->lock);
	for (unsigned int s = 0; s < ims->nr_slots; s++) {
		if (ims->slots[s].state == SLOT_ACTIVE && ims->slots[s].virq == virq) {
			slot = (int)s;
			break;
		}
	}
	mutex_unlock(&ims->lock);
	return slot;
}

int ims_release_slot(struct ims_device *ims, unsigned int virq)
{
	struct ims_slot *sl;
	void *dev_id;
	int slot;

	if (!ims)
		return -EINVAL;
	mutex_lock(&ims->lock);
	slot = -EINVAL;
	for (unsigned int s = 0; s < ims->nr_slots; s++) {
		if (ims->slots[s].state == SLOT_ACTIVE && ims->slots[s].virq == virq) {
			slot = (int)s;
			ims->slots[s].state = SLOT_BUSY;
			break;
		}
	}
	mutex_unlock(&ims->lock);
	if (slot < 0) {
		pr_err("%pOF: release of virq %u which is no requested slot", ims->node, virq);
		return -EINVAL;
	}
	sl = &ims->slots[slot];
	dev_id = sl->dev_id;
	pr_debug("release_slot slot=%d virq=%u\n", slot, virq);
	free_irq(virq, dev_id);
	msi_domain_free_irqs_range(ims->dev, MSI_DEFAULT_DOMAIN, (unsigned int)slot,
				   (unsigned int)slot);
	/* a fire while it was masked must not reach the slot's next owner */
	writel(IMS_CTRL_MASK | IMS_CTRL_CLEAR,
	       ims_slot_reg(ims, (unsigned int)slot, IMS_SLOT_CTRL));
	ims_put_slot(ims, (unsigned int)slot);
	return 0;
}

unsigned int ims_slot_virq(struct ims_device *ims, unsigned int slot)
{
	unsigned int v;

	if (!ims || slot >= ims->nr_slots)
		return 0;
	mutex_lock(&ims->lock);
	v = ims->slots[slot].state == SLOT_ACTIVE ? ims->slots[slot].virq : 0;
	mutex_unlock(&ims->lock);
	return v;
}

unsigned int ims_slot_count(const struct ims_device *ims)
{
	return ims ? ims->nr_slots : 0;
}

unsigned int ims_slots_in_use(struct ims_device *ims)
{
	unsigned int n;

	if (!ims)
		return 0;
	mutex_lock(&ims->lock);
	n = ims->in_use;
	mutex_unlock(&ims->lock);
	return n;
}

struct device *ims_to_dev(struct ims_device *ims)
{
	return ims ? ims->dev : NULL;
}

struct irq_domain *ims_domain(struct ims_device *ims)
{
	return ims ? ims->dev->msi_domain : NULL;
}

struct irq_domain *ims_parent_domain(struct ims_device *ims)
{
	return ims ? ims->parent : NULL;
}
