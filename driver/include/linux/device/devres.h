/* SPDX-License-Identifier: MIT */
/*
 * Device-managed resources (<linux/device/devres.h>): allocations and actions
 * tied to a device.  They are released in reverse order of acquisition when
 * the device's probe fails and when its driver unbinds, so a probe needs no
 * error unwinding for them.
 */
#ifndef IRQSIM_DEVICE_DEVRES_H
#define IRQSIM_DEVICE_DEVRES_H

#include <stddef.h>

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct resource;

typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

/* generic devres: a payload of @size bytes released by @release */
void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
/* find (devres_find), unlink without releasing (devres_remove), unlink + free (devres_destroy), unlink + release + free (devres_release) */
void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
/* release everything @dev holds, newest first; returns how many entries */
int devres_release_all(struct device *dev);

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}
void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags);
static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}
void *devm_krealloc(struct device *dev, void *ptr, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);
char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* run @action(@data) at release time; 0 or -ENOMEM */
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
/* as devm_add_action(), but runs @action(@data) at once when it cannot be registered */
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
/* unregister without running (devm_remove_action) or run it now (devm_release_action) */
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

/* ioremap() of a resource / region, unmapped on release; ERR_PTR on failure */
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);
void devm_iounmap(struct device *dev, void __iomem *addr);

#ifdef __cplusplus
}
#endif
#endif
