/* SPDX-License-Identifier: MIT */
/*
 * <linux/syscore_ops.h>: callbacks for the last steps of suspend, resume and
 * shutdown, run with one CPU and interrupts off.
 *
 * irqsim's reset between runs (irqsim_core_reset()) is a reboot: devices are
 * unbound, then every registered .shutdown runs in reverse order of
 * registration, and the registrations are forgotten, as a rebooted kernel
 * starts without them.  A driver whose static state outlives its devices (a
 * root irqchip declared with IRQCHIP_DECLARE is never removed) clears that
 * state in .shutdown, so the next boot probes it afresh.  Suspend and resume
 * are not modelled.
 */
#ifndef IRQSIM_SYSCORE_OPS_H
#define IRQSIM_SYSCORE_OPS_H

#include <linux/list.h>

#ifdef __cplusplus
extern "C" {
#endif

struct syscore_ops {
	struct list_head node;
	int (*suspend)(void);
	void (*resume)(void);
	void (*shutdown)(void);
};

void register_syscore_ops(struct syscore_ops *ops);
void unregister_syscore_ops(struct syscore_ops *ops);
/* run every .shutdown, last registered first */
void syscore_shutdown(void);

#ifdef __cplusplus
}
#endif
#endif
