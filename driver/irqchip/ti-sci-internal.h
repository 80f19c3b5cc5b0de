/* SPDX-License-Identifier: MIT */
/*
 * Private to the TI-SCI interrupt drivers (ti-sci-*.c, irq-ti-sci-*.c): the
 * ti,interrupt-ranges translation.  (The resource allocators are upstream's
 * client API, <linux/soc/ti/ti_sci_protocol.h>.)
 */
#ifndef IRQSIM_TI_SCI_INTERNAL_H
#define IRQSIM_TI_SCI_INTERNAL_H

#include <linux/io.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/of.h>
#include <linux/soc/ti/ti_sci_protocol.h>

/*
 * Translate @in through @node's "ti,interrupt-ranges" (<in_base out_base count>
 * triplets; an absent property is the identity).  -ENOENT (logged) when no
 * triplet covers @in.
 */
int ti_sci_translate_range(const struct device_node *node, const char *domain_name, u32 in,
			   u32 *out);
/* 0 if @node's ti,interrupt-ranges is absent or well-formed, else -EINVAL (logged) */
int ti_sci_check_ranges(const struct device_node *node);

/* kstrdup'd domain name shown by log lines and views */
void ti_sci_name_domain(struct irq_domain *d, const char *name);

#endif
