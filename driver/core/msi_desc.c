// SPDX-License-Identifier: MIT
/*
 * MSI descriptor storage: one msi_device_data per device, created on first use,
 * holding a sparse index -> msi_desc map (indices 0..MSI_MAX_INDEX) under its
 * own mutex.
 *
 * Devices are found through a small registry keyed by the struct device
 * address rather than by trusting dev->msi_data: irqsim_core_reset() frees all
 * device data without touching the devices (which a test may already have
 * destroyed), so a pointer left in a device that outlives a reset is stale and
 * must never be followed.  dev->msi_data is still set for debuggers and views.
 *
 * Locking: msi_registry_lock protects the hash chains and the uid counter; it is
 * a leaf lock (nothing else is taken while holding it) and never held across
 * the per-device lock.  The map itself is protected by msi_device_data.lock.
 */
#include <stdlib.h>
#include <string.h>

#include "internals.h"
#include "internals_msi.h"

#define MSI_REG_BUCKETS 64u

static pthread_mutex_t msi_registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct msi_device_data *msi_registry[MSI_REG_BUCKETS];
static u32 msi_next_uid;
static bool msi_reset_hook_registered;

static unsigned int msi_reg_hash(const struct device *dev)
{
	uintptr_t p = (uintptr_t)dev;

	return (unsigned int)((p >> 4) ^ (p >> 12)) % MSI_REG_BUCKETS;
}

static void msi_map_free_pages(struct msi_device_data *md)
{
	for (unsigned int p = 0; p < MSI_MAP_PAGES; p++) {
		struct msi_map_page *pg = md->pages[p];

		if (!pg)
			continue;
		/* a Multi-MSI node occupies several slots: free it at its base index */
		for (unsigned int s = 0; s < MSI_MAP_SLOTS; s++) {
			struct msi_desc_node *n = pg->slot[s];

			if (n && n->desc.msi_index == p * MSI_MAP_SLOTS + s)
				free(n);
		}
		free(pg);
		md->pages[p] = NULL;
	}
}

/*
 * Reset hook: runs before the core tears down descs and domains, so vectors
 * and per-device domains are given back through the normal paths (the reset
 * was refused earlier if any vector is still requested).  Devices themselves
 * are not touched: a test may already have destroyed them.
 */
static void msi_reset(void)
{
	struct msi_device_data *list = NULL;

	pthread_mutex_lock(&msi_registry_lock);
	for (unsigned int b = 0; b < MSI_REG_BUCKETS; b++) {
		while (msi_registry[b]) {
			struct msi_device_data *md = msi_registry[b];

			msi_registry[b] = md->hnext;
			md->hnext = list;
			list = md;
		}
	}
	msi_next_uid = 0;
	pthread_mutex_unlock(&msi_registry_lock);

	while (list) {
		struct msi_device_data *md = list;

		list = md->hnext;
		mutex_lock(&md->lock);
		msi_free_all_locked(md);
		msi_dev_domain_release(md);
		mutex_unlock(&md->lock);
		msi_map_free_pages(md); /* whatever could not be freed */
		free(md->dev_domain);
		mutex_destroy(&md->lock);
		free(md);
	}
}

struct msi_device_data *msi_dev_data(struct device *dev, bool create)
{
	unsigned int b = msi_reg_hash(dev);
	struct msi_device_data *md;

	/* outside the registry lock, which stays a leaf (registration takes the desc allocator's lock) */
	if (create && !__atomic_load_n(&msi_reset_hook_registered, __ATOMIC_ACQUIRE)) {
		irqsim_register_reset_hook(msi_reset);
		__atomic_store_n(&msi_reset_hook_registered, true, __ATOMIC_RELEASE);
	}
	pthread_mutex_lock(&msi_registry_lock);
	for (md = msi_registry[b]; md; md = md->hnext)
		if (md->dev == dev)
			break;
	if (!md && create) {
		md = calloc(1, sizeof(*md));
		if (md) {
			mutex_init(&md->lock);
			md->dev = dev;
			md->uid = msi_next_uid++;
			md->hnext = msi_registry[b];
			msi_registry[b] = md;
			dev->msi_data = md;
		}
	}
	pthread_mutex_unlock(&msi_registry_lock);
	return md;
}

