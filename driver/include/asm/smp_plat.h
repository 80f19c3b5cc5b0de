/* SPDX-License-Identifier: MIT */
/* <asm/smp_plat.h>: logical CPU number -> MPIDR hardware id. */
#ifndef IRQSIM_ASM_SMP_PLAT_H
#define IRQSIM_ASM_SMP_PLAT_H

#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * The platform sets the map (irqsim_set_cpu_mpidr()); unset CPUs have
 * Aff0 = cpu % 16, Aff1 = cpu / 16 (clusters of 16).  ~0 for cpu >= NR_CPUS.
 */
u64 cpu_logical_map(unsigned int cpu);

#ifdef __cplusplus
}
#endif
#endif
