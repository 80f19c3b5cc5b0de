/* SPDX-License-Identifier: MIT */
/*
 * Bitmaps of u64 words, the subset of Linux's <linux/bitmap.h> the irqchip
 * allocators here need: whole bitmaps, bit ranges, and the search for a free
 * naturally aligned power-of-two region (Multi-MSI blocks of LPIs or MBI SPIs).
 * No locking: callers hold their allocator's lock.
 */
#ifndef IRQSIM_BITMAP_H
#define IRQSIM_BITMAP_H

#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

/* zeroed bitmap of @nbits bits, NULL when out of memory; bitmap_free(NULL) is a no-op */
u64 *bitmap_zalloc(unsigned int nbits);
void bitmap_free(u64 *map);

static inline bool bitmap_test_bit(const u64 *map, unsigned int bit)
{
	return (map[bit / 64] >> (bit % 64)) & 1;
}

/* set / clear bits [start, start + len) */
void bitmap_set(u64 *map, unsigned int start, unsigned int len);
void bitmap_clear(u64 *map, unsigned int start, unsigned int len);
/* all of bits [start, start + len) clear? */
bool bitmap_range_clear(const u64 *map, unsigned int start, unsigned int len);
/* all of bits [start, start + len) set? */
bool bitmap_range_set(const u64 *map, unsigned int start, unsigned int len);

/*
 * Offset of the first clear run of @size bits (a power of two) that starts at a
 * multiple of @size, searching from @from (rounded down to that alignment);
 * -1 if none fits in @nbits.  Full words are skipped in one step.
 */
long bitmap_find_free_aligned(const u64 *map, unsigned int nbits, unsigned int size, unsigned int from);

#ifdef __cplusplus
}
#endif
#endif
