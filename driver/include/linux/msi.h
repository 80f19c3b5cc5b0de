/* SPDX-License-Identifier: MIT */
/*
 * MSI domains and descriptors (<linux/msi.h>, 6.2+ style per-device API).
 *
 * A device driver asks for interrupts by index (its ring, queue or slot number)
 * and gets virqs back; it never builds or touches msi_desc: the MSI layer owns the
 * descriptors (stored per device, keyed by index).  Vectors can be allocated and
 * freed one at a time at any moment (msi_domain_alloc_irq_at), concurrently from
 * several threads.
 */
#ifndef IRQSIM_MSI_H
#define IRQSIM_MSI_H

#include <linux/device.h>
#include <linux/irqdomain.h>

#ifdef __cplusplus
extern "C" {
#endif

struct msi_msg {
	u32 address_lo;
	u32 address_hi;
	u32 data;
};

union msi_instance_cookie {
	u64 value;
	void *ptr;
};

struct irq_affinity_desc {
	struct cpumask mask;
	unsigned int is_managed : 1;
};

struct msi_desc {
	unsigned int irq;        /* first virq, 0 if not allocated */
	unsigned int nvec_used;  /* > 1 for a Multi-MSI block */
	struct device *dev;
	struct msi_msg msg;      /* last message written to the device */
	unsigned int msi_index;  /* the device's own index (ring/slot number) */
	union msi_instance_cookie icookie;
	struct irq_affinity_desc *affinity;
	void *data;              /* for the irqchip's use */
};

#define MSI_DEFAULT_DOMAIN 0
#define MSI_MAX_DEVICE_IRQDOMAINS 1
#define MSI_ANY_INDEX UINT32_MAX
#define MSI_MAX_INDEX 0xffffu  /* indices 0..MSI_MAX_INDEX per device */

/* result of msi_domain_alloc_irq_at: on failure index = -errno and virq = 0 */
struct msi_map {
	int index;
	int virq;
};

/* passed from the MSI domain down the hierarchy as the alloc arg */
typedef struct msi_alloc_info {
	struct msi_desc *desc;
	irq_hw_number_t hwirq;
	unsigned long flags;
	union {
		unsigned long ul;
		void *ptr;
	} scratchpad[2];
} msi_alloc_info_t;

struct msi_domain_info;

struct msi_domain_ops {
	irq_hw_number_t (*get_hwirq)(struct msi_domain_info *info, msi_alloc_info_t *arg);
	int (*msi_init)(struct irq_domain *domain, struct msi_domain_info *info, unsigned int virq,
			irq_hw_number_t hwirq, msi_alloc_info_t *arg);
	void (*msi_free)(struct irq_domain *domain, struct msi_domain_info *info, unsigned int virq);
	int (*msi_prepare)(struct irq_domain *domain, struct device *dev, int nvec, msi_alloc_info_t *arg);
	void (*msi_teardown)(struct irq_domain *domain, msi_alloc_info_t *arg);
	void (*set_desc)(msi_alloc_info_t *arg, struct msi_desc *desc);
};

enum {
	MSI_FLAG_USE_DEF_DOM_OPS = BIT(0),
	MSI_FLAG_USE_DEF_CHIP_OPS = BIT(1),
	MSI_FLAG_ACTIVATE_EARLY = BIT(2),
	MSI_FLAG_MUST_REACTIVATE = BIT(3),
	MSI_FLAG_ALLOC_SIMPLE_MSI_DESCS = BIT(5),
	MSI_FLAG_FREE_MSI_DESCS = BIT(6),
	MSI_FLAG_MULTI_PCI_MSI = BIT(16), /* power-of-two blocks: one desc, nvec_used vectors */
	MSI_FLAG_PCI_MSIX = BIT(17),
	MSI_FLAG_LEVEL_CAPABLE = BIT(18),
	MSI_FLAG_PCI_MSIX_ALLOC_DYN = BIT(20),
	MSI_FLAG_NO_AFFINITY = BIT(21),
};

struct msi_domain_info {
	u32 flags;
	enum irq_domain_bus_token bus_token;
	unsigned int hwsize;          /* max indices per device, 0 = MSI_MAX_INDEX+1 */
	struct msi_domain_ops *ops;
	struct irq_chip *chip;
	void *chip_data;
	irq_flow_handler_t handler;
	void *handler_data;
	const char *handler_name;
	void *data;
};

/* what an MSI parent (DirectLPI, MBI, INTA) offers per-device domains */
struct msi_parent_ops {
	u32 supported_flags;
	u32 required_flags;
	const char *prefix;
	bool (*init_dev_msi_info)(struct device *dev, struct irq_domain *domain,
				  struct irq_domain *msi_parent_domain, struct msi_domain_info *msi_child_info);
};

/* ---- domains ---------------------------------------------------------------- */
struct irq_domain *msi_create_irq_domain(struct fwnode_handle *fwnode, struct msi_domain_info *info,
					 struct irq_domain *parent);
/*
 * A domain for one device (IMS, platform MSI): parent = dev->msi_parent, chip from
 * the template (its irq_write_msi_msg / mask / unmask reach the device).  Becomes
 * dev's MSI domain.  Freed with msi_remove_device_irq_domain.
 */
bool msi_create_device_irq_domain(struct device *dev, unsigned int domid,
				  const struct msi_domain_info *template_info, unsigned int hwsize,
				  void *domain_data, void *chip_data);
void msi_remove_device_irq_domain(struct device *dev, unsigned int domid);
static inline struct msi_domain_info *msi_get_domain_info(struct irq_domain *d) { return (struct msi_domain_info *)d->host_data; }

/* ---- allocation by index ---------------------------------------------------- */
/* indices 0..nirqs-1; with MSI_FLAG_MULTI_PCI_MSI one power-of-two block at index 0 */
int msi_domain_alloc_irqs(struct device *dev, unsigned int domid, int nirqs);
int msi_domain_alloc_irqs_range(struct device *dev, unsigned int domid, unsigned int first, unsigned int last);
/* one vector at index (or the first free one with MSI_ANY_INDEX) */
struct msi_map msi_domain_alloc_irq_at(struct device *dev, unsigned int domid, unsigned int index,
				       const struct irq_affinity_desc *affdesc,
				       union msi_instance_cookie *icookie);
void msi_domain_free_irqs_range(struct device *dev, unsigned int domid, unsigned int first, unsigned int last);
void msi_domain_free_irqs_all(struct device *dev, unsigned int domid);
/* virq of an index, 0 if none; for a Multi-MSI block index i gives base + i */
unsigned int msi_get_virq(struct device *dev, unsigned int index);
/* release everything the MSI layer keeps for dev (all vectors freed first) */
void msi_device_data_release(struct device *dev);

/* ---- messages ---------------------------------------------------------------- */
void irq_chip_write_msi_msg(struct irq_data *data, struct msi_msg *msg);
static inline u64 msi_msg_address(const struct msi_msg *m) { return ((u64)m->address_hi << 32) | m->address_lo; }
/* default set_affinity of MSI chips: parent first, then recompose and rewrite */
int msi_domain_set_affinity(struct irq_data *data, const struct cpumask *mask, bool force);

#ifdef __cplusplus
}
#endif
#endif
