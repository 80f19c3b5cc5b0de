// SPDX-License-Identifier: MIT
/*
 * Basic services of the driver stack: logging, the current CPU, the CPU masks
 * and the lock wrappers.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <stdio.h>
#include <string.h>

#include <linux/cpumask.h>
#include <linux/io.h>
#include <linux/irqsim_base.h>
#include <linux/irqsim_lock.h>

/* ---- logging ---------------------------------------------------------------- */

static irqsim_log_hook_t log_hook;
static void *log_hook_ctx;

/**
 * irqsim_log_set_hook() - route all log lines to @hook (NULL: default stderr sink)
 * @hook: called once per message with the level and the formatted line
 * @ctx: passed back to @hook
 */
void irqsim_log_set_hook(irqsim_log_hook_t hook, void *ctx)
{
	log_hook = hook;
	log_hook_ctx = ctx;
}

/**
 * irqsim_vlog() - format one message and hand it to the hook or stderr
 * @level: LOGLEVEL_*
 * @fmt: printf format with the kernel's %p extensions; a trailing newline is
 *       stripped so each call is one line
 * @ap: arguments
 */
void irqsim_vlog(int level, const char *fmt, va_list ap)
{
	char buf[512];
	size_t len;

	/* debug lines nobody listens to are not even formatted (dynamic debug is off) */
	if (level == LOGLEVEL_DEBUG && !log_hook && !irqsim_annotate_enabled())
		return;
	irqsim_vsnprintf(buf, sizeof(buf), fmt, ap);
	len = strlen(buf);
	while (len && buf[len - 1] == '\n')
		buf[--len] = '\0';

	/*
	 * pr_debug()/dev_dbg() name the operation a driver is in: they become the
	 * annotation of the bus accesses that follow, in the bus log and the trace.
	 */
	if (level == LOGLEVEL_DEBUG)
		irqsim_annotate_text(buf);
	if (log_hook) {
		log_hook(level, buf, log_hook_ctx);
		return;
	}
	if (level <= LOGLEVEL_WARNING)
		fprintf(stderr, "%s\n", buf);
}

void irqsim_log(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	irqsim_vlog(level, fmt, ap);
	va_end(ap);
}

/**
 * _printk() - printk(): the level comes from a KERN_<LEVEL> prefix of @fmt
 * (KERN_DEFAULT and KERN_CONT: INFO)
 * Return: 0 (the kernel returns the length; no caller here uses it)
 */
int _printk(const char *fmt, ...)
{
	int level = LOGLEVEL_INFO;
	va_list ap;

	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] >= '0' && fmt[1] <= '7')
			level = fmt[1] - '0';
		fmt += 2;
	}
	va_start(ap, fmt);
	irqsim_vlog(level, fmt, ap);
	va_end(ap);
	return 0;
}

/* ---- current CPU ------------------------------------------------------------ */

/* thread-local: host threads can play different CPUs at once */
static _Thread_local unsigned int this_cpu;

/**
 * smp_processor_id() - the CPU the calling host thread acts as
 * Return: CPU number set by irqsim_set_this_cpu(), 0 by default.
 */
unsigned int smp_processor_id(void)
{
	return this_cpu;
}

/**
 * irqsim_set_this_cpu() - make the calling thread act as @cpu
 * @cpu: CPU number (< NR_CPUS)
 */
void irqsim_set_this_cpu(unsigned int cpu)
{
	if (cpu >= NR_CPUS) {
		pr_err("cpu %u out of range (NR_CPUS %u)", cpu, NR_CPUS);
		return;
	}
	this_cpu = cpu;
}

/* ---- CPU masks -------------------------------------------------------------- */

unsigned int nr_cpu_ids = 1;
struct cpumask __cpu_possible_mask = { .bits = { 1 } };
struct cpumask __cpu_online_mask = { .bits = { 1 } };

/**
 * irqsim_set_nr_cpus() - declare CPUs 0..@nr-1 possible; none online
 * @nr: number of CPUs, 1..NR_CPUS (clamped)
 */
