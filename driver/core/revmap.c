// SPDX-License-Identifier: MIT
/*
 * Reverse maps: hwirq -> irq_data for one domain.
 *
 * Small hwirqs live in the domain's linear array (revmap[hwirq], hwirq <
 * revmap_size); everything else in a radix tree of 64-way nodes whose height
 * grows with the largest key, so sparse keys such as TI INTA's devid<<16|index
 * or LPI INTIDs up to 2^24 cost a few pointer hops and memory only for the
 * populated paths.
 *
 * Writers hold the root mutex of the domain's hierarchy.  Readers come from
 * the interrupt path: the linear array is read with acquire loads (published
 * with release stores), the tree under its read lock.
 */
#define _POSIX_C_SOURCE 200809L /* pthread_rwlock_t */
#include <stdlib.h>

#include <linux/irqdomain.h>

#include "internals.h"

#define RADIX_BITS 6
#define RADIX_SLOTS (1u << RADIX_BITS)
#define RADIX_MAX_HEIGHT ((BITS_PER_LONG + RADIX_BITS - 1) / RADIX_BITS)

struct radix_node {
	void *slot[RADIX_SLOTS]; /* child nodes, or irq_data at the bottom level */
	unsigned int count;	 /* non-NULL slots */
};

struct irq_revmap_tree {
	pthread_rwlock_t lock;
	struct radix_node *root;
	unsigned int height; /* keys < 2^(RADIX_BITS*height) fit; 0 = empty */
	size_t count;
};

static bool key_fits(unsigned long key, unsigned int height)
{
	unsigned int bits = height * RADIX_BITS;

	return bits >= BITS_PER_LONG || (key >> bits) == 0;
}

static unsigned int slot_index(unsigned long key, unsigned int level)
{
	return (unsigned int)(key >> (level * RADIX_BITS)) & (RADIX_SLOTS - 1);
}

struct irq_revmap_tree *irq_revmap_tree_create(void)
{
	struct irq_revmap_tree *t = calloc(1, sizeof(*t));

	if (t)
		pthread_rwlock_init(&t->lock, NULL);
	return t;
}

static void radix_free(struct radix_node *n, unsigned int height)
{
	if (!n)
		return;
	if (height > 1)
		for (unsigned int i = 0; i < RADIX_SLOTS; i++)
			radix_free(n->slot[i], height - 1);
	free(n);
}

void irq_revmap_tree_destroy(struct irq_revmap_tree *t)
{
	if (!t)
		return;
	radix_free(t->root, t->height);
	pthread_rwlock_destroy(&t->lock);
	free(t);
}

size_t irq_revmap_tree_count(struct irq_revmap_tree *t)
{
	size_t n;

	pthread_rwlock_rdlock(&t->lock);
	n = t->count;
	pthread_rwlock_unlock(&t->lock);
	return n;
}

static struct irq_data *tree_lookup(struct irq_revmap_tree *t, unsigned long key)
{
	struct radix_node *n;
	void *v = NULL;

	pthread_rwlock_rdlock(&t->lock);
	n = t->root;
	if (n && key_fits(key, t->height)) {
		for (unsigned int level = t->height - 1;; level--) {
			v = n->slot[slot_index(key, level)];
			if (!v || level == 0)
				break;
			n = v;
		}
	}
	pthread_rwlock_unlock(&t->lock);
	return v;
}

static int tree_insert(struct irq_revmap_tree *t, unsigned long key, struct irq_data *data)
{
	struct radix_node *n;
	int ret = 0;

	pthread_rwlock_wrlock(&t->lock);
	/* grow: the old root becomes slot 0 of a new, taller root */
	while (!t->root || !key_fits(key, t->height)) {
		struct radix_node *top = calloc(1, sizeof(*top));

		if (!top) {
			ret = -ENOMEM;
			goto out;
		}
		if (t->root) {
			top->slot[0] = t->root;
			top->count = 1;
		}
		t->root = top;
		t->height++;
	}
	n = t->root;
	for (unsigned int level = t->height - 1; level > 0; level--) {
		void **slot = &n->slot[slot_index(key, level)];

		if (!*slot) {
			*slot = calloc(1, sizeof(struct radix_node));
			if (!*slot) {
				ret = -ENOMEM;
				goto out; /* empty nodes left behind are harmless and reused */
			}
			n->count++;
		}
		n = *slot;
	}
	if (!n->slot[slot_index(key, 0)]) {
		n->count++;
		t->count++;
	}
	n->slot[slot_index(key, 0)] = data;
out:
	pthread_rwlock_unlock(&t->lock);
	return ret;
}

static void tree_clear(struct irq_revmap_tree *t, unsigned long key, struct irq_data *data)
{
	struct radix_node *path[RADIX_MAX_HEIGHT];
	struct radix_node *n;
	unsigned int level;

	pthread_rwlock_wrlock(&t->lock);
	n = t->root;
	if (!n || !key_fits(key, t->height))
		goto out;
	for (level = t->height - 1;; level--) {
		path[level] = n;
		if (level == 0)
			break;
		n = n->slot[slot_index(key, level)];
		if (!n)
			goto out;
	}
	if (n->slot[slot_index(key, 0)] != data)
		goto out;
	n->slot[slot_index(key, 0)] = NULL;
	t->count--;
	/* free emptied nodes bottom-up */
	for (level = 0; level < t->height; level++) {
		struct radix_node *cur = path[level];

		if (--cur->count)
			break;
		if (level + 1 < t->height) {
			path[level + 1]->slot[slot_index(key, level + 1)] = NULL;
			free(cur);
		} else {
			free(cur);
			t->root = NULL;
			t->height = 0;
		}
	}
	/* shrink while only slot 0 of the root is used */
	while (t->root && t->height > 1 && t->root->count == 1 && t->root->slot[0]) {
		struct radix_node *old = t->root;

		t->root = old->slot[0];
		t->height--;
		free(old);
	}
out:
	pthread_rwlock_unlock(&t->lock);
}

/* ---- per-domain front end ------------------------------------------------------ */

struct irq_data *irq_domain_revmap_lookup(struct irq_domain *d, irq_hw_number_t hwirq)
{
	if (hwirq < d->revmap_size)
		return __atomic_load_n(&d->revmap[hwirq], __ATOMIC_ACQUIRE);
	return d->revmap_tree ? tree_lookup(d->revmap_tree, hwirq) : NULL;
}

int irq_domain_revmap_set(struct irq_domain *d, irq_hw_number_t hwirq, struct irq_data *data)
{
	if (hwirq < d->revmap_size) {
		__atomic_store_n(&d->revmap[hwirq], data, __ATOMIC_RELEASE);
		return 0;
	}
	if (!d->revmap_tree)
		return -EINVAL;
	return tree_insert(d->revmap_tree, hwirq, data);
}

void irq_domain_revmap_clear(struct irq_domain *d, irq_hw_number_t hwirq, struct irq_data *data)
{
	if (hwirq < d->revmap_size) {
		if (d->revmap[hwirq] == data)
			__atomic_store_n(&d->revmap[hwirq], NULL, __ATOMIC_RELEASE);
		return;
	}
	if (d->revmap_tree)
		tree_clear(d->revmap_tree, hwirq, data);
}

size_t irq_domain_revmap_count(struct irq_domain *d)
{
	size_t n = d->revmap_tree ? irq_revmap_tree_count(d->revmap_tree) : 0;

	for (unsigned int i = 0; i < d->revmap_size; i++)
		n += d->revmap[i] != NULL;
	return n;
}
