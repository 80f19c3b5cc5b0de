// SPDX-License-Identifier: MIT
/*
 * The installed TI-SCI firmware handle.  (A TI-SCI "firmware driver" would live
 * in drivers/firmware/ in Linux; the build globs driver/core, driver/irqchip
 * and driver/of only, so it lives here next to its only users.)
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/of.h>

#include "ti-sci-internal.h"

static const struct ti_sci_handle *ti_sci_installed;

static void ti_sci_reset(void)
{
	__atomic_store_n(&ti_sci_installed, NULL, __ATOMIC_RELEASE);
}

/**
 * ti_sci_install_handle() - make @h the system firmware
 * @h: the firmware model's handle, NULL to uninstall
 *
 * Cleared again by irqsim_core_reset().
 */
void ti_sci_install_handle(const struct ti_sci_handle *h)
{
	irqsim_register_reset_hook(ti_sci_reset);
	__atomic_store_n(&ti_sci_installed, h, __ATOMIC_RELEASE);
}

/**
 * ti_sci_get_handle() - the installed firmware
 * Return: the handle or NULL.
 */
const struct ti_sci_handle *ti_sci_get_handle(void)
{
	return __atomic_load_n(&ti_sci_installed, __ATOMIC_ACQUIRE);
}

const struct ti_sci_handle *devm_ti_sci_get_handle(struct device *dev)
{
	const struct ti_sci_handle *h = ti_sci_get_handle();

	if (!h || !h->ops)
		return ERR_PTR(-EPROBE_DEFER);
	(void)dev;
	return h;
}
