// SPDX-License-Identifier: MIT
/*
 * Device-managed resources (<linux/device/devres.h>): each entry is a header
 * plus payload on the device's list, oldest first.  Release walks from the
 * newest, so resources go away in the reverse order of acquisition, the
 * order a hand-written error path would use.
 *
 * One global lock guards every device's list; it is never held while a
 * release callback runs (a callback may itself use devres).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/slab.h>
#include <linux/sprintf.h>

#include "dd_internal.h"

struct devres_node {
	struct list_head entry;
	dr_release_t release;
	size_t size;
	max_align_t data[]; /* the payload handed to the user */
};

static pthread_mutex_t devres_lock = PTHREAD_MUTEX_INITIALIZER;

static struct devres_node *to_node(const void *res)
{
	return (struct devres_node *)((char *)res - offsetof(struct devres_node, data));
}

void irqsim_devres_init(struct device *dev)
{
	pthread_mutex_lock(&devres_lock);
	if (!dev->devres_head.next)
		INIT_LIST_HEAD(&dev->devres_head);
	pthread_mutex_unlock(&devres_lock);
}

void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp)
{
	struct devres_node *n = kmalloc(sizeof(*n) + size, gfp | __GFP_ZERO);

	if (!n)
		return NULL;
	INIT_LIST_HEAD(&n->entry);
	n->release = release;
	n->size = size;
	return n->data;
}

void devres_free(void *res)
{
	if (!res)
		return;
	WARN_ON(!list_empty(&to_node(res)->entry));
	kfree(to_node(res));
}

void devres_add(struct device *dev, void *res)
{
	irqsim_devres_init(dev);
	pthread_mutex_lock(&devres_lock);
	list_add_tail(&to_node(res)->entry, &dev->devres_head);
	pthread_mutex_unlock(&devres_lock);
}

/* newest matching entry; caller holds devres_lock */
static struct devres_node *find_locked(struct device *dev, dr_release_t release, dr_match_t match,
				       void *match_data)
{
	struct devres_node *n;

	if (!dev->devres_head.next)
		return NULL;
	list_for_each_entry_reverse(n, &dev->devres_head, entry) {
		if (n->release != release)
			continue;
		if (match && !match(dev, n->data, match_data))
			continue;
		return n;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres_node *n;

	pthread_mutex_lock(&devres_lock);
	n = find_locked(dev, release, match, match_data);
	pthread_mutex_unlock(&devres_lock);
	return n ? n->data : NULL;
}

void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	struct devres_node *n;

	pthread_mutex_lock(&devres_lock);
	n = find_locked(dev, release, match, match_data);
	if (n)
		list_del_init(&n->entry);
	pthread_mutex_unlock(&devres_lock);
	return n ? n->data : NULL;
}

int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (!res)
		return -ENOENT;
	devres_free(res);
	return 0;
}

int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data)
{
	void *res = devres_remove(dev, release, match, match_data);

	if (!res)
		return -ENOENT;
	release(dev, res);
	devres_free(res);
	return 0;
}

int devres_release_all(struct device *dev)
{
	int count = 0;

	for (;;) {
		struct devres_node *n = NULL;

		pthread_mutex_lock(&devres_lock);
		if (dev->devres_head.next && !list_empty(&dev->devres_head)) {
			n = list_last_entry(&dev->devres_head, struct devres_node, entry);
			list_del_init(&n->entry);
		}
		pthread_mutex_unlock(&devres_lock);
		if (!n)
			return count;
		if (n->release)
			n->release(dev, n->data);
		kfree(n);
		count++;
	}
}

/* ---- managed memory ------------------------------------------------------------------ */

/* the release of plain memory: freeing the node is all there is */
static void devm_kmalloc_release(struct device *dev, void *res)
{
	(void)dev;
	(void)res;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p = devres_alloc(devm_kmalloc_release, size, gfp);

	if (!p)
		return NULL;
	if (!(gfp & __GFP_ZERO))
		memset(p, 0x6b, size); /* like slab poisoning: a forgotten init shows */
	devres_add(dev, p);
	return p;
}

void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}

static int match_ptr(struct device *dev, void *res, void *p)
{
	(void)dev;
	return res == p;
}

