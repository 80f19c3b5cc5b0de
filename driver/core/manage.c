// SPDX-License-Identifier: MIT
/*
 * The driver-facing interrupt API: request_irq/free_irq (shared lines),
 * disable/enable with nesting depth, affinity, and the per-CPU devid variants.
 *
 * The first request of a line reserves its resources, programs the trigger,
 * activates the hierarchy and starts it; the last free undoes it in reverse.
 * Resource requests and (de)activation may set up other interrupts (a chained
 * parent), so they run under request_mutex but outside the desc lock.
 */
#include <stdlib.h>

#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/irqdomain.h>

#include "internals.h"
#include "internals_chip.h"

/* serialises request/free of all virqs (never taken from interrupt context) */
static struct mutex request_mutex = { PTHREAD_MUTEX_INITIALIZER };

static const char *nm(const char *name)
{
	return name ? name : "(unnamed)";
}

static int request_resources(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (!d->chip || !d->chip->irq_request_resources)
		return 0;
	irq_chip_annotate(d, "irq_request_resources");
	return d->chip->irq_request_resources(d);
}

static void release_resources(struct irq_desc *desc)
{
	struct irq_data *d = &desc->irq_data;

	if (!d->chip || !d->chip->irq_release_resources)
		return;
	irq_chip_annotate(d, "irq_release_resources");
	d->chip->irq_release_resources(d);
}

/*
 * First user of a line: resources, activation.  Called with request_mutex
 * held and the desc unlocked.  On failure everything is undone.
 */
static int setup_first(struct irq_desc *desc, const char *name)
{
	unsigned int irq = desc->irq_data.irq;
	int ret;

	ret = request_resources(desc);
	if (ret) {
		pr_err("irq %u: %s: chip %s refused resources (%d)", irq, nm(name),
		       desc->irq_data.chip->name, ret);
		return ret;
	}
	ret = irq_domain_activate_irq(&desc->irq_data, false);
	if (ret) {
		pr_err("irq %u: %s: activation failed (%d)", irq, nm(name), ret);
		release_resources(desc);
	}
	return ret;
}

static void teardown_last(struct irq_desc *desc)
{
	irq_domain_deactivate_irq(&desc->irq_data);
	release_resources(desc);
}

/* refuse what request_irq must not touch; desc locked */
static int check_requestable(struct irq_desc *desc, const char *name, bool percpu)
{
	unsigned int irq = desc->irq_data.irq;
	unsigned int st = desc->status_use_accessors;

	if (!percpu && (st & IRQ_PER_CPU_DEVID)) {
		pr_err("irq %u: %s: per-CPU devid irq needs request_percpu_irq", irq, nm(name));
		return -EINVAL;
	}
	if (percpu && !(st & IRQ_PER_CPU_DEVID)) {
		pr_err("irq %u: %s: request_percpu_irq on an irq that is not per-CPU devid", irq,
		       nm(name));
		return -EINVAL;
	}
	if (st & IRQ_NOREQUEST) {
		pr_err("irq %u: %s: irq is not requestable%s", irq, nm(name),
		       (desc->istate & IRQS_CHAINED) ? " (chained handler installed)" : "");
		return -EINVAL;
	}
	return 0;
}

