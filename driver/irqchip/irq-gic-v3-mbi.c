// SPDX-License-Identifier: MIT
/*
 * GICv3 MBI: message-based SPIs.  A device signals SPI n by writing n to
 * GICD_SETSPI_NSR.  The SPIs come from the GIC node's `mbi-ranges`
 * (<first_intid count> pairs).  The "GICv3-MBI" domain sits on the GIC domain
 * and is an MSI parent in the Linux 6.12+ form: msi_create_parent_irq_domain()
 * with bus token NEXUS, msi_lib_irq_domain_select for lookups of platform and
 * PCI MSI parents, and msi_lib_init_dev_msi_info setting up the per-device
 * MSI domains (IMS...) that stack on it (irq_eoi forwarded, MSI_CHIP_FLAG_SET_EOI).
 * Each allocation takes a naturally aligned power-of-two block of SPIs from
 * one range (what Multi-MSI needs), allocates the GIC level of every SPI as
 * edge-rising and composes {doorbell + SETSPI_NSR, INTID}.
 */
#define pr_fmt(fmt) "GICv3-MBI: " fmt

#include <linux/string.h>

#include <linux/bitmap.h>
#include <linux/irqchip/arm-gic-v3-mbi.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqchip/irq-msi-lib.h>
#include <linux/msi.h>
#include <linux/of.h>

#include "irq-gic-v3-mbi.h"

struct mbi_range {
	u32 spi_start; /* first INTID */
	u32 nr_spis;
	u32 used;
	unsigned long *busy; /* bit i: INTID spi_start + i allocated */
};

struct mbi_data {
	struct mbi_range ranges[GIC_MBI_MAX_RANGES];
	unsigned int nr_ranges;
	u64 doorbell; /* bus address of the frame holding SETSPI_NSR */
	struct irq_domain *domain;
	struct mutex lock; /* range bitmaps */
	bool ready;
};

static struct mbi_data mbi;

static unsigned int mbi_order_size(unsigned int nr)
{
	unsigned int n = 1;

	while (n < nr)
		n <<= 1;
	return n;
}

static void mbi_mark(struct mbi_range *r, u32 off, unsigned int n, bool busy)
{
	if (busy) {
		bitmap_set(r->busy, off, n);
		r->used += n;
	} else {
		bitmap_clear(r->busy, off, n);
		r->used -= n;
	}
}

/* ---- chip ------------------------------------------------------------------------ */

static void mbi_compose_msi_msg(struct irq_data *d, struct msi_msg *msg)
{
	msg->data = (u32)d->hwirq;
	msi_msg_set_addr(irq_data_get_msi_desc(d), msg, mbi.doorbell + GICD_SETSPI_NSR);
}

static struct irq_chip mbi_irq_chip = {
	.name = "MBI",
	.irq_mask = irq_chip_mask_parent,
	.irq_unmask = irq_chip_unmask_parent,
	.irq_eoi = irq_chip_eoi_parent,
	.irq_set_type = irq_chip_set_type_parent,
	.irq_set_affinity = irq_chip_set_affinity_parent,
	.irq_compose_msi_msg = mbi_compose_msi_msg,
};

/* ---- domain ---------------------------------------------------------------------- */

static int mbi_alloc_parent(struct irq_domain *d, unsigned int virq, u32 intid)
{
	struct irq_fwspec fw = { 0 };
	struct irq_data *pd;
	int ret;

	fw.fwnode = d->parent->fwnode;
	fw.param_count = 3;
	fw.param[0] = GIC_SPI;
	fw.param[1] = intid - GIC_FIRST_SPI;
	fw.param[2] = IRQ_TYPE_EDGE_RISING;
	ret = irq_domain_alloc_irqs_parent(d, virq, 1, &fw);
	if (ret)
		return ret;
	/* message-signalled SPIs are edges: configure the GIC now (no request_irq type) */
	pd = irq_domain_get_irq_data(d->parent, virq);
	if (pd && pd->chip && pd->chip->irq_set_type) {
		ret = pd->chip->irq_set_type(pd, IRQ_TYPE_EDGE_RISING);
		if (ret < 0) {
			pr_err("INTID %u: parent refused edge-rising (%d)", intid, ret);
			irq_domain_free_irqs_parent(d, virq, 1);
			return ret;
		}
	}
	return 0;
}