void devm_kfree(struct device *dev, const void *p)
{
	if (!p)
		return;
	if (devres_destroy(dev, devm_kmalloc_release, match_ptr, (void *)p))
		WARN(1, "%s: devm_kfree of memory the device does not own", dev_name(dev));
}

void *devm_krealloc(struct device *dev, void *ptr, size_t size, gfp_t gfp)
{
	struct devres_node *old, *n;
	void *p;

	if (!ptr)
		return devm_kmalloc(dev, size, gfp);
	if (!size) {
		devm_kfree(dev, ptr);
		return NULL;
	}
	p = devres_alloc(devm_kmalloc_release, size, gfp);
	if (!p)
		return NULL;
	n = to_node(p);
	pthread_mutex_lock(&devres_lock);
	old = find_locked(dev, devm_kmalloc_release, match_ptr, ptr);
	if (old) {
		memcpy(p, ptr, old->size < size ? old->size : size);
		list_replace(&old->entry, &n->entry); /* keeps its place in the release order */
		INIT_LIST_HEAD(&old->entry);
	}
	pthread_mutex_unlock(&devres_lock);
	if (!old) {
		devres_free(p);
		WARN(1, "%s: devm_krealloc of memory the device does not own", dev_name(dev));
		return NULL;
	}
	kfree(old);
	return p;
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	return s ? devm_kmemdup(dev, s, strlen(s) + 1, gfp) : NULL;
}

void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;
	int len;

	va_start(ap, fmt);
	len = irqsim_vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	p = len >= 0 ? devm_kmalloc(dev, (size_t)len + 1, gfp) : NULL;
	if (!p)
		return NULL;
	va_start(ap, fmt);
	irqsim_vsnprintf(p, (size_t)len + 1, fmt, ap);
	va_end(ap);
	return p;
}

/* ---- actions --------------------------------------------------------------------------- */

struct action_devres {
	void (*action)(void *);
	void *data;
};

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *a = res;

	(void)dev;
	a->action(a->data);
}

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *a = res, *want = p;

	(void)dev;
	return a->action == want->action && a->data == want->data;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres *a = devres_alloc(devm_action_release, sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	a->action = action;
	a->data = data;
	devres_add(dev, a);
	return 0;
}

int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres want = { action, data };

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match, &want));
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres want = { action, data };

	WARN_ON(devres_release(dev, devm_action_release, devm_action_match, &want));
}

/* ---- io and bitmaps -------------------------------------------------------------------- */

static void devm_ioremap_release(struct device *dev, void *res)
{
	(void)dev;
	iounmap(*(void __iomem **)res);
}

static int devm_ioremap_match(struct device *dev, void *res, void *p)
{
	(void)dev;
	return *(void **)res == p;
}

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size)
{
	void __iomem **slot = devres_alloc(devm_ioremap_release, sizeof(*slot), GFP_KERNEL);
	void __iomem *addr;

	if (!slot)
		return NULL;
	addr = ioremap(offset, size);
	if (!addr) {
		devres_free(slot);
		return NULL;
	}
	*slot = addr;
	devres_add(dev, slot);
	return addr;
}

void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res)
{
	void __iomem *addr;

	if (!res || resource_type(res) != IORESOURCE_MEM) {
		dev_err(dev, "invalid resource %pR", res);
		return ERR_PTR(-EINVAL);
	}
	addr = devm_ioremap(dev, res->start, resource_size(res));
	if (!addr) {
		dev_err(dev, "ioremap failed for resource %pR", res);
		return ERR_PTR(-ENOMEM);
	}
	return addr;
}

void devm_iounmap(struct device *dev, void __iomem *addr)
{
	WARN_ON(devres_release(dev, devm_ioremap_release, devm_ioremap_match, (void *)addr));
}

static void devm_bitmap_free(void *data)
{
	bitmap_free(data);
}

unsigned long *devm_bitmap_zalloc(struct device *dev, unsigned int nbits, gfp_t flags)
{
	unsigned long *map = bitmap_zalloc(nbits, flags);

	if (!map)
		return NULL;
	if (devm_add_action_or_reset(dev, devm_bitmap_free, map))
		return NULL;
	return map;
}
