/* SPDX-License-Identifier: MIT */
/* Integer base-2 logarithms and powers of two (<linux/log2.h>). */
#ifndef IRQSIM_LOG2_H
#define IRQSIM_LOG2_H

#include <stdbool.h>

/* floor(log2(n)); n must not be 0 */
#define ilog2(n) \
	((int)(sizeof(unsigned long long) * 8 - 1) - __builtin_clzll((unsigned long long)(n)))

static inline bool is_power_of_2(unsigned long n)
{
	return n != 0 && (n & (n - 1)) == 0;
}

static inline unsigned long roundup_pow_of_two(unsigned long n)
{
	return n <= 1 ? 1UL : 1UL << (sizeof(long) * 8 - (unsigned int)__builtin_clzl(n - 1));
}

static inline unsigned long rounddown_pow_of_two(unsigned long n)
{
	return 1UL << (sizeof(long) * 8 - 1 - (unsigned int)__builtin_clzl(n));
}

/* ceil(log2(n)), 0 for n <= 1 */
#define order_base_2(n) ((n) > 1 ? ilog2((n)-1) + 1 : 0)

#endif
