// SPDX-License-Identifier: MIT
/*
 * The driver core: the lists of devices and drivers, binding (probe), deferred
 * probe and unbinding (the kernel's drivers/base/dd.c and bus.c, for one
 * synchronous boot thread).
 *
 * Locking: one lock, recursive for its owner, held across driver callbacks
 * so that a probe may register devices or drivers itself.  Every walk that
 * calls out restarts from the list head afterwards, because the callback may
 * have changed the lists.
 *
 * Probe order: devices are tried by increasing irqsim_probe_depth (the
 * interrupt-parent depth of their node: controllers before the devices they
 * serve), then in the order they were added.  A probe that returns
 * -EPROBE_DEFER is retried after any other device binds, until a whole pass
 * binds nothing (the kernel's deferred-probe work, run synchronously).
 */
#define pr_fmt(fmt) "driver core: " fmt

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/device.h>
#include <linux/slab.h>

#include "dd_internal.h"

static pthread_mutex_t core_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_t core_owner;
static unsigned int core_depth;

static LIST_HEAD(core_devices);
static LIST_HEAD(core_drivers);
static unsigned long bind_seq; /* successful bindings so far */
static bool force_deferred;    /* retry deferred devices even if nothing bound since */
static unsigned long pass_seq;
static unsigned int batch_depth;

static void core_lock(void)
{
	if (__atomic_load_n(&core_depth, __ATOMIC_ACQUIRE) &&
	    pthread_equal(core_owner, pthread_self())) {
		core_depth++;
		return;
	}
	pthread_mutex_lock(&core_mutex);
	core_owner = pthread_self();
	__atomic_store_n(&core_depth, 1, __ATOMIC_RELEASE);
}

static void core_unlock(void)
{
	if (--core_depth == 0)
		pthread_mutex_unlock(&core_mutex);
}

static const char *drv_name(const struct device_driver *drv)
{
	return drv && drv->name ? drv->name : "?";
}

void device_initialize(struct device *dev)
{
	irqsim_devres_init(dev);
	INIT_LIST_HEAD(&dev->irqsim_bus_node);
	dev->driver = NULL;
	dev->irqsim_deferred = false;
	dev->irqsim_failed = false;
	dev->irqsim_probe_ret = 0;
	dev->irqsim_bind_seq = 0;
	dev->irqsim_pass = 0;
}

static bool dev_on_bus(const struct device *dev)
{
	return dev->irqsim_bus_node.next && !list_empty(&dev->irqsim_bus_node);
}

static int bus_match(struct device *dev, struct device_driver *drv)
{
	if (dev->bus != drv->bus || !dev->bus)
		return 0;
	return dev->bus->match ? dev->bus->match(dev, drv) : 1;
}

static void clear_defer(struct device *dev)
{
	dev->irqsim_deferred = false;
	free(dev->irqsim_defer_reason);
	dev->irqsim_defer_reason = NULL;
}

/* probe @dev with @drv; on failure nothing of the attempt remains */
static int really_probe(struct device *dev, struct device_driver *drv)
{
	int ret;

	irqsim_devres_init(dev);
	dev->driver = drv;
	if (dev->bus && dev->bus->probe)
		ret = dev->bus->probe(dev);
	else
		ret = drv->probe ? drv->probe(dev) : 0;
	dev->irqsim_probe_ret = ret;
	if (ret) {
		/* devres of the failed attempt first, newest first, then the binding */
		devres_release_all(dev);
		dev->driver = NULL;
		dev_set_drvdata(dev, NULL);
		if (ret == -EPROBE_DEFER) {
			dev->irqsim_deferred = true;
			dev->irqsim_defer_seq = bind_seq;
			dev_dbg(dev, "Driver %s requests probe deferral", drv_name(drv));
		} else {
			clear_defer(dev); /* a real failure replaces an earlier deferral */
		}
		return ret;
	}
	clear_defer(dev);
	dev->irqsim_failed = false;
	dev->irqsim_bind_seq = ++bind_seq;
	dev_dbg(dev, "bound to driver %s", drv_name(drv));
	return 0;
}