static int mbi_irq_domain_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs,
				void *arg)
{
	unsigned int size = mbi_order_size(nr_irqs);
	struct mbi_range *r = NULL;
	long off = -1;
	unsigned int i;
	int ret;

	(void)arg;
	mutex_lock(&mbi.lock);
	for (unsigned int k = 0; k < mbi.nr_ranges && off < 0; k++) {
		unsigned long pos = bitmap_find_next_zero_area(
			mbi.ranges[k].busy, mbi.ranges[k].nr_spis, 0, size, size - 1);

		if (pos < mbi.ranges[k].nr_spis) {
			off = (long)pos;
			r = &mbi.ranges[k];
			mbi_mark(r, (u32)off, nr_irqs, true);
		}
	}
	mutex_unlock(&mbi.lock);
	if (!r) {
		pr_err("no free aligned block of %u SPI(s) for %u vector(s)", size, nr_irqs);
		return -ENOSPC;
	}
	for (i = 0; i < nr_irqs; i++) {
		u32 intid = r->spi_start + (u32)off + i;

		ret = mbi_alloc_parent(d, virq + i, intid);
		if (ret)
			goto fail;
		ret = irq_domain_set_hwirq_and_chip(d, virq + i, intid, &mbi_irq_chip, r);
		if (ret) {
			irq_domain_free_irqs_parent(d, virq + i, 1);
			goto fail;
		}
	}
	return 0;

fail:
	pr_err("allocating INTID %u failed (%d)", r->spi_start + (u32)off + i, ret);
	while (i--) {
		irq_domain_reset_irq_data(irq_domain_get_irq_data(d, virq + i));
		irq_domain_free_irqs_parent(d, virq + i, 1);
	}
	mutex_lock(&mbi.lock);
	mbi_mark(r, (u32)off, nr_irqs, false);
	mutex_unlock(&mbi.lock);
	return ret;
}

/* the core frees one virq at a time; each gives back its own SPI */
static void mbi_irq_domain_free(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *id = irq_domain_get_irq_data(d, virq + i);
		struct mbi_range *r = id ? id->chip_data : NULL;

		if (r && id->hwirq >= r->spi_start &&
		    id->hwirq < (irq_hw_number_t)r->spi_start + r->nr_spis) {
			mutex_lock(&mbi.lock);
			mbi_mark(r, (u32)id->hwirq - r->spi_start, 1, false);
			mutex_unlock(&mbi.lock);
		}
		if (id)
			irq_domain_reset_irq_data(id);
	}
	irq_domain_free_irqs_parent(d, virq, nr_irqs);
}

static const struct irq_domain_ops mbi_domain_ops = {
	.select = msi_lib_irq_domain_select,
	.alloc = mbi_irq_domain_alloc,
	.free = mbi_irq_domain_free,
};

#define MBI_MSI_FLAGS_REQUIRED \
	(MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | MSI_FLAG_PCI_MSI_MASK_PARENT)
#define MBI_MSI_FLAGS_SUPPORTED \
	(MSI_GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX | MSI_FLAG_MULTI_PCI_MSI)

static const struct msi_parent_ops gic_v3_mbi_msi_parent_ops = {
	.supported_flags = MBI_MSI_FLAGS_SUPPORTED,
	.required_flags = MBI_MSI_FLAGS_REQUIRED,
	.chip_flags = MSI_CHIP_FLAG_SET_EOI,
	.bus_select_token = DOMAIN_BUS_NEXUS,
	.bus_select_mask = MATCH_PCI_MSI | MATCH_PLATFORM_MSI,
	.prefix = "MBI-",
	.init_dev_msi_info = msi_lib_init_dev_msi_info,
};

static int mbi_allocate_domain(struct irq_domain *parent)
{
	struct irq_domain_info info = {
		.fwnode = parent->fwnode,
		.ops = &mbi_domain_ops,
		.host_data = &mbi,
		.parent = parent,
	};

	mbi.domain = msi_create_parent_irq_domain(&info, &gic_v3_mbi_msi_parent_ops);
	return mbi.domain ? 0 : -ENOMEM;
}

/* ---- probe ----------------------------------------------------------------------- */

