/* SPDX-License-Identifier: MIT */
/* Fixed-size CPU masks with the <linux/cpumask.h> API subset the irq code uses. */
#ifndef IRQSIM_CPUMASK_H
#define IRQSIM_CPUMASK_H

#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CPUMASK_WORDS (NR_CPUS / 64)

struct cpumask {
	u64 bits[CPUMASK_WORDS];
};

extern unsigned int nr_cpu_ids;		   /* number of possible CPUs (set by the platform) */
extern struct cpumask __cpu_possible_mask; /* CPUs 0 .. nr_cpu_ids-1 */
extern struct cpumask __cpu_online_mask;   /* CPUs whose interface has been initialised */
#define cpu_possible_mask ((const struct cpumask *)&__cpu_possible_mask)
#define cpu_online_mask ((const struct cpumask *)&__cpu_online_mask)

/* Declare nr CPUs possible (0..nr-1). Clears the online mask. */
void irqsim_set_nr_cpus(unsigned int nr);
void set_cpu_online(unsigned int cpu, bool online);

const struct cpumask *cpumask_of(unsigned int cpu);

static inline void cpumask_clear(struct cpumask *m)
{
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		m->bits[i] = 0;
}
static inline void cpumask_set_cpu(unsigned int cpu, struct cpumask *m)
{
	m->bits[cpu / 64] |= 1ULL << (cpu % 64);
}
static inline void cpumask_clear_cpu(unsigned int cpu, struct cpumask *m)
{
	m->bits[cpu / 64] &= ~(1ULL << (cpu % 64));
}
static inline bool cpumask_test_cpu(unsigned int cpu, const struct cpumask *m)
{
	return cpu < NR_CPUS && (m->bits[cpu / 64] >> (cpu % 64)) & 1;
}
static inline void cpumask_copy(struct cpumask *dst, const struct cpumask *src)
{
	*dst = *src;
}
static inline bool cpumask_empty(const struct cpumask *m)
{
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		if (m->bits[i])
			return false;
	return true;
}
static inline unsigned int cpumask_weight(const struct cpumask *m)
{
	unsigned int w = 0;
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		w += (unsigned int)__builtin_popcountll(m->bits[i]);
	return w;
}
/* dst = a & b; returns true if the result is non-empty */
static inline bool cpumask_and(struct cpumask *dst, const struct cpumask *a,
			       const struct cpumask *b)
{
	u64 any = 0;
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		any |= dst->bits[i] = a->bits[i] & b->bits[i];
	return any != 0;
}
static inline void cpumask_or(struct cpumask *dst, const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		dst->bits[i] = a->bits[i] | b->bits[i];
}
static inline bool cpumask_subset(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		if (a->bits[i] & ~b->bits[i])
			return false;
	return true;
}
static inline bool cpumask_equal(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		if (a->bits[i] != b->bits[i])
			return false;
	return true;
}
static inline bool cpumask_intersects(const struct cpumask *a, const struct cpumask *b)
{
	for (unsigned int i = 0; i < CPUMASK_WORDS; i++)
		if (a->bits[i] & b->bits[i])
			return true;
	return false;
}
/* next set CPU strictly after n (n = -1 to start); returns >= nr_cpu_ids if none */
static inline unsigned int cpumask_next(int n, const struct cpumask *m)
{
	for (unsigned int cpu = (unsigned int)(n + 1); cpu < NR_CPUS; cpu++)
		if (cpumask_test_cpu(cpu, m))
			return cpu;
	return NR_CPUS;
}
static inline unsigned int cpumask_first(const struct cpumask *m)
{
	return cpumask_next(-1, m);
}
/* first CPU set in both a and b, >= NR_CPUS if none */
static inline unsigned int cpumask_first_and(const struct cpumask *a, const struct cpumask *b)
{
	struct cpumask t;
	cpumask_and(&t, a, b);
	return cpumask_first(&t);
}

#define for_each_cpu(cpu, mask) \
	for ((cpu) = cpumask_first(mask); (cpu) < NR_CPUS; (cpu) = cpumask_next((int)(cpu), (mask)))
#define for_each_possible_cpu(cpu) for_each_cpu(cpu, cpu_possible_mask)
#define for_each_online_cpu(cpu) for_each_cpu(cpu, cpu_online_mask)

/* the words of a mask, as unsigned long (64-bit hosts: the same as u64) */
#define cpumask_bits(maskp) ((unsigned long *)(maskp)->bits)
/* print a mask with "%*pbl" ("0-3,5") or "%*pb" (hex) */
#define cpumask_pr_args(maskp) (int)nr_cpu_ids, cpumask_bits(maskp)

/* "0-3,5" style text into buf; returns buf */
char *cpumask_print(const struct cpumask *m, char *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
