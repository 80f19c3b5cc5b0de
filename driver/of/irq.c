// SPDX-License-Identifier: MIT
/*
 * Device-tree interrupt specifiers: finding a node's interrupt parent,
 * decoding "interrupts"/"interrupts-extended" with the parent's
 * #interrupt-cells, and turning the result into an irq_fwspec mapping.
 */
#define pr_fmt(fmt) "OF: " fmt

#include <libfdt.h>
#include <string.h>
#include <strings.h>

#include <linux/msi.h>
#include <linux/of_irq.h>

#include "of_private.h"

static bool of_has_irq_cells(const struct device_node *np)
{
	return of_get_property(np, "#interrupt-cells", NULL) != NULL;
}

/**
 * of_irq_find_parent_checked() - the interrupt parent of a node, failures kept apart
 * @child: the node
 * @parent: receives the parent controller, or NULL for a root controller or
 *          a node with no interrupt parent
 *
 * Steps from @child through "interrupt-parent" where a node has it, else to
 * the node's tree parent, until a node with "#interrupt-cells" is reached.
 * A controller whose interrupt-parent is itself is a root.  Unlike
 * of_irq_find_parent() this tells "no parent" from a broken tree.
 *
 * Return: 0 with *@parent set; -EINVAL (logged) for a NULL @child, an
 * interrupt-parent that is not one phandle or names no node, or that names
 * an interrupt controller without "#interrupt-cells"; -ELOOP (logged) if the
 * chain loops without reaching a node with "#interrupt-cells".
 */
int of_irq_find_parent_checked(struct device_node *child, struct device_node **parent)
{
	struct device_node *p = child;
	int steps = 0, ret;
	u32 ph;

	*parent = NULL;
	if (!child)
		return -EINVAL;
	/*
	 * As the kernel does: step via interrupt-parent if present, else to the
	 * tree parent, until a node with #interrupt-cells is reached.  A chain
	 * that is not a loop visits each node at most once, so more steps than
	 * the tree has nodes means it loops: the node reached then lies on the
	 * loop and is the one to name.
	 */
	do {
		if (++steps > p->tree->nr_nodes) {
			pr_err("%s: interrupt-parent chain loops through %s (no node with #interrupt-cells on it)",
			       child->path, p->path);
			return -ELOOP;
		}
		ret = of_property_read_u32(p, "interrupt-parent", &ph);
		if (!ret) {
			struct device_node *next = of_tree_find_phandle(p->tree, ph);

			if (!next) {
				pr_err("%s: interrupt-parent phandle 0x%x matches no node", p->path,
				       ph);
				return -EINVAL;
			}
			if (!of_has_irq_cells(next) &&
			    of_property_read_bool(next, "interrupt-controller")) {
				pr_err("%s: interrupt parent %s has no #interrupt-cells",
				       child->path, next->path);
				return -EINVAL;
			}
			p = next;
		} else if (ret != -EINVAL) {
			pr_err("%s: interrupt-parent is not one phandle cell", p->path);
			return -EINVAL;
		} else {
			p = p->parent;
		}
	} while (p && !of_has_irq_cells(p));
	/* a controller that names itself (root "interrupt-parent = <&gic>") is a root */
	*parent = p == child ? NULL : p;
	return 0;
}

/**
 * of_irq_find_parent() - the interrupt parent of a node
 * @child: the node
 *
 * Follows "interrupt-parent" on @child or, when absent, on the nearest
 * ancestor that leads to a node with "#interrupt-cells", as
 * of_irq_find_parent_checked() does.  interrupt-map nexus nodes are not
 * supported.
 *
 * Return: the parent controller, or NULL for a root controller, a node with
 * no interrupt parent, or a broken chain (logged).
 */
struct device_node *of_irq_find_parent(struct device_node *child)
{
	struct device_node *p;

	return of_irq_find_parent_checked(child, &p) ? NULL : p;
}

static int of_irq_cells(const struct device_node *node, const struct device_node *ctl, u32 *cells)
{
	int ret = of_property_read_u32(ctl, "#interrupt-cells", cells);

	if (ret) {
		pr_err("%s: interrupt parent %s: #interrupt-cells %s", node->path, ctl->path,
		       ret == -EINVAL ? "missing" : "is not one cell");
		return -EINVAL;
	}
	if (*cells < 1 || *cells > OF_MAX_PHANDLE_ARGS) {
		pr_err("%s: #interrupt-cells = %u of %s out of range 1..%d", node->path, *cells,
		       ctl->path, OF_MAX_PHANDLE_ARGS);
		return -EINVAL;
	}
	return 0;
}

/* interrupts-extended = <&ctl cells...>, <&ctl2 cells...>: entry @index */
static int of_irq_parse_extended(struct device_node *node, const fdt32_t *v, int len, int index,
				 struct of_phandle_args *out)
{
	int pos = 0, n = len / 4;

