// SPDX-License-Identifier: MIT
/*
 * TI-SCI resources (INTR outputs, INTA VINTs, global events) as upstream's
 * client API has them: the host asks the firmware which ids of a subtype it
 * owns (one set per subtype, a primary and a secondary range each) and hands
 * them out lowest first.  Also the
 * ti,interrupt-ranges translation shared by the INTR and INTA drivers.
 */
#define pr_fmt(fmt) "ti_sci: " fmt

#include <linux/string.h>

#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/irqdomain.h>
#include <linux/slab.h>

#include "ti-sci-internal.h"

struct ti_sci_resource *devm_ti_sci_get_resource_sets(const struct ti_sci_handle *handle,
						      struct device *dev, u32 dev_id,
						      u32 *sub_types, u32 sets)
{
	struct ti_sci_resource *res;
	bool valid_set = false;
	int ret;

	if (IS_ERR_OR_NULL(handle) || !dev || !sub_types || !sets || sets > 0xffff)
		return ERR_PTR(-EINVAL);
	if (!handle->ops.rm_core_ops.get_range) {
		dev_err(dev, "TI-SCI firmware has no get_range");
		return ERR_PTR(-ENODEV);
	}
	res = devm_kzalloc(dev, sizeof(*res), GFP_KERNEL);
	if (!res)
		return ERR_PTR(-ENOMEM);
	res->sets = (u16)sets;
	res->desc = devm_kcalloc(dev, sets, sizeof(*res->desc), GFP_KERNEL);
	if (!res->desc)
		return ERR_PTR(-ENOMEM);
	for (u32 i = 0; i < sets; i++) {
		struct ti_sci_resource_desc *d = &res->desc[i];

		ret = handle->ops.rm_core_ops.get_range(handle, dev_id, (u8)sub_types[i], d);
		if (ret || (u32)d->num + d->num_sec == 0 ||
		    (u32)d->start + d->num > TI_SCI_RESOURCE_NULL ||
		    (u32)d->start_sec + d->num_sec > TI_SCI_RESOURCE_NULL) {
			/* a subtype this host has no (usable) share of: an empty set */
			dev_dbg(dev, "no range for device %u subtype 0x%x (%d)", dev_id,
				sub_types[i], ret);
			memset(d, 0, sizeof(*d));
			continue;
		}
		dev_dbg(dev, "device %u subtype 0x%x: %u+%u, secondary %u+%u", dev_id, sub_types[i],
			d->start, d->num, d->start_sec, d->num_sec);
		valid_set = true;
		d->res_map = devm_bitmap_zalloc(dev, (unsigned int)d->num + d->num_sec, GFP_KERNEL);
		if (!d->res_map)
			return ERR_PTR(-ENOMEM);
	}
	if (!valid_set)
		return ERR_PTR(-EINVAL);
	raw_spin_lock_init(&res->lock);
	return res;
}

struct ti_sci_resource *devm_ti_sci_get_resource(const struct ti_sci_handle *handle,
						 struct device *dev, u32 dev_id, u32 sub_type)
{
	return devm_ti_sci_get_resource_sets(handle, dev, dev_id, &sub_type, 1);
}

struct ti_sci_resource *devm_ti_sci_get_of_resource(const struct ti_sci_handle *handle,
						    struct device *dev, u32 dev_id, char *of_prop)
{
	struct device_node *np = dev ? dev_of_node(dev) : NULL;
	struct ti_sci_resource *res;
	u32 *sub_types;
	int sets;

	sets = of_property_count_elems_of_size(np, of_prop, sizeof(u32));
	if (sets <= 0) {
		dev_err(dev, "%s resource type ids not available", of_prop);
		return ERR_PTR(sets ? sets : -EINVAL);
	}
	sub_types = kcalloc((size_t)sets, sizeof(*sub_types), GFP_KERNEL);
	if (!sub_types)
		return ERR_PTR(-ENOMEM);
	if (of_property_read_u32_array(np, of_prop, sub_types, (size_t)sets))
		res = ERR_PTR(-EINVAL);
	else
		res = devm_ti_sci_get_resource_sets(handle, dev, dev_id, sub_types, (u32)sets);
	kfree(sub_types);
	return res;
}

u16 ti_sci_get_free_resource(struct ti_sci_resource *res)
{
	u16 id = TI_SCI_RESOURCE_NULL;
	unsigned long flags = 0;

	raw_spin_lock_irqsave(&res->lock, flags);
	for (u16 set = 0; set < res->sets && id == TI_SCI_RESOURCE_NULL; set++) {
		struct ti_sci_resource_desc *d = &res->desc[set];
		unsigned long total = (unsigned long)d->num + d->num_sec;
		unsigned long bit;

		if (!total)
			continue;
		bit = find_first_zero_bit(d->res_map, total);
		if (bit == total)
			continue;
		__set_bit(bit, d->res_map);
		id = bit < d->num ? (u16)(d->start + bit) : (u16)(d->start_sec + (bit - d->num));
	}
	raw_spin_unlock_irqrestore(&res->lock, flags);
	return id;
}

void ti_sci_release_resource(struct ti_sci_resource *res, u16 id)
{
	unsigned long flags = 0;
	bool found = false, was_set = false;

	raw_spin_lock_irqsave(&res->lock, flags);
	for (u16 set = 0; set < res->sets && !found; set++) {
		struct ti_sci_resource_desc *d = &res->desc[set];
		unsigned long bit;

		if (d->num && id >= d->start && id - d->start < d->num)
			bit = (unsigned long)(id - d->start);
		else if (d->num_sec && id >= d->start_sec && id - d->start_sec < d->num_sec)
			bit = (unsigned long)d->num + (id - d->start_sec);
		else
			continue;
		found = true;
		was_set = test_bit(bit, d->res_map);
		__clear_bit(bit, d->res_map);
	}
	raw_spin_unlock_irqrestore(&res->lock, flags);
	/* upstream is silent; a driver bug is worth a line here */
	if (!found)
		pr_err("release of id %u that no set of the resource holds", id);
	else if (!was_set)
		pr_err("release of id %u that is not allocated", id);
}

u32 ti_sci_get_num_resources(struct ti_sci_resource *res)
{
	u32 n = 0;

	for (u16 set = 0; set < res->sets; set++)
		n += (u32)res->desc[set].num + res->desc[set].num_sec;
	return n;
}

int ti_sci_check_ranges(const struct device_node *node)
{
	int n = of_property_count_u32_elems(node, "ti,interrupt-ranges");

	if (n == -EINVAL)
		return 0;
	if (n <= 0 || n % 3) {
		pr_err("%pOF: ti,interrupt-ranges must be <base parent_base count> triplets (%d cells)",
		       node, n);
		return -EINVAL;
	}
	return 0;
}

int ti_sci_translate_range(const struct device_node *node, const char *domain_name, u32 in,
			   u32 *out)
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
	pr_err("domain %s: %u is not covered by ti,interrupt-ranges of %pOF", domain_name, in,
	       node);
	return -ENOENT;
}

void ti_sci_name_domain(struct irq_domain *d, const char *name)
{
	char *copy = kstrdup(name, GFP_KERNEL);

	if (!copy)
		return;
	if (d->flags & IRQ_DOMAIN_NAME_ALLOCATED)
		kfree(d->name);
	d->name = copy;
	d->flags |= IRQ_DOMAIN_NAME_ALLOCATED;
}