/* 1 bound, 0 no driver matched, -EPROBE_DEFER, or another probe error */
static int attach_locked(struct device *dev)
{
	struct device_driver *drv;

	if (dev->driver)
		return 1;
	/* a probe may register drivers: new ones go to the tail, still ahead of us */
	list_for_each_entry(drv, &core_drivers, irqsim_node) {
		int ret;

		if (bus_match(dev, drv) <= 0)
			continue;
		ret = really_probe(dev, drv);
		if (ret == 0)
			return 1;
		if (ret == -EPROBE_DEFER)
			return ret;
		if (ret == -ENODEV || ret == -ENXIO) {
			dev_dbg(dev, "probe with driver %s rejects match %d", drv_name(drv), ret);
			continue;
		}
		dev_err(dev, "probe with driver %s failed with error %d", drv_name(drv), ret);
		dev->irqsim_failed = true;
		return ret;
	}
	return 0;
}

int device_attach(struct device *dev)
{
	int ret;

	core_lock();
	ret = attach_locked(dev);
	core_unlock();
	return ret;
}

/* one pass over the unbound devices in probe order; true if any bound */
static bool probe_pass(void)
{
	unsigned int max_depth = 0;
	bool progress = false;
	struct device *dev;

	pass_seq++;
	list_for_each_entry(dev, &core_devices, irqsim_bus_node)
		if (dev->irqsim_probe_depth > max_depth)
			max_depth = dev->irqsim_probe_depth;
	for (unsigned int depth = 0; depth <= max_depth; depth++) {
again:
		list_for_each_entry(dev, &core_devices, irqsim_bus_node) {
			if (dev->driver || dev->irqsim_failed || dev->irqsim_probe_depth != depth ||
			    dev->irqsim_pass == pass_seq)
				continue;
			/* a deferred device waits for some other binding, as in the kernel */
			if (dev->irqsim_deferred && dev->irqsim_defer_seq == bind_seq &&
			    !force_deferred)
				continue;
			dev->irqsim_pass = pass_seq;
			if (attach_locked(dev) > 0)
				progress = true;
			goto again; /* the callbacks may have changed the list */
		}
	}
	return progress;
}

static void probe_all_locked(void)
{
	do {
		bool progress = probe_pass();

		force_deferred = false;
		if (!progress)
			break;
	} while (1);
}

void driver_deferred_probe_trigger(void)
{
	core_lock();
	if (!batch_depth) {
		/* the first pass retries every deferred device; later ones need progress */
		force_deferred = true;
		probe_all_locked();
	}
	core_unlock();
}

int irqsim_deferred_probe_report(void)
{
	struct device *dev;
	int n = 0;

	core_lock();
	list_for_each_entry(dev, &core_devices, irqsim_bus_node) {
		if (dev->driver || !dev->irqsim_deferred)
			continue;
		dev_warn(dev, "deferred probe pending: %s",
			 dev->irqsim_defer_reason ? dev->irqsim_defer_reason : "(reason unknown)");
		n++;
	}
	core_unlock();
	return n;
}

const char *irqsim_deferred_probe_reason(const struct device *dev)
{
	return dev->irqsim_deferred ? dev->irqsim_defer_reason : NULL;
}

void irqsim_driver_core_batch_begin(void)
{
	core_lock();
	batch_depth++;
	core_unlock();
}

void irqsim_driver_core_batch_end(bool report)
{
	core_lock();
	if (--batch_depth == 0) {
		probe_all_locked();
		if (report)
			irqsim_deferred_probe_report();
	}
	core_unlock();
}

int device_add(struct device *dev)
{
	if (!dev->name) {
		pr_err("device_add of a device without a name");
		return -EINVAL;
	}
	core_lock();
	if (!dev->irqsim_bus_node.next)
		device_initialize(dev);
	if (dev_on_bus(dev)) {
		core_unlock();
		dev_err(dev, "already added");
		return -EEXIST;
	}
	list_add_tail(&dev->irqsim_bus_node, &core_devices);
	if (!batch_depth)
		probe_all_locked();
	core_unlock();
	return 0;
}

int device_register(struct device *dev)
{
	device_initialize(dev);
	return device_add(dev);
}

