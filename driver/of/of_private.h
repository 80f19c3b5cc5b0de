/* SPDX-License-Identifier: MIT */
/* Private to driver/of/: the storage behind a device_node tree. */
#ifndef IRQSIM_OF_PRIVATE_H
#define IRQSIM_OF_PRIVATE_H

#include <linux/of.h>

struct of_tree {
	void *blob; /* validated copy of the dtb */
	size_t size;
	struct device_node *nodes; /* [nr_nodes], nodes[0] is the root, depth-first order */
	int nr_nodes;
};

/* the blob a node's properties live in */
static inline const void *of_node_blob(const struct device_node *np)
{
	return np->tree->blob;
}

/* node path for log lines ("<null>" for NULL) */
static inline const char *of_node_path(const struct device_node *np)
{
	return np ? np->path : "<null>";
}

/* node with @phandle in tree @t, NULL if none (no log) */
struct device_node *of_tree_find_phandle(const struct of_tree *t, u32 phandle);

/*
 * of_irq_find_parent() with the failure kept apart from "no parent":
 * returns 0 with *parent set (NULL for a root controller), -EINVAL after
 * logging a dangling or malformed interrupt-parent or a referenced controller
 * without #interrupt-cells, or -ELOOP after logging a chain that loops.
 */
int of_irq_find_parent_checked(struct device_node *child, struct device_node **parent);

#endif
