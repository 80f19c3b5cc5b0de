// SPDX-License-Identifier: MIT
/*
 * The "GICv3" irq_chip: enable/pending/active bits, trigger configuration and
 * routing of SGIs/PPIs (in the current CPU's redistributor SGI_base frame) and
 * SPIs (in the distributor).  The core annotates each callback for the trace.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/irqchip/arm-gic-v3.h>
#include <linux/spinlock.h>

#include "irq-gic-v3-internal.h"

static bool gic_irq_is_banked(struct irq_data *d)
{
	return d->hwirq < GIC_FIRST_SPI;
}

/* frame holding @d's configuration: this CPU's SGI_base for SGI/PPI, else GICD */
static char __iomem *gic_irq_base(struct irq_data *d)
{
	if (d->hwirq >= gic_data.irq_nr) {
		pr_err("domain GICv3: hwirq %lu out of range (max %u)", d->hwirq,
		       gic_data.irq_nr - 1);
		return NULL;
	}
	if (gic_irq_is_banked(d))
		return gic_this_sgi_base();
	return gic_data.dist_base;
}

static int gic_irq_rwp_wait(struct irq_data *d)
{
	if (gic_irq_is_banked(d)) {
		void __iomem *rd = gic_this_rdist();

		return rd ? gic_wait_for_rwp(rd, true) : -ENODEV;
	}
	return gic_dist_wait_for_rwp();
}

/* write @d's bit into the bit-per-INTID register array at @off */
static int gic_poke_irq(struct irq_data *d, u32 off)
{
	char __iomem *base = gic_irq_base(d);

	if (!base)
		return -EINVAL;
	writel(1u << (d->hwirq % 32), base + off + 4 * (d->hwirq / 32));
	return 0;
}

static int gic_peek_irq(struct irq_data *d, u32 off, bool *state)
{
	char __iomem *base = gic_irq_base(d);

	if (!base)
		return -EINVAL;
	*state = (readl(base + off + 4 * (d->hwirq / 32)) >> (d->hwirq % 32)) & 1;
	return 0;
}

static void gic_mask_irq(struct irq_data *d)
{
	/* the disable has taken effect only once RWP reads 0 */
	if (!gic_poke_irq(d, GICD_ICENABLER))
		gic_irq_rwp_wait(d);
}

static void gic_unmask_irq(struct irq_data *d)
{
	gic_poke_irq(d, GICD_ISENABLER);
}

static void gic_eoi_irq(struct irq_data *d)
{
	write_sysreg_s(d->hwirq, SYS_ICC_EOIR1_EL1);
	isb();
}

/* split mode: the priority was dropped at entry, deactivate now */
static void gic_eoimode1_eoi_irq(struct irq_data *d)
{
	if (d->hwirq >= GIC_FIRST_LPI)
		return;
	write_sysreg_s(d->hwirq, SYS_ICC_DIR_EL1);
	isb();
}

/*
 * One ICFGR word holds the trigger of 16 interrupts, so two set_type calls on
 * neighbours must not interleave their read-modify-writes (the kernel's GIC
 * code has one raw spinlock for it).  Non-recursive: nothing called under it
 * may re-enter set_type; the simulated bus never runs a handler inside an
 * access (the platform enters handlers only between its own ticks).
 */
static DEFINE_RAW_SPINLOCK(gic_icfgr_lock);

/* ICFGR's edge bit for @bit: set/clear it, read back.  Returns whether it stuck. */
static bool gic_icfgr_update(char __iomem *reg, u32 bit, bool edge)
{
	unsigned long flags = 0;
	u32 old, val;
	bool ok = true;

	raw_spin_lock_irqsave(&gic_icfgr_lock, flags);
	old = readl(reg);
	val = edge ? old | bit : old & ~bit;
	if (val != old) {
		writel(val, reg);
		ok = (readl(reg) & bit) == (val & bit);
	}
	raw_spin_unlock_irqrestore(&gic_icfgr_lock, flags);
	return ok;
}

static int gic_set_type(struct irq_data *d, unsigned int type)
{
	irq_hw_number_t hw = d->hwirq;
	char __iomem *base, *reg;
	u32 bit;

	type &= IRQ_TYPE_SENSE_MASK;
	if (hw < GIC_NR_SGIS) {
		if (type == IRQ_TYPE_EDGE_RISING)
			return 0;
		pr_err("domain GICv3: SGI %lu is always edge, type 0x%x refused", hw, type);
		return -EINVAL;
	}
	if (type != IRQ_TYPE_LEVEL_HIGH && type != IRQ_TYPE_EDGE_RISING) {
		pr_err("domain GICv3: hwirq %lu: trigger type 0x%x unsupported (level-high or edge-rising only)",
		       hw, type);
		return -EINVAL;
	}
	base = gic_irq_base(d);
	if (!base)
		return -EINVAL;
	reg = base + GICD_ICFGR + 4 * (hw / 16);
	bit = 1u << (2 * (hw % 16) + 1);
	if (gic_icfgr_update(reg, bit, type == IRQ_TYPE_EDGE_RISING))
		return 0;
	if (gic_irq_is_banked(d)) {
		/* a PPI whose trigger is fixed by the implementation: keep going, as Linux does */
		pr_warn("domain GICv3: PPI %lu: trigger type 0x%x did not stick (fixed by hardware)",
			hw, type);
		return 0;
	}
	pr_err("domain GICv3: hwirq %lu: ICFGR did not accept trigger type 0x%x", hw, type);
	return -EINVAL;
}

