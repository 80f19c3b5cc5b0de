// SPDX-License-Identifier: MIT
/*
 * syscore_ops (<linux/syscore_ops.h>): the reboot that irqsim_core_reset()
 * performs runs every .shutdown, newest first, then forgets them all.
 */
#define pr_fmt(fmt) "syscore: " fmt

#include <linux/printk.h>
#include <linux/syscore_ops.h>

#include <pthread.h>

#include "internals.h"

static LIST_HEAD(syscore_ops_list);
static pthread_mutex_t syscore_lock = PTHREAD_MUTEX_INITIALIZER;

static bool syscore_registered(struct syscore_ops *ops)
{
	struct syscore_ops *p;

	list_for_each_entry(p, &syscore_ops_list, node)
		if (p == ops)
			return true;
	return false;
}

/**
 * register_syscore_ops() - run @ops at shutdown (irqsim: at the next reset)
 * @ops: callbacks; must stay valid until unregistered or the reset
 *
 * Registering the same ops twice is a driver bug: it is refused with a warning
 * instead of corrupting the list.
 */
void register_syscore_ops(struct syscore_ops *ops)
{
	bool twice;

	pthread_mutex_lock(&syscore_lock);
	twice = syscore_registered(ops);
	if (!twice)
		list_add_tail(&ops->node, &syscore_ops_list);
	pthread_mutex_unlock(&syscore_lock);
	WARN(twice, "syscore ops %p registered twice", (void *)ops);
}

/**
 * unregister_syscore_ops() - forget @ops
 * @ops: callbacks given to register_syscore_ops(); unknown ops are ignored
 */
void unregister_syscore_ops(struct syscore_ops *ops)
{
	pthread_mutex_lock(&syscore_lock);
	if (syscore_registered(ops))
		list_del(&ops->node);
	pthread_mutex_unlock(&syscore_lock);
}

/**
 * syscore_shutdown() - run every registered .shutdown, last registered first
 *
 * The lock is not held across a callback, so a callback may unregister ops.
 */
void syscore_shutdown(void)
{
	for (;;) {
		struct syscore_ops *ops = NULL, *p;
		void (*fn)(void) = NULL;

		pthread_mutex_lock(&syscore_lock);
		list_for_each_entry_reverse(p, &syscore_ops_list, node) {
			ops = p;
			break;
		}
		if (ops) {
			list_del(&ops->node);
			fn = ops->shutdown;
		}
		pthread_mutex_unlock(&syscore_lock);
		if (!ops)
			return;
		if (fn)
			fn();
	}
}
