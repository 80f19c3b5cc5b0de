/* SPDX-License-Identifier: MIT */
/* Device-tree interrupt specifiers: the <linux/of_irq.h> subset. */
#ifndef IRQSIM_OF_IRQ_H
#define IRQSIM_OF_IRQ_H

#include <linux/irqdomain.h>
#include <linux/of.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * of_irq_find_parent() - the interrupt parent of @child
 * @child: node
 *
 * Follows interrupt-parent on @child or, when absent, on its nearest ancestor
 * that has one; a node without any inherits its parent node if that is an
 * interrupt controller.  interrupt-map nexus nodes are not supported.
 * Return: the parent controller, or NULL (root controller / none; an
 * interrupt-parent phandle that resolves to nothing is logged).
 */
struct device_node *of_irq_find_parent(struct device_node *child);

/**
 * of_irq_parse_one() - decode interrupt @index of @node
 * @node: device node with "interrupts" (or "interrupts-extended")
 * @index: interrupt number within the property
 * @out: receives the controller node and its #interrupt-cells cells
 * Return: 0, -EINVAL (no such interrupt, no/unknown parent, missing or bad
 * #interrupt-cells); every error is logged naming the node.
 */
int of_irq_parse_one(struct device_node *node, int index, struct of_phandle_args *out);
/* number of interrupts @node describes (0 if none) */
int of_irq_count(struct device_node *node);
void of_phandle_args_to_fwspec(struct device_node *np, const u32 *args, unsigned int count,
			       struct irq_fwspec *fwspec);
/**
 * irq_of_parse_and_map() - parse interrupt @index of @node and map it
 * Return: the virq (via irq_create_fwspec_mapping), 0 on any failure.
 */
unsigned int irq_of_parse_and_map(struct device_node *node, int index);

#ifdef __cplusplus
}
#endif
#endif
