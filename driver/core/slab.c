// SPDX-License-Identifier: MIT
/*
 * <linux/slab.h> on the host heap, and the heap-backed sprintf forms of
 * <linux/sprintf.h>.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/slab.h>
#include <linux/sprintf.h>

void *kmalloc(size_t size, gfp_t flags)
{
	if (flags & __GFP_ZERO)
		return calloc(1, size ? size : 1);
	return malloc(size ? size : 1);
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return kmalloc(bytes, flags);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	(void)flags; /* __GFP_ZERO would need the old size, which the host heap keeps to itself */
	if (!new_size) {
		free((void *)p);
		return NULL;
	}
	return realloc((void *)p, new_size);
}

void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(new_n, new_size, &bytes))
		return NULL;
	return krealloc(p, bytes, flags);
}

void kfree(const void *p)
{
	free((void *)p);
}

char *kstrdup(const char *s, gfp_t flags)
{
	return s ? kmemdup(s, strlen(s) + 1, flags) : NULL;
}

char *kstrndup(const char *s, size_t max, gfp_t flags)
{
	char *d;
	size_t len;

	if (!s)
		return NULL;
	{
		const char *nul = memchr(s, '\0', max);

		len = nul ? (size_t)(nul - s) : max;
	}
	d = kmalloc(len + 1, flags);
	if (d) {
		memcpy(d, s, len);
		d[len] = '\0';
	}
	return d;
}

void *kmemdup(const void *src, size_t len, gfp_t flags)
{
	void *p = kmalloc(len, flags);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap)
{
	va_list aq;
	char *p;
	int len;

	va_copy(aq, ap);
	len = irqsim_vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len < 0)
		return NULL;
	p = kmalloc((size_t)len + 1, gfp);
	if (p)
		irqsim_vsnprintf(p, (size_t)len + 1, fmt, ap);
	return p;
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	int n = irqsim_vsnprintf(buf, size, fmt, ap);

	if (n < 0 || !size)
		return 0;
	return (size_t)n < size ? n : (int)(size - 1);
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
