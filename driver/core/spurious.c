// SPDX-License-Identifier: MIT
/*
 * Unhandled-interrupt policy.  A line whose handlers keep answering IRQ_NONE
 * (a device that asserts without a driver that knows it, a wrong trigger
 * type) would otherwise storm a CPU forever.  Out of every window of
 * entries, if at least threshold were unhandled, the line is reported
 * ("nobody cared") and disabled.  The window is small-able for tests.
 */
#include <stdio.h>

#include <linux/interrupt.h>

#include "internals.h"
#include "internals_chip.h"

static unsigned int spurious_window = IRQ_SPURIOUS_WINDOW;
static unsigned int spurious_threshold = IRQ_SPURIOUS_THRESHOLD;

static void spurious_reset(void)
{
	__atomic_store_n(&spurious_window, IRQ_SPURIOUS_WINDOW, __ATOMIC_RELAXED);
	__atomic_store_n(&spurious_threshold, IRQ_SPURIOUS_THRESHOLD, __ATOMIC_RELAXED);
}

/**
 * irqsim_set_spurious_window() - change the unhandled-interrupt policy
 * @window: entries per accounting window (0 restores the defaults)
 * @threshold: unhandled entries in a window that disable the line
 *	(clamped to @window)
 *
 * irqsim_core_reset() restores IRQ_SPURIOUS_WINDOW / IRQ_SPURIOUS_THRESHOLD.
 *
 * Return: nothing.
 */
void irqsim_set_spurious_window(unsigned int window, unsigned int threshold)
{
	irqsim_register_reset_hook(spurious_reset);
	if (!window) {
		spurious_reset();
		return;
	}
	if (threshold > window)
		threshold = window;
	__atomic_store_n(&spurious_window, window, __ATOMIC_RELAXED);
	__atomic_store_n(&spurious_threshold, threshold, __ATOMIC_RELAXED);
}

/* "name1, name2" of the handlers, for the report */
static void action_names(struct irq_desc *desc, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (struct irqaction *a = desc->action; a && used < len; a = a->next) {
		int n = snprintf(buf + used, len - used, "%s%s", used ? ", " : "",
				 a->name ? a->name : "(unnamed)");
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

void note_interrupt(struct irq_desc *desc, irqreturn_t ret)
{
	unsigned int window = __atomic_load_n(&spurious_window, __ATOMIC_RELAXED);
	unsigned int threshold = __atomic_load_n(&spurious_threshold, __ATOMIC_RELAXED);
	char names[128];

	desc->irq_count++;
	if (ret == IRQ_NONE)
		desc->irqs_unhandled++;
	if (desc->irq_count < window)
		return;

	if (desc->irqs_unhandled >= threshold) {
		action_names(desc, names, sizeof(names));
		pr_err("irq %u: nobody cared (%u of %u unhandled; handlers: %s); disabling it",
		       desc->irq_data.irq, desc->irqs_unhandled, desc->irq_count,
		       names[0] ? names : "none");
		desc->istate |= IRQS_SPURIOUS_DISABLED;
		desc->spurious_disabled = 1;
		__disable_irq(desc);
	}
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
}
