/* SPDX-License-Identifier: MIT */
/*
 * Basic types and helpers the driver stack shares: fixed-width integer names
 * (<linux/types.h>), error pointers (<linux/err.h>), logging (<linux/printk.h>),
 * WARN_ON (<linux/bug.h>) and the "current CPU" notion.  This replaces the handful
 * of <linux/kernel.h> conveniences the irq code relies on.  (We do not call this
 * file kernel.h: the host's <linux/kernel.h> must stay reachable for libc.)
 */
#ifndef IRQSIM_BASE_H
#define IRQSIM_BASE_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <linux/bitops.h>
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) ((type *)((char *)(ptr)-offsetof(type, member)))
#define DIV_ROUND_UP(n, d) (((n) + (d)-1) / (d))
#define ALIGN(x, a) (((x) + ((a)-1)) & ~((a)-1))

/* ---- CPUs ------------------------------------------------------------------- */
#define NR_CPUS 128

/*
 * The CPU the driver code is currently running on.  The host sets it before it
 * enters driver code on behalf of a CPU (IRQ entry, per-CPU init); it is
 * thread-local so host threads can act as different CPUs.
 */
unsigned int smp_processor_id(void);
void irqsim_set_this_cpu(unsigned int cpu);

#ifdef __cplusplus
}
#endif
#endif /* IRQSIM_BASE_H */
