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
 * else (eoi, ack, affinity, resources) goes to the parent.
 */
#define _POSIX_C_SOURCE 200809L /* strncasecmp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <linux/io.h>
#include <linux/irqdesc.h>
#include <linux/irqsim-ims.h>
#include <linux/msi.h>
#include <linux/of.h>

/* The core's reset registration (driver/core/irqdesc.c). */
void irqsim_register_reset_hook(void (*fn)(void));

enum ims_slot_state { SLOT_FREE, SLOT_BUSY, SLOT_ACTIVE };

struct ims_slot {
	enum ims_slot_state state;
	unsigned int virq;
	void *dev_id;
	char name[32];
};

struct ims_device {
	struct device dev;
	struct device_node *node;
	void __iomem *base;
	unsigned int nr_slots;
	struct irq_domain *parent;
	struct mutex lock; /* slot states; never held across request_irq / MSI calls */
	struct ims_slot *slots;
	unsigned int in_use;
	struct ims_device *next;
};

/* probed devices, so a core reset can free what a test did not remove */
static struct ims_device *ims_list;
static struct mutex ims_list_lock = { PTHREAD_MUTEX_INITIALIZER };

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
	pr_err("ims: %s: virq %u: slot %u out of range (%u slots)", ims->node->path, d->irq, slot, ims->nr_slots);
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

static struct msi_domain_info ims_info_template = {
	.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | MSI_FLAG_FREE_MSI_DESCS,
	.chip = &ims_chip_template,
};

/* ---- MSI parent lookup --------------------------------------------------------------- */

static bool ims_prefix_matches(const char *prefix, const char *kind)
{
	size_t n = strlen(kind);

	return prefix && n && strncasecmp(prefix, kind, n) == 0 && (prefix[n] == '-' || prefix[n] == '\0');
}

static struct irq_domain *ims_find_msi_parent(struct device_node *node)
{
	struct device_node *np = of_parse_phandle(node, "msi-parent", 0);
	struct irq_domain *found = NULL;
	const char *kind = NULL;
	unsigned int n = 0;

	if (!np) {
		pr_err("ims: %s: msi-parent missing or not a phandle", node->path);
		return NULL;
	}
	if (of_get_property(node, "irqsim,msi-parent-kind", NULL) &&
	    of_property_read_string(node, "irqsim,msi-parent-kind", &kind)) {
		pr_err("ims: %s: irqsim,msi-parent-kind is not a string", node->path);
		return NULL;
	}
	for (struct irq_domain *d = irq_domain_next(NULL); d; d = irq_domain_next(d)) {
		if (!(d->flags & IRQ_DOMAIN_FLAG_MSI_PARENT) || !d->msi_parent_ops || !d->fwnode)
			continue;
		if (d->fwnode != of_node_to_fwnode(np) && d->fwnode->of_node != np)
			continue;
		if (kind && !ims_prefix_matches(d->msi_parent_ops->prefix, kind))
			continue;
		if (!found)
			found = d;
		n++;
	}
	if (!found) {
		pr_err("ims: %s: msi-parent %s has no probed MSI parent domain%s%s", node->path, np->path,
		       kind ? " of kind " : "", kind ? kind : "");
		return NULL;
	}
	if (n > 1) {
		pr_err("ims: %s: msi-parent %s hosts %u MSI parents: say which with irqsim,msi-parent-kind",
		       node->path, np->path, n);
		return NULL;
	}
	return found;
}

/* ---- probe / remove ------------------------------------------------------------------- */

static void ims_destroy(struct ims_device *ims)
{
	iounmap(ims->base);
	mutex_destroy(&ims->lock);
	free(ims->slots);
	free(ims);
}

/* core reset: vectors and domains are already gone with the core's state */
static void ims_reset(void)
{
	struct ims_device *list;

	mutex_lock(&ims_list_lock);
	list = ims_list;
	ims_list = NULL;
	mutex_unlock(&ims_list_lock);
	while (list) {
		struct ims_device *ims = list;

		list = ims->next;
		ims_destroy(ims);
	}
}

