/* SPDX-License-Identifier: MIT */
/*
 * <linux/cpuhotplug.h>: per-CPU start-up and tear-down callbacks by state.
 *
 * The platform brings CPUs online one at a time (irqsim_arch_cpu_starting());
 * each CPU runs the startup callbacks of every state in state order, on itself.
 * CPUs are never taken offline, so teardown callbacks are kept but not called.
 * A fixed state takes one callback set; CPUHP_AP_ONLINE_DYN hands out a state
 * of its own and returns its number.
 */
#ifndef IRQSIM_CPUHOTPLUG_H
#define IRQSIM_CPUHOTPLUG_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

enum cpuhp_state {
	CPUHP_INVALID = -1,
	CPUHP_OFFLINE = 0,
	CPUHP_BRINGUP_CPU,
	CPUHP_AP_IRQ_GIC_STARTING,
	CPUHP_AP_ARM_MVEBU_COHERENCY,
	CPUHP_AP_ONLINE,
	CPUHP_AP_ONLINE_DYN,
	CPUHP_AP_ONLINE_DYN_END = CPUHP_AP_ONLINE_DYN + 8,
	CPUHP_ONLINE,
};

/*
 * Install @startup/@teardown for @state; @startup is not run on CPUs already
 * online.  Return: 0 (the state number for CPUHP_AP_ONLINE_DYN), -EBUSY if a
 * fixed state is taken, -ENOSPC with no dynamic state left, -EINVAL.
 */
int cpuhp_setup_state_nocalls(enum cpuhp_state state, const char *name,
			      int (*startup)(unsigned int cpu), int (*teardown)(unsigned int cpu));
/* the same, and @startup runs now on every online CPU (first error undoes the set-up) */
int cpuhp_setup_state(enum cpuhp_state state, const char *name, int (*startup)(unsigned int cpu),
		      int (*teardown)(unsigned int cpu));
/* forget the callbacks of @state (teardown is not called: CPUs stay online) */
void cpuhp_remove_state_nocalls(enum cpuhp_state state);
void cpuhp_remove_state(enum cpuhp_state state);

#ifdef __cplusplus
}
#endif
#endif
