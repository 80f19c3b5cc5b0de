// SPDX-License-Identifier: MIT
/*
 * Platform devices from the device tree (<linux/of_platform.h>); which nodes
 * become devices and in which order they probe is described there.
 */
#define pr_fmt(fmt) "OF: " fmt

#include <stdio.h>
#include <string.h>

#include <linux/of_address.h>
#include <linux/of_device.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

#include "../core/dd_internal.h"
#include "of_private.h"

const struct of_device_id of_default_bus_match_table[] = {
	{ .compatible = "simple-bus" },
	{ .compatible = "simple-mfd" },
	{ .compatible = "isa" },
	{ .compatible = "arm,amba-bus" },
	{ /* end */ },
};

static bool is_node_device(struct device *dev, void *np)
{
	return dev->bus == &platform_bus_type && dev->of_node == np;
}

/**
 * of_find_device_by_node() - the platform device made for a node
 * @np: the node; may be NULL
 *
 * Devices are not reference counted: nothing needs to be put.
 *
 * Return: the platform device whose of_node is @np, or NULL if none.
 */
struct platform_device *of_find_device_by_node(struct device_node *np)
{
	struct device *dev = np ? irqsim_driver_core_find(is_node_device, np) : NULL;

	return dev ? to_platform_device(dev) : NULL;
}

/* hops from @np up its interrupt-parent chain to a root controller (bounded against loops) */
static unsigned int irq_depth(struct device_node *np)
{
	unsigned int depth = 0;

	if (!of_get_property(np, "interrupts", NULL) &&
	    !of_get_property(np, "interrupts-extended", NULL) &&
	    !of_property_read_bool(np, "interrupt-controller"))
		return 0;
	for (struct device_node *p = np; depth < 32;) {
		struct device_node *parent;

		if (of_irq_find_parent_checked(p, &parent) || !parent || parent == p)
			break;
		depth++;
		p = parent;
	}
	return depth;
}

/*
 * "<CPU address of reg[0]>.<node name>", as upstream's of_device_make_bus_id;
 * the node name when it has no reg or reg[0] does not translate.
 */
static char *make_bus_id(struct device_node *np)
{
	struct resource r;

	if (of_address_to_resource(np, 0, &r) == 0)
		return kasprintf(GFP_KERNEL, "%llx.%s", (unsigned long long)r.start, np->name);
	return kstrdup(np->name, GFP_KERNEL);
}

/*
 * One IORESOURCE_MEM per reg entry, translated to CPU addresses through the
 * parents' ranges (of_address_to_resource).  An entry that does not translate
 * stays an empty resource and is logged (upstream: WARN_ON), so indices keep
 * matching the reg entries.
 */
static int add_mem_resources(struct platform_device *pdev, struct device_node *np)
{
	int cells = of_n_addr_cells(np) + of_n_size_cells(np);
	int n = of_get_property(np, "reg", NULL) ? of_property_count_u32_elems(np, "reg") : 0;
	struct resource *res;

	if (n <= 0 || cells <= 0)
		return 0;
	n /= cells;
	res = kcalloc((size_t)n, sizeof(*res), GFP_KERNEL);
	if (!res)
		return -ENOMEM;
	for (int i = 0; i < n; i++) {
		if (of_address_to_resource(np, i, &res[i]))
			pr_warn("%s: reg[%d] does not translate to a CPU address (no ranges window)",
				np->path, i);
	}
	pdev->resource = res;
	pdev->num_resources = (u32)n;
	return 0;
}

/**
 * of_platform_device_create() - make and add the platform device of one node
 * @np: the node
 * @bus_id: the device name, or NULL for "<reg address>.<node name>" (the
 *          node name alone if it has no reg)
 * @parent: the parent device, or NULL
 *
 * The device gets one IORESOURCE_MEM resource per reg entry (untranslated
 * addresses) and is added to the platform bus, which may probe it at once;
 * the node is marked OF_POPULATED.
 *
 * Context: boot thread; may probe drivers.
 * Return: the device, or NULL if @np is disabled, already populated, or the
 * device cannot be made or added.
 */
struct platform_device *of_platform_device_create(struct device_node *np, const char *bus_id,
						  struct device *parent)
{
	struct platform_device *pdev;
	int ret;

