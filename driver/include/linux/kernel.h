/* SPDX-License-Identifier: MIT */
/*
 * <linux/kernel.h>: the everyday helpers (min/max, alignment, 32-bit halves)
 * on top of the project's base header.  Host headers (sys/sysinfo.h) include
 * the uapi <linux/kernel.h>, so this file pulls that one in first.
 */
#ifndef IRQSIM_LINUX_KERNEL_H
#define IRQSIM_LINUX_KERNEL_H

#include_next <linux/kernel.h>

/* C only: C++ code reaches this file through libc and must keep std::min/max */
#ifndef __cplusplus
#include <limits.h>

#include <linux/irqsim_base.h>
#include <linux/sprintf.h>

#define U8_MAX ((u8)~0U)
#define U16_MAX ((u16)~0U)
#define U32_MAX ((u32)~0U)
#define U64_MAX ((u64)~0ULL)
#define S32_MAX ((s32)(U32_MAX >> 1))

#define min(a, b)                        \
	({                               \
		__typeof__(a) __a = (a); \
		__typeof__(b) __b = (b); \
		__a < __b ? __a : __b;   \
	})
#define max(a, b)                        \
	({                               \
		__typeof__(a) __a = (a); \
		__typeof__(b) __b = (b); \
		__a > __b ? __a : __b;   \
	})
#define min_t(type, a, b)              \
	({                             \
		type __a = (a);        \
		type __b = (b);        \
		__a < __b ? __a : __b; \
	})
#define max_t(type, a, b)              \
	({                             \
		type __a = (a);        \
		type __b = (b);        \
		__a > __b ? __a : __b; \
	})
#define clamp(val, lo, hi) min(max(val, lo), hi)
#define round_up(x, y) ((((x)-1) | ((__typeof__(x))((y)-1))) + 1)
#define round_down(x, y) ((x) & ~((__typeof__(x))((y)-1)))
#define IS_ALIGNED(x, a) (((x) & ((__typeof__(x))(a)-1)) == 0)
#define upper_32_bits(n) ((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n) ((u32)((n)&0xffffffff))
#define swap(a, b)                       \
	do {                             \
		__typeof__(a) __t = (a); \
		(a) = (b);               \
		(b) = __t;               \
	} while (0)

#endif /* !__cplusplus */
#endif
