/* SPDX-License-Identifier: MIT */
/*
 * The arch seam: what an arm64 kernel's arch code would provide to the irqchip
 * drivers, and what the platform (the simulator, or a real machine's boot code)
 * calls into.
 *
 *  - set_handle_irq(): the root irqchip (GICv3) installs its IRQ entry; the
 *    platform calls irqsim_arch_handle_irq() on a CPU whose IRQ line is high and
 *    whose interrupts are unmasked, after irqsim_set_this_cpu(cpu).
 *  - CPU start-up callbacks (cpuhp "starting" state): drivers register per-CPU
 *    init (GIC redistributor wake-up, CPU interface set-up); the platform runs
 *    them on each CPU it brings online.
 *  - cpu_logical_map(): the MPIDR of each CPU, as the platform defines it.
 */
#ifndef IRQSIM_ARCH_H
#define IRQSIM_ARCH_H

#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

/* MPIDR affinity fields */
#define MPIDR_AFFINITY_LEVEL(mpidr, level) (((mpidr) >> ((level) == 3 ? 32 : (level)*8)) & 0xff)

int set_handle_irq(void (*handle_irq)(void));
/* returns -ENODEV when no root irqchip installed an entry */
int irqsim_arch_handle_irq(void);

typedef int (*irqsim_cpu_starting_fn)(unsigned int cpu);
/* register a per-CPU start-up callback; returns 0 or -ENOSPC */
int irqsim_register_cpu_starting(const char *name, irqsim_cpu_starting_fn fn);
/* run all callbacks for cpu (as that CPU) and mark it online; first error is returned */
int irqsim_arch_cpu_starting(unsigned int cpu);

void irqsim_set_cpu_mpidr(unsigned int cpu, u64 mpidr);
/* default when unset: Aff0 = cpu % 16, Aff1 = cpu / 16 (clusters of 16) */
u64 cpu_logical_map(unsigned int cpu);
/* reverse lookup; returns NR_CPUS when no CPU has that affinity */
unsigned int irqsim_cpu_from_mpidr(u64 mpidr);

#ifdef __cplusplus
}
#endif
#endif
