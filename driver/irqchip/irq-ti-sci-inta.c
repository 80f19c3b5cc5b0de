// SPDX-License-Identifier: MIT
/*
 * TI K3-style interrupt aggregator (INTA): global events (e.g. DMA ring
 * completions) are mapped by the firmware onto status bits of virtual
 * interrupts (VINTs, 64 bits each); a VINT's output is one INTR input.
 *
 * Domain: hwirq = (source TI-SCI dev id << 16) | source index.  Allocation
 * does no hardware work; the VINT, status bit and global event are taken when
 * the interrupt is requested (irq_request_resources): creating the VINT's
 * parent mapping there is safe, while doing it from .alloc would nest
 * mapping changes of two hierarchies.  The first VINT with a free bit is
 * reused (grouping); a new VINT gets its parent interrupt through the INTR
 * and a chained handler that demultiplexes STATUSM.
 *
 * Affinity follows the VINT.  A VINT is one parent interrupt (INTR output ->
 * GIC SPI) shared by up to 64 events, so an event is handled on whatever CPU
 * that SPI targets.  irq_set_affinity() on one event's virq is refused
 * (-EINVAL, one log line) rather than silently moving its VINT-mates: moving
 * the event would mean moving the VINT, i.e. every event grouped with it.  To
 * move a whole group, set the affinity of the VINT's parent virq (the INTR
 * level, found with irq_find_mapping(intr_domain, INTR input of the VINT)):
 * all events of that VINT then arrive on the new CPU, including ones requested
 * later onto the same VINT.
 *
 * MSI target (this SoC, not real TI): the CFG region (DT reg[1]) has an
 * unmapped-event doorbell at +0x10; a bus write of a global event id there
 * raises that event exactly like the event port.  The INTA chip therefore
 * composes MSI messages {address = doorbell, data = global event id}, so any
 * bus master that writes its message raises its own event.  The global event
 * is taken when the vector is requested, so the message exists from activation
 * (request_irq) on and is zero before.  A device signalling this way must be
 * listed in ti,unmapped-event-sources: the firmware then maps its events with
 * the INTA as source (no source-side programming).  Real K3 INTAs have no such
 * doorbell: their events come from the DMA global-event transport (ring and
 * channel events programmed by the firmware, the DMA-ring path here), and
 * Linux composes no message at all.  Without reg[1] the message stays zero.
 * Per-device MSI domains (IMS) may use the INTA domain as their MSI parent
 * (ti_sci_inta_get_msi_parent, ti_sci_inta_msi_parent_ops).
 */
#define pr_fmt(fmt) "ti_sci_inta: " fmt

#include <linux/sprintf.h>
#include <linux/string.h>

#include <linux/err.h>
#include <linux/irqchip/chained_irq.h>
#include <linux/irqchip/irq-msi-lib.h>
#include <linux/irqdesc.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_address.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>

#include "irq-ti-sci-inta-internal.h"

/*
 * Static storage, not devm: the domains outlive the binding until the core's
 * reset removes them, and the MSI layer's reset (after the drivers unbind)
 * still frees vectors through msi_info and the domain ops.  The binding owns
 * the slot's contents (released by a devm action).
 */
static struct ti_sci_inta_irq_domain inta_instances[TI_SCI_INTA_MAX];

static void __iomem *vint_reg(struct ti_sci_inta_irq_domain *inta, u16 vint_id, unsigned int off)
{
	return (char __iomem *)inta->base + (size_t)vint_id * VINT_FRAME_SIZE + off;
}

/* ---- chip ---------------------------------------------------------------------- */

static void ti_sci_inta_write_bit(struct irq_data *data, unsigned int off)
{
	struct ti_sci_inta_event_desc *ev = data->chip_data;
	struct ti_sci_inta_irq_domain *inta = data->domain->host_data;

	/* no VINT bit until the interrupt is requested: nothing to touch */
	if (!ev)
		return;
	writeq(BIT_ULL(ev->vint_bit), vint_reg(inta, ev->vint_desc->vint_id, off));
}

