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

#include <linux/bitops.h>
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
	unsigned int irq;	/* first virq, 0 if not allocated */
	unsigned int nvec_used; /* > 1 for a Multi-MSI block */
	struct device *dev;
	struct msi_msg msg;	/* last message written to the device */
	unsigned int msi_index; /* the device's own index (ring/slot number) */
	union msi_instance_cookie icookie;
	struct irq_affinity_desc *affinity;
	void *data; /* for the irqchip's use */
};

#define MSI_DEFAULT_DOMAIN 0
#define MSI_MAX_DEVICE_IRQDOMAINS 1
#define MSI_ANY_INDEX UINT32_MAX
#define MSI_MAX_INDEX 0xffffu /* indices 0..MSI_MAX_INDEX per device */

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
	void (*msi_free)(struct irq_domain *domain, struct msi_domain_info *info,
			 unsigned int virq);
	int (*msi_prepare)(struct irq_domain *domain, struct device *dev, int nvec,
			   msi_alloc_info_t *arg);
	void (*msi_teardown)(struct irq_domain *domain, msi_alloc_info_t *arg);
	void (*set_desc)(msi_alloc_info_t *arg, struct msi_desc *desc);
};

/*
 * Flags of msi_domain_info.  Bits 0-15 are generic; bits 16-31 depend on the
 * parent, which masks out those it does not support (msi_parent_ops.supported_flags)
 * when a per-device domain is created.
 */
enum {
	MSI_FLAG_USE_DEF_DOM_OPS = BIT(0),
	MSI_FLAG_USE_DEF_CHIP_OPS = BIT(1),
	MSI_FLAG_ACTIVATE_EARLY = BIT(2),
	MSI_FLAG_MUST_REACTIVATE = BIT(3),
	MSI_FLAG_DEV_SYSFS = BIT(4), /* accepted; there is no sysfs */
	MSI_FLAG_ALLOC_SIMPLE_MSI_DESCS = BIT(5),
	MSI_FLAG_FREE_MSI_DESCS = BIT(6),
	MSI_FLAG_USE_DEV_FWNODE = BIT(7),
	MSI_FLAG_PARENT_PM_DEV = BIT(8),
	MSI_FLAG_PCI_MSI_MASK_PARENT = BIT(9), /* mask/unmask at the parent, not the device */
	MSI_FLAG_PCI_MSI_STARTUP_PARENT = BIT(10),
	MSI_FLAG_MULTI_PCI_MSI = BIT(16), /* power-of-two blocks: one desc, nvec_used vectors */
	MSI_FLAG_PCI_MSIX = BIT(17),
	MSI_FLAG_LEVEL_CAPABLE = BIT(18),
	MSI_FLAG_MSIX_CONTIGUOUS = BIT(19),
	MSI_FLAG_PCI_MSIX_ALLOC_DYN = BIT(20),
	MSI_FLAG_NO_AFFINITY = BIT(21),
	MSI_FLAG_NO_MASK = BIT(22),
};

/* macros, not enumerators: GENMASK(31, 16) does not fit an int */
#define MSI_GENERIC_FLAGS_MASK GENMASK(15, 0)
#define MSI_DOMAIN_FLAGS_MASK GENMASK(31, 16)

/* msi_parent_ops.chip_flags: chip callbacks msi_lib_init_dev_msi_info forwards to the parent */
enum {
	MSI_CHIP_FLAG_SET_EOI = BIT(0),
	MSI_CHIP_FLAG_SET_ACK = BIT(1),
};

struct msi_domain_info {
	u32 flags;
	enum irq_domain_bus_token bus_token;
	unsigned int hwsize; /* max indices per device, 0 = MSI_MAX_INDEX+1 */
	struct msi_domain_ops *ops;
	struct device *dev; /* the device of a per-device domain */
	struct irq_chip *chip;
	void *chip_data;
	irq_flow_handler_t handler;
	void *handler_data;
	const char *handler_name;
	void *data;
};

