/* SPDX-License-Identifier: MIT */
/*
 * Kernel heap allocation (<linux/slab.h>, the kv* forms of <linux/mm.h>) on
 * the host heap.  GFP flags are accepted (see <linux/gfp.h>); __GFP_ZERO
 * zeroes.  Sizes that overflow in kcalloc/kmalloc_array return NULL.
 */
#ifndef IRQSIM_SLAB_H
#define IRQSIM_SLAB_H

#include <stddef.h>

#include <linux/gfp.h>

#ifdef __cplusplus
extern "C" {
#endif

void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
/* NULL @p allocates; size 0 frees @p and returns NULL */
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags);
/* kfree(NULL) is a no-op */
void kfree(const void *p);
char *kstrdup(const char *s, gfp_t flags);
char *kstrndup(const char *s, size_t max, gfp_t flags);
void *kmemdup(const void *src, size_t len, gfp_t flags);

#define kvmalloc kmalloc
#define kvzalloc kzalloc
#define kvcalloc kcalloc
#define kvmalloc_array kmalloc_array
#define kvfree kfree
#define kfree_const kfree
#define kstrdup_const kstrdup

#ifdef __cplusplus
}
#endif
#endif
