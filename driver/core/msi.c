// SPDX-License-Identifier: MIT
/*
 * MSI vectors by device index: msi_domain_alloc_irqs(_range), the dynamic
 * msi_domain_alloc_irq_at, freeing, msi_get_virq and msi_device_data_release.
 * The domain side (ops, messages, per-device domains) is in msi_domain.c, the
 * descriptor storage in msi_desc.c.
 *
 * Locking (who protects what, and in which order they nest):
 *
 *   1. msi_device_data.lock (per device, "desc lock"): the device's index map,
 *      its descriptors (msi_index, irq, nvec_used, affinity, icookie) and its
 *      per-device domain.  Held for a whole allocation or free, so that an
 *      index is reserved, backed by virqs and published atomically with
 *      respect to other threads working on the same device.  Vectors of
 *      different devices proceed in parallel up to lock 2.
 *   2. irq_domain.root->mutex (per hierarchy): domain revmaps, mapcounts and
 *      the irq_data chains.  Taken by the hierarchy code inside
 *      __irq_domain_alloc_irqs / irq_domain_free_irqs, i.e. with lock 1 held.
 *      The MSI domain ops (msi_domain_alloc/free) run under it and take no
 *      MSI lock, so the parent's allocator state (bitmap of LPIs, events...)
 *      is serialised by it too.
 *   3. the virq (irq_desc) allocator's own lock and each irq_desc.lock:
 *      innermost, taken by irqdesc.c / chip.c (irq_set_msi_desc, activation).
 *
 *   Order: 1 -> 2 -> 3.  msi_registry_lock (msi_desc.c, device -> data
 *   lookup) is a leaf: held only around the registry's hash chains, never
 *   while taking another lock.
 *
 * msi_desc.msg is written during activation and set_affinity, which run under
 * the vector's irq_desc.lock (3) or with the vector not yet visible to anyone.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <stdlib.h>
#include <string.h>

#include "internals.h"
#include "internals_msi.h"

static const char *dname(const struct device *dev)
{
	return dev && dev->name ? dev->name : "?";
}

/* the device's MSI domain for @domid, or NULL with *err set and one line logged */
static struct irq_domain *msi_dev_domain(struct device *dev, unsigned int domid, int *err)
{
	struct irq_domain *d = dev ? dev->msi_domain : NULL;

	if (!dev || domid != MSI_DEFAULT_DOMAIN) {
		pr_err("msi %s: invalid MSI domain id %u", dname(dev), domid);
		*err = -EINVAL;
		return NULL;
	}
	if (!d || !irq_domain_is_msi(d)) {
		pr_err("msi %s: device has no MSI domain", dname(dev));
		*err = -ENODEV;
		return NULL;
	}
	return d;
}

static bool msi_vector_requested(unsigned int virq)
{
	struct irq_desc *desc = irq_to_desc(virq);
	bool busy;

	if (!desc)
		return false;
	raw_spin_lock(&desc->lock);
	busy = desc->action != NULL;
	raw_spin_unlock(&desc->lock);
	return busy;
}

/* md->lock held: give the vectors of @node back and forget it. */
static int msi_free_node_locked(struct msi_device_data *md, struct msi_desc_node *node)
{
	struct msi_desc *desc = &node->desc;

	if (desc->irq) {
		for (unsigned int i = 0; i < desc->nvec_used; i++) {
			if (msi_vector_requested(desc->irq + i)) {
				pr_err("msi %s: index %u: virq %u is still requested, not freed",
				       dname(md->dev), desc->msi_index + i, desc->irq + i);
				return -EBUSY;
			}
		}
		for (unsigned int i = 0; i < desc->nvec_used; i++) {
			struct irq_data *d = irq_domain_get_irq_data(node->domain, desc->irq + i);

			if (d && irqd_is_activated(d))
				irq_domain_deactivate_irq(d);
		}
		irq_domain_free_irqs(desc->irq, desc->nvec_used);
	}
	msi_map_erase(md, desc->msi_index, desc->nvec_used);
	free(node);
	return 0;
}

/*
 * md->lock held: create the descriptor of @nvec vectors at @index, allocate
 * its virqs and publish them.  On failure nothing is left behind.
 */
