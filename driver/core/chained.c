// SPDX-License-Identifier: MIT
/*
 * chained_irq_enter/exit: bracket a demultiplexing handler that runs as the
 * flow handler of its parent interrupt.  A parent with irq_eoi is a fasteoi
 * controller and needs nothing until the end; otherwise the parent is held
 * masked (and acked) while the children are dispatched.
 */
#include <linux/irqchip/chained_irq.h>

/**
 * chained_irq_enter() - prepare the parent interrupt for demultiplexing
 * @chip: the parent's irq_chip
 * @desc: the parent's descriptor
 *
 * Return: nothing.
 */
void chained_irq_enter(struct irq_chip *chip, struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (!chip || chip->irq_eoi)
		return;
	if (chip->irq_mask_ack) {
		irq_chip_annotate(d, "irq_mask_ack");
		chip->irq_mask_ack(d);
		return;
	}
	if (chip->irq_mask) {
		irq_chip_annotate(d, "irq_mask");
		chip->irq_mask(d);
	}
	if (chip->irq_ack) {
		irq_chip_annotate(d, "irq_ack");
		chip->irq_ack(d);
	}
}

/**
 * chained_irq_exit() - finish the parent interrupt after demultiplexing
 * @chip: the parent's irq_chip
 * @desc: the parent's descriptor
 *
 * Return: nothing.
 */
void chained_irq_exit(struct irq_chip *chip, struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (!chip)
		return;
	if (chip->irq_eoi) {
		irq_chip_annotate(d, "irq_eoi");
		chip->irq_eoi(d);
	} else if (chip->irq_unmask) {
		irq_chip_annotate(d, "irq_unmask");
		chip->irq_unmask(d);
	}
}
