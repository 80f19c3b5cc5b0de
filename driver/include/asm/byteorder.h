/* SPDX-License-Identifier: MIT */
/*
 * <asm/byteorder.h>: conversions between CPU order and the fixed big/little
 * endian orders of device tables and device-tree cells.  Derived from the
 * compiler's __BYTE_ORDER__, so it is right on any host.
 */
#ifndef IRQSIM_ASM_BYTEORDER_H
#define IRQSIM_ASM_BYTEORDER_H

#include <linux/types.h> /* __be32 & co. (the host's uapi names) */

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define __LITTLE_ENDIAN 1234
#define __irqsim_be16(x) __builtin_bswap16(x)
#define __irqsim_be32(x) __builtin_bswap32(x)
#define __irqsim_be64(x) __builtin_bswap64(x)
#define __irqsim_le16(x) (x)
#define __irqsim_le32(x) (x)
#define __irqsim_le64(x) (x)
#else
#define __BIG_ENDIAN 4321
#define __irqsim_be16(x) (x)
#define __irqsim_be32(x) (x)
#define __irqsim_be64(x) (x)
#define __irqsim_le16(x) __builtin_bswap16(x)
#define __irqsim_le32(x) __builtin_bswap32(x)
#define __irqsim_le64(x) __builtin_bswap64(x)
#endif

static inline __be16 cpu_to_be16(__u16 x)
{
	return (__be16)__irqsim_be16(x);
}
static inline __be32 cpu_to_be32(__u32 x)
{
	return (__be32)__irqsim_be32(x);
}
static inline __be64 cpu_to_be64(__u64 x)
{
	return (__be64)__irqsim_be64(x);
}
static inline __u16 be16_to_cpu(__be16 x)
{
	return (__u16)__irqsim_be16(x);
}
static inline __u32 be32_to_cpu(__be32 x)
{
	return (__u32)__irqsim_be32(x);
}
static inline __u64 be64_to_cpu(__be64 x)
{
	return (__u64)__irqsim_be64(x);
}
static inline __le16 cpu_to_le16(__u16 x)
{
	return (__le16)__irqsim_le16(x);
}
static inline __le32 cpu_to_le32(__u32 x)
{
	return (__le32)__irqsim_le32(x);
}
static inline __le64 cpu_to_le64(__u64 x)
{
	return (__le64)__irqsim_le64(x);
}
static inline __u16 le16_to_cpu(__le16 x)
{
	return (__u16)__irqsim_le16(x);
}
static inline __u32 le32_to_cpu(__le32 x)
{
	return (__u32)__irqsim_le32(x);
}
static inline __u64 le64_to_cpu(__le64 x)
{
	return (__u64)__irqsim_le64(x);
}
static inline __u32 be32_to_cpup(const __be32 *p)
{
	return be32_to_cpu(*p);
}
static inline __u64 be64_to_cpup(const __be64 *p)
{
	return be64_to_cpu(*p);
}
static inline __u32 le32_to_cpup(const __le32 *p)
{
	return le32_to_cpu(*p);
}

#endif