static void ti_sci_inta_mask(struct irq_data *data)
{
	ti_sci_inta_write_bit(data, VINT_ENABLE_CLR_OFFSET);
}

static void ti_sci_inta_unmask(struct irq_data *data)
{
	ti_sci_inta_write_bit(data, VINT_ENABLE_SET_OFFSET);
}

/* edge events are cleared before the handler runs; a level ("down event") source clears itself */
static void ti_sci_inta_ack(struct irq_data *data)
{
	if (irqd_get_trigger_type(data) != IRQ_TYPE_LEVEL_HIGH)
		ti_sci_inta_write_bit(data, VINT_STATUS_OFFSET);
}

static int ti_sci_inta_set_type(struct irq_data *data, unsigned int type)
{
	struct irq_desc *desc = irq_to_desc(data->irq);

	/* called with the desc lock held (__irq_set_trigger): switch the flow directly */
	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_EDGE_RISING:
		if (desc && desc->handle_irq == handle_level_irq)
			desc->handle_irq = handle_edge_irq;
		return 0;
	case IRQ_TYPE_LEVEL_HIGH:
		if (desc)
			desc->handle_irq = handle_level_irq;
		return 0;
	default:
		pr_err("domain %s: virq %u: trigger type 0x%x not supported (edge rising or level high)",
		       data->domain->name, data->irq, type);
		return -EINVAL;
	}
}

static int ti_sci_inta_set_affinity(struct irq_data *data, const struct cpumask *dest, bool force)
{
	(void)dest;
	(void)force;
	pr_err("domain %s: virq %u: affinity cannot be set, its VINT is shared by up to %d events (move the VINT's parent irq instead)",
	       data->domain->name, data->irq, MAX_EVENTS_PER_VINT);
	return -EINVAL;
}

/* {doorbell, global event}: writing it raises the event; zero before request or without a doorbell */
static void ti_sci_inta_compose_msi_msg(struct irq_data *data, struct msi_msg *msg)
{
	struct ti_sci_inta_event_desc *ev = data->chip_data;
	struct ti_sci_inta_irq_domain *inta = data->domain->host_data;

	memset(msg, 0, sizeof(*msg));
	if (!ev || !inta->doorbell)
		return;
	msg->address_lo = (u32)inta->doorbell;
	msg->address_hi = (u32)(inta->doorbell >> 32);
	msg->data = ev->global_event;
}

/* ---- VINTs ----------------------------------------------------------------------- */

static void ti_sci_inta_irq_handler(struct irq_desc *desc)
{
	struct ti_sci_inta_vint_desc *vd = irq_desc_get_handler_data(desc);
	struct irq_chip *chip = irq_desc_get_chip(desc);
	struct ti_sci_inta_irq_domain *inta;
	u64 status;

	if (!vd)
		return;
	inta = vd->inta;
	chained_irq_enter(chip, desc);
	status = readq(vint_reg(inta, vd->vint_id, VINT_STATUS_MASKED_OFFSET));
	while (status) {
		unsigned int bit = (unsigned int)__builtin_ctzll(status);

		status &= status - 1;
		if (!(__atomic_load_n(&vd->event_map, __ATOMIC_ACQUIRE) & BIT_ULL(bit))) {
			pr_warn("domain %s: VINT %u bit %u set with no event mapped",
				inta->domain->name, vd->vint_id, bit);
			handle_bad_irq(desc);
			continue;
		}
		generic_handle_domain_irq(inta->domain, vd->events[bit].hwirq);
	}
	chained_irq_exit(chip, desc);
}

