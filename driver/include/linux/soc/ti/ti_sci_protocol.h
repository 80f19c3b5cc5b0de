/* SPDX-License-Identifier: MIT */
/*
 * TI-SCI (system firmware) interface used by the K3-style interrupt router
 * (INTR) and aggregator (INTA) drivers: resource-range queries and the
 * resource-manager calls that program the secure routing registers (INTR
 * MUXCNTL, INTA IMAP, DMA-ring RING_EVENT), which the host cannot write.
 *
 * The firmware is a model provided by the platform (sim/ or a unit-test fake)
 * and installed with ti_sci_install_handle().  It checks every request against
 * the host's resource ranges and answers -EINVAL (outside), -EBUSY (set twice)
 * or -EINVAL (free of something never set).
 */
#ifndef IRQSIM_TI_SCI_PROTOCOL_H
#define IRQSIM_TI_SCI_PROTOCOL_H

#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device_node;
struct ti_sci_handle;

/* resource subtypes of TI_SCI_MSG_GET_RESOURCE_RANGE */
#define TI_SCI_RESASG_SUBTYPE_IR_OUTPUT 0x0
#define TI_SCI_RESASG_SUBTYPE_IA_VINT 0xa
#define TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT 0xd

/* "no resource" answer of a resource allocator */
#define TI_SCI_RESOURCE_NULL 0xffff

struct ti_sci_rm_core_ops {
	int (*get_range)(const struct ti_sci_handle *h, u32 dev_id, u8 subtype, u16 *range_start,
			 u16 *range_num);
};

struct ti_sci_rm_irq_ops {
	int (*set_irq)(const struct ti_sci_handle *h, u16 src_id, u16 src_index, u16 dst_id,
		       u16 dst_host_irq);
	int (*free_irq)(const struct ti_sci_handle *h, u16 src_id, u16 src_index, u16 dst_id,
			u16 dst_host_irq);
	int (*set_event_map)(const struct ti_sci_handle *h, u16 src_id, u16 src_index, u16 ia_id,
			     u16 vint, u16 global_event, u8 vint_status_bit);
	int (*free_event_map)(const struct ti_sci_handle *h, u16 src_id, u16 src_index, u16 ia_id,
			      u16 vint, u16 global_event, u8 vint_status_bit);
};

struct ti_sci_ops {
	struct ti_sci_rm_core_ops rm_core_ops;
	struct ti_sci_rm_irq_ops rm_irq_ops;
};

struct ti_sci_handle {
	const struct ti_sci_ops *ops;
	void *priv; /* the firmware model's own data */
};

/**
 * ti_sci_install_handle() - make @h the system firmware drivers talk to
 * @h: handle (NULL uninstalls); must outlive every probed INTR/INTA
 *
 * irqsim_core_reset() uninstalls it: a platform installs it again before
 * probing after a reset.
 */
void ti_sci_install_handle(const struct ti_sci_handle *h);

/**
 * ti_sci_get_handle() - the installed firmware
 * Return: the handle, or NULL when the platform installed none.
 */
const struct ti_sci_handle *ti_sci_get_handle(void);

struct device;

/**
 * devm_ti_sci_get_handle() - the firmware, for the probe of @dev
 * @dev: the device being probed
 *
 * Return: the handle, or ERR_PTR(-EPROBE_DEFER) while no firmware is
 * installed (as in the kernel while the TI-SCI driver has not probed yet), so
 * the probe defers and is retried.  Nothing is held: the release is a no-op.
 */
const struct ti_sci_handle *devm_ti_sci_get_handle(struct device *dev);

#ifdef __cplusplus
}
#endif
#endif
