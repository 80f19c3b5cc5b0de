// SPDX-License-Identifier: MIT
/*
 * GICv3 DirectLPI: detection, the LPI tables, the per-CPU enable sequence and
 * the configuration-byte update path (RMW byte, push to memory, GICR_INVLPIR
 * on the target redistributor, wait for GICR_SYNCR.Busy == 0).  The irq
 * domain and chip are in irq-gic-v3-lpi-domain.c, the INTID allocator in
 * irq-gic-v3-lpi-alloc.c.
 *
 * Tables: one configuration table (1 byte per LPI, shared by every
 * redistributor) and one pending table per redistributor (1 bit per INTID of
 * the whole ID space, 64 KB aligned), all from dma_alloc_coherent.  Like
 * Linux they are never freed or rewritten once a redistributor has
 * EnableLPIs set (the architecture does not let them change then); a core
 * reset forgets them and the DMA backend reclaims its memory.
 */
#define pr_fmt(fmt) "GICv3: " fmt

#include <linux/string.h>

#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdomain.h>
#include <linux/of.h>

#include "irq-gic-v3-lpi.h"

struct gic_lpi_data gic_lpi;

#define SZ_64K 0x10000u

/* ---- public queries -------------------------------------------------------------- */

struct irq_domain *gic_v3_lpi_domain(void)
{
	return gic_lpi.ready ? gic_lpi.domain : NULL;
}

struct irq_domain *gic_v3_msi_parent(struct device_node *np)
{
	if (!np || !gic_lpi.ready || np != gic_data.node)
		return NULL;
	return gic_lpi.domain;
}

unsigned int gic_v3_lpi_count(void)
{
	return gic_lpi.ready ? gic_lpi.nr_lpis : 0;
}

unsigned int gic_v3_lpi_in_use(void)
{
	return gic_lpi.ready ? gic_lpi.bitmap.used : 0;
}

int gic_v3_lpi_config_byte(u32 intid)
{
	if (!gic_lpi.ready || intid < GIC_FIRST_LPI || intid - GIC_FIRST_LPI >= gic_lpi.nr_lpis)
		return -EINVAL;
	return gic_lpi.prop[intid - GIC_FIRST_LPI];
}

/* ---- configuration byte path ------------------------------------------------------ */

int gic_lpi_inv(u32 intid, unsigned int cpu)
{
	void __iomem *rd = cpu < NR_CPUS ? gic_data.rdist[cpu] : NULL;
	struct gic_lpi_rd *lrd;
	int ret = -ETIMEDOUT;

	if (!rd || !gic_lpi.rd[cpu].enabled) {
		pr_err("DirectLPI: INVLPIR of LPI %u: CPU%u has no LPI-enabled redistributor",
		       intid, cpu);
		return -ENODEV;
	}
	lrd = &gic_lpi.rd[cpu];
	pr_debug("DirectLPI: invalidate LPI %u on CPU%u\n", intid, cpu);
	raw_spin_lock(&lrd->rd_lock);
	writeq(intid, (char __iomem *)rd + GICR_INVLPIR);
	gic_lpi.inv_count++;
	for (unsigned int i = 0; i < GIC_POLL_LIMIT; i++) {
		u32 syncr = readl((char __iomem *)rd + GICR_SYNCR);

		/* all ones: a refused read (SYNCR has RES0 bits), which says nothing */
		if (syncr == ~0u) {
			ret = -EIO;
			break;
		}
		if (!(syncr & GICR_SYNCR_BUSY)) {
			ret = 0;
			break;
		}
		udelay(1);
	}
	raw_spin_unlock(&lrd->rd_lock);
	if (ret == -EIO)
		pr_err("DirectLPI: CPU%u: read of GICR_SYNCR at 0x%llx failed (INVLPIR of LPI %u)",
		       cpu, (unsigned long long)gic_data.rdist_phys[cpu] + GICR_SYNCR, intid);
	else if (ret)
		pr_err("DirectLPI: CPU%u: GICR_SYNCR at 0x%llx still busy after %u polls (INVLPIR of LPI %u)",
		       cpu, (unsigned long long)gic_data.rdist_phys[cpu] + GICR_SYNCR,
		       GIC_POLL_LIMIT, intid);
	return ret;
}

