// SPDX-License-Identifier: MIT
/*
 * irq_desc allocation in a sparse virq space, per-CPU statistics, the generic
 * handle entry points, lookups by virq and the whole-core reset.
 *
 * The space of IRQ_MAX_VIRQS numbers is split into chunks of VIRQ_CHUNK virqs.
 * A chunk (a used-bitmap plus the desc pointers) exists only once a virq in it
 * has been allocated, so memory follows use, not the size of the space.
 * Allocation, free and reset serialise on sparse_lock; irq_to_desc() is
 * lock-free (acquire loads of pointers published with release stores; chunks
 * are only freed by reset).
 */
#define pr_fmt(fmt) "irq: " fmt

#include <stdlib.h>
#include <string.h>

#include <linux/cpumask.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/syscore_ops.h>

#include "dd_internal.h"
#include "internals.h"

#define VIRQ_CHUNK_SHIFT 10
#define VIRQ_CHUNK (1u << VIRQ_CHUNK_SHIFT)
#define VIRQ_NR_CHUNKS (IRQ_MAX_VIRQS / VIRQ_CHUNK)

struct virq_chunk {
	struct irq_desc *desc[VIRQ_CHUNK];
	u64 used[VIRQ_CHUNK / 64];
	unsigned int nused;
};

/* the desc and the size of its kstat array, so kstat access is bounds-checked */
struct irq_desc_alloc {
	struct irq_desc desc;
	unsigned int nr_kstat;
};

static struct virq_chunk *chunks[VIRQ_NR_CHUNKS];
static pthread_mutex_t sparse_lock = PTHREAD_MUTEX_INITIALIZER;
static unsigned int nr_allocated;
/* every virq below this is allocated: searches start here */
static unsigned int lowest_free = 1;
static unsigned int spurious_count[NR_CPUS];

#define MAX_RESET_HOOKS 32
static void (*reset_hooks[MAX_RESET_HOOKS])(void);
static unsigned int nr_reset_hooks;

/* ---- the used-virq bitmap ------------------------------------------------------ */

/* first virq in [v, limit) of the wanted state (used or free); >= limit if none */
static unsigned int virq_next_below(unsigned int v, bool want_used, unsigned int limit)
{
	while (v < limit) {
		struct virq_chunk *c = chunks[v >> VIRQ_CHUNK_SHIFT];
		unsigned int base = v & ~(VIRQ_CHUNK - 1);

		/* whole chunks of the wrong state are skipped at once */
		if (!c || c->nused == 0) {
			if (!want_used)
				return v;
			v = base + VIRQ_CHUNK;
			continue;
		}
		if (c->nused == VIRQ_CHUNK) {
			if (want_used)
				return v;
			v = base + VIRQ_CHUNK;
			continue;
		}
		for (unsigned int i = v - base; i < VIRQ_CHUNK;) {
			u64 w = c->used[i / 64];

			if (!want_used)
				w = ~w;
			w &= ~0ull << (i % 64);
			if (w)
				return base + (i & ~63u) + (unsigned int)__builtin_ctzll(w);
			i = (i & ~63u) + 64;
		}
		v = base + VIRQ_CHUNK;
	}
	return limit;
}

static unsigned int virq_next(unsigned int v, bool want_used)
{
	return virq_next_below(v, want_used, IRQ_MAX_VIRQS);
}

static void virq_set_desc(unsigned int v, struct irq_desc *desc)
{
	struct virq_chunk *c = chunks[v >> VIRQ_CHUNK_SHIFT];
	unsigned int i = v & (VIRQ_CHUNK - 1);

	if (desc) {
		c->used[i / 64] |= 1ull << (i % 64);
		c->nused++;
	} else {
		c->used[i / 64] &= ~(1ull << (i % 64));
		c->nused--;
	}
	__atomic_store_n(&c->desc[i], desc, __ATOMIC_RELEASE);
}

/**
 * irq_to_desc() - the descriptor of a virq
 * @irq: virq
 * Return: the desc, or NULL if @irq is not allocated.
 */
struct irq_desc *irq_to_desc(unsigned int irq)
{
	struct virq_chunk *c;