int ims_probe_parent(struct device_node *node, struct irq_domain *parent, struct ims_device **out)
{
	struct ims_device *ims;
	u32 id, hw_slots, nr, sci_id;
	u64 addr, size;
	int ret;

	if (!node || !out)
		return -EINVAL;
	*out = NULL;
	irqsim_register_reset_hook(ims_reset);
	if (!parent) {
		pr_err("ims: %s: no MSI parent", node->path);
		return -ENODEV;
	}
	if (of_reg_read(node, 0, &addr, &size))
		return -EINVAL;
	if (size < IMS_SLOT_BASE + IMS_SLOT_STRIDE) {
		pr_err("ims: %s: reg size %llu too small", node->path, (unsigned long long)size);
		return -EINVAL;
	}
	ims = calloc(1, sizeof(*ims));
	if (!ims)
		return -ENOMEM;
	ims->base = ioremap(addr, size);
	if (!ims->base) {
		free(ims);
		return -ENOMEM;
	}
	id = readl((char __iomem *)ims->base + IMS_ID);
	hw_slots = id & 0xffff;
	if (id >> 16 != IMS_ID_MAGIC || hw_slots == 0 || hw_slots > IMS_MAX_SLOTS ||
	    IMS_SLOT_BASE + (u64)hw_slots * IMS_SLOT_STRIDE > size) {
		pr_err("ims: %s: no IMS device at 0x%llx (ID 0x%08x)", node->path, (unsigned long long)addr, id);
		iounmap(ims->base);
		free(ims);
		return -ENODEV;
	}
	nr = hw_slots;
	ret = of_property_read_u32(node, "irqsim,num-slots", &nr);
	if ((ret && ret != -EINVAL) || nr == 0 || nr > hw_slots) {
		if (ret && ret != -EINVAL)
			pr_err("ims: %s: irqsim,num-slots must be one u32 cell", node->path);
		else
			pr_err("ims: %s: irqsim,num-slots %u out of range 1..%u (the device has %u)", node->path, nr,
			       hw_slots, hw_slots);
		iounmap(ims->base);
		free(ims);
		return -EINVAL;
	}
	ims->slots = calloc(nr, sizeof(*ims->slots));
	if (!ims->slots) {
		iounmap(ims->base);
		free(ims);
		return -ENOMEM;
	}
	ims->node = node;
	ims->nr_slots = nr;
	ims->parent = parent;
	ims->dev.name = node->full_name;
	ims->dev.id = of_property_read_u32(node, "ti,sci-dev-id", &sci_id) == 0 ? (int)sci_id : -1;
	ims->dev.fwnode = of_node_to_fwnode(node);
	ims->dev.msi_parent = parent;
	ims->dev.driver_data = ims;
	mutex_init(&ims->lock);
	irqsim_annotate("ims:probe %s", node->path);
	/* masked, and nothing left over from an earlier owner */
	for (unsigned int s = 0; s < hw_slots; s++)
		writel(IMS_CTRL_MASK | IMS_CTRL_CLEAR, ims_slot_reg(ims, s, IMS_SLOT_CTRL));
	if (!msi_create_device_irq_domain(&ims->dev, MSI_DEFAULT_DOMAIN, &ims_info_template, nr, ims, ims)) {
		pr_err("ims: %s: cannot create the device MSI domain below %s", node->path, parent->name);
		ims_destroy(ims);
		return -ENOMEM;
	}
	mutex_lock(&ims_list_lock);
	ims->next = ims_list;
	ims_list = ims;
	mutex_unlock(&ims_list_lock);
	*out = ims;
	pr_info("ims: %s: %u slots, MSI domain %s, parent %s", node->path, nr, ims->dev.msi_domain->name,
		parent->name);
	return 0;
}

int ims_probe(struct device_node *node, struct ims_device **out)
{
	if (!node || !out)
		return -EINVAL;
	*out = NULL;
	struct irq_domain *parent = ims_find_msi_parent(node);

	if (!parent)
		return -ENODEV;
	return ims_probe_parent(node, parent, out);
}

