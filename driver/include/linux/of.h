/* SPDX-License-Identifier: MIT */
/*
 * Device tree: nodes built from a flattened blob (dtc output, read with libfdt)
 * and the <linux/of.h> accessors the irq code uses.
 *
 * of_fdt_unflatten() copies and validates the blob and builds one
 * struct device_node per node; property values stay in the copy (big-endian,
 * as in the kernel) and are decoded by the of_property_read_*() helpers.
 * The most recently unflattened tree is "the" tree (of_root) used by the
 * lookups that take no starting node.
 */
#ifndef IRQSIM_OF_H
#define IRQSIM_OF_H

#include <linux/irqdomain.h>
#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

struct of_tree; /* private: blob copy + node storage */

/**
 * struct device_node - one node of a device tree built by of_fdt_unflatten()
 * @name: node name without the unit address ("interrupt-controller")
 * @full_name: node name with the unit address ("interrupt-controller@8000000");
 *             "" for the root
 * @path: full path ("/soc/interrupt-controller@8000000"), "/" for the root
 * @offset: offset of the node in the tree's copy of the blob (for libfdt)
 * @phandle: the node's phandle, 0 if it has none
 * @parent: the parent node, NULL for the root
 * @child: the first child, NULL if none
 * @sibling: the next child of the same parent, NULL for the last
 * @fwnode: the firmware node irq domains are keyed by; fwnode.of_node points
 *          back here
 * @tree: the tree the node belongs to (blob copy and node storage, private)
 * @data: free for the driver that owns the node
 * @_flags: OF_* flag bits (OF_POPULATED...); use of_node_*_flag()
 *
 * Nodes live as long as their tree (of_fdt_free()); they are not reference
 * counted, so of_node_get()/of_node_put() do nothing.
 */
struct device_node {
	const char *name;      /* node name without unit address ("interrupt-controller") */
	const char *full_name; /* node name with unit address ("interrupt-controller@8000000") */
	const char *path;      /* full path ("/interrupt-controller@8000000"), "/" for the root */
	int offset;	       /* offset of the node in the blob */
	u32 phandle;	       /* 0 if none */
	struct device_node *parent;
	struct device_node *child;   /* first child */
	struct device_node *sibling; /* next child of the same parent */
	struct fwnode_handle fwnode; /* fwnode.of_node points back here */
	struct of_tree *tree;
	void *data;	      /* free for the driver that owns the node */
	unsigned long _flags; /* OF_POPULATED... (of_node_*_flag) */
};

/* node flags: OF_POPULATED = a device or an of_irq_init() controller owns the node */
#define OF_POPULATED 3
#define OF_POPULATED_BUS 4
static inline int of_node_check_flag(const struct device_node *n, unsigned long flag)
{
	return (n->_flags >> flag) & 1;
}
static inline void of_node_set_flag(struct device_node *n, unsigned long flag)
{
	n->_flags |= 1UL << flag;
}
static inline void of_node_clear_flag(struct device_node *n, unsigned long flag)
{
	n->_flags &= ~(1UL << flag);
}

#define OF_MAX_PHANDLE_ARGS 16
/**
 * struct of_phandle_args - a decoded <phandle args...> entry
 * @np: the node the phandle references (e.g. an interrupt controller)
 * @args_count: how many of @args are used
 * @args: the argument cells, in CPU byte order
 */
struct of_phandle_args {
	struct device_node *np;
	int args_count;
	u32 args[OF_MAX_PHANDLE_ARGS];
};

extern struct device_node *of_root;

/* validate a dtb and build its nodes; the root becomes of_root */
struct device_node *of_fdt_unflatten(const void *blob, size_t size);
/* free a tree from of_fdt_unflatten() (clears of_root if it was it) */
void of_fdt_free(struct device_node *root);

static inline struct fwnode_handle *of_node_to_fwnode(struct device_node *np)
{
	return np ? &np->fwnode : NULL;
}
static inline struct device_node *to_of_node(const struct fwnode_handle *fwnode)
{
	return fwnode ? fwnode->of_node : NULL;
}
/* the kernel's of_fwnode_handle(): NULL-safe, and usable on a const node */
static inline struct fwnode_handle *of_fwnode_handle(const struct device_node *np)
{
	return np ? (struct fwnode_handle *)&np->fwnode : NULL;
}
static inline const char *of_node_full_name(const struct device_node *np)
{
	return np ? np->full_name : "<no-node>";
}
static inline bool is_of_node(const struct fwnode_handle *fwnode)
{
	return fwnode && fwnode->of_node;
}

/* ---- lookup ------------------------------------------------------------------ */
struct device_node *of_find_node_by_path(const char *path);
struct device_node *of_find_node_by_phandle(u32 phandle);
/* next node after @from (NULL: from of_root), depth first */
struct device_node *of_find_all_nodes(struct device_node *from);
struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat);
struct device_node *of_get_child_by_name(const struct device_node *node, const char *name);
struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev);
#define for_each_child_of_node(parent, child)                      \
	for ((child) = of_get_next_child((parent), NULL); (child); \
	     (child) = of_get_next_child((parent), (child)))