	if (irq == 0 || irq >= IRQ_MAX_VIRQS)
		return NULL;
	c = __atomic_load_n(&chunks[irq >> VIRQ_CHUNK_SHIFT], __ATOMIC_ACQUIRE);
	if (!c)
		return NULL;
	return __atomic_load_n(&c->desc[irq & (VIRQ_CHUNK - 1)], __ATOMIC_ACQUIRE);
}

/* ---- one descriptor ------------------------------------------------------------ */

static struct irq_desc *desc_create(unsigned int virq, const struct cpumask *affinity)
{
	struct irq_desc_alloc *a = calloc(1, sizeof(*a));
	struct irq_desc *desc;

	if (!a)
		return NULL;
	desc = &a->desc;
	a->nr_kstat = nr_cpu_ids;
	desc->kstat_irqs = calloc(nr_cpu_ids, sizeof(*desc->kstat_irqs));
	if (!desc->kstat_irqs) {
		free(a);
		return NULL;
	}
	raw_spin_lock_init(&desc->lock);
	desc->irq_data.irq = virq;
	desc->irq_data.common = &desc->irq_common_data;
	desc->irq_data.chip = &no_irq_chip;
	desc->handle_irq = handle_bad_irq;
	/* a fresh interrupt is disabled and masked until it is started up */
	desc->depth = 1;
	desc->irq_common_data.state_use_accessors = IRQD_IRQ_DISABLED | IRQD_IRQ_MASKED;
	desc->status_use_accessors = IRQ_NOREQUEST | IRQ_NOPROBE;
	cpumask_copy(&desc->irq_common_data.affinity, affinity ? affinity : cpu_possible_mask);
	return desc;
}

/**
 * irq_data_free_parent_chain() - free the ancestor levels of a virq
 * @d: a level (normally the desc's embedded outermost one)
 *
 * Levels other than the outermost are calloc'd by the hierarchy code; this
 * frees everything below @d and detaches it.
 */
void irq_data_free_parent_chain(struct irq_data *d)
{
	struct irq_data *p = d->parent_data;

	d->parent_data = NULL;
	while (p) {
		struct irq_data *next = p->parent_data;

		free(p);
		p = next;
	}
}

static void desc_destroy(struct irq_desc *desc)
{
	struct irq_desc_alloc *a = container_of(desc, struct irq_desc_alloc, desc);

	irq_data_free_parent_chain(&desc->irq_data);
	free(desc->kstat_irqs);
	free(desc->percpu_enabled);
	raw_spin_lock_destroy(&desc->lock);
	free(a);
}

/* ---- ranges --------------------------------------------------------------------- */

static int chunks_prepare(unsigned int start, unsigned int cnt)
{
	for (unsigned int c = start >> VIRQ_CHUNK_SHIFT; c <= (start + cnt - 1) >> VIRQ_CHUNK_SHIFT;
	     c++) {
		if (chunks[c])
			continue;
		struct virq_chunk *n = calloc(1, sizeof(*n));

		if (!n)
			return -ENOMEM;
		__atomic_store_n(&chunks[c], n, __ATOMIC_RELEASE);
	}
	return 0;
}

/* first start >= from with cnt free virqs; IRQ_MAX_VIRQS if none */
static unsigned int find_free_range(unsigned int from, unsigned int cnt)
{
	unsigned int start = virq_next(from, false);

	while (start < IRQ_MAX_VIRQS && IRQ_MAX_VIRQS - start >= cnt) {
		unsigned int used = virq_next_below(start, true, start + cnt);

		if (used >= start + cnt)
			return start;
		start = virq_next(used, false);
	}
	return IRQ_MAX_VIRQS;
}

/**
 * __irq_alloc_descs() - allocate @cnt consecutive descriptors
 * @irq: exact first virq wanted, or < 0 for any
 * @from: lowest acceptable virq when searching (0 is treated as 1)
 * @cnt: number of descriptors
 * @node: NUMA node (ignored on the host)
 * @affinity: initial affinity of every desc, NULL for all possible CPUs
 * Return: first virq, -EINVAL (cnt 0, bad @irq/@from), -EEXIST (@irq taken),
 * -ENOMEM (space exhausted or out of memory).  Errors log one line.
 */
