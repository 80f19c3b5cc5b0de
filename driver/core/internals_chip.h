/* SPDX-License-Identifier: MIT */
/*
 * Private to the chip/flow/manage/spurious/views part of the core (chip.c,
 * chained.c, dummychip.c, manage.c, spurious.c, views.c).
 *
 * Locking: "locked" below means desc->lock is held by the caller.  Chip
 * callbacks are made with desc->lock held, except irq_request_resources /
 * irq_release_resources and domain (de)activation, which run under the
 * request mutex only (they may create or activate other interrupts).
 */
#ifndef IRQSIM_INTERNALS_CHIP_H
#define IRQSIM_INTERNALS_CHIP_H

#include <linux/interrupt.h>
#include <linux/irqdesc.h>

/* core-private istate bits, kept clear of the IRQS_* values in irqdesc.h */
enum {
	IRQS_CHAINED = BIT(24),		       /* a chained flow handler is installed */
	IRQS_BAD_LOGGED = BIT(25),	       /* handle_bad_irq already reported this virq */
	IRQS_PERCPU_SPURIOUS_LOGGED = BIT(26), /* "Spurious percpu IRQ" already reported */
	IRQS_EFFECTIVE_BY_CORE =
		BIT(27), /* effective affinity filled in by the core, not the chip */
};

/* state bits of the common irq_data, with the desc lock held */
static inline void desc_irqd_set(struct irq_desc *desc, unsigned int bits)
{
	desc->irq_common_data.state_use_accessors |= bits;
}
static inline void desc_irqd_clr(struct irq_desc *desc, unsigned int bits)
{
	desc->irq_common_data.state_use_accessors &= ~bits;
}
static inline bool desc_irqd_has(struct irq_desc *desc, unsigned int bits)
{
	return desc->irq_common_data.state_use_accessors & bits;
}

/* look up a virq for an API call; logs "<who>: no such irq N" when absent */
struct irq_desc *irq_desc_for_api(unsigned int irq, const char *who);

/* ---- annotated calls on the outermost chip (locked) -------------------------- */
void mask_irq(struct irq_desc *desc);
void unmask_irq(struct irq_desc *desc);
void mask_ack_irq(struct irq_desc *desc);
void ack_irq(struct irq_desc *desc);
void eoi_irq(struct irq_desc *desc);

/* ---- state machine (locked) ---------------------------------------------------- */
/* start up: chip irq_startup or enable/unmask, depth 0, default affinity */
int irq_startup(struct irq_desc *desc, bool resend);
/* shut down: chip irq_shutdown or disable/mask, depth 1 (no deactivation) */
void irq_shutdown(struct irq_desc *desc);
void irq_enable(struct irq_desc *desc);
void irq_disable(struct irq_desc *desc);
/* depth++; the first level disables (masks) */
void __disable_irq(struct irq_desc *desc);
/* program the trigger through the outermost chip; 0 or -errno (logged) */
int __irq_set_trigger(struct irq_desc *desc, unsigned int type);
/*
 * Replay an interrupt that arrived while disabled (IRQS_PENDING): hardware
 * retrigger if a level offers it.  Returns true when the caller must run
 * the flow handler itself (software resend) after dropping the lock.
 */
bool check_irq_resend(struct irq_desc *desc);
/* point the interrupt at its affinity (or all online CPUs) if the chip can */
void irq_setup_affinity(struct irq_desc *desc);
/* the outermost chip may set affinity and the irq is not per-CPU */
bool irq_can_set_affinity_desc(struct irq_desc *desc);

/* per-CPU devid: enable/disable on one CPU (locked) */
void irq_percpu_enable(struct irq_desc *desc, unsigned int cpu);
void irq_percpu_disable(struct irq_desc *desc, unsigned int cpu);

/* ---- flow (chip.c) --------------------------------------------------------------- */
/*
 * Run every action (locked on entry and exit; the lock is dropped while the
 * handlers run), count the entry and feed note_interrupt().
 */
irqreturn_t handle_irq_event(struct irq_desc *desc);
/* wait until no CPU is running the handlers of desc (not locked) */
void synchronize_irq_desc(struct irq_desc *desc);

/* ---- spurious.c ------------------------------------------------------------------- */
/* unhandled-interrupt policy (locked); may disable the irq */
void note_interrupt(struct irq_desc *desc, irqreturn_t ret);

#endif /* IRQSIM_INTERNALS_CHIP_H */
