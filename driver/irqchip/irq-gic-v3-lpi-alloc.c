// SPDX-License-Identifier: MIT
/*
 * GICv3 DirectLPI: the global LPI INTID allocator.  A bitmap over the LPIs
 * the configuration table covers (INTID 8192 + bit); blocks are a power of
 * two long and naturally aligned (what Multi-MSI needs: the device signals
 * vector i with data = base + i).  All or nothing: a failed request leaves
 * the bitmap as it was.
 */
#include <stdlib.h>

#include "irq-gic-v3-lpi.h"

#define LPI_MAX_BLOCK 4096u

static bool lpi_pow2(unsigned int n) { return n && !(n & (n - 1)); }

int gic_lpi_bitmap_init(struct gic_lpi_bitmap *b, unsigned int nr)
{
	b->words = calloc((nr + 63) / 64, sizeof(u64));
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
	free(b->words);
	mutex_destroy(&b->lock);
	b->words = NULL;
	b->nr = b->used = b->lowest_free = 0;
}

static bool lpi_test(const struct gic_lpi_bitmap *b, unsigned int i)
{
	return (b->words[i / 64] >> (i % 64)) & 1;
}

/* bits [pos, pos + nr) of a naturally aligned power-of-two block: all clear? */
static bool lpi_block_free(const struct gic_lpi_bitmap *b, unsigned int pos, unsigned int nr)
{
	if (nr >= 64) {
		for (unsigned int w = pos / 64; w < (pos + nr) / 64; w++)
			if (b->words[w])
				return false;
		return true;
	}
	u64 mask = ((1ULL << nr) - 1) << (pos % 64);

	return !(b->words[pos / 64] & mask);
}

static void lpi_block_set(struct gic_lpi_bitmap *b, unsigned int pos, unsigned int nr, bool on)
{
	for (unsigned int i = pos; i < pos + nr; i++) {
		u64 bit = 1ULL << (i % 64);

		if (on)
			b->words[i / 64] |= bit;
		else
			b->words[i / 64] &= ~bit;
	}
}

long gic_lpi_alloc_block(struct gic_lpi_bitmap *b, unsigned int nr)
{
	long ret = -ENOSPC;

	if (nr == 0 || !lpi_pow2(nr) || nr > LPI_MAX_BLOCK) {
		pr_err("GICv3: DirectLPI: cannot allocate %u LPIs (a power of two up to %u)", nr, LPI_MAX_BLOCK);
		return -EINVAL;
	}
	mutex_lock(&b->lock);
	for (unsigned int pos = b->lowest_free / nr * nr; pos + nr <= b->nr;) {
		/* a full word: skip it in one step */
		if (nr < 64 && b->words[pos / 64] == ~0ULL) {
			pos = (pos / 64 + 1) * 64;
			continue;
		}
		if (lpi_block_free(b, pos, nr)) {
			lpi_block_set(b, pos, nr, true);
			b->used += nr;
			while (b->lowest_free < b->nr && lpi_test(b, b->lowest_free))
				b->lowest_free++;
			ret = (long)GIC_FIRST_LPI + pos;
			break;
		}
		pos += nr;
	}
	mutex_unlock(&b->lock);
	return ret;
}

int gic_lpi_free_block(struct gic_lpi_bitmap *b, u32 first, unsigned int nr)
{
	int ret = 0;

	mutex_lock(&b->lock);
	if (first < GIC_FIRST_LPI || nr == 0 || first - GIC_FIRST_LPI >= b->nr ||
	    nr > b->nr - (first - GIC_FIRST_LPI)) {
		ret = -EINVAL;
	} else {
		unsigned int pos = first - GIC_FIRST_LPI;

		for (unsigned int i = pos; i < pos + nr; i++)
			if (!lpi_test(b, i))
				ret = -EINVAL;
		if (!ret) {
			lpi_block_set(b, pos, nr, false);
			b->used -= nr;
			if (pos < b->lowest_free)
				b->lowest_free = pos;
		}
	}
	mutex_unlock(&b->lock);
	if (ret)
		pr_err("GICv3: DirectLPI: free of LPIs %u..%u refused: not allocated (double free?)", first,
		       first + nr - 1);
	return ret;
}