void irqsim_set_nr_cpus(unsigned int nr)
{
	if (nr == 0 || nr > NR_CPUS) {
		pr_err("nr_cpus %u out of range 1..%u", nr, NR_CPUS);
		nr = nr ? NR_CPUS : 1;
	}
	nr_cpu_ids = nr;
	cpumask_clear(&__cpu_possible_mask);
	cpumask_clear(&__cpu_online_mask);
	for (unsigned int cpu = 0; cpu < nr; cpu++)
		cpumask_set_cpu(cpu, &__cpu_possible_mask);
}

/**
 * set_cpu_online() - mark @cpu online or offline
 * @cpu: a possible CPU
 * @online: new state
 */
void set_cpu_online(unsigned int cpu, bool online)
{
	if (cpu >= nr_cpu_ids) {
		pr_err("set_cpu_online: cpu %u not possible (nr_cpu_ids %u)", cpu, nr_cpu_ids);
		return;
	}
	if (online)
		cpumask_set_cpu(cpu, &__cpu_online_mask);
	else
		cpumask_clear_cpu(cpu, &__cpu_online_mask);
}

/* one single-CPU mask per CPU, built on first use */
static struct cpumask cpu_single_masks[NR_CPUS];
static pthread_once_t cpu_single_once = PTHREAD_ONCE_INIT;

static void cpu_single_masks_init(void)
{
	for (unsigned int cpu = 0; cpu < NR_CPUS; cpu++)
		cpumask_set_cpu(cpu, &cpu_single_masks[cpu]);
}

/**
 * cpumask_of() - the constant mask holding only @cpu
 * @cpu: CPU number
 * Return: pointer to a static mask; out-of-range @cpu logs and yields CPU 0's.
 */
const struct cpumask *cpumask_of(unsigned int cpu)
{
	pthread_once(&cpu_single_once, cpu_single_masks_init);
	if (cpu >= NR_CPUS) {
		pr_err("cpumask_of: cpu %u out of range", cpu);
		cpu = 0;
	}
	return &cpu_single_masks[cpu];
}

/**
 * cpumask_print() - render @m as a range list such as "0-3,5"
 * @m: mask
 * @buf: output buffer
 * @len: size of @buf
 * Return: @buf (empty string for an empty mask)
 */
char *cpumask_print(const struct cpumask *m, char *buf, size_t len)
{
	size_t pos = 0;
	unsigned int cpu = 0;

	if (!len)
		return buf;
	buf[0] = '\0';
	while (cpu < NR_CPUS) {
		unsigned int end;
		int n;

		if (!cpumask_test_cpu(cpu, m)) {
			cpu++;
			continue;
		}
		end = cpu;
		while (end + 1 < NR_CPUS && cpumask_test_cpu(end + 1, m))
			end++;
		if (end == cpu)
			n = snprintf(buf + pos, len - pos, "%s%u", pos ? "," : "", cpu);
		else
			n = snprintf(buf + pos, len - pos, "%s%u-%u", pos ? "," : "", cpu, end);
		if (n < 0 || (size_t)n >= len - pos) {
			buf[len - 1] = '\0';
			break;
		}
		pos += (size_t)n;
		cpu = end + 1;
	}
	return buf;
}

/* ---- locks ------------------------------------------------------------------ */

/* Recursive mutexes would hide lock-order bugs; plain ones are what the kernel has. */
void mutex_init(struct mutex *lock)
{
	pthread_mutex_init(&lock->m, NULL);
}

void mutex_destroy(struct mutex *lock)
{
	pthread_mutex_destroy(&lock->m);
}

void mutex_lock(struct mutex *lock)
{
	pthread_mutex_lock(&lock->m);
}

void mutex_unlock(struct mutex *lock)
{
	pthread_mutex_unlock(&lock->m);
}

void raw_spin_lock_init(raw_spinlock_t *lock)
{
	pthread_mutex_init(&lock->m, NULL);
}

void raw_spin_lock_destroy(raw_spinlock_t *lock)
{
	pthread_mutex_destroy(&lock->m);
}

void raw_spin_lock(raw_spinlock_t *lock)
{
	pthread_mutex_lock(&lock->m);
}

void raw_spin_unlock(raw_spinlock_t *lock)
{
	pthread_mutex_unlock(&lock->m);
}
