/* SPDX-License-Identifier: MIT */
/*
 * <linux/errno.h>: the host's error numbers plus the kernel-internal ones
 * (512..) drivers return but user space never sees.
 *
 * libc's own <errno.h> includes <linux/errno.h>, and driver/include comes
 * first on the search path, so this file stands in for the host's: it must
 * pull that one in (#include_next, GCC/Clang) before adding ours.
 */
#ifndef IRQSIM_LINUX_ERRNO_H
#define IRQSIM_LINUX_ERRNO_H

#include_next <linux/errno.h>

#ifndef ERESTARTSYS
#define ERESTARTSYS 512
#endif
#ifndef EPROBE_DEFER
#define EPROBE_DEFER 517 /* driver requests probe retry */
#endif
#ifndef ENOTSUPP
#define ENOTSUPP 524 /* operation not supported (kernel-internal) */
#endif

#endif
