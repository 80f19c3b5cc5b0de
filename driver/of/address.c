// SPDX-License-Identifier: MIT
/*
 * Address translation of reg entries through the buses' "ranges", and the
 * resource / ioremap helpers on top of it (<linux/of_address.h>).
 */
#include <string.h>

#include <asm/byteorder.h>
#include <linux/io.h>
#include <linux/of_address.h>
#include <linux/printk.h>

/* the cell count @prop of bus node @bus itself (applies to its children), or @def */
static int of_bus_cells(const struct device_node *bus, const char *prop, int def)
{
	u32 v;

	if (!bus)
		return def;
	if (of_property_read_u32(bus, prop, &v) == 0)
		return v >= 1 && v <= 2 ? (int)v : -1;
	return def; /* absent: the kernel's defaults */
}

static u64 of_cells_to_u64(const __be32 *cell, int n)
{
	u64 r = 0;

	while (n-- > 0)
		r = (r << 32) | be32_to_cpu(*cell++);
	return r;
}

/* translate @addr (a child address of @bus) to @bus's parent address space */
static int of_translate_one(const struct device_node *bus, u64 *addr)
{
	int len, na, pna, ns, entry;
	const __be32 *ranges;

	ranges = of_get_property(bus, "ranges", &len);
	if (!ranges)
		return -EINVAL; /* no translation across this bus */
	if (len == 0)
		return 0; /* identity */
	na = of_bus_cells(bus, "#address-cells", 2);
	ns = of_bus_cells(bus, "#size-cells", 1);
	pna = of_bus_cells(bus->parent, "#address-cells", 2);
	if (na < 1 || ns < 1 || pna < 1)
		return -EINVAL;
	entry = (na + pna + ns) * 4;
	if (len % entry)
		return -EINVAL;
	for (int off = 0; off < len; off += entry) {
		const __be32 *e = ranges + off / 4;
		u64 child = of_cells_to_u64(e, na);
		u64 parent = of_cells_to_u64(e + na, pna);
		u64 size = of_cells_to_u64(e + na + pna, ns);

		if (*addr >= child && *addr - child < size) {
			*addr = parent + (*addr - child);
			return 0;
		}
	}
	return -EINVAL;
}

/**
 * of_translate_address() - translate a bus address of a node to a CPU address
 * @np: the node the address belongs to (its parent's #address-cells applies)
 * @in_addr: the address cells, big-endian, as they appear in @np's reg
 *
 * Walks from @np's parent up to the root; each bus on the way maps the
 * address through its "ranges" (<child-address parent-address size>
 * entries; an empty "ranges" is the identity).  A bus without "ranges", or
 * an address that none of its entries covers, makes the translation fail.
 *
 * Return: the CPU physical address, or OF_BAD_ADDR if @np or @in_addr is
 * NULL, the cell counts are not 1 or 2, or the address cannot be translated.
 */
u64 of_translate_address(struct device_node *np, const __be32 *in_addr)
{
	int na;
	u64 addr;

	if (!np || !in_addr)
		return OF_BAD_ADDR;
	na = of_n_addr_cells(np);
	if (na < 1 || na > 2)
		return OF_BAD_ADDR;
	addr = of_cells_to_u64(in_addr, na);
	/* each bus between the node and the root maps its children's addresses */
	for (const struct device_node *bus = np->parent; bus && bus->parent; bus = bus->parent)
		if (of_translate_one(bus, &addr))
			return OF_BAD_ADDR;
	return addr;
}

/**
 * of_address_to_resource() - a reg entry of a node as a memory resource
 * @np: the node
 * @index: which entry of @np's reg (0 for the first)
 * @r: the resource to fill; zeroed first, untouched on failure
 *
 * The entry's address is translated with of_translate_address(); the
 * resource is IORESOURCE_MEM, spans the entry's size and is named after the
 * node (its full name, unit address included).
 *
 * Return: 0, or -EINVAL if an argument is NULL/negative, @np has no such
 * entry, its cell counts are unsupported or the address cannot be translated.
 */
int of_address_to_resource(struct device_node *np, int index, struct resource *r)
{
	int len, na, ns;
	const __be32 *reg;
	u64 start, size;

	if (!np || !r || index < 0)
		return -EINVAL;
	na = of_n_addr_cells(np);
	ns = of_n_size_cells(np);
	reg = of_get_property(np, "reg", &len);
	if (!reg || na < 1 || na > 2 || ns < 0 || ns > 2 || len % ((na + ns) * 4) ||
	    (index + 1) * (na + ns) * 4 > len)
		return -EINVAL;
	reg += index * (na + ns);
	start = of_translate_address(np, reg);
	if (start == OF_BAD_ADDR)
		return -EINVAL;
	size = of_cells_to_u64(reg + na, ns);
	memset(r, 0, sizeof(*r));
	r->start = start;
	r->end = start + size - 1;
	r->flags = IORESOURCE_MEM;
	r->name = np->full_name;
	return 0;
}

/**
 * of_iomap() - map a reg entry of a node
 * @np: the node
 * @index: which entry of @np's reg
 *
 * The mapping is not managed: unlike devm_platform_ioremap_resource() it is
 * not released when a driver unbinds.
 *
 * Return: the ioremap()ped address of the translated entry, or NULL if the
 * entry does not exist or cannot be translated or mapped.
 */
void __iomem *of_iomap(struct device_node *np, int index)
{
	struct resource r;

	if (of_address_to_resource(np, index, &r))
		return NULL;
	return ioremap(r.start, resource_size(&r));
}