/* vint_mutex held: a new VINT with its parent interrupt and chained handler */
static struct ti_sci_inta_vint_desc *ti_sci_inta_alloc_vint(struct ti_sci_inta_irq_domain *inta,
							    int *err)
{
	struct irq_domain *d = inta->domain;
	struct ti_sci_inta_vint_desc *vd, **tail;
	struct irq_fwspec fwspec = { .fwnode = of_node_to_fwnode(inta->parent_node) };
	u32 p_hwirq;
	u16 vint_id;

	vint_id = ti_sci_get_free_resource(inta->vint);
	if (vint_id == TI_SCI_RESOURCE_NULL) {
		pr_err("domain %s: no free VINT (all %u of %u..%u in use, 64 events each)", d->name,
		       ti_sci_get_num_resources(inta->vint), inta->vint->desc[0].start,
		       inta->vint->desc[0].start + inta->vint->desc[0].num - 1);
		*err = -ENOSPC;
		return NULL;
	}
	*err = ti_sci_translate_range(inta->node, d->name, vint_id, &p_hwirq);
	if (*err)
		goto err_vint;
	vd = kzalloc(sizeof(*vd), GFP_KERNEL);
	if (!vd) {
		*err = -ENOMEM;
		goto err_vint;
	}
	vd->inta = inta;
	vd->vint_id = vint_id;
	if (inta->parent_is_gic) {
		fwspec.param_count = 3;
		fwspec.param[0] = 0;
		fwspec.param[1] = p_hwirq - 32;
		fwspec.param[2] = IRQ_TYPE_LEVEL_HIGH;
	} else {
		fwspec.param_count = 1;
		fwspec.param[0] = p_hwirq;
	}
	vd->parent_virq = irq_create_fwspec_mapping(&fwspec);
	if (!vd->parent_virq) {
		pr_err("domain %s: VINT %u: parent interrupt %u of %pOF could not be mapped",
		       d->name, vint_id, p_hwirq, inta->parent_node);
		*err = -ENOSPC;
		kfree(vd);
		goto err_vint;
	}
	for (tail = &inta->vint_list; *tail; tail = &(*tail)->next)
		;
	*tail = vd;
	irq_set_chained_handler_and_data(vd->parent_virq, ti_sci_inta_irq_handler, vd);
	return vd;

err_vint:
	ti_sci_release_resource(inta->vint, vint_id);
	return NULL;
}

/* vint_mutex held: the VINT's last event is gone */
static void ti_sci_inta_free_vint(struct ti_sci_inta_irq_domain *inta,
				  struct ti_sci_inta_vint_desc *vd)
{
	struct ti_sci_inta_vint_desc **pp;
	struct irq_data *pd;