#define for_each_compatible_node(dn, type, compat)                         \
	for ((dn) = of_find_compatible_node(NULL, (type), (compat)); (dn); \
	     (dn) = of_find_compatible_node((dn), (type), (compat)))
/* reference counting is not modelled: nodes live as long as their tree */
static inline struct device_node *of_node_get(struct device_node *np)
{
	return np;
}
static inline void of_node_put(struct device_node *np)
{
	(void)np;
}

/* ---- properties -------------------------------------------------------------- */
const void *of_get_property(const struct device_node *np, const char *name, int *lenp);
bool of_property_read_bool(const struct device_node *np, const char *name);
int of_device_is_compatible(const struct device_node *np, const char *compat);
/* status absent, "okay" or "ok" */
bool of_device_is_available(const struct device_node *np);
/* 0, -EINVAL (absent), -ENODATA (no value), -EOVERFLOW (too short) */
int of_property_read_u32_index(const struct device_node *np, const char *name, u32 index, u32 *out);
/*
 * A single-cell property: 0, -EINVAL (absent), -ENODATA (no value) or
 * -EOVERFLOW (not exactly one cell).  Stricter than the kernel, which reads
 * the first cell of anything longer: a string or a list where one number
 * belongs is a mistake in the tree, not a number.
 */
int of_property_read_u32(const struct device_node *np, const char *name, u32 *out);
int of_property_read_u32_array(const struct device_node *np, const char *name, u32 *out, size_t n);
/* a 64-bit value (two cells), or a single cell */
int of_property_read_u64(const struct device_node *np, const char *name, u64 *out);
/* number of u32 cells, or -EINVAL (absent) / -ENODATA (length not a multiple of 4) */
int of_property_count_u32_elems(const struct device_node *np, const char *name);
/* elements of @elem_size bytes in @propname; -EINVAL if absent or not a multiple (as upstream) */
int of_property_count_elems_of_size(const struct device_node *np, const char *propname,
				    int elem_size);
int of_property_read_string(const struct device_node *np, const char *name, const char **out);

/* the node referenced by entry @index of a list of plain phandles */
struct device_node *of_parse_phandle(const struct device_node *np, const char *name, int index);

/*
 * Walking a list of <phandle args...> entries (as upstream): each entry's
 * argument count is the referenced node's @cells_name property, or
 * @cell_count when @cells_name is NULL.  A zero phandle is an empty entry
 * (node NULL, no arguments).
 */
typedef u32 phandle;
/**
 * struct of_phandle_iterator - state of a walk over a phandle list
 * @cells_name: property of each referenced node that gives its argument
 *              count, or NULL
 * @cell_count: argument count used without @cells_name (or as the fallback
 *              when a node lacks it); -1 for none
 * @parent: the node holding the list
 * @list_end: first cell after the list
 * @phandle_end: first cell after the current entry
 * @cur: the current entry's first argument cell (NULL after an error)
 * @cur_count: the current entry's argument count
 * @phandle: the current entry's phandle (0 for an empty entry)
 * @node: the node @phandle references, NULL for an empty entry
 *
 * Set up by of_phandle_iterator_init(), advanced by
 * of_phandle_iterator_next(); the fields are read-only for users.
 */
struct of_phandle_iterator {
	const char *cells_name;
	int cell_count;
	const struct device_node *parent;
	const __be32 *list_end;
	const __be32 *phandle_end;
	const __be32 *cur;
	uint32_t cur_count;
	phandle phandle;
	struct device_node *node;
};
/* 0, or -ENOENT (no such list property) */
int of_phandle_iterator_init(struct of_phandle_iterator *it, const struct device_node *np,
			     const char *list_name, const char *cells_name, int cell_count);
/* 0 (it->node / it->cur_count set), -ENOENT at the end, -EINVAL for a malformed entry (logged) */
int of_phandle_iterator_next(struct of_phandle_iterator *it);
/* copy up to @size arguments of the current entry; returns how many it has */
int of_phandle_iterator_args(struct of_phandle_iterator *it, uint32_t *args, int size);
#define of_for_each_phandle(it, err, np, ln, cn, cc)                 \
	for (of_phandle_iterator_init((it), (np), (ln), (cn), (cc)), \
	     err = of_phandle_iterator_next(it);                     \
	     err == 0; err = of_phandle_iterator_next(it))
/* entries in @list_name (each sized by @cells_name of its node), or -ENOENT / -EINVAL */
int of_count_phandle_with_args(const struct device_node *np, const char *list_name,
			       const char *cells_name);

/* ---- addresses --------------------------------------------------------------- */
/* #address-cells / #size-cells that apply to @np's reg (from its parent; 2 / 1 by default) */
int of_n_addr_cells(const struct device_node *np);
int of_n_size_cells(const struct device_node *np);
/* entry @index of @np's reg, untranslated: 0 or -EINVAL (logged) */
int of_reg_read(const struct device_node *np, int index, u64 *addr, u64 *size);

#ifdef __cplusplus
}
#endif
#endif
