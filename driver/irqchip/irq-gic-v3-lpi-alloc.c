// SPDX-License-Identifier: MIT
/*
 * GICv3 DirectLPI: the global LPI INTID allocator.  A bitmap over the LPIs
 * the configuration table covers (INTID 8192 + bit); blocks are a power of
 * two long and naturally aligned (what Multi-MSI needs: the device signals
 * vector i with data = base + i).  All or nothing: a failed request leaves
 * the bitmap as it was.
 */
#define pr_fmt(fmt) "GICv3: " fmt

#include <linux/bitmap.h>

#include "irq-gic-v3-lpi.h"

#define LPI_MAX_BLOCK 4096u

static bool lpi_pow2(unsigned int n)
{
	return n && !(n & (n - 1));
}

int gic_lpi_bitmap_init(struct gic_lpi_bitmap *b, unsigned int nr)
{
	b->words = bitmap_zalloc(nr, GFP_KERNEL);
	if (!b->words)
		return -ENOMEM;
	b->nr = nr;
	b->used = 0;
	b->lowest_free = 0;
	mutex_init(&b->lock);
	return 0;
}

void gic_lpi_bitmap_destroy(struct gic_lpi_bitmap *b)
{
	if (!b->words)
		return;
	bitmap_free(b->words);
	mutex_destroy(&b->lock);
	b->words = NULL;
	b->nr = b->used = b->lowest_free = 0;
}

long gic_lpi_alloc_block(struct gic_lpi_bitmap *b, unsigned int nr)
{
	long pos;

	if (nr == 0 || !lpi_pow2(nr) || nr > LPI_MAX_BLOCK) {
		pr_err("DirectLPI: cannot allocate %u LPIs (a power of two up to %u)", nr,
		       LPI_MAX_BLOCK);
		return -EINVAL;
	}
	mutex_lock(&b->lock);
	pos = (long)bitmap_find_next_zero_area(b->words, b->nr, b->lowest_free, nr, nr - 1);
	if (pos >= (long)b->nr) {
		pos = -1;
	} else {
		bitmap_set(b->words, (unsigned int)pos, nr);
		b->used += nr;
		while (b->lowest_free < b->nr && test_bit(b->lowest_free, b->words))
			b->lowest_free++;
	}
	mutex_unlock(&b->lock);
	return pos >= 0 ? (long)GIC_FIRST_LPI + pos : -ENOSPC;
}

int gic_lpi_free_block(struct gic_lpi_bitmap *b, u32 first, unsigned int nr)
{
	int ret = 0;

	mutex_lock(&b->lock);
	if (first < GIC_FIRST_LPI || nr == 0 || first - GIC_FIRST_LPI >= b->nr ||
	    nr > b->nr - (first - GIC_FIRST_LPI) ||
	    find_next_zero_bit(b->words, first - GIC_FIRST_LPI + nr, first - GIC_FIRST_LPI) <
		    first - GIC_FIRST_LPI + nr) {
		ret = -EINVAL;
	} else {
		unsigned int pos = first - GIC_FIRST_LPI;

		bitmap_clear(b->words, pos, nr);
		b->used -= nr;
		if (pos < b->lowest_free)
			b->lowest_free = pos;
	}
	mutex_unlock(&b->lock);
	if (ret)
		pr_err("DirectLPI: free of LPIs %u..%u refused: not allocated (double free?)",
		       first, first + nr - 1);
	return ret;
}
