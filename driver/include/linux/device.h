/* SPDX-License-Identifier: MIT */
/*
 * The driver model's struct device and struct device_driver (<linux/device.h>),
 * the dev_*() log helpers and the devres API (<linux/device/devres.h>).
 *
 * A zero-initialised struct device is valid (the MSI layer and the tests
 * create them on the stack); its devres list is set up on first use.
 * Devices on a bus (platform devices) are bound to drivers by the driver core
 * (driver/core/dd.c): probe, deferred probe, unbind.
 */
#ifndef IRQSIM_DEVICE_H
#define IRQSIM_DEVICE_H

#include <linux/irqsim_base.h>
#include <linux/list.h>
#include <linux/mod_devicetable.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct device_driver;
struct device_node;
struct fwnode_handle;
struct irq_domain;
struct module;
struct msi_device_data;

/**
 * struct bus_type - a bus: how its devices and drivers match, probe and unbind
 * @name: the bus name ("platform")
 * @match: whether a driver fits a device (> 0 matches)
 * @probe: bind a matched device to its driver (dev->driver is set)
 * @remove: unbind a device from its driver
 */
struct bus_type {
	const char *name;
	int (*match)(struct device *dev, const struct device_driver *drv); /* > 0 matches */
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
};

enum probe_type { PROBE_DEFAULT_STRATEGY, PROBE_PREFER_ASYNCHRONOUS, PROBE_FORCE_SYNCHRONOUS };

/**
 * struct device_driver - the generic part of a driver
 * @name: the driver name (log prefixes, name matching)
 * @bus: the bus the driver is registered on
 * @owner: the module (THIS_MODULE), kept for source compatibility
 * @mod_name: kept for source compatibility; unused
 * @suppress_bind_attrs: kept for source compatibility (there is no sysfs)
 * @probe_type: kept for source compatibility; probes are always synchronous
 * @of_match_table: device-tree match table, or NULL
 * @acpi_match_table: kept for source compatibility; unused
 * @probe: probe called for a bus without its own
 * @sync_state: kept for source compatibility; never called
 * @remove: remove called for a bus without its own
 * @shutdown: kept for source compatibility; never called
 */
struct device_driver {
	const char *name;
	const struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	enum probe_type probe_type;
	const struct of_device_id *of_match_table;
	const void *acpi_match_table;
	int (*probe)(struct device *dev);
	void (*sync_state)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
	/* private: the driver core's bookkeeping */
	struct list_head irqsim_node; /* on the registered-driver list */
	bool irqsim_builtin;	      /* registered by an initcall: survives irqsim_core_reset() */
};

/**
 * struct device - the generic part of a device
 * @name: dev_name(); platform devices from the tree get "<addr>.<node>"
 * @id: instance number (e.g. the TI-SCI device id, used in MSI hwirqs)
 * @parent: the parent device, or NULL
 * @of_node: the device-tree node the device was made from, or NULL
 * @fwnode: its firmware node (the node's fwnode for tree devices)
 * @bus: the bus the device is on, NULL for a busless device
 * @driver: the bound driver, NULL when unbound
 * @platform_data: board data for a hand-registered device
 * @driver_data: the bound driver's data (dev_get_drvdata())
 * @msi_domain: the domain the device allocates its MSIs from
 * @msi_parent: the MSI parent domain of a per-device MSI domain
 * @msi_data: the MSI layer's state; never touched by drivers
 * @release: frees the device once it has left its bus
 *
 * A zero-initialised device is valid (the MSI layer and the tests create
 * them on the stack); the members after the private marker are the driver
 * core's bookkeeping.
 */
struct device {
	const char *name; /* dev_name(); platform devices get "<addr>.<node>" */
	int id;		  /* e.g. the TI-SCI device id, used in MSI hwirqs */
	struct device *parent;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	const struct bus_type *bus;
	struct device_driver *driver; /* bound driver, NULL when unbound */
	void *platform_data;
	void *driver_data;		     /* dev_get_drvdata() */
	struct irq_domain *msi_domain;	     /* domain the device allocates MSIs from */
	struct irq_domain *msi_parent;	     /* MSI parent for per-device domains */
	struct msi_device_data *msi_data;    /* owned by the MSI layer; never touched by drivers */
	void (*release)(struct device *dev); /* frees the device once it leaves its bus */
	/* private: the driver core's bookkeeping */
	struct list_head devres_head;	  /* devres entries, oldest first (lazily initialised) */
	struct list_head irqsim_bus_node; /* on the device list of the driver core */
	char *irqsim_defer_reason;	  /* last dev_err_probe() message of a deferral */
	unsigned int irqsim_probe_depth;  /* interrupt-parent depth: probe order */
	unsigned long irqsim_bind_seq;	  /* order of binding: unbind goes backwards */
	unsigned long irqsim_pass;	  /* last probe pass that tried this device */
	unsigned long irqsim_defer_seq;	  /* bindings so far when it last deferred */
	bool irqsim_populated;		  /* created by of_platform_populate() */
	bool irqsim_deferred;		  /* last probe returned -EPROBE_DEFER */
	bool irqsim_failed;		  /* last probe failed otherwise: not retried */
	int irqsim_probe_ret;		  /* what the last probe returned (0 before any) */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}
