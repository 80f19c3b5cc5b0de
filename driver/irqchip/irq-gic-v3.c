// SPDX-License-Identifier: MIT
/*
 * GICv3 irqchip driver: probe, distributor set-up, the wired irq domain
 * (SGI/PPI/SPI) and the IRQ entry.  Redistributor/CPU-interface set-up lives
 * in irq-gic-v3-cpu.c, the irq_chip callbacks in irq-gic-v3-chip.c and the
 * IPI domain in irq-gic-v3-ipi.c.
 */
#define pr_fmt(fmt) "GICv3: " fmt

#include <linux/string.h>

#include <asm/exception.h>
#include <linux/cpuhotplug.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/slab.h>
#include <linux/syscore_ops.h>

#include "irq-gic-v3-internal.h"
#include "irq-gic-v3-mbi.h"

struct gic_chip_data gic_data;

struct irq_domain *gic_v3_domain(void)
{
	return gic_data.domain;
}

struct irq_domain *gic_v3_ipi_domain(void)
{
	return gic_data.ipi_domain;
}

/* ---- domain ------------------------------------------------------------------ */

static int gic_irq_domain_translate(struct irq_domain *d, struct irq_fwspec *fwspec,
				    unsigned long *hwirq, unsigned int *type)
{
	struct gic_chip_data *gic = d->host_data;
	unsigned long hw;

	/* one cell below 16: an SGI (the IPI domain asks for its parent this way) */
	if (fwspec->param_count == 1) {
		if (fwspec->param[0] >= GIC_NR_SGIS) {
			pr_err("domain %s: 1-cell specifier %u is not an SGI (0..15)", d->name,
			       fwspec->param[0]);
			return -EINVAL;
		}
		*hwirq = fwspec->param[0];
		*type = IRQ_TYPE_EDGE_RISING;
		return 0;
	}
	if (fwspec->param_count < 3) {
		pr_err("domain %s: %d-cell specifier, need 3 (type, number, flags)", d->name,
		       fwspec->param_count);
		return -EINVAL;
	}
	switch (fwspec->param[0]) {
	case GIC_SPI:
		hw = (unsigned long)fwspec->param[1] + GIC_FIRST_SPI;
		break;
	case GIC_PPI:
		if (fwspec->param[1] >= 16) {
			pr_err("domain %s: PPI %u out of range (0..15)", d->name, fwspec->param[1]);
			return -EINVAL;
		}
		hw = (unsigned long)fwspec->param[1] + GIC_FIRST_PPI;
		break;
	default:
		pr_err("domain %s: interrupt type %u not supported (0 = SPI, 1 = PPI)", d->name,
		       fwspec->param[0]);
		return -EINVAL;
	}
	if (hw >= gic->irq_nr) {
		pr_err("domain %s: hwirq %lu out of range (max %u)", d->name, hw, gic->irq_nr - 1);
		return -EINVAL;
	}
	*hwirq = hw;
	*type = fwspec->param[2] & IRQ_TYPE_SENSE_MASK;
	return 0;
}

static int gic_irq_domain_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs,
				void *arg)
{
	struct gic_chip_data *gic = d->host_data;
	struct irq_chip *chip = gic->split_eoi ? &gic_eoimode1_chip : &gic_chip;
	unsigned long hwirq;
	unsigned int type;
	int ret;

	ret = gic_irq_domain_translate(d, arg, &hwirq, &type);
	if (ret)
		return ret;
	if (hwirq + nr_irqs > gic->irq_nr) {
		pr_err("domain %s: hwirq %lu + %u out of range (max %u)", d->name, hwirq, nr_irqs,
		       gic->irq_nr - 1);
		return -EINVAL;
	}
	for (unsigned int i = 0; i < nr_irqs; i++) {
		unsigned long hw = hwirq + i;

		if (hw < GIC_FIRST_SPI) {
			/* SGI/PPI: one virq, a banked copy per CPU */
			irq_set_percpu_devid(virq + i);
			irq_domain_set_info(d, virq + i, hw, chip, gic, handle_percpu_devid_irq,
					    NULL, NULL);
		} else {
			irq_domain_set_info(d, virq + i, hw, chip, gic, handle_fasteoi_irq, NULL,
					    NULL);
		}
	}
	return 0;
}

static void gic_irq_domain_free(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *data = irq_domain_get_irq_data(d, virq + i);

		if (data)
			irq_domain_reset_irq_data(data);
	}
}

