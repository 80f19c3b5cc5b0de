/* SPDX-License-Identifier: MIT */
/*
 * <linux/init.h>: section markers (no init sections on the host: everything
 * stays resident) and initcalls.
 *
 * Initcalls run as ELF constructors before main(), ordered by level through
 * the constructor priority.  Why constructors: the kernel collects initcalls
 * and tables in linker sections, which needs a custom linker script; GCC and
 * Clang constructors give the same "declare it next to the code, it is
 * registered without a central list" property in portable C11 + one attribute.
 * Caveat: an object file in a static library is only linked when something
 * references it, so a driver that only self-registers must be linked as an
 * object (or the library with --whole-archive).
 */
#ifndef IRQSIM_INIT_H
#define IRQSIM_INIT_H

#include <linux/compiler.h>

/* C only: libstdc++ uses __init and __ref as identifiers */
#ifndef __cplusplus
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __ref
#define __refdata
#define __init_or_module
#define __meminit
#endif

/* level 0..7 -> constructor priority 200..270 (0..100 belong to the toolchain) */
#define __irqsim_initcall(fn, level)                                                               \
	static void __attribute__((constructor(200 + (level)), used)) __irqsim_initcall_##fn(void) \
	{                                                                                          \
		(void)fn();                                                                        \
	}

#define pure_initcall(fn) __irqsim_initcall(fn, 0)
#define core_initcall(fn) __irqsim_initcall(fn, 1)
#define postcore_initcall(fn) __irqsim_initcall(fn, 2)
#define arch_initcall(fn) __irqsim_initcall(fn, 3)
#define subsys_initcall(fn) __irqsim_initcall(fn, 4)
#define fs_initcall(fn) __irqsim_initcall(fn, 5)
#define device_initcall(fn) __irqsim_initcall(fn, 6)
#define late_initcall(fn) __irqsim_initcall(fn, 7)
#define early_initcall(fn) __irqsim_initcall(fn, 0)
#define __initcall(fn) device_initcall(fn)

#endif
