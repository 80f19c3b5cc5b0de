/* SPDX-License-Identifier: MIT */
/*
 * Platform devices from the device tree (<linux/of_platform.h>).
 *
 * of_platform_populate() creates one platform device per available child of
 * @root that has a "compatible" property, and descends into children that
 * match @matches (bus nodes such as "simple-bus"); nodes without compatible,
 * disabled nodes (status not "okay") and nodes that already have a device
 * are skipped.  Devices are named "<unit-address>.<node-name>" (the node name
 * alone without a unit address) and get one IORESOURCE_MEM resource per reg
 * entry.  Then every device is probed: devices whose interrupt parent is
 * deeper in the controller tree come later, deferred probes are retried
 * until a pass binds nothing more, and devices still deferred are reported
 * one line each.
 */
#ifndef IRQSIM_OF_PLATFORM_H
#define IRQSIM_OF_PLATFORM_H

#include <linux/mod_devicetable.h>
#include <linux/of.h>
#include <linux/platform_device.h>

#ifdef __cplusplus
extern "C" {
#endif

struct of_dev_auxdata; /* not supported: pass NULL */

/* "simple-bus", "simple-mfd", "isa", "arm,amba-bus" */
extern const struct of_device_id of_default_bus_match_table[];

/* @root NULL: of_root.  0 or the first -errno of device creation (probe errors are logged) */
int of_platform_populate(struct device_node *root, const struct of_device_id *matches,
			 const struct of_dev_auxdata *lookup, struct device *parent);
int of_platform_default_populate(struct device_node *root, const struct of_dev_auxdata *lookup,
				 struct device *parent);
/* unregister the devices populated under @parent (NULL: populated at the top), newest first */
void of_platform_depopulate(struct device *parent);
/* the platform device made for @np, NULL if none */
struct platform_device *of_find_device_by_node(struct device_node *np);
/* create (and probe) the device of one node */
struct platform_device *of_platform_device_create(struct device_node *np, const char *bus_id,
						  struct device *parent);

#ifdef __cplusplus
}
#endif
#endif