void msi_dev_data_destroy(struct msi_device_data *md)
{
	unsigned int b = msi_reg_hash(md->dev);
	struct msi_device_data **pp;

	pthread_mutex_lock(&msi_registry_lock);
	for (pp = &msi_registry[b]; *pp; pp = &(*pp)->hnext) {
		if (*pp == md) {
			*pp = md->hnext;
			break;
		}
	}
	pthread_mutex_unlock(&msi_registry_lock);
	md->dev->msi_data = NULL;
	msi_map_free_pages(md);
	mutex_destroy(&md->lock);
	free(md);
}

struct msi_desc_node *msi_map_lookup(struct msi_device_data *md, unsigned int index)
{
	struct msi_map_page *pg;

	if (index > MSI_MAX_INDEX)
		return NULL;
	pg = md->pages[index / MSI_MAP_SLOTS];
	return pg ? pg->slot[index % MSI_MAP_SLOTS] : NULL;
}

bool msi_map_range_free(struct msi_device_data *md, unsigned int first, unsigned int n)
{
	for (unsigned int i = first; i < first + n; i++) {
		struct msi_map_page *pg = md->pages[i / MSI_MAP_SLOTS];

		if (!pg) {
			/* a whole empty page: skip to its end */
			i = (i / MSI_MAP_SLOTS + 1) * MSI_MAP_SLOTS - 1;
			continue;
		}
		if (pg->slot[i % MSI_MAP_SLOTS])
			return false;
	}
	return true;
}

/* n == 1, the on-demand case: skip full pages, scan one page's slots directly */
static unsigned int msi_map_find_free_one(struct msi_device_data *md, unsigned int limit)
{
	for (unsigned int p = 0; p < MSI_MAP_PAGES && p * MSI_MAP_SLOTS < limit; p++) {
		struct msi_map_page *pg = md->pages[p];

		if (!pg)
			return p * MSI_MAP_SLOTS;
		if (pg->used == MSI_MAP_SLOTS)
			continue;
		for (unsigned int s = 0; s < MSI_MAP_SLOTS && p * MSI_MAP_SLOTS + s < limit; s++)
			if (!pg->slot[s])
				return p * MSI_MAP_SLOTS + s;
	}
	return MSI_ANY_INDEX;
}

unsigned int msi_map_find_free(struct msi_device_data *md, unsigned int limit, unsigned int n)
{
	if (n == 1)
		return msi_map_find_free_one(md, limit);
	/* blocks of n > 1 are Multi-MSI: naturally aligned on n so the device can OR the vector in */
	for (unsigned int i = 0; i + n <= limit; i += n) {
		struct msi_map_page *pg = md->pages[i / MSI_MAP_SLOTS];

		if (pg && pg->used == MSI_MAP_SLOTS && n <= MSI_MAP_SLOTS) {
			i = (i / MSI_MAP_SLOTS + 1) * MSI_MAP_SLOTS - n; /* full page */
			continue;
		}
		if (msi_map_range_free(md, i, n))
			return i;
	}
	return MSI_ANY_INDEX;
}

int msi_map_store(struct msi_device_data *md, unsigned int first, unsigned int n,
		  struct msi_desc_node *node)
{
	/* make every page first so a failure changes nothing */
	for (unsigned int p = first / MSI_MAP_SLOTS; p <= (first + n - 1) / MSI_MAP_SLOTS; p++) {
		if (!md->pages[p]) {
			md->pages[p] = calloc(1, sizeof(*md->pages[p]));
			if (!md->pages[p])
				return -ENOMEM;
		}
	}
	for (unsigned int i = first; i < first + n; i++) {
		struct msi_map_page *pg = md->pages[i / MSI_MAP_SLOTS];

		pg->slot[i % MSI_MAP_SLOTS] = node;
		pg->used++;
	}
	md->nr_slots += n;
	return 0;
}

void msi_map_erase(struct msi_device_data *md, unsigned int first, unsigned int n)
{
	for (unsigned int i = first; i < first + n; i++) {
		unsigned int p = i / MSI_MAP_SLOTS;
		struct msi_map_page *pg = md->pages[p];

		if (!pg || !pg->slot[i % MSI_MAP_SLOTS])
			continue;
		pg->slot[i % MSI_MAP_SLOTS] = NULL;
		md->nr_slots--;
		if (--pg->used == 0) {
			free(pg);
			md->pages[p] = NULL;
		}
	}
}
