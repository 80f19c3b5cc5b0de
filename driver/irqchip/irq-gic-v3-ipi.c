// SPDX-License-Identifier: MIT
/*
 * GICv3 SGIs as IPIs: generation through ICC_SGI1R_EL1, and the "GICv3-IPI"
 * domain that hands SGIs out through irq_reserve_ipi().
 *
 * SGIs 0..7 are left to the kernel's own IPIs (as on arm64); the IPI domain
 * allocates from 8..15 (GIC_V3_IPI_FIRST_SGI..).  It is an IPI_SINGLE domain:
 * one SGI per reservation, the target CPUs are chosen at send time.
 *
 * The coprocessor PE is a possible CPU that never comes online: an IPI
 * reserved for it can be sent (ipi_send_single/mask, ipi_get_hwirq tells the
 * coprocessor which SGI to expect), but a reservation none of whose CPUs is
 * online refuses request_percpu_irq() (there is no CPU here to handle it).
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/irqchip/arm-gic-v3.h>

#include "irq-gic-v3-internal.h"

/* SGI1R for the CPUs of one cluster (same Aff3.Aff2.Aff1 and range selector) */
static u64 gic_sgi1r(u64 cluster_mpidr, u16 tlist, unsigned int sgi)
{
	return (u64)MPIDR_AFFINITY_LEVEL(cluster_mpidr, 3) << ICC_SGI1R_AFFINITY_3_SHIFT |
	       (u64)MPIDR_AFFINITY_LEVEL(cluster_mpidr, 2) << ICC_SGI1R_AFFINITY_2_SHIFT |
	       (u64)(MPIDR_AFFINITY_LEVEL(cluster_mpidr, 0) >> 4) << ICC_SGI1R_RS_SHIFT |
	       (u64)sgi << ICC_SGI1R_SGI_ID_SHIFT |
	       (u64)MPIDR_AFFINITY_LEVEL(cluster_mpidr, 1) << ICC_SGI1R_AFFINITY_1_SHIFT | tlist;
}

/* strip Aff0[3:0]: CPUs with equal keys share one SGI1R write */
static u64 gic_cluster_key(u64 mpidr)
{
	return mpidr & 0xff00fffff0ULL;
}

void gic_ipi_send_mask(struct irq_data *d, const struct cpumask *mask)
{
	struct cpumask todo;
	unsigned int cpu;

	if (d->hwirq >= GIC_NR_SGIS) {
		pr_err("domain GICv3: hwirq %lu is not an SGI, cannot send it as an IPI", d->hwirq);
		return;
	}
	cpumask_copy(&todo, mask);
	/* SGIs must observe earlier normal-memory writes of the sender */
	dsb(ishst);
	for_each_cpu(cpu, &todo) {
		u64 key;
		u16 tlist = 0;
		unsigned int c;

		if (cpu >= nr_cpu_ids) {
			pr_err("domain GICv3: IPI %lu to impossible CPU%u dropped", d->hwirq, cpu);
			cpumask_clear_cpu(cpu, &todo);
			continue;
		}
		key = gic_cluster_key(cpu_logical_map(cpu));
		for (c = cpu; c < nr_cpu_ids; c = cpumask_next((int)c, &todo)) {
			u64 mpidr = cpu_logical_map(c);

			if (gic_cluster_key(mpidr) != key)
				continue;
			tlist |= (u16)(1u << (MPIDR_AFFINITY_LEVEL(mpidr, 0) & 0xf));
			cpumask_clear_cpu(c, &todo);
		}
		write_sysreg_s(gic_sgi1r(key, tlist, (unsigned int)d->hwirq), SYS_ICC_SGI1R_EL1);
	}
	isb();
}

/* ---- the IPI domain ------------------------------------------------------------ */

static int gic_ipi_request_resources(struct irq_data *d)
{
	const struct cpumask *dest = irq_data_get_affinity_mask(d);

	if (!cpumask_intersects(dest, cpu_online_mask)) {
		pr_err("domain GICv3-IPI: virq %u (SGI %lu) targets only CPUs %*pbl, none online: not requestable",
		       d->irq, d->hwirq, cpumask_pr_args(dest));
		return -EPERM;
	}
	return irq_chip_request_resources_parent(d);
}

static void gic_ipi_chip_send_mask(struct irq_data *d, const struct cpumask *mask)
{
	struct irq_data *parent = d->parent_data;

	if (parent && parent->chip && parent->chip->ipi_send_mask)
		parent->chip->ipi_send_mask(parent, mask);
}