static inline void dev_set_msi_domain(struct device *dev, struct irq_domain *d)
{
	dev->msi_domain = d;
}
static inline struct irq_domain *dev_get_msi_domain(const struct device *dev)
{
	return dev->msi_domain;
}
static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}
static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}
static inline void *dev_get_platdata(const struct device *dev)
{
	return dev->platform_data;
}
static inline struct device_node *dev_of_node(struct device *dev)
{
	return dev->of_node;
}
static inline struct fwnode_handle *dev_fwnode(const struct device *dev)
{
	return dev->fwnode;
}
static inline struct device *get_device(struct device *dev)
{
	return dev;
}
static inline void put_device(struct device *dev)
{
	(void)dev;
}
/* "<driver>" when bound, else the bus name, else "" */
const char *dev_driver_string(const struct device *dev);
/* adopt @np as the device's firmware node (of_node and fwnode) */
void device_set_node(struct device *dev, struct fwnode_handle *fwnode);
void device_set_of_node_from_dev(struct device *dev, const struct device *dev2);

/* ---- driver core (driver/core/dd.c) ----------------------------------------------- */
/* zero the bookkeeping of a device about to be added */
void device_initialize(struct device *dev);
/* put @dev on the driver core's list and try to bind it; 0 or -errno */
int device_add(struct device *dev);
/* unbind (if bound) and take @dev off the list; then its release() runs */
void device_del(struct device *dev);
int device_register(struct device *dev);
void device_unregister(struct device *dev);
int driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
/* bind @dev now if a driver matches; 1 bound, 0 none matched, -errno probe error */
int device_attach(struct device *dev);
/* run the driver's remove and release the device's devres */
void device_release_driver(struct device *dev);
static inline bool device_is_bound(const struct device *dev)
{
	return dev->driver != NULL;
}
/*
 * Retry every deferred probe until a pass binds nothing more (the kernel's
 * deferred-probe work, run synchronously).
 */
void driver_deferred_probe_trigger(void);
/*
 * Log one line per device whose probe is still deferred, with the reason its
 * driver gave to dev_err_probe(); returns how many.
 */
int irqsim_deferred_probe_report(void);
/* the deferral reason of @dev (NULL if none was given) */
const char *irqsim_deferred_probe_reason(const struct device *dev);

/* ---- logging ---------------------------------------------------------------------- */
/* lines read "<driver> <device>: message" ("<device>: message" when unbound and busless) */
void _dev_printk(int level, const struct device *dev, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif
#define dev_printk(level, dev, fmt, ...) _dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...) _dev_printk(LOGLEVEL_EMERG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...) _dev_printk(LOGLEVEL_CRIT, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...) _dev_printk(LOGLEVEL_ERR, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...) _dev_printk(LOGLEVEL_WARNING, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...) _dev_printk(LOGLEVEL_NOTICE, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) _dev_printk(LOGLEVEL_INFO, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...) _dev_printk(LOGLEVEL_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err_once dev_err
#define dev_warn_once dev_warn
#define dev_err_ratelimited dev_err
#define dev_warn_ratelimited dev_warn
#define dev_WARN(dev, fmt, ...) WARN(1, "%s: " fmt, dev_name(dev), ##__VA_ARGS__)

/**
 * dev_err_probe() - log a probe error and return it
 * @dev: the device being probed
 * @err: the error (negative)
 * @fmt: what failed
 *
 * "error -ENAME: <message>" at ERR level, except for -EPROBE_DEFER, which is
 * only a DEBUG line and becomes the deferral reason that
 * irqsim_deferred_probe_report() shows, and -ENOMEM, which prints nothing.
 * Return: @err, so `return dev_err_probe(dev, ret, "...");` works.
 */
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* dev_err_probe() at WARNING level, for failures that are not final */
int dev_warn_probe(const struct device *dev, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#define dev_err_ptr_probe(dev, err, fmt, ...) ERR_PTR(dev_err_probe(dev, err, fmt, ##__VA_ARGS__))

#ifdef __cplusplus
}
#endif

#include <linux/device/devres.h>

#endif
