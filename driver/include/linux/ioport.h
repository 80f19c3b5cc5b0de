/* SPDX-License-Identifier: MIT */
/* Resources of a device: address ranges and interrupt lines (<linux/ioport.h>). */
#ifndef IRQSIM_IOPORT_H
#define IRQSIM_IOPORT_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * struct resource - an address range or interrupt line of a device
 * @start: first address (or interrupt number)
 * @end: last address, inclusive; resource_size() is @end - @start + 1
 * @name: what the range is (platform devices from the tree: the node's full
 *        name)
 * @flags: IORESOURCE_* type and attribute bits
 * @desc: descriptor kind, kept for source compatibility; unused
 * @parent: resource tree links, kept for source compatibility; no resource
 *          tree is built, so always NULL
 * @sibling: as @parent
 * @child: as @parent
 */
struct resource {
	resource_size_t start;
	resource_size_t end; /* inclusive */
	const char *name;
	unsigned long flags; /* IORESOURCE_* */
	unsigned long desc;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_BITS 0x000000ffUL
#define IORESOURCE_TYPE_BITS 0x00001f00UL
#define IORESOURCE_IO 0x00000100UL
#define IORESOURCE_MEM 0x00000200UL
#define IORESOURCE_REG 0x00000300UL
#define IORESOURCE_IRQ 0x00000400UL
#define IORESOURCE_DMA 0x00000800UL
#define IORESOURCE_BUS 0x00001000UL
#define IORESOURCE_MEM_64 0x00100000UL
#define IORESOURCE_DISABLED 0x10000000UL
#define IORESOURCE_UNSET 0x20000000UL

#define DEFINE_RES_NAMED(_start, _size, _name, _flags)   \
	((struct resource){ .start = (_start),           \
			    .end = (_start) + (_size)-1, \
			    .name = (_name),             \
			    .flags = (_flags) })
#define DEFINE_RES_MEM_NAMED(_start, _size, _name) \
	DEFINE_RES_NAMED((_start), (_size), (_name), IORESOURCE_MEM)
#define DEFINE_RES_MEM(_start, _size) DEFINE_RES_MEM_NAMED((_start), (_size), NULL)
#define DEFINE_RES_IRQ_NAMED(_irq, _name) DEFINE_RES_NAMED((_irq), 1, (_name), IORESOURCE_IRQ)
#define DEFINE_RES_IRQ(_irq) DEFINE_RES_IRQ_NAMED((_irq), NULL)

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}
static inline unsigned long resource_type(const struct resource *res)
{
	return res->flags & IORESOURCE_TYPE_BITS;
}

#ifdef __cplusplus
}
#endif
#endif
