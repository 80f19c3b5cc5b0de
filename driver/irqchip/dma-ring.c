// SPDX-License-Identifier: MIT
/*
 * Driver of the irqsim DMA-ring device: a client of the INTA-MSI domain.
 * (A device driver, not an irqchip: it lives here because the build globs
 * driver/core, driver/irqchip and driver/of only.)
 *
 * Each ring's completion interrupt is an MSI vector at index = ring, hwirq
 * (ti,sci-dev-id << 16) | ring, allocated when a channel is requested and
 * freed when it is released.  Requesting the irq is what makes the INTA take a
 * VINT bit and a global event and the firmware program the ring's event.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/dma/irqsim-dma-ring.h>
#include <linux/io.h>
#include <linux/irqdesc.h>
#include <linux/of.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>

#include "ti-sci-internal.h"

enum dma_ring_state { RING_FREE, RING_BUSY, RING_ACTIVE };

struct dma_ring_chan {
	enum dma_ring_state state;
	unsigned int virq;
	void *ctx;
	char name[24];
};

struct dma_ring_device {
	struct device dev;
	struct device_node *node;
	void __iomem *base;
	unsigned int nr_rings;
	struct mutex lock; /* ring states; never held across request_irq/MSI calls */
	struct dma_ring_chan *rings;
	struct dma_ring_device *next;
};

/* probed devices, so a core reset can free what a test did not remove */
static struct dma_ring_device *dma_ring_list;
static struct mutex dma_ring_list_lock = { PTHREAD_MUTEX_INITIALIZER };

static void dma_ring_destroy(struct dma_ring_device *dd)
{
	iounmap(dd->base);
	mutex_destroy(&dd->lock);
	free(dd->rings);
	free(dd);
}

/* core reset: vectors are already given back by the MSI layer's own reset */
static void dma_ring_reset(void)
{
	struct dma_ring_device *list;

	mutex_lock(&dma_ring_list_lock);
	list = dma_ring_list;
	dma_ring_list = NULL;
	mutex_unlock(&dma_ring_list_lock);
	while (list) {
		struct dma_ring_device *dd = list;

		list = dd->next;
		dma_ring_destroy(dd);
	}
}

struct device *dma_ring_to_dev(struct dma_ring_device *dd)
{
	return &dd->dev;
}

unsigned int dma_ring_count(const struct dma_ring_device *dd)
{
	return dd->nr_rings;
}

int dma_ring_probe(struct device_node *node, struct dma_ring_device **out)
{
	struct dma_ring_device *dd;
	struct device_node *inta;
	struct irq_domain *msi;
	u32 id, nr = DMA_RING_DEFAULT_NR;
	u64 addr, size;

	if (!node || !out)
		return -EINVAL;
	*out = NULL;
	irqsim_register_reset_hook(dma_ring_reset);
	if (!ti_sci_probe_handle(node))
		return -ENODEV;
	if (of_property_read_u32(node, "ti,sci-dev-id", &id) || id > 0xffff) {
		pr_err("dma_ring: %s: ti,sci-dev-id missing or invalid", node->path);
		return -EINVAL;
	}
	switch (of_property_read_u32(node, "irqsim,num-rings", &nr)) {
	case -EINVAL: /* absent: the hardware's count */
		break;
	case 0:
		if (nr && nr <= 0x10000)
			break;
		pr_err("dma_ring: %s: irqsim,num-rings %u out of range 1..65536", node->path, nr);
		return -EINVAL;
	default:
		pr_err("dma_ring: %s: irqsim,num-rings must be one u32 cell", node->path);
		return -EINVAL;
	}
	if (of_reg_read(node, 0, &addr, &size))
		return -EINVAL;
	if ((u64)nr * DMA_RING_STRIDE > size) {
		pr_err("dma_ring: %s: %u rings do not fit the %llu-byte register region", node->path, nr,
		       (unsigned long long)size);
		return -EINVAL;
	}
	inta = of_parse_phandle(node, "msi-parent", 0);
	msi = inta ? ti_sci_inta_msi_get_domain(inta) : NULL;
	if (!msi) {
		pr_err("dma_ring: %s: MSI parent %s is not a probed INTA", node->path, inta ? inta->path : "(none)");
		return -ENODEV;
	}
	dd = calloc(1, sizeof(*dd));
	if (!dd)
		return -ENOMEM;
	dd->rings = calloc(nr, sizeof(*dd->rings));
	dd->base = ioremap(addr, size);
	if (!dd->rings || !dd->base) {
		free(dd->rings);
		free(dd);
		return -ENOMEM;
	}
	dd->node = node;
	dd->nr_rings = nr;
	dd->dev.name = node->full_name;
	dd->dev.id = (int)id;
	dd->dev.fwnode = of_node_to_fwnode(node);
	dev_set_msi_domain(&dd->dev, msi);
	mutex_init(&dd->lock);
	for (unsigned int r = 0; r < nr; r++)
		snprintf(dd->rings[r].name, sizeof(dd->rings[r].name), "dma-ring%u", r);
	mutex_lock(&dma_ring_list_lock);
	dd->next = dma_ring_list;
	dma_ring_list = dd;
	mutex_unlock(&dma_ring_list_lock);
	*out = dd;
	pr_info("dma_ring: %s: %u rings, TI-SCI id %u, MSI domain %s", node->path, nr, id, msi->name);
	return 0;
}

