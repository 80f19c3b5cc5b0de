/* SPDX-License-Identifier: MIT */
/* Firmware-agnostic device properties (<linux/property.h>), device-tree backed. */
#ifndef IRQSIM_PROPERTY_H
#define IRQSIM_PROPERTY_H

#include <linux/device.h>
#include <linux/of_device.h>

#ifdef __cplusplus
extern "C" {
#endif

static inline const void *device_get_match_data(const struct device *dev)
{
	return of_device_get_match_data(dev);
}
static inline bool device_property_present(const struct device *dev, const char *propname)
{
	return dev->of_node && of_get_property(dev->of_node, propname, NULL) != NULL;
}
static inline int device_property_read_u32(const struct device *dev, const char *propname, u32 *val)
{
	return dev->of_node ? of_property_read_u32(dev->of_node, propname, val) : -EINVAL;
}

#ifdef __cplusplus
}
#endif
#endif
