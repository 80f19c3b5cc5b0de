// SPDX-License-Identifier: MIT
/*
 * IPIs through an IPI domain (the kernel/irq/ipi.c model).
 *
 * A reservation covers a set of target CPUs.  In an IPI_PER_CPU domain every
 * target CPU has its own hwirq, hence its own virq: the reservation is
 * weight(dest) consecutive virqs, virq base + (cpu - ipi_offset) for cpu.  In
 * an IPI_SINGLE domain one hwirq serves all CPUs (the chip's send op picks
 * the targets, like a GIC SGI target list): one virq.  Every virq of a
 * reservation carries the whole target mask as its affinity and the first CPU
 * as ipi_offset.
 *
 * Sends take no lock: the reservation is fixed between reserve and destroy,
 * and the chip's send callbacks must be safe from any context.
 */
#define pr_fmt(fmt) "irq: " fmt

#include "internals.h"

#include <linux/irqdesc.h>

static const char *ipi_dom_name(struct irq_domain *d)
{
	return d && d->name ? d->name : "(null domain)";
}

/* PER_CPU reservations must be one run of CPUs: first .. first + weight - 1 */
static bool cpumask_is_contiguous(const struct cpumask *m)
{
	unsigned int first = cpumask_first(m), w = cpumask_weight(m);

	for (unsigned int cpu = first; cpu < first + w; cpu++)
		if (!cpumask_test_cpu(cpu, m))
			return false;
	return true;
}

/**
 * irq_reserve_ipi() - reserve IPI virqs for a set of target CPUs
 * @domain: an IPI domain (IRQ_DOMAIN_FLAG_IPI_PER_CPU or IRQ_DOMAIN_FLAG_IPI_SINGLE)
 * @dest: target CPUs: non-empty, possible CPUs only; contiguous for PER_CPU
 *
 * The domain's alloc receives @dest as its arg.
 *
 * Return: the first virq of the reservation, or -EINVAL (logged) for a bad
 * domain or mask, or the allocation's error.
 */
int irq_reserve_ipi(struct irq_domain *domain, const struct cpumask *dest)
{
	unsigned int nr, offset;
	char buf[64];
	int virq;

	if (!domain || !irq_domain_is_ipi(domain)) {
		pr_err("domain %s: not an IPI domain, cannot reserve an IPI", ipi_dom_name(domain));
		return -EINVAL;
	}
	if (!dest || cpumask_empty(dest)) {
		pr_err("domain %s: IPI reservation with an empty CPU mask", ipi_dom_name(domain));
		return -EINVAL;
	}
	if (!cpumask_subset(dest, cpu_possible_mask)) {
		pr_err("domain %s: IPI mask %s contains impossible CPUs", ipi_dom_name(domain),
		       cpumask_print(dest, buf, sizeof(buf)));
		return -EINVAL;
	}
	offset = cpumask_first(dest);
	if (irq_domain_is_ipi_single(domain)) {
		nr = 1;
	} else {
		if (!cpumask_is_contiguous(dest)) {
			pr_err("domain %s: per-CPU IPI mask %s is not contiguous",
			       ipi_dom_name(domain), cpumask_print(dest, buf, sizeof(buf)));
			return -EINVAL;
		}
		nr = cpumask_weight(dest);
	}

	virq = __irq_domain_alloc_irqs(domain, -1, nr, NUMA_NO_NODE, (void *)dest, false, NULL);
	if (virq <= 0) {
		pr_err("domain %s: cannot reserve IPI for CPUs %s (%d)", ipi_dom_name(domain),
		       cpumask_print(dest, buf, sizeof(buf)), virq);
		return virq < 0 ? virq : -ENOSPC;
	}
	for (unsigned int i = 0; i < nr; i++) {
		struct irq_desc *desc = irq_to_desc((unsigned int)virq + i);

		raw_spin_lock(&desc->lock);
		cpumask_copy(&desc->irq_common_data.affinity, dest);
		cpumask_copy(&desc->irq_common_data.effective_affinity, dest);
		desc->irq_common_data.ipi_offset = offset;
		desc->irq_common_data.state_use_accessors |= IRQD_NO_BALANCING;
		desc->status_use_accessors |= IRQ_NO_BALANCING;
		raw_spin_unlock(&desc->lock);
	}
	return virq;
}

/**
 * irq_destroy_ipi() - free (part of) an IPI reservation
 * @irq: the first virq of the reservation (what irq_reserve_ipi returned)
 * @dest: the CPUs to release: a subset of the reservation; contiguous for PER_CPU
 *
 * PER_CPU: frees the virqs of the CPUs in @dest and removes those CPUs from
 * the masks of the virqs that remain, so later sends to them are rejected.
 * SINGLE: frees the one virq.
 *
 * Return: 0, or -EINVAL (logged) for an unknown or non-IPI virq or a bad mask.
 */
