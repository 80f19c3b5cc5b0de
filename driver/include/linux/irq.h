/* SPDX-License-Identifier: MIT */
/*
 * Per-interrupt data and irq_chip: the <linux/irq.h> model.
 *
 * Every virq has one irq_desc (irqdesc.h).  The desc embeds the outermost
 * irq_data; each ancestor domain in the hierarchy contributes one more irq_data,
 * chained through parent_data, all sharing one irq_common_data.
 */
#ifndef IRQSIM_IRQ_H
#define IRQSIM_IRQ_H

#include <linux/cpumask.h>
#include <linux/irqsim_base.h>
/* what upstream's <linux/irq.h> brings along (through cpumask.h, slab.h...), so
 * an irqchip file that relies on it (bitmap_*, __init, kcalloc) builds as is */
#include <linux/bitmap.h>
#include <linux/init.h>
#include <linux/slab.h>

#ifdef __cplusplus
extern "C" {
#endif

struct irq_desc;
struct irq_domain;
struct msi_desc;
struct msi_msg;

/* trigger types (also IRQF_TRIGGER_* and DT flag cells) */
enum {
	IRQ_TYPE_NONE = 0x0,
	IRQ_TYPE_EDGE_RISING = 0x1,
	IRQ_TYPE_EDGE_FALLING = 0x2,
	IRQ_TYPE_EDGE_BOTH = 0x3,
	IRQ_TYPE_LEVEL_HIGH = 0x4,
	IRQ_TYPE_LEVEL_LOW = 0x8,
	IRQ_TYPE_LEVEL_MASK = 0xc,
	IRQ_TYPE_SENSE_MASK = 0xf,
};

/* irq_data state bits (irq_common_data.state_use_accessors), subset of IRQD_* */
enum {
	IRQD_TRIGGER_MASK = 0xf,
	IRQD_SETAFFINITY_PENDING = BIT(8),
	IRQD_ACTIVATED = BIT(9),
	IRQD_NO_BALANCING = BIT(10),
	IRQD_PER_CPU = BIT(11),
	IRQD_AFFINITY_SET = BIT(12),
	IRQD_LEVEL = BIT(13),
	IRQD_IRQ_DISABLED = BIT(16),
	IRQD_IRQ_MASKED = BIT(17),
	IRQD_IRQ_INPROGRESS = BIT(18),
	IRQD_IRQ_STARTED = BIT(22),
	IRQD_MANAGED_SHUTDOWN = BIT(23),
	IRQD_AFFINITY_ON_ACTIVATE = BIT(29),
};

struct irq_common_data {
	unsigned int state_use_accessors; /* IRQD_* */
	void *handler_data;
	struct msi_desc *msi_desc;
	struct cpumask affinity;	   /* what the user asked for */
	struct cpumask effective_affinity; /* where the hardware actually delivers */
	unsigned int ipi_offset;	   /* IPI: first CPU of the reservation */
};

struct irq_data {
	u32 mask;
	unsigned int irq;      /* virq */
	irq_hw_number_t hwirq; /* hwirq in this level's domain */
	struct irq_common_data *common;
	struct irq_chip *chip;
	struct irq_domain *domain;
	struct irq_data *parent_data; /* next level towards the root, NULL at the root */
	void *chip_data;
};

/* return values of irq_set_affinity callbacks */
enum {
	IRQ_SET_MASK_OK = 0,
	IRQ_SET_MASK_OK_NOCOPY,
	IRQ_SET_MASK_OK_DONE,
};

/* irqchip state queried/set with irq_get/set_irqchip_state */
enum irqchip_irq_state {
	IRQCHIP_STATE_PENDING,
	IRQCHIP_STATE_ACTIVE,
	IRQCHIP_STATE_MASKED,
	IRQCHIP_STATE_LINE_LEVEL,
};

struct irq_chip {
	const char *name;
	unsigned int (*irq_startup)(struct irq_data *data);
	void (*irq_shutdown)(struct irq_data *data);
	void (*irq_enable)(struct irq_data *data);
	void (*irq_disable)(struct irq_data *data);
	void (*irq_ack)(struct irq_data *data);
	void (*irq_mask)(struct irq_data *data);
	void (*irq_mask_ack)(struct irq_data *data);
	void (*irq_unmask)(struct irq_data *data);
	void (*irq_eoi)(struct irq_data *data);
	int (*irq_set_affinity)(struct irq_data *data, const struct cpumask *dest, bool force);
	int (*irq_retrigger)(struct irq_data *data);
	int (*irq_set_type)(struct irq_data *data, unsigned int flow_type);
	int (*irq_set_wake)(struct irq_data *data, unsigned int on);
	int (*irq_request_resources)(struct irq_data *data);
	void (*irq_release_resources)(struct irq_data *data);
	void (*irq_compose_msi_msg)(struct irq_data *data, struct msi_msg *msg);
	void (*irq_write_msi_msg)(struct irq_data *data, struct msi_msg *msg);
	int (*irq_get_irqchip_state)(struct irq_data *data, enum irqchip_irq_state which,
				     bool *state);
	int (*irq_set_irqchip_state)(struct irq_data *data, enum irqchip_irq_state which,
				     bool state);
	void (*ipi_send_single)(struct irq_data *data, unsigned int cpu);
	void (*ipi_send_mask)(struct irq_data *data, const struct cpumask *dest);
	unsigned long flags; /* IRQCHIP_* */
};

enum {
	IRQCHIP_SET_TYPE_MASKED = BIT(0),
	IRQCHIP_EOI_IF_HANDLED = BIT(1),
	IRQCHIP_MASK_ON_SUSPEND = BIT(2),
	IRQCHIP_ONESHOT_SAFE = BIT(3),
	IRQCHIP_EOI_THREADED = BIT(4),
	IRQCHIP_SKIP_SET_WAKE = BIT(5),
	IRQCHIP_SUPPORTS_LEVEL_MSI = BIT(6),
	IRQCHIP_SUPPORTS_NMI = BIT(7),
};

/* the chip of an unconfigured level: every callback is a safe no-op */
extern struct irq_chip no_irq_chip;
extern struct irq_chip dummy_irq_chip;

/* ---- irq_data accessors ----------------------------------------------------- */
static inline struct irq_chip *irq_data_get_irq_chip(struct irq_data *d)
{
	return d->chip;
}
static inline void *irq_data_get_irq_chip_data(struct irq_data *d)
{
	return d->chip_data;
}
static inline irq_hw_number_t irqd_to_hwirq(struct irq_data *d)
{
	return d->hwirq;
}
static inline struct msi_desc *irq_data_get_msi_desc(struct irq_data *d)
{
	return d->common->msi_desc;
}
static inline void *irq_data_get_irq_handler_data(struct irq_data *d)
{
	return d->common->handler_data;
}
static inline const struct cpumask *irq_data_get_affinity_mask(struct irq_data *d)
{
	return &d->common->affinity;
}
static inline const struct cpumask *irq_data_get_effective_affinity_mask(struct irq_data *d)
{
	return &d->common->effective_affinity;
}
static inline void irq_data_update_effective_affinity(struct irq_data *d, const struct cpumask *m)
{
	cpumask_copy(&d->common->effective_affinity, m);
}
static inline u32 irqd_get_trigger_type(struct irq_data *d)
{
	return d->common->state_use_accessors & IRQD_TRIGGER_MASK;
}
static inline void irqd_set_trigger_type(struct irq_data *d, u32 type)
{
	d->common->state_use_accessors &= ~IRQD_TRIGGER_MASK;
	d->common->state_use_accessors |= type & IRQD_TRIGGER_MASK;
}
#define IRQD_ACCESSOR(name, bit)                               \
	static inline bool irqd_##name(struct irq_data *d)     \
	{                                                      \
		return d->common->state_use_accessors & (bit); \
	}
IRQD_ACCESSOR(is_activated, IRQD_ACTIVATED)
IRQD_ACCESSOR(irq_disabled, IRQD_IRQ_DISABLED)
IRQD_ACCESSOR(irq_masked, IRQD_IRQ_MASKED)
IRQD_ACCESSOR(irq_inprogress, IRQD_IRQ_INPROGRESS)
IRQD_ACCESSOR(is_started, IRQD_IRQ_STARTED)
IRQD_ACCESSOR(is_per_cpu, IRQD_PER_CPU)
IRQD_ACCESSOR(is_level_type, IRQD_LEVEL)
#undef IRQD_ACCESSOR

/* ---- lookups by virq -------------------------------------------------------- */
struct irq_data *irq_get_irq_data(unsigned int irq);
struct irq_chip *irq_get_chip(unsigned int irq);
void *irq_get_chip_data(unsigned int irq);
void *irq_get_handler_data(unsigned int irq);
struct msi_desc *irq_get_msi_desc(unsigned int irq);
u32 irq_get_trigger_type(unsigned int irq);

/* ---- flow handlers ---------------------------------------------------------- */
typedef void (*irq_flow_handler_t)(struct irq_desc *desc);

void handle_level_irq(struct irq_desc *desc);
void handle_edge_irq(struct irq_desc *desc);
void handle_fasteoi_irq(struct irq_desc *desc);
void handle_simple_irq(struct irq_desc *desc);
void handle_percpu_irq(struct irq_desc *desc);
void handle_percpu_devid_irq(struct irq_desc *desc);
void handle_bad_irq(struct irq_desc *desc);
/* the name of a flow handler for /proc/interrupts ("fasteoi", "edge", ...) */
const char *irq_flow_handler_name(irq_flow_handler_t handler);

/* ---- setting up a virq ------------------------------------------------------ */
int irq_set_chip(unsigned int irq, const struct irq_chip *chip);
int irq_set_chip_data(unsigned int irq, void *data);
int irq_set_handler_data(unsigned int irq, void *data);
int irq_set_irq_type(unsigned int irq, unsigned int type);
int irq_set_msi_desc(unsigned int irq, struct msi_desc *entry);
void __irq_set_handler(unsigned int irq, irq_flow_handler_t handle, int is_chained,
		       const char *name);
static inline void irq_set_handler(unsigned int irq, irq_flow_handler_t handle)
{
	__irq_set_handler(irq, handle, 0, NULL);
}
void irq_set_chip_and_handler_name(unsigned int irq, const struct irq_chip *chip,
				   irq_flow_handler_t handle, const char *name);
static inline void irq_set_chip_and_handler(unsigned int irq, const struct irq_chip *chip,
					    irq_flow_handler_t handle)
{
	irq_set_chip_and_handler_name(irq, chip, handle, NULL);
}
/*
 * Install a chained (demultiplexing) flow handler: marks the virq
 * not-requestable, applies its trigger type, and activates and starts it up at once.
 */
void irq_set_chained_handler_and_data(unsigned int irq, irq_flow_handler_t handle, void *data);
static inline void irq_set_chained_handler(unsigned int irq, irq_flow_handler_t handle)
{
	__irq_set_handler(irq, handle, 1, NULL);
}
/* mark a virq per-CPU with per-CPU dev_id (PPIs, SGIs) */
int irq_set_percpu_devid(unsigned int irq);

/* status flags of a desc (irq_settings): IRQ_NOREQUEST etc. */
enum {
	IRQ_TYPE_DEFAULT = IRQ_TYPE_SENSE_MASK,
	IRQ_LEVEL = BIT(8),
	IRQ_PER_CPU = BIT(9),
	IRQ_NOPROBE = BIT(10),
	IRQ_NOREQUEST = BIT(11),
	IRQ_NOAUTOEN = BIT(12),
	IRQ_NO_BALANCING = BIT(13),
	IRQ_NESTED_THREAD = BIT(15),
	IRQ_NOTHREAD = BIT(16),
	IRQ_PER_CPU_DEVID = BIT(17),
	IRQ_IS_POLLED = BIT(18),
	IRQ_DISABLE_UNLAZY = BIT(19),
};
void irq_modify_status(unsigned int irq, unsigned long clr, unsigned long set);
static inline void irq_set_status_flags(unsigned int irq, unsigned long set)
{
	irq_modify_status(irq, 0, set);
}
static inline void irq_clear_status_flags(unsigned int irq, unsigned long clr)
{
	irq_modify_status(irq, clr, 0);
}

/* ---- hierarchy (stacked chip) helpers --------------------------------------- */
void irq_chip_enable_parent(struct irq_data *data);
void irq_chip_disable_parent(struct irq_data *data);
void irq_chip_ack_parent(struct irq_data *data);
void irq_chip_mask_parent(struct irq_data *data);
void irq_chip_mask_ack_parent(struct irq_data *data);
void irq_chip_unmask_parent(struct irq_data *data);
void irq_chip_eoi_parent(struct irq_data *data);
int irq_chip_set_affinity_parent(struct irq_data *data, const struct cpumask *dest, bool force);
int irq_chip_set_type_parent(struct irq_data *data, unsigned int type);
int irq_chip_set_wake_parent(struct irq_data *data, unsigned int on);
int irq_chip_retrigger_hierarchy(struct irq_data *data);
int irq_chip_request_resources_parent(struct irq_data *data);
void irq_chip_release_resources_parent(struct irq_data *data);
int irq_chip_get_parent_state(struct irq_data *data, enum irqchip_irq_state which, bool *state);
int irq_chip_set_parent_state(struct irq_data *data, enum irqchip_irq_state which, bool val);
/* compose the MSI message using the innermost level that can; -ENOSYS if none */
int irq_chip_compose_msi_msg(struct irq_data *data, struct msi_msg *msg);

/* ---- chip state ------------------------------------------------------------- */
int irq_get_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool *state);
int irq_set_irqchip_state(unsigned int irq, enum irqchip_irq_state which, bool val);

