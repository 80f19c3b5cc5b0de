// SPDX-License-Identifier: MIT
/*
 * Hierarchical irq domains: one irq_data per level of the stack for each
 * virq, allocation/free through the outermost domain's ops (each level calls
 * its parent), activation innermost-first, push/pop of a top level.
 *
 * Locking: every mapping change of a hierarchy holds the root domain's mutex;
 * the *_parent helpers run inside a child's callback and so never take it.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <stdlib.h>

#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include "internals.h"

/* the chip a level gets when a domain cuts the hierarchy below it */
#define IRQ_CHIP_DISCONNECTED ((struct irq_chip *)ERR_PTR(-ENOTCONN))

/**
 * irq_domain_get_irq_data() - the level of @virq that belongs to @d
 * @d: domain
 * @virq: virq
 * Return: that irq_data, NULL if @d has no level in @virq's chain.
 */
struct irq_data *irq_domain_get_irq_data(struct irq_domain *d, unsigned int virq)
{
	for (struct irq_data *data = irq_get_irq_data(virq); data; data = data->parent_data)
		if (data->domain == d)
			return data;
	return NULL;
}

/* reset the outermost level after a failed or undone allocation */
static void level0_reset(struct irq_desc *desc)
{
	struct irq_data *data = &desc->irq_data;

	irq_data_free_parent_chain(data);
	data->domain = NULL;
	data->hwirq = 0;
	data->chip = &no_irq_chip;
	data->chip_data = NULL;
}

/* one zeroed level per ancestor of d, outermost (embedded) level gets d */
static int build_chain(struct irq_domain *d, unsigned int virq)
{
	struct irq_desc *desc = irq_to_desc(virq);
	struct irq_data *data = &desc->irq_data;

	data->domain = d;
	for (struct irq_domain *p = d->parent; p; p = p->parent) {
		struct irq_data *level = calloc(1, sizeof(*level));

		if (!level) {
			level0_reset(desc);
			return -ENOMEM;
		}
		level->irq = virq;
		level->common = data->common;
		level->domain = p;
		data->parent_data = level;
		data = level;
	}
	return 0;
}

static int alloc_hierarchy(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs, void *arg)
{
	if (!d->ops->alloc) {
		pr_err("domain %s: cannot allocate: no .alloc", d->name);
		return -ENOSYS;
	}
	return d->ops->alloc(d, virq, nr_irqs, arg);
}

/* free callbacks one virq at a time, skipping virqs where d has no level */
static void free_hierarchy(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++)
		if (d->ops->free && irq_domain_get_irq_data(d, virq + i))
			d->ops->free(d, virq + i, 1);
}

/*
 * Cut off the levels a domain disconnected.  A disconnected level must only
 * be followed by disconnected levels, and the outermost one cannot be cut.
 */
static int trim_check(unsigned int virq)
{
	struct irq_data *data = irq_get_irq_data(virq);
	bool cut = false;

	if (data->chip == IRQ_CHIP_DISCONNECTED)
		return -EINVAL;
	for (data = data->parent_data; data; data = data->parent_data) {
		if (data->chip == IRQ_CHIP_DISCONNECTED)
			cut = true;
		else if (cut)
			return -EINVAL;
	}
	return 0;
}

static void trim_apply(unsigned int virq)
{
	for (struct irq_data *data = irq_get_irq_data(virq); data; data = data->parent_data) {
		if (data->parent_data && data->parent_data->chip == IRQ_CHIP_DISCONNECTED) {
			irq_data_free_parent_chain(data);
			break;
		}
	}
}

/* publish every level in its domain's reverse map; the virq becomes requestable */
static void insert_levels(unsigned int virq)
{
	struct irq_desc *desc = irq_to_desc(virq);

	for (struct irq_data *data = &desc->irq_data; data; data = data->parent_data) {
		struct irq_domain *d = data->domain;
		struct irq_data *old = irq_domain_revmap_lookup(d, data->hwirq);

		if (!data->chip)
			data->chip = &no_irq_chip;
		d->mapcount++;
		if (old && old != data) {
			/* keep the first owner; removal only clears entries it still owns */
			pr_warn("domain %s: hwirq %lu of virq %u already maps virq %u", d->name,
				data->hwirq, virq, old->irq);
			continue;
		}
		if (irq_domain_revmap_set(d, data->hwirq, data))
			pr_err("domain %s: no memory for the reverse map of hwirq %lu", d->name,
			       data->hwirq);
	}
	raw_spin_lock(&desc->lock);
	desc->status_use_accessors &= ~IRQ_NOREQUEST;
	raw_spin_unlock(&desc->lock);
}

