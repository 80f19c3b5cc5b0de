// SPDX-License-Identifier: MIT
/*
 * Text views of the core state in the spirit of /proc/interrupts and debugfs
 * irq/domains.  Output is deterministic (virqs ascending, sibling domains by
 * name) so tests and the main command can compare it verbatim.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <stdlib.h>
#include <string.h>

#include <linux/interrupt.h>
#include <linux/irqdomain.h>
#include <linux/irqsim_views.h>

#include "internals.h"
#include "internals_chip.h"

/* ---- /proc/interrupts ----------------------------------------------------------------- */

static void print_actions(FILE *out, struct irq_desc *desc)
{
	if (!desc->action) {
		fputs("(chained)", out);
		return;
	}
	for (struct irqaction *a = desc->action; a; a = a->next)
		fprintf(out, "%s%s", a == desc->action ? "" : ", ",
			a->name ? a->name : "(unnamed)");
}

/**
 * irqsim_show_interrupts() - print a /proc/interrupts-like table
 * @out: stream
 * @ncpus: number of CPU columns
 *
 * Header "CPU0 CPU1 ...", then per virq with a handler (requested or
 * chained): "%4u:", a count per CPU, the outermost chip's name and hwirq,
 * Edge/Level, the flow name and the handler names.  Last row: " SPU:" with
 * the spurious count per CPU.
 *
 * Return: nothing.
 */
void irqsim_show_interrupts(FILE *out, unsigned int ncpus)
{
	char col[16];

	fputs("     ", out);
	for (unsigned int cpu = 0; cpu < ncpus; cpu++) {
		snprintf(col, sizeof(col), "CPU%u", cpu);
		fprintf(out, " %10s", col);
	}
	fputc('\n', out);

	for (unsigned int irq = irq_get_next_irq(0); irq; irq = irq_get_next_irq(irq)) {
		struct irq_desc *desc = irq_to_desc(irq);
		const char *flow;

		if (!desc)
			continue;
		raw_spin_lock(&desc->lock);
		if (!desc->action && !(desc->istate & IRQS_CHAINED)) {
			raw_spin_unlock(&desc->lock);
			continue;
		}
		fprintf(out, "%4u:", irq);
		for (unsigned int cpu = 0; cpu < ncpus; cpu++)
			fprintf(out, " %10u", kstat_irqs_cpu(irq, cpu));
		flow = desc->name ? desc->name : irq_flow_handler_name(desc->handle_irq);
		fprintf(out, " %-10s %8lu %-5s %-12s ",
			desc->irq_data.chip && desc->irq_data.chip->name ?
				desc->irq_data.chip->name :
				"none",
			desc->irq_data.hwirq,
			irqd_is_level_type(&desc->irq_data) ? "Level" : "Edge", flow);
		print_actions(out, desc);
		fputc('\n', out);
		raw_spin_unlock(&desc->lock);
	}

	fprintf(out, "%4s:", "SPU");
	for (unsigned int cpu = 0; cpu < ncpus; cpu++)
		fprintf(out, " %10u", irqsim_spurious_count(cpu));
	fputs("   Spurious interrupts\n", out);
}

/* ---- debugfs irq/domains ---------------------------------------------------------------- */

static const char *kind_name(enum irq_domain_kind kind)
{
	switch (kind) {
	case IRQ_DOMAIN_KIND_LINEAR:
		return "linear";
	case IRQ_DOMAIN_KIND_TREE:
		return "tree";
	case IRQ_DOMAIN_KIND_NOMAP:
		return "nomap";
	case IRQ_DOMAIN_KIND_LEGACY:
		return "legacy";
	}
	return "?";
}

static const char *bus_name(enum irq_domain_bus_token t)
{
	static const char *const names[] = {
		[DOMAIN_BUS_ANY] = "ANY",
		[DOMAIN_BUS_WIRED] = "WIRED",
		[DOMAIN_BUS_GENERIC_MSI] = "GENERIC_MSI",
		[DOMAIN_BUS_PCI_MSI] = "PCI_MSI",
		[DOMAIN_BUS_PLATFORM_MSI] = "PLATFORM_MSI",
		[DOMAIN_BUS_NEXUS] = "NEXUS",
		[DOMAIN_BUS_IPI] = "IPI",
		[DOMAIN_BUS_TI_SCI_INTA_MSI] = "TI_SCI_INTA_MSI",
		[DOMAIN_BUS_DEVICE_MSI] = "DEVICE_MSI",
		[DOMAIN_BUS_WAKEUP] = "WAKEUP",
		[DOMAIN_BUS_PCI_DEVICE_MSI] = "PCI_DEVICE_MSI",
		[DOMAIN_BUS_PCI_DEVICE_MSIX] = "PCI_DEVICE_MSIX",
		[DOMAIN_BUS_WIRED_TO_MSI] = "WIRED_TO_MSI",
	};

	if ((unsigned int)t < ARRAY_SIZE(names) && names[t])
		return names[t];
	return "?";
}

