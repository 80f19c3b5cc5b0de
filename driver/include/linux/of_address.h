/* SPDX-License-Identifier: MIT */
/*
 * <linux/of_address.h>: a node's reg entries as CPU physical addresses.
 * Addresses are translated up the tree through each bus's "ranges"
 * (<child-address parent-address size> entries; an empty "ranges" is the
 * identity); a bus without "ranges" below the root cannot be translated.
 */
#ifndef IRQSIM_OF_ADDRESS_H
#define IRQSIM_OF_ADDRESS_H

#include <linux/ioport.h>
#include <linux/of.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define OF_BAD_ADDR ((u64)-1)

/* the CPU address of a bus address of @np, or OF_BAD_ADDR */
u64 of_translate_address(struct device_node *np, const __be32 *in_addr);

/* reg entry @index of @np, translated, as an IORESOURCE_MEM: 0 or -EINVAL */
int of_address_to_resource(struct device_node *np, int index, struct resource *r);

/* ioremap() of reg entry @index; NULL on failure */
void __iomem *of_iomap(struct device_node *np, int index);

#ifdef __cplusplus
}
#endif
#endif
