// SPDX-License-Identifier: MIT
/*
 * A driver of the consumer project's own, added with irqsim_add_driver(): it
 * binds to "irqsim-consumer,example-intc" and counts its probes, so
 * consumer_test.cpp can see that its self-registration (module_platform_driver)
 * survived the link against the installed, prebuilt driver stack.
 */
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>

int consumer_example_probes;

static int consumer_probe(struct platform_device *pdev)
{
	consumer_example_probes++;
	dev_info(&pdev->dev, "consumer example bound");
	return 0;
}

static const struct of_device_id consumer_of_match[] = {
	{ .compatible = "irqsim-consumer,example-intc" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, consumer_of_match);

static struct platform_driver consumer_driver = {
	.probe = consumer_probe,
	.driver = {
		.name = "irqsim-consumer-example",
		.of_match_table = consumer_of_match,
	},
};
module_platform_driver(consumer_driver);

MODULE_DESCRIPTION("A consumer project's driver, added with irqsim_add_driver()");
MODULE_LICENSE("MIT");
