/* SPDX-License-Identifier: MIT */
/*
 * Core-private declarations shared by the files of driver/core/ (never
 * included by irqchip drivers or tests).  Owned by irqdesc.c / irqdomain*.c /
 * revmap.c; other core files have their own private headers.
 */
#ifndef IRQSIM_CORE_INTERNALS_H
#define IRQSIM_CORE_INTERNALS_H

#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#define NUMA_NO_NODE (-1)

/* ---- descriptors (irqdesc.c) ------------------------------------------------ */
/* count one handled interrupt on the current CPU (bounds-checked kstat) */
void irqsim_kstat_inc(struct irq_desc *desc);
/* free the calloc'd ancestor levels hanging off @d->parent_data; sets it NULL */
void irq_data_free_parent_chain(struct irq_data *d);
/* a flow handler is being entered on this thread (arch.c's spurious-entry check) */
void irqsim_note_flow_entered(void);

/* the calling thread's operation annotation cleared (io.c; at the core reset) */
void irqsim_annotation_forget(void);

/* ---- domains (irqdomain.c) -------------------------------------------------- */
/* tear down every domain regardless of mappings (reset only: descs already gone) */
void irq_domain_remove_all(void);
/* free every fwnode from irq_domain_alloc_named_fwnode() (reset only) */
void irq_domain_free_all_fwnodes(void);
/* mapping creation with the root mutex already held */
unsigned int irq_create_mapping_locked(struct irq_domain *d, irq_hw_number_t hwirq,
				       const struct cpumask *affinity);
int irq_domain_associate_locked(struct irq_domain *d, unsigned int virq, irq_hw_number_t hwirq);
/* hierarchy allocation with the root mutex already held (irqdomain_hierarchy.c) */
int irq_domain_alloc_irqs_locked(struct irq_domain *d, int irq_base, unsigned int nr_irqs, int node,
				 void *arg, bool realloc, const struct cpumask *affinity);
/* the name used in log lines ("(null domain)" for NULL) */
const char *irq_domain_log_name(const struct irq_domain *d);

/* ---- reverse map (revmap.c) ------------------------------------------------- */
/*
 * hwirq -> irq_data of one domain: the linear array below revmap_size, a radix
 * tree above.  Writers hold the domain's root mutex; readers (the interrupt
 * path) take only the tree's read lock, or nothing for the linear part.
 */
struct irq_revmap_tree *irq_revmap_tree_create(void);
void irq_revmap_tree_destroy(struct irq_revmap_tree *t);
size_t irq_revmap_tree_count(struct irq_revmap_tree *t);

struct irq_data *irq_domain_revmap_lookup(struct irq_domain *d, irq_hw_number_t hwirq);
/* store @data at @hwirq (overwrites); -ENOMEM if a tree node cannot be allocated */
int irq_domain_revmap_set(struct irq_domain *d, irq_hw_number_t hwirq, struct irq_data *data);
/* clear @hwirq only if it still points at @data (so a stale entry never removes a live one) */
void irq_domain_revmap_clear(struct irq_domain *d, irq_hw_number_t hwirq, struct irq_data *data);
/* number of entries (linear + tree) */
size_t irq_domain_revmap_count(struct irq_domain *d);

#endif /* IRQSIM_CORE_INTERNALS_H */
