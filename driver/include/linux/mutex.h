/* SPDX-License-Identifier: MIT */
/* <linux/mutex.h>: sleeping locks as pthread mutexes (see <linux/irqsim_lock.h>). */
#ifndef IRQSIM_MUTEX_H
#define IRQSIM_MUTEX_H

#include <linux/irqsim_lock.h>

#define __MUTEX_INITIALIZER(name)         \
	{                                 \
		PTHREAD_MUTEX_INITIALIZER \
	}
#define DEFINE_MUTEX(name) struct mutex name = __MUTEX_INITIALIZER(name)
/* interruptible/killable waits cannot be interrupted on the host: they always succeed */
#define mutex_lock_interruptible(lock) (mutex_lock(lock), 0)
#define mutex_lock_killable(lock) (mutex_lock(lock), 0)
#define mutex_lock_nested(lock, subclass) mutex_lock(lock)
/* lockdep is not modelled */
#define lockdep_assert_held(lock) \
	do {                      \
		(void)(lock);     \
	} while (0)

#endif
