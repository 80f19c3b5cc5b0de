/* SPDX-License-Identifier: MIT */
/*
 * irqchip probing from the device tree (Linux's of_irq_init /
 * IRQCHIP_DECLARE), with an explicit table instead of a linker section.
 */
#ifndef IRQSIM_IRQCHIP_H
#define IRQSIM_IRQCHIP_H

#include <linux/of.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*of_irq_init_cb_t)(struct device_node *node, struct device_node *parent);

struct of_irqchip_match {
	const char *compatible;
	of_irq_init_cb_t init;
};

/* the built-in table (driver/of/irqchip_table.c), terminated by { NULL, NULL } */
extern const struct of_irqchip_match irqchip_of_match_table[];

/**
 * of_irq_init() - probe every available interrupt controller of the tree
 * rooted at @root whose compatible has an entry in @matches, parents first
 * @root: tree (NULL: of_root)
 * @matches: table terminated by an entry with a NULL compatible
 *
 * A controller is initialised once its interrupt parent has been (controllers
 * without a parent first).  A controller whose parent is never initialised is
 * reported by name.  Init failures are logged and do not stop the others.
 * Return: 0, or the first error (-ENODEV for an unresolvable parent, or what
 * an init callback returned).
 */
int of_irq_init(struct device_node *root, const struct of_irqchip_match *matches);

/**
 * irqchip_init_from_fdt() - unflatten @blob (it becomes of_root and lives until
 * irqsim_core_reset()) and probe its interrupt controllers from the built-in table
 * @blob: dtb
 * @size: bytes
 * Return: 0 or -errno (-EINVAL bad blob, -EBUSY a tree is already installed,
 * or the of_irq_init() error).
 */
int irqchip_init_from_fdt(const void *blob, size_t size);

#ifdef __cplusplus
}
#endif
#endif