static const struct irq_domain_ops gic_irq_domain_ops = {
	.translate = gic_irq_domain_translate,
	.alloc = gic_irq_domain_alloc,
	.free = gic_irq_domain_free,
};

/* ---- distributor --------------------------------------------------------------- */

int gic_wait_for_rwp(void __iomem *ctlr_base, bool rd)
{
	u32 bit = rd ? GICR_CTLR_RWP : GICD_CTLR_RWP;
	const char *reg = rd ? "GICR_CTLR" : "GICD_CTLR";
	/* a redistributor wait is always on the current CPU's own RD */
	unsigned long long phys = rd ? gic_data.rdist_phys[smp_processor_id() % NR_CPUS] :
				       gic_data.dist_phys;

	for (unsigned int i = 0; i < GIC_POLL_LIMIT; i++) {
		u32 ctlr = readl(ctlr_base);

		/*
		 * All ones is no CTLR value (RES0 bits), but what a refused read
		 * returns: it says nothing about RWP, so fail instead of waiting.
		 */
		if (ctlr == ~0u) {
			pr_err("RWP wait: read of %s at 0x%llx failed", reg, phys);
			return -EIO;
		}
		if (!(ctlr & bit))
			return 0;
		udelay(1);
	}
	pr_err("RWP timeout (%s at 0x%llx still pending after %u polls)", reg, phys,
	       GIC_POLL_LIMIT);
	return -ETIMEDOUT;
}

/* the order and values of Linux's gic_dist_init/gic_dist_config (>= 5.19 waits) */
static int gic_dist_init(struct gic_chip_data *gic)
{
	void __iomem *base = gic->dist_base;
	u64 affinity = gic_mpidr_to_irouter(cpu_logical_map(smp_processor_id()));
	int ret;

	pr_debug("distributor init\n");
	writel(0, (char __iomem *)base + GICD_CTLR);
	ret = gic_dist_wait_for_rwp();
	if (ret)
		return ret;
	for (unsigned int i = GIC_FIRST_SPI; i < gic->irq_nr; i += 32)
		writel(~0u, (char __iomem *)base + GICD_IGROUPR + i / 8);
	for (unsigned int i = GIC_FIRST_SPI; i < gic->irq_nr; i += 16)
		writel(GICD_INT_ACTLOW_LVLTRIG, (char __iomem *)base + GICD_ICFGR + i / 4);
	for (unsigned int i = GIC_FIRST_SPI; i < gic->irq_nr; i += 4)
		writel(GICD_INT_DEF_PRI_X4, (char __iomem *)base + GICD_IPRIORITYR + i);
	for (unsigned int i = GIC_FIRST_SPI; i < gic->irq_nr; i += 32) {
		writel(GICD_INT_EN_CLR_X32, (char __iomem *)base + GICD_ICACTIVER + i / 8);
		writel(GICD_INT_EN_CLR_X32, (char __iomem *)base + GICD_ICENABLER + i / 8);
	}
	ret = gic_dist_wait_for_rwp();
	if (ret)
		return ret;
	writel(GICD_CTLR_ARE_NS | GICD_CTLR_ENABLE_G1A | GICD_CTLR_ENABLE_G1,
	       (char __iomem *)base + GICD_CTLR);
	ret = gic_dist_wait_for_rwp();
	if (ret)
		return ret;
	/* every SPI to the boot CPU until someone sets an affinity */
	for (unsigned int i = GIC_FIRST_SPI; i < gic->irq_nr; i++)
		writeq(affinity, (char __iomem *)base + GICD_IROUTER + 8 * i);
	return 0;
}

/* ---- IRQ entry ------------------------------------------------------------------- */

static void gic_deactivate_unhandled(u32 irqnr)
{
	if (gic_data.split_eoi) {
		if (irqnr < GIC_FIRST_LPI)
			write_sysreg_s(irqnr, SYS_ICC_DIR_EL1);
	} else {
		write_sysreg_s(irqnr, SYS_ICC_EOIR1_EL1);
	}
}

/*
 * One interrupt per entry: the platform enters again while the CPU's IRQ
 * line stays high, as an exception would be taken again.
 */