	for (pp = &inta->vint_list; *pp && *pp != vd; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = vd->next;
	irq_set_chained_handler_and_data(vd->parent_virq, NULL, NULL);
	pd = irq_get_irq_data(vd->parent_virq);
	if (pd && irqd_is_activated(pd))
		irq_domain_deactivate_irq(pd);
	irq_dispose_mapping(vd->parent_virq);
	ti_sci_release_resource(inta->vint, vd->vint_id);
	kfree(vd);
}

static bool ti_sci_inta_is_unmapped_source(struct ti_sci_inta_irq_domain *inta, u16 dev_id)
{
	for (unsigned int i = 0; i < inta->nr_unmapped; i++)
		if (inta->unmapped_dev_ids[i] == dev_id)
			return true;
	return false;
}

static u16 ti_sci_inta_src_id(struct ti_sci_inta_irq_domain *inta, irq_hw_number_t hwirq)
{
	u16 dev = TI_SCI_INTA_HWIRQ_DEV(hwirq);

	return ti_sci_inta_is_unmapped_source(inta, dev) ? (u16)inta->ti_sci_id : dev;
}

/* VINT, status bit and global event for one event source, programmed by the firmware */
static int ti_sci_inta_request_resources(struct irq_data *data)
{
	struct ti_sci_inta_irq_domain *inta = data->domain->host_data;
	const struct ti_sci_rm_irq_ops *fw = &inta->sci->ops.rm_irq_ops;
	struct ti_sci_inta_vint_desc *vd;
	struct ti_sci_inta_event_desc *ev;
	bool new_vint = false;
	unsigned int bit;
	u16 gevt;
	int ret = 0;

	if (data->chip_data) {
		pr_err("domain %s: virq %u already has its event", data->domain->name, data->irq);
		return -EBUSY;
	}
	mutex_lock(&inta->vint_mutex);
	for (vd = inta->vint_list; vd && vd->event_map == ~0ULL; vd = vd->next)
		;
	if (!vd) {
		vd = ti_sci_inta_alloc_vint(inta, &ret);
		if (!vd)
			goto out;
		new_vint = true;
	}
	bit = (unsigned int)__builtin_ctzll(~vd->event_map);
	gevt = ti_sci_get_free_resource(inta->global_event);
	if (gevt == TI_SCI_RESOURCE_NULL) {
		pr_err("domain %s: virq %u: no free global event (all %u of %u..%u in use)",
		       data->domain->name, data->irq, ti_sci_get_num_resources(inta->global_event),
		       inta->global_event->desc[0].start,
		       inta->global_event->desc[0].start + inta->global_event->desc[0].num - 1);
		ret = -ENOSPC;
		goto err_vint;
	}
	pr_debug("set_event_map src=%u/%u vint=%u bit=%u gevt=%u\n",
		 ti_sci_inta_src_id(inta, data->hwirq), TI_SCI_INTA_HWIRQ_INDEX(data->hwirq),
		 vd->vint_id, bit, gevt);
	ret = fw->set_event_map(inta->sci, ti_sci_inta_src_id(inta, data->hwirq),
				TI_SCI_INTA_HWIRQ_INDEX(data->hwirq), (u16)inta->ti_sci_id,
				vd->vint_id, gevt, (u8)bit);
	if (ret) {
		pr_err("domain %s: virq %u: firmware refused event map (src %lu/%u -> VINT %u bit %u, global event %u): %d",
		       data->domain->name, data->irq, data->hwirq >> 16,
		       TI_SCI_INTA_HWIRQ_INDEX(data->hwirq), vd->vint_id, bit, gevt, ret);
		ti_sci_release_resource(inta->global_event, gevt);
		goto err_vint;
	}
	ev = &vd->events[bit];
	ev->vint_desc = vd;
	ev->hwirq = data->hwirq;
	ev->global_event = gevt;
	ev->vint_bit = (u8)bit;
	__atomic_store_n(&vd->event_map, vd->event_map | BIT_ULL(bit), __ATOMIC_RELEASE);
	data->chip_data = ev;
	goto out;

err_vint:
	if (new_vint)
		ti_sci_inta_free_vint(inta, vd);
out:
	mutex_unlock(&inta->vint_mutex);
	return ret;
}

static void ti_sci_inta_release_resources(struct irq_data *data)
{
	struct ti_sci_inta_irq_domain *inta = data->domain->host_data;
	struct ti_sci_inta_event_desc *ev = data->chip_data;
	struct ti_sci_inta_vint_desc *vd;
	int ret;

	if (!ev)
		return;
	mutex_lock(&inta->vint_mutex);
	vd = ev->vint_desc;
	pr_debug("free_event_map vint=%u bit=%u gevt=%u\n", vd->vint_id, ev->vint_bit,
		 ev->global_event);
	ret = inta->sci->ops.rm_irq_ops.free_event_map(
		inta->sci, ti_sci_inta_src_id(inta, ev->hwirq), TI_SCI_INTA_HWIRQ_INDEX(ev->hwirq),
		(u16)inta->ti_sci_id, vd->vint_id, ev->global_event, ev->vint_bit);
	if (ret)
		pr_err("domain %s: virq %u: firmware could not free the event map of global event %u (%d)",
		       data->domain->name, data->irq, ev->global_event, ret);
	/* no stale enable/status for the bit's next owner (no new event can arrive now) */
	writeq(BIT_ULL(ev->vint_bit), vint_reg(inta, vd->vint_id, VINT_ENABLE_CLR_OFFSET));
	writeq(BIT_ULL(ev->vint_bit), vint_reg(inta, vd->vint_id, VINT_STATUS_OFFSET));
	ti_sci_release_resource(inta->global_event, ev->global_event);
	__atomic_store_n(&vd->event_map, vd->event_map & ~BIT_ULL(ev->vint_bit), __ATOMIC_RELEASE);
	memset(ev, 0, sizeof(*ev));
	data->chip_data = NULL;
	if (!vd->event_map)
		ti_sci_inta_free_vint(inta, vd);
	mutex_unlock(&inta->vint_mutex);
}

static struct irq_chip ti_sci_inta_irq_chip = {
	.name = "INTA",
	.irq_ack = ti_sci_inta_ack,
	.irq_mask = ti_sci_inta_mask,
	.irq_unmask = ti_sci_inta_unmask,
	.irq_set_type = ti_sci_inta_set_type,
	.irq_set_affinity = ti_sci_inta_set_affinity,
	.irq_request_resources = ti_sci_inta_request_resources,
	.irq_release_resources = ti_sci_inta_release_resources,
	.irq_compose_msi_msg = ti_sci_inta_compose_msi_msg,
	.flags = IRQCHIP_SUPPORTS_LEVEL_MSI,
};

/* ---- domain ----------------------------------------------------------------------- */

/* arg: the msi_alloc_info_t of the MSI domain above (hwirq already encoded) */
static int ti_sci_inta_irq_domain_alloc(struct irq_domain *d, unsigned int virq,
					unsigned int nr_irqs, void *arg)
{
	msi_alloc_info_t *info = arg;

	if (!info) {
		pr_err("domain %s: allocation without MSI alloc info", d->name);
		return -EINVAL;
	}
	for (unsigned int i = 0; i < nr_irqs; i++)
		irq_domain_set_info(d, virq + i, info->hwirq + i, &ti_sci_inta_irq_chip, NULL,
				    handle_edge_irq, NULL, "edge");
	return 0;
}

static void ti_sci_inta_irq_domain_free(struct irq_domain *d, unsigned int virq,
					unsigned int nr_irqs)
{
	for (unsigned int i = 0; i < nr_irqs; i++) {
		struct irq_data *data = irq_domain_get_irq_data(d, virq + i);

		if (data)
			irq_domain_reset_irq_data(data);
	}
}

static const struct irq_domain_ops ti_sci_inta_irq_domain_ops = {
	.select = msi_lib_irq_domain_select,
	.alloc = ti_sci_inta_irq_domain_alloc,
	.free = ti_sci_inta_irq_domain_free,
};

/* ---- probe ------------------------------------------------------------------------ */

/* one past the highest id any set of @res holds (every VINT needs its register frame) */
static u32 ti_sci_inta_resource_end(const struct ti_sci_resource *res)
{
	u32 end = 0;

	for (u16 i = 0; i < res->sets; i++) {
		const struct ti_sci_resource_desc *d = &res->desc[i];

		if (d->num && (u32)d->start + d->num > end)
			end = (u32)d->start + d->num;
		if (d->num_sec && (u32)d->start_sec + d->num_sec > end)
			end = (u32)d->start_sec + d->num_sec;
	}
	return end;
}

/* devm action: the slot's VINTs, ranges and lock go back when the binding ends */
static void ti_sci_inta_release(void *data)
{
	struct ti_sci_inta_irq_domain *inta = data;

	while (inta->vint_list) {
		struct ti_sci_inta_vint_desc *vd = inta->vint_list;

		inta->vint_list = vd->next;
		kfree(vd);
	}
	inta->vint = NULL; /* devm, freed with the binding */
	inta->global_event = NULL;
	mutex_destroy(&inta->vint_mutex);
	inta->used = false;
	/*
	 * msi_info/msi_ops/msi_chip stay as they are: the MSI layer's reset
	 * runs after the unbind and frees vectors through them.
	 */
}

/* reg[1], when present, is the CFG region holding the doorbell */
static int ti_sci_inta_read_doorbell(struct ti_sci_inta_irq_domain *inta, struct device_node *node)
{
	int cells = of_n_addr_cells(node) + of_n_size_cells(node);
	int n = of_property_count_u32_elems(node, "reg");
	struct resource res;
	u64 addr, size;

	inta->doorbell = 0;
	if (cells <= 0 || n < 2 * cells) {
		pr_info("%pOF: no CFG region (reg[1]): no MSI doorbell, messages stay zero", node);
		return 0;
	}
	if (of_address_to_resource(node, 1, &res))
		return -EINVAL;
	addr = res.start;
	size = resource_size(&res);
	if (size < INTA_CFG_DOORBELL_OFFSET + 4 || !addr) {
		pr_err("%pOF: CFG region (reg[1]) of %llu bytes at 0x%llx has no doorbell at +0x%x",
		       node, (unsigned long long)size, (unsigned long long)addr,
		       INTA_CFG_DOORBELL_OFFSET);
		return -EINVAL;
	}
	inta->doorbell = addr + INTA_CFG_DOORBELL_OFFSET;
	return 0;
}

static int ti_sci_inta_read_unmapped(struct ti_sci_inta_irq_domain *inta, struct device_node *node)
{
	for (int i = 0;; i++) {
		struct device_node *src = of_parse_phandle(node, "ti,unmapped-event-sources", i);
		u32 id;

		if (!src)
			return 0;
		if (inta->nr_unmapped == TI_SCI_INTA_MAX_UNMAPPED_SOURCES ||
		    of_property_read_u32(src, "ti,sci-dev-id", &id) || id > 0xffff) {
			pr_err("%pOF: ti,unmapped-event-sources entry %pOF unusable", node, src);
			return -EINVAL;
		}
		inta->unmapped_dev_ids[inta->nr_unmapped++] = id;
	}
}

static struct ti_sci_inta_irq_domain *ti_sci_inta_take_slot(struct device *dev)
{
	for (unsigned int i = 0; i < TI_SCI_INTA_MAX; i++) {
		struct ti_sci_inta_irq_domain *inta = &inta_instances[i];

		if (inta->used)
			continue;
		/* msi_* may still be in use by an MSI domain of an earlier binding until the reset */
		inta->sci = NULL;
		inta->vint_list = NULL;
		inta->base = NULL;
		inta->doorbell = 0;
		inta->nr_unmapped = 0;
		inta->vint = NULL;
		inta->global_event = NULL;
		mutex_init(&inta->vint_mutex);
		inta->used = true;
		if (devm_add_action_or_reset(dev, ti_sci_inta_release, inta))
			return ERR_PTR(-ENOMEM);
		return inta;
	}
	return ERR_PTR(dev_err_probe(dev, -ENOSPC, "more than %d aggregators", TI_SCI_INTA_MAX));
}

/*
 * Creates the INTA domain and the INTA-MSI domain above it.  No VINT is taken
 * until an event interrupt is requested.
 */
static int ti_sci_inta_irq_domain_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct device_node *node = dev_of_node(dev);
	struct ti_sci_inta_irq_domain *inta;
	struct irq_domain_info info = { 0 };
	struct device_node *parent_node;
	struct resource *res;
	char name[32];
	u32 vint_end;
	int ret;