int __irq_alloc_descs(int irq, unsigned int from, unsigned int cnt, int node,
		      const struct cpumask *affinity)
{
	unsigned int start;
	int ret;

	(void)node;
	if (cnt == 0 || cnt >= IRQ_MAX_VIRQS) {
		pr_err("cannot allocate %u descriptors", cnt);
		return -EINVAL;
	}
	if (irq == 0 || (irq > 0 && from > (unsigned int)irq)) {
		pr_err("invalid descriptor request irq=%d from=%u", irq, from);
		return -EINVAL;
	}
	if (irq > 0)
		from = (unsigned int)irq;
	if (from == 0)
		from = 1;

	pthread_mutex_lock(&sparse_lock);
	start = find_free_range(from > lowest_free ? from : lowest_free, cnt);
	if (irq > 0 && start != (unsigned int)irq) {
		pthread_mutex_unlock(&sparse_lock);
		pr_err("virq %d..%u already in use", irq, (unsigned int)irq + cnt - 1);
		return -EEXIST;
	}
	if (start >= IRQ_MAX_VIRQS) {
		pthread_mutex_unlock(&sparse_lock);
		pr_err("no room for %u consecutive virqs (space of %u)", cnt, IRQ_MAX_VIRQS);
		return -ENOMEM;
	}
	ret = chunks_prepare(start, cnt);
	for (unsigned int i = 0; !ret && i < cnt; i++) {
		struct irq_desc *desc = desc_create(start + i, affinity);

		if (!desc) {
			ret = -ENOMEM;
			/* undo the ones already published */
			while (i--) {
				struct irq_desc *d = irq_to_desc(start + i);

				virq_set_desc(start + i, NULL);
				desc_destroy(d);
			}
			break;
		}
		virq_set_desc(start + i, desc);
	}
	if (ret) {
		pthread_mutex_unlock(&sparse_lock);
		pr_err("out of memory allocating %u descriptors", cnt);
		return ret;
	}
	__atomic_add_fetch(&nr_allocated, cnt, __ATOMIC_RELAXED);
	if (start == lowest_free)
		lowest_free = virq_next(start + cnt, false);
	pthread_mutex_unlock(&sparse_lock);
	return (int)start;
}

/**
 * irq_free_descs() - free @cnt descriptors starting at @irq
 * @irq: first virq
 * @cnt: number
 *
 * Freeing an unallocated virq logs one line per request and frees the rest.
 */
void irq_free_descs(unsigned int irq, unsigned int cnt)
{
	unsigned int bad = 0, first_bad = 0;

	if (irq == 0 || irq >= IRQ_MAX_VIRQS || cnt > IRQ_MAX_VIRQS - irq) {
		pr_err("free of invalid virq range %u+%u", irq, cnt);
		return;
	}
	pthread_mutex_lock(&sparse_lock);
	for (unsigned int v = irq; v < irq + cnt; v++) {
		struct irq_desc *desc = irq_to_desc(v);

		if (!desc) {
			if (!bad++)
				first_bad = v;
			continue;
		}
		virq_set_desc(v, NULL);
		desc_destroy(desc);
		__atomic_sub_fetch(&nr_allocated, 1, __ATOMIC_RELAXED);
		if (v < lowest_free)
			lowest_free = v;
	}
	pthread_mutex_unlock(&sparse_lock);
	if (bad)
		pr_err("virq %u: free of unallocated descriptor (%u of %u in range)", first_bad,
		       bad, cnt);
}

/**
 * irq_get_nr_allocated() - number of allocated descriptors
 * Return: the count.
 */
unsigned int irq_get_nr_allocated(void)
{
	return __atomic_load_n(&nr_allocated, __ATOMIC_RELAXED);
}

/**
 * irq_get_next_irq() - iterate allocated virqs in ascending order
 * @from: previous virq (0 to start)
 * Return: the next allocated virq > @from, 0 if none.
 */
unsigned int irq_get_next_irq(unsigned int from)
{
	unsigned int v;

	if (from >= IRQ_MAX_VIRQS - 1)
		return 0;
	pthread_mutex_lock(&sparse_lock);
	v = virq_next(from + 1, true);
	pthread_mutex_unlock(&sparse_lock);
	return v < IRQ_MAX_VIRQS ? v : 0;
}

/* ---- statistics -------------------------------------------------------------------- */

void irqsim_kstat_inc(struct irq_desc *desc)
{
	struct irq_desc_alloc *a = container_of(desc, struct irq_desc_alloc, desc);
	unsigned int cpu = smp_processor_id();

	if (cpu < a->nr_kstat)
		__atomic_add_fetch(&desc->kstat_irqs[cpu], 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&desc->tot_count, 1, __ATOMIC_RELAXED);
}

