// SPDX-License-Identifier: MIT
/*
 * Classic (one level) mapping: irq_create_mapping, lookups, dispose,
 * device-tree style fwspec mapping, direct (nomap) mapping.
 *
 * Mapping changes hold the domain's root mutex; lookups take no mutex so
 * they can run from the interrupt path.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include "internals.h"

static struct irq_domain *domain_or_default(struct irq_domain *d)
{
	return d ? d : irq_get_default_host();
}

static void desc_clear_noreq(struct irq_desc *desc, bool noreq)
{
	raw_spin_lock(&desc->lock);
	if (noreq)
		desc->status_use_accessors |= IRQ_NOREQUEST;
	else
		desc->status_use_accessors &= ~IRQ_NOREQUEST;
	raw_spin_unlock(&desc->lock);
}

int irq_domain_associate_locked(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq)
{
	struct irq_desc *desc = irq_to_desc(virq);
	struct irq_data *data;
	int ret;

	if (hwirq >= d->hwirq_max) {
		pr_err("domain %s: hwirq %lu out of range (max %lu)", d->name, hwirq, d->hwirq_max);
		return -EINVAL;
	}
	if (!desc) {
		pr_err("domain %s: associate of unallocated virq %u", d->name, virq);
		return -EINVAL;
	}
	data = &desc->irq_data;
	if (data->domain) {
		pr_err("domain %s: virq %u already mapped in domain %s", d->name, virq,
		       data->domain->name);
		return -EINVAL;
	}
	if (d->kind == IRQ_DOMAIN_KIND_NOMAP && hwirq != virq) {
		pr_err("domain %s: nomap domain needs virq == hwirq (virq %u hwirq %lu)", d->name,
		       virq, hwirq);
		return -EINVAL;
	}
	if (d->kind != IRQ_DOMAIN_KIND_NOMAP && irq_domain_revmap_lookup(d, hwirq)) {
		pr_err("domain %s: hwirq %lu already mapped", d->name, hwirq);
		return -EEXIST;
	}

	data->hwirq = hwirq;
	data->domain = d;
	if (d->ops->map) {
		ret = d->ops->map(d, virq, hwirq);
		if (ret) {
			/* -EPERM is the controller's way of saying "not for Linux": silent */
			if (ret != -EPERM)
				pr_err("domain %s: map of hwirq %lu to virq %u failed: %d", d->name,
				       hwirq, virq, ret);
			data->domain = NULL;
			data->hwirq = 0;
			return ret;
		}
	}
	if (d->kind != IRQ_DOMAIN_KIND_NOMAP) {
		ret = irq_domain_revmap_set(d, hwirq, data);
		if (ret) {
			pr_err("domain %s: no memory for the reverse map of hwirq %lu", d->name,
			       hwirq);
			if (d->ops->unmap)
				d->ops->unmap(d, virq);
			data->domain = NULL;
			data->hwirq = 0;
			return ret;
		}
	}
	d->mapcount++;
	desc_clear_noreq(desc, false);
	return 0;
}

/**
 * irq_domain_associate() - map an allocated virq to @hwirq of @d
 * @d: domain
 * @virq: allocated, unmapped virq
 * @hwirq: hardware number (< hwirq_max)
 * Return: 0 or a negative errno (logged, except -EPERM from ops->map).
 */
int irq_domain_associate(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq)
{
	int ret;

	d = domain_or_default(d);
	if (!d) {
		pr_err("associate of virq %u with no domain", virq);
		return -EINVAL;
	}
	mutex_lock(&d->root->mutex);
	ret = irq_domain_associate_locked(d, virq, hwirq);
	mutex_unlock(&d->root->mutex);
	return ret;
}

/**
 * irq_domain_associate_many() - irq_domain_associate() for @count consecutive pairs
 * @d: domain
 * @irq_base: first virq
 * @hwirq_base: first hwirq
 * @count: number of pairs
 */
void irq_domain_associate_many(struct irq_domain *d, unsigned int irq_base,
			       irq_hw_number_t hwirq_base, int count)
{
	for (int i = 0; i < count; i++)
		irq_domain_associate(d, irq_base + (unsigned int)i,
				     hwirq_base + (irq_hw_number_t)i);
}

/**
 * irq_find_mapping() - the virq of (@d, @hwirq)
 * @d: domain (NULL: the default domain)
 * @hwirq: hardware number
 * Return: the virq, 0 if unmapped.
 */
unsigned int irq_find_mapping(struct irq_domain *d, irq_hw_number_t hwirq)
{
	struct irq_data *data;

	if (unlikely(!d)) {
		d = irq_get_default_host();
		if (!d)
			return 0;
	}
	if (unlikely(d->kind == IRQ_DOMAIN_KIND_NOMAP)) {
		if (hwirq >= d->hwirq_max || hwirq >= IRQ_MAX_VIRQS)
			return 0;
		data = irq_get_irq_data((unsigned int)hwirq);
		return data && data->domain == d ? (unsigned int)hwirq : 0;
	}
	data = irq_domain_revmap_lookup(d, hwirq);
	return data ? data->irq : 0;
}