void gic_v3_mbi_reset(void)
{
	for (unsigned int k = 0; k < mbi.nr_ranges; k++)
		bitmap_free(mbi.ranges[k].busy);
	if (mbi.ready)
		mutex_destroy(&mbi.lock);
	memset(&mbi, 0, sizeof(mbi));
}

static int mbi_parse_ranges(struct gic_chip_data *gic)
{
	struct device_node *np = gic->node;
	u32 cells[2 * GIC_MBI_MAX_RANGES];
	int n = of_property_count_u32_elems(np, "mbi-ranges");

	if (n <= 0 || n % 2 || n > 2 * GIC_MBI_MAX_RANGES) {
		pr_err("%pOF: mbi-ranges must hold 1..%d <first count> pairs (%d cells)", np,
		       GIC_MBI_MAX_RANGES, n);
		return -EINVAL;
	}
	if (of_property_read_u32_array(np, "mbi-ranges", cells, (size_t)n))
		return -EINVAL;
	for (int k = 0; k < n / 2; k++) {
		u32 first = cells[2 * k], count = cells[2 * k + 1];
		struct mbi_range *r = &mbi.ranges[k];

		if (count == 0 || first < GIC_FIRST_SPI || (u64)first + count > gic->irq_nr) {
			pr_err("%pOF: mbi-ranges <%u %u> is not within the SPIs 32..%u", np, first,
			       count, gic->irq_nr - 1);
			return -EINVAL;
		}
		for (int j = 0; j < k; j++) {
			const struct mbi_range *o = &mbi.ranges[j];

			if (first < o->spi_start + o->nr_spis && o->spi_start < first + count) {
				pr_err("%pOF: mbi-ranges <%u %u> overlaps <%u %u>", np, first,
				       count, o->spi_start, o->nr_spis);
				return -EINVAL;
			}
		}
		r->busy = bitmap_zalloc(count, GFP_KERNEL);
		if (!r->busy)
			return -ENOMEM;
		r->spi_start = first;
		r->nr_spis = count;
		mbi.nr_ranges++;
	}
	return 0;
}

int gic_v3_mbi_init(struct gic_chip_data *gic)
{
	struct device_node *np = gic->node;
	unsigned int total = 0;
	u64 alias;
	int ret;

	if (!of_property_read_bool(np, "msi-controller") ||
	    !of_get_property(np, "mbi-ranges", NULL))
		return 0;
	if (!(gic->typer & GICD_TYPER_MBIS)) {
		pr_info("%pOF: mbi-ranges given but GICD_TYPER.MBIS is 0, MBI disabled", np);
		return 0;
	}
	gic_v3_mbi_reset();
	ret = mbi_parse_ranges(gic);
	if (ret)
		goto fail;
	mbi.doorbell = gic->dist_phys;
	if (of_property_read_u64(np, "mbi-alias", &alias) == 0)
		mbi.doorbell = alias;
	mutex_init(&mbi.lock);
	mbi.ready = true;
	ret = mbi_allocate_domain(gic->domain);
	if (ret)
		goto fail;
	gic_name_domain(mbi.domain, "GICv3-MBI");
	for (unsigned int k = 0; k < mbi.nr_ranges; k++)
		total += mbi.ranges[k].nr_spis;
	pr_info("%pOF: %u SPI(s) in %u range(s), doorbell 0x%llx", np, total, mbi.nr_ranges,
		(unsigned long long)(mbi.doorbell + GICD_SETSPI_NSR));
	return 0;

fail:
	gic_v3_mbi_reset();
	return ret;
}

struct irq_domain *gic_v3_mbi_domain(void)
{
	return mbi.domain;
}

unsigned int gic_v3_mbi_count(void)
{
	unsigned int n = 0;

	for (unsigned int k = 0; k < mbi.nr_ranges; k++)
		n += mbi.ranges[k].nr_spis;
	return mbi.domain ? n : 0;
}

unsigned int gic_v3_mbi_in_use(void)
{
	unsigned int n = 0;

	if (!mbi.domain)
		return 0;
	mutex_lock(&mbi.lock);
	for (unsigned int k = 0; k < mbi.nr_ranges; k++)
		n += mbi.ranges[k].used;
	mutex_unlock(&mbi.lock);
	return n;
}

u64 gic_v3_mbi_doorbell(void)
{
	return mbi.domain ? mbi.doorbell + GICD_SETSPI_NSR : 0;
}