static void remove_levels(unsigned int virq)
{
	struct irq_desc *desc = irq_to_desc(virq);

	raw_spin_lock(&desc->lock);
	desc->status_use_accessors |= IRQ_NOREQUEST;
	raw_spin_unlock(&desc->lock);
	for (struct irq_data *data = &desc->irq_data; data; data = data->parent_data) {
		irq_domain_revmap_clear(data->domain, data->hwirq, data);
		data->domain->mapcount--;
	}
}

/* undo chains and (unless realloc) descs of a failed allocation */
static void unwind_alloc(unsigned int virq, unsigned int nr_irqs, bool realloc)
{
	for (unsigned int i = 0; i < nr_irqs; i++)
		level0_reset(irq_to_desc(virq + i));
	if (!realloc)
		irq_free_descs(virq, nr_irqs);
}

int irq_domain_alloc_irqs_locked(struct irq_domain *d, int irq_base, unsigned int nr_irqs, int node,
				 void *arg, bool realloc, const struct cpumask *affinity)
{
	unsigned int virq, built;
	int ret;

	if (realloc && irq_base > 0) {
		virq = (unsigned int)irq_base;
		for (unsigned int i = 0; i < nr_irqs; i++) {
			struct irq_desc *desc = irq_to_desc(virq + i);

			if (!desc || desc->irq_data.domain) {
				pr_err("domain %s: realloc of %s virq %u", d->name,
				       desc ? "mapped" : "unallocated", virq + i);
				return -EINVAL;
			}
		}
	} else {
		ret = __irq_alloc_descs(irq_base, irq_base > 0 ? (unsigned int)irq_base : 1,
					nr_irqs, node, affinity);
		if (ret < 0) {
			pr_err("domain %s: cannot allocate %u virqs: %d", d->name, nr_irqs, ret);
			return ret;
		}
		virq = (unsigned int)ret;
		realloc = false;
	}

	for (built = 0; built < nr_irqs; built++) {
		ret = build_chain(d, virq + built);
		if (ret) {
			pr_err("domain %s: out of memory building the hierarchy of virq %u",
			       d->name, virq + built);
			goto unwind;
		}
	}

	ret = alloc_hierarchy(d, virq, nr_irqs, arg);
	if (ret < 0) {
		pr_warn("domain %s: allocation of %u irqs at virq %u failed: %d", d->name, nr_irqs,
			virq, ret);
		goto unwind;
	}

	for (unsigned int i = 0; i < nr_irqs; i++) {
		if (trim_check(virq + i)) {
			pr_err("domain %s: virq %u: invalid disconnected hierarchy", d->name,
			       virq + i);
			free_hierarchy(d, virq, nr_irqs);
			ret = -EINVAL;
			goto unwind;
		}
	}
	for (unsigned int i = 0; i < nr_irqs; i++) {
		trim_apply(virq + i);
		insert_levels(virq + i);
	}
	return (int)virq;

unwind:
	unwind_alloc(virq, nr_irqs, realloc);
	return ret;
}

/**
 * __irq_domain_alloc_irqs() - allocate interrupts through a domain hierarchy
 * @d: outermost domain (NULL: the default domain)
 * @irq_base: exact first virq wanted, or -1 for any
 * @nr_irqs: number of consecutive virqs
 * @node: NUMA node (ignored)
 * @arg: passed to the outermost ops->alloc (an irq_fwspec, msi_alloc_info...)
 * @realloc: descs at @irq_base already exist (IPI reservation): only build levels
 * @affinity: initial affinity (struct cpumask *), NULL for all possible CPUs
 *
 * Runs under the root domain's mutex; any failure undoes everything (levels,
 * descs) so nothing leaks.
 * Return: first virq, or a negative errno (logged).
 */