static int msi_alloc_desc_locked(struct msi_device_data *md, struct irq_domain *domain,
				 unsigned int index, unsigned int nvec,
				 const struct irq_affinity_desc *affdesc,
				 const union msi_instance_cookie *icookie, msi_alloc_info_t *arg)
{
	struct msi_domain_info *info = msi_get_domain_info(domain);
	struct msi_desc_node *node = calloc(1, sizeof(*node));
	int virq, ret;

	if (!node)
		return -ENOMEM;
	node->owner = md;
	node->domain = domain;
	node->desc.dev = md->dev;
	node->desc.msi_index = index;
	node->desc.nvec_used = nvec;
	if (affdesc) {
		node->affinity = *affdesc;
		node->desc.affinity = &node->affinity;
	}
	if (icookie)
		node->desc.icookie = *icookie;
	ret = msi_map_store(md, index, nvec, node);
	if (ret) {
		free(node);
		return ret;
	}

	info->ops->set_desc(arg, &node->desc);
	virq = __irq_domain_alloc_irqs(domain, -1, nvec, NUMA_NO_NODE, arg, false,
				       affdesc ? &node->affinity.mask : NULL);
	if (virq < 0) {
		/* the hierarchy has logged the cause; this only adds which device */
		pr_info("domain %s: msi %s index %u: allocating %u vector(s) failed (%d)",
			domain->name, dname(md->dev), index, nvec, virq);
		msi_map_erase(md, index, nvec);
		free(node);
		return virq;
	}
	node->desc.irq = (unsigned int)virq;
	for (unsigned int i = 0; i < nvec; i++)
		irq_set_msi_desc((unsigned int)virq + i, &node->desc);

	if (info->flags & MSI_FLAG_ACTIVATE_EARLY) {
		for (unsigned int i = 0; i < nvec; i++) {
			ret = irq_domain_activate_irq(irq_get_irq_data((unsigned int)virq + i),
						      true);
			if (ret) {
				pr_info("domain %s: msi %s index %u: early activation failed (%d)",
					domain->name, dname(md->dev), index, ret);
				msi_free_node_locked(md, node);
				return ret;
			}
		}
	}
	return 0;
}

static int msi_check_range(struct msi_device_data *md, struct irq_domain *domain,
			   unsigned int first, unsigned int last)
{
	struct msi_domain_info *info = msi_get_domain_info(domain);

	if (first > last) {
		pr_err("msi %s: empty index range %u-%u", dname(md->dev), first, last);
		return -EINVAL;
	}
	if (last >= info->hwsize) {
		pr_err("domain %s: msi %s index %u out of range (max %u)", domain->name,
		       dname(md->dev), last, info->hwsize - 1);
		return -ERANGE;
	}
	if (!msi_map_range_free(md, first, last - first + 1)) {
		pr_err("msi %s: index range %u-%u already (partly) allocated", dname(md->dev),
		       first, last);
		return -EBUSY;
	}
	return 0;
}

/**
 * msi_domain_alloc_irqs_range() - allocate vectors for indices first..last
 * @dev: the device (its msi_domain allocates)
 * @domid: MSI_DEFAULT_DOMAIN
 * @first: first index
 * @last: last index (inclusive)
 *
 * One descriptor and one virq per index; in a MSI_FLAG_MULTI_PCI_MSI domain a
 * range of more than one index is one Multi-MSI block instead: a single
 * descriptor, a power-of-two number of consecutive virqs allocated in one go.
 * All or nothing: on failure every vector this call allocated is freed.
 *
 * Return: 0; -EINVAL (bad domain id, empty range, Multi-MSI count not a power
 * of two), -ENODEV (no MSI domain), -ERANGE (index beyond the domain's
 * hwsize), -EBUSY (an index already allocated), or the hierarchy's error
 * (-ENOSPC when the parent is exhausted, -ENOMEM).
 */
