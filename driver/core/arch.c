// SPDX-License-Identifier: MIT
/*
 * The arch seam (see irqsim_arch.h): the IRQ entry installed by the root
 * irqchip, per-CPU start-up callbacks, and the CPU -> MPIDR map.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <linux/cpumask.h>
#include <linux/irqsim_arch.h>

#include "internals.h"

#define MAX_CPU_STARTING 8

static void (*arch_handle_irq)(void);
static struct {
	const char *name;
	irqsim_cpu_starting_fn fn;
} cpu_starting[MAX_CPU_STARTING];
static unsigned int nr_cpu_starting;
static u64 cpu_mpidr[NR_CPUS];
static bool cpu_mpidr_set[NR_CPUS];

/**
 * set_handle_irq() - install the root irqchip's IRQ entry
 * @handle_irq: called on the current CPU for each IRQ exception
 *
 * Return: 0, or -EBUSY if another entry is already installed (as on arm64, a
 * second root irqchip is a configuration error).
 */
int set_handle_irq(void (*handle_irq)(void))
{
	if (arch_handle_irq && arch_handle_irq != handle_irq) {
		pr_err("set_handle_irq: an IRQ entry is already installed");
		return -EBUSY;
	}
	arch_handle_irq = handle_irq;
	return 0;
}

int irqsim_arch_handle_irq(void)
{
	if (!arch_handle_irq)
		return -ENODEV;
	arch_handle_irq();
	return 0;
}

int irqsim_register_cpu_starting(const char *name, irqsim_cpu_starting_fn fn)
{
	if (nr_cpu_starting >= MAX_CPU_STARTING) {
		pr_err("cpu starting callback %s: table full", name);
		return -ENOSPC;
	}
	cpu_starting[nr_cpu_starting].name = name;
	cpu_starting[nr_cpu_starting].fn = fn;
	nr_cpu_starting++;
	return 0;
}

int irqsim_arch_cpu_starting(unsigned int cpu)
{
	unsigned int prev = smp_processor_id();
	int ret = 0;

	if (cpu >= nr_cpu_ids) {
		pr_err("cpu %u starting: not a possible CPU (nr_cpu_ids %u)", cpu, nr_cpu_ids);
		return -EINVAL;
	}
	irqsim_set_this_cpu(cpu);
	for (unsigned int i = 0; i < nr_cpu_starting && !ret; i++) {
		ret = cpu_starting[i].fn(cpu);
		if (ret)
			pr_err("cpu %u starting: %s failed (%d)", cpu, cpu_starting[i].name, ret);
	}
	if (!ret)
		set_cpu_online(cpu, true);
	irqsim_set_this_cpu(prev);
	return ret;
}

void irqsim_set_cpu_mpidr(unsigned int cpu, u64 mpidr)
{
	if (cpu >= NR_CPUS)
		return;
	cpu_mpidr[cpu] = mpidr;
	cpu_mpidr_set[cpu] = true;
}

u64 cpu_logical_map(unsigned int cpu)
{
	if (cpu >= NR_CPUS)
		return ~0ULL;
	if (cpu_mpidr_set[cpu])
		return cpu_mpidr[cpu];
	return ((u64)(cpu / 16) << 8) | (cpu % 16);
}

unsigned int irqsim_cpu_from_mpidr(u64 mpidr)
{
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++)
		if (cpu_logical_map(cpu) == (mpidr & 0xff00ffffffULL))
			return cpu;
	return NR_CPUS;
}

static void arch_reset(void)
{
	arch_handle_irq = NULL;
	nr_cpu_starting = 0;
	for (unsigned int i = 0; i < NR_CPUS; i++)
		cpu_mpidr_set[i] = false;
}

/* registered by the core's reset machinery at first use */
__attribute__((constructor)) static void arch_register_reset(void)
{
	irqsim_register_reset_hook(arch_reset);
}
