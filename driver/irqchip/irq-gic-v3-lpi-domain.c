// SPDX-License-Identifier: MIT
/*
 * GICv3 DirectLPI: the "GICv3-DirectLPI" irq domain (root, tree revmap,
 * hwirq = LPI INTID, MSI parent) and its irq_chip.
 *
 *   alloc         a naturally aligned power-of-two block of INTIDs (Multi-MSI),
 *                 bytes reset to 0xA2 (priority 0xA0, group bit, disabled),
 *                 target = the least loaded online CPU (of the descriptor's
 *                 affinity, if any); one target for the whole block
 *   activate      INVLPIR on the target redistributor (its cache may hold a
 *                 stale byte of an earlier user of the INTID)
 *   free          byte back to 0xA2 (no INVLPIR: see lpi_domain_free)
 *   mask/unmask   clear/set the enable bit, dma_sync, INVLPIR, wait SYNCR
 *   eoi           ICC_EOIR1_EL1 (no DIR for LPIs in split mode)
 *   compose       {GICR_SETLPIR of the target RD, INTID}
 *   set_affinity  one online CPU of the mask becomes the target (of the whole
 *                 block for Multi-MSI), INVLPIR there; IRQ_SET_MASK_OK so the
 *                 MSI layer recomposes and rewrites the device's message.
 *                 An LPI already pending at the old RD is delivered there.
 *   retrigger     GICR_SETLPIR on the target RD
 */
#define pr_fmt(fmt) "GICv3: " fmt

#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqchip/irq-msi-lib.h>
#include <linux/of.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>

#include "irq-gic-v3-lpi.h"

static unsigned int lpi_load[NR_CPUS]; /* LPIs targeting each CPU (under the root mutex) */

static unsigned int lpi_target(struct irq_data *d)
{
	unsigned int cpu = cpumask_first(irq_data_get_effective_affinity_mask(d));

	return cpu < NR_CPUS ? cpu : 0;
}

/* least loaded online CPU of @mask with LPIs enabled, NR_CPUS if none */
static unsigned int lpi_pick_cpu_in(const struct cpumask *mask)
{
	unsigned int best = NR_CPUS, cpu;

	for_each_cpu(cpu, mask) {
		if (!cpumask_test_cpu(cpu, cpu_online_mask) || !gic_lpi.rd[cpu].enabled)
			continue;
		if (best == NR_CPUS || lpi_load[cpu] < lpi_load[best])
			best = cpu;
	}
	return best;
}

/* the descriptor's affinity if it names a usable CPU, else any online CPU */
static unsigned int lpi_pick_cpu(const struct cpumask *want)
{
	unsigned int cpu = want ? lpi_pick_cpu_in(want) : NR_CPUS;

	return cpu < NR_CPUS ? cpu : lpi_pick_cpu_in(cpu_online_mask);
}

/* ---- chip ------------------------------------------------------------------------ */

static void lpi_mask_irq(struct irq_data *d)
{
	gic_lpi_update_config((u32)d->hwirq, lpi_target(d), LPI_PROP_ENABLED, 0);
}

static void lpi_unmask_irq(struct irq_data *d)
{
	gic_lpi_update_config((u32)d->hwirq, lpi_target(d), 0, LPI_PROP_ENABLED);
}

static void lpi_eoi_irq(struct irq_data *d)
{
	/* split mode: the entry already dropped the priority, and DIR is ignored for LPIs */
	if (!gic_data.split_eoi)
		write_sysreg_s(d->hwirq, SYS_ICC_EOIR1_EL1);
}

static void lpi_compose_msi_msg(struct irq_data *d, struct msi_msg *msg)
{
	unsigned int cpu = lpi_target(d);
	void __iomem *rd = gic_data.rdist[cpu];
	u64 addr = rd ? (u64)gic_data.rdist_phys[cpu] + GICR_SETLPIR : 0;

	if (!rd)
		pr_err("DirectLPI: LPI %lu targets CPU%u, which has no redistributor", d->hwirq,
		       cpu);
	msg->address_lo = (u32)addr;
	msg->address_hi = (u32)(addr >> 32);
	msg->data = (u32)d->hwirq;
}

