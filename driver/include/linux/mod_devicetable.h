/* SPDX-License-Identifier: MIT */
/* Device-ID tables drivers match against (<linux/mod_devicetable.h>). */
#ifndef IRQSIM_MOD_DEVICETABLE_H
#define IRQSIM_MOD_DEVICETABLE_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* one row of a driver's of_match_table; the table ends with an all-empty row */
struct of_device_id {
	char name[32];
	char type[32];
	char compatible[128];
	const void *data;
};

#define PLATFORM_NAME_SIZE 24
/* one row of a platform driver's id_table (match by device name) */
struct platform_device_id {
	char name[PLATFORM_NAME_SIZE];
	unsigned long driver_data;
};

#ifdef __cplusplus
}
#endif
#endif
