/* SPDX-License-Identifier: MIT */
/*
 * MSI domain on top of a TI-SCI INTA: a client device (DMA rings) gets one
 * vector per event source index, hwirq = (dev->id << 16) | index, dev->id being
 * the client's TI-SCI device id.  Vectors are allocated on demand with
 * msi_domain_alloc_irq_at(dev, MSI_DEFAULT_DOMAIN, index, ...); the INTA takes
 * its VINT, status bit and global event only when the vector is requested.
 * From then on (activation at request_irq) the vector's message is
 * {address = the INTA's doorbell (CFG + 0x10), data = global event id}: a bus
 * write of data to address raises the event (this SoC's MSI target; the DMA-ring
 * device ignores it, the firmware programs its ring events instead).  Devices
 * that signal by message must be listed in the INTA's ti,unmapped-event-sources.
 */
#ifndef IRQSIM_TI_SCI_INTA_MSI_H
#define IRQSIM_TI_SCI_INTA_MSI_H

#include <linux/msi.h>

#ifdef __cplusplus
extern "C" {
#endif

/* hwirq of (TI-SCI device id, source index) in the INTA and INTA-MSI domains */
#define TI_SCI_INTA_HWIRQ(dev_id, index) \
	((((irq_hw_number_t)(dev_id)&0xffff) << 16) | ((index)&0xffff))
#define TI_SCI_INTA_HWIRQ_DEV(hwirq) ((u16)((hwirq) >> 16))
#define TI_SCI_INTA_HWIRQ_INDEX(hwirq) ((u16)((hwirq)&0xffff))

/**
 * ti_sci_inta_msi_create_irq_domain() - create the MSI domain of an INTA
 * @fwnode: the INTA's node (the domain gets bus token DOMAIN_BUS_TI_SCI_INTA_MSI)
 * @info: domain description; its chip and ops are completed in place and it
 *        must outlive the domain
 * @parent: the INTA domain
 * Return: the domain, or NULL (logged).
 */
struct irq_domain *ti_sci_inta_msi_create_irq_domain(struct fwnode_handle *fwnode,
						     struct msi_domain_info *info,
						     struct irq_domain *parent);

/**
 * ti_sci_inta_msi_get_domain() - the INTA-MSI domain of INTA node @np
 * Return: the domain, or NULL if that INTA is not probed.
 */
struct irq_domain *ti_sci_inta_msi_get_domain(struct device_node *np);

/**
 * ti_sci_inta_get_msi_parent() - the INTA domain of INTA node @np, to be a
 * device's msi_parent for msi_create_device_irq_domain() (per-device / IMS
 * domains; it carries msi_parent_ops with prefix "INTA-")
 * Return: the domain, or NULL if that INTA is not probed.
 */
struct irq_domain *ti_sci_inta_get_msi_parent(struct device_node *np);

#ifdef __cplusplus
}
#endif
#endif