/* move one LPI to @cpu: bookkeeping + make the new RD re-read the byte */
static int lpi_move(struct irq_data *d, unsigned int cpu)
{
	unsigned int old = lpi_target(d);

	if (old == cpu && cpumask_test_cpu(old, irq_data_get_effective_affinity_mask(d)))
		return 0;
	if (lpi_load[old])
		lpi_load[old]--;
	lpi_load[cpu]++;
	irq_data_update_effective_affinity(d, cpumask_of(cpu));
	return gic_lpi_inv((u32)d->hwirq, cpu);
}

static int lpi_set_affinity(struct irq_data *d, const struct cpumask *mask, bool force)
{
	struct msi_desc *desc = irq_data_get_msi_desc(d);
	unsigned int cur = lpi_target(d), cpu;
	int ret = 0;

	if (force)
		cpu = cpumask_first(mask);
	else if (cpumask_test_cpu(cur, mask) && cpumask_test_cpu(cur, cpu_online_mask))
		cpu = cur; /* already where it may be: no move (startup passes the default mask) */
	else
		cpu = lpi_pick_cpu_in(mask);
	if (cpu >= NR_CPUS || !gic_lpi.rd[cpu].enabled) {
		pr_err("DirectLPI: LPI %lu: no %s CPU with LPIs enabled in affinity mask %*pbl",
		       d->hwirq, force ? "possible" : "online", cpumask_pr_args(mask));
		return -EINVAL;
	}
	pr_debug("DirectLPI: LPI %lu affinity to CPU%u\n", d->hwirq, cpu);
	if (desc && desc->nvec_used > 1) {
		/* one message for the whole block: every vector follows */
		for (unsigned int i = 0; i < desc->nvec_used; i++) {
			struct irq_data *v = irq_domain_get_irq_data(gic_lpi.domain, desc->irq + i);

			if (v && lpi_move(v, cpu))
				ret = -EIO;
		}
	} else if (lpi_move(d, cpu)) {
		ret = -EIO;
	}
	return ret ? ret : IRQ_SET_MASK_OK;
}

static int lpi_retrigger(struct irq_data *d)
{
	void __iomem *rd = gic_data.rdist[lpi_target(d)];

	if (!rd)
		return 0;
	writeq(d->hwirq, (char __iomem *)rd + GICR_SETLPIR);
	return 1;
}

static struct irq_chip gic_lpi_chip = {
	.name = "GICv3-LPI",
	.irq_mask = lpi_mask_irq,
	.irq_unmask = lpi_unmask_irq,
	.irq_eoi = lpi_eoi_irq,
	.irq_set_affinity = lpi_set_affinity,
	.irq_retrigger = lpi_retrigger,
	.irq_compose_msi_msg = lpi_compose_msi_msg,
	.flags = IRQCHIP_SKIP_SET_WAKE | IRQCHIP_MASK_ON_SUSPEND,
};

/* ---- domain ------------------------------------------------------------------------ */

static int lpi_domain_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs,
			    void *arg)
{
	msi_alloc_info_t *info = arg;
	struct msi_desc *desc = info ? info->desc : NULL;
	unsigned int cpu;
	long first;

	first = gic_lpi_alloc_block(&gic_lpi.bitmap, nr_irqs);
	if (first < 0) {
		if (first == -ENOSPC)
			pr_err("DirectLPI: no free block of %u LPIs (%u of %u in use)", nr_irqs,
			       gic_lpi.bitmap.used, gic_lpi.nr_lpis);
		return (int)first;
	}
	cpu = lpi_pick_cpu(desc && desc->affinity ? &desc->affinity->mask : NULL);
	if (cpu >= NR_CPUS) {
		pr_err("DirectLPI: no online CPU has LPIs enabled");
		gic_lpi_free_block(&gic_lpi.bitmap, (u32)first, nr_irqs);
		return -ENODEV;
	}
	gic_lpi_reset_config((u32)first, nr_irqs);
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *irqd;

		irq_domain_set_info(d, virq + i, (irq_hw_number_t)first + i, &gic_lpi_chip,
				    &gic_lpi, handle_fasteoi_irq, NULL, "LPI");
		irqd = irq_domain_get_irq_data(d, virq + i);
		irq_data_update_effective_affinity(irqd, cpumask_of(cpu));
		lpi_load[cpu]++;
	}
	return 0;
}

