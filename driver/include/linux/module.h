/* SPDX-License-Identifier: MIT */
/*
 * <linux/module.h>: everything is built in.  The MODULE_* tags are accepted
 * and ignored, module_init() is a device initcall (see <linux/init.h>) and
 * module_exit() is never called (a built-in driver is never unloaded).
 */
#ifndef IRQSIM_MODULE_H
#define IRQSIM_MODULE_H

#include <linux/init.h>
#include <linux/types.h>

struct module;
#define THIS_MODULE ((struct module *)0)
#define KBUILD_MODNAME "irqsim"

/* a harmless file-scope declaration, so a trailing ';' is valid where the tags stand */
#define __irqsim_module_tag extern int __irqsim_module_tag_unused
#define MODULE_LICENSE(x) __irqsim_module_tag
#define MODULE_AUTHOR(x) __irqsim_module_tag
#define MODULE_DESCRIPTION(x) __irqsim_module_tag
#define MODULE_ALIAS(x) __irqsim_module_tag
#define MODULE_SOFTDEP(x) __irqsim_module_tag
#define MODULE_IMPORT_NS(x) __irqsim_module_tag
#define MODULE_DEVICE_TABLE(type, name) __irqsim_module_tag
#define EXPORT_SYMBOL(sym) __irqsim_module_tag
#define EXPORT_SYMBOL_GPL(sym) __irqsim_module_tag
#define EXPORT_SYMBOL_NS_GPL(sym, ns) __irqsim_module_tag
#define module_param(name, type, perm) __irqsim_module_tag
#define MODULE_PARM_DESC(name, desc) __irqsim_module_tag

#define module_init(fn) device_initcall(fn)
#define module_exit(fn) static void (*__irqsim_exitcall_##fn)(void) __attribute__((unused)) = fn

static inline bool try_module_get(struct module *m)
{
	(void)m;
	return true;
}
static inline void module_put(struct module *m)
{
	(void)m;
}

#endif