void ims_remove(struct ims_device *ims)
{
	struct ims_device **pp;

	if (!ims)
		return;
	for (unsigned int s = 0; s < ims->nr_slots; s++)
		if (ims->slots[s].state == SLOT_ACTIVE)
			ims_release_slot(ims, ims->slots[s].virq);
	msi_remove_device_irq_domain(&ims->dev, MSI_DEFAULT_DOMAIN);
	msi_device_data_release(&ims->dev);
	mutex_lock(&ims_list_lock);
	for (pp = &ims_list; *pp && *pp != ims; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = ims->next;
	mutex_unlock(&ims_list_lock);
	ims_destroy(ims);
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

static int ims_request(struct ims_device *ims, unsigned int want, irq_handler_t handler, const char *name,
		       void *dev_id)
{
	struct ims_slot *sl;
	struct msi_map map;
	int slot, ret;

	if (!ims || !handler) {
		pr_err("ims: request_slot %s", !ims ? "on no device" : "without a handler");
		return -EINVAL;
	}
	if (want != MSI_ANY_INDEX && want >= ims->nr_slots) {
		pr_err("ims: %s: slot %u out of range (%u slots)", ims->node->path, want, ims->nr_slots);
		return -EINVAL;
	}
	slot = ims_take_slot(ims, want);
	if (slot < 0) {
		if (slot == -ENOSPC)
			pr_err("ims: %s: all %u slots in use", ims->node->path, ims->nr_slots);
		else
			pr_err("ims: %s: slot %u already requested", ims->node->path, want);
		return slot;
	}
	sl = &ims->slots[slot];
	snprintf(sl->name, sizeof(sl->name), "%s", name ? name : "ims");
	irqsim_annotate("ims:request_slot slot=%d", slot);
	map = msi_domain_alloc_irq_at(&ims->dev, MSI_DEFAULT_DOMAIN, (unsigned int)slot, NULL, NULL);
	if (map.index < 0) {
		ret = map.index;
		pr_err("ims: %s: slot %d: no MSI vector from %s (%d)", ims->node->path, slot, ims->parent->name, ret);
		ims_put_slot(ims, (unsigned int)slot);
		return ret;
	}
	ret = request_irq((unsigned int)map.virq, handler, 0, sl->name, dev_id);
	if (ret) {
		msi_domain_free_irqs_range(&ims->dev, MSI_DEFAULT_DOMAIN, (unsigned int)slot, (unsigned int)slot);
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

int ims_request_slot_at(struct ims_device *ims, unsigned int slot, irq_handler_t handler, const char *name,
			void *dev_id)
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
		pr_err("ims: %s: release of virq %u which is no requested slot", ims->node->path, virq);
		return -EINVAL;
	}
	sl = &ims->slots[slot];
	dev_id = sl->dev_id;
	irqsim_annotate("ims:release_slot slot=%d virq=%u", slot, virq);
	free_irq(virq, dev_id);
	msi_domain_free_irqs_range(&ims->dev, MSI_DEFAULT_DOMAIN, (unsigned int)slot, (unsigned int)slot);
	/* a fire while it was masked must not reach the slot's next owner */
	writel(IMS_CTRL_MASK | IMS_CTRL_CLEAR, ims_slot_reg(ims, (unsigned int)slot, IMS_SLOT_CTRL));
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
	return ims ? &ims->dev : NULL;
}

struct irq_domain *ims_domain(struct ims_device *ims)
{
	return ims ? ims->dev.msi_domain : NULL;
}

struct irq_domain *ims_parent_domain(struct ims_device *ims)
{
	return ims ? ims->parent : NULL;
}

/* ---- device side ----------------------------------------------------------------------------- */

int ims_fire(struct ims_device *ims, unsigned int slot)
{
	if (!ims || slot >= ims->nr_slots) {
		pr_err("ims: fire of slot %u out of range", slot);
		return -EINVAL;
	}
	writel(slot, (char __iomem *)ims->base + IMS_TRIGGER);
	return 0;
}

u32 ims_slot_ctrl(struct ims_device *ims, unsigned int slot)
{
	return ims && slot < ims->nr_slots ? readl(ims_slot_reg(ims, slot, IMS_SLOT_CTRL)) : 0;
}

u32 ims_sent_count(struct ims_device *ims)
{
	return ims ? readl((char __iomem *)ims->base + IMS_SENT) : 0;
}

u32 ims_error_count(struct ims_device *ims)
{
	return ims ? readl((char __iomem *)ims->base + IMS_ERRORS) : 0;
}

u32 ims_last_error(struct ims_device *ims)
{
	return ims ? readl((char __iomem *)ims->base + IMS_LAST_ERROR) : 0;
}

void ims_write_slot_reg(struct ims_device *ims, unsigned int slot, unsigned int off, u32 val)
{
	if (ims && slot < ims->nr_slots && off < IMS_SLOT_STRIDE)
		writel(val, ims_slot_reg(ims, slot, off));
}