static void lpi_domain_free(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *irqd = irq_domain_get_irq_data(d, virq + i);
		unsigned int cpu;
		u32 intid;

		if (!irqd || irqd->chip != &gic_lpi_chip)
			continue;
		intid = (u32)irqd->hwirq;
		cpu = lpi_target(irqd);
		/*
		 * Disabled byte in memory.  No INVLPIR: a requested LPI was masked
		 * (and invalidated) by its shutdown, and the next user's activation
		 * invalidates its target before the LPI can be signalled there.
		 */
		gic_lpi_reset_config(intid, 1);
		if (lpi_load[cpu])
			lpi_load[cpu]--;
		gic_lpi_free_block(&gic_lpi.bitmap, intid, 1);
		irq_domain_reset_irq_data(irqd);
	}
}

static int lpi_domain_activate(struct irq_domain *d, struct irq_data *irqd, bool reserve)
{
	(void)d;
	(void)reserve;
	return gic_lpi_inv((u32)irqd->hwirq, lpi_target(irqd));
}

static const struct irq_domain_ops gic_lpi_domain_ops = {
	.select = msi_lib_irq_domain_select,
	.alloc = lpi_domain_alloc,
	.free = lpi_domain_free,
	.activate = lpi_domain_activate,
};

/* as the ITS's MSI parent upstream (irq-gic-its-msi-parent.c), with dynamic MSI-X */
#define LPI_MSI_FLAGS_REQUIRED \
	(MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | MSI_FLAG_PCI_MSI_MASK_PARENT)
#define LPI_MSI_FLAGS_SUPPORTED                                                \
	(MSI_GENERIC_FLAGS_MASK | MSI_FLAG_PCI_MSIX | MSI_FLAG_MULTI_PCI_MSI | \
	 MSI_FLAG_PCI_MSIX_ALLOC_DYN)

static const struct msi_parent_ops gic_lpi_msi_parent_ops = {
	.supported_flags = LPI_MSI_FLAGS_SUPPORTED,
	.required_flags = LPI_MSI_FLAGS_REQUIRED,
	.chip_flags = MSI_CHIP_FLAG_SET_EOI,
	.bus_select_token = DOMAIN_BUS_NEXUS,
	.bus_select_mask = MATCH_PCI_MSI | MATCH_PLATFORM_MSI,
	.prefix = "LPI-",
	.init_dev_msi_info = msi_lib_init_dev_msi_info,
};

int gic_lpi_domain_init(struct gic_lpi_data *lpi)
{
	struct irq_domain_info info = {
		.ops = &gic_lpi_domain_ops,
		.host_data = lpi,
	};

	for (unsigned int c = 0; c < NR_CPUS; c++)
		lpi_load[c] = 0;
	/*
	 * On the GIC's node, beside MBI's parent: DT `msi-parent = <&gic>` finds
	 * both, and irqsim,msi-parent-kind = "lpi" picks this one (prefix "LPI-").
	 */
	info.fwnode = of_fwnode_handle(gic_data.node);
	lpi->domain = msi_create_parent_irq_domain(&info, &gic_lpi_msi_parent_ops);
	if (!lpi->domain)
		return -ENOMEM;
	gic_name_domain(lpi->domain, "GICv3-DirectLPI");
	return 0;
}

int gic_v3_lpi_set_priority(unsigned int virq, u8 prio)
{
	struct irq_data *d = gic_lpi.ready ? irq_domain_get_irq_data(gic_lpi.domain, virq) : NULL;

	if (!d) {
		pr_err("DirectLPI: virq %u is not an LPI", virq);
		return -EINVAL;
	}
	return gic_lpi_update_config((u32)d->hwirq, lpi_target(d), LPI_PROP_PRIO_MASK,
				     prio & LPI_PROP_PRIO_MASK);
}
