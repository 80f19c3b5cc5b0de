/* SPDX-License-Identifier: MIT */
/*
 * irq_desc: the per-virq descriptor, and the sparse virq number space.
 *
 * virqs are allocated from a sparse space of IRQ_MAX_VIRQS numbers (virq 0 is
 * never used: it means "no interrupt").  Ranges are consecutive, as Multi-MSI
 * and per-CPU IPIs need.
 */
#ifndef IRQSIM_IRQDESC_H
#define IRQSIM_IRQDESC_H

#include <linux/irq.h>
#include <linux/irqsim_lock.h>

#ifdef __cplusplus
extern "C" {
#endif

#define IRQ_MAX_VIRQS (1u << 21)

struct irqaction;

struct irq_desc {
	struct irq_common_data irq_common_data;
	struct irq_data irq_data; /* outermost level; its parent_data chain follows */
	unsigned int *kstat_irqs; /* per-CPU handled count [nr_cpu_ids] */
	irq_flow_handler_t handle_irq;
	struct irqaction *action;	   /* list of handlers (shared irqs chain via ->next) */
	unsigned int status_use_accessors; /* IRQ_* settings (irq.h) */
	unsigned int istate;		   /* IRQS_* core-internal state */
	unsigned int depth;		   /* nested disable_irq depth */
	unsigned int tot_count;		   /* all handled entries (any CPU) */
	/* spurious/unhandled accounting (note_interrupt) */
	unsigned int irq_count;
	unsigned int irqs_unhandled;
	unsigned int spurious_disabled; /* 1 once the core disabled it as unhandled */
	raw_spinlock_t lock;		/* protects all of the above */
	struct cpumask *percpu_enabled; /* per-CPU devid irqs: CPUs where enabled */
	const char *name;		/* flow name override ("edge", "fasteoi"...) */
	const char *dev_name;		/* name of the first action, for views */
};

/* core-internal state bits (istate) */
enum {
	IRQS_AUTODETECT = BIT(0),
	IRQS_SPURIOUS_DISABLED = BIT(1),
	IRQS_POLL_INPROGRESS = BIT(3),
	IRQS_ONESHOT = BIT(5),
	IRQS_REPLAY = BIT(6),
	IRQS_WAITING = BIT(7),
	IRQS_PENDING = BIT(9),
	IRQS_SUSPENDED = BIT(11),
	IRQS_NMI = BIT(13),
};

struct irq_desc *irq_to_desc(unsigned int irq);
/* the descriptor of any level's irq_data (every level shares the desc's common data) */
static inline struct irq_desc *irq_data_to_desc(struct irq_data *data)
{
	return container_of(data->common, struct irq_desc, irq_common_data);
}
/*
 * Change the flow handler from a chip callback that already holds the
 * descriptor's lock (irq_set_type switching edge/level flow, as upstream).
 */
static inline void irq_set_handler_locked(struct irq_data *data, irq_flow_handler_t handler)
{
	irq_data_to_desc(data)->handle_irq = handler;
}
static inline void irq_set_chip_handler_name_locked(struct irq_data *data,
						    const struct irq_chip *chip,
						    irq_flow_handler_t handler, const char *name)
{
	struct irq_desc *desc = irq_data_to_desc(data);

	desc->handle_irq = handler;
	desc->name = name;
	data->chip = (struct irq_chip *)chip;
}
static inline struct irq_data *irq_desc_get_irq_data(struct irq_desc *desc)
{
	return &desc->irq_data;
}
static inline struct irq_chip *irq_desc_get_chip(struct irq_desc *desc)
{
	return desc->irq_data.chip;
}
static inline void *irq_desc_get_handler_data(struct irq_desc *desc)
{
	return desc->irq_common_data.handler_data;
}
static inline unsigned int irq_desc_get_irq(struct irq_desc *desc)
{
	return desc->irq_data.irq;
}
static inline void *irq_desc_get_chip_data(struct irq_desc *desc)
{
	return desc->irq_data.chip_data;
}

/*
 * Allocate cnt consecutive descriptors.  irq >= 0 asks for exactly that number
 * (-EEXIST if taken); irq < 0 searches from 'from'.  Returns the first virq or a
 * negative errno (-ENOMEM when the space is full, -EINVAL for cnt == 0).
 */
int __irq_alloc_descs(int irq, unsigned int from, unsigned int cnt, int node,
		      const struct cpumask *affinity);
#define irq_alloc_descs(irq, from, cnt, node) __irq_alloc_descs(irq, from, cnt, node, NULL)
#define irq_alloc_desc(node) irq_alloc_descs(-1, 1, 1, node)
void irq_free_descs(unsigned int irq, unsigned int cnt);
static inline void irq_free_desc(unsigned int irq)
{
	irq_free_descs(irq, 1);
}
/* number of allocated descriptors (leak checks in tests) */
unsigned int irq_get_nr_allocated(void);
/* iterate allocated virqs in order: returns next allocated virq > from, 0 if none */
unsigned int irq_get_next_irq(unsigned int from);

/* run the flow handler of a virq / of (domain, hwirq) on the current CPU */
int generic_handle_irq(unsigned int irq);
int generic_handle_irq_desc(struct irq_desc *desc);
int generic_handle_domain_irq(struct irq_domain *domain, irq_hw_number_t hwirq);

/* per-CPU count of handled interrupts */
unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu);
unsigned int kstat_irqs(unsigned int irq);

/* interrupts that arrived with no mapping / spurious IAR reads, per CPU */
void irqsim_count_spurious(unsigned int cpu);
unsigned int irqsim_spurious_count(unsigned int cpu);

/*
 * Reset the whole core to power-on state (all domains, descs, counters).
 * For tests: fails with -EBUSY (and frees nothing) if any virq is still requested.
 */
int irqsim_core_reset(void);

/*
 * Register @fn to run from irqsim_core_reset() (after the "nothing requested"
 * check, before domains and descs are torn down), so a file with global state can
 * clear it.  Registering the same function again is a no-op; hooks survive
 * resets (register once, e.g. on first use).
 */
void irqsim_register_reset_hook(void (*fn)(void));

#ifdef __cplusplus
}
#endif
#endif