	if (!of_device_is_available(np) || of_node_check_flag(np, OF_POPULATED))
		return NULL;
	pdev = platform_device_alloc(np->name, PLATFORM_DEVID_NONE);
	if (!pdev)
		return NULL;
	pdev->dev.name = bus_id ? kstrdup(bus_id, GFP_KERNEL) : make_bus_id(np);
	ret = pdev->dev.name ? add_mem_resources(pdev, np) : -ENOMEM;
	if (ret) {
		pr_err("%s: cannot create its platform device (%d)", np->path, ret);
		platform_device_put(pdev);
		return NULL;
	}
	pdev->dev.of_node = np;
	pdev->dev.fwnode = of_fwnode_handle(np);
	pdev->dev.parent = parent;
	pdev->dev.irqsim_populated = true;
	pdev->dev.irqsim_probe_depth = irq_depth(np);
	of_node_set_flag(np, OF_POPULATED);
	if (platform_device_add(pdev)) {
		platform_device_put(pdev);
		return NULL;
	}
	return pdev;
}

static int create_bus(struct device_node *bus, const struct of_device_id *matches,
		      struct device *parent)
{
	struct platform_device *pdev;
	struct device_node *child;
	int ret = 0;

	/* only nodes that say what they are become devices */
	if (!of_get_property(bus, "compatible", NULL))
		return 0;
	if (!of_device_is_available(bus) || of_node_check_flag(bus, OF_POPULATED))
		return 0;
	pdev = of_platform_device_create(bus, NULL, parent);
	if (!pdev)
		return -ENOMEM;
	if (!matches || !of_match_node(matches, bus))
		return 0;
	for_each_child_of_node(bus, child) {
		ret = create_bus(child, matches, &pdev->dev);
		if (ret)
			break;
	}
	return ret;
}

/**
 * of_platform_populate() - make platform devices for a tree
 * @root: the node whose children to populate (NULL: of_root)
 * @matches: bus compatibles whose children are populated too, or NULL
 * @lookup: auxdata table; not supported, ignored with a warning
 * @parent: the parent device of the top-level devices, or NULL
 *
 * Every available child of @root with a "compatible" and not already
 * populated becomes a device; children of those matching @matches are
 * descended into.  The devices are probed as one batch at the end: in
 * interrupt-parent depth order, deferred probes retried until nothing more
 * binds, and those still deferred reported one line each.
 *
 * Context: boot thread; probes drivers.
 * Return: 0, -EINVAL without a tree, or -ENOMEM if a device could not be
 * made (probe errors are logged, not returned).
 */
int of_platform_populate(struct device_node *root, const struct of_device_id *matches,
			 const struct of_dev_auxdata *lookup, struct device *parent)
{
	struct device_node *child;
	int ret = 0;

	if (lookup)
		pr_warn("of_platform_populate: auxdata lookup tables are not supported, ignored");
	if (!root)
		root = of_root;
	if (!root)
		return -EINVAL;
	irqsim_driver_core_batch_begin();
	for_each_child_of_node(root, child) {
		ret = create_bus(child, matches, parent);
		if (ret)
			break;
	}
	irqsim_driver_core_batch_end(true);
	return ret;
}

/**
 * of_platform_default_populate() - of_platform_populate() with the default bus table
 * @root: the node whose children to populate (NULL: of_root)
 * @lookup: auxdata table; not supported, ignored with a warning
 * @parent: the parent device of the top-level devices, or NULL
 *
 * Descends into "simple-bus", "simple-mfd", "isa" and "arm,amba-bus" nodes
 * (of_default_bus_match_table).
 *
 * Context: boot thread; probes drivers.
 * Return: as of_platform_populate().
 */
int of_platform_default_populate(struct device_node *root, const struct of_dev_auxdata *lookup,
				 struct device *parent)
{
	return of_platform_populate(root, of_default_bus_match_table, lookup, parent);
}

static bool populated_below(struct device *dev, void *parent)
{
	for (struct device *d = dev; d && d->irqsim_populated; d = d->parent)
		if (d->parent == parent)
			return true;
	return false;
}

/**
 * of_platform_depopulate() - remove the devices of_platform_populate() made
 * @parent: the device they were populated under, or NULL for those populated
 *          at the top level
 *
 * Devices populated under @parent, and their populated descendants, are
 * unbound (newest binding first), then removed and released.
 *
 * Context: boot thread; runs drivers' remove callbacks.
 */
void of_platform_depopulate(struct device *parent)
{
	irqsim_driver_core_remove_devices(populated_below, parent);
}
