// SPDX-License-Identifier: MIT
/*
 * The installed TI-SCI firmware handle.  (A TI-SCI "firmware driver" would live
 * in drivers/firmware/ in Linux; the build globs driver/core, driver/irqchip
 * and driver/of only, so it lives here next to its only users.)
 */
#include <linux/device.h>
#include <linux/err.h>
#include <linux/of.h>
#include <linux/syscore_ops.h>

#include "ti-sci-internal.h"

static const struct ti_sci_handle *ti_sci_installed;

/* shutdown: the firmware is gone until the next boot installs it again */
static void ti_sci_syscore_shutdown(void)
{
	__atomic_store_n(&ti_sci_installed, NULL, __ATOMIC_RELEASE);
}

static struct syscore_ops ti_sci_syscore_ops = {
	.shutdown = ti_sci_syscore_shutdown,
};

/**
 * ti_sci_install_handle() - make @h the system firmware
 * @h: the firmware model's handle, NULL to uninstall
 *
 * Cleared again at shutdown (the core's reset).  Not thread-safe against
 * itself: the platform installs the firmware once, before the drivers probe.
 */
void ti_sci_install_handle(const struct ti_sci_handle *h)
{
	const struct ti_sci_handle *old =
		__atomic_exchange_n(&ti_sci_installed, h, __ATOMIC_ACQ_REL);

	if (!old && h)
		register_syscore_ops(&ti_sci_syscore_ops);
	else if (old && !h)
		unregister_syscore_ops(&ti_sci_syscore_ops);
}

const struct ti_sci_handle *ti_sci_installed_handle(void)
{
	return __atomic_load_n(&ti_sci_installed, __ATOMIC_ACQUIRE);
}

const struct ti_sci_handle *ti_sci_get_handle(struct device *dev)
{
	const struct ti_sci_handle *h = ti_sci_installed_handle();

	if (!dev)
		return ERR_PTR(-EINVAL);
	return h ? h : ERR_PTR(-EPROBE_DEFER);
}

int ti_sci_put_handle(const struct ti_sci_handle *handle)
{
	return IS_ERR_OR_NULL(handle) ? -EINVAL : 0;
}

/* nothing is held, but the put pairs with the get as in the kernel */
static void ti_sci_devm_put(void *data)
{
	ti_sci_put_handle(data);
}

const struct ti_sci_handle *devm_ti_sci_get_handle(struct device *dev)
{
	const struct ti_sci_handle *h = ti_sci_get_handle(dev);

	if (IS_ERR(h))
		return h;
	if (devm_add_action_or_reset(dev, ti_sci_devm_put, (void *)h))
		return ERR_PTR(-ENOMEM);
	return h;
}

const struct ti_sci_handle *ti_sci_get_by_phandle(struct device_node *np, const char *property)
{
	struct device_node *fw;
	const struct ti_sci_handle *h;

	if (!np || !property)
		return ERR_PTR(-EINVAL);
	fw = of_parse_phandle(np, property, 0);
	if (!fw)
		return ERR_PTR(-ENODEV);
	of_node_put(fw);
	h = ti_sci_installed_handle();
	return h ? h : ERR_PTR(-EPROBE_DEFER);
}

const struct ti_sci_handle *devm_ti_sci_get_by_phandle(struct device *dev, const char *property)
{
	const struct ti_sci_handle *h =
		ti_sci_get_by_phandle(dev ? dev_of_node(dev) : NULL, property);

	if (IS_ERR(h))
		return h;
	if (devm_add_action_or_reset(dev, ti_sci_devm_put, (void *)h))
		return ERR_PTR(-ENOMEM);
	return h;
}