	parent_node = of_irq_find_parent(node);
	if (!parent_node || parent_node == node)
		return dev_err_probe(dev, -ENODEV, "no interrupt parent");
	if (!irq_find_host(parent_node))
		return dev_err_probe(dev, -EPROBE_DEFER, "interrupt parent %pOF has no domain yet",
				     parent_node);

	inta = ti_sci_inta_take_slot(dev);
	if (IS_ERR(inta))
		return (int)PTR_ERR(inta);
	inta->sci = devm_ti_sci_get_by_phandle(dev, "ti,sci");
	if (IS_ERR(inta->sci))
		return dev_err_probe(
			dev, (int)PTR_ERR(inta->sci),
			"no TI-SCI firmware (ti,sci names its node; the harness installs the model)");
	if (of_property_read_u32(node, "ti,sci-dev-id", &inta->ti_sci_id) ||
	    inta->ti_sci_id > 0xffff)
		return dev_err_probe(dev, -EINVAL, "ti,sci-dev-id missing or invalid");
	inta->base = devm_platform_get_and_ioremap_resource(pdev, 0, &res);
	if (IS_ERR(inta->base))
		return (int)PTR_ERR(inta->base);
	ret = ti_sci_check_ranges(node);
	if (!ret)
		ret = ti_sci_inta_read_unmapped(inta, node);
	if (!ret)
		ret = ti_sci_inta_read_doorbell(inta, node);
	if (ret)
		return ret;
	inta->vint = devm_ti_sci_get_resource(inta->sci, dev, inta->ti_sci_id,
					      TI_SCI_RESASG_SUBTYPE_IA_VINT);
	if (IS_ERR(inta->vint))
		return dev_err_probe(dev, (int)PTR_ERR(inta->vint),
				     "no VINT range for TI-SCI device %u", inta->ti_sci_id);
	vint_end = ti_sci_inta_resource_end(inta->vint);
	if ((u64)vint_end * VINT_FRAME_SIZE > resource_size(res))
		return dev_err_probe(dev, -EINVAL,
				     "VINTs up to %u do not fit the %llu-byte register region",
				     vint_end - 1, (unsigned long long)resource_size(res));
	inta->global_event = devm_ti_sci_get_resource(inta->sci, dev, inta->ti_sci_id,
						      TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT);
	if (IS_ERR(inta->global_event))
		return dev_err_probe(dev, (int)PTR_ERR(inta->global_event),
				     "no global event range for TI-SCI device %u", inta->ti_sci_id);
	inta->node = node;
	inta->parent_node = parent_node;
	inta->parent_is_gic = of_device_is_compatible(parent_node, "arm,gic-v3");
	/*
	 * No parent link: VINT parents are ordinary mappings made at request
	 * time.  The domains live until the core reset removes every domain.
	 */
	info.fwnode = of_node_to_fwnode(node);
	info.ops = &ti_sci_inta_irq_domain_ops;
	info.host_data = inta;
	inta->domain = msi_create_parent_irq_domain(&info, &ti_sci_inta_msi_parent_ops);
	if (!inta->domain)
		return -ENOMEM;
	snprintf(name, sizeof(name), "INTA%u", inta->ti_sci_id);
	ti_sci_name_domain(inta->domain, name);
	ret = ti_sci_inta_msi_domain_init(inta);
	if (ret) {
		irq_domain_remove(inta->domain);
		inta->domain = NULL;
		return ret;
	}
	platform_set_drvdata(pdev, inta);
	dev_info(
		dev,
		"Interrupt Aggregator %u domain created: VINTs %u..%u, global events %u..%u, MSI doorbell 0x%llx",
		inta->ti_sci_id, inta->vint->desc[0].start,
		inta->vint->desc[0].start + inta->vint->desc[0].num - 1,
		inta->global_event->desc[0].start,
		inta->global_event->desc[0].start + inta->global_event->desc[0].num - 1,
		(unsigned long long)inta->doorbell);
	return 0;
}

