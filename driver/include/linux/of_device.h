/* SPDX-License-Identifier: MIT */
/* Matching devices against of_device_id tables (<linux/of_device.h>). */
#ifndef IRQSIM_OF_DEVICE_H
#define IRQSIM_OF_DEVICE_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>
#include <linux/of.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The row of @matches that fits @node best: the earliest entry of the
 * node's compatible list wins (most specific first), then name/type rows.
 * NULL when none fits.
 */
const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct device_node *node);
/* of_match_node() on @dev's node (NULL without a node) */
const struct of_device_id *of_match_device(const struct of_device_id *matches,
					   const struct device *dev);
/* the .data of the row of @dev's driver's of_match_table that matches @dev */
const void *of_device_get_match_data(const struct device *dev);

#ifdef __cplusplus
}
#endif
#endif