/**
 * request_irq() - install an interrupt handler
 * @irq: virq
 * @handler: called with (irq, dev) for every interrupt
 * @flags: IRQF_* (trigger, IRQF_SHARED, IRQF_NO_AUTOEN, ...)
 * @name: shown in the views
 * @dev: cookie passed to @handler and identifying the handler to free_irq()
 *
 * The first handler of a line requests the chip's resources, programs the
 * trigger (from @flags, or the type stored at mapping time), activates the
 * hierarchy and starts the interrupt (unless IRQF_NO_AUTOEN).  Further
 * handlers need IRQF_SHARED on every handler and the same trigger.
 *
 * Return: 0, -EINVAL (unknown virq, no handler, shared without dev, not
 * requestable or per-CPU), -EBUSY (busy and not shareable, trigger
 * mismatch), -ENOMEM, or the chip's / activation's error.
 */
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags, const char *name,
		void *dev)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "request_irq");
	struct irqaction *action, **tail;
	int ret;

	if (!desc)
		return -EINVAL;
	if (!handler) {
		pr_err("irq %u: %s: request_irq without a handler", irq, nm(name));
		return -EINVAL;
	}
	if ((flags & IRQF_SHARED) && !dev) {
		pr_err("irq %u: %s: shared request without dev_id", irq, nm(name));
		return -EINVAL;
	}
	action = calloc(1, sizeof(*action));
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->dev_id = dev;
	action->irq = irq;
	action->name = name;
	if (irqsim_annotate_enabled())
		irqsim_annotate("request_irq virq=%u %s", irq, nm(name));

	mutex_lock(&request_mutex);
	raw_spin_lock(&desc->lock);
	ret = check_requestable(desc, name, false);
	if (ret)
		goto out_unlock;
	if (!(flags & IRQF_TRIGGER_MASK))
		flags |= irqd_get_trigger_type(&desc->irq_data);
	action->flags = (unsigned int)flags;

	if (desc->action) {
		struct irqaction *old = desc->action;

		ret = -EBUSY;
		if (!(old->flags & flags & IRQF_SHARED)) {
			pr_err("irq %u: %s: already requested by %s and not shared", irq, nm(name),
			       nm(old->name));
			goto out_unlock;
		}
		if ((old->flags ^ flags) & (IRQF_TRIGGER_MASK | IRQF_ONESHOT)) {
			pr_err("irq %u: %s: flags 0x%lx do not match 0x%x of %s", irq, nm(name),
			       flags, old->flags, nm(old->name));
			goto out_unlock;
		}
		for (tail = &desc->action; *tail; tail = &(*tail)->next)
			;
		/* handlers may be walking the list unlocked on another CPU */
		__atomic_store_n(tail, action, __ATOMIC_RELEASE);
		raw_spin_unlock(&desc->lock);
		mutex_unlock(&request_mutex);
		return 0;
	}
	raw_spin_unlock(&desc->lock);

	/* first handler: resources, trigger, activation, startup */
	ret = request_resources(desc);
	if (ret) {
		pr_err("irq %u: %s: chip %s refused resources (%d)", irq, nm(name),
		       desc->irq_data.chip->name, ret);
		goto out;
	}
	if (flags & IRQF_TRIGGER_MASK) {
		raw_spin_lock(&desc->lock);
		ret = __irq_set_trigger(desc, flags & IRQF_TRIGGER_MASK);
		raw_spin_unlock(&desc->lock);
		if (ret) {
			release_resources(desc);
			goto out;
		}
	}
	ret = irq_domain_activate_irq(&desc->irq_data, false);
	if (ret) {
		pr_err("irq %u: %s: activation failed (%d)", irq, nm(name), ret);
		release_resources(desc);
		goto out;
	}

	raw_spin_lock(&desc->lock);
	desc->action = action;
	desc->dev_name = name;
	desc->irq_count = 0;
	desc->irqs_unhandled = 0;
	desc->spurious_disabled = 0;
	desc->istate &= ~(IRQS_SPURIOUS_DISABLED | IRQS_PENDING | IRQS_BAD_LOGGED);
	if (flags & IRQF_NOBALANCING) {
		desc->status_use_accessors |= IRQ_NO_BALANCING;
		desc_irqd_set(desc, IRQD_NO_BALANCING);
	}
	if ((flags & IRQF_NO_AUTOEN) || (desc->status_use_accessors & IRQ_NOAUTOEN))
		desc->depth = 1; /* stays off until enable_irq() */
	else
		(void)irq_startup(desc, false);
	raw_spin_unlock(&desc->lock);
	mutex_unlock(&request_mutex);
	return 0;

out_unlock:
	raw_spin_unlock(&desc->lock);
out:
	mutex_unlock(&request_mutex);
	free(action);
	return ret;
}

/**
 * free_irq() - remove the handler registered with @dev_id
 * @irq: virq
 * @dev_id: the cookie given to request_irq()
 *
 * Waits until the handler is no longer running (unless called from it).
 * Removing the last handler shuts the line down (mask), deactivates the
 * hierarchy and releases the chip's resources.
 *
 * Return: the name the handler was requested with, NULL on misuse (logged).
 */
const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "free_irq");
	struct irqaction *action, **pp;
	const char *name;
	bool last;

	if (!desc)
		return NULL;
	mutex_lock(&request_mutex);
	raw_spin_lock(&desc->lock);
	if (desc->status_use_accessors & IRQ_PER_CPU_DEVID) {
		raw_spin_unlock(&desc->lock);
		mutex_unlock(&request_mutex);
		pr_err("irq %u: free_irq on a per-CPU devid irq (use free_percpu_irq)", irq);
		return NULL;
	}
	for (pp = &desc->action; *pp && (*pp)->dev_id != dev_id; pp = &(*pp)->next)
		;
	action = *pp;
	if (!action) {
		raw_spin_unlock(&desc->lock);
		mutex_unlock(&request_mutex);
		pr_err("irq %u: free_irq: no handler with dev_id %p", irq, dev_id);
		return NULL;
	}
	if (irqsim_annotate_enabled())
		irqsim_annotate("free_irq virq=%u %s", irq, nm(action->name));
	__atomic_store_n(pp, action->next, __ATOMIC_RELEASE);
	last = !desc->action;
	if (last)
		irq_shutdown(desc);
	desc->dev_name = last ? NULL : desc->action->name;
	raw_spin_unlock(&desc->lock);

	synchronize_irq_desc(desc);
	if (last)
		teardown_last(desc);
	mutex_unlock(&request_mutex);

	name = action->name;
	free(action);
	return name;
}