/**
 * kstat_irqs_cpu() - interrupts of @irq handled on @cpu
 * @irq: virq
 * @cpu: CPU
 * Return: the count, 0 for an unknown virq or CPU.
 */
unsigned int kstat_irqs_cpu(unsigned int irq, unsigned int cpu)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_desc_alloc *a;

	if (!desc)
		return 0;
	a = container_of(desc, struct irq_desc_alloc, desc);
	return cpu < a->nr_kstat ? __atomic_load_n(&desc->kstat_irqs[cpu], __ATOMIC_RELAXED) : 0;
}

/**
 * kstat_irqs() - interrupts of @irq handled on all CPUs
 * @irq: virq
 * Return: the sum, 0 for an unknown virq.
 */
unsigned int kstat_irqs(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	struct irq_desc_alloc *a;
	unsigned int sum = 0;

	if (!desc)
		return 0;
	a = container_of(desc, struct irq_desc_alloc, desc);
	for (unsigned int cpu = 0; cpu < a->nr_kstat; cpu++)
		sum += __atomic_load_n(&desc->kstat_irqs[cpu], __ATOMIC_RELAXED);
	return sum;
}

/**
 * irqsim_count_spurious() - note an interrupt with no mapping / a spurious IAR
 * @cpu: CPU it arrived on
 */
void irqsim_count_spurious(unsigned int cpu)
{
	if (cpu < NR_CPUS)
		__atomic_add_fetch(&spurious_count[cpu], 1, __ATOMIC_RELAXED);
}

/**
 * irqsim_spurious_count() - spurious interrupts seen on @cpu
 * @cpu: CPU
 * Return: the count.
 */
unsigned int irqsim_spurious_count(unsigned int cpu)
{
	return cpu < NR_CPUS ? __atomic_load_n(&spurious_count[cpu], __ATOMIC_RELAXED) : 0;
}

/* ---- handling ------------------------------------------------------------------------ */

/**
 * generic_handle_irq_desc() - run the flow handler of @desc on the current CPU
 * @desc: descriptor
 * Return: 0, or -EINVAL for NULL (counted as spurious).
 */
int generic_handle_irq_desc(struct irq_desc *desc)
{
	irqsim_note_flow_entered();
	if (!desc || !desc->handle_irq) {
		irqsim_count_spurious(smp_processor_id());
		return -EINVAL;
	}
	desc->handle_irq(desc);
	return 0;
}

/**
 * generic_handle_irq() - run the flow handler of a virq on the current CPU
 * @irq: virq
 * Return: 0, or -EINVAL (logged, counted as spurious) for an unknown virq.
 */
int generic_handle_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	if (!desc) {
		irqsim_count_spurious(smp_processor_id());
		pr_warn("virq %u: interrupt for unallocated virq", irq);
		return -EINVAL;
	}
	return generic_handle_irq_desc(desc);
}

/**
 * generic_handle_domain_irq() - resolve (@domain, @hwirq) and run its flow handler
 * @domain: domain the hwirq belongs to
 * @hwirq: hardware number
 * Return: 0, or -EINVAL (logged, counted as spurious) with no mapping.
 */
int generic_handle_domain_irq(struct irq_domain *domain, irq_hw_number_t hwirq)
{
	struct irq_desc *desc = irq_resolve_mapping(domain, hwirq);

	if (!desc) {
		irqsim_count_spurious(smp_processor_id());
		pr_warn("domain %s: interrupt for unmapped hwirq %lu", irq_domain_log_name(domain),
			hwirq);
		return -EINVAL;
	}
	return generic_handle_irq_desc(desc);
}

/* ---- lookups by virq ------------------------------------------------------------------ */

/**
 * irq_get_irq_data() - outermost irq_data of a virq
 * @irq: virq
 * Return: the irq_data, NULL if unallocated.
 */
struct irq_data *irq_get_irq_data(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	return desc ? &desc->irq_data : NULL;
}

/**
 * irq_get_chip() - outermost chip of a virq
 * @irq: virq
 * Return: the chip, NULL if unallocated.
 */
struct irq_chip *irq_get_chip(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d ? d->chip : NULL;
}