int __irq_domain_alloc_irqs(struct irq_domain *d, int irq_base, unsigned int nr_irqs, int node,
			    void *arg, bool realloc, const void *affinity)
{
	int ret;

	if (!d)
		d = irq_get_default_host();
	if (!d) {
		pr_err("allocation of %u irqs with no domain", nr_irqs);
		return -EINVAL;
	}
	if (!nr_irqs) {
		pr_err("domain %s: allocation of 0 irqs", d->name);
		return -EINVAL;
	}
	if (!d->ops->alloc) {
		pr_err("domain %s: not a hierarchy domain (no .alloc)", d->name);
		return -ENOSYS;
	}
	mutex_lock(&d->root->mutex);
	ret = irq_domain_alloc_irqs_locked(d, irq_base, nr_irqs, node, arg, realloc, affinity);
	mutex_unlock(&d->root->mutex);
	return ret;
}

/**
 * irq_domain_alloc_irqs_parent() - from a child's .alloc: allocate the parent levels
 * @d: the calling (child) domain
 * @irq_base: first virq
 * @nr_irqs: number
 * @arg: the parent's alloc argument
 * Return: the parent's result, -ENOSYS (logged) without a parent.
 */
int irq_domain_alloc_irqs_parent(struct irq_domain *d, unsigned int irq_base, unsigned int nr_irqs,
				 void *arg)
{
	if (!d->parent) {
		pr_err("domain %s: no parent domain to allocate from", d->name);
		return -ENOSYS;
	}
	return alloc_hierarchy(d->parent, irq_base, nr_irqs, arg);
}

/**
 * irq_domain_free_irqs_parent() - from a child's .free: free the parent levels
 * @d: the calling (child) domain
 * @irq_base: first virq
 * @nr_irqs: number
 */
void irq_domain_free_irqs_parent(struct irq_domain *d, unsigned int irq_base, unsigned int nr_irqs)
{
	if (d->parent)
		free_hierarchy(d->parent, irq_base, nr_irqs);
}

/**
 * irq_domain_free_irqs() - free virqs allocated with irq_domain_alloc_irqs()
 * @virq: first virq
 * @nr_irqs: number
 *
 * Refused (one log line) for unknown, non-hierarchical or still-requested virqs.
 */
void irq_domain_free_irqs(unsigned int virq, unsigned int nr_irqs)
{
	struct irq_desc *desc = irq_to_desc(virq);
	struct irq_domain *d = desc ? desc->irq_data.domain : NULL;

	if (!d || !irq_domain_is_hierarchy(d)) {
		pr_err("free of virq %u: %s", virq,
		       !desc ? "unknown virq" :
		       !d    ? "not mapped" :
			       "not a hierarchy mapping");
		return;
	}
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_desc *di = irq_to_desc(virq + i);

		if (!di || di->irq_data.domain != d) {
			pr_err("domain %s: free of virq %u..%u: virq %u is not part of it", d->name,
			       virq, virq + nr_irqs - 1, virq + i);
			return;
		}
		if (di->action) {
			pr_err("domain %s: free of virq %u refused: still requested", d->name,
			       virq + i);
			return;
		}
	}
	mutex_lock(&d->root->mutex);
	for (unsigned int i = 0; i < nr_irqs; i++)
		remove_levels(virq + i);
	free_hierarchy(d, virq, nr_irqs);
	for (unsigned int i = 0; i < nr_irqs; i++)
		level0_reset(irq_to_desc(virq + i));
	irq_free_descs(virq, nr_irqs);
	mutex_unlock(&d->root->mutex);
}

/**
 * irq_domain_reset_irq_data() - clear one level: hwirq 0, no_irq_chip, no chip data
 * @irq_data: level
 */
void irq_domain_reset_irq_data(struct irq_data *irq_data)
{
	irq_data->hwirq = 0;
	irq_data->chip = &no_irq_chip;
	irq_data->chip_data = NULL;
}

/**
 * irq_domain_free_irqs_common() - generic .free: reset own levels, free the parent's
 * @d: domain
 * @virq: first virq
 * @nr_irqs: number
 */
void irq_domain_free_irqs_common(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *data = irq_domain_get_irq_data(d, virq + i);

		if (data)
			irq_domain_reset_irq_data(data);
	}
	irq_domain_free_irqs_parent(d, virq, nr_irqs);
}

/**
 * irq_domain_free_irqs_top() - .free of an outermost domain: also drop the flow handler
 * @d: domain
 * @virq: first virq
 * @nr_irqs: number
 */
