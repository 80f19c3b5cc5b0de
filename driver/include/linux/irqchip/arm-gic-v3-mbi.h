/* SPDX-License-Identifier: MIT */
/*
 * GICv3 MBI (message-based SPIs): an MSI parent whose messages are writes of an
 * SPI INTID to GICD_SETSPI_NSR.  Probed by the GICv3 driver when GICD_TYPER.MBIS
 * is set and the GIC node has `msi-controller` and `mbi-ranges = <first count>...`
 * (first = SPI INTID).  Optional `mbi-alias = /bits/ 64 <addr>`: the doorbell frame.
 */
#ifndef IRQSIM_ARM_GIC_V3_MBI_H
#define IRQSIM_ARM_GIC_V3_MBI_H

#include <linux/irqdomain.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GIC_MBI_MAX_RANGES 8

/**
 * gic_v3_mbi_domain() - the "GICv3-MBI" domain: a tree domain below the GIC
 * domain (bus token NEXUS, fwnode = the GIC node), an MSI parent with
 * msi_parent_ops prefix "MBI-".  Messages: address = doorbell + GICD_SETSPI_NSR,
 * data = SPI INTID.  NULL when the GIC has no MBI or before probe.
 */
struct irq_domain *gic_v3_mbi_domain(void);
/** gic_v3_mbi_count() - SPIs the mbi-ranges give (0 without MBI) */
unsigned int gic_v3_mbi_count(void);
/** gic_v3_mbi_in_use() - MBI SPIs currently allocated */
unsigned int gic_v3_mbi_in_use(void);
/** gic_v3_mbi_doorbell() - bus address of the SETSPI_NSR doorbell (0 without MBI) */
u64 gic_v3_mbi_doorbell(void);

#ifdef __cplusplus
}
#endif
#endif