/**
 * disable_irq_nosync() - disable an interrupt without waiting for its handler
 * @irq: virq
 *
 * Nests: every call needs one enable_irq().  The first level masks the line.
 *
 * Return: nothing; an unknown virq is logged.
 */
void disable_irq_nosync(unsigned int irq)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "disable_irq");

	if (!desc)
		return;
	raw_spin_lock(&desc->lock);
	__disable_irq(desc);
	raw_spin_unlock(&desc->lock);
}

/**
 * disable_irq() - disable an interrupt and wait for a running handler
 * @irq: virq
 *
 * Return: nothing; an unknown virq is logged.
 */
void disable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);

	disable_irq_nosync(irq);
	if (desc)
		synchronize_irq_desc(desc);
}

/**
 * enable_irq() - undo one disable_irq()
 * @irq: virq
 *
 * At depth 1 the line is started (or enabled) again, and an edge that came
 * in while it was disabled is replayed.  At depth 0 the call is unbalanced:
 * one log line, no change.
 *
 * Return: nothing.
 */
void enable_irq(unsigned int irq)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "enable_irq");
	bool replay = false;

	if (!desc)
		return;
	raw_spin_lock(&desc->lock);
	switch (desc->depth) {
	case 0:
		pr_warn("Unbalanced enable for IRQ %u", irq);
		break;
	case 1:
		(void)irq_startup(desc, false);
		replay = check_irq_resend(desc);
		break;
	default:
		desc->depth--;
		break;
	}
	raw_spin_unlock(&desc->lock);
	/* no hardware retrigger: run the flow handler for the lost edge ourselves */
	if (replay)
		(void)generic_handle_irq_desc(desc);
}

/**
 * irq_get_disable_depth() - nesting depth of disable_irq()
 * @irq: virq
 *
 * Return: the depth (0 = enabled), or -EINVAL for an unknown virq.
 */
int irq_get_disable_depth(unsigned int irq)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "irq_get_disable_depth");
	int depth;

	if (!desc)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	depth = (int)desc->depth;
	raw_spin_unlock(&desc->lock);
	return depth;
}

/* ---- affinity --------------------------------------------------------------------------- */

/**
 * irq_do_set_affinity() - program the affinity through the outermost chip
 * @data: outermost irq_data (desc lock held)
 * @mask: requested CPUs
 * @force: program @mask as is, even offline CPUs
 *
 * Without @force the chip gets @mask limited to online CPUs.  On success the
 * affinity is stored; when the chip answers IRQ_SET_MASK_OK without saying
 * where it delivers, the effective affinity becomes the programmed mask.
 *
 * Return: 0, -EINVAL (per-CPU irq, chip cannot, no online CPU in @mask), or
 * the chip's error.
 */
