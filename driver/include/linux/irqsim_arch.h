/* SPDX-License-Identifier: MIT */
/*
 * The arch seam, platform side: what the platform (the simulator, or a real
 * machine's boot code) calls into.  Drivers use the kernel's names for the
 * driver side, never this header:
 *
 *  - set_handle_irq() (<linux/irq.h>): the root irqchip (GICv3) installs its IRQ
 *    entry; the platform calls irqsim_arch_handle_irq() on a CPU whose IRQ line
 *    is high and whose interrupts are unmasked, after irqsim_set_this_cpu(cpu).
 *    An entry that runs no flow handler is counted as spurious.
 *  - cpuhp_setup_state_nocalls() (<linux/cpuhotplug.h>): drivers install per-CPU
 *    start-up (GIC redistributor wake-up, CPU interface set-up); the platform
 *    runs them with irqsim_arch_cpu_starting() on each CPU it brings online.
 *  - cpu_logical_map() (<asm/smp_plat.h>): the MPIDR of each CPU, as the
 *    platform sets it with irqsim_set_cpu_mpidr().
 */
#ifndef IRQSIM_ARCH_H
#define IRQSIM_ARCH_H

#include <asm/cputype.h>
#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

/* returns -ENODEV when no root irqchip installed an entry */
int irqsim_arch_handle_irq(void);

/* run every cpuhp startup callback for cpu (as that CPU) and mark it online; first error is returned */
int irqsim_arch_cpu_starting(unsigned int cpu);

void irqsim_set_cpu_mpidr(unsigned int cpu, u64 mpidr);
/* reverse lookup; returns NR_CPUS when no CPU has that affinity */
unsigned int irqsim_cpu_from_mpidr(u64 mpidr);

#ifdef __cplusplus
}
#endif
#endif
