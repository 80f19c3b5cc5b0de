/* SPDX-License-Identifier: MIT */
/*
 * <linux/string.h>: the string and memory functions.  The kernel implements
 * its own; on the host they are the C library's, with the same names and
 * semantics (strncasecmp and friends from <strings.h>); kstrdup/kmemdup are
 * in <linux/slab.h>'s allocator.
 */
#ifndef IRQSIM_LINUX_STRING_H
#define IRQSIM_LINUX_STRING_H

#include <string.h>
#include <strings.h>

#include <linux/slab.h>

#endif
