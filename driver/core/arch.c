// SPDX-License-Identifier: MIT
/*
 * The arch seam (see irqsim_arch.h): the IRQ entry installed by the root
 * irqchip, per-CPU start-up callbacks (cpuhp states), and the CPU -> MPIDR map.
 */
#define pr_fmt(fmt) "irq: " fmt

#include <asm/ptrace.h>
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/irqsim_arch.h>

#include <string.h>

#include "internals.h"

static void (*arch_handle_irq)(struct pt_regs *regs);
/* cpuhp: the callbacks of each state, run in state order as a CPU comes up */
static struct {
	const char *name;
	int (*startup)(unsigned int cpu);
	int (*teardown)(unsigned int cpu);
	bool used;
} cpuhp_states[CPUHP_ONLINE];
static u64 cpu_mpidr[NR_CPUS];
static bool cpu_mpidr_set[NR_CPUS];
/* flow handlers entered on this thread (generic_handle_irq_desc), for the spurious check */
static _Thread_local unsigned long flows_entered;

void irqsim_note_flow_entered(void)
{
	flows_entered++;
}

/**
 * set_handle_irq() - install the root irqchip's IRQ entry
 * @handle_irq: called on the current CPU for each IRQ exception
 *
 * Return: 0, or -EBUSY if another entry is already installed (as on arm64, a
 * second root irqchip is a configuration error).
 */
int set_handle_irq(void (*handle_irq)(struct pt_regs *regs))
{
	if (arch_handle_irq && arch_handle_irq != handle_irq) {
		pr_err("set_handle_irq: an IRQ entry is already installed");
		return -EBUSY;
	}
	arch_handle_irq = handle_irq;
	return 0;
}

/*
 * One IRQ exception.  An entry that reaches no flow handler (the GIC answered
 * a spurious INTID, or one nobody mapped) is counted as spurious here, so the
 * count does not depend on the driver reporting it.
 */
int irqsim_arch_handle_irq(void)
{
	struct pt_regs regs = { 0 };
	unsigned long before = flows_entered;

	if (!arch_handle_irq)
		return -ENODEV;
	arch_handle_irq(&regs);
	if (flows_entered == before)
		irqsim_count_spurious(smp_processor_id());
	return 0;
}

static int cpuhp_install(enum cpuhp_state state, const char *name, int (*startup)(unsigned int),
			 int (*teardown)(unsigned int))
{
	int first = state, last = state;

	if (state == CPUHP_AP_ONLINE_DYN) {
		first = CPUHP_AP_ONLINE_DYN;
		last = CPUHP_AP_ONLINE_DYN_END - 1;
	}
	if (state <= CPUHP_OFFLINE || state >= CPUHP_ONLINE || !name) {
		pr_err("cpuhp_setup_state: bad state %d for %s", state, name ? name : "(null)");
		return -EINVAL;
	}
	for (int s = first; s <= last; s++) {
		if (cpuhp_states[s].used)
			continue;
		cpuhp_states[s].name = name;
		cpuhp_states[s].startup = startup;
		cpuhp_states[s].teardown = teardown;
		cpuhp_states[s].used = true;
		return state == CPUHP_AP_ONLINE_DYN ? s : 0;
	}
	if (state == CPUHP_AP_ONLINE_DYN) {
		pr_err("cpuhp_setup_state: no dynamic state left for %s", name);
		return -ENOSPC;
	}
	pr_err("cpuhp_setup_state: state %d (%s) is taken by %s", state, name,
	       cpuhp_states[state].name);
	return -EBUSY;
}

int cpuhp_setup_state_nocalls(enum cpuhp_state state, const char *name,
			      int (*startup)(unsigned int cpu), int (*teardown)(unsigned int cpu))
{
	return cpuhp_install(state, name, startup, teardown);
}

int cpuhp_setup_state(enum cpuhp_state state, const char *name, int (*startup)(unsigned int cpu),
		      int (*teardown)(unsigned int cpu))
{
	int ret = cpuhp_install(state, name, startup, teardown);
	unsigned int prev = smp_processor_id();

	if (ret < 0 || !startup)
		return ret;
	for (unsigned int cpu = 0; cpu < nr_cpu_ids; cpu++) {
		int err;

		if (!cpumask_test_cpu(cpu, cpu_online_mask))
			continue;
		irqsim_set_this_cpu(cpu);
		err = startup(cpu);
		if (err) {
			irqsim_set_this_cpu(prev);
			pr_err("cpu %u: %s failed (%d)", cpu, name, err);
			cpuhp_remove_state_nocalls(ret ? (enum cpuhp_state)ret : state);
			return err;
		}
	}
	irqsim_set_this_cpu(prev);
	return ret;
}

void cpuhp_remove_state_nocalls(enum cpuhp_state state)
{
	if (state > CPUHP_OFFLINE && state < CPUHP_ONLINE)
		memset(&cpuhp_states[state], 0, sizeof(cpuhp_states[state]));
}

void cpuhp_remove_state(enum cpuhp_state state)
{
	cpuhp_remove_state_nocalls(state);
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
	for (unsigned int s = 0; s < CPUHP_ONLINE && !ret; s++) {
		if (!cpuhp_states[s].used || !cpuhp_states[s].startup)
			continue;
		ret = cpuhp_states[s].startup(cpu);
		if (ret)
			pr_err("cpu %u starting: %s failed (%d)", cpu, cpuhp_states[s].name, ret);
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
	memset(cpuhp_states, 0, sizeof(cpuhp_states));
	for (unsigned int i = 0; i < NR_CPUS; i++)
		cpu_mpidr_set[i] = false;
}

/* registered by the core's reset machinery at first use */
__attribute__((constructor)) static void arch_register_reset(void)
{
	irqsim_register_reset_hook(arch_reset);
}
