/* SPDX-License-Identifier: MIT */
/*
 * Private to the MSI layer (msi.c, msi_desc.c, msi_domain.c): per-device
 * descriptor storage and the glue between the allocation API and the MSI
 * irq_domain ops.  Nothing outside driver/core/msi*.c includes this.
 */
#ifndef IRQSIM_INTERNALS_MSI_H
#define IRQSIM_INTERNALS_MSI_H

#include <linux/msi.h>

/*
 * What the layer keeps per descriptor besides the public msi_desc: the device
 * data it belongs to, the domain it was allocated from (a device's msi_domain
 * may change later; the vectors must be freed where they came from) and room
 * for the affinity copy desc.affinity points at.
 */
struct msi_desc_node {
	struct msi_desc desc;
	struct msi_device_data *owner;
	struct irq_domain *domain;
	struct irq_affinity_desc affinity;
};

static inline struct msi_desc_node *to_msi_node(struct msi_desc *desc)
{
	return container_of(desc, struct msi_desc_node, desc);
}

/* sparse index -> desc map: MSI_MAP_PAGES pages of MSI_MAP_SLOTS, on demand */
#define MSI_MAP_SLOTS 256u
#define MSI_MAP_PAGES ((MSI_MAX_INDEX + 1u) / MSI_MAP_SLOTS)

struct msi_map_page {
	struct msi_desc_node *slot[MSI_MAP_SLOTS];
	unsigned int used;
};

struct msi_dev_domain; /* msi_domain.c: a per-device domain and its copies of the template */

struct msi_device_data {
	struct mutex lock; /* the "desc lock": map, descs and dev_domain */
	struct device *dev;
	u32 uid;	       /* unique per device data; makes hwirqs of shared domains unique */
	unsigned int nr_slots; /* occupied indices (a Multi-MSI block counts nvec) */
	struct msi_map_page *pages[MSI_MAP_PAGES];
	struct msi_dev_domain *dev_domain; /* set by msi_create_device_irq_domain */
	struct msi_device_data *hnext;	   /* registry hash chain */
};

/* ---- msi_desc.c: registry and index map --------------------------------------- */
/* the device's data, created if @create; NULL on allocation failure / absent */
struct msi_device_data *msi_dev_data(struct device *dev, bool create);
/* Remove @md from the registry and free it; its map must be empty. */
void msi_dev_data_destroy(struct msi_device_data *md);
/* all under md->lock */
struct msi_desc_node *msi_map_lookup(struct msi_device_data *md, unsigned int index);
bool msi_map_range_free(struct msi_device_data *md, unsigned int first, unsigned int n);
/* first index i < limit with [i, i+n) free and i % align == 0; MSI_ANY_INDEX if none */
unsigned int msi_map_find_free(struct msi_device_data *md, unsigned int limit, unsigned int n);
int msi_map_store(struct msi_device_data *md, unsigned int first, unsigned int n,
		  struct msi_desc_node *node);
void msi_map_erase(struct msi_device_data *md, unsigned int first, unsigned int n);

/* ---- msi_domain.c: per-device domains ------------------------------------------ */
void msi_dev_domain_release(struct msi_device_data *md);
/* hwirq the default set_desc gives a descriptor (see msi_domain.c) */
irq_hw_number_t msi_default_hwirq(struct msi_desc *desc);
/* free the vectors of every descriptor of md (md->lock held) */
void msi_free_all_locked(struct msi_device_data *md);

#endif
