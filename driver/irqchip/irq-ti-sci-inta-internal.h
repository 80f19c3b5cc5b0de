/* SPDX-License-Identifier: MIT */
/* Private to the TI-SCI INTA driver files (irq-ti-sci-inta.c, ti-sci-inta-msi.c). */
#ifndef IRQSIM_IRQ_TI_SCI_INTA_INTERNAL_H
#define IRQSIM_IRQ_TI_SCI_INTA_INTERNAL_H

#include <linux/msi.h>

#include "ti-sci-internal.h"

#define TI_SCI_INTA_MAX 4
#define MAX_EVENTS_PER_VINT 64
#define TI_SCI_INTA_MAX_UNMAPPED_SOURCES 8

/* VINT registers: 64-bit, one 4 KB frame per VINT */
#define VINT_FRAME_SIZE 0x1000
#define VINT_ENABLE_SET_OFFSET 0x00
#define VINT_ENABLE_CLR_OFFSET 0x08
#define VINT_STATUS_SET_OFFSET 0x10
#define VINT_STATUS_OFFSET 0x18 /* STATUS_CLEAR: W1C */
#define VINT_STATUS_MASKED_OFFSET 0x20

/* CFG region (DT reg[1]): the unmapped-event doorbell, the INTA's MSI target */
#define INTA_CFG_DOORBELL_OFFSET 0x10

struct ti_sci_inta_vint_desc;

/* one event source routed to a VINT status bit */
struct ti_sci_inta_event_desc {
	struct ti_sci_inta_vint_desc *vint_desc;
	irq_hw_number_t hwirq; /* (src dev id << 16) | src index */
	u16 global_event;
	u8 vint_bit;
};

/* a VINT in use: its parent (INTR) interrupt carries the chained handler */
struct ti_sci_inta_vint_desc {
	struct ti_sci_inta_irq_domain *inta;
	struct ti_sci_inta_vint_desc *next;
	u64 event_map; /* status bits in use */
	struct ti_sci_inta_event_desc events[MAX_EVENTS_PER_VINT];
	unsigned int parent_virq;
	u16 vint_id;
};

struct ti_sci_inta_irq_domain {
	bool used;
	const struct ti_sci_handle *sci;
	struct ti_sci_resource *vint;	      /* devm: gone with the binding */
	struct ti_sci_resource *global_event; /* devm: gone with the binding */
	struct mutex vint_mutex;	      /* vint_list, every vint_desc's event_map/events */
	struct ti_sci_inta_vint_desc *vint_list;
	void __iomem *base;
	u64 doorbell; /* bus address of the doorbell, 0 = no CFG region in the tree */
	struct device_node *node;
	struct device_node *parent_node;
	bool parent_is_gic;
	struct irq_domain *domain;
	struct irq_domain *msi_domain;
	u32 ti_sci_id;
	u32 unmapped_dev_ids[TI_SCI_INTA_MAX_UNMAPPED_SOURCES];
	unsigned int nr_unmapped;
	/* the MSI domain's description (static storage: see the reset note) */
	struct msi_domain_info msi_info;
	struct msi_domain_ops msi_ops;
	struct irq_chip msi_chip;
};

/* create inta->msi_domain (ti-sci-inta-msi.c) */
int ti_sci_inta_msi_domain_init(struct ti_sci_inta_irq_domain *inta);
/* what the INTA domain offers per-device MSI domains (ti-sci-inta-msi.c) */
extern const struct msi_parent_ops ti_sci_inta_msi_parent_ops;

#endif
