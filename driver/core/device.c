// SPDX-License-Identifier: MIT
/*
 * struct device services that are not about binding: names, firmware nodes,
 * and the dev_*() log lines.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/device.h>
#include <linux/of.h>

const char *dev_driver_string(const struct device *dev)
{
	if (dev->driver && dev->driver->name)
		return dev->driver->name;
	return dev->bus && dev->bus->name ? dev->bus->name : "";
}

void device_set_node(struct device *dev, struct fwnode_handle *fwnode)
{
	dev->fwnode = fwnode;
	dev->of_node = to_of_node(fwnode);
}

void device_set_of_node_from_dev(struct device *dev, const struct device *dev2)
{
	dev->of_node = dev2->of_node;
	dev->fwnode = dev2->fwnode;
}

static void dev_vlog(int level, const struct device *dev, const char *fmt, va_list ap)
{
	char msg[448];
	const char *drv;

	irqsim_vsnprintf(msg, sizeof(msg), fmt, ap);
	if (!dev) {
		irqsim_log(level, "(NULL device *): %s", msg);
		return;
	}
	drv = dev_driver_string(dev);
	irqsim_log(level, "%s%s%s: %s", drv, *drv ? " " : "", dev->name ? dev->name : "(no name)",
		   msg);
}

void _dev_printk(int level, const struct device *dev, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	dev_vlog(level, dev, fmt, ap);
	va_end(ap);
}

/*
 * -EPROBE_DEFER is normal during boot: only a debug line, and the message is
 * kept as the deferral reason.  -ENOMEM prints nothing, as in the kernel (the
 * allocator has already complained).  Other errors: ERR (@fatal) or WARNING.
 */
static int probe_failed(const struct device *dev, int err, bool fatal, const char *fmt, va_list ap)
{
	char msg[384];

	irqsim_vsnprintf(msg, sizeof(msg), fmt, ap);
	if (err == -ENOMEM)
		return err;
	if (err == -EPROBE_DEFER && dev) {
		struct device *d = (struct device *)dev;
		char *reason = malloc(strlen(msg) + 1);

		if (reason) {
			size_t len = strlen(msg);

			strcpy(reason, msg);
			while (len && reason[len - 1] == '\n')
				reason[--len] = '\0';
		}
		free(d->irqsim_defer_reason);
		d->irqsim_defer_reason = reason;
	}
	_dev_printk(err == -EPROBE_DEFER ? LOGLEVEL_DEBUG :
		    fatal		 ? LOGLEVEL_ERR :
					   LOGLEVEL_WARNING,
		    dev, "error %pe: %s", ERR_PTR(err), msg);
	return err;
}

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err = probe_failed(dev, err, true, fmt, ap);
	va_end(ap);
	return err;
}

int dev_warn_probe(const struct device *dev, int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	err = probe_failed(dev, err, false, fmt, ap);
	va_end(ap);
	return err;
}
