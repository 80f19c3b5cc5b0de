// SPDX-License-Identifier: MIT
/*
 * The platform bus (<linux/platform_device.h>): matching (driver_override,
 * of_match_table, id_table, then name), the probe/remove glue, resources and
 * hand-made platform devices.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/io.h>
#include <linux/of_device.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
							  struct platform_device *pdev)
{
	for (; id && id->name[0]; id++) {
		if (!strcmp(pdev->name, id->name)) {
			pdev->id_entry = id;
			return id;
		}
	}
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	const struct platform_driver *pdrv = to_platform_driver(drv);

	if (pdev->driver_override)
		return !strcmp(pdev->driver_override, drv->name);
	if (drv->of_match_table && of_match_device(drv->of_match_table, dev))
		return 1;
	if (pdrv->id_table)
		return platform_match_id(pdrv->id_table, pdev) != NULL;
	return pdev->name && !strcmp(pdev->name, drv->name);
}

static int platform_probe(struct device *dev)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct platform_driver *pdrv = to_platform_driver(dev->driver);
	int ret = pdrv->probe ? pdrv->probe(pdev) : 0;

	if (ret == -EPROBE_DEFER && pdrv->prevent_deferred_probe) {
		dev_warn(dev, "probe deferral not supported");
		ret = -ENXIO;
	}
	return ret;
}

static void platform_remove(struct device *dev)
{
	struct platform_driver *pdrv = to_platform_driver(dev->driver);

	if (pdrv->remove)
		pdrv->remove(to_platform_device(dev));
}

const struct bus_type platform_bus_type = {
	.name = "platform",
	.match = platform_match,
	.probe = platform_probe,
	.remove = platform_remove,
};

int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	drv->driver.owner = owner;
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}

int irqsim_platform_driver_register_builtin(struct platform_driver *drv)
{
	drv->driver.irqsim_builtin = true;
	return __platform_driver_register(drv, NULL);
}

/* ---- resources ------------------------------------------------------------------------- */

struct resource *platform_get_resource(struct platform_device *pdev, unsigned int type,
				       unsigned int num)
{
	for (u32 i = 0; i < pdev->num_resources; i++) {
		struct resource *r = &pdev->resource[i];

		if (resource_type(r) == type && num-- == 0)
			return r;
	}
	return NULL;
}

struct resource *platform_get_resource_byname(struct platform_device *pdev, unsigned int type,
					      const char *name)
{
	for (u32 i = 0; i < pdev->num_resources; i++) {
		struct resource *r = &pdev->resource[i];

		if (resource_type(r) == type && r->name && !strcmp(r->name, name))
			return r;
	}
	return NULL;
}

void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev,
						     unsigned int index, struct resource **res)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, index);

	if (res)
		*res = r;
	return devm_ioremap_resource(&pdev->dev, r);
}

void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index)
{
	return devm_platform_get_and_ioremap_resource(pdev, index, NULL);
}

static int get_irq(struct platform_device *pdev, unsigned int num)
{
	struct device_node *np = pdev->dev.of_node;
	struct resource *r = platform_get_resource(pdev, IORESOURCE_IRQ, num);
	struct of_phandle_args args;
	struct irq_fwspec fwspec;
	unsigned int virq;

	if (r)
		return (int)r->start;
	if (!np || (int)num >= of_irq_count(np))
		return -ENXIO;
	if (of_irq_parse_one(np, (int)num, &args))
		return -EINVAL;
	/* the controller has not probed yet: come back later */
	if (!irq_find_matching_host(args.np, DOMAIN_BUS_ANY))
		return -EPROBE_DEFER;
	of_phandle_args_to_fwspec(args.np, args.args, (unsigned int)args.args_count, &fwspec);
	virq = irq_create_fwspec_mapping(&fwspec);
	return virq ? (int)virq : -EINVAL;
}

int platform_get_irq_optional(struct platform_device *pdev, unsigned int num)
{
	return get_irq(pdev, num);
}

int platform_get_irq(struct platform_device *pdev, unsigned int num)
{
	int ret = get_irq(pdev, num);

	if (ret < 0)
		return dev_err_probe(&pdev->dev, ret, "IRQ index %u not found", num);
	return ret;
}

int platform_irq_count(struct platform_device *pdev)
{
	int n = 0;

	while (platform_get_resource(pdev, IORESOURCE_IRQ, (unsigned int)n))
		n++;
	if (!n && pdev->dev.of_node)
		n = of_irq_count(pdev->dev.of_node);
	return n;
}

/* ---- hand-made devices ----------------------------------------------------------------- */

struct platform_object {
	struct platform_device pdev;
	char name[];
};

static void platform_device_release(struct device *dev)
{
	struct platform_object *pa =
		container_of(to_platform_device(dev), struct platform_object, pdev);

	/* a populated node may get a device again */
	if (dev->irqsim_populated && dev->of_node)
		of_node_clear_flag(dev->of_node, OF_POPULATED);
	kfree(pa->pdev.resource);
	kfree(pa->pdev.dev.name);
	kfree(pa);
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	struct platform_object *pa = kzalloc(sizeof(*pa) + strlen(name) + 1, GFP_KERNEL);

	if (!pa)
		return NULL;
	strcpy(pa->name, name);
	pa->pdev.name = pa->name;
	pa->pdev.id = id;
	pa->pdev.dev.release = platform_device_release;
	pa->pdev.dev.bus = &platform_bus_type;
	device_initialize(&pa->pdev.dev);
	return &pa->pdev;
}

int platform_device_add_resources(struct platform_device *pdev, const struct resource *res,
				  unsigned int num)
{
	struct resource *r = NULL;

	if (res && num) {
		r = kmemdup(res, sizeof(*res) * num, GFP_KERNEL);
		if (!r)
			return -ENOMEM;
	}
	kfree(pdev->resource);
	pdev->resource = r;
	pdev->num_resources = r ? num : 0;
	return 0;
}

int platform_device_add(struct platform_device *pdev)
{
	if (!pdev->dev.name) {
		pdev->dev.name = pdev->id == PLATFORM_DEVID_NONE ?
					 kstrdup(pdev->name, GFP_KERNEL) :
					 kasprintf(GFP_KERNEL, "%s.%d", pdev->name, pdev->id);
		if (!pdev->dev.name)
			return -ENOMEM;
	}
	pdev->dev.bus = &platform_bus_type;
	return device_add(&pdev->dev);
}

void platform_device_put(struct platform_device *pdev)
{
	if (pdev && pdev->dev.release)
		pdev->dev.release(&pdev->dev);
}

void platform_device_del(struct platform_device *pdev)
{
	if (pdev)
		device_del(&pdev->dev);
}

void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}

struct platform_device *platform_device_register_simple(const char *name, int id,
							const struct resource *res,
							unsigned int num)
{
	struct platform_device *pdev = platform_device_alloc(name, id);
	int ret;

	if (!pdev)
		return ERR_PTR(-ENOMEM);
	ret = platform_device_add_resources(pdev, res, num);
	if (!ret)
		ret = platform_device_add(pdev);
	if (ret) {
		platform_device_put(pdev);
		return ERR_PTR(ret);
	}
	return pdev;
}
