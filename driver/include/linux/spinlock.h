/* SPDX-License-Identifier: MIT */
/*
 * <linux/spinlock.h>: raw_spinlock_t comes from <linux/irqsim_lock.h>;
 * spinlock_t is the same lock under the non-raw names (on the host there is
 * no preemption model to tell them apart).
 */
#ifndef IRQSIM_SPINLOCK_H
#define IRQSIM_SPINLOCK_H

#include <linux/irqsim_lock.h>

typedef raw_spinlock_t spinlock_t;
#define __RAW_SPIN_LOCK_UNLOCKED(name)    \
	{                                 \
		PTHREAD_MUTEX_INITIALIZER \
	}
#define DEFINE_RAW_SPINLOCK(name) raw_spinlock_t name = __RAW_SPIN_LOCK_UNLOCKED(name)
#define DEFINE_SPINLOCK(name) spinlock_t name = __RAW_SPIN_LOCK_UNLOCKED(name)
#define spin_lock_init raw_spin_lock_init
#define spin_lock raw_spin_lock
#define spin_unlock raw_spin_unlock
#define spin_lock_irqsave raw_spin_lock_irqsave
#define spin_unlock_irqrestore raw_spin_unlock_irqrestore
#define raw_spin_lock_irq raw_spin_lock
#define raw_spin_unlock_irq raw_spin_unlock
#define spin_lock_irq raw_spin_lock
#define spin_unlock_irq raw_spin_unlock

#endif
