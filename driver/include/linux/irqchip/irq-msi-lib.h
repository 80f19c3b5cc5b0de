/* SPDX-License-Identifier: MIT */
/*
 * The MSI-parent library (<linux/irqchip/irq-msi-lib.h>, Linux 6.12+): what an
 * MSI parent domain puts in its irq_domain_ops (.select) and msi_parent_ops
 * (.init_dev_msi_info) so that per-device MSI domains stack on it.
 */
#ifndef IRQSIM_IRQ_MSI_LIB_H
#define IRQSIM_IRQ_MSI_LIB_H

#include <linux/bitops.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>

#ifdef __cplusplus
extern "C" {
#endif

/* bus_select_mask bits: the child bus tokens a parent serves (PCI MSI is always built in) */
#define MATCH_PCI_MSI BIT(DOMAIN_BUS_PCI_MSI)
#define MATCH_PLATFORM_MSI BIT(DOMAIN_BUS_PLATFORM_MSI)

/*
 * irq_domain_ops.select of an MSI parent: 1 when @fwspec names @d's node (its
 * parent's with IRQ_DOMAIN_FLAG_FWNODE_PARENT) with no parameters and
 * @bus_token is the parent's bus_select_token or in its bus_select_mask.
 */
int msi_lib_irq_domain_select(struct irq_domain *d, struct irq_fwspec *fwspec,
			      enum irq_domain_bus_token bus_token);

/*
 * msi_parent_ops.init_dev_msi_info: checks the child's bus token, applies the
 * parent's supported/required flags, forwards irq_eoi / irq_ack per
 * chip_flags, gives the chip msi_domain_set_affinity (unless
 * MSI_FLAG_NO_AFFINITY) and parent mask/unmask with MSI_FLAG_PCI_MSI_MASK_PARENT.
 * false (with a warning) when the child cannot stack here.
 */
bool msi_lib_init_dev_msi_info(struct device *dev, struct irq_domain *domain,
			       struct irq_domain *real_parent, struct msi_domain_info *info);

#ifdef __cplusplus
}
#endif
#endif
