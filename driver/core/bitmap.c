// SPDX-License-Identifier: MIT
/*
 * Bitmaps and bit searches on unsigned long words (<linux/bitmap.h>,
 * <linux/bitops.h>).
 */
#include <stdlib.h>

#include <linux/bitmap.h>
#include <linux/errno.h>

#define BPL BITS_PER_LONG

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	(void)flags;
	/* one word at least, so a 0-bit map is still a distinct pointer */
	return malloc(BITS_TO_LONGS(nbits ? nbits : 1) * sizeof(unsigned long));
}

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	(void)flags;
	return calloc(BITS_TO_LONGS(nbits ? nbits : 1), sizeof(unsigned long));
}

void bitmap_free(const unsigned long *bitmap)
{
	free((void *)bitmap);
}

/* mask of the bits of word @w that lie in [start, end) */
static unsigned long word_mask(unsigned int w, unsigned int start, unsigned int end)
{
	unsigned int lo = w * BPL > start ? 0 : start - w * BPL;
	unsigned int hi = (w + 1) * BPL < end ? BPL : end - w * BPL;
	unsigned long upto_hi = hi == BPL ? ~0UL : (1UL << hi) - 1;

	return upto_hi & ~((1UL << lo) - 1);
}

void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	bitmap_zero(dst, nbits);
	bitmap_set(dst, 0, nbits);
}

void bitmap_set(unsigned long *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / BPL; len && w <= (start + len - 1) / BPL; w++)
		map[w] |= word_mask(w, start, start + len);
}

void bitmap_clear(unsigned long *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / BPL; len && w <= (start + len - 1) / BPL; w++)
		map[w] &= ~word_mask(w, start, start + len);
}

bool bitmap_range_clear(const unsigned long *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / BPL; len && w <= (start + len - 1) / BPL; w++)
		if (map[w] & word_mask(w, start, start + len))
			return false;
	return true;
}

bool bitmap_range_set(const unsigned long *map, unsigned int start, unsigned int len)
{
	for (unsigned int w = start / BPL; len && w <= (start + len - 1) / BPL; w++) {
		unsigned long m = word_mask(w, start, start + len);

		if ((map[w] & m) != m)
			return false;
	}
	return true;
}

bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return bitmap_range_clear(src, 0, nbits);
}

bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return bitmap_range_set(src, 0, nbits);
}

bool bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	for (unsigned int w = 0; w < BITS_TO_LONGS(nbits); w++)
		if ((a[w] ^ b[w]) & word_mask(w, 0, nbits))
			return false;
	return true;
}

unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int n = 0;

	for (unsigned int w = 0; w < BITS_TO_LONGS(nbits); w++)
		n += (unsigned int)hweight_long(src[w] & word_mask(w, 0, nbits));
	return n;
}

void bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b,
	       unsigned int nbits)
{
	for (unsigned int w = 0; w < BITS_TO_LONGS(nbits); w++)
		dst[w] = a[w] | b[w];
}

bool bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b,
		unsigned int nbits)
{
	unsigned long any = 0;

	for (unsigned int w = 0; w < BITS_TO_LONGS(nbits); w++) {
		dst[w] = a[w] & b[w];
		any |= dst[w] & word_mask(w, 0, nbits);
	}
	return any != 0;
}

/* shared by the two searches: @invert flips every word so "zero" becomes "set" */
static unsigned long find_next(const unsigned long *addr, unsigned long size, unsigned long offset,
			       unsigned long invert)
{
	unsigned long w, word;

	if (offset >= size)
		return size;
	w = offset / BPL;
	word = (addr[w] ^ invert) & (~0UL << (offset % BPL));
	while (!word) {
		if (++w * BPL >= size)
			return size;
		word = addr[w] ^ invert;
	}
	offset = w * BPL + __ffs(word);
	return offset < size ? offset : size;
}

unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset)
{
	return find_next(addr, size, offset, 0);
}

unsigned long find_next_zero_bit(const unsigned long *addr, unsigned long size,
				 unsigned long offset)
{
	return find_next(addr, size, offset, ~0UL);
}

unsigned long find_last_bit(const unsigned long *addr, unsigned long size)
{
	for (unsigned long w = BITS_TO_LONGS(size); w-- > 0;) {
		unsigned long word = addr[w];

		if (w == size / BPL)
			word &= size % BPL ? (1UL << (size % BPL)) - 1 : 0;
		if (word)
			return w * BPL + __fls(word);
	}
	return size;
}

int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order)
{
	unsigned int len;

	if (order < 0 || order >= 31)
		return -EINVAL;
	len = 1u << order;
	for (unsigned int pos = 0; pos + len <= bits && pos + len > pos; pos += len) {
		if (!bitmap_range_clear(bitmap, pos, len))
			continue;
		bitmap_set(bitmap, pos, len);
		return (int)pos;
	}
	return -ENOMEM;
}

void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order)
{
	bitmap_clear(bitmap, pos, 1u << order);
}

int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order)
{
	unsigned int len = 1u << order;

	if (!bitmap_range_clear(bitmap, pos, len))
		return -EBUSY;
	bitmap_set(bitmap, pos, len);
	return 0;
}

unsigned long bitmap_find_next_zero_area(unsigned long *map, unsigned long size,
					 unsigned long start, unsigned int nr,
					 unsigned long align_mask)
{
	for (;;) {
		unsigned long index = (find_next_zero_bit(map, size, start) + align_mask) &
				      ~align_mask;
		unsigned long end = index + nr, busy;

		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}

long bitmap_find_free_aligned(const unsigned long *map, unsigned int nbits, unsigned int size,
			      unsigned int from)
{
	if (!size || (size & (size - 1)))
		return -1;
	for (unsigned int pos = from / size * size; pos + size <= nbits;) {
		if (size < BPL && map[pos / BPL] == ~0UL) {
			pos = (pos / BPL + 1) * BPL;
			continue;
		}
		if (bitmap_range_clear(map, pos, size))
			return pos;
		pos += size;
	}
	return -1;
}
