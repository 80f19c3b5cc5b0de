/* SPDX-License-Identifier: MIT */
/*
 * The irqsim DMA-ring device ("irqsim,dma-ring"): NUM_RINGS rings, each
 * completing posted descriptors and raising one event (TI-SCI source
 * <ti,sci-dev-id, ring>) towards its INTA.  Its interrupts are INTA-MSI
 * vectors allocated per ring on demand: nothing is allocated at probe.
 *
 * Registers (reg, non-secure): ring r at 0x100 * r: DOORBELL +0x0 (write N to
 * post N descriptors), COMPLETED +0x4, PENDING +0x8.
 */
#ifndef IRQSIM_DMA_RING_H
#define IRQSIM_DMA_RING_H

#include <linux/device.h>
#include <linux/interrupt.h>

#ifdef __cplusplus
extern "C" {
#endif

struct device_node;

#define DMA_RING_STRIDE 0x100
#define DMA_RING_DOORBELL 0x00
#define DMA_RING_COMPLETED 0x04
#define DMA_RING_PENDING 0x08
#define DMA_RING_DEFAULT_NR 32

struct dma_ring_device;

/**
 * dma_ring_get() - the device the "irqsim-dma-ring" platform driver bound to
 * an "irqsim,dma-ring" node (reg, ti,sci-dev-id, msi-parent = the INTA,
 * optional irqsim,num-rings, default 32) when the platform bus was populated
 * @node: the device node
 * @out: receives the device, NULL on failure
 * Return: 0; -ENODEV (no platform device for @node); -EPROBE_DEFER while no
 * driver is bound to it (waiting for the TI-SCI firmware or the INTA, or its
 * probe failed: the log and the deferral reason say why).
 */
int dma_ring_get(struct device_node *node, struct dma_ring_device **out);

/**
 * dma_ring_remove() - unbind the driver: release every channel and free the
 * device's state (@dd is invalid afterwards)
 * @dd: device (NULL is ignored)
 */
void dma_ring_remove(struct dma_ring_device *dd);

/* the struct device the MSI vectors belong to (name, TI-SCI id) */
struct device *dma_ring_to_dev(struct dma_ring_device *dd);
unsigned int dma_ring_count(const struct dma_ring_device *dd);

/**
 * dma_ring_request_channel() - allocate @ring's vector and install @handler
 * @dd: device
 * @ring: ring number
 * @handler: called as handler(virq, @ctx) for each completion interrupt
 * @ctx: cookie (also the dev_id for free_irq)
 *
 * There is no CPU argument: the vector's VINT may be shared with other rings,
 * so its affinity cannot be chosen per ring (see irq-ti-sci-inta.c).
 * Return: the virq (> 0), or -EINVAL (bad ring / handler), -EBUSY (ring
 * already has a channel), -ENOSPC (no VINT / status bit / global event), or
 * the MSI layer's / request_irq's error; on error nothing stays allocated.
 */
int dma_ring_request_channel(struct dma_ring_device *dd, unsigned int ring, irq_handler_t handler,
			     void *ctx);

/**
 * dma_ring_release_channel() - free_irq and free @ring's vector
 * Return: 0, -EINVAL (bad ring / no channel).
 */
int dma_ring_release_channel(struct dma_ring_device *dd, unsigned int ring);

/** dma_ring_post() - post @n descriptors on @ring (DOORBELL). Return: 0 or -EINVAL. */
int dma_ring_post(struct dma_ring_device *dd, unsigned int ring, u32 n);
/** dma_ring_completed() - @ring's COMPLETED counter (0 for a bad ring, logged) */
u32 dma_ring_completed(struct dma_ring_device *dd, unsigned int ring);
/** dma_ring_pending() - @ring's PENDING counter (0 for a bad ring, logged) */
u32 dma_ring_pending(struct dma_ring_device *dd, unsigned int ring);
/** dma_ring_virq() - virq of @ring's channel, 0 if none */
unsigned int dma_ring_virq(struct dma_ring_device *dd, unsigned int ring);

#ifdef __cplusplus
}
#endif
#endif
