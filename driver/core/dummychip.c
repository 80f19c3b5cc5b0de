// SPDX-License-Identifier: MIT
/*
 * Placeholder chips.  no_irq_chip is what a level without a real controller
 * gets (a freshly allocated desc, a reset hierarchy level): every callback
 * exists and does nothing, so the core never has to test for NULL before a
 * call and misconfigured interrupts stay harmless.  dummy_irq_chip is for
 * software-only interrupts that are real but have no hardware to program.
 */
#include <linux/irq.h>

static unsigned int noop_ret(struct irq_data *data)
{
	(void)data;
	return 0;
}

static void noop(struct irq_data *data)
{
	(void)data;
}

struct irq_chip no_irq_chip = {
	.name = "none",
	.irq_startup = noop_ret,
	.irq_shutdown = noop,
	.irq_enable = noop,
	.irq_disable = noop,
	.irq_ack = noop, /* handle_bad_irq reports it; nothing to ack */
	.flags = IRQCHIP_SKIP_SET_WAKE,
};

struct irq_chip dummy_irq_chip = {
	.name = "dummy",
	.irq_startup = noop_ret,
	.irq_shutdown = noop,
	.irq_enable = noop,
	.irq_disable = noop,
	.irq_ack = noop,
	.irq_mask = noop,
	.irq_unmask = noop,
	.flags = IRQCHIP_SKIP_SET_WAKE,
};
