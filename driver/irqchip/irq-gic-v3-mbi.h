/* SPDX-License-Identifier: MIT */
/* Private to the GICv3 driver: MBI set-up called from the GIC probe. */
#ifndef IRQSIM_IRQ_GIC_V3_MBI_PRIV_H
#define IRQSIM_IRQ_GIC_V3_MBI_PRIV_H

#include "irq-gic-v3-internal.h"

/*
 * gic_v3_mbi_init() - set up MBI if GICD_TYPER.MBIS and the GIC node has
 * msi-controller + mbi-ranges.  Return: 0 (also when MBI is simply absent),
 * -EINVAL (bad mbi-ranges, logged naming the property), -ENOMEM.
 */
int gic_v3_mbi_init(struct gic_chip_data *gic);
/* forget the MBI state (the GIC's shutdown; the core removes the domain) */
void gic_v3_mbi_reset(void);

#endif
