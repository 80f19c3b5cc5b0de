/* SPDX-License-Identifier: MIT */
/*
 * Allocation flags (<linux/gfp_types.h>).  The host heap has no zones,
 * reclaim or atomic context, so the flags are accepted and only __GFP_ZERO
 * changes anything (it zeroes, as kzalloc does).
 */
#ifndef IRQSIM_GFP_H
#define IRQSIM_GFP_H

#include <linux/types.h>

#define __GFP_ZERO 0x100u
#define __GFP_NOWARN 0x200u
#define __GFP_NOFAIL 0x400u
#define __GFP_HIGH 0x20u
#define __GFP_IO 0x40u
#define __GFP_FS 0x80u
#define GFP_ATOMIC (__GFP_HIGH)
#define GFP_NOWAIT 0u
#define GFP_NOIO 0x1u
#define GFP_NOFS (__GFP_IO)
#define GFP_KERNEL (__GFP_IO | __GFP_FS)
#define GFP_DMA 0x2u
#define GFP_DMA32 0x4u

#endif
