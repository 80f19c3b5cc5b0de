/* SPDX-License-Identifier: MIT */
/*
 * <asm/ptrace.h>: the registers an exception saved.  Nothing is saved on the
 * host; the struct exists so that a root irqchip's entry has upstream's
 * signature, void handle_irq(struct pt_regs *regs).
 */
#ifndef IRQSIM_ASM_PTRACE_H
#define IRQSIM_ASM_PTRACE_H

struct pt_regs {
	unsigned long pc;     /* always 0: no CPU state behind the entry */
	unsigned long pstate; /* always 0 */
};

#endif
