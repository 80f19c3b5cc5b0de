// SPDX-License-Identifier: MIT
/*
 * GICv3 per-CPU set-up: find this CPU's redistributor, wake it, configure
 * its SGIs/PPIs, and bring up the CPU interface system registers.  Runs for
 * the boot CPU at probe and for every other CPU from the CPU-starting callback.
 */
#define pr_fmt(fmt) "GICv3: " fmt

#include <linux/irqchip/arm-gic-v3.h>

#include "irq-gic-v3-internal.h"

void __iomem *gic_this_rdist(void)
{
	unsigned int cpu = smp_processor_id();
	void __iomem *rd = cpu < NR_CPUS ? gic_data.rdist[cpu] : NULL;

	if (!rd)
		pr_err("CPU%u: redistributor not initialised (CPU not started?)", cpu);
	return rd;
}

static bool gic_rdist_present(void __iomem *ptr)
{
	u32 arch = readl((char __iomem *)ptr + GICR_PIDR2) & GIC_PIDR2_ARCH_MASK;

	return arch == GIC_PIDR2_ARCH_GICv3 || arch == GIC_PIDR2_ARCH_GICv4;
}

/* walk the redistributor regions for the frame whose GICR_TYPER affinity is @cpu's */
static void __iomem *gic_find_rdist(unsigned int cpu, phys_addr_t *phys)
{
	u32 aff = gic_mpidr_to_typer_aff(cpu_logical_map(cpu));

	for (unsigned int r = 0; r < gic_data.nr_regions; r++) {
		struct gic_rdist_region *region = &gic_data.regions[r];
		u64 off = 0;

		while (off + GIC_V3_REDIST_SIZE <= region->size) {
			char __iomem *ptr = (char __iomem *)region->base + off;
			u64 typer;

			if (!gic_rdist_present(ptr)) {
				pr_warn("no redistributor present at 0x%llx (region %u)",
					(unsigned long long)(region->phys + off), r);
				break;
			}
			typer = readq(ptr + GICR_TYPER);
			if (GICR_TYPER_AFFINITY(typer) == aff) {
				*phys = region->phys + off;
				return ptr;
			}
			if (typer & GICR_TYPER_LAST)
				break;
			if (gic_data.rdist_stride)
				off += gic_data.rdist_stride;
			else
				off += GIC_V3_REDIST_SIZE * ((typer & GICR_TYPER_VLPIS) ? 2 : 1);
		}
	}
	return NULL;
}

static int gic_enable_redist(void __iomem *rd, phys_addr_t phys, unsigned int cpu)
{
	char __iomem *waker = (char __iomem *)rd + GICR_WAKER;
	unsigned long long waker_phys = phys + GICR_WAKER;
	u32 val = readl(waker);

	writel(val & ~GICR_WAKER_ProcessorSleep, waker);
	for (unsigned int i = 0; i < GIC_POLL_LIMIT; i++) {
		u32 w = readl(waker);

		/* all ones: a refused read (WAKER has RES0 bits), which says nothing */
		if (w == ~0u) {
			pr_err("CPU%u: read of GICR_WAKER at 0x%llx failed", cpu, waker_phys);
			return -EIO;
		}
		if (!(w & GICR_WAKER_ChildrenAsleep))
			return 0;
		udelay(1);
	}
	pr_err("CPU%u: redistributor failed to wakeup (GICR_WAKER at 0x%llx: ChildrenAsleep still set after %u polls)",
	       cpu, waker_phys, GIC_POLL_LIMIT);
	return -ETIMEDOUT;
}

/* SGIs on, PPIs off, everything Group 1, inactive, default priority */
static int gic_cpu_config(void __iomem *rd)
{
	char __iomem *sgi = (char __iomem *)rd + GICR_SGI_BASE_OFFSET;

	writel(~0u, sgi + GICR_IGROUPR0);
	writel(GICD_INT_EN_CLR_X32, sgi + GICR_ICACTIVER0);
	writel(GICD_INT_EN_CLR_PPI, sgi + GICR_ICENABLER0);
	writel(GICD_INT_EN_SET_SGI, sgi + GICR_ISENABLER0);
	for (unsigned int i = 0; i < 32; i += 4)
		writel(GICD_INT_DEF_PRI_X4, sgi + GICR_IPRIORITYR0 + i);
	return gic_wait_for_rwp(rd, true);
}

static int gic_cpu_sys_reg_init(unsigned int cpu)
{
	u64 val = read_sysreg_s(SYS_ICC_SRE_EL1);
	unsigned int pribits;

	if (!(val & ICC_SRE_EL1_SRE)) {
		write_sysreg_s(val | ICC_SRE_EL1_SRE, SYS_ICC_SRE_EL1);
		isb();
		val = read_sysreg_s(SYS_ICC_SRE_EL1);
	}
	if (!(val & ICC_SRE_EL1_SRE)) {
		pr_err("CPU%u: unable to set ICC_SRE_EL1.SRE, system registers unusable", cpu);
		return -EIO;
	}
	write_sysreg_s(DEFAULT_PMR_VALUE, SYS_ICC_PMR_EL1);
	write_sysreg_s(0, SYS_ICC_BPR1_EL1);
	val = read_sysreg_s(SYS_ICC_CTLR_EL1);
	if (gic_data.split_eoi)
		val |= ICC_CTLR_EL1_EOImode_drop;
	else
		val &= ~(u64)ICC_CTLR_EL1_EOImode_drop;
	write_sysreg_s(val, SYS_ICC_CTLR_EL1);
	/* as many active-priority registers as implemented priority bits need */
	pribits =
		(unsigned int)((val & ICC_CTLR_EL1_PRI_BITS_MASK) >> ICC_CTLR_EL1_PRI_BITS_SHIFT) +
		1;
	if (pribits >= 7) {
		write_sysreg_s(0, SYS_ICC_AP1Rn_EL1(3));
		write_sysreg_s(0, SYS_ICC_AP1Rn_EL1(2));
	}
	if (pribits >= 6)
		write_sysreg_s(0, SYS_ICC_AP1Rn_EL1(1));
	write_sysreg_s(0, SYS_ICC_AP1Rn_EL1(0));
	isb();
	write_sysreg_s(ICC_IGRPEN1_EL1_ENABLE, SYS_ICC_IGRPEN1_EL1);
	isb();
	return 0;
}

int gic_v3_cpu_init(unsigned int cpu)
{
	void __iomem *rd;
	phys_addr_t phys = 0;
	int ret;

	if (!gic_data.dist_base) {
		pr_err("CPU%u: cpu init before the GIC was probed", cpu);
		return -ENODEV;
	}
	if (cpu >= NR_CPUS || cpu != smp_processor_id()) {
		pr_err("CPU%u: cpu init must run on that CPU (current CPU%u)", cpu,
		       smp_processor_id());
		return -EINVAL;
	}
	pr_debug("CPU%u: interface init\n", cpu);
	rd = gic_find_rdist(cpu, &phys);
	if (!rd) {
		pr_err("CPU%u: mpidr 0x%llx has no re-distributor", cpu,
		       (unsigned long long)cpu_logical_map(cpu));
		return -ENODEV;
	}
	ret = gic_enable_redist(rd, phys, cpu);
	if (ret)
		return ret;
	gic_data.rdist[cpu] = rd;
	gic_data.rdist_phys[cpu] = phys;
	ret = gic_cpu_config(rd);
	if (!ret)
		ret = gic_v3_lpi_cpu_init(cpu);
	if (!ret)
		ret = gic_cpu_sys_reg_init(cpu);
	if (ret)
		gic_data.rdist[cpu] = NULL;
	return ret;
}
