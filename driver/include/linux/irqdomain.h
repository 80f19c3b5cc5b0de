/* SPDX-License-Identifier: MIT */
/*
 * irq_domain: translation of hardware interrupt numbers (hwirq) to virqs, and
 * the hierarchy of domains a stacked interrupt goes through.
 * See Linux Documentation/core-api/irq/irq-domain.rst for the model.
 */
#ifndef IRQSIM_IRQDOMAIN_H
#define IRQSIM_IRQDOMAIN_H

#include <linux/irq.h>
#include <linux/irqsim_lock.h>
#include <linux/mutex.h> /* as upstream's: DEFINE_MUTEX in irqchip drivers */

#ifdef __cplusplus
extern "C" {
#endif

struct device_node;
struct irq_domain;

/* A firmware node: a device-tree node or a named software node. */
struct fwnode_handle {
	const char *name;
	struct device_node *of_node; /* NULL for named software nodes */
};

struct fwnode_handle *irq_domain_alloc_named_fwnode(const char *name);
void irq_domain_free_fwnode(struct fwnode_handle *fwnode);

#define IRQ_DOMAIN_IRQ_SPEC_PARAMS 16
struct irq_fwspec {
	struct fwnode_handle *fwnode;
	int param_count;
	u32 param[IRQ_DOMAIN_IRQ_SPEC_PARAMS];
};

enum irq_domain_bus_token {
	DOMAIN_BUS_ANY = 0,
	DOMAIN_BUS_WIRED,
	DOMAIN_BUS_GENERIC_MSI,
	DOMAIN_BUS_PCI_MSI,
	DOMAIN_BUS_PLATFORM_MSI,
	DOMAIN_BUS_NEXUS,
	DOMAIN_BUS_IPI,
	DOMAIN_BUS_TI_SCI_INTA_MSI,
	DOMAIN_BUS_DEVICE_MSI,
	DOMAIN_BUS_WAKEUP,
	/* per-device MSI domains of PCI-like endpoints (MSI and MSI-X): msi_lib_init_dev_msi_info */
	DOMAIN_BUS_PCI_DEVICE_MSI,
	DOMAIN_BUS_PCI_DEVICE_MSIX,
	DOMAIN_BUS_WIRED_TO_MSI,
};

struct irq_domain_ops {
	int (*match)(struct irq_domain *d, struct device_node *node,
		     enum irq_domain_bus_token bus_token);
	int (*select)(struct irq_domain *d, struct irq_fwspec *fwspec,
		      enum irq_domain_bus_token bus_token);
	int (*map)(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw);
	void (*unmap)(struct irq_domain *d, unsigned int virq);
	int (*xlate)(struct irq_domain *d, struct device_node *node, const u32 *intspec,
		     unsigned int intsize, unsigned long *out_hwirq, unsigned int *out_type);
	/* hierarchy */
	int (*alloc)(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs, void *arg);
	void (*free)(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs);
	int (*activate)(struct irq_domain *d, struct irq_data *irqd, bool reserve);
	void (*deactivate)(struct irq_domain *d, struct irq_data *irqd);
	int (*translate)(struct irq_domain *d, struct irq_fwspec *fwspec, unsigned long *out_hwirq,
			 unsigned int *out_type);
};

extern const struct irq_domain_ops irq_domain_simple_ops;

enum {
	IRQ_DOMAIN_FLAG_HIERARCHY = BIT(0),
	IRQ_DOMAIN_NAME_ALLOCATED = BIT(1),
	IRQ_DOMAIN_FLAG_IPI_PER_CPU = BIT(2),
	IRQ_DOMAIN_FLAG_IPI_SINGLE = BIT(3),
	IRQ_DOMAIN_FLAG_MSI = BIT(4),
	IRQ_DOMAIN_FLAG_ISOLATED_MSI = BIT(5),
	IRQ_DOMAIN_FLAG_NO_MAP = BIT(6),
	IRQ_DOMAIN_FLAG_MSI_PARENT = BIT(8),
	IRQ_DOMAIN_FLAG_MSI_DEVICE = BIT(9),
	IRQ_DOMAIN_FLAG_DESTROY_GC = BIT(10),
	IRQ_DOMAIN_FLAG_MSI_IMMUTABLE = BIT(11),
	/* msi_lib_irq_domain_select matches the parent of the fwspec's node */
	IRQ_DOMAIN_FLAG_FWNODE_PARENT = BIT(12),
	IRQ_DOMAIN_FLAG_NONCORE = BIT(16),
};

/* kinds of reverse map, for the views */
enum irq_domain_kind {
	IRQ_DOMAIN_KIND_LINEAR,
	IRQ_DOMAIN_KIND_TREE,
	IRQ_DOMAIN_KIND_NOMAP,
	IRQ_DOMAIN_KIND_LEGACY,
};

struct irq_revmap_tree; /* sparse hwirq -> irq_data map (core private) */
struct msi_parent_ops;

struct irq_domain {
	const char *name;
	const struct irq_domain_ops *ops;
	void *host_data;
	unsigned int flags; /* IRQ_DOMAIN_FLAG_* */
	unsigned int mapcount;
	struct fwnode_handle *fwnode;
	enum irq_domain_bus_token bus_token;
	enum irq_domain_kind kind;
	struct irq_domain *parent;
	struct irq_domain *root;
	struct mutex
		mutex; /* the root domain's mutex serialises all mapping changes of a hierarchy */
	const struct msi_parent_ops *msi_parent_ops;
	void (*exit)(struct irq_domain *d); /* irq_domain_info.exit, run by irq_domain_remove */
	/* legacy: hwirq first_hwirq.. maps to virq first_irq.. */
	unsigned int legacy_first_irq;
	irq_hw_number_t legacy_first_hwirq;
	/* reverse map */
	irq_hw_number_t hwirq_max;
	unsigned int revmap_size; /* linear part size */
	struct irq_revmap_tree *revmap_tree;
	struct irq_data **revmap; /* [revmap_size] */
	struct irq_domain *next;  /* global list link */
};

static inline void *irq_domain_get_host_data(struct irq_domain *d)
{
	return d->host_data;
}
static inline bool irq_domain_is_hierarchy(struct irq_domain *d)
{
	return d->flags & IRQ_DOMAIN_FLAG_HIERARCHY;
}
static inline bool irq_domain_is_ipi(struct irq_domain *d)
{
	return d->flags & (IRQ_DOMAIN_FLAG_IPI_PER_CPU | IRQ_DOMAIN_FLAG_IPI_SINGLE);
}
static inline bool irq_domain_is_ipi_per_cpu(struct irq_domain *d)
{
	return d->flags & IRQ_DOMAIN_FLAG_IPI_PER_CPU;
}
static inline bool irq_domain_is_ipi_single(struct irq_domain *d)
{
	return d->flags & IRQ_DOMAIN_FLAG_IPI_SINGLE;
}
static inline bool irq_domain_is_msi(struct irq_domain *d)
{
	return d->flags & IRQ_DOMAIN_FLAG_MSI;
}
static inline bool irq_domain_is_msi_parent(struct irq_domain *d)
{
	return d->flags & IRQ_DOMAIN_FLAG_MSI_PARENT;
}
static inline bool irq_domain_is_msi_device(struct irq_domain *d)
{
	return d->flags & IRQ_DOMAIN_FLAG_MSI_DEVICE;
}

/* ---- creation ------------------------------------------------------------- */
struct device;
struct irq_domain_chip_generic_info; /* generic chips: not supported (dgc_info must be NULL) */

/**
 * struct irq_domain_info - what irq_domain_instantiate() builds (upstream 6.11+)
 * @fwnode: firmware node of the controller (names the domain)
 * @domain_flags: IRQ_DOMAIN_FLAG_* added to the domain's flags
 * @size: linear reverse-map size; 0 for a tree only
 * @hwirq_max: largest hwirq + 1 for classic mappings (0: @size, or unlimited for a tree)
 * @direct_max: > 0: a no-map domain (virq == hwirq) up to this value; not with @size
 * @hwirq_base: first hwirq of a legacy domain (with @virq_base)
 * @virq_base: > 0: legacy domain, hwirqs @hwirq_base..@size-1 mapped at once from this virq
 * @bus_token: the domain's DOMAIN_BUS_* token
 * @name_suffix: appended to the fwnode's name ("<name>-<suffix>"), for several domains of one node
 * @ops: domain callbacks
 * @host_data: controller private data
 * @parent: parent domain of a hierarchy domain
 * @dgc_info: generic chips; must be NULL here
 * @init: run on the new domain before it is published; an error undoes the creation
 * @exit: run by irq_domain_remove() before the domain is freed
 */
struct irq_domain_info {
	struct fwnode_handle *fwnode;
	unsigned int domain_flags;
	unsigned int size;
	irq_hw_number_t hwirq_max;
	int direct_max;
	unsigned int hwirq_base;
	unsigned int virq_base;
	enum irq_domain_bus_token bus_token;
	const char *name_suffix;
	const struct irq_domain_ops *ops;
	void *host_data;
	struct irq_domain *parent;
	struct irq_domain_chip_generic_info *dgc_info;
	int (*init)(struct irq_domain *d);
	void (*exit)(struct irq_domain *d);
};

/* Return: the domain, or ERR_PTR(-EINVAL / -ENOMEM / -EOPNOTSUPP / init's error), logged */
struct irq_domain *irq_domain_instantiate(const struct irq_domain_info *info);
/* the same, removed (irq_domain_remove) when @dev's binding ends */
struct irq_domain *devm_irq_domain_instantiate(struct device *dev,
					       const struct irq_domain_info *info);

struct irq_domain *irq_domain_create_linear(struct fwnode_handle *fwnode, unsigned int size,
					    const struct irq_domain_ops *ops, void *host_data);
struct irq_domain *irq_domain_create_tree(struct fwnode_handle *fwnode,
					  const struct irq_domain_ops *ops, void *host_data);
struct irq_domain *irq_domain_create_nomap(struct fwnode_handle *fwnode, unsigned int max_irq,
					   const struct irq_domain_ops *ops, void *host_data);
struct irq_domain *irq_domain_create_legacy(struct fwnode_handle *fwnode, unsigned int size,
					    unsigned int first_irq, irq_hw_number_t first_hwirq,
					    const struct irq_domain_ops *ops, void *host_data);
struct irq_domain *irq_domain_create_simple(struct fwnode_handle *fwnode, unsigned int size,
					    unsigned int first_irq,
					    const struct irq_domain_ops *ops, void *host_data);
/* size 0 => tree (sparse hwirq); else linear of that size (tree beyond it) */
struct irq_domain *irq_domain_create_hierarchy(struct irq_domain *parent, unsigned int flags,
					       unsigned int size, struct fwnode_handle *fwnode,
					       const struct irq_domain_ops *ops, void *host_data);
/* fails (and logs) with the domain still in use; returns 0 or -EBUSY */
int irq_domain_remove(struct irq_domain *d);
void irq_domain_update_bus_token(struct irq_domain *d, enum irq_domain_bus_token bus_token);

/* ---- lookup ----------------------------------------------------------------- */
struct irq_domain *irq_find_matching_fwnode(struct fwnode_handle *fwnode,
					    enum irq_domain_bus_token bus_token);
struct irq_domain *irq_find_matching_fwspec(struct irq_fwspec *fwspec,
					    enum irq_domain_bus_token bus_token);
struct irq_domain *irq_find_host(struct device_node *node);
/* the domain of controller @node for @bus_token (DOMAIN_BUS_ANY: any), NULL if none yet */
struct irq_domain *irq_find_matching_host(struct device_node *node,
					  enum irq_domain_bus_token bus_token);
/* iterate all domains (views): first with NULL */
struct irq_domain *irq_domain_next(struct irq_domain *prev);
void irq_set_default_host(struct irq_domain *d);
struct irq_domain *irq_get_default_host(void);

/* ---- mapping ---------------------------------------------------------------- */
unsigned int irq_create_mapping_affinity(struct irq_domain *d, irq_hw_number_t hwirq,
					 const void *affinity);
static inline unsigned int irq_create_mapping(struct irq_domain *d, irq_hw_number_t hwirq)
{
	return irq_create_mapping_affinity(d, hwirq, NULL);
}
unsigned int irq_create_direct_mapping(struct irq_domain *d);
unsigned int irq_find_mapping(struct irq_domain *d, irq_hw_number_t hwirq);
struct irq_desc *irq_resolve_mapping(struct irq_domain *d, irq_hw_number_t hwirq);
void irq_dispose_mapping(unsigned int virq);
unsigned int irq_create_fwspec_mapping(struct irq_fwspec *fwspec);
int irq_domain_associate(struct irq_domain *d, unsigned int irq, irq_hw_number_t hwirq);
void irq_domain_associate_many(struct irq_domain *d, unsigned int irq_base,
			       irq_hw_number_t hwirq_base, int count);
int irq_domain_translate_onecell(struct irq_domain *d, struct irq_fwspec *fwspec,
				 unsigned long *out_hwirq, unsigned int *out_type);
int irq_domain_translate_twocell(struct irq_domain *d, struct irq_fwspec *fwspec,
				 unsigned long *out_hwirq, unsigned int *out_type);

/* ---- hierarchy ---------------------------------------------------------------- */
int __irq_domain_alloc_irqs(struct irq_domain *d, int irq_base, unsigned int nr_irqs, int node,
			    void *arg, bool realloc, const void *affinity);
static inline int irq_domain_alloc_irqs(struct irq_domain *d, unsigned int nr_irqs, int node,
					void *arg)
{
	return __irq_domain_alloc_irqs(d, -1, nr_irqs, node, arg, false, NULL);
}
void irq_domain_free_irqs(unsigned int virq, unsigned int nr_irqs);
int irq_domain_alloc_irqs_parent(struct irq_domain *d, unsigned int irq_base, unsigned int nr_irqs,
				 void *arg);
void irq_domain_free_irqs_parent(struct irq_domain *d, unsigned int irq_base, unsigned int nr_irqs);
void irq_domain_free_irqs_common(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs);
void irq_domain_free_irqs_top(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs);
int irq_domain_activate_irq(struct irq_data *irq_data, bool reserve);
void irq_domain_deactivate_irq(struct irq_data *irq_data);
struct irq_data *irq_domain_get_irq_data(struct irq_domain *d, unsigned int virq);
int irq_domain_set_hwirq_and_chip(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq,
				  const struct irq_chip *chip, void *chip_data);
void irq_domain_set_info(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq,
			 const struct irq_chip *chip, void *chip_data, irq_flow_handler_t handler,
			 void *handler_data, const char *handler_name);
void irq_domain_reset_irq_data(struct irq_data *irq_data);
int irq_domain_disconnect_hierarchy(struct irq_domain *d, unsigned int virq);
/* insert/remove a domain at the top of an existing hierarchy (before request_irq) */
int irq_domain_push_irq(struct irq_domain *d, int virq, void *arg);
int irq_domain_pop_irq(struct irq_domain *d, int virq);

#ifdef __cplusplus
}
#endif
#endif
