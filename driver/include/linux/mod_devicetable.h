/* SPDX-License-Identifier: MIT */
/* Device-ID tables drivers match against (<linux/mod_devicetable.h>). */
#ifndef IRQSIM_MOD_DEVICETABLE_H
#define IRQSIM_MOD_DEVICETABLE_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct of_device_id - one row of a driver's device-tree match table
 * @name: node name to match, "" for any
 * @type: "device_type" value to match, "" for any
 * @compatible: compatible string to match, "" for a name/type-only row
 * @data: driver data for the row (of_device_get_match_data())
 *
 * The table ends with a row whose @name, @type and @compatible are all
 * empty; of_match_node() says how a row is chosen.
 */
struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

#define PLATFORM_NAME_SIZE 24
/**
 * struct platform_device_id - one row of a platform driver's id_table
 * @name: device name to match; "" ends the table
 * @driver_data: driver data for the row (platform_device.id_entry points to
 *               the row that matched)
 */
struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	unsigned long driver_data;
};

#ifdef __cplusplus
}
#endif
#endif
