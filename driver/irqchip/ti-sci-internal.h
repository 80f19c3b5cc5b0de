/* SPDX-License-Identifier: MIT */
/*
 * Private to the TI-SCI interrupt drivers (ti-sci-*.c, irq-ti-sci-*.c):
 * resource allocators over the ranges the firmware grants this host, and the
 * ti,interrupt-ranges translation.
 */
#ifndef IRQSIM_TI_SCI_INTERNAL_H
#define IRQSIM_TI_SCI_INTERNAL_H

#include <linux/io.h>
#include <linux/irqsim_lock.h>
#include <linux/of.h>
#include <linux/soc/ti/ti_sci_protocol.h>

/* one contiguous range of a TI-SCI resource, handed out first-fit */
struct ti_sci_resource {
	u16 start;
	u16 num;
	u16 used;
	unsigned long *bitmap; /* num bits */
	struct mutex lock;
	const char *what;      /* "output", "VINT", "global event" for log lines */
};

/* ask the firmware for the host's range of (@dev_id, @subtype) and set up @res */
int ti_sci_resource_init(struct ti_sci_resource *res, const struct ti_sci_handle *sci,
			 const struct device_node *node, u32 dev_id, u8 subtype, const char *what);
void ti_sci_resource_destroy(struct ti_sci_resource *res);
/* lowest free id of the range, TI_SCI_RESOURCE_NULL if all are taken */
u16 ti_sci_get_free_resource(struct ti_sci_resource *res);
/* give @id back; ids outside the range or not taken are logged and ignored */
void ti_sci_release_resource(struct ti_sci_resource *res, u16 id);

/*
 * Translate @in through @node's "ti,interrupt-ranges" (<in_base out_base count>
 * triplets; an absent property is the identity).  -ENOENT (logged) when no
 * triplet covers @in.
 */
int ti_sci_translate_range(const struct device_node *node, const char *domain_name, u32 in, u32 *out);
/* 0 if @node's ti,interrupt-ranges is absent or well-formed, else -EINVAL (logged) */
int ti_sci_check_ranges(const struct device_node *node);

/* strdup'd domain name shown by log lines and views */
void ti_sci_name_domain(struct irq_domain *d, const char *name);

/* The core's reset registration (driver/core/irqdesc.c). */
void irqsim_register_reset_hook(void (*fn)(void));

#endif
