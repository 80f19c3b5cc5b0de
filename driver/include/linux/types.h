/* SPDX-License-Identifier: MIT */
/*
 * <linux/types.h>: the kernel's type names (u8..u64, phys_addr_t, gfp_t...).
 *
 * Host headers include <linux/types.h> for the uapi names (__u32, __be32...)
 * and driver/include comes first on the search path, so this file pulls the
 * host's in (#include_next, GCC/Clang) and adds the kernel-only names.
 */
#ifndef IRQSIM_LINUX_TYPES_H
#define IRQSIM_LINUX_TYPES_H

#include_next <linux/types.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;
typedef uint64_t phys_addr_t;
typedef uint64_t dma_addr_t;
typedef phys_addr_t resource_size_t;
typedef unsigned long irq_hw_number_t;
typedef unsigned int gfp_t;

#define DECLARE_BITMAP(name, bits) \
	unsigned long name[((bits) + 8 * sizeof(long) - 1) / (8 * sizeof(long))]

#endif
