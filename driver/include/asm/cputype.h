/* SPDX-License-Identifier: MIT */
/* <asm/cputype.h>: MPIDR_EL1 fields, and this CPU's MPIDR. */
#ifndef IRQSIM_ASM_CPUTYPE_H
#define IRQSIM_ASM_CPUTYPE_H

#include <asm/smp_plat.h>
#include <linux/cpumask.h>

#define MPIDR_HWID_BITMASK 0xff00ffffffULL
#define MPIDR_LEVEL_BITS 8
#define MPIDR_LEVEL_MASK ((1 << MPIDR_LEVEL_BITS) - 1)
/* Aff0..Aff2 are bits [23:0], Aff3 bits [39:32] */
#define MPIDR_LEVEL_SHIFT(level) ((level) == 3 ? 32 : MPIDR_LEVEL_BITS * (level))
#define MPIDR_AFFINITY_LEVEL(mpidr, level) \
	(((mpidr) >> MPIDR_LEVEL_SHIFT(level)) & MPIDR_LEVEL_MASK)

/* the MPIDR of the CPU this runs on, as the platform defines it */
static inline u64 read_cpuid_mpidr(void)
{
	return cpu_logical_map(smp_processor_id());
}

#endif
