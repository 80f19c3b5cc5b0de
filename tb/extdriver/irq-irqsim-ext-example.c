// SPDX-License-Identifier: MIT
/*
 * An irqchip driver from outside driver/: built into the driver libraries by
 * irqsim_add_driver() (see the top-level CMakeLists.txt), as a user's own
 * driver would be with -DIRQSIM_EXTRA_DRIVERS.  Kernel headers only.
 *
 * "irqsim,ext-example-intc": a root controller with a linear domain of
 * EXT_NR_IRQS one-cell interrupts, bound as a platform driver (devm state,
 * the domain removed by a devm action).  ext_driver_test.cpp probes it.
 */
#define pr_fmt(fmt) "ext-example: " fmt

#include <linux/device.h>
#include <linux/err.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#define EXT_NR_IRQS 16

/* probes that bound, for the test (no other way to see a driver from outside) */
int irqsim_ext_example_probes;

struct ext_intc {
	struct irq_domain *domain;
};

/* a real controller would write its mask register here */
static void ext_mask(struct irq_data *d)
{
}
static void ext_unmask(struct irq_data *d)
{
}

static struct irq_chip ext_chip = {
	.name = "ext-example",
	.irq_mask = ext_mask,
	.irq_unmask = ext_unmask,
};

static int ext_map(struct irq_domain *d, unsigned int virq, irq_hw_number_t hw)
{
	irq_set_chip_and_handler(virq, &ext_chip, handle_level_irq);
	irq_set_chip_data(virq, d->host_data);
	return 0;
}

static const struct irq_domain_ops ext_ops = {
	.map = ext_map,
	.translate = irq_domain_translate_onecell,
};

static void ext_remove_domain(void *domain)
{
	irq_domain_remove(domain);
}

static int ext_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct ext_intc *intc;
	int ret;

	intc = devm_kzalloc(dev, sizeof(*intc), GFP_KERNEL);
	if (!intc)
		return -ENOMEM;
	intc->domain = irq_domain_create_linear(of_fwnode_handle(dev_of_node(dev)), EXT_NR_IRQS,
						&ext_ops, intc);
	if (!intc->domain)
		return dev_err_probe(dev, -ENOMEM, "no irq domain");
	ret = devm_add_action_or_reset(dev, ext_remove_domain, intc->domain);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, intc);
	irqsim_ext_example_probes++;
	dev_info(dev, "%d interrupts", EXT_NR_IRQS);
	return 0;
}

static const struct of_device_id ext_of_match[] = {
	{ .compatible = "irqsim,ext-example-intc" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, ext_of_match);

static struct platform_driver ext_driver = {
	.probe = ext_probe,
	.driver = {
		.name = "irqsim-ext-example",
		.of_match_table = ext_of_match,
	},
};
module_platform_driver(ext_driver);

MODULE_DESCRIPTION("Example of a driver added with irqsim_add_driver()");
MODULE_LICENSE("MIT");