	for (int i = 0; pos < n; i++) {
		u32 ph = fdt32_to_cpu(v[pos]), cells;
		struct device_node *ctl = of_tree_find_phandle(node->tree, ph);

		if (!ctl) {
			pr_err("%s: interrupts-extended[%d] phandle 0x%x matches no node",
			       node->path, i, ph);
			return -EINVAL;
		}
		if (of_irq_cells(node, ctl, &cells))
			return -EINVAL;
		if (pos + 1 + (int)cells > n) {
			pr_err("%s: interrupts-extended entry %d truncated", node->path, i);
			return -EINVAL;
		}
		if (i == index) {
			out->np = ctl;
			out->args_count = (int)cells;
			for (u32 c = 0; c < cells; c++)
				out->args[c] = fdt32_to_cpu(v[pos + 1 + (int)c]);
			return 0;
		}
		pos += 1 + (int)cells;
	}
	pr_err("%s: interrupt %d not present in interrupts-extended", node->path, index);
	return -EINVAL;
}

/**
 * of_irq_parse_one() - decode one interrupt specifier of a node
 * @node: the device node
 * @index: which interrupt (0 for the first)
 * @out: receives the controller node and the specifier cells (zeroed first)
 *
 * "interrupts-extended", when present, is used (each entry names its own
 * controller); else "interrupts" with the node's interrupt parent, each entry
 * being that controller's "#interrupt-cells" cells.
 *
 * Return: 0, or -EINVAL for bad arguments, no such interrupt, no or unknown
 * interrupt parent, or a missing or out-of-range "#interrupt-cells"; every
 * error is logged naming the node.
 */
int of_irq_parse_one(struct device_node *node, int index, struct of_phandle_args *out)
{
	struct device_node *ctl;
	const fdt32_t *v;
	int len;
	u32 cells;

	if (!node || !out || index < 0) {
		pr_err("of_irq_parse_one(%s, %d): bad arguments", of_node_path(node), index);
		return -EINVAL;
	}
	memset(out, 0, sizeof(*out));
	v = of_get_property(node, "interrupts-extended", &len);
	if (v)
		return of_irq_parse_extended(node, v, len, index, out);

	v = of_get_property(node, "interrupts", &len);
	if (!v) {
		pr_err("%s: no interrupts property", node->path);
		return -EINVAL;
	}
	if (of_irq_find_parent_checked(node, &ctl))
		return -EINVAL;
	if (!ctl) {
		pr_err("%s: no interrupt parent (no interrupt-parent and no ancestor with #interrupt-cells)",
		       node->path);
		return -EINVAL;
	}
	if (of_irq_cells(node, ctl, &cells))
		return -EINVAL;
	if (len % (int)(cells * 4)) {
		pr_err("%s: interrupts is %d bytes, not a multiple of %u cells of %s", node->path,
		       len, cells, ctl->path);
		return -EINVAL;
	}
	if ((index + 1) * (int)cells * 4 > len) {
		pr_err("%s: interrupt %d not present (%d specified)", node->path, index,
		       len / (int)(cells * 4));
		return -EINVAL;
	}
	out->np = ctl;
	out->args_count = (int)cells;
	for (u32 c = 0; c < cells; c++)
		out->args[c] = fdt32_to_cpu(v[(u32)index * cells + c]);
	return 0;
}

/**
 * of_irq_count() - the number of interrupts a node describes
 * @node: the device node
 *
 * Counts the entries of "interrupts-extended" (up to the first malformed
 * one), else those of "interrupts" as sized by the interrupt parent's
 * "#interrupt-cells".  Logs nothing for a node without interrupts.
 *
 * Return: the number of interrupts, 0 if none or they cannot be decoded.
 */
int of_irq_count(struct device_node *node)
{
	struct device_node *ctl;
	int len;
	u32 cells;
	const fdt32_t *v = of_get_property(node, "interrupts-extended", &len);

	if (v) {
		int n = 0, pos = 0;

		/* count without logging: stop quietly at the first bad entry */
		while (pos < len / 4) {
			ctl = of_tree_find_phandle(node->tree, fdt32_to_cpu(v[pos]));
			if (!ctl || of_property_read_u32(ctl, "#interrupt-cells", &cells) ||
			    cells < 1 || cells > OF_MAX_PHANDLE_ARGS)
				break;
			pos += 1 + (int)cells;
			if (pos > len / 4)
				break;
			n++;
		}
		return n;
	}
	if (!of_get_property(node, "interrupts", &len) || of_irq_find_parent_checked(node, &ctl) ||
	    !ctl || of_irq_cells(node, ctl, &cells))
		return 0;
	return len / (int)(cells * 4);
}