void irq_domain_free_irqs_top(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++) {
		irq_set_handler_data(virq + i, NULL);
		__irq_set_handler(virq + i, NULL, 0, NULL);
	}
	irq_domain_free_irqs_common(d, virq, nr_irqs);
}

/**
 * irq_domain_set_hwirq_and_chip() - fill in @d's level of @virq
 * @d: domain
 * @virq: virq
 * @hwirq: hwirq in @d
 * @chip: chip (NULL: no_irq_chip)
 * @chip_data: chip private data
 * Return: 0, or -ENOENT (logged) if @d has no level in @virq's chain.
 */
int irq_domain_set_hwirq_and_chip(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq,
				  const struct irq_chip *chip, void *chip_data)
{
	struct irq_data *data = irq_domain_get_irq_data(d, virq);

	if (!data) {
		pr_err("domain %s: virq %u has no level in this domain", irq_domain_log_name(d),
		       virq);
		return -ENOENT;
	}
	data->hwirq = hwirq;
	data->chip = (struct irq_chip *)(chip ? chip : &no_irq_chip);
	data->chip_data = chip_data;
	return 0;
}

/**
 * irq_domain_set_info() - set @d's level and the virq's flow handler
 * @d: domain
 * @virq: virq
 * @hwirq: hwirq in @d
 * @chip: chip (NULL: no_irq_chip)
 * @chip_data: chip private data
 * @handler: flow handler
 * @handler_data: flow handler data
 * @handler_name: flow name override, may be NULL
 */
void irq_domain_set_info(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq,
			 const struct irq_chip *chip, void *chip_data, irq_flow_handler_t handler,
			 void *handler_data, const char *handler_name)
{
	if (irq_domain_set_hwirq_and_chip(d, virq, hwirq, chip, chip_data))
		return;
	__irq_set_handler(virq, handler, 0, handler_name);
	irq_set_handler_data(virq, handler_data);
}

/**
 * irq_domain_disconnect_hierarchy() - mark @d's level of @virq (and all below) unused
 * @d: domain
 * @virq: virq
 *
 * For a domain's .alloc that finds it needs no parent for this interrupt; the
 * core cuts those levels off once allocation succeeds.
 * Return: 0, -EINVAL (logged) if @d has no level in @virq's chain.
 */
int irq_domain_disconnect_hierarchy(struct irq_domain *d, unsigned int virq)
{
	struct irq_data *data = irq_domain_get_irq_data(d, virq);

	if (!data) {
		pr_err("domain %s: disconnect of virq %u: no level in this domain",
		       irq_domain_log_name(d), virq);
		return -EINVAL;
	}
	data->chip = IRQ_CHIP_DISCONNECTED;
	return 0;
}

/* ---- activation ---------------------------------------------------------------- */

static void deactivate_levels(struct irq_data *data)
{
	for (; data && data->domain; data = data->parent_data)
		if (data->domain->ops->deactivate)
			data->domain->ops->deactivate(data->domain, data);
}

static int activate_levels(struct irq_data *data, bool reserve)
{
	int ret = 0;

	if (!data || !data->domain)
		return 0;
	/* innermost first: a child's activation may depend on its parent's */
	ret = activate_levels(data->parent_data, reserve);
	if (ret)
		return ret;
	if (data->domain->ops->activate) {
		ret = data->domain->ops->activate(data->domain, data, reserve);
		if (ret)
			deactivate_levels(data->parent_data);
	}
	return ret;
}

/**
 * irq_domain_activate_irq() - activate every level, innermost first
 * @irq_data: outermost level
 * @reserve: reserve resources only (early activation)
 *
 * No-op when already activated.  If a level fails, the levels below it that
 * were activated are deactivated again.
 * Return: 0 or the failing level's errno (logged).
 */
int irq_domain_activate_irq(struct irq_data *irq_data, bool reserve)
{
	int ret;

	if (irqd_is_activated(irq_data))
		return 0;
	ret = activate_levels(irq_data, reserve);
	if (ret) {
		pr_warn("domain %s: activation of virq %u failed: %d",
			irq_domain_log_name(irq_data->domain), irq_data->irq, ret);
		return ret;
	}
	irq_data->common->state_use_accessors |= IRQD_ACTIVATED;
	return 0;
}

/**
 * irq_domain_deactivate_irq() - deactivate every level, outermost first
 * @irq_data: outermost level
 */
