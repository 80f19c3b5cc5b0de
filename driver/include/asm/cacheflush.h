/* SPDX-License-Identifier: MIT */
/*
 * <asm/cacheflush.h>: cache maintenance by virtual address.
 *
 * The simulated devices read memory the bus-functional model holds, not the
 * host's: memory the CPU wrote reaches them only when cleaned to the point of
 * coherency, as on a machine whose GIC does not snoop the CPU caches (upstream's
 * RDIST_FLAGS_PROPBASE_NEEDS_FLUSHING case).
 */
#ifndef IRQSIM_ASM_CACHEFLUSH_H
#define IRQSIM_ASM_CACHEFLUSH_H

#include <linux/io.h>

/* clean and invalidate [start, end) to the point of coherency */
static inline void dcache_clean_inval_poc(unsigned long start, unsigned long end)
{
	if (end > start)
		dma_sync_for_device((void *)start, end - start);
}

#endif
