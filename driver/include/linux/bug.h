/* SPDX-License-Identifier: MIT */
/*
 * <linux/bug.h>: WARN_ON() and friends log one WARNING line with the
 * location and evaluate to the condition, so `if (WARN_ON(x)) return;` works.
 * BUG_ON() logs and aborts: a broken invariant has no safe continuation.
 */
#ifndef IRQSIM_BUG_H
#define IRQSIM_BUG_H

#include <stdbool.h>
#include <stdlib.h>

#include <linux/compiler.h>
#include <linux/printk.h>

#define WARN_ON(cond)                                                                            \
	({                                                                                       \
		bool __c = !!(cond);                                                             \
		if (unlikely(__c))                                                               \
			irqsim_log(LOGLEVEL_WARNING, "WARNING at %s:%d: %s", __FILE__, __LINE__, \
				   #cond);                                                       \
		__c;                                                                             \
	})

#define WARN(cond, fmt, ...)                                                                   \
	({                                                                                     \
		bool __c = !!(cond);                                                           \
		if (unlikely(__c)) {                                                           \
			irqsim_log(LOGLEVEL_WARNING, "WARNING at %s:%d:", __FILE__, __LINE__); \
			irqsim_log(LOGLEVEL_WARNING, fmt, ##__VA_ARGS__);                      \
		}                                                                              \
		__c;                                                                           \
	})

/* the _ONCE forms warn the first time their call site sees the condition true */
#define WARN_ON_ONCE(cond)                                                                       \
	({                                                                                       \
		static bool __warned;                                                            \
		bool __c = !!(cond);                                                             \
		if (unlikely(__c) && !__atomic_exchange_n(&__warned, true, __ATOMIC_RELAXED))    \
			irqsim_log(LOGLEVEL_WARNING, "WARNING at %s:%d: %s", __FILE__, __LINE__, \
				   #cond);                                                       \
		__c;                                                                             \
	})

#define WARN_ONCE(cond, fmt, ...)                                                               \
	({                                                                                      \
		static bool __warned;                                                           \
		bool __c = !!(cond);                                                            \
		if (unlikely(__c) && !__atomic_exchange_n(&__warned, true, __ATOMIC_RELAXED)) { \
			irqsim_log(LOGLEVEL_WARNING, "WARNING at %s:%d:", __FILE__, __LINE__);  \
			irqsim_log(LOGLEVEL_WARNING, fmt, ##__VA_ARGS__);                       \
		}                                                                               \
		__c;                                                                            \
	})

#define BUG()                                                                  \
	do {                                                                   \
		irqsim_log(LOGLEVEL_CRIT, "BUG at %s:%d", __FILE__, __LINE__); \
		abort();                                                       \
	} while (0)
#define BUG_ON(cond)                \
	do {                        \
		if (unlikely(cond)) \
			BUG();      \
	} while (0)

#ifdef __cplusplus
#define BUILD_BUG_ON(cond) static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#else
#define BUILD_BUG_ON(cond) _Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")
#endif

#endif