/**
 * of_phandle_args_to_fwspec() - an interrupt specifier as an irq_fwspec
 * @np: the controller node the specifier is for
 * @args: the specifier cells
 * @count: the number of cells; more than IRQ_DOMAIN_IRQ_SPEC_PARAMS are cut
 *         (with a warning)
 * @fwspec: the fwspec to fill (zeroed first); its fwnode is @np's
 */
void of_phandle_args_to_fwspec(struct device_node *np, const u32 *args, unsigned int count,
			       struct irq_fwspec *fwspec)
{
	if (count > IRQ_DOMAIN_IRQ_SPEC_PARAMS) {
		pr_warn("%s: %u interrupt cells, only %d used", of_node_path(np), count,
			IRQ_DOMAIN_IRQ_SPEC_PARAMS);
		count = IRQ_DOMAIN_IRQ_SPEC_PARAMS;
	}
	memset(fwspec, 0, sizeof(*fwspec));
	fwspec->fwnode = of_node_to_fwnode(np);
	fwspec->param_count = (int)count;
	for (unsigned int i = 0; i < count; i++)
		fwspec->param[i] = args[i];
}

/**
 * irq_of_parse_and_map() - parse one interrupt of a node and map it to a virq
 * @node: the device node
 * @index: which interrupt (0 for the first)
 *
 * of_irq_parse_one(), then irq_create_fwspec_mapping() in the domain of the
 * controller the interrupt belongs to.
 *
 * Return: the virq, or 0 on any failure (no such interrupt, no domain for
 * the controller yet, translation refused).
 */
unsigned int irq_of_parse_and_map(struct device_node *node, int index)
{
	struct of_phandle_args args;
	struct irq_fwspec fwspec;

	if (of_irq_parse_one(node, index, &args))
		return 0;
	of_phandle_args_to_fwspec(args.np, args.args, (unsigned int)args.args_count, &fwspec);
	return irq_create_fwspec_mapping(&fwspec);
}

/* "mbi" names the parent whose msi_parent_ops prefix is "MBI-" (case-insensitive) */
static bool msi_kind_matches(const char *prefix, const char *kind)
{
	size_t n = strlen(kind);

	return prefix && n && strncasecmp(prefix, kind, n) == 0 &&
	       (prefix[n] == '-' || prefix[n] == '\0');
}

static bool msi_parent_of_node(struct irq_domain *d, const struct device_node *msi_np,
			       enum irq_domain_bus_token token)
{
	if (!irq_domain_is_msi_parent(d) || !d->msi_parent_ops || !d->fwnode)
		return false;
	/* a parent on a named fwnode (DirectLPI) carries the node it serves */
	if (d->fwnode != of_fwnode_handle((struct device_node *)msi_np) &&
	    d->fwnode->of_node != msi_np)
		return false;
	if (token == DOMAIN_BUS_ANY || d->bus_token == token)
		return true;
	return (d->msi_parent_ops->bus_select_token == (u32)token) ||
	       ((unsigned int)token < 32 && (d->msi_parent_ops->bus_select_mask & BIT(token)));
}

/**
 * of_msi_get_domain() - the MSI parent domain that @np's msi-parent names
 * @dev: the device (for messages; may be NULL)
 * @np: its node
 * @token: bus token wanted (DOMAIN_BUS_ANY: any MSI parent domain of that node)
 *
 * Return: the domain; NULL while the msi-parent has none (its driver has not
 * probed), and (logged) for a msi-parent that is no phandle, an
 * irqsim,msi-parent-kind that is no string, or a node hosting several MSI
 * parents without irqsim,msi-parent-kind.
 */
struct irq_domain *of_msi_get_domain(struct device *dev, const struct device_node *np,
				     enum irq_domain_bus_token token)
{
	struct device_node *msi_np;
	struct irq_domain *found = NULL;
	const char *kind = NULL;
	unsigned int n = 0;

	if (!np)
		return NULL;
	msi_np = of_parse_phandle(np, "msi-parent", 0);
	if (!msi_np) {
		pr_err("%pOF: msi-parent missing or not a phandle", np);
		return NULL;
	}
	if (of_get_property(np, "irqsim,msi-parent-kind", NULL) &&
	    of_property_read_string(np, "irqsim,msi-parent-kind", &kind)) {
		pr_err("%pOF: irqsim,msi-parent-kind is not a string", np);
		return NULL;
	}
	for (struct irq_domain *d = irq_domain_next(NULL); d; d = irq_domain_next(d)) {
		if (!msi_parent_of_node(d, msi_np, token))
			continue;
		if (kind && !msi_kind_matches(d->msi_parent_ops->prefix, kind))
			continue;
		if (!found)
			found = d;
		n++;
	}
	if (n > 1) {
		pr_err("%pOF: msi-parent %pOF hosts %u MSI parents: say which with irqsim,msi-parent-kind",
		       np, msi_np, n);
		return NULL;
	}
	(void)dev;
	return found;
}
