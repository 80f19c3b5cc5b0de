/* SPDX-License-Identifier: MIT */
/*
 * Compiler annotations kernel code uses (<linux/compiler.h>, compiler_types.h).
 * GCC and Clang spellings; the driver is built as strict C11, where the GNU
 * keyword `typeof` is only reachable as __typeof__.
 */
#ifndef IRQSIM_COMPILER_H
#define IRQSIM_COMPILER_H

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#if !defined(__cplusplus) && !defined(typeof) && \
	(!defined(__STDC_VERSION__) || __STDC_VERSION__ < 202311L)
#define typeof __typeof__
#endif

/*
 * Everything below is for C only: C++ code (the tests) includes these headers
 * next to libc/libstdc++ ones that use some of the names as identifiers
 * (spawn.h has a field __used, libstdc++ parameters __init, __force, __ref).
 */
#ifndef __cplusplus
#ifndef __always_inline
#define __always_inline inline __attribute__((__always_inline__))
#endif
#ifndef noinline
#define noinline __attribute__((__noinline__))
#endif
#ifndef __maybe_unused
#define __maybe_unused __attribute__((__unused__))
#endif
#ifndef __always_unused
#define __always_unused __attribute__((__unused__))
#endif
#ifndef __used
#define __used __attribute__((__used__))
#endif
#ifndef __packed
#define __packed __attribute__((__packed__))
#endif
#ifndef __aligned
#define __aligned(x) __attribute__((__aligned__(x)))
#endif
#ifndef __must_check
#define __must_check __attribute__((__warn_unused_result__))
#endif
#ifndef __printf
#define __printf(a, b) __attribute__((__format__(printf, a, b)))
#endif
#ifndef __cold
#define __cold __attribute__((__cold__))
#endif
#ifndef __weak
#define __weak __attribute__((__weak__))
#endif
#ifndef __noreturn
#define __noreturn __attribute__((__noreturn__))
#endif
#ifndef __section
#define __section(s) __attribute__((__section__(s)))
#endif
#ifndef __force
#define __force
#endif
#ifndef __bitwise
#define __bitwise
#endif
#ifndef __user
#define __user
#endif
#ifndef __rcu
#define __rcu
#endif
#ifndef __percpu
#define __percpu
#endif
#ifndef __iomem
#define __iomem
#endif
#ifndef __must_hold
#define __must_hold(x)
#endif
#ifndef __acquires
#define __acquires(x)
#endif
#ifndef __releases
#define __releases(x)
#endif
#ifndef fallthrough
#define fallthrough __attribute__((__fallthrough__))
#endif

#define barrier() __asm__ __volatile__("" : : : "memory")
/* single, untorn accesses the compiler may not merge or elide */
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)                               \
	do {                                             \
		*(volatile __typeof__(x) *)&(x) = (val); \
	} while (0)

#endif /* !__cplusplus */

/* needed by C++ callers of the io seam as well */
#ifndef __iomem
#define __iomem
#endif

#endif
