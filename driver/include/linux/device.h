/* SPDX-License-Identifier: MIT */
/* A minimal struct device: what the MSI layer and drivers need of it. */
#ifndef IRQSIM_DEVICE_H
#define IRQSIM_DEVICE_H

#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

struct fwnode_handle;
struct irq_domain;
struct msi_device_data;

struct device {
	const char *name;
	int id;                          /* e.g. the TI-SCI device id, used in MSI hwirqs */
	struct fwnode_handle *fwnode;
	struct irq_domain *msi_domain;   /* domain the device allocates MSIs from */
	struct irq_domain *msi_parent;   /* MSI parent for per-device domains */
	struct msi_device_data *msi_data; /* owned by the MSI layer; never touched by drivers */
	void *driver_data;
};

static inline const char *dev_name(const struct device *dev) { return dev->name; }
static inline void dev_set_msi_domain(struct device *dev, struct irq_domain *d) { dev->msi_domain = d; }
static inline struct irq_domain *dev_get_msi_domain(const struct device *dev) { return dev->msi_domain; }

#define dev_err(dev, fmt, ...) pr_err("%s: " fmt, (dev)->name, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) pr_warn("%s: " fmt, (dev)->name, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) pr_info("%s: " fmt, (dev)->name, ##__VA_ARGS__)

#ifdef __cplusplus
}
#endif
#endif