int gic_lpi_update_config(u32 intid, unsigned int cpu, u8 clr, u8 set)
{
	u8 *cfg = &gic_lpi.prop[intid - GIC_FIRST_LPI];

	*cfg = (u8)((*cfg & ~clr) | set | LPI_PROP_GROUP1);
	gic_flush_dcache_to_poc(cfg, 1);
	return gic_lpi_inv(intid, cpu);
}

void gic_lpi_reset_config(u32 first, unsigned int nr)
{
	u8 *cfg = &gic_lpi.prop[first - GIC_FIRST_LPI];

	memset(cfg, LPI_PROP_DEFAULT, nr);
	gic_flush_dcache_to_poc(cfg, nr);
}

/* ---- detection and tables ------------------------------------------------------------ */

/* every redistributor frame of every region: PLPIS and DirectLPI all set? */
static bool gic_lpi_all_rds_direct(const struct gic_chip_data *gic)
{
	unsigned int found = 0;

	for (unsigned int r = 0; r < gic->nr_regions; r++) {
		const struct gic_rdist_region *region = &gic->regions[r];
		u64 off = 0;

		while (off + GIC_V3_REDIST_SIZE <= region->size) {
			char __iomem *ptr = (char __iomem *)region->base + off;
			u32 arch = readl(ptr + GICR_PIDR2) & GIC_PIDR2_ARCH_MASK;
			u64 typer;

			if (arch != GIC_PIDR2_ARCH_GICv3 && arch != GIC_PIDR2_ARCH_GICv4)
				break;
			typer = readq(ptr + GICR_TYPER);
			if (!(typer & GICR_TYPER_PLPIS) || !(typer & GICR_TYPER_DirectLPIS))
				return false;
			found++;
			if (typer & GICR_TYPER_LAST)
				break;
			if (gic->rdist_stride)
				off += gic->rdist_stride;
			else
				off += GIC_V3_REDIST_SIZE * ((typer & GICR_TYPER_VLPIS) ? 2 : 1);
		}
	}
	return found > 0;
}

static int gic_lpi_choose_id_bits(const struct gic_chip_data *gic, unsigned int *out)
{
	unsigned int hw = GICD_TYPER_ID_BITS(gic->typer);
	unsigned int bits = GIC_LPI_DEFAULT_ID_BITS;
	u32 dt;
	int ret;

	ret = of_property_read_u32(gic->node, "irqsim,lpi-id-bits", &dt);
	if (ret == 0) {
		bits = dt;
	} else if (ret != -EINVAL) {
		/* present but not one cell (a string, a list): not a default */
		pr_err("%pOF: irqsim,lpi-id-bits must be one u32 cell", gic->node);
		return -EINVAL;
	}
	if (bits < GIC_LPI_MIN_ID_BITS || bits > GIC_LPI_MAX_ID_BITS) {
		pr_err("%pOF: irqsim,lpi-id-bits %u out of range %u..%u", gic->node, bits,
		       GIC_LPI_MIN_ID_BITS, GIC_LPI_MAX_ID_BITS);
		return -EINVAL;
	}
	if (hw < GIC_LPI_MIN_ID_BITS) {
		pr_info("%pOF: GICD_TYPER.IDbits gives %u INTID bits, too few for LPIs: LPIs not used",
			gic->node, hw);
		return -ENODEV;
	}
	if (bits > hw) {
		pr_warn("%pOF: irqsim,lpi-id-bits %u capped to the %u bits GICD_TYPER.IDbits allows",
			gic->node, bits, hw);
		bits = hw;
	}
	*out = bits;
	return 0;
}