static void __exception_irq_entry gic_handle_irq(struct pt_regs *regs)
{
	unsigned int cpu = smp_processor_id();
	struct irq_domain *domain;
	struct irq_desc *desc;
	u32 irqnr;

	(void)regs;
	pr_debug("IRQ entry on CPU%u\n", cpu);
	irqnr = (u32)(read_sysreg_s(SYS_ICC_IAR1_EL1) & ICC_IAR1_EL1_INTID_MASK);

	/* spurious: nothing to acknowledge (the arch counts entries that handle nothing) */
	if (irqnr >= GIC_INTID_SPECIAL_FIRST && irqnr <= GIC_INTID_SPURIOUS)
		return;
	/* split mode: drop priority now, deactivate (DIR) from the flow's irq_eoi */
	if (gic_data.split_eoi)
		write_sysreg_s(irqnr, SYS_ICC_EOIR1_EL1);
	/* LPIs live in the DirectLPI domain (irq-gic-v3-lpi-domain.c) */
	domain = irqnr >= GIC_FIRST_LPI ? gic_v3_lpi_domain() : gic_data.domain;

	desc = domain ? irq_resolve_mapping(domain, irqnr) : NULL;
	if (!desc) {
		pr_warn("Unexpected interrupt %u on CPU%u (no mapping), deactivated", irqnr, cpu);
		gic_deactivate_unhandled(irqnr);
		return;
	}
	generic_handle_irq_desc(desc);
}

/* ---- probe ----------------------------------------------------------------------- */

static int gic_validate_dist_version(struct gic_chip_data *gic, struct device_node *node)
{
	u32 reg = readl((char __iomem *)gic->dist_base + GICD_PIDR2) & GIC_PIDR2_ARCH_MASK;

	if (reg != GIC_PIDR2_ARCH_GICv3 && reg != GIC_PIDR2_ARCH_GICv4) {
		pr_err("%pOF: no distributor detected at 0x%llx (PIDR2 ArchRev 0x%x), giving up",
		       node, (unsigned long long)gic->dist_phys, reg >> 4);
		return -ENODEV;
	}
	return 0;
}

/* reg[@index] of the GIC node: present, not empty, and not wrapping the address space */
static int gic_of_region(struct device_node *node, int index, struct resource *res)
{
	if (of_address_to_resource(node, index, res))
		return -EINVAL;
	if (!resource_size(res) || res->end < res->start) {
		pr_err("%pOF: reg[%d] at 0x%llx, size 0x%llx, wraps the address space", node, index,
		       (unsigned long long)res->start,
		       (unsigned long long)(res->end - res->start + 1));
		return -EINVAL;
	}
	return 0;
}

static int gic_of_read_regions(struct gic_chip_data *gic, struct device_node *node)
{
	u32 nr_regions = 1;
	struct resource res;
	int ret;

	if (gic_of_region(node, 0, &res))
		return -EINVAL;
	gic->dist_phys = res.start;
	gic->dist_base = ioremap(res.start, resource_size(&res));
	if (!gic->dist_base)
		return -EINVAL;
	ret = of_property_read_u32(node, "#redistributor-regions", &nr_regions);
	if ((ret && ret != -EINVAL) || nr_regions == 0 || nr_regions > GIC_MAX_RDIST_REGIONS) {
		pr_err("%pOF: #redistributor-regions %u out of range 1..%d", node, nr_regions,
		       GIC_MAX_RDIST_REGIONS);
		return -EINVAL;
	}
	for (u32 i = 0; i < nr_regions; i++) {
		if (gic_of_region(node, 1 + (int)i, &res))
			return -EINVAL;
		gic->regions[i].phys = res.start;
		gic->regions[i].size = resource_size(&res);
		gic->regions[i].base = ioremap(res.start, resource_size(&res));
		if (!gic->regions[i].base)
			return -EINVAL;
	}
	gic->nr_regions = nr_regions;
	ret = of_property_read_u64(node, "redistributor-stride", &gic->rdist_stride);
	if (ret == -EINVAL) {
		gic->rdist_stride = 0; /* absent: the architectural 128 KB frames */
	} else if (ret || (gic->rdist_stride & 0xffff) ||
		   (gic->rdist_stride &&
		    (gic->rdist_stride < GIC_V3_REDIST_SIZE || gic->rdist_stride > 0x40000000))) {
		/* whole 64 KB pages, at least one frame, and small enough that the
		 * frame walks cannot wrap their offset (fuzz_dt found ~0 doing that) */
		pr_err("%pOF: redistributor-stride must be one or two cells, a multiple of 64 KB in 0x%x..0x40000000",
		       node, GIC_V3_REDIST_SIZE);
		return -EINVAL;
	}
	return 0;
}

static int gic_starting_cpu(unsigned int cpu)
{
	return gic_v3_cpu_init(cpu);
}

/*
 * Shutdown: forget the probed GIC, so that the next boot probes it afresh
 * (the GIC is never unbound; the core removes its domains after this).
 */