/**
 * struct msi_parent_ops - what an MSI parent domain (DirectLPI, MBI, INTA) offers per-device domains
 * @supported_flags: MSI_FLAG_* a child may keep (include MSI_GENERIC_FLAGS_MASK for the generic ones)
 * @required_flags: MSI_FLAG_* every child gets
 * @chip_flags: MSI_CHIP_FLAG_*: callbacks msi_lib_init_dev_msi_info forwards to the parent
 * @bus_select_token: the parent's own bus token (msi_create_parent_irq_domain sets it)
 * @bus_select_mask: BIT(token) of the child bus tokens it serves (MATCH_PLATFORM_MSI...)
 * @prefix: prefix of the child domain's and chip's name ("MBI-")
 * @init_dev_msi_info: sets up a child's msi_domain_info (usually msi_lib_init_dev_msi_info)
 */
struct msi_parent_ops {
	u32 supported_flags;
	u32 required_flags;
	u32 chip_flags;
	u32 bus_select_token;
	u32 bus_select_mask;
	const char *prefix;
	bool (*init_dev_msi_info)(struct device *dev, struct irq_domain *domain,
				  struct irq_domain *msi_parent_domain,
				  struct msi_domain_info *msi_child_info);
};

/* ---- domains ---------------------------------------------------------------- */
struct irq_domain *msi_create_irq_domain(struct fwnode_handle *fwnode, struct msi_domain_info *info,
					 struct irq_domain *parent);
struct irq_domain_info;
/*
 * An MSI parent domain (6.12+): irq_domain_instantiate(@info) with
 * IRQ_DOMAIN_FLAG_MSI_PARENT, bus token = @msi_parent_ops->bus_select_token
 * and hwirq_max = size = max(hwirq_max, size) (@info is updated).  NULL on failure.
 */
struct irq_domain *msi_create_parent_irq_domain(struct irq_domain_info *info,
						const struct msi_parent_ops *msi_parent_ops);
/*
 * A domain for one device (IMS, platform MSI): parent = dev->msi_parent, chip from
 * the template (its irq_write_msi_msg / mask / unmask reach the device).  Becomes
 * dev's MSI domain.  Freed with msi_remove_device_irq_domain.
 */
bool msi_create_device_irq_domain(struct device *dev, unsigned int domid,
				  const struct msi_domain_info *template_info, unsigned int hwsize,
				  void *domain_data, void *chip_data);
void msi_remove_device_irq_domain(struct device *dev, unsigned int domid);
static inline struct msi_domain_info *msi_get_domain_info(struct irq_domain *d)
{
	return (struct msi_domain_info *)d->host_data;
}

/* ---- allocation by index ---------------------------------------------------- */
/* indices 0..nirqs-1; with MSI_FLAG_MULTI_PCI_MSI one power-of-two block at index 0 */
int msi_domain_alloc_irqs(struct device *dev, unsigned int domid, int nirqs);
int msi_domain_alloc_irqs_range(struct device *dev, unsigned int domid, unsigned int first,
				unsigned int last);
/* one vector at index (or the first free one with MSI_ANY_INDEX) */
struct msi_map msi_domain_alloc_irq_at(struct device *dev, unsigned int domid, unsigned int index,
				       const struct irq_affinity_desc *affdesc,
				       union msi_instance_cookie *icookie);
void msi_domain_free_irqs_range(struct device *dev, unsigned int domid, unsigned int first,
				unsigned int last);
void msi_domain_free_irqs_all(struct device *dev, unsigned int domid);
/* virq of an index, 0 if none; for a Multi-MSI block index i gives base + i */
unsigned int msi_get_virq(struct device *dev, unsigned int index);
/* release everything the MSI layer keeps for dev (all vectors freed first) */
void msi_device_data_release(struct device *dev);

/* ---- messages ---------------------------------------------------------------- */
void irq_chip_write_msi_msg(struct irq_data *data, struct msi_msg *msg);
static inline u64 msi_msg_address(const struct msi_msg *m)
{
	return ((u64)m->address_hi << 32) | m->address_lo;
}
/* the message's address; @desc would carry an IOMMU remapping, which this platform has not */
static inline void msi_msg_set_addr(struct msi_desc *desc, struct msi_msg *msg,
				    phys_addr_t msi_addr)
{
	(void)desc;
	msg->address_hi = (u32)((u64)msi_addr >> 32);
	msg->address_lo = (u32)msi_addr;
}
/* default set_affinity of MSI chips: parent first, then recompose and rewrite */
int msi_domain_set_affinity(struct irq_data *data, const struct cpumask *mask, bool force);

#ifdef __cplusplus
}
#endif
#endif
