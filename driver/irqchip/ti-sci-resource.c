// SPDX-License-Identifier: MIT
/*
 * TI-SCI resource ranges (INTR outputs, INTA VINTs, global events): the host
 * asks the firmware which ids it owns and hands them out first-fit.  Also the
 * ti,interrupt-ranges translation shared by the INTR and INTA drivers.
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#include <stdlib.h>
#include <string.h>

#include <linux/irqdomain.h>

#include "ti-sci-internal.h"

#define LONG_BITS (8 * sizeof(unsigned long))

int ti_sci_resource_init(struct ti_sci_resource *res, const struct ti_sci_handle *sci,
			 const struct device_node *node, u32 dev_id, u8 subtype, const char *what)
{
	u16 start = 0, num = 0;
	int ret;

	memset(res, 0, sizeof(*res));
	if (!sci->ops->rm_core_ops.get_range) {
		pr_err("ti_sci: %s: firmware has no get_range", node->path);
		return -ENODEV;
	}
	ret = sci->ops->rm_core_ops.get_range(sci, dev_id, subtype, &start, &num);
	if (ret) {
		pr_err("ti_sci: %s: no %s range for device %u subtype 0x%x (%d)", node->path, what, dev_id,
		       subtype, ret);
		return ret;
	}
	if (num == 0 || (u32)start + num > TI_SCI_RESOURCE_NULL) {
		pr_err("ti_sci: %s: unusable %s range %u+%u for device %u", node->path, what, start, num,
		       dev_id);
		return -EINVAL;
	}
	res->bitmap = calloc(DIV_ROUND_UP(num, LONG_BITS), sizeof(unsigned long));
	if (!res->bitmap)
		return -ENOMEM;
	res->start = start;
	res->num = num;
	res->what = what;
	mutex_init(&res->lock);
	return 0;
}

void ti_sci_resource_destroy(struct ti_sci_resource *res)
{
	if (res->bitmap) {
		free(res->bitmap);
		mutex_destroy(&res->lock);
	}
	memset(res, 0, sizeof(*res));
}

u16 ti_sci_get_free_resource(struct ti_sci_resource *res)
{
	u16 id = TI_SCI_RESOURCE_NULL;

	mutex_lock(&res->lock);
	for (unsigned int i = 0; i < res->num; i++) {
		unsigned long bit = 1UL << (i % LONG_BITS);

		if (!(res->bitmap[i / LONG_BITS] & bit)) {
			res->bitmap[i / LONG_BITS] |= bit;
			res->used++;
			id = (u16)(res->start + i);
			break;
		}
	}
	mutex_unlock(&res->lock);
	return id;
}

void ti_sci_release_resource(struct ti_sci_resource *res, u16 id)
{
	unsigned int i = (unsigned int)id - res->start;
	unsigned long bit = 1UL << (i % LONG_BITS);

	if (id < res->start || i >= res->num) {
		pr_err("ti_sci: release of %s %u outside the range %u..%u", res->what, id, res->start,
		       res->start + res->num - 1);
		return;
	}
	mutex_lock(&res->lock);
	if (res->bitmap[i / LONG_BITS] & bit) {
		res->bitmap[i / LONG_BITS] &= ~bit;
		res->used--;
		bit = 0;
	}
	mutex_unlock(&res->lock);
	if (bit)
		pr_err("ti_sci: release of %s %u that is not allocated", res->what, id);
}

int ti_sci_check_ranges(const struct device_node *node)
{
	int n = of_property_count_u32_elems(node, "ti,interrupt-ranges");

	if (n == -EINVAL)
		return 0;
	if (n <= 0 || n % 3) {
		pr_err("ti_sci: %s: ti,interrupt-ranges must be <base parent_base count> triplets (%d cells)",
		       node->path, n);
		return -EINVAL;
	}
	return 0;
}

int ti_sci_translate_range(const struct device_node *node, const char *domain_name, u32 in, u32 *out)
{
	int n = of_property_count_u32_elems(node, "ti,interrupt-ranges");

	if (n == -EINVAL) {
		*out = in;
		return 0;
	}
	for (int i = 0; i + 2 < n; i += 3) {
		u32 base, pbase, count;

		if (of_property_read_u32_index(node, "ti,interrupt-ranges", (u32)i, &base) ||
		    of_property_read_u32_index(node, "ti,interrupt-ranges", (u32)i + 1, &pbase) ||
		    of_property_read_u32_index(node, "ti,interrupt-ranges", (u32)i + 2, &count))
			break;
		if (in >= base && in - base < count) {
			*out = pbase + (in - base);
			return 0;
		}
	}
	pr_err("irq: domain %s: %u is not covered by ti,interrupt-ranges of %s", domain_name, in, node->path);
	return -ENOENT;
}

void ti_sci_name_domain(struct irq_domain *d, const char *name)
{
	char *copy = strdup(name);

	if (!copy)
		return;
	if (d->flags & IRQ_DOMAIN_NAME_ALLOCATED)
		free((char *)d->name);
	d->name = copy;
	d->flags |= IRQ_DOMAIN_NAME_ALLOCATED;
}