static const struct of_device_id ti_sci_inta_irq_domain_of_match[] = {
	{ .compatible = "ti,sci-inta" },
	{ /* sentinel */ },
};
MODULE_DEVICE_TABLE(of, ti_sci_inta_irq_domain_of_match);

static struct platform_driver ti_sci_inta_irq_domain_driver = {
	.probe = ti_sci_inta_irq_domain_probe,
	.driver = {
		.name = "ti-sci-inta",
		.of_match_table = ti_sci_inta_irq_domain_of_match,
		.suppress_bind_attrs = true,
	},
};
module_platform_driver(ti_sci_inta_irq_domain_driver);

struct irq_domain *ti_sci_inta_msi_get_domain(struct device_node *np)
{
	for (unsigned int i = 0; i < TI_SCI_INTA_MAX; i++)
		if (inta_instances[i].used && inta_instances[i].node == np)
			return inta_instances[i].msi_domain;
	return NULL;
}

struct irq_domain *ti_sci_inta_get_msi_parent(struct device_node *np)
{
	for (unsigned int i = 0; i < TI_SCI_INTA_MAX; i++)
		if (inta_instances[i].used && inta_instances[i].node == np)
			return inta_instances[i].domain;
	return NULL;
}

MODULE_DESCRIPTION("K3-style interrupt aggregator driver");
MODULE_LICENSE("MIT");
