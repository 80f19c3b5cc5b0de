/* SPDX-License-Identifier: MIT */
/*
 * Locks.  The kernel distinguishes sleeping mutexes (domain/MSI management) from
 * raw spinlocks (descriptor state, taken from interrupt context).  On the host
 * both are pthread mutexes; keeping the two names preserves which lock is meant
 * for what, so a port back to a kernel is mechanical.
 */
#ifndef IRQSIM_LOCK_H
#define IRQSIM_LOCK_H

#include <pthread.h>

#ifdef __cplusplus
extern "C" {
#endif

struct mutex {
	pthread_mutex_t m;
};
typedef struct {
	pthread_mutex_t m;
} raw_spinlock_t;

void mutex_init(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

void raw_spin_lock_init(raw_spinlock_t *lock);
void raw_spin_lock_destroy(raw_spinlock_t *lock);
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
/* flags kept for source compatibility; the host has no local irq state to save */
#define raw_spin_lock_irqsave(lock, flags) \
	do {                               \
		(void)(flags);             \
		raw_spin_lock(lock);       \
	} while (0)
#define raw_spin_unlock_irqrestore(lock, flags) \
	do {                                    \
		(void)(flags);                  \
		raw_spin_unlock(lock);          \
	} while (0)

#ifdef __cplusplus
}
#endif
#endif