static void print_flags(FILE *out, unsigned int flags)
{
	static const struct {
		unsigned int bit;
		const char *name;
	} names[] = {
		{ IRQ_DOMAIN_FLAG_HIERARCHY, "HIERARCHY" },
		{ IRQ_DOMAIN_FLAG_IPI_PER_CPU, "IPI_PER_CPU" },
		{ IRQ_DOMAIN_FLAG_IPI_SINGLE, "IPI_SINGLE" },
		{ IRQ_DOMAIN_FLAG_MSI, "MSI" },
		{ IRQ_DOMAIN_FLAG_ISOLATED_MSI, "ISOLATED_MSI" },
		{ IRQ_DOMAIN_FLAG_NO_MAP, "NO_MAP" },
		{ IRQ_DOMAIN_FLAG_MSI_PARENT, "MSI_PARENT" },
		{ IRQ_DOMAIN_FLAG_MSI_DEVICE, "MSI_DEVICE" },
		{ IRQ_DOMAIN_FLAG_DESTROY_GC, "DESTROY_GC" },
		{ IRQ_DOMAIN_FLAG_MSI_IMMUTABLE, "MSI_IMMUTABLE" },
		{ IRQ_DOMAIN_FLAG_FWNODE_PARENT, "FWNODE_PARENT" },
		{ IRQ_DOMAIN_FLAG_NONCORE, "NONCORE" },
	};
	bool any = false;

	/* NAME_ALLOCATED is bookkeeping, not a property worth showing */
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (flags & names[i].bit) {
			fprintf(out, "%s%s", any ? "|" : "", names[i].name);
			any = true;
		}
	}
	if (!any)
		fputs("none", out);
}

struct chip_range {
	const char *chip;
	irq_hw_number_t min, max;
	unsigned int count;
};

static int cmp_range(const void *a, const void *b)
{
	return strcmp(((const struct chip_range *)a)->chip, ((const struct chip_range *)b)->chip);
}

/* the chips the domain's levels use now, with their hwirq span */
static void print_chip_ranges(FILE *out, struct irq_domain *d, int indent)
{
	struct chip_range *r = NULL;
	size_t n = 0, cap = 0;

	for (unsigned int irq = irq_get_next_irq(0); irq; irq = irq_get_next_irq(irq)) {
		struct irq_desc *desc = irq_to_desc(irq);

		if (!desc)
			continue;
		raw_spin_lock(&desc->lock);
		for (struct irq_data *data = &desc->irq_data; data; data = data->parent_data) {
			const char *chip;
			size_t i;

			if (data->domain != d)
				continue;
			chip = data->chip && data->chip->name ? data->chip->name : "none";
			for (i = 0; i < n && strcmp(r[i].chip, chip); i++)
				;
			if (i == n) {
				if (n == cap) {
					size_t ncap = cap ? cap * 2 : 4;
					struct chip_range *nr = realloc(r, ncap * sizeof(*r));

					if (!nr)
						break;
					r = nr;
					cap = ncap;
				}
				r[n++] = (struct chip_range){ chip, data->hwirq, data->hwirq, 0 };
			}
			if (data->hwirq < r[i].min)
				r[i].min = data->hwirq;
			if (data->hwirq > r[i].max)
				r[i].max = data->hwirq;
			r[i].count++;
		}
		raw_spin_unlock(&desc->lock);
	}
	if (n)
		qsort(r, n, sizeof(*r), cmp_range);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%*s  chip %s: hwirq %lu-%lu (%u)\n", indent, "", r[i].chip, r[i].min,
			r[i].max, r[i].count);
	free(r);
}

/* stable sort by name: equal names keep creation order */
static void sort_domains(struct irq_domain **all, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct irq_domain *d = all[i];
		size_t j = i;

		while (j > 0 && strcmp(all[j - 1]->name ? all[j - 1]->name : "",
				       d->name ? d->name : "") > 0) {
			all[j] = all[j - 1];
			j--;
		}
		all[j] = d;
	}
}

static bool listed(struct irq_domain **all, size_t n, struct irq_domain *d)
{
	for (size_t i = 0; i < n; i++)
		if (all[i] == d)
			return true;
	return false;
}

static void print_domain(FILE *out, struct irq_domain **all, size_t n, struct irq_domain *d,
			 int depth)
{
	int indent = 2 * depth;

	fprintf(out, "%*s%s: %s size=%lu mapped=%u flags=", indent, "",
		d->name ? d->name : "(null)", kind_name(d->kind),
		d->kind == IRQ_DOMAIN_KIND_NOMAP ? (unsigned long)d->hwirq_max :
						   (unsigned long)d->revmap_size,
		d->mapcount);
	print_flags(out, d->flags);
	fprintf(out, " bus=%s\n", bus_name(d->bus_token));
	print_chip_ranges(out, d, indent);
	/* all is sorted by name, so children come out sorted too */
	for (size_t i = 0; i < n; i++)
		if (all[i]->parent == d && all[i] != d)
			print_domain(out, all, n, all[i], depth + 1);
}

/**
 * irqsim_show_domains() - print the domain hierarchy as an indented tree
 * @out: stream
 *
 * Roots first (by name), each followed by its children indented by two
 * spaces.  A domain line: "name: kind size=N mapped=N flags=A|B bus=TOKEN";
 * below it one "chip NAME: hwirq MIN-MAX (COUNT)" line per chip its levels
 * currently use.
 *
 * Return: nothing.
 */
void irqsim_show_domains(FILE *out)
{
	struct irq_domain **all = NULL, *d;
	size_t n = 0, cap = 0;

	for (d = irq_domain_next(NULL); d; d = irq_domain_next(d)) {
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct irq_domain **na = realloc(all, ncap * sizeof(*all));

			if (!na) {
				pr_err("show_domains: out of memory");
				free(all);
				return;
			}
			all = na;
			cap = ncap;
		}
		all[n++] = d;
	}
	sort_domains(all, n);
	for (size_t i = 0; i < n; i++)
		if (!all[i]->parent || !listed(all, n, all[i]->parent))
			print_domain(out, all, n, all[i], 0);
	free(all);
}
