/* SPDX-License-Identifier: MIT */
/*
 * Driver of the irqsim IMS device (rtl/dev/dev_ims.sv, compatible "irqsim,ims"):
 * a device with its own interrupt message store.  The driver owns the slots:
 * each requested slot is a vector of the device's own MSI domain (a per-device
 * domain, child of the MSI parent the device tree names: GIC MBI, DirectLPI or
 * the INTA doorbell), whose chip masks/unmasks the slot and writes its
 * address/data registers.
 *
 *   struct ims_device *ims;
 *   ims_probe(node, &ims);                          // finds the MSI parent
 *   int virq = ims_request_slot(ims, handler, "q0", ctx);   // any free slot
 *   ims_fire(ims, ims_virq_to_slot(ims, virq));      // the device's event
 *   ims_release_slot(ims, virq);
 *   ims_remove(ims);
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
 * ims_probe() - probe an "irqsim,ims" node: map its registers, check the ID
 * register, find the MSI parent (`msi-parent`, and `irqsim,msi-parent-kind` =
 * "mbi" / "lpi" / "inta" when the parent node hosts several MSI parents: the
 * domain whose msi_parent_ops prefix starts with it), mask every slot and
 * create the device's MSI domain.
 * Return: 0, -EINVAL (bad node, logged naming the property), -ENODEV (no such
 * device at reg, or no MSI parent), -ENOMEM.
 */
int ims_probe(struct device_node *node, struct ims_device **out);
/* the same with an explicit MSI parent domain (tests, other parents) */
int ims_probe_parent(struct device_node *node, struct irq_domain *parent, struct ims_device **out);
/* release every slot still requested, the MSI domain and the device */
void ims_remove(struct ims_device *ims);

/**
 * ims_request_slot() - take a free slot, allocate its vector and request_irq
 * Return: the virq (> 0), or -ENOSPC (no free slot, or the MSI parent is
 * exhausted: nothing is left allocated), -EINVAL, -ENOMEM or request_irq's error.
 * Safe to call concurrently with other requests and releases.
 */
int ims_request_slot(struct ims_device *ims, irq_handler_t handler, const char *name, void *dev_id);
/* the same at a given slot (-EBUSY if taken) */
int ims_request_slot_at(struct ims_device *ims, unsigned int slot, irq_handler_t handler, const char *name,
			void *dev_id);
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

/* ---- device side (what the device does on its own; for tests and scenarios) ---- */
/* fire @slot (TRIGGER register): sends its message, or latches PENDING if masked */
int ims_fire(struct ims_device *ims, unsigned int slot);
/* CTRL of @slot (IMS_CTRL_MASK | IMS_CTRL_PENDING), or 0 */
u32 ims_slot_ctrl(struct ims_device *ims, unsigned int slot);
/* messages the device sent with an OKAY response / answered with an error */
u32 ims_sent_count(struct ims_device *ims);
u32 ims_error_count(struct ims_device *ims);
/* LAST_ERROR register ([31] valid, [23:8] slot, [1:0] response) */
u32 ims_last_error(struct ims_device *ims);
/* raw register write in slot @slot (tests of the device contract) */
void ims_write_slot_reg(struct ims_device *ims, unsigned int slot, unsigned int off, u32 val);

#ifdef __cplusplus
}
#endif
#endif
