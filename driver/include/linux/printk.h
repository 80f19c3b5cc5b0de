/* SPDX-License-Identifier: MIT */
/*
 * Logging (<linux/printk.h>): pr_*() and printk() on top of irqsim_log().
 *
 * pr_fmt: a file that defines pr_fmt(fmt) before its first include gets that
 * prefix on every pr_*() line, as in the kernel.  The formats understand the
 * kernel's pointer extensions (see irqsim_vsnprintf()).
 */
#ifndef IRQSIM_PRINTK_H
#define IRQSIM_PRINTK_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum irqsim_log_level {
	LOGLEVEL_EMERG = 0,
	LOGLEVEL_ALERT = 1,
	LOGLEVEL_CRIT = 2,
	LOGLEVEL_ERR = 3,
	LOGLEVEL_WARNING = 4,
	LOGLEVEL_NOTICE = 5,
	LOGLEVEL_INFO = 6,
	LOGLEVEL_DEBUG = 7,
};

/*
 * Every message of the stack goes through irqsim_log(); a host (simulator, unit
 * test) may install a hook to capture or silence it.  Without a hook, ERR and
 * more severe levels plus WARNING go to stderr and the rest is dropped.
 */
/* a format and its arguments handed on as one %pV argument */
struct va_format {
	const char *fmt;
	va_list *va;
};

typedef void (*irqsim_log_hook_t)(int level, const char *msg, void *ctx);
void irqsim_log_set_hook(irqsim_log_hook_t hook, void *ctx);
void irqsim_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void irqsim_vlog(int level, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/*
 * vsnprintf with the kernel's %p extensions: %pOF (device_node full path),
 * %pOFn (node name with unit address), %pa/%pap (phys_addr_t *), %pad
 * (dma_addr_t *), %pR/%pr (struct resource *), %pe (error pointer, e.g.
 * "-EPROBE_DEFER").  Plain %p and the rest of printf as the C library does.
 * Return: the length the whole output would have (like vsnprintf).
 */
int irqsim_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int irqsim_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* printk(KERN_ERR "...") : the level is a "\001<digit>" prefix of the format */
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_DEFAULT ""
#define KERN_CONT KERN_SOH "c"
int _printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define printk(fmt, ...) _printk(fmt, ##__VA_ARGS__)

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define pr_emerg(fmt, ...) irqsim_log(LOGLEVEL_EMERG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...) irqsim_log(LOGLEVEL_ALERT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...) irqsim_log(LOGLEVEL_CRIT, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...) irqsim_log(LOGLEVEL_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...) irqsim_log(LOGLEVEL_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...) irqsim_log(LOGLEVEL_NOTICE, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...) irqsim_log(LOGLEVEL_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...) irqsim_log(LOGLEVEL_DEBUG, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_devel pr_debug
/* continuation lines are logged as lines of their own */
#define pr_cont(fmt, ...) irqsim_log(LOGLEVEL_INFO, fmt, ##__VA_ARGS__)

/* once per call site */
#define irqsim_log_once(level, fmt, ...)                                         \
	({                                                                       \
		static bool __print_once;                                        \
		if (!__atomic_exchange_n(&__print_once, true, __ATOMIC_RELAXED)) \
			irqsim_log(level, fmt, ##__VA_ARGS__);                   \
	})
#define pr_err_once(fmt, ...) irqsim_log_once(LOGLEVEL_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) irqsim_log_once(LOGLEVEL_WARNING, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_once(fmt, ...) irqsim_log_once(LOGLEVEL_INFO, pr_fmt(fmt), ##__VA_ARGS__)
/* no rate limit on the host: a simulation is short and every line matters */
#define pr_err_ratelimited pr_err
#define pr_warn_ratelimited pr_warn
#define pr_info_ratelimited pr_info

#ifdef __cplusplus
}
#endif
#endif