static int gic_set_affinity(struct irq_data *d, const struct cpumask *mask, bool force)
{
	unsigned int cpu;
	bool enabled;

	if (gic_irq_is_banked(d)) {
		pr_err("domain GICv3: hwirq %lu is per-CPU, it has no affinity", d->hwirq);
		return -EINVAL;
	}
	cpu = force ? cpumask_first(mask) : cpumask_first_and(mask, cpu_online_mask);
	if (cpu >= nr_cpu_ids) {
		pr_err("domain GICv3: hwirq %lu: no %s CPU in affinity mask %*pbl", d->hwirq,
		       force ? "possible" : "online", cpumask_pr_args(mask));
		return -EINVAL;
	}
	if (gic_peek_irq(d, GICD_ISENABLER, &enabled))
		return -EINVAL;
	/* never reroute a live interrupt: disable (and wait) around the IROUTER write */
	if (enabled)
		gic_mask_irq(d);
	writeq(gic_mpidr_to_irouter(cpu_logical_map(cpu)),
	       (char __iomem *)gic_data.dist_base + GICD_IROUTER + 8 * d->hwirq);
	if (enabled)
		gic_unmask_irq(d);
	irq_data_update_effective_affinity(d, cpumask_of(cpu));
	return IRQ_SET_MASK_OK_DONE;
}

static int gic_retrigger(struct irq_data *d)
{
	/* non-zero: the interrupt was made pending again in hardware */
	return gic_poke_irq(d, GICD_ISPENDR) == 0;
}

static int gic_irq_get_irqchip_state(struct irq_data *d, enum irqchip_irq_state which, bool *state)
{
	int ret;

	switch (which) {
	case IRQCHIP_STATE_PENDING:
		return gic_peek_irq(d, GICD_ISPENDR, state);
	case IRQCHIP_STATE_ACTIVE:
		return gic_peek_irq(d, GICD_ISACTIVER, state);
	case IRQCHIP_STATE_MASKED:
		ret = gic_peek_irq(d, GICD_ISENABLER, state);
		*state = !*state;
		return ret;
	default:
		pr_err("domain GICv3: hwirq %lu: irqchip state %d not supported", d->hwirq, which);
		return -EINVAL;
	}
}

static int gic_irq_set_irqchip_state(struct irq_data *d, enum irqchip_irq_state which, bool val)
{
	switch (which) {
	case IRQCHIP_STATE_PENDING:
		return gic_poke_irq(d, val ? GICD_ISPENDR : GICD_ICPENDR);
	case IRQCHIP_STATE_ACTIVE:
		return gic_poke_irq(d, val ? GICD_ISACTIVER : GICD_ICACTIVER);
	case IRQCHIP_STATE_MASKED:
		if (!gic_irq_base(d))
			return -EINVAL;
		if (val)
			gic_mask_irq(d);
		else
			gic_unmask_irq(d);
		return 0;
	default:
		pr_err("domain GICv3: hwirq %lu: irqchip state %d not supported", d->hwirq, which);
		return -EINVAL;
	}
}

#define GIC_CHIP_COMMON                                                                         \
	.name = "GICv3", .irq_mask = gic_mask_irq, .irq_unmask = gic_unmask_irq,                \
	.irq_set_type = gic_set_type, .irq_set_affinity = gic_set_affinity,                     \
	.irq_retrigger = gic_retrigger, .irq_get_irqchip_state = gic_irq_get_irqchip_state,     \
	.irq_set_irqchip_state = gic_irq_set_irqchip_state, .ipi_send_mask = gic_ipi_send_mask, \
	.flags = IRQCHIP_SET_TYPE_MASKED | IRQCHIP_SKIP_SET_WAKE | IRQCHIP_MASK_ON_SUSPEND

struct irq_chip gic_chip = {
	GIC_CHIP_COMMON,
	.irq_eoi = gic_eoi_irq,
};

struct irq_chip gic_eoimode1_chip = {
	GIC_CHIP_COMMON,
	.irq_eoi = gic_eoimode1_eoi_irq,
};