/**
 * gic_v3_lpi_init() - set up DirectLPI support at GIC probe (after the distributor)
 * @gic: the probing GIC
 *
 * Skips quietly (returns 0, no LPI domain) when GICD_TYPER.LPIS is clear or
 * any redistributor lacks GICR_TYPER.PLPIS/DirectLPI (Linux's has_direct_lpi).
 * Return: 0, -EINVAL (bad irqsim,lpi-id-bits), -ENOMEM.
 */
int gic_v3_lpi_init(struct gic_chip_data *gic)
{
	struct gic_lpi_data *lpi = &gic_lpi;
	unsigned int bits;
	int ret;

	memset(lpi, 0, sizeof(*lpi));
	if (!(gic->typer & GICD_TYPER_LPIS) || !gic_lpi_all_rds_direct(gic)) {
		pr_info("%pOF: no DirectLPI (GICD_TYPER.LPIS / GICR_TYPER.DirectLPI clear), LPIs not used",
			gic->node);
		return 0;
	}
	ret = gic_lpi_choose_id_bits(gic, &bits);
	if (ret == -ENODEV)
		return 0;
	if (ret)
		return ret;
	lpi->id_bits = bits;
	lpi->nr_lpis = (1u << bits) - GIC_FIRST_LPI;
	lpi->prop_size = lpi->nr_lpis;
	lpi->prop = dma_alloc_coherent(NULL, lpi->prop_size, &lpi->prop_dma);
	if (!lpi->prop)
		return -ENOMEM;
	if (lpi->prop_dma & 0xfff) {
		pr_err("DirectLPI: configuration table at 0x%llx is not 4 KB aligned",
		       (unsigned long long)lpi->prop_dma);
		dma_free_coherent(NULL, lpi->prop_size, lpi->prop, lpi->prop_dma);
		return -ENOMEM;
	}
	memset(lpi->prop, LPI_PROP_DEFAULT, lpi->prop_size);
	gic_flush_dcache_to_poc(lpi->prop, lpi->prop_size);
	for (unsigned int c = 0; c < NR_CPUS; c++)
		raw_spin_lock_init(&lpi->rd[c].rd_lock);
	ret = gic_lpi_bitmap_init(&lpi->bitmap, lpi->nr_lpis);
	if (ret)
		goto fail_prop;
	ret = gic_lpi_domain_init(lpi);
	if (ret)
		goto fail_bitmap;
	lpi->ready = true;
	pr_info("%pOF: DirectLPI: %u LPIs (%u ID bits), configuration table at 0x%llx", gic->node,
		lpi->nr_lpis, bits, (unsigned long long)lpi->prop_dma);
	return 0;

fail_bitmap:
	gic_lpi_bitmap_destroy(&lpi->bitmap);
fail_prop:
	dma_free_coherent(NULL, lpi->prop_size, lpi->prop, lpi->prop_dma);
	memset(lpi, 0, sizeof(*lpi));
	return ret;
}

/* a pending table for @cpu: ALIGN(2^id_bits / 8, 64 KB) zeroed bytes, 64 KB aligned */
static int gic_lpi_alloc_pending(struct gic_lpi_rd *lrd, unsigned int cpu)
{
	size_t size = (((size_t)1 << gic_lpi.id_bits) / 8 + SZ_64K - 1) & ~(size_t)(SZ_64K - 1);

	lrd->pend_raw_size = size;
	lrd->pend_raw = dma_alloc_coherent(NULL, size, &lrd->pend_raw_dma);
	if (lrd->pend_raw && (lrd->pend_raw_dma & (SZ_64K - 1))) {
		/* the backend aligns less: take enough to carve an aligned table out */
		dma_free_coherent(NULL, size, lrd->pend_raw, lrd->pend_raw_dma);
		lrd->pend_raw_size = size + SZ_64K;
		lrd->pend_raw = dma_alloc_coherent(NULL, lrd->pend_raw_size, &lrd->pend_raw_dma);
	}
	if (!lrd->pend_raw) {
		pr_err("DirectLPI: CPU%u: no memory for the %zu-byte pending table", cpu, size);
		return -ENOMEM;
	}
	lrd->pend_dma = (lrd->pend_raw_dma + SZ_64K - 1) & ~(dma_addr_t)(SZ_64K - 1);
	lrd->pend = (char *)lrd->pend_raw + (lrd->pend_dma - lrd->pend_raw_dma);
	memset(lrd->pend_raw, 0, lrd->pend_raw_size);
	gic_flush_dcache_to_poc(lrd->pend_raw, lrd->pend_raw_size);
	return 0;
}