static void gic_syscore_shutdown(void)
{
	if (gic_data.node)
		mutex_destroy(&gic_data.ipi_lock);
	memset(&gic_data, 0, sizeof(gic_data));
	gic_v3_lpi_reset();
	gic_v3_mbi_reset();
}

static struct syscore_ops gic_syscore_ops = {
	.shutdown = gic_syscore_shutdown,
};

/* give the domain the chip's name, as log lines and the views show it */
void gic_name_domain(struct irq_domain *d, const char *name)
{
	char *copy = kstrdup(name, GFP_KERNEL);

	if (!copy)
		return;
	if (d->flags & IRQ_DOMAIN_NAME_ALLOCATED)
		kfree(d->name);
	d->name = copy;
	d->flags |= IRQ_DOMAIN_NAME_ALLOCATED;
}

int gic_v3_of_init(struct device_node *node, struct device_node *parent)
{
	struct gic_chip_data *gic = &gic_data;
	unsigned int cpu = smp_processor_id();
	int ret;

	if (!node)
		return -EINVAL;
	if (parent)
		pr_warn("%pOF: interrupt parent %pOF ignored, the GIC is the root controller", node,
			parent);
	if (gic->node) {
		pr_err("%pOF: a GIC (%pOF) is already probed", node, gic->node);
		return -EBUSY;
	}
	pr_debug("probe %pOF\n", node);
	ret = gic_of_read_regions(gic, node);
	if (ret)
		goto fail;
	ret = gic_validate_dist_version(gic, node);
	if (ret)
		goto fail;
	gic->typer = readl((char __iomem *)gic->dist_base + GICD_TYPER);
	gic->irq_nr = GICD_TYPER_SPIS(gic->typer);
	if (gic->irq_nr > GIC_MAX_INTID_SPI)
		gic->irq_nr = GIC_MAX_INTID_SPI;
	/*
	 * EOImode 1 (priority drop by EOIR, deactivation by DIR).  Upstream turns
	 * it on whenever the kernel entered at EL2 (is_hyp_mode_available(), the
	 * supports_deactivate_key); the model has no exception levels, so the tree
	 * says it (irqsim,split-eoi on the GIC node).
	 */
	gic->split_eoi = of_property_read_bool(node, "irqsim,split-eoi");
	gic->node = node;
	mutex_init(&gic->ipi_lock);

	gic->domain = irq_domain_create_tree(of_node_to_fwnode(node), &gic_irq_domain_ops, gic);
	if (!gic->domain) {
		ret = -ENOMEM;
		goto fail_node;
	}
	gic_name_domain(gic->domain, "GICv3");
	irq_domain_update_bus_token(gic->domain, DOMAIN_BUS_WIRED);

	ret = gic_dist_init(gic);
	if (ret)
		goto fail_domain;
	ret = gic_v3_lpi_init(gic);
	if (ret)
		goto fail_domain;
	ret = gic_v3_cpu_init(cpu);
	if (ret)
		goto fail_domain;
	ret = gic_ipi_domain_init(gic);
	if (ret)
		goto fail_domain;
	/* MBI (irq-gic-v3-mbi.c): bad mbi-ranges leave the GIC without MBI (logged) */
	if (gic_v3_mbi_init(gic))
		pr_warn("%pOF: MBI not available", node);
	ret = set_handle_irq(gic_handle_irq);
	if (ret)
		goto fail_ipi;
	ret = cpuhp_setup_state_nocalls(CPUHP_AP_IRQ_GIC_STARTING, "irqchip/arm/gicv3:starting",
					gic_starting_cpu, NULL);
	if (ret)
		goto fail_ipi;
	register_syscore_ops(&gic_syscore_ops);
	set_cpu_online(cpu, true);
	pr_info("%pOF: %u SPIs, %u redistributor region(s), %s EOI mode", node,
		gic->irq_nr - GIC_FIRST_SPI, gic->nr_regions,
		gic->split_eoi ? "split" : "combined");
	return 0;

fail_ipi:
	irq_domain_remove(gic->ipi_domain);
	irq_domain_free_fwnode(gic->ipi_fwnode);
fail_domain:
	gic_v3_lpi_remove();
	irq_domain_remove(gic->domain);
fail_node:
	mutex_destroy(&gic->ipi_lock);
fail:
	memset(gic, 0, sizeof(*gic));
	return ret;
}
IRQCHIP_DECLARE(gic_v3, "arm,gic-v3", gic_v3_of_init);