int msi_domain_alloc_irqs_range(struct device *dev, unsigned int domid, unsigned int first,
				unsigned int last)
{
	struct irq_domain *domain;
	struct msi_domain_info *info;
	struct msi_device_data *md;
	msi_alloc_info_t arg;
	unsigned int n, i;
	int ret = 0;

	domain = msi_dev_domain(dev, domid, &ret);
	if (!domain)
		return ret;
	info = msi_get_domain_info(domain);
	md = msi_dev_data(dev, true);
	if (!md)
		return -ENOMEM;
	n = last - first + 1;
	bool block = (info->flags & MSI_FLAG_MULTI_PCI_MSI) && first <= last && n > 1;

	if (block && !is_power_of_2(n)) {
		pr_err("domain %s: msi %s: Multi-MSI needs a power-of-two vector count, not %u",
		       domain->name, dname(dev), n);
		return -EINVAL;
	}
	mutex_lock(&md->lock);
	ret = msi_check_range(md, domain, first, last);
	if (ret)
		goto out;
	ret = info->ops->msi_prepare(domain, dev, (int)n, &arg);
	if (ret) {
		pr_err("domain %s: msi %s: msi_prepare failed (%d)", domain->name, dname(dev), ret);
		goto out;
	}
	if (block) {
		ret = msi_alloc_desc_locked(md, domain, first, n, NULL, NULL, &arg);
	} else {
		for (i = first; i <= last && !ret; i++)
			ret = msi_alloc_desc_locked(md, domain, i, 1, NULL, NULL, &arg);
		/* undo the indices this call did allocate */
		if (ret)
			for (unsigned int j = first; j + 1 < i; j++)
				msi_free_node_locked(md, msi_map_lookup(md, j));
	}
	if (ret && info->ops->msi_teardown)
		info->ops->msi_teardown(domain, &arg);
out:
	mutex_unlock(&md->lock);
	return ret;
}

/**
 * msi_domain_alloc_irqs() - allocate vectors for indices 0..nirqs-1
 * @dev: the device
 * @domid: MSI_DEFAULT_DOMAIN
 * @nirqs: number of vectors (> 0)
 *
 * Return: as msi_domain_alloc_irqs_range().
 */
int msi_domain_alloc_irqs(struct device *dev, unsigned int domid, int nirqs)
{
	if (nirqs <= 0) {
		pr_err("msi %s: invalid vector count %d", dname(dev), nirqs);
		return -EINVAL;
	}
	return msi_domain_alloc_irqs_range(dev, domid, 0, (unsigned int)nirqs - 1);
}

/**
 * msi_domain_alloc_irq_at() - allocate one vector at an index, on demand
 * @dev: the device
 * @domid: MSI_DEFAULT_DOMAIN
 * @index: the index, or MSI_ANY_INDEX for the lowest free one
 * @affdesc: optional affinity for the vector (copied)
 * @icookie: optional per-instance cookie (copied into the descriptor)
 *
 * Safe against concurrent allocation and freeing on the same and on other
 * devices.
 *
 * Return: {index, virq}; on failure {-errno, 0}: -EBUSY (index in use),
 * -ERANGE (index beyond hwsize), -ENOSPC (no free index, or the parent is
 * exhausted), -ENODEV / -EINVAL (no such MSI domain), -ENOMEM.
 */
struct msi_map msi_domain_alloc_irq_at(struct device *dev, unsigned int domid, unsigned int index,
				       const struct irq_affinity_desc *affdesc,
				       union msi_instance_cookie *icookie)
{
	struct msi_map map = { .index = 0, .virq = 0 };
	struct irq_domain *domain;
	struct msi_domain_info *info;
	struct msi_device_data *md;
	msi_alloc_info_t arg;
	int ret = 0;

	domain = msi_dev_domain(dev, domid, &ret);
	if (!domain) {
		map.index = ret;
		return map;
	}
	info = msi_get_domain_info(domain);
	md = msi_dev_data(dev, true);
	if (!md) {
		map.index = -ENOMEM;
		return map;
	}
	mutex_lock(&md->lock);
	if (index == MSI_ANY_INDEX) {
		index = msi_map_find_free(md, info->hwsize, 1);
		if (index == MSI_ANY_INDEX) {
			pr_err("domain %s: msi %s: all %u indices in use", domain->name, dname(dev),
			       info->hwsize);
			ret = -ENOSPC;
			goto out;
		}
	} else {
		ret = msi_check_range(md, domain, index, index);
		if (ret)
			goto out;
	}
	ret = info->ops->msi_prepare(domain, dev, 1, &arg);
	if (ret) {
		pr_err("domain %s: msi %s: msi_prepare failed (%d)", domain->name, dname(dev), ret);
		goto out;
	}
	ret = msi_alloc_desc_locked(md, domain, index, 1, affdesc, icookie, &arg);
	if (ret) {
		if (info->ops->msi_teardown)
			info->ops->msi_teardown(domain, &arg);
		goto out;
	}
	map.index = (int)index;
	map.virq = (int)msi_map_lookup(md, index)->desc.irq;
out:
	mutex_unlock(&md->lock);
	if (ret)
		map.index = ret;
	return map;
}

