/* SPDX-License-Identifier: MIT */
/* Private to the GICv3 driver files (irq-gic-v3*.c). */
#ifndef IRQSIM_IRQ_GIC_V3_INTERNAL_H
#define IRQSIM_IRQ_GIC_V3_INTERNAL_H

#include <asm/cputype.h>
#include <asm/smp_plat.h>
#include <linux/cpumask.h>
#include <linux/irq.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdomain.h>

#define GIC_MAX_RDIST_REGIONS 8
/* polls of RWP / ChildrenAsleep before giving up, 1 us apart (1 ms) */
#define GIC_POLL_LIMIT 1000

struct gic_rdist_region {
	void __iomem *base;
	phys_addr_t phys;
	u64 size;
};

struct gic_chip_data {
	struct device_node *node;
	void __iomem *dist_base;
	phys_addr_t dist_phys; /* for messages and the MBI doorbell */
	struct gic_rdist_region regions[GIC_MAX_RDIST_REGIONS];
	unsigned int nr_regions;
	u64 rdist_stride;		 /* 0: architectural (128 KB, +128 KB with VLPIS) */
	void __iomem *rdist[NR_CPUS];	 /* RD_base of each CPU, set by gic_v3_cpu_init() */
	phys_addr_t rdist_phys[NR_CPUS]; /* its physical address */
	struct irq_domain *domain;
	struct irq_domain *ipi_domain;
	struct fwnode_handle *ipi_fwnode;
	unsigned int irq_nr; /* INTIDs 0..irq_nr-1 exist (SGI+PPI+SPI) */
	u32 typer;
	bool split_eoi;
	u16 sgi_used;	       /* SGIs handed out by the IPI domain */
	struct mutex ipi_lock; /* protects sgi_used */
};

/* the one GIC of the system (NULL fields before probe) */
extern struct gic_chip_data gic_data;
extern struct irq_chip gic_chip;
extern struct irq_chip gic_eoimode1_chip;

/* RWP polling: @rd selects GICR_CTLR bit 3 instead of GICD_CTLR bit 31 */
int gic_wait_for_rwp(void __iomem *ctlr_base, bool rd);
static inline int gic_dist_wait_for_rwp(void)
{
	return gic_wait_for_rwp(gic_data.dist_base, false);
}
/* RD_base of the current CPU, NULL (logged) if it has not been initialised */
void __iomem *gic_this_rdist(void);
/* rename @d (log lines and views show the name): "GICv3", "GICv3-MBI" */
void gic_name_domain(struct irq_domain *d, const char *name);
static inline void __iomem *gic_this_sgi_base(void)
{
	void __iomem *rd = gic_this_rdist();

	return rd ? (char __iomem *)rd + GICR_SGI_BASE_OFFSET : NULL;
}

/* IROUTER value of an MPIDR: Aff3 << 32 | Aff2.Aff1.Aff0 */
static inline u64 gic_mpidr_to_irouter(u64 mpidr)
{
	return (mpidr & 0xff00000000ULL) | (mpidr & 0xffffffULL);
}
/* GICR_TYPER[63:32] affinity of an MPIDR: Aff3.Aff2.Aff1.Aff0 */
static inline u32 gic_mpidr_to_typer_aff(u64 mpidr)
{
	return (u32)(MPIDR_AFFINITY_LEVEL(mpidr, 3) << 24 | MPIDR_AFFINITY_LEVEL(mpidr, 2) << 16 |
		     MPIDR_AFFINITY_LEVEL(mpidr, 1) << 8 | MPIDR_AFFINITY_LEVEL(mpidr, 0));
}

/* DirectLPI (irq-gic-v3-lpi.c): probe-time set-up, per-CPU enable, reset */
int gic_v3_lpi_init(struct gic_chip_data *gic);
int gic_v3_lpi_cpu_init(unsigned int cpu);
void gic_v3_lpi_reset(void);
void gic_v3_lpi_remove(void);

void gic_ipi_send_mask(struct irq_data *d, const struct cpumask *mask);
int gic_ipi_domain_init(struct gic_chip_data *gic);

#endif