int irq_destroy_ipi(unsigned int irq, const struct cpumask *dest)
{
	struct irq_data *data = irq_get_irq_data(irq);
	struct cpumask remaining;
	unsigned int first, nr;
	char buf[64], rbuf[64];

	if (!data || !data->domain || !irq_domain_is_ipi(data->domain)) {
		pr_err("virq %u: not an IPI, cannot destroy it", irq);
		return -EINVAL;
	}
	if (!dest || cpumask_empty(dest) ||
	    !cpumask_subset(dest, irq_data_get_affinity_mask(data))) {
		pr_err("IPI virq %u: destroy mask %s is not a subset of the reservation %s", irq,
		       dest ? cpumask_print(dest, buf, sizeof(buf)) : "(null)",
		       cpumask_print(irq_data_get_affinity_mask(data), rbuf, sizeof(rbuf)));
		return -EINVAL;
	}
	if (irq_domain_is_ipi_single(data->domain)) {
		irq_domain_free_irqs(irq, 1);
		return 0;
	}
	if (!cpumask_is_contiguous(dest)) {
		pr_err("IPI virq %u: destroy mask %s is not contiguous", irq,
		       cpumask_print(dest, buf, sizeof(buf)));
		return -EINVAL;
	}
	first = irq + cpumask_first(dest) - data->common->ipi_offset;
	nr = cpumask_weight(dest);
	for (unsigned int i = 0; i < nr; i++) {
		if (!irq_get_irq_data(first + i)) {
			pr_err("IPI virq %u: CPU %u already released", irq,
			       cpumask_first(dest) + i);
			return -EINVAL;
		}
	}

	/* the survivors of the reservation forget the released CPUs */
	cpumask_copy(&remaining, irq_data_get_affinity_mask(data));
	for (unsigned int cpu = cpumask_first(dest); cpu < cpumask_first(dest) + nr; cpu++)
		cpumask_clear_cpu(cpu, &remaining);
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned int v = irq + cpu - data->common->ipi_offset;
		struct irq_desc *desc;

		if (!cpumask_test_cpu(cpu, &remaining) || !(desc = irq_to_desc(v)))
			continue;
		raw_spin_lock(&desc->lock);
		cpumask_copy(&desc->irq_common_data.affinity, &remaining);
		cpumask_copy(&desc->irq_common_data.effective_affinity, &remaining);
		raw_spin_unlock(&desc->lock);
	}
	irq_domain_free_irqs(first, nr);
	return 0;
}

/**
 * ipi_get_hwirq() - the hwirq that signals an IPI on one CPU
 * @irq: a virq of the reservation
 * @cpu: target CPU
 *
 * For telling a coprocessor which hwirq to raise.
 *
 * Return: the hwirq, or INVALID_HWIRQ if @irq is not an IPI or @cpu is not
 * in its reservation.
 */
irq_hw_number_t ipi_get_hwirq(unsigned int irq, unsigned int cpu)
{
	struct irq_data *data = irq_get_irq_data(irq);

	if (!data || !data->domain || !irq_domain_is_ipi(data->domain) || cpu >= nr_cpu_ids ||
	    !cpumask_test_cpu(cpu, irq_data_get_affinity_mask(data)))
		return INVALID_HWIRQ;
	if (irq_domain_is_ipi_per_cpu(data->domain)) {
		data = irq_get_irq_data(irq + cpu - data->common->ipi_offset);
		if (!data)
			return INVALID_HWIRQ;
	}
	return irqd_to_hwirq(data);
}

/* checks of the validated entry points; @dest NULL means "just @cpu" */
static int ipi_send_verify(unsigned int virq, struct irq_data *data, const struct cpumask *dest,
			   unsigned int cpu)
{
	const struct irq_chip *chip = data ? data->chip : NULL;
	const struct cpumask *ipimask;
	char buf[64], rbuf[64];

	if (!data || !data->domain || !irq_domain_is_ipi(data->domain)) {
		pr_err("virq %u: not an IPI, cannot send it", virq);
		return -EINVAL;
	}
	if (!chip || (!chip->ipi_send_single && !chip->ipi_send_mask)) {
		pr_err("IPI virq %u: chip %s has no IPI send operation", virq,
		       chip && chip->name ? chip->name : "(none)");
		return -EINVAL;
	}
	ipimask = irq_data_get_affinity_mask(data);
	if (dest) {
		struct cpumask outside;

		if (cpumask_empty(dest)) {
			pr_err("IPI virq %u: send to an empty CPU mask", virq);
			return -EINVAL;
		}
		cpumask_copy(&outside, dest);
		for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
			outside.bits[i] &= ~ipimask->bits[i];
		if (!cpumask_empty(&outside)) {
			pr_err("IPI virq %u: CPUs %s outside the reservation (%s)", virq,
			       cpumask_print(&outside, buf, sizeof(buf)),
			       cpumask_print(ipimask, rbuf, sizeof(rbuf)));
			return -EINVAL;
		}
	} else if (cpu >= nr_cpu_ids || !cpumask_test_cpu(cpu, ipimask)) {
		pr_err("IPI virq %u: CPU %u outside the reservation (%s)", virq, cpu,
		       cpumask_print(ipimask, rbuf, sizeof(rbuf)));
		return -EINVAL;
	}
	return 0;
}

