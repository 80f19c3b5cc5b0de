/* SPDX-License-Identifier: MIT */
/* Requesting and controlling interrupts: the <linux/interrupt.h> driver API. */
#ifndef IRQSIM_INTERRUPT_H
#define IRQSIM_INTERRUPT_H

#include <linux/irq.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum irqreturn {
	IRQ_NONE = 0,
	IRQ_HANDLED = 1,
	IRQ_WAKE_THREAD = 2,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

/* request flags */
#define IRQF_TRIGGER_NONE 0x00000000
#define IRQF_TRIGGER_RISING 0x00000001
#define IRQF_TRIGGER_FALLING 0x00000002
#define IRQF_TRIGGER_HIGH 0x00000004
#define IRQF_TRIGGER_LOW 0x00000008
#define IRQF_TRIGGER_MASK \
	(IRQF_TRIGGER_HIGH | IRQF_TRIGGER_LOW | IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING)
#define IRQF_SHARED 0x00000080
#define IRQF_PERCPU 0x00000400
#define IRQF_NOBALANCING 0x00000800
#define IRQF_ONESHOT 0x00002000
#define IRQF_NO_AUTOEN 0x00080000

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	void **percpu_dev_id; /* per-CPU devid irqs: dev_id per CPU [nr_cpu_ids] */
	struct irqaction *next;
	unsigned int irq;
	unsigned int flags;
	const char *name;
};

/*
 * request_irq - install a handler.  Errors: -EINVAL (unknown virq, NULL handler,
 * shared without dev_id, IRQ_NOREQUEST/per-CPU virq), -EBUSY (already requested
 * without matching IRQF_SHARED / trigger), -ENOSYS (chip refuses the trigger),
 * or whatever the chip's irq_request_resources / activation returned.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
		void *dev);
/* free_irq - remove the handler registered with this dev_id; returns the name, NULL on misuse */
const void *free_irq(unsigned int irq, void *dev_id);

void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
/* depth of nested disables (0 = enabled) or -EINVAL for an unknown virq */
int irq_get_disable_depth(unsigned int irq);

/* per-CPU devid interrupts (PPIs, SGIs used as IPIs): one handler, a dev_id per CPU */
int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *devname,
		       void **percpu_dev_id);
void free_percpu_irq(unsigned int irq, void **percpu_dev_id);
/* enable/disable on the current CPU (smp_processor_id()) */
void enable_percpu_irq(unsigned int irq, unsigned int type);
void disable_percpu_irq(unsigned int irq);
bool irq_percpu_is_enabled(unsigned int irq);

/* Unhandled-interrupt policy (note_interrupt): after this many unhandled
 * interrupts out of IRQ_SPURIOUS_WINDOW, the irq is disabled and reported. */
#define IRQ_SPURIOUS_WINDOW 100000
#define IRQ_SPURIOUS_THRESHOLD 99900
/* Tests and the simulator may lower the window to make the policy observable. */
void irqsim_set_spurious_window(unsigned int window, unsigned int threshold);

#ifdef __cplusplus
}
#endif
#endif
