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
#define pr_fmt(fmt) "dma_ring: " fmt

#include <linux/sprintf.h>
#include <linux/string.h>

#include <linux/dma/irqsim-dma-ring.h>
#include <linux/err.h>
#include <linux/io.h>
#include <linux/irqdesc.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>
#include <linux/soc/ti/ti_sci_protocol.h>

enum dma_ring_state { RING_FREE, RING_BUSY, RING_ACTIVE };

struct dma_ring_chan {
	enum dma_ring_state state;
	unsigned int virq;
	void *ctx;
	char name[24];
};

/* devm-allocated: lives as long as the binding */
struct dma_ring_device {
	struct device *dev; /* the platform device: the MSI vectors belong to it */
	struct device_node *node;
	void __iomem *base;
	unsigned int nr_rings;
	struct mutex lock; /* ring states; never held across request_irq/MSI calls */
	struct dma_ring_chan *rings;
};

struct device *dma_ring_to_dev(struct dma_ring_device *dd)
{
	return dd->dev;
}

unsigned int dma_ring_count(const struct dma_ring_device *dd)
{
	return dd->nr_rings;
}

static void dma_ring_mutex_destroy(void *data)
{
	mutex_destroy(data);
}

static int dma_ring_of_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *node = dev_of_node(dev);
	const struct ti_sci_handle *sci;
	struct dma_ring_device *dd;
	struct device_node *inta;
	struct irq_domain *msi;
	struct resource *res;
	void __iomem *base;
	u32 id, nr = DMA_RING_DEFAULT_NR;
	int ret;

	sci = devm_ti_sci_get_by_phandle(dev, "ti,sci");
	if (IS_ERR(sci))
		return dev_err_probe(
			dev, (int)PTR_ERR(sci),
			"no TI-SCI firmware (ti,sci names its node; the harness installs the model)");
	if (of_property_read_u32(node, "ti,sci-dev-id", &id) || id > 0xffff)
		return dev_err_probe(dev, -EINVAL, "ti,sci-dev-id missing or invalid");
	switch (of_property_read_u32(node, "irqsim,num-rings", &nr)) {
	case -EINVAL: /* absent: the hardware's count */
		break;
	case 0:
		if (nr && nr <= 0x10000)
			break;
		return dev_err_probe(dev, -EINVAL, "irqsim,num-rings %u out of range 1..65536", nr);
	default:
		return dev_err_probe(dev, -EINVAL, "irqsim,num-rings must be one u32 cell");
	}
	base = devm_platform_get_and_ioremap_resource(pdev, 0, &res);
	if (IS_ERR(base))
		return (int)PTR_ERR(base);
	if ((u64)nr * DMA_RING_STRIDE > resource_size(res))
		return dev_err_probe(dev, -EINVAL,
				     "%u rings do not fit the %llu-byte register region", nr,
				     (unsigned long long)resource_size(res));
	inta = of_parse_phandle(node, "msi-parent", 0);
	if (!inta)
		return dev_err_probe(dev, -EINVAL, "no msi-parent");
	msi = ti_sci_inta_msi_get_domain(inta);
	if (!msi)
		return dev_err_probe(dev, -EPROBE_DEFER, "MSI parent %pOF is not a probed INTA",
				     inta);
	dd = devm_kzalloc(dev, sizeof(*dd), GFP_KERNEL);
	if (!dd)
		return -ENOMEM;
	dd->rings = devm_kcalloc(dev, nr, sizeof(*dd->rings), GFP_KERNEL);
	if (!dd->rings)
		return -ENOMEM;
	mutex_init(&dd->lock);
	ret = devm_add_action_or_reset(dev, dma_ring_mutex_destroy, &dd->lock);
	if (ret)
		return ret;
	dd->dev = dev;
	dd->node = node;
	dd->base = base;
	dd->nr_rings = nr;
	/* the INTA-MSI domain takes the TI-SCI source id from dev->id */
	dev->id = (int)id;
	dev_set_msi_domain(dev, msi);
	for (unsigned int r = 0; r < nr; r++)
		snprintf(dd->rings[r].name, sizeof(dd->rings[r].name), "dma-ring%u", r);
	platform_set_drvdata(pdev, dd);
	dev_info(dev, "%u rings, TI-SCI id %u, MSI domain %s", nr, id, msi->name);
	return 0;
}

