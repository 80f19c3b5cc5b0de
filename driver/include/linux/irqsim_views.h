/* SPDX-License-Identifier: MIT */
/* Human-readable views of the core state, like /proc/interrupts and debugfs irq/domains. */
#ifndef IRQSIM_VIEWS_H
#define IRQSIM_VIEWS_H

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * /proc/interrupts: a row per requested virq with per-CPU counts (columns
 * CPU0..CPU<ncpus-1>), chip name, hwirq, trigger (Edge/Level), flow handler
 * name and action names.  Last rows: "ERR" / "SPU" spurious counts per CPU.
 */
void irqsim_show_interrupts(FILE *out, unsigned int ncpus);

/* The domain hierarchy as an indented tree: name, kind, size, mapped count,
 * flags, bus token, and for each level the chip and hwirq range in use. */
void irqsim_show_domains(FILE *out);

#ifdef __cplusplus
}
#endif
#endif
