/* SPDX-License-Identifier: MIT */
/* <asm/arch_gicv3.h>: arm64 helpers of the GICv3 drivers. */
#ifndef IRQSIM_ASM_ARCH_GICV3_H
#define IRQSIM_ASM_ARCH_GICV3_H

#include <asm/cacheflush.h>

/* make @len bytes at @addr (a table the GIC reads) visible to the GIC */
static inline void gic_flush_dcache_to_poc(void *addr, size_t len)
{
	dcache_clean_inval_poc((unsigned long)addr, (unsigned long)addr + len);
}

#endif