void irq_domain_deactivate_irq(struct irq_data *irq_data)
{
	if (!irqd_is_activated(irq_data))
		return;
	deactivate_levels(irq_data);
	irq_data->common->state_use_accessors &= ~IRQD_ACTIVATED;
}

/* ---- push / pop ------------------------------------------------------------------ */

/* move a reverse-map entry to the level's new address, if it still owns it */
static void revmap_repoint(struct irq_data *from, struct irq_data *to)
{
	if (irq_domain_revmap_lookup(to->domain, to->hwirq) == from)
		irq_domain_revmap_set(to->domain, to->hwirq, to);
}

/**
 * irq_domain_push_irq() - stack @d on top of an existing virq
 * @d: hierarchy domain whose parent is the virq's current outermost domain
 * @virq: virq (not requested)
 * @arg: passed to @d's .alloc (which must not allocate the parent)
 * Return: 0 or a negative errno (logged); on failure nothing changes.
 */
int irq_domain_push_irq(struct irq_domain *d, int virq, void *arg)
{
	struct irq_desc *desc = virq > 0 ? irq_to_desc((unsigned int)virq) : NULL;
	struct irq_data *top, *moved;
	int ret;

	if (!d || !desc || !irq_domain_is_hierarchy(d) || !d->ops->alloc) {
		pr_err("domain %s: push of virq %d: %s", irq_domain_log_name(d), virq,
		       !desc ? "unknown virq" : "not a hierarchy domain");
		return -EINVAL;
	}
	top = &desc->irq_data;
	if (!top->domain || d->parent != top->domain) {
		pr_err("domain %s: push of virq %d: parent is not the virq's outermost domain",
		       d->name, virq);
		return -EINVAL;
	}
	if (desc->action) {
		pr_err("domain %s: push of virq %d refused: already requested", d->name, virq);
		return -EBUSY;
	}
	moved = malloc(sizeof(*moved));
	if (!moved) {
		pr_err("domain %s: push of virq %d: out of memory", d->name, virq);
		return -ENOMEM;
	}

	mutex_lock(&d->root->mutex);
	/* the old outermost level moves into a calloc'd level below the new one */
	*moved = *top;
	revmap_repoint(top, moved);
	top->parent_data = moved;
	top->domain = d;
	top->hwirq = 0;
	top->chip = NULL;
	top->chip_data = NULL;

	ret = d->ops->alloc(d, (unsigned int)virq, 1, arg);
	if (ret < 0) {
		pr_warn("domain %s: push of virq %d failed: %d", d->name, virq, ret);
		*top = *moved;
		revmap_repoint(moved, top);
		free(moved);
		mutex_unlock(&d->root->mutex);
		return ret;
	}
	if (!top->chip)
		top->chip = &no_irq_chip;
	if (irq_domain_revmap_set(d, top->hwirq, top))
		pr_err("domain %s: no memory for the reverse map of hwirq %lu", d->name,
		       top->hwirq);
	d->mapcount++;
	mutex_unlock(&d->root->mutex);
	return 0;
}

/**
 * irq_domain_pop_irq() - remove @d from the top of a virq pushed with irq_domain_push_irq()
 * @d: the virq's outermost domain; its .free must not free the parent levels
 * @virq: virq (not requested)
 * Return: 0 or a negative errno (logged); on failure nothing changes.
 */
int irq_domain_pop_irq(struct irq_domain *d, int virq)
{
	struct irq_desc *desc = virq > 0 ? irq_to_desc((unsigned int)virq) : NULL;
	struct irq_data *top, *below;

	if (!d || !desc || desc->irq_data.domain != d || !desc->irq_data.parent_data) {
		pr_err("domain %s: pop of virq %d: %s", irq_domain_log_name(d), virq,
		       !desc ? "unknown virq" : "domain is not the virq's pushed outermost level");
		return -EINVAL;
	}
	if (desc->action) {
		pr_err("domain %s: pop of virq %d refused: still requested", d->name, virq);
		return -EBUSY;
	}
	mutex_lock(&d->root->mutex);
	top = &desc->irq_data;
	irq_domain_revmap_clear(d, top->hwirq, top);
	d->mapcount--;
	free_hierarchy(d, (unsigned int)virq, 1);
	below = top->parent_data;
	*top = *below;
	revmap_repoint(below, top);
	free(below);
	mutex_unlock(&d->root->mutex);
	return 0;
}
