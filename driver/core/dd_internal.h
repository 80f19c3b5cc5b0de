/* SPDX-License-Identifier: MIT */
/* Private to the driver core (dd.c) and its users in driver/core and driver/of. */
#ifndef IRQSIM_DD_INTERNAL_H
#define IRQSIM_DD_INTERNAL_H

#include <linux/device.h>

typedef bool (*irqsim_dev_pick_t)(struct device *dev, void *ctx);

/*
 * Batches: between begin and end, added devices and registered drivers are
 * not probed; end probes everything in dependency order, retries deferrals
 * until nothing more binds and (if @report) reports what is still deferred.
 * Batches nest.
 */
void irqsim_driver_core_batch_begin(void);
void irqsim_driver_core_batch_end(bool report);
/* first device @pick accepts, NULL if none */
struct device *irqsim_driver_core_find(irqsim_dev_pick_t pick, void *ctx);
/*
 * Unbind the devices @pick accepts (newest binding first), then take them
 * off the bus and release them (newest first).  NULL @pick: all devices.
 */
void irqsim_driver_core_remove_devices(irqsim_dev_pick_t pick, void *ctx);
/* irqsim_core_reset(): every device removed, drivers not built in unregistered */
void irqsim_driver_core_reset(void);
/* devres list ready (a zeroed struct device starts with a NULL list) */
void irqsim_devres_init(struct device *dev);

#endif