/**
 * irq_resolve_mapping() - the descriptor of (@d, @hwirq)
 * @d: domain (NULL: the default domain)
 * @hwirq: hardware number
 * Return: the desc, NULL if unmapped.
 */
struct irq_desc *irq_resolve_mapping(struct irq_domain *d, irq_hw_number_t hwirq)
{
	unsigned int virq = irq_find_mapping(d, hwirq);

	return virq ? irq_to_desc(virq) : NULL;
}

unsigned int irq_create_mapping_locked(struct irq_domain *d, irq_hw_number_t hwirq,
				       const struct cpumask *affinity)
{
	unsigned int virq = irq_find_mapping(d, hwirq);
	int ret;

	if (virq)
		return virq;
	if (hwirq >= d->hwirq_max) {
		pr_err("domain %s: hwirq %lu out of range (max %lu)", d->name, hwirq, d->hwirq_max);
		return 0;
	}
	ret = __irq_alloc_descs(-1, 1, 1, NUMA_NO_NODE, affinity);
	if (ret < 0) {
		pr_err("domain %s: no virq for hwirq %lu: %d", d->name, hwirq, ret);
		return 0;
	}
	virq = (unsigned int)ret;
	if (irq_domain_associate_locked(d, virq, hwirq)) {
		irq_free_desc(virq);
		return 0;
	}
	return virq;
}

/**
 * irq_create_mapping_affinity() - map @hwirq of @d, allocating a virq
 * @d: domain (NULL: the default domain)
 * @hwirq: hardware number
 * @affinity: initial affinity (struct cpumask *), NULL for all possible CPUs
 * Return: the (existing or new) virq, 0 on failure (logged; -EPERM from
 * ops->map is silent).
 */
unsigned int irq_create_mapping_affinity(struct irq_domain *d, irq_hw_number_t hwirq,
					 const void *affinity)
{
	unsigned int virq;

	d = domain_or_default(d);
	if (!d) {
		pr_err("create mapping of hwirq %lu with no domain", hwirq);
		return 0;
	}
	mutex_lock(&d->root->mutex);
	virq = irq_create_mapping_locked(d, hwirq, affinity);
	mutex_unlock(&d->root->mutex);
	return virq;
}

/**
 * irq_create_direct_mapping() - allocate a virq in a nomap domain (hwirq = virq)
 * @d: nomap domain (NULL: the default domain)
 * Return: the virq, 0 on failure (logged).
 */
unsigned int irq_create_direct_mapping(struct irq_domain *d)
{
	int ret;
	unsigned int virq;

	d = domain_or_default(d);
	if (!d || d->kind != IRQ_DOMAIN_KIND_NOMAP) {
		pr_err("domain %s: direct mapping needs a nomap domain", irq_domain_log_name(d));
		return 0;
	}
	mutex_lock(&d->root->mutex);
	ret = __irq_alloc_descs(-1, 1, 1, NUMA_NO_NODE, NULL);
	if (ret < 0) {
		mutex_unlock(&d->root->mutex);
		pr_err("domain %s: no virq for a direct mapping: %d", d->name, ret);
		return 0;
	}
	virq = (unsigned int)ret;
	if (virq >= d->hwirq_max) {
		pr_err("domain %s: virq %u beyond max_irq %lu", d->name, virq, d->hwirq_max);
		irq_free_desc(virq);
		virq = 0;
	} else if (irq_domain_associate_locked(d, virq, virq)) {
		irq_free_desc(virq);
		virq = 0;
	}
	mutex_unlock(&d->root->mutex);
	return virq;
}

/**
 * irq_dispose_mapping() - undo irq_create_mapping / irq_create_fwspec_mapping
 * @virq: virq
 *
 * Hierarchical mappings are freed with irq_domain_free_irqs(); others are
 * unmapped (ops->unmap), removed from the reverse map and their desc freed.
 * Unknown, unmapped or still-requested virqs are refused with a log line.
 */
void irq_dispose_mapping(unsigned int virq)
{
	struct irq_desc *desc = irq_to_desc(virq);
	struct irq_domain *d;
	struct irq_data *data;

	if (!desc) {
		if (virq)
			pr_err("dispose of unknown virq %u", virq);
		return;
	}
	data = &desc->irq_data;
	d = data->domain;
	if (!d) {
		pr_err("dispose of unmapped virq %u", virq);
		return;
	}
	if (irq_domain_is_hierarchy(d)) {
		irq_domain_free_irqs(virq, 1);
		return;
	}
	if (desc->action) {
		pr_err("domain %s: dispose of virq %u refused: still requested", d->name, virq);
		return;
	}
	mutex_lock(&d->root->mutex);
	desc_clear_noreq(desc, true);
	if (d->ops->unmap)
		d->ops->unmap(d, virq);
	if (d->kind != IRQ_DOMAIN_KIND_NOMAP)
		irq_domain_revmap_clear(d, data->hwirq, data);
	d->mapcount--;
	data->domain = NULL;
	data->hwirq = 0;
	irq_free_desc(virq);
	mutex_unlock(&d->root->mutex);
}

