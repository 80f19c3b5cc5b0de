/* SPDX-License-Identifier: MIT */
/* Entry/exit helpers for chained (demultiplexing) flow handlers. */
#ifndef IRQSIM_CHAINED_IRQ_H
#define IRQSIM_CHAINED_IRQ_H

#include <linux/irqdesc.h>

#ifdef __cplusplus
extern "C" {
#endif

/* parent chip has irq_eoi: nothing to do on entry; otherwise mask+ack it */
void chained_irq_enter(struct irq_chip *chip, struct irq_desc *desc);
/* eoi the parent if it can, else unmask it */
void chained_irq_exit(struct irq_chip *chip, struct irq_desc *desc);

#ifdef __cplusplus
}
#endif
#endif