/* the irq_data that stands for @cpu: its own virq in a PER_CPU domain */
static struct irq_data *ipi_cpu_data(struct irq_data *data, unsigned int cpu)
{
	if (irq_domain_is_ipi_per_cpu(data->domain)) {
		struct irq_data *d = irq_get_irq_data(data->irq + cpu - data->common->ipi_offset);

		return d ? d : data;
	}
	return data;
}

/**
 * __ipi_send_single() - send an IPI to one CPU, without validation
 * @desc: descriptor of a virq of the reservation
 * @cpu: target CPU (the caller guarantees it is in the reservation)
 *
 * Uses the chip's ipi_send_single, or its ipi_send_mask with a one-CPU mask.
 *
 * Return: 0, or -EINVAL if the virq has no chip able to send.
 */
int __ipi_send_single(struct irq_desc *desc, unsigned int cpu)
{
	struct irq_data *data = &desc->irq_data;
	struct irq_chip *chip = data->chip;

	if (unlikely(!chip || (!chip->ipi_send_single && !chip->ipi_send_mask)))
		return -EINVAL;
	if (!chip->ipi_send_single) {
		irq_chip_annotate(data, "ipi_send_mask");
		chip->ipi_send_mask(data, cpumask_of(cpu));
		return 0;
	}
	data = ipi_cpu_data(data, cpu);
	irq_chip_annotate(data, "ipi_send_single");
	chip->ipi_send_single(data, cpu);
	return 0;
}

/**
 * __ipi_send_mask() - send an IPI to a set of CPUs, without validation
 * @desc: descriptor of a virq of the reservation
 * @dest: targets (the caller guarantees they are in the reservation)
 *
 * One ipi_send_mask call if the chip has it, else ipi_send_single per CPU
 * (with each CPU's own irq_data in a PER_CPU domain).
 *
 * Return: 0, or -EINVAL if the virq has no chip able to send.
 */
int __ipi_send_mask(struct irq_desc *desc, const struct cpumask *dest)
{
	struct irq_data *data = &desc->irq_data;
	struct irq_chip *chip = data->chip;
	unsigned int cpu;

	if (unlikely(!chip || (!chip->ipi_send_single && !chip->ipi_send_mask)))
		return -EINVAL;
	if (chip->ipi_send_mask) {
		irq_chip_annotate(data, "ipi_send_mask");
		chip->ipi_send_mask(data, dest);
		return 0;
	}
	for_each_cpu(cpu, dest) {
		struct irq_data *d = ipi_cpu_data(data, cpu);

		irq_chip_annotate(d, "ipi_send_single");
		chip->ipi_send_single(d, cpu);
	}
	return 0;
}

/**
 * ipi_send_single() - send an IPI to one CPU
 * @virq: a virq of an IPI reservation
 * @cpu: target CPU
 *
 * Return: 0, or -EINVAL (logged): not an IPI, chip cannot send, CPU outside
 * the reservation.
 */
int ipi_send_single(unsigned int virq, unsigned int cpu)
{
	struct irq_desc *desc = irq_to_desc(virq);
	int ret = ipi_send_verify(virq, desc ? &desc->irq_data : NULL, NULL, cpu);

	return ret ? ret : __ipi_send_single(desc, cpu);
}

/**
 * ipi_send_mask() - send an IPI to a set of CPUs
 * @virq: a virq of an IPI reservation
 * @dest: target CPUs, all in the reservation
 *
 * Return: 0, or -EINVAL (logged): not an IPI, chip cannot send, empty mask,
 * CPUs outside the reservation (named in the log line).
 */
int ipi_send_mask(unsigned int virq, const struct cpumask *dest)
{
	struct irq_desc *desc = irq_to_desc(virq);
	int ret;

	if (!dest) {
		pr_err("IPI virq %u: send with no CPU mask", virq);
		return -EINVAL;
	}
	ret = ipi_send_verify(virq, desc ? &desc->irq_data : NULL, dest, 0);
	return ret ? ret : __ipi_send_mask(desc, dest);
}