/**
 * irq_get_chip_data() - outermost chip data of a virq
 * @irq: virq
 * Return: the chip data, NULL if unallocated.
 */
void *irq_get_chip_data(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d ? d->chip_data : NULL;
}

/**
 * irq_get_handler_data() - flow handler data of a virq
 * @irq: virq
 * Return: the data, NULL if unallocated.
 */
void *irq_get_handler_data(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d ? d->common->handler_data : NULL;
}

/**
 * irq_get_msi_desc() - MSI descriptor of a virq
 * @irq: virq
 * Return: the msi_desc, NULL if none or unallocated.
 */
struct msi_desc *irq_get_msi_desc(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d ? d->common->msi_desc : NULL;
}

/**
 * irq_get_trigger_type() - stored trigger type (IRQ_TYPE_*) of a virq
 * @irq: virq
 * Return: the type, IRQ_TYPE_NONE if unallocated.
 */
u32 irq_get_trigger_type(unsigned int irq)
{
	struct irq_data *d = irq_get_irq_data(irq);

	return d ? irqd_get_trigger_type(d) : IRQ_TYPE_NONE;
}

/* ---- reset ------------------------------------------------------------------------------ */

void irqsim_register_reset_hook(void (*fn)(void))
{
	pthread_mutex_lock(&sparse_lock);
	for (unsigned int i = 0; i < nr_reset_hooks; i++) {
		if (reset_hooks[i] == fn) {
			pthread_mutex_unlock(&sparse_lock);
			return;
		}
	}
	if (nr_reset_hooks < MAX_RESET_HOOKS)
		reset_hooks[nr_reset_hooks++] = fn;
	else
		fn = NULL;
	pthread_mutex_unlock(&sparse_lock);
	if (!fn)
		pr_err("too many reset hooks (max %d)", MAX_RESET_HOOKS);
}

/**
 * irqsim_core_reset() - return the core to power-on state
 *
 * Refuses while any virq still has an action (a test forgot free_irq), so a
 * reset never pulls memory from under a handler.  Otherwise unbinds and
 * removes every device of the driver core (drivers registered at run time are
 * unregistered), runs the drivers' syscore .shutdown callbacks and the reset
 * hooks of the other core files, then drops
 * every desc, domain, fwnode and counter.
 * Return: 0, or -EBUSY (logged, nothing changed).
 */
int irqsim_core_reset(void)
{
	unsigned int busy = 0, nhooks;
	void (*hooks[MAX_RESET_HOOKS])(void);

	pthread_mutex_lock(&sparse_lock);
	for (unsigned int v = virq_next(1, true); v < IRQ_MAX_VIRQS; v = virq_next(v + 1, true)) {
		if (irq_to_desc(v)->action) {
			busy = v;
			break;
		}
	}
	nhooks = nr_reset_hooks;
	memcpy(hooks, reset_hooks, sizeof(hooks));
	pthread_mutex_unlock(&sparse_lock);
	if (busy) {
		pr_err("reset refused: virq %u is still requested", busy);
		return -EBUSY;
	}

	/*
	 * Drivers unbind first (their remove and devres may still use domains and
	 * device-tree nodes that the hooks free); built-in drivers stay registered.
	 */
	irqsim_driver_core_reset();
	/* then the reboot's last step: drivers forget their static state (syscore.c) */
	syscore_shutdown();
	/* hooks may still look at descs/domains, so they run first */
	for (unsigned int i = 0; i < nhooks; i++)
		hooks[i]();

	pthread_mutex_lock(&sparse_lock);
	for (unsigned int c = 0; c < VIRQ_NR_CHUNKS; c++) {
		struct virq_chunk *ch = chunks[c];

		if (!ch)
			continue;
		for (unsigned int i = 0; i < VIRQ_CHUNK; i++)
			if (ch->desc[i])
				desc_destroy(ch->desc[i]);
		__atomic_store_n(&chunks[c], NULL, __ATOMIC_RELEASE);
		free(ch);
	}
	nr_allocated = 0;
	lowest_free = 1;
	memset(spurious_count, 0, sizeof(spurious_count));
	pthread_mutex_unlock(&sparse_lock);

	irq_domain_remove_all();
	irq_domain_free_all_fwnodes();
	irqsim_annotation_forget();
	return 0;
}
