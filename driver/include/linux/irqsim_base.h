/* SPDX-License-Identifier: MIT */
/*
 * Basic types and helpers the driver stack shares: fixed-width integer names,
 * error pointers, logging and the "current CPU" notion.  This replaces the handful
 * of <linux/kernel.h> conveniences the irq code relies on.  (We do not call this
 * file kernel.h: the host's <linux/kernel.h> must stay reachable for libc.)
 */
#ifndef IRQSIM_BASE_H
#define IRQSIM_BASE_H

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int32_t s32;
typedef int64_t s64;
typedef uint64_t phys_addr_t;
typedef uint64_t dma_addr_t;
typedef unsigned long irq_hw_number_t;

#define __iomem
#define BIT(n) (1UL << (n))
#define BIT_ULL(n) (1ULL << (n))
#define GENMASK(h, l) (((~0UL) << (l)) & (~0UL >> (sizeof(long) * 8 - 1 - (h))))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define BITS_PER_LONG 64
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define ALIGN(x, a) (((x) + ((a) - 1)) & ~((a) - 1))

#define MAX_ERRNO 4095
static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }

/* ---- logging ---------------------------------------------------------------- */
enum irqsim_log_level { LOGLEVEL_ERR = 3, LOGLEVEL_WARNING = 4, LOGLEVEL_INFO = 6, LOGLEVEL_DEBUG = 7 };

/*
 * Every message of the stack goes through irqsim_log(); a host (simulator, unit
 * test) may install a hook to capture or silence it.  Without a hook, ERR and
 * WARNING go to stderr and the rest is dropped.
 */
typedef void (*irqsim_log_hook_t)(int level, const char *msg, void *ctx);
void irqsim_log_set_hook(irqsim_log_hook_t hook, void *ctx);
void irqsim_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define pr_err(...) irqsim_log(LOGLEVEL_ERR, __VA_ARGS__)
#define pr_warn(...) irqsim_log(LOGLEVEL_WARNING, __VA_ARGS__)
#define pr_info(...) irqsim_log(LOGLEVEL_INFO, __VA_ARGS__)
#define pr_debug(...) irqsim_log(LOGLEVEL_DEBUG, __VA_ARGS__)

/* WARN_ON: logs the condition and location, evaluates to the condition. */
#define WARN_ON(cond) \
	({ bool __c = !!(cond); if (unlikely(__c)) irqsim_log(LOGLEVEL_WARNING, "WARNING at %s:%d: %s", __FILE__, __LINE__, #cond); __c; })

/* ---- CPUs ------------------------------------------------------------------- */
#define NR_CPUS 128

/*
 * The CPU the driver code is currently running on.  The host sets it before it
 * enters driver code on behalf of a CPU (IRQ entry, per-CPU init); it is
 * thread-local so host threads can act as different CPUs.
 */
unsigned int smp_processor_id(void);
void irqsim_set_this_cpu(unsigned int cpu);

#ifdef __cplusplus
}
#endif
#endif /* IRQSIM_BASE_H */