int irq_do_set_affinity(struct irq_data *data, const struct cpumask *mask, bool force)
{
	struct irq_desc *desc = container_of(data->common, struct irq_desc, irq_common_data);
	struct irq_common_data *c = data->common;
	struct cpumask prog, before;
	char buf[64];
	int ret;

	if (!irq_can_set_affinity_desc(desc)) {
		pr_err("irq %u: affinity cannot be set (%s)", data->irq,
		       desc_irqd_has(desc, IRQD_PER_CPU) ? "per-CPU irq" :
							   "chip has no irq_set_affinity");
		return -EINVAL;
	}
	if (force)
		cpumask_copy(&prog, mask);
	else
		cpumask_and(&prog, mask, cpu_online_mask);
	if (cpumask_empty(&prog)) {
		pr_err("irq %u: affinity %s has no %sCPU", data->irq,
		       cpumask_print(mask, buf, sizeof(buf)), force ? "" : "online ");
		return -EINVAL;
	}
	cpumask_copy(&before, &c->effective_affinity);
	irq_chip_annotate(data, "irq_set_affinity");
	ret = data->chip->irq_set_affinity(data, &prog, force);
	switch (ret) {
	case IRQ_SET_MASK_OK:
	case IRQ_SET_MASK_OK_DONE:
		cpumask_copy(&c->affinity, mask);
		/* fall through */
	case IRQ_SET_MASK_OK_NOCOPY:
		desc_irqd_set(desc, IRQD_AFFINITY_SET);
		break;
	default:
		pr_err("irq %u: %s refused affinity %s (%d)", data->irq, data->chip->name,
		       cpumask_print(&prog, buf, sizeof(buf)), ret);
		return ret < 0 ? ret : -EINVAL;
	}
	if (!cpumask_equal(&before, &c->effective_affinity)) {
		desc->istate &= ~IRQS_EFFECTIVE_BY_CORE;
	} else if (ret == IRQ_SET_MASK_OK && (cpumask_empty(&c->effective_affinity) ||
					      (desc->istate & IRQS_EFFECTIVE_BY_CORE) ||
					      !cpumask_subset(&c->effective_affinity, &prog))) {
		/* the chip did not say where it delivers: assume everywhere it was told */
		cpumask_copy(&c->effective_affinity, &prog);
		desc->istate |= IRQS_EFFECTIVE_BY_CORE;
	}
	return 0;
}

static int set_affinity(unsigned int irq, const struct cpumask *mask, bool force, const char *who)
{
	struct irq_desc *desc = irq_desc_for_api(irq, who);
	int ret;

	if (!desc || !mask)
		return -EINVAL;
	raw_spin_lock(&desc->lock);
	if (desc_irqd_has(desc, IRQD_AFFINITY_ON_ACTIVATE) &&
	    !desc_irqd_has(desc, IRQD_ACTIVATED) && irq_can_set_affinity_desc(desc)) {
		/* programmed when the hierarchy activates */
		cpumask_copy(&desc->irq_common_data.affinity, mask);
		desc_irqd_set(desc, IRQD_AFFINITY_SET);
		ret = 0;
	} else {
		ret = irq_do_set_affinity(&desc->irq_data, mask, force);
	}
	raw_spin_unlock(&desc->lock);
	return ret;
}

/**
 * irq_set_affinity() - choose the CPUs an interrupt may be delivered to
 * @irq: virq
 * @cpumask: CPUs; must contain an online CPU
 *
 * Return: 0 or -errno (logged), see irq_do_set_affinity().
 */
int irq_set_affinity(unsigned int irq, const struct cpumask *cpumask)
{
	return set_affinity(irq, cpumask, false, "irq_set_affinity");
}

/**
 * irq_force_affinity() - set affinity without the online check
 * @irq: virq
 * @cpumask: CPUs (for bringing up a CPU that is not online yet)
 *
 * Return: 0 or -errno (logged), see irq_do_set_affinity().
 */
int irq_force_affinity(unsigned int irq, const struct cpumask *cpumask)
{
	return set_affinity(irq, cpumask, true, "irq_force_affinity");
}

/* ---- per-CPU devid ------------------------------------------------------------------------ */

/**
 * request_percpu_irq() - install the handler of a per-CPU devid interrupt
 * @irq: virq marked with irq_set_percpu_devid()
 * @handler: called with (irq, percpu_dev_id[cpu])
 * @devname: shown in the views
 * @percpu_dev_id: array of nr_cpu_ids cookies, one per CPU
 *
 * Requests resources and activates; nothing is enabled until each CPU calls
 * enable_percpu_irq().
 *
 * Return: 0, -EINVAL (unknown/not per-CPU devid/no handler or dev_id), -EBUSY,
 * -ENOMEM, or the chip's / activation's error.
 */
int request_percpu_irq(unsigned int irq, irq_handler_t handler, const char *devname,
		       void **percpu_dev_id)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "request_percpu_irq");
	struct irqaction *action;
	int ret;

	if (!desc)
		return -EINVAL;
	if (!handler || !percpu_dev_id) {
		pr_err("irq %u: %s: request_percpu_irq needs a handler and a per-CPU dev_id", irq,
		       nm(devname));
		return -EINVAL;
	}
	action = calloc(1, sizeof(*action));
	if (!action)
		return -ENOMEM;
	action->handler = handler;
	action->percpu_dev_id = percpu_dev_id;
	action->irq = irq;
	action->name = devname;
	action->flags = IRQF_PERCPU;

	mutex_lock(&request_mutex);
	raw_spin_lock(&desc->lock);
	ret = check_requestable(desc, devname, true);
	if (!ret && desc->action) {
		pr_err("irq %u: %s: already requested by %s", irq, nm(devname),
		       nm(desc->action->name));
		ret = -EBUSY;
	}
	raw_spin_unlock(&desc->lock);
	if (!ret)
		ret = setup_first(desc, devname);
	if (ret) {
		mutex_unlock(&request_mutex);
		free(action);
		return ret;
	}
	raw_spin_lock(&desc->lock);
	desc->action = action;
	desc->dev_name = devname;
	desc->istate &= ~IRQS_PERCPU_SPURIOUS_LOGGED;
	raw_spin_unlock(&desc->lock);
	mutex_unlock(&request_mutex);
	return 0;
}

