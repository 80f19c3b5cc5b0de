// SPDX-License-Identifier: MIT
/*
 * u64-word bitmaps for the irqchip allocators (see <linux/bitmap.h>).
 */
#include <stdlib.h>

#include <linux/bitmap.h>

u64 *bitmap_zalloc(unsigned int nbits)
{
	return calloc(DIV_ROUND_UP(nbits ? nbits : 1, 64), sizeof(u64));
}

void bitmap_free(u64 *map)
{
	free(map);
}

/* mask of the bits of word @w that lie in [start, end) */
static u64 word_mask(unsigned int w, unsigned int start, unsigned int end)
{
	unsigned int lo = w * 64 > start ? 0 : start - w * 64;
	unsigned int hi = (w + 1) * 64 < end ? 64 : end - w * 64;
	u64 upto_hi = hi == 64 ? ~0ULL : (1ULL << hi) - 1;

	return upto_hi & ~((1ULL << lo) - 1);
}

void bitmap_set(u64 *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / 64; len && w <= (start + len - 1) / 64; w++)
		map[w] |= word_mask(w, start, start + len);
}

void bitmap_clear(u64 *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / 64; len && w <= (start + len - 1) / 64; w++)
		map[w] &= ~word_mask(w, start, start + len);
}

bool bitmap_range_clear(const u64 *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / 64; len && w <= (start + len - 1) / 64; w++)
		if (map[w] & word_mask(w, start, start + len))
			return false;
	return true;
}

bool bitmap_range_set(const u64 *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / 64; len && w <= (start + len - 1) / 64; w++) {
		u64 m = word_mask(w, start, start + len);

		if ((map[w] & m) != m)
			return false;
	}
	return true;
}

long bitmap_find_free_aligned(const u64 *map, unsigned int nbits, unsigned int size, unsigned int from)
{
	if (!size || (size & (size - 1)))
		return -1;
	for (unsigned int pos = from / size * size; pos + size <= nbits;) {
		if (size < 64 && map[pos / 64] == ~0ULL) {
			pos = (pos / 64 + 1) * 64;
			continue;
		}
		if (bitmap_range_clear(map, pos, size))
			return pos;
		pos += size;
	}
	return -1;
}
