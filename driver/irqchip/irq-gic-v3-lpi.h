/* SPDX-License-Identifier: MIT */
/*
 * Private to the GICv3 DirectLPI files (irq-gic-v3-lpi*.c): the LPI state,
 * the INTID allocator and the configuration-byte path shared by the domain.
 *
 * Structure (documented in README "DirectLPI"): LPIs are GIC INTIDs >= 8192
 * configured by bytes in memory, not by distributor registers, so they get
 * their own root irq_domain "GICv3-DirectLPI" (tree revmap, hwirq = INTID)
 * next to the wired "GICv3" domain.  It is an MSI parent: per-device MSI
 * domains (IMS, test devices) stack on it and it composes their messages
 * (address = target redistributor's GICR_SETLPIR, data = INTID).  The GIC's
 * IRQ entry resolves INTIDs >= 8192 in this domain.
 */
#ifndef IRQSIM_IRQ_GIC_V3_LPI_H
#define IRQSIM_IRQ_GIC_V3_LPI_H

#include <linux/mutex.h>
#include <linux/spinlock.h>

#include "irq-gic-v3-internal.h"

/* ---- INTID allocator (irq-gic-v3-lpi-alloc.c) ----------------------------------- */
struct gic_lpi_bitmap {
	unsigned long *words; /* bit i = LPI 8192 + i in use */
	unsigned int nr;      /* LPIs managed */
	unsigned int used;
	unsigned int lowest_free; /* every LPI below is in use */
	struct mutex lock;
};

int gic_lpi_bitmap_init(struct gic_lpi_bitmap *b, unsigned int nr);
void gic_lpi_bitmap_destroy(struct gic_lpi_bitmap *b);
/*
 * A naturally aligned block of @nr (power of two) consecutive LPIs.
 * Return: the first INTID, or -EINVAL (nr not a power of two / too big),
 * -ENOSPC (no free block; nothing changed).
 */
long gic_lpi_alloc_block(struct gic_lpi_bitmap *b, unsigned int nr);
/* Return: 0, or -EINVAL (logged) if any INTID of the range is not allocated (nothing freed). */
int gic_lpi_free_block(struct gic_lpi_bitmap *b, u32 first, unsigned int nr);

/* ---- LPI state (irq-gic-v3-lpi.c) ------------------------------------------------ */
#define LPI_PROP_DEFAULT (GICD_INT_DEF_PRI | LPI_PROP_GROUP1)

struct gic_lpi_rd {
	void *pend; /* pending table (64 KB aligned bus address) */
	dma_addr_t pend_dma;
	void *pend_raw; /* the allocation (may be larger, for alignment) */
	dma_addr_t pend_raw_dma;
	size_t pend_raw_size;
	bool enabled;		/* EnableLPIs set by this driver */
	raw_spinlock_t rd_lock; /* serialises INVLPIR/INVALLR + SYNCR on this RD */
};

struct gic_lpi_data {
	bool ready;	      /* DirectLPI present, tables allocated, domain up */
	unsigned int id_bits; /* INTIDs 0 .. 2^id_bits - 1 */
	unsigned int nr_lpis; /* 2^id_bits - 8192 */
	u8 *prop;	      /* configuration table, byte k = INTID 8192 + k */
	dma_addr_t prop_dma;
	size_t prop_size;
	struct gic_lpi_rd rd[NR_CPUS];
	struct gic_lpi_bitmap bitmap;
	struct irq_domain *domain;
	unsigned long inv_count; /* INVLPIR writes, for the views/benchmarks */
};

extern struct gic_lpi_data gic_lpi;

/* RMW the configuration byte of @intid, push it to memory, INVLPIR on @cpu's RD + wait SYNCR */
int gic_lpi_update_config(u32 intid, unsigned int cpu, u8 clr, u8 set);
/* INVLPIR of @intid on @cpu's redistributor, then wait for SYNCR.Busy == 0 */
int gic_lpi_inv(u32 intid, unsigned int cpu);
/* write the default (disabled) byte for [first, first + nr) without invalidating */
void gic_lpi_reset_config(u32 first, unsigned int nr);

/* irq-gic-v3-lpi-domain.c */
int gic_lpi_domain_init(struct gic_lpi_data *lpi);

#endif
