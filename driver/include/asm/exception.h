/* SPDX-License-Identifier: MIT */
/* <asm/exception.h>: section markers of exception entry code (none on the host). */
#ifndef IRQSIM_ASM_EXCEPTION_H
#define IRQSIM_ASM_EXCEPTION_H

#include <asm/ptrace.h>

#define __exception_irq_entry

#endif
