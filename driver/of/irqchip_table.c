// SPDX-License-Identifier: MIT
/*
 * The irqchip drivers known to irqchip_init_from_fdt(): one row per
 * compatible string (the kernel's IRQCHIP_DECLARE, as an explicit table).
 * To add a driver, add its row here.
 */
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>

const struct of_irqchip_match irqchip_of_match_table[] = {
	{ "arm,gic-v3", gic_v3_of_init },
	{ NULL, NULL },
};