/* channels still open are closed; their vectors go back before the device does */
static void dma_ring_of_remove(struct platform_device *pdev)
{
	struct dma_ring_device *dd = platform_get_drvdata(pdev);

	for (unsigned int r = 0; r < dd->nr_rings; r++)
		if (dd->rings[r].state == RING_ACTIVE)
			dma_ring_release_channel(dd, r);
	msi_device_data_release(dd->dev);
	dev_set_msi_domain(dd->dev, NULL);
}

static const struct of_device_id dma_ring_of_match[] = {
	{ .compatible = "irqsim,dma-ring" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, dma_ring_of_match);

static struct platform_driver dma_ring_driver = {
	.probe = dma_ring_of_probe,
	.remove = dma_ring_of_remove,
	.driver = {
		.name = "irqsim-dma-ring",
		.of_match_table = dma_ring_of_match,
	},
};
module_platform_driver(dma_ring_driver);

int dma_ring_get(struct device_node *node, struct dma_ring_device **out)
{
	struct platform_device *pdev = node ? of_find_device_by_node(node) : NULL;

	if (!out)
		return -EINVAL;
	*out = NULL;
	if (!pdev)
		return -ENODEV;
	/* not bound (yet, or its probe failed): the provider is not there */
	if (pdev->dev.driver != &dma_ring_driver.driver)
		return -EPROBE_DEFER;
	*out = platform_get_drvdata(pdev);
	return 0;
}

void dma_ring_remove(struct dma_ring_device *dd)
{
	if (dd)
		device_release_driver(dd->dev);
}

static bool dma_ring_check(struct dma_ring_device *dd, unsigned int ring, const char *what)
{
	if (!dd || ring >= dd->nr_rings) {
		pr_err("%pOF: %s of ring %u out of range (%u rings)", dd ? dd->node : NULL, what,
		       ring, dd ? dd->nr_rings : 0);
		return false;
	}
	return true;
}

int dma_ring_request_channel(struct dma_ring_device *dd, unsigned int ring, irq_handler_t handler,
			     void *ctx)
{
	struct dma_ring_chan *ch;
	struct msi_map map;
	int ret;

	if (!dma_ring_check(dd, ring, "request_channel"))
		return -EINVAL;
	if (!handler) {
		pr_err("%pOF: ring %u: request_channel without a handler", dd->node, ring);
		return -EINVAL;
	}
	ch = &dd->rings[ring];
	mutex_lock(&dd->lock);
	if (ch->state != RING_FREE) {
		mutex_unlock(&dd->lock);
		pr_err("%pOF: ring %u already has a channel", dd->node, ring);
		return -EBUSY;
	}
	ch->state = RING_BUSY;
	mutex_unlock(&dd->lock);

	pr_debug("request_channel ring=%u\n", ring);
	map = msi_domain_alloc_irq_at(dd->dev, MSI_DEFAULT_DOMAIN, ring, NULL, NULL);
	if (map.index < 0) {
		ret = map.index;
		pr_err("%pOF: ring %u: no MSI vector (%d)", dd->node, ring, ret);
		goto err;
	}
	ret = request_irq((unsigned int)map.virq, handler, 0, ch->name, ctx);
	if (ret) {
		msi_domain_free_irqs_range(dd->dev, MSI_DEFAULT_DOMAIN, ring, ring);
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
		pr_err("%pOF: release of ring %u which has no channel", dd->node, ring);
		return -EINVAL;
	}
	ch->state = RING_BUSY;
	virq = ch->virq;
	ctx = ch->ctx;
	mutex_unlock(&dd->lock);

	pr_debug("release_channel ring=%u virq=%u\n", ring, virq);
	free_irq(virq, ctx);
	msi_domain_free_irqs_range(dd->dev, MSI_DEFAULT_DOMAIN, ring, ring);

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
	pr_debug("post ring=%u n=%u\n", ring, n);
	writel(n, dma_ring_reg(dd, ring, DMA_RING_DOORBELL));
	return 0;
}

u32 dma_ring_completed(struct dma_ring_device *dd, unsigned int ring)
{
	return dma_ring_check(dd, ring, "completed") ?
		       readl(dma_ring_reg(dd, ring, DMA_RING_COMPLETED)) :
		       0;
}

u32 dma_ring_pending(struct dma_ring_device *dd, unsigned int ring)
{
	return dma_ring_check(dd, ring, "pending") ?
		       readl(dma_ring_reg(dd, ring, DMA_RING_PENDING)) :
		       0;
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
