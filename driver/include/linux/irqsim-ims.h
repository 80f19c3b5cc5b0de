/* SPDX-License-Identifier: MIT */
/*
 * Driver of the irqsim IMS device (rtl/dev/dev_ims.sv, compatible "irqsim,ims"):
 * a device with its own interrupt message store.  The driver owns the slots:
 * each requested slot is a vector of the device's own MSI domain (a per-device
 * domain, child of the MSI parent the device tree names: GIC MBI, DirectLPI or
 * the INTA doorbell), whose chip masks/unmasks the slot and writes its
 * address/data registers.  A platform driver ("irqsim-ims"): it binds when the
 * bus is populated, deferring until its msi-parent has an MSI parent domain.
 * Its users (a kernel client, the harness) take slots from the bound device:
 *
 *   struct ims_device *ims;
 *   ims_get(node, &ims);                                    // the bound device
 *   int virq = ims_request_slot(ims, handler, "q0", ctx);   // any free slot
 *   ims_release_slot(ims, virq);
 *
 * What the device does on its own (a TRIGGER write fires a slot) is not the
 * driver's: the harness reaches the registers over the bus.
 */
#ifndef IRQSIM_IMS_H
#define IRQSIM_IMS_H

#include <linux/device.h>
#include <linux/interrupt.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device_node;
struct irq_domain;
struct ims_device;

/* register map (offsets in the device's 4 KB window) */
#define IMS_ID 0x000
#define IMS_ID_MAGIC 0x494d
#define IMS_TRIGGER 0x004
#define IMS_ERRORS 0x008
#define IMS_LAST_ERROR 0x00c
#define IMS_SENT 0x010
#define IMS_STATUS 0x014
#define IMS_SLOT_BASE 0x100
#define IMS_SLOT_STRIDE 0x10
#define IMS_SLOT_ADDR_LO 0x0
#define IMS_SLOT_ADDR_HI 0x4
#define IMS_SLOT_DATA 0x8
#define IMS_SLOT_CTRL 0xc
#define IMS_CTRL_MASK BIT(0)
#define IMS_CTRL_PENDING BIT(1)
#define IMS_CTRL_CLEAR BIT(1) /* written with MASK: discard the slot's message (PENDING, queued) */
#define IMS_MAX_SLOTS 240

/**
 * ims_get() - the device the "irqsim-ims" platform driver bound to @node
 * Return: 0 with *out set, -ENODEV (no platform device for @node), or
 * -EPROBE_DEFER while no driver is bound to it (its probe deferred or failed:
 * the log and the deferral reason say why), as a consumer of a provider
 * sees it.  Unbinding
 * (device_release_driver(ims_to_dev(ims))) releases every slot still
 * requested and the device's MSI domain.
 */
int ims_get(struct device_node *node, struct ims_device **out);

/**
 * ims_request_slot() - take a free slot, allocate its vector and request_irq
 * Return: the virq (> 0), or -ENOSPC (no free slot, or the MSI parent is
 * exhausted: nothing is left allocated), -EINVAL, -ENOMEM or request_irq's error.
 * Safe to call concurrently with other requests and releases.
 */
int ims_request_slot(struct ims_device *ims, irq_handler_t handler, const char *name, void *dev_id);
/* the same at a given slot (-EBUSY if taken) */
int ims_request_slot_at(struct ims_device *ims, unsigned int slot, irq_handler_t handler,
			const char *name, void *dev_id);
/* free_irq + free the vector; the slot becomes free.  0 or -EINVAL (not an IMS virq of @ims) */
int ims_release_slot(struct ims_device *ims, unsigned int virq);

/* slot of a requested virq, or -EINVAL */
int ims_virq_to_slot(struct ims_device *ims, unsigned int virq);
/* virq of a requested slot, 0 if none */
unsigned int ims_slot_virq(struct ims_device *ims, unsigned int slot);
unsigned int ims_slot_count(const struct ims_device *ims);
unsigned int ims_slots_in_use(struct ims_device *ims);
struct device *ims_to_dev(struct ims_device *ims);
/* the device's MSI domain and its parent */
struct irq_domain *ims_domain(struct ims_device *ims);
struct irq_domain *ims_parent_domain(struct ims_device *ims);

#ifdef __cplusplus
}
#endif
#endif