static struct irq_chip gic_ipi_chip = {
	.name = "GICv3-IPI",
	.irq_mask = irq_chip_mask_parent,
	.irq_unmask = irq_chip_unmask_parent,
	.irq_eoi = irq_chip_eoi_parent,
	.irq_set_type = irq_chip_set_type_parent,
	.irq_request_resources = gic_ipi_request_resources,
	.irq_release_resources = irq_chip_release_resources_parent,
	.ipi_send_mask = gic_ipi_chip_send_mask,
	.flags = IRQCHIP_SKIP_SET_WAKE | IRQCHIP_MASK_ON_SUSPEND,
};

static int gic_ipi_take_sgi(struct gic_chip_data *gic)
{
	int sgi = -ENOSPC;

	mutex_lock(&gic->ipi_lock);
	for (unsigned int s = GIC_V3_IPI_FIRST_SGI; s < GIC_V3_IPI_FIRST_SGI + GIC_V3_IPI_NR_SGIS;
	     s++) {
		if (!(gic->sgi_used & (1u << s))) {
			gic->sgi_used |= (u16)(1u << s);
			sgi = (int)s;
			break;
		}
	}
	mutex_unlock(&gic->ipi_lock);
	return sgi;
}

static void gic_ipi_put_sgi(struct gic_chip_data *gic, irq_hw_number_t sgi)
{
	mutex_lock(&gic->ipi_lock);
	gic->sgi_used &= (u16) ~(1u << sgi);
	mutex_unlock(&gic->ipi_lock);
}

static void gic_ipi_domain_free(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs)
{
	struct gic_chip_data *gic = d->host_data;

	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *data = irq_domain_get_irq_data(d, virq + i);

		if (!data || data->chip != &gic_ipi_chip)
			continue;
		gic_ipi_put_sgi(gic, data->hwirq);
		irq_domain_reset_irq_data(data);
	}
	irq_domain_free_irqs_parent(d, virq, nr_irqs);
}

static int gic_ipi_domain_alloc(struct irq_domain *d, unsigned int virq, unsigned int nr_irqs,
				void *arg)
{
	struct gic_chip_data *gic = d->host_data;
	unsigned int i;
	int ret = 0;

	(void)arg; /* the target mask: IPI_SINGLE, any SGI reaches any CPU */
	for (i = 0; i < nr_irqs; i++) {
		struct irq_fwspec fwspec = { .fwnode = gic->domain->fwnode, .param_count = 1 };
		int sgi = gic_ipi_take_sgi(gic);

		if (sgi < 0) {
			pr_err("domain %s: all %d IPI SGIs (%d..%d) are reserved", d->name,
			       GIC_V3_IPI_NR_SGIS, GIC_V3_IPI_FIRST_SGI,
			       GIC_V3_IPI_FIRST_SGI + GIC_V3_IPI_NR_SGIS - 1);
			ret = sgi;
			break;
		}
		fwspec.param[0] = (u32)sgi;
		ret = irq_domain_alloc_irqs_parent(d, virq + i, 1, &fwspec);
		if (ret) {
			gic_ipi_put_sgi(gic, (irq_hw_number_t)sgi);
			break;
		}
		irq_domain_set_hwirq_and_chip(d, virq + i, (irq_hw_number_t)sgi, &gic_ipi_chip,
					      gic);
	}
	if (ret && i)
		gic_ipi_domain_free(d, virq, i);
	return ret;
}

static const struct irq_domain_ops gic_ipi_domain_ops = {
	.alloc = gic_ipi_domain_alloc,
	.free = gic_ipi_domain_free,
};

int gic_ipi_domain_init(struct gic_chip_data *gic)
{
	gic->ipi_fwnode = irq_domain_alloc_named_fwnode("GICv3-IPI");
	if (!gic->ipi_fwnode)
		return -ENOMEM;
	gic->ipi_domain = irq_domain_create_hierarchy(gic->domain, IRQ_DOMAIN_FLAG_IPI_SINGLE,
						      GIC_NR_SGIS, gic->ipi_fwnode,
						      &gic_ipi_domain_ops, gic);
	if (!gic->ipi_domain) {
		irq_domain_free_fwnode(gic->ipi_fwnode);
		gic->ipi_fwnode = NULL;
		return -ENOMEM;
	}
	irq_domain_update_bus_token(gic->ipi_domain, DOMAIN_BUS_IPI);
	return 0;
}