void dma_ring_remove(struct dma_ring_device *dd)
{
	struct dma_ring_device **pp;

	if (!dd)
		return;
	for (unsigned int r = 0; r < dd->nr_rings; r++)
		if (dd->rings[r].state == RING_ACTIVE)
			dma_ring_release_channel(dd, r);
	msi_device_data_release(&dd->dev);
	mutex_lock(&dma_ring_list_lock);
	for (pp = &dma_ring_list; *pp && *pp != dd; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = dd->next;
	mutex_unlock(&dma_ring_list_lock);
	dma_ring_destroy(dd);
}

static bool dma_ring_check(struct dma_ring_device *dd, unsigned int ring, const char *what)
{
	if (!dd || ring >= dd->nr_rings) {
		pr_err("dma_ring: %s: %s of ring %u out of range (%u rings)", dd ? dd->node->path : "?", what, ring,
		       dd ? dd->nr_rings : 0);
		return false;
	}
	return true;
}

int dma_ring_request_channel(struct dma_ring_device *dd, unsigned int ring, irq_handler_t handler, void *ctx)
{
	struct dma_ring_chan *ch;
	struct msi_map map;
	int ret;

	if (!dma_ring_check(dd, ring, "request_channel"))
		return -EINVAL;
	if (!handler) {
		pr_err("dma_ring: %s: ring %u: request_channel without a handler", dd->node->path, ring);
		return -EINVAL;
	}
	ch = &dd->rings[ring];
	mutex_lock(&dd->lock);
	if (ch->state != RING_FREE) {
		mutex_unlock(&dd->lock);
		pr_err("dma_ring: %s: ring %u already has a channel", dd->node->path, ring);
		return -EBUSY;
	}
	ch->state = RING_BUSY;
	mutex_unlock(&dd->lock);

	irqsim_annotate("dma_ring:request_channel ring=%u", ring);
	map = msi_domain_alloc_irq_at(&dd->dev, MSI_DEFAULT_DOMAIN, ring, NULL, NULL);
	if (map.index < 0) {
		ret = map.index;
		pr_err("dma_ring: %s: ring %u: no MSI vector (%d)", dd->node->path, ring, ret);
		goto err;
	}
	ret = request_irq((unsigned int)map.virq, handler, 0, ch->name, ctx);
	if (ret) {
		msi_domain_free_irqs_range(&dd->dev, MSI_DEFAULT_DOMAIN, ring, ring);
		goto err;
	}
	mutex_lock(&dd->lock);
	ch->virq = (unsigned int)map.virq;
	ch->ctx = ctx;
	ch->state = RING_ACTIVE;
	mutex_unlock(&dd->lock);
	return map.virq;

err:
	mutex_lock(&dd->lock);
	ch->state = RING_FREE;
	mutex_unlock(&dd->lock);
	return ret;
}

int dma_ring_release_channel(struct dma_ring_device *dd, unsigned int ring)
{
	struct dma_ring_chan *ch;
	unsigned int virq;
	void *ctx;

	if (!dma_ring_check(dd, ring, "release_channel"))
		return -EINVAL;
	ch = &dd->rings[ring];
	mutex_lock(&dd->lock);
	if (ch->state != RING_ACTIVE) {
		mutex_unlock(&dd->lock);
		pr_err("dma_ring: %s: release of ring %u which has no channel", dd->node->path, ring);
		return -EINVAL;
	}
	ch->state = RING_BUSY;
	virq = ch->virq;
	ctx = ch->ctx;
	mutex_unlock(&dd->lock);

	irqsim_annotate("dma_ring:release_channel ring=%u virq=%u", ring, virq);
	free_irq(virq, ctx);
	msi_domain_free_irqs_range(&dd->dev, MSI_DEFAULT_DOMAIN, ring, ring);

	mutex_lock(&dd->lock);
	ch->virq = 0;
	ch->ctx = NULL;
	ch->state = RING_FREE;
	mutex_unlock(&dd->lock);
	return 0;
}

static void __iomem *dma_ring_reg(struct dma_ring_device *dd, unsigned int ring, unsigned int off)
{
	return (char __iomem *)dd->base + (size_t)ring * DMA_RING_STRIDE + off;
}

int dma_ring_post(struct dma_ring_device *dd, unsigned int ring, u32 n)
{
	if (!dma_ring_check(dd, ring, "post"))
		return -EINVAL;
	irqsim_annotate("dma_ring:post ring=%u n=%u", ring, n);
	writel(n, dma_ring_reg(dd, ring, DMA_RING_DOORBELL));
	return 0;
}

u32 dma_ring_completed(struct dma_ring_device *dd, unsigned int ring)
{
	return dma_ring_check(dd, ring, "completed") ? readl(dma_ring_reg(dd, ring, DMA_RING_COMPLETED)) : 0;
}

u32 dma_ring_pending(struct dma_ring_device *dd, unsigned int ring)
{
	return dma_ring_check(dd, ring, "pending") ? readl(dma_ring_reg(dd, ring, DMA_RING_PENDING)) : 0;
}

unsigned int dma_ring_virq(struct dma_ring_device *dd, unsigned int ring)
{
	unsigned int v;

	if (!dd || ring >= dd->nr_rings)
		return 0;
	mutex_lock(&dd->lock);
	v = dd->rings[ring].state == RING_ACTIVE ? dd->rings[ring].virq : 0;
	mutex_unlock(&dd->lock);
	return v;
}