/* ---- affinity --------------------------------------------------------------- */
int irq_set_affinity(unsigned int irq, const struct cpumask *cpumask);
int irq_force_affinity(unsigned int irq, const struct cpumask *cpumask);
int irq_do_set_affinity(struct irq_data *data, const struct cpumask *mask, bool force);

/* ---- IPIs (kernel/irq/ipi.c) ------------------------------------------------ */
#define INVALID_HWIRQ (~0UL)
int irq_reserve_ipi(struct irq_domain *domain, const struct cpumask *dest);
int irq_destroy_ipi(unsigned int irq, const struct cpumask *dest);
irq_hw_number_t ipi_get_hwirq(unsigned int irq, unsigned int cpu);
int __ipi_send_single(struct irq_desc *desc, unsigned int cpu);
int __ipi_send_mask(struct irq_desc *desc, const struct cpumask *dest);
int ipi_send_single(unsigned int virq, unsigned int cpu);
int ipi_send_mask(unsigned int virq, const struct cpumask *dest);

/*
 * Annotated chip calls.  The core never calls chip callbacks directly: these
 * wrappers note "chipname:callback hwirq=N" for the trace before each call, so a
 * waveform shows which callback caused each bus access.
 */
void irq_chip_annotate(struct irq_data *d, const char *callback);

struct pt_regs;
/*
 * The root irqchip's IRQ entry (arm64's CONFIG_GENERIC_IRQ_MULTI_HANDLER).
 * Return: 0, or -EBUSY if another entry is installed.
 */
int set_handle_irq(void (*handle_irq)(struct pt_regs *regs));

#ifdef __cplusplus
}
#endif
#endif /* IRQSIM_IRQ_H */
