/* SPDX-License-Identifier: MIT */
/*
 * Error pointers (<linux/err.h>): a pointer return that carries -errno in the
 * top MAX_ERRNO addresses, which no allocation can occupy.
 */
#ifndef IRQSIM_ERR_H
#define IRQSIM_ERR_H

#include <stdbool.h>

#include <linux/errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MAX_ERRNO 4095
#define IS_ERR_VALUE(x) __builtin_expect((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO, 0)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}
static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}
static inline bool IS_ERR(const void *ptr)
{
	return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO;
}
static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR(ptr);
}
/* an error pointer handed on as another pointer type */
static inline void *ERR_CAST(const void *ptr)
{
	return (void *)ptr;
}
/* 0 for a valid pointer (NULL included), else the error */
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0;
}

#ifdef __cplusplus
}
#endif
#endif