/**
 * gic_v3_lpi_cpu_init() - enable LPIs on @cpu's redistributor (hw-facts 2.6 order)
 * @cpu: the CPU being brought up (its RD is gic_data.rdist[cpu])
 *
 * PROPBASER, then PENDBASER, then GICR_CTLR.EnableLPIs; the base registers are
 * never written again.  A redistributor found with EnableLPIs already set is
 * reused only if its PROPBASER points at our table.
 * Return: 0 (also without DirectLPI), -ENOMEM, -EBUSY (enabled with foreign tables).
 */
int gic_v3_lpi_cpu_init(unsigned int cpu)
{
	struct gic_lpi_rd *lrd = &gic_lpi.rd[cpu];
	char __iomem *rd = (char __iomem *)gic_data.rdist[cpu];
	u64 val;
	int ret;

	if (!gic_lpi.ready || !rd)
		return 0;
	if (readl(rd + GICR_CTLR) & GICR_CTLR_ENABLE_LPIS) {
		val = readq(rd + GICR_PROPBASER);
		if (GICR_PROPBASER_ADDRESS(val) == GICR_PROPBASER_ADDRESS(gic_lpi.prop_dma) &&
		    lrd->pend) {
			lrd->enabled = true;
			return 0;
		}
		pr_err("DirectLPI: CPU%u: LPIs already enabled with foreign tables (PROPBASER 0x%llx)",
		       cpu, (unsigned long long)val);
		return -EBUSY;
	}
	if (!lrd->pend) {
		ret = gic_lpi_alloc_pending(lrd, cpu);
		if (ret)
			return ret;
	}
	pr_debug("DirectLPI: enable LPIs on CPU%u\n", cpu);
	val = GICR_PROPBASER_ADDRESS(gic_lpi.prop_dma) | GICR_PROPBASER_InnerShareable |
	      GICR_PROPBASER_RaWaWb | (gic_lpi.id_bits - 1);
	writeq(val, rd + GICR_PROPBASER);
	if (!(readq(rd + GICR_PROPBASER) & GICR_PROPBASER_SHAREABILITY_MASK))
		pr_info("DirectLPI: CPU%u: PROPBASER non-shareable, bytes pushed with dma_sync",
			cpu);
	val = GICR_PENDBASER_ADDRESS(lrd->pend_dma) | GICR_PENDBASER_InnerShareable |
	      GICR_PENDBASER_RaWaWb;
	writeq(val, rd + GICR_PENDBASER);
	(void)readq(rd + GICR_PENDBASER);
	writel(readl(rd + GICR_CTLR) | GICR_CTLR_ENABLE_LPIS, rd + GICR_CTLR);
	dsb(sy);
	lrd->enabled = true;
	return 0;
}

/* undo gic_v3_lpi_init() when the GIC probe fails after it (tables stay, see top) */
void gic_v3_lpi_remove(void)
{
	if (gic_lpi.domain)
		irq_domain_remove(gic_lpi.domain);
	gic_v3_lpi_reset();
}

/* forget everything (the GIC's shutdown; the core removes the domain) */
void gic_v3_lpi_reset(void)
{
	if (gic_lpi.bitmap.words) {
		gic_lpi_bitmap_destroy(&gic_lpi.bitmap);
	}
	memset(&gic_lpi, 0, sizeof(gic_lpi));
}