/* md->lock held */
void msi_free_all_locked(struct msi_device_data *md)
{
	for (unsigned int p = 0; p < MSI_MAP_PAGES; p++) {
		for (unsigned int s = 0; s < MSI_MAP_SLOTS && md->pages[p]; s++) {
			struct msi_desc_node *node = md->pages[p]->slot[s];

			/* free at the base index; the page may vanish with its last node */
			if (node && node->desc.msi_index == p * MSI_MAP_SLOTS + s)
				msi_free_node_locked(md, node);
		}
	}
}

/**
 * msi_domain_free_irqs_range() - free the vectors of indices first..last
 * @dev: the device
 * @domid: MSI_DEFAULT_DOMAIN
 * @first: first index
 * @last: last index (inclusive)
 *
 * A Multi-MSI block is freed as a whole when its base index is in the range.
 * A vector still requested (request_irq) is not freed (logged).  Freeing a
 * range that holds no vector at all is logged as a misuse.
 */
void msi_domain_free_irqs_range(struct device *dev, unsigned int domid, unsigned int first,
				unsigned int last)
{
	struct msi_device_data *md = dev ? msi_dev_data(dev, false) : NULL;
	unsigned int found = 0;

	if (!dev || domid != MSI_DEFAULT_DOMAIN) {
		pr_err("msi %s: invalid MSI domain id %u", dname(dev), domid);
		return;
	}
	if (md) {
		mutex_lock(&md->lock);
		for (unsigned int i = first; i <= last && i <= MSI_MAX_INDEX; i++) {
			struct msi_desc_node *node = msi_map_lookup(md, i);

			if (node && node->desc.msi_index == i) {
				found++;
				msi_free_node_locked(md, node);
			}
		}
		mutex_unlock(&md->lock);
	}
	if (!found) {
		if (first == last)
			pr_err("msi %s: free of unallocated index %u", dname(dev), first);
		else
			pr_err("msi %s: free of index range %u-%u with no vectors", dname(dev),
			       first, last);
	}
}

/**
 * msi_domain_free_irqs_all() - free every vector of a device
 * @dev: the device
 * @domid: MSI_DEFAULT_DOMAIN
 */
void msi_domain_free_irqs_all(struct device *dev, unsigned int domid)
{
	struct msi_device_data *md = dev ? msi_dev_data(dev, false) : NULL;

	if (!dev || domid != MSI_DEFAULT_DOMAIN) {
		pr_err("msi %s: invalid MSI domain id %u", dname(dev), domid);
		return;
	}
	if (!md)
		return;
	mutex_lock(&md->lock);
	msi_free_all_locked(md);
	mutex_unlock(&md->lock);
}

/**
 * msi_get_virq() - the virq of a device's MSI index
 * @dev: the device
 * @index: the index (for a Multi-MSI block of base b, index b + i gives virq base + i)
 *
 * Return: the virq, or 0 if the index has no vector.
 */
unsigned int msi_get_virq(struct device *dev, unsigned int index)
{
	struct msi_device_data *md = dev ? msi_dev_data(dev, false) : NULL;
	struct msi_desc_node *node;
	unsigned int virq = 0;

	if (!md)
		return 0;
	mutex_lock(&md->lock);
	node = msi_map_lookup(md, index);
	if (node && node->desc.irq)
		virq = node->desc.irq + (index - node->desc.msi_index);
	mutex_unlock(&md->lock);
	return virq;
}

/**
 * msi_device_data_release() - drop everything the MSI layer keeps for a device
 * @dev: the device
 *
 * Frees the device's remaining vectors first, then its per-device domain (if
 * any) and its descriptor storage.  Must be called before the device's memory
 * goes away (irqsim_core_reset() also releases everything).  If a vector is
 * still requested nothing more is released (logged).
 */
void msi_device_data_release(struct device *dev)
{
	struct msi_device_data *md = dev ? msi_dev_data(dev, false) : NULL;
	bool empty;

	if (!md)
		return;
	mutex_lock(&md->lock);
	msi_free_all_locked(md);
	msi_dev_domain_release(md);
	empty = md->nr_slots == 0 && !md->dev_domain;
	mutex_unlock(&md->lock);
	if (empty)
		msi_dev_data_destroy(md);
}