void device_release_driver(struct device *dev)
{
	struct device_driver *drv;

	core_lock();
	drv = dev->driver;
	if (drv) {
		if (dev->bus && dev->bus->remove)
			dev->bus->remove(dev);
		else if (drv->remove)
			drv->remove(dev);
		devres_release_all(dev);
		dev->driver = NULL;
		dev->irqsim_bind_seq = 0;
		dev_set_drvdata(dev, NULL);
		dev_dbg(dev, "unbound from driver %s", drv_name(drv));
	}
	core_unlock();
}

void device_del(struct device *dev)
{
	core_lock();
	device_release_driver(dev);
	clear_defer(dev);
	if (dev_on_bus(dev))
		list_del_init(&dev->irqsim_bus_node);
	core_unlock();
}

void device_unregister(struct device *dev)
{
	device_del(dev);
	if (dev->release)
		dev->release(dev);
}

int driver_register(struct device_driver *drv)
{
	struct device_driver *d;
	struct device *dev;

	if (!drv->name) {
		pr_err("driver_register of a driver without a name");
		return -EINVAL;
	}
	core_lock();
	list_for_each_entry(d, &core_drivers, irqsim_node) {
		if (d == drv || (d->bus == drv->bus && !strcmp(d->name, drv->name))) {
			core_unlock();
			pr_err("driver '%s' is already registered", drv->name);
			return -EBUSY;
		}
	}
	list_add_tail(&drv->irqsim_node, &core_drivers);
	/* a new driver is a new chance for devices that failed with the others */
	list_for_each_entry(dev, &core_devices, irqsim_bus_node)
		if (!dev->driver && bus_match(dev, drv) > 0)
			dev->irqsim_failed = false;
	if (!batch_depth)
		probe_all_locked();
	core_unlock();
	return 0;
}

static bool bound_to(struct device *dev, void *drv)
{
	return dev->driver == drv;
}

void driver_unregister(struct device_driver *drv)
{
	core_lock();
	/* unbind newest binding first */
	for (;;) {
		struct device *dev, *newest = NULL;

		list_for_each_entry(dev, &core_devices, irqsim_bus_node)
			if (bound_to(dev, drv) &&
			    (!newest || dev->irqsim_bind_seq > newest->irqsim_bind_seq))
				newest = dev;
		if (!newest)
			break;
		device_release_driver(newest);
	}
	if (drv->irqsim_node.next)
		list_del_init(&drv->irqsim_node);
	core_unlock();
}

struct device *irqsim_driver_core_find(irqsim_dev_pick_t pick, void *ctx)
{
	struct device *dev, *found = NULL;

	core_lock();
	list_for_each_entry(dev, &core_devices, irqsim_bus_node) {
		if (pick(dev, ctx)) {
			found = dev;
			break;
		}
	}
	core_unlock();
	return found;
}

void irqsim_driver_core_remove_devices(irqsim_dev_pick_t pick, void *ctx)
{
	core_lock();
	for (;;) {
		struct device *dev, *newest = NULL;

		list_for_each_entry(dev, &core_devices, irqsim_bus_node)
			if (dev->driver && (!pick || pick(dev, ctx)) &&
			    (!newest || dev->irqsim_bind_seq > newest->irqsim_bind_seq))
				newest = dev;
		if (!newest)
			break;
		device_release_driver(newest);
	}
	for (;;) {
		struct device *dev, *last = NULL;

		list_for_each_entry_reverse(dev, &core_devices, irqsim_bus_node) {
			if (!pick || pick(dev, ctx)) {
				last = dev;
				break;
			}
		}
		if (!last)
			break;
		device_unregister(last);
	}
	core_unlock();
}

void irqsim_driver_core_reset(void)
{
	struct device_driver *drv, *tmp;

	core_lock();
	irqsim_driver_core_remove_devices(NULL, NULL);
	list_for_each_entry_safe(drv, tmp, &core_drivers, irqsim_node)
		if (!drv->irqsim_builtin)
			list_del_init(&drv->irqsim_node);
	batch_depth = 0;
	core_unlock();
}