/**
 * free_percpu_irq() - remove the handler of a per-CPU devid interrupt
 * @irq: virq
 * @percpu_dev_id: the array given to request_percpu_irq()
 *
 * Should be disabled on every CPU first; CPUs still enabled are reported
 * and masked.
 *
 * Return: nothing; misuse is logged.
 */
void free_percpu_irq(unsigned int irq, void **percpu_dev_id)
{
	struct irq_desc *desc = irq_desc_for_api(irq, "free_percpu_irq");
	struct irqaction *action;

	if (!desc)
		return;
	mutex_lock(&request_mutex);
	raw_spin_lock(&desc->lock);
	action = desc->action;
	if (!action || !(desc->status_use_accessors & IRQ_PER_CPU_DEVID) ||
	    action->percpu_dev_id != percpu_dev_id) {
		raw_spin_unlock(&desc->lock);
		mutex_unlock(&request_mutex);
		pr_err("irq %u: free_percpu_irq: no per-CPU handler with dev_id %p", irq,
		       (void *)percpu_dev_id);
		return;
	}
	if (desc->percpu_enabled && !cpumask_empty(desc->percpu_enabled)) {
		char buf[64];
		unsigned int cpu;

		pr_warn("irq %u: percpu irq freed while still enabled on CPUs %s", irq,
			cpumask_print(desc->percpu_enabled, buf, sizeof(buf)));
		for_each_cpu(cpu, desc->percpu_enabled)
			irq_percpu_disable(desc, cpu);
	}
	desc->action = NULL;
	desc->dev_name = NULL;
	raw_spin_unlock(&desc->lock);
	synchronize_irq_desc(desc);
	teardown_last(desc);
	mutex_unlock(&request_mutex);
	free(action);
}

static struct irq_desc *percpu_desc(unsigned int irq, const char *who)
{
	struct irq_desc *desc = irq_desc_for_api(irq, who);

	if (desc && !(desc->status_use_accessors & IRQ_PER_CPU_DEVID)) {
		pr_err("irq %u: %s on an irq that is not per-CPU devid", irq, who);
		return NULL;
	}
	return desc;
}

/**
 * enable_percpu_irq() - enable a per-CPU devid interrupt on the current CPU
 * @irq: virq
 * @type: IRQ_TYPE_* to program first, IRQ_TYPE_NONE to keep the current one
 *
 * Return: nothing; errors are logged.
 */
void enable_percpu_irq(unsigned int irq, unsigned int type)
{
	struct irq_desc *desc = percpu_desc(irq, "enable_percpu_irq");
	unsigned int cpu = smp_processor_id();

	if (!desc)
		return;
	raw_spin_lock(&desc->lock);
	type &= IRQ_TYPE_SENSE_MASK;
	if (type == IRQ_TYPE_NONE || __irq_set_trigger(desc, type) == 0)
		irq_percpu_enable(desc, cpu);
	raw_spin_unlock(&desc->lock);
}

/**
 * disable_percpu_irq() - disable a per-CPU devid interrupt on the current CPU
 * @irq: virq
 *
 * Return: nothing; errors are logged.
 */
void disable_percpu_irq(unsigned int irq)
{
	struct irq_desc *desc = percpu_desc(irq, "disable_percpu_irq");

	if (!desc)
		return;
	raw_spin_lock(&desc->lock);
	irq_percpu_disable(desc, smp_processor_id());
	raw_spin_unlock(&desc->lock);
}

/**
 * irq_percpu_is_enabled() - is a per-CPU devid interrupt enabled on this CPU
 * @irq: virq
 *
 * Return: true if enabled on smp_processor_id().
 */
bool irq_percpu_is_enabled(unsigned int irq)
{
	struct irq_desc *desc = irq_to_desc(irq);
	bool on;

	if (!desc)
		return false;
	raw_spin_lock(&desc->lock);
	on = desc->percpu_enabled && cpumask_test_cpu(smp_processor_id(), desc->percpu_enabled);
	raw_spin_unlock(&desc->lock);
	return on;
}
