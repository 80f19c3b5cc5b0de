/* SPDX-License-Identifier: MIT */
/*
 * Platform devices and drivers (<linux/platform_device.h>): memory-mapped
 * devices described by the device tree (of_platform_populate() creates them)
 * or registered by hand, bound by of_match_table, id_table or name.
 */
#ifndef IRQSIM_PLATFORM_DEVICE_H
#define IRQSIM_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/init.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PLATFORM_DEVID_NONE (-1)
#define PLATFORM_DEVID_AUTO (-2)

/**
 * struct platform_device - a memory-mapped device on the platform bus
 * @name: device name, matched against a driver's name or id_table
 * @id: instance number, or PLATFORM_DEVID_NONE; the device is named
 *      "<name>.<id>" unless it was given a name
 * @id_auto: kept for source compatibility; PLATFORM_DEVID_AUTO is not
 *           implemented
 * @dev: the embedded generic device (to_platform_device() goes back)
 * @num_resources: number of entries in @resource
 * @resource: the device's resources; from the tree, one IORESOURCE_MEM per
 *            reg entry
 * @id_entry: the id_table row the device matched, if it matched that way
 * @driver_override: if set, only the driver of this name binds
 */
struct platform_device {
	const char *name;
	int id;
	bool id_auto;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
	const struct platform_device_id *id_entry;
	const char *driver_override;
};

/**
 * struct platform_driver - a driver for platform devices
 * @probe: bind to a device: 0, -EPROBE_DEFER to be retried later, or an error
 * @remove: unbind from a device (before its devres is released)
 * @remove_new: the same slot as @remove, under the name of the kernel's
 *              transition to a void remove
 * @shutdown: kept for source compatibility; never called
 * @driver: the embedded generic driver: name, of_match_table...
 * @id_table: device names this driver binds to, or NULL
 * @prevent_deferred_probe: turn a probe's -EPROBE_DEFER into -ENXIO (with a
 *                          warning) instead of retrying
 * @driver_managed_dma: kept for source compatibility; unused
 *
 * A device binds when its driver_override names the driver, else when the
 * driver's of_match_table fits its node, else its id_table or name matches.
 */
struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	/* 6.x: remove returns void; remove_new is its transition name (one slot) */
	union {
		void (*remove)(struct platform_device *pdev);
		void (*remove_new)(struct platform_device *pdev);
	};
	void (*shutdown)(struct platform_device *pdev);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	bool driver_managed_dma;
};

extern const struct bus_type platform_bus_type;

#define to_platform_device(x) container_of((x), struct platform_device, dev)
#define to_platform_driver(drv) container_of((drv), struct platform_driver, driver)

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}
static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* register @drv and bind it to every matching device; 0 or -errno */
int __platform_driver_register(struct platform_driver *drv, struct module *owner);
#define platform_driver_register(drv) __platform_driver_register(drv, THIS_MODULE)
/* unbind @drv from its devices (remove + devres release) and forget it */
void platform_driver_unregister(struct platform_driver *drv);
/* registration from an initcall: the driver stays across irqsim_core_reset() */
int irqsim_platform_driver_register_builtin(struct platform_driver *drv);

/*
 * module_platform_driver / builtin_platform_driver: register at start-up
 * (an initcall, see <linux/init.h>); a built-in driver is never unregistered.
 */
#define builtin_platform_driver(__drv)                                    \
	static int __irqsim_pdrv_init_##__drv(void)                       \
	{                                                                 \
		return irqsim_platform_driver_register_builtin(&(__drv)); \
	}                                                                 \
	device_initcall(__irqsim_pdrv_init_##__drv)
#define module_platform_driver(__drv) builtin_platform_driver(__drv)

/* @num-th resource of @type (IORESOURCE_MEM...), NULL if none */
struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type,
				       unsigned int num);
struct resource *platform_get_resource_byname(struct platform_device *pdev, unsigned int type,
					      const char *name);
/* ioremap of MEM resource @index, unmapped when the driver unbinds; ERR_PTR on failure */
void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
						     unsigned int index, struct resource **res);
/*
 * virq of interrupt @num of the device's node (mapped through its controller's
 * domain); -EPROBE_DEFER while that domain does not exist yet, -ENXIO if the
 * node has no such interrupt.  The _optional form does not log -ENXIO.
 */
int platform_get_irq(struct platform_device *pdev, unsigned int num);
int platform_get_irq_optional(struct platform_device *pdev, unsigned int num);
int platform_irq_count(struct platform_device *pdev);

/* create and add a device "<name>.<id>" ("<name>" for PLATFORM_DEVID_NONE) with copies of @res */
struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num);
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add_resources(struct platform_device *pdev, const struct resource *res,
				  unsigned int num);
int platform_device_add(struct platform_device *pdev);
void platform_device_del(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);
void platform_device_unregister(struct platform_device *pdev);

#ifdef __cplusplus
}
#endif
#endif
