/* SPDX-License-Identifier: MIT */
/*
 * <linux/of_pci.h>: the platform has no PCI bus; the header exists so that
 * irqchip drivers serving PCI and platform MSI alike (GICv3 MBI) build.
 */
#ifndef IRQSIM_LINUX_OF_PCI_H
#define IRQSIM_LINUX_OF_PCI_H

#include <linux/of.h>

#endif
