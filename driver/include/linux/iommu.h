/* SPDX-License-Identifier: MIT */
/*
 * <linux/iommu.h>: the platform has no IOMMU.  What MSI parents call on the
 * way (iommu_dma_prepare_msi) succeeds and leaves the message untranslated.
 */
#ifndef IRQSIM_LINUX_IOMMU_H
#define IRQSIM_LINUX_IOMMU_H

#include <linux/types.h>

struct msi_desc;

/* upstream without CONFIG_IOMMU_DMA: nothing to map, the doorbell is used as is */
static inline int iommu_dma_prepare_msi(struct msi_desc *desc, phys_addr_t msi_addr)
{
	(void)desc;
	(void)msi_addr;
	return 0;
}

#endif
