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
#include <linux/spinlock.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device;
struct device_node;
struct ti_sci_handle;

/* resource subtypes of TI_SCI_MSG_GET_RESOURCE_RANGE */
#define TI_SCI_RESASG_SUBTYPE_IR_OUTPUT 0x0
#define TI_SCI_RESASG_SUBTYPE_IA_VINT 0xa
#define TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT 0xd

/* "no resource" answer of ti_sci_get_free_resource() */
#define TI_SCI_RESOURCE_NULL 0xffff

/* what the firmware reports about itself (the model leaves it zero) */
struct ti_sci_version_info {
	u8 abi_major;
	u8 abi_minor;
	u16 firmware_revision;
	char firmware_description[32];
};

/*
 * One set of a resource: the firmware's answer for one subtype, a primary and
 * an optional secondary range, and the allocation bitmap over both
 * (bits 0..num-1 the primary range, num..num+num_sec-1 the secondary).
 */
struct ti_sci_resource_desc {
	u16 start;
	u16 num;
	u16 start_sec;
	u16 num_sec;
	unsigned long *res_map;
};

/* get_range fills @desc's start/num (and start_sec/num_sec); 0 or -errno */
struct ti_sci_rm_core_ops {
	int (*get_range)(const struct ti_sci_handle *handle, u32 dev_id, u8 subtype,
			 struct ti_sci_resource_desc *desc);
	int (*get_range_from_shost)(const struct ti_sci_handle *handle, u32 dev_id, u8 subtype,
				    u8 s_host, struct ti_sci_resource_desc *desc);
};

struct ti_sci_rm_irq_ops {
	int (*set_irq)(const struct ti_sci_handle *handle, u16 src_id, u16 src_index, u16 dst_id,
		       u16 dst_host_irq);
	int (*set_event_map)(const struct ti_sci_handle *handle, u16 src_id, u16 src_index,
			     u16 ia_id, u16 vint, u16 global_event, u8 vint_status_bit);
	int (*free_irq)(const struct ti_sci_handle *handle, u16 src_id, u16 src_index, u16 dst_id,
			u16 dst_host_irq);
	int (*free_event_map)(const struct ti_sci_handle *handle, u16 src_id, u16 src_index,
			      u16 ia_id, u16 vint, u16 global_event, u8 vint_status_bit);
};

/* the operation groups the interrupt drivers use (upstream has more groups) */
struct ti_sci_ops {
	struct ti_sci_rm_core_ops rm_core_ops;
	struct ti_sci_rm_irq_ops rm_irq_ops;
};

/* as upstream: the ops are embedded by value (handle->ops.rm_irq_ops.set_irq(...)) */
struct ti_sci_handle {
	struct ti_sci_version_info version;
	struct ti_sci_ops ops;
};

/* a resource assigned to a device: @sets subtypes, each a ti_sci_resource_desc */
struct ti_sci_resource {
	u16 sets;
	raw_spinlock_t lock; /* every set's res_map */
	struct ti_sci_resource_desc *desc;
};

/**
 * ti_sci_get_handle() - the firmware, for @dev
 * Return: the installed handle; ERR_PTR(-EINVAL) without @dev,
 * ERR_PTR(-EPROBE_DEFER) while no firmware is installed (as in the kernel
 * while the TI-SCI driver has not probed).
 */
const struct ti_sci_handle *ti_sci_get_handle(struct device *dev);
/* nothing is counted here: 0, or -EINVAL for a bad handle */
int ti_sci_put_handle(const struct ti_sci_handle *handle);
/* ti_sci_get_handle(), put again when @dev's binding ends */
const struct ti_sci_handle *devm_ti_sci_get_handle(struct device *dev);
/**
 * ti_sci_get_by_phandle() - the firmware @np's @property points at
 * Return: the handle; ERR_PTR(-EINVAL) (no @np/@property), ERR_PTR(-ENODEV)
 * (no such phandle), ERR_PTR(-EPROBE_DEFER) (no firmware installed yet).
 * The model is one firmware: any node the phandle names is taken as its node.
 */
const struct ti_sci_handle *ti_sci_get_by_phandle(struct device_node *np, const char *property);
const struct ti_sci_handle *devm_ti_sci_get_by_phandle(struct device *dev, const char *property);

/* the lowest free id over the sets (primary range first), TI_SCI_RESOURCE_NULL if none */
u16 ti_sci_get_free_resource(struct ti_sci_resource *res);
/* give @id back to the set holding it (ids of no set are logged and ignored) */
void ti_sci_release_resource(struct ti_sci_resource *res, u16 id);
/* how many ids the sets hold together */
u32 ti_sci_get_num_resources(struct ti_sci_resource *res);

/**
 * devm_ti_sci_get_resource_sets() - ask the firmware for @dev_id's ranges of
 * each of @sub_types[0..@sets-1]; a subtype the firmware refuses is an empty set.
 * Return: the resource (devm), ERR_PTR(-EINVAL) when no set is usable,
 * ERR_PTR(-ENOMEM).
 */
struct ti_sci_resource *devm_ti_sci_get_resource_sets(const struct ti_sci_handle *handle,
						      struct device *dev, u32 dev_id,
						      u32 *sub_types, u32 sets);
/* the same for one subtype */
struct ti_sci_resource *devm_ti_sci_get_resource(const struct ti_sci_handle *handle,
						 struct device *dev, u32 dev_id, u32 sub_type);
/* the subtypes listed in @dev's property @of_prop (upstream's binding of that property) */
struct ti_sci_resource *devm_ti_sci_get_of_resource(const struct ti_sci_handle *handle,
						    struct device *dev, u32 dev_id, char *of_prop);

/* ---- the platform's side (not upstream API) ---- */
/**
 * ti_sci_install_handle() - make @h the system firmware drivers talk to
 * @h: handle (NULL uninstalls); must outlive every probed INTR/INTA
 *
 * irqsim_core_reset() uninstalls it: a platform installs it again before
 * probing after a reset.
 */
void ti_sci_install_handle(const struct ti_sci_handle *h);
/* the installed firmware, NULL if none (for the harness; drivers ask with a device) */
const struct ti_sci_handle *ti_sci_installed_handle(void);

#ifdef __cplusplus
}
#endif
#endif
