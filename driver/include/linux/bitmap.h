/* SPDX-License-Identifier: MIT */
/*
 * Bitmaps (<linux/bitmap.h>): arrays of unsigned long, bit n in word
 * n / BITS_PER_LONG, with the kernel's names and argument orders.
 * No locking: callers hold their allocator's lock.
 *
 * Beyond the kernel's set, three helpers the irqchip allocators here use:
 * bitmap_test_bit(), bitmap_range_clear()/bitmap_range_set() and
 * bitmap_find_free_aligned().
 */
#ifndef IRQSIM_BITMAP_H
#define IRQSIM_BITMAP_H

#include <string.h>

#include <linux/bitops.h>
#include <linux/gfp.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device;

/* bitmap of @nbits bits from the heap (zeroed by the _z form), NULL when out of memory */
unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags);
unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags);
/* bitmap_free(NULL) is a no-op */
void bitmap_free(const unsigned long *bitmap);
/* zeroed bitmap owned by @dev's devres: freed when the driver unbinds */
unsigned long *devm_bitmap_zalloc(struct device *dev, unsigned int nbits, gfp_t flags);

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}
void bitmap_fill(unsigned long *dst, unsigned int nbits);
static inline void bitmap_copy(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

/* set / clear bits [start, start + nbits) */
void bitmap_set(unsigned long *map, unsigned int start, unsigned int nbits);
void bitmap_clear(unsigned long *map, unsigned int start, unsigned int nbits);

bool bitmap_empty(const unsigned long *src, unsigned int nbits);
bool bitmap_full(const unsigned long *src, unsigned int nbits);
bool bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits);
unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits);
void bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b,
	       unsigned int nbits);
/* Return: whether the result has any bit set */
bool bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		unsigned int nbits);

/*
 * Regions of 2^@order bits aligned to their size:
 * bitmap_find_free_region() allocates the first free one (Return: its first
 * bit, -ENOMEM when none fits in @bits), bitmap_allocate_region() a given one
 * (0, -EBUSY if any bit is set), bitmap_release_region() frees one.
 */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order);
void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order);
int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order);

/*
 * First clear run of @nr bits at or after @start whose first bit is a
 * multiple of @align_mask + 1 (align_mask: 2^n - 1); > @size - @nr when none.
 */
unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size,
					 unsigned long start, unsigned int nr,
					 unsigned long align_mask);

/* ---- project helpers (not in the kernel) ---------------------------------------------- */
static inline bool bitmap_test_bit(const unsigned long *map, unsigned int bit)
{
	return test_bit(bit, map);
}
/* all of bits [start, start + len) clear? */
bool bitmap_range_clear(const unsigned long *map, unsigned int start, unsigned int len);
/* all of bits [start, start + len) set? */
bool bitmap_range_set(const unsigned long *map, unsigned int start, unsigned int len);
/*
 * Offset of the first clear run of @size bits (a power of two) that starts at a
 * multiple of @size, searching from @from (rounded down to that alignment);
 * -1 if none fits in @nbits.  Full words are skipped in one step.
 */
long bitmap_find_free_aligned(const unsigned long *map, unsigned int nbits, unsigned int size,
			      unsigned int from);

#ifdef __cplusplus
}
#endif
#endif