/* translate: ops->translate, else ops->xlate, else param[0] with no type */
static int fwspec_translate(struct irq_domain *d, struct irq_fwspec *fwspec, irq_hw_number_t *hwirq,
			    unsigned int *type)
{
	*type = IRQ_TYPE_NONE;
	if (d->ops->translate)
		return d->ops->translate(d, fwspec, hwirq, type);
	if (d->ops->xlate)
		return d->ops->xlate(d, fwspec->fwnode ? fwspec->fwnode->of_node : NULL,
				     fwspec->param, (unsigned int)fwspec->param_count, hwirq, type);
	if (fwspec->param_count < 1)
		return -EINVAL;
	*hwirq = fwspec->param[0];
	return 0;
}

/**
 * irq_create_fwspec_mapping() - map an interrupt described by firmware
 * @fwspec: fwnode (NULL: default domain) and cells
 *
 * Finds the domain (WIRED token first, then any), translates the cells,
 * reuses an existing mapping when the trigger types agree (or fills in a
 * missing type), allocates through the hierarchy for hierarchical domains,
 * and records the trigger type in the irq_data (applied at request time).
 * Return: the virq, 0 on failure (logged).
 */
unsigned int irq_create_fwspec_mapping(struct irq_fwspec *fwspec)
{
	struct irq_domain *d;
	irq_hw_number_t hwirq;
	unsigned int type, virq;
	int ret;

	if (!fwspec) {
		pr_err("fwspec mapping with NULL fwspec");
		return 0;
	}
	if (fwspec->fwnode) {
		d = irq_find_matching_fwspec(fwspec, DOMAIN_BUS_WIRED);
		if (!d)
			d = irq_find_matching_fwspec(fwspec, DOMAIN_BUS_ANY);
	} else {
		d = irq_get_default_host();
	}
	if (!d) {
		pr_err("no irq domain found for %s",
		       fwspec->fwnode && fwspec->fwnode->name ? fwspec->fwnode->name : "(default)");
		return 0;
	}
	ret = fwspec_translate(d, fwspec, &hwirq, &type);
	if (ret) {
		pr_err("domain %s: cannot translate interrupt specifier (%d cells): %d", d->name,
		       fwspec->param_count, ret);
		return 0;
	}
	type &= IRQ_TYPE_SENSE_MASK;

	mutex_lock(&d->root->mutex);
	virq = irq_find_mapping(d, hwirq);
	if (virq) {
		struct irq_data *data = irq_get_irq_data(virq);
		unsigned int cur = irqd_get_trigger_type(data);

		if (type != IRQ_TYPE_NONE && type != cur) {
			if (cur == IRQ_TYPE_NONE) {
				irqd_set_trigger_type(data, type);
			} else {
				pr_warn("domain %s: type mismatch, failed to map hwirq %lu (type %u, mapped as %u)",
					d->name, hwirq, type, cur);
				virq = 0;
			}
		}
		mutex_unlock(&d->root->mutex);
		return virq;
	}
	if (irq_domain_is_hierarchy(d)) {
		ret = irq_domain_alloc_irqs_locked(d, -1, 1, NUMA_NO_NODE, fwspec, false, NULL);
		virq = ret > 0 ? (unsigned int)ret : 0;
	} else {
		virq = irq_create_mapping_locked(d, hwirq, NULL);
	}
	if (virq)
		irqd_set_trigger_type(irq_get_irq_data(virq), type);
	mutex_unlock(&d->root->mutex);
	return virq;
}

/**
 * irq_domain_translate_onecell() - one cell: the hwirq
 * @d: domain (unused)
 * @fwspec: specifier
 * @out_hwirq: hwirq
 * @out_type: IRQ_TYPE_NONE
 * Return: 0, or -EINVAL with no cell.
 */
int irq_domain_translate_onecell(struct irq_domain *d, struct irq_fwspec *fwspec,
				 unsigned long *out_hwirq, unsigned int *out_type)
{
	(void)d;
	if (fwspec->param_count < 1)
		return -EINVAL;
	*out_hwirq = fwspec->param[0];
	*out_type = IRQ_TYPE_NONE;
	return 0;
}

/**
 * irq_domain_translate_twocell() - two cells: hwirq, trigger type
 * @d: domain (unused)
 * @fwspec: specifier
 * @out_hwirq: hwirq
 * @out_type: IRQ_TYPE_* from the second cell
 * Return: 0, or -EINVAL with fewer than two cells.
 */
int irq_domain_translate_twocell(struct irq_domain *d, struct irq_fwspec *fwspec,
				 unsigned long *out_hwirq, unsigned int *out_type)
{
	(void)d;
	if (fwspec->param_count < 2)
		return -EINVAL;
	*out_hwirq = fwspec->param[0];
	*out_type = fwspec->param[1] & IRQ_TYPE_SENSE_MASK;
	return 0;
}
