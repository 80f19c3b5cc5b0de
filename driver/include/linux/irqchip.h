/* SPDX-License-Identifier: MIT */
/*
 * irqchip probing from the device tree (Linux's of_irq_init /
 * IRQCHIP_DECLARE), with constructors instead of a linker section.
 */
#ifndef IRQSIM_IRQCHIP_H
#define IRQSIM_IRQCHIP_H

#include <linux/init.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/platform_device.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int (*of_irq_init_cb_t)(struct device_node *node, struct device_node *parent);

/**
 * struct of_irqchip_match - one row of an of_irq_init() table
 * @compatible: compatible string of the controllers the row initialises;
 *              NULL ends the table
 * @init: called with the controller's node and its interrupt parent's
 *        (NULL for a root); 0 or an error
 */
struct of_irqchip_match {
	const char *compatible;
	of_irq_init_cb_t init;
};

/* initialise the tree's matching interrupt controllers, parents first */
int of_irq_init(struct device_node *root, const struct of_irqchip_match *matches);

/*
 * IRQCHIP_DECLARE(name, compat, fn): a row of the init table, declared next
 * to the driver.  The kernel collects these in a linker section; here an ELF
 * constructor (see <linux/init.h> for why) adds it to the list that
 * irqchip_init_from_fdt() probes from, in declaration order.
 */
/**
 * struct irqchip_declaration - an IRQCHIP_DECLARE() row
 * @compatible: compatible string of the controllers the row initialises
 * @init: their init callback
 * @next: the next declared row (list kept by irqchip_declare())
 */
struct irqchip_declaration {
	const char *compatible;
	of_irq_init_cb_t init;
	struct irqchip_declaration *next;
};
void irqchip_declare(struct irqchip_declaration *decl);
/* every declared row, as one table ending in { NULL, NULL }; free() it */
struct of_irqchip_match *irqchip_match_table_build(void);

/* @fn must be an of_irq_init_cb_t: anything else does not compile */
#define typecheck_irq_init_cb(fn)                                                                \
	__builtin_choose_expr(__builtin_types_compatible_p(__typeof__(&(fn)), of_irq_init_cb_t), \
			      (const void *)(fn), (void)0)

#define IRQCHIP_DECLARE(name, compat, fn)                                                    \
	static struct irqchip_declaration __irqchip_decl_##name = {                          \
		.compatible = compat,                                                        \
		.init = 1 ? (fn) : (of_irq_init_cb_t)0,                                      \
	};                                                                                   \
	static void __attribute__((constructor(203), used)) __irqchip_decl_init_##name(void) \
	{                                                                                    \
		irqchip_declare(&__irqchip_decl_##name);                                     \
	}

/*
 * An irqchip as a platform driver: the probe runs @fn(node, interrupt parent)
 * once the parent controller has an irq domain, deferring until then.
 *   IRQCHIP_PLATFORM_DRIVER_BEGIN(foo)
 *   IRQCHIP_MATCH("vendor,foo", foo_of_init)
 *   IRQCHIP_PLATFORM_DRIVER_END(foo)
 */
int platform_irqchip_probe(struct platform_device *pdev);

#define IRQCHIP_PLATFORM_DRIVER_BEGIN(drv_name) \
	static const struct of_device_id drv_name##_irqchip_match_table[] = {
#define IRQCHIP_MATCH(compat, fn) { .compatible = compat, .data = typecheck_irq_init_cb(fn) },
#define IRQCHIP_PLATFORM_DRIVER_END(drv_name, ...)                            \
	{},                                                                   \
	}                                                                     \
	;                                                                     \
	MODULE_DEVICE_TABLE(of, drv_name##_irqchip_match_table);              \
	static struct platform_driver drv_name##_driver = {                   \
		.probe = platform_irqchip_probe,                              \
		.driver = { .name = #drv_name,                                \
			    .owner = THIS_MODULE,                             \
			    .of_match_table = drv_name##_irqchip_match_table, \
			    .suppress_bind_attrs = true,                      \
			    __VA_ARGS__ },                                    \
	};                                                                    \
	builtin_platform_driver(drv_name##_driver)

/* install @blob as of_root, probe its interrupt controllers and populate the platform bus */
int irqchip_init_from_fdt(const void *blob, size_t size);

#ifdef __cplusplus
}
#endif
#endif
