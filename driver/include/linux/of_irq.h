/* SPDX-License-Identifier: MIT */
/* Device-tree interrupt specifiers: the <linux/of_irq.h> subset. */
#ifndef IRQSIM_OF_IRQ_H
#define IRQSIM_OF_IRQ_H

#include <linux/irqdomain.h>
#include <linux/of.h>

#ifdef __cplusplus
extern "C" {
#endif

/* the interrupt parent of @child; NULL for a root controller, none or a broken chain */
struct device_node *of_irq_find_parent(struct device_node *child);

/* decode interrupt @index of @node into @out: 0 or -EINVAL (logged) */
int of_irq_parse_one(struct device_node *node, int index, struct of_phandle_args *out);
/* number of interrupts @node describes (0 if none) */
int of_irq_count(struct device_node *node);
void of_phandle_args_to_fwspec(struct device_node *np, const u32 *args, unsigned int count,
			       struct irq_fwspec *fwspec);
/* parse interrupt @index of @node and map it: the virq, 0 on failure */
unsigned int irq_of_parse_and_map(struct device_node *node, int index);

struct device;
/*
 * The MSI parent domain @np's "msi-parent" names (its first phandle), for
 * @token (DOMAIN_BUS_ANY: any MSI parent domain of that node).  When the node
 * hosts several MSI parents (the GIC: MBI and DirectLPI), the irqsim binding
 * "irqsim,msi-parent-kind" of @np names one by its msi_parent_ops prefix
 * ("mbi" for "MBI-").  Return: the domain, or NULL: none yet, or a tree that
 * does not say which (logged).
 */
struct irq_domain *of_msi_get_domain(struct device *dev, const struct device_node *np,
				     enum irq_domain_bus_token token);

#ifdef __cplusplus
}
#endif
#endif
