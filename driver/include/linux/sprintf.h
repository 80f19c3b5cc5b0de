/* SPDX-License-Identifier: MIT */
/*
 * Kernel string formatting (<linux/sprintf.h>) with the kernel's %p
 * extensions (see irqsim_vsnprintf() in <linux/printk.h>).  Plain snprintf
 * stays the C library's.
 */
#ifndef IRQSIM_SPRINTF_H
#define IRQSIM_SPRINTF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h> /* snprintf, vsnprintf: the C library's, same semantics */

#include <linux/gfp.h>
#include <linux/printk.h>

#ifdef __cplusplus
extern "C" {
#endif

/* heap-allocated formatted string (kfree it), NULL when out of memory */
char *kasprintf(gfp_t gfp, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* like snprintf but returns what was written (excluding the NUL), never more than size - 1 */
int scnprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vscnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#ifdef __cplusplus
}
#endif
#endif
