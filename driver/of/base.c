// SPDX-License-Identifier: MIT
/*
 * Device-tree nodes from a flattened blob, and the property accessors.
 * libfdt does the parsing; we keep a validated copy of the blob and one
 * struct device_node per node so drivers can hold node pointers, walk
 * parents and embed a fwnode_handle, as with the kernel's unflattened tree.
 */
#define _POSIX_C_SOURCE 200809L /* strdup, strndup, strnlen */
#define pr_fmt(fmt) "OF: " fmt
#include <libfdt.h>
#include <asm/byteorder.h>
#include <stdlib.h>
#include <string.h>

#include "of_private.h"

struct device_node *of_root;

static char *of_strdup_path(const char *parent_path, const char *name, int len)
{
	size_t plen = strlen(parent_path);
	bool root_parent = plen == 1; /* "/" */
	char *p = malloc(plen + (size_t)len + 2);

	if (!p)
		return NULL;
	memcpy(p, parent_path, plen);
	if (!root_parent)
		p[plen++] = '/';
	memcpy(p + plen, name, (size_t)len);
	p[plen + (size_t)len] = '\0';
	return p;
}

static void of_tree_destroy(struct of_tree *t)
{
	if (!t)
		return;
	for (int i = 0; i < t->nr_nodes; i++) {
		free((void *)t->nodes[i].path);
		free((void *)t->nodes[i].name);
	}
	free(t->nodes);
	free(t->blob);
	free(t);
}

/* Header checks with a precise message for each way a blob can be unusable. */
static int of_fdt_validate(const void *blob, size_t size)
{
	int err;

	if (!blob || size < sizeof(struct fdt_header)) {
		pr_err("blob of %zu bytes is too small for an FDT header", blob ? size : 0);
		return -EINVAL;
	}
	err = fdt_check_header(blob);
	if (err) {
		pr_err("bad FDT header (magic 0x%08x): %s", fdt_magic(blob), fdt_strerror(err));
		return -EINVAL;
	}
	if (fdt_totalsize(blob) > size) {
		pr_err("truncated FDT: header says %u bytes, only %zu given", fdt_totalsize(blob),
		       size);
		return -EINVAL;
	}
	/* libfdt 1.6.1's full check itself dereferences NULL below version 16 */
	if (fdt_version(blob) < 16) {
		pr_err("FDT version %u is not supported (16 or later)", fdt_version(blob));
		return -EINVAL;
	}
	err = fdt_check_full(blob, fdt_totalsize(blob));
	if (err) {
		pr_err("malformed FDT structure: %s", fdt_strerror(err));
		return -EINVAL;
	}
	return 0;
}

static int of_build_nodes(struct of_tree *t)
{
	struct device_node *stack[64];
	int depth = 0, off, n = 0;

	for (off = 0, depth = 0; off >= 0 && depth >= 0; off = fdt_next_node(t->blob, off, &depth))
		n++;
	t->nodes = calloc((size_t)n, sizeof(*t->nodes));
	if (!t->nodes)
		return -ENOMEM;

	depth = 0;
	for (off = 0; off >= 0 && depth >= 0 && t->nr_nodes < n;
	     off = fdt_next_node(t->blob, off, &depth)) {
		struct device_node *np = &t->nodes[t->nr_nodes];
		int len = 0;
		const char *full = fdt_get_name(t->blob, off, &len);
		const char *at;

		if (!full) {
			pr_err("FDT structure has a node without a name");
			return -EINVAL;
		}
		if (depth >= (int)ARRAY_SIZE(stack)) {
			pr_err("node %s nested deeper than %zu levels", full ? full : "?",
			       ARRAY_SIZE(stack));
			return -EINVAL;
		}
		t->nr_nodes++; /* counted from here on, so destroy frees its strings */
		np->tree = t;
		np->offset = off;
		np->phandle = fdt_get_phandle(t->blob, off);
		np->fwnode.of_node = np;
		if (depth == 0) {
			np->path = strdup("/");
			np->full_name = "";
		} else {
			np->parent = stack[depth - 1];
			np->path = of_strdup_path(np->parent->path, full, len);
			/* full_name is the last component of the path */
			np->full_name = np->path ? strrchr(np->path, '/') + 1 : NULL;
		}
		at = memchr(full, '@', (size_t)len);
		np->name = strndup(full, at ? (size_t)(at - full) : (size_t)len);
		if (!np->path || !np->name)
			return -ENOMEM;
		np->fwnode.name = depth == 0 ? np->path : np->full_name;
		/* link as last child of the parent */
		if (np->parent) {
			struct device_node **link = &np->parent->child;

			while (*link)
				link = &(*link)->sibling;
			*link = np;
		}
		stack[depth] = np;
	}
	return 0;
}

/**
 * of_fdt_unflatten() - validate a flattened device tree and build its nodes
 * @blob: the dtb; copied, the caller keeps ownership
 * @size: bytes available at @blob (the header's totalsize must fit in it)
 *
 * Checks the header and the structure block (version 16 or later), keeps a
 * copy of the blob and makes one struct device_node per node, linked to its
 * parent, first child and next sibling.  Property values stay big-endian in
 * the copy.  The new root becomes of_root, the tree the lookups without a
 * starting node search.
 *
 * Context: boot thread; nothing else may use of_root meanwhile.
 * Return: the root node, ERR_PTR(-EINVAL) for a malformed, truncated or too
 * old blob (one log line, nothing allocated), or ERR_PTR(-ENOMEM).
 */
struct device_node *of_fdt_unflatten(const void *blob, size_t size)
{
	struct of_tree *t;
	int err = of_fdt_validate(blob, size);

	if (err)
		return ERR_PTR(err);
	t = calloc(1, sizeof(*t));
	if (!t)
		goto nomem;
	t->size = fdt_totalsize(blob);
	t->blob = malloc(t->size);
	if (!t->blob)
		goto nomem;
	memcpy(t->blob, blob, t->size);
	err = of_build_nodes(t);
	if (err) {
		of_tree_destroy(t);
		if (err == -ENOMEM)
			pr_err("out of memory building the device tree");
		return ERR_PTR(err);
	}
	of_root = &t->nodes[0];
	return of_root;
nomem:
	of_tree_destroy(t);
	pr_err("out of memory copying a %zu-byte FDT", size);
	return ERR_PTR(-ENOMEM);
}

/**
 * of_fdt_free() - free a tree made by of_fdt_unflatten()
 * @root: its root node; NULL or an ERR_PTR() is ignored
 *
 * Every node of the tree and the copy of the blob are freed; of_root is
 * cleared if it was this tree.  Passing a node that is not a root is logged
 * and frees nothing.
 *
 * Context: no pointer into the tree may be used afterwards, including the
 * irq domains and devices made from its nodes.
 */
void of_fdt_free(struct device_node *root)
{
	if (IS_ERR_OR_NULL(root))
		return;
	if (root->parent) {
		pr_err("of_fdt_free(%s): not a root node", root->path);
		return;
	}
	if (of_root == root)
		of_root = NULL;
	of_tree_destroy(root->tree);
}

/* ---- lookup ------------------------------------------------------------------ */

/**
 * of_find_all_nodes() - the next node of a tree, depth first
 * @from: the node to continue after, or NULL to start at of_root
 *
 * Visits a node before its children and the children in tree order, so
 * starting from a root reaches every node of that tree exactly once.
 * Nodes are not reference counted; nothing is taken or dropped.
 *
 * Return: of_root for a NULL @from, else the node after @from in @from's
 * tree, or NULL after the last one.
 */
struct device_node *of_find_all_nodes(struct device_node *from)
{
	struct of_tree *t;
	long next;

	if (!from)
		return of_root;
	t = from->tree;
	next = (from - t->nodes) + 1;
	return next < t->nr_nodes ? &t->nodes[next] : NULL;
}

/**
 * of_find_node_by_path() - look a node up by its full path in of_root's tree
 * @path: the path, unit addresses included ("/soc/interrupt-controller@8000000");
 *        "/" is the root
 *
 * Only exact paths match: aliases and paths without unit addresses are not
 * resolved.
 *
 * Return: the node, or NULL if @path is NULL, there is no tree or no node has
 * that path.
 */
struct device_node *of_find_node_by_path(const char *path)
{
	for (struct device_node *np = of_root; np && path; np = of_find_all_nodes(np))
		if (!strcmp(np->path, path))
			return np;
	return NULL;
}

/**
 * of_tree_find_phandle() - the node with a phandle, in one given tree
 * @t: the tree to search (any node's ->tree)
 * @phandle: the phandle value
 *
 * Used where the tree is known from a node, so that trees other than
 * of_root resolve their own references.  Logs nothing.
 *
 * Return: the node, or NULL if @t is NULL, @phandle is 0 or 0xffffffff (not a
 * phandle) or no node of @t has it.
 */
struct device_node *of_tree_find_phandle(const struct of_tree *t, u32 phandle)
{
	if (!t || !phandle || phandle == (u32)-1)
		return NULL;
	for (int i = 0; i < t->nr_nodes; i++)
		if (t->nodes[i].phandle == phandle)
			return &t->nodes[i];
	return NULL;
}

/**
 * of_find_node_by_phandle() - the node with a phandle in of_root's tree
 * @phandle: the phandle value
 *
 * Return: the node, or NULL if there is no tree, @phandle is not a valid
 * phandle or no node has it.
 */
struct device_node *of_find_node_by_phandle(u32 phandle)
{
	return of_root ? of_tree_find_phandle(of_root->tree, phandle) : NULL;
}

/**
 * of_find_compatible_node() - the next node with a compatible string
 * @from: search after this node (in its tree); NULL searches of_root's tree
 *        from the root itself
 * @type: required "device_type" value, or NULL for any
 * @compat: a string the node's "compatible" list must contain, or NULL for any
 *
 * The search runs in of_find_all_nodes() order; calling again with the
 * previous result as @from finds the next one (for_each_compatible_node()).
 *
 * Return: the first matching node after @from, or NULL if none.
 */
struct device_node *of_find_compatible_node(struct device_node *from, const char *type,
					    const char *compat)
{
	struct device_node *np = from ? of_find_all_nodes(from) : of_root;

	for (; np; np = of_find_all_nodes(np)) {
		if (type) {
			const char *dt = of_get_property(np, "device_type", NULL);

			if (!dt || strcmp(dt, type))
				continue;
		}
		if (!compat || of_device_is_compatible(np, compat))
			return np;
	}
	return NULL;
}

/**
 * of_get_next_child() - iterate over the children of a node
 * @node: the parent
 * @prev: the previous child, or NULL for the first one
 *
 * Used by for_each_child_of_node().  Children come in tree (blob) order.
 * There is no reference counting: @prev is not put.
 *
 * Return: the child after @prev (the first child for a NULL @prev), or NULL
 * when there are no more or @node is NULL.
 */
struct device_node *of_get_next_child(const struct device_node *node, struct device_node *prev)
{
	if (!node)
		return NULL;
	return prev ? prev->sibling : node->child;
}

/**
 * of_get_child_by_name() - a direct child of a node, by name
 * @node: the parent
 * @name: the child's name, with or without its unit address
 *        ("timer" or "timer@1000")
 *
 * Return: the first child whose name or full name equals @name, or NULL.
 */
struct device_node *of_get_child_by_name(const struct device_node *node, const char *name)
{
	struct device_node *c;

	for_each_child_of_node(node, c)
		if (!strcmp(c->name, name) || !strcmp(c->full_name, name))
			return c;
	return NULL;
}

/* ---- properties -------------------------------------------------------------- */

/**
 * of_get_property() - the raw value of a property
 * @np: the node; may be NULL
 * @name: the property name
 * @lenp: receives the value's length in bytes; may be NULL
 *
 * The value points into the tree's copy of the blob and stays valid as long
 * as the tree; multi-byte cells in it are big-endian.
 *
 * Return: the value (a present empty property gives a non-NULL pointer and
 * length 0), or NULL if the property is absent, @np or @name is NULL.  On
 * absence *@lenp is 0; for a NULL @np or @name it is negative.
 */
const void *of_get_property(const struct device_node *np, const char *name, int *lenp)
{
	int len = 0;
	const void *v;

	if (!np || !name) {
		if (lenp)
			*lenp = -FDT_ERR_NOTFOUND;
		return NULL;
	}
	v = fdt_getprop(of_node_blob(np), np->offset, name, &len);
	if (lenp)
		*lenp = v ? len : 0;
	return v;
}

/**
 * of_property_read_bool() - whether a node has a property
 * @np: the node; may be NULL
 * @name: the property name
 *
 * For boolean (empty) properties such as "interrupt-controller"; the value,
 * if any, is not looked at.
 *
 * Return: true if the property is present.
 */
bool of_property_read_bool(const struct device_node *np, const char *name)
{
	return of_get_property(np, name, NULL) != NULL;
}

/**
 * of_device_is_compatible() - whether a node's compatible list holds a string
 * @np: the node; may be NULL
 * @compat: the string, matched exactly (case included)
 *
 * Unlike the kernel's, which returns a score, the result is only a truth
 * value: the position of the string in the list is not reported.
 *
 * Return: 1 if "compatible" contains @compat, 0 if not, or if @np has no
 * "compatible" or @compat is NULL.
 */
int of_device_is_compatible(const struct device_node *np, const char *compat)
{
	int len;
	const char *list = of_get_property(np, "compatible", &len);

	if (!list || !compat)
		return 0;
	return fdt_stringlist_contains(list, len, compat);
}

/**
 * of_device_is_available() - whether a node is enabled
 * @np: the node; may be NULL
 *
 * Return: true if @np has no "status" property or its status is "okay" or
 * "ok"; false for any other status and for a NULL @np.
 */
bool of_device_is_available(const struct device_node *np)
{
	int len;
	const char *status = of_get_property(np, "status", &len);

	if (!np)
		return false;
	if (!status)
		return true;
	return !strcmp(status, "okay") || !strcmp(status, "ok");
}

/**
 * of_property_count_elems_of_size() - the number of fixed-size elements in a property
 * @np: the node
 * @propname: the property name
 * @elem_size: the size of one element in bytes
 *
 * Return: the property length divided by @elem_size, or -EINVAL if the
 * property is absent, @elem_size is not positive or the length is not a
 * multiple of it.
 */
int of_property_count_elems_of_size(const struct device_node *np, const char *propname,
				    int elem_size)
{
	int len;

	if (!of_get_property(np, propname, &len))
		return -EINVAL;
	if (elem_size <= 0 || len % elem_size)
		return -EINVAL;
	return len / elem_size;
}

/**
 * of_property_count_u32_elems() - the number of 32-bit cells in a property
 * @np: the node
 * @name: the property name
 *
 * Return: the number of cells (0 for an empty property), -EINVAL if the
 * property is absent, or -ENODATA if its length is not a multiple of 4.
 */
int of_property_count_u32_elems(const struct device_node *np, const char *name)
{
	int len;

	if (!of_get_property(np, name, &len))
		return -EINVAL;
	if (len % 4)
		return -ENODATA;
	return len / 4;
}

/**
 * of_property_read_u32_index() - read one cell of a cell-list property
 * @np: the node
 * @name: the property name
 * @index: the cell to read (0 for the first)
 * @out: receives the value in CPU byte order; untouched on failure
 *
 * Return: 0, -EINVAL if the property is absent, -ENODATA if it has no value,
 * or -EOVERFLOW if it is shorter than @index + 1 cells.
 */
int of_property_read_u32_index(const struct device_node *np, const char *name, u32 index, u32 *out)
{
	int len;
	const fdt32_t *v = of_get_property(np, name, &len);

	if (!v)
		return -EINVAL;
	if (len == 0)
		return -ENODATA;
	if ((size_t)len < ((size_t)index + 1) * 4)
		return -EOVERFLOW;
	*out = fdt32_to_cpu(v[index]);
	return 0;
}

/**
 * of_property_read_u32() - read a single-cell property
 * @np: the node
 * @name: the property name
 * @out: receives the value in CPU byte order; untouched on failure
 *
 * Stricter than the kernel, which reads the first cell of a longer value:
 * a list or a string where one number belongs is a mistake in the tree.
 *
 * Return: 0, -EINVAL if the property is absent, -ENODATA if it has no value,
 * or -EOVERFLOW if it is not exactly one cell long.
 */
int of_property_read_u32(const struct device_node *np, const char *name, u32 *out)
{
	int len;
	const fdt32_t *v = of_get_property(np, name, &len);

	if (!v)
		return -EINVAL;
	if (len == 0)
		return -ENODATA;
	if (len != 4)
		return -EOVERFLOW;
	*out = fdt32_to_cpu(v[0]);
	return 0;
}

/**
 * of_property_read_u32_array() - read the first cells of a cell-list property
 * @np: the node
 * @name: the property name
 * @out: receives @n values in CPU byte order; untouched on failure
 * @n: how many cells to read; a longer property is not an error
 *
 * Return: 0, -EINVAL if the property is absent, -ENODATA if it has no value,
 * or -EOVERFLOW if it has fewer than @n cells.
 */
int of_property_read_u32_array(const struct device_node *np, const char *name, u32 *out, size_t n)
{
	int len;
	const fdt32_t *v = of_get_property(np, name, &len);

	if (!v)
		return -EINVAL;
	if (len == 0)
		return -ENODATA;
	if ((size_t)len < n * 4)
		return -EOVERFLOW;
	for (size_t i = 0; i < n; i++)
		out[i] = fdt32_to_cpu(v[i]);
	return 0;
}

/**
 * of_property_read_u64() - read a 64-bit property
 * @np: the node
 * @name: the property name
 * @out: receives the value; untouched on failure
 *
 * A two-cell value is read most significant cell first; a one-cell value is
 * accepted too and zero-extended.
 *
 * Return: 0, -EINVAL if the property is absent, -ENODATA if it has no value,
 * or -EOVERFLOW if it is neither one nor two cells long.
 */
int of_property_read_u64(const struct device_node *np, const char *name, u64 *out)
{
	int len;
	const fdt32_t *v = of_get_property(np, name, &len);

	if (!v)
		return -EINVAL;
	if (len == 4)
		*out = fdt32_to_cpu(v[0]);
	else if (len == 8)
		*out = (u64)fdt32_to_cpu(v[0]) << 32 | fdt32_to_cpu(v[1]);
	else
		return len ? -EOVERFLOW : -ENODATA;
	return 0;
}

/**
 * of_property_read_string() - read a string property
 * @np: the node
 * @name: the property name
 * @out: receives a pointer to the string (into the tree's blob, valid as long
 *       as the tree); untouched on failure
 *
 * For a string list this is the first string.
 *
 * Return: 0, -EINVAL if the property is absent, or -EILSEQ if it is empty or
 * not NUL-terminated within its length.
 */
int of_property_read_string(const struct device_node *np, const char *name, const char **out)
{
	int len;
	const char *s = of_get_property(np, name, &len);

	if (!s)
		return -EINVAL;
	if (!len || strnlen(s, (size_t)len) >= (size_t)len)
		return -EILSEQ;
	*out = s;
	return 0;
}

/**
 * of_parse_phandle() - resolve one entry of a list of plain phandles
 * @np: the node holding the list
 * @name: the property, a list of phandles without arguments
 * @index: which entry (0 for the first)
 *
 * The phandle is looked up in @np's own tree.
 *
 * Return: the referenced node, or NULL if the property is absent, too short
 * or @index is negative, or the phandle names no node (logged).
 */
struct device_node *of_parse_phandle(const struct device_node *np, const char *name, int index)
{
	u32 ph;
	struct device_node *target;

	if (index < 0 || of_property_read_u32_index(np, name, (u32)index, &ph))
		return NULL;
	target = of_tree_find_phandle(np->tree, ph);
	if (!target)
		pr_err("%s: %s[%d] = phandle 0x%x matches no node", np->path, name, index, ph);
	return target;
}

/* ---- addresses --------------------------------------------------------------- */

static int of_read_cells_of_parent(const struct device_node *np, const char *prop, int def)
{
	u32 v;

	for (const struct device_node *p = np ? np->parent : NULL; p; p = p->parent) {
		int ret = of_property_read_u32(p, prop, &v);

		if (!ret)
			return v > 4 ? -1 : (int)v;
		if (ret != -EINVAL)
			return -1; /* present but not one cell: of_reg_read refuses it */
	}
	return def;
}

/**
 * of_n_addr_cells() - the #address-cells that applies to a node's reg
 * @np: the node
 *
 * As in the kernel, the value comes from the nearest ancestor that has the
 * property, the tree's default when none has.
 *
 * Return: the cell count, 2 if no ancestor gives one, or -1 if the nearest
 * one is malformed (not a single cell, or larger than 4).
 */
int of_n_addr_cells(const struct device_node *np)
{
	return of_read_cells_of_parent(np, "#address-cells", 2);
}

/**
 * of_n_size_cells() - the #size-cells that applies to a node's reg
 * @np: the node
 *
 * Looked up like of_n_addr_cells().
 *
 * Return: the cell count, 1 if no ancestor gives one, or -1 if the nearest
 * one is malformed (not a single cell, or larger than 4).
 */
int of_n_size_cells(const struct device_node *np)
{
	return of_read_cells_of_parent(np, "#size-cells", 1);
}

static u64 of_read_number(const fdt32_t *cell, int n)
{
	u64 r = 0;

	while (n--)
		r = (r << 32) | fdt32_to_cpu(*cell++);
	return r;
}

/**
 * of_reg_read() - one untranslated entry of a node's reg
 * @np: the node
 * @index: the entry (0 for the first)
 * @addr: receives the address, as written in the tree (no "ranges" applied;
 *        see of_translate_address())
 * @size: receives the size; may be NULL, and is 0 when #size-cells is 0
 *
 * Return: 0, or -EINVAL (logged) for bad arguments, cell counts other than
 * 1..2 address and 0..2 size cells, no reg, or no entry @index.
 */
int of_reg_read(const struct device_node *np, int index, u64 *addr, u64 *size)
{
	int len, na, ns, stride;
	const fdt32_t *reg;

	if (!np || index < 0) {
		pr_err("of_reg_read: bad arguments");
		return -EINVAL;
	}
	/* like the kernel, the nearest ancestor giving the cell counts wins */
	na = of_n_addr_cells(np);
	ns = of_n_size_cells(np);
	if (na < 1 || na > 2 || ns < 0 || ns > 2) {
		pr_err("%s: unsupported #address-cells %d / #size-cells %d", np->path, na, ns);
		return -EINVAL;
	}
	reg = of_get_property(np, "reg", &len);
	if (!reg) {
		pr_err("%s: no reg property", np->path);
		return -EINVAL;
	}
	stride = (na + ns) * 4;
	if (len % stride || (index + 1) * stride > len) {
		pr_err("%s: reg entry %d not present (%d bytes, %d-byte entries)", np->path, index,
		       len, stride);
		return -EINVAL;
	}
	reg += index * (na + ns);
	*addr = of_read_number(reg, na);
	if (size)
		*size = of_read_number(reg + na, ns);
	return 0;
}

/* ---- phandle lists -------------------------------------------------------------- */

/**
 * of_phandle_iterator_init() - start walking a list of <phandle args...> entries
 * @it: the iterator to initialise (zeroed first)
 * @np: the node holding the list
 * @list_name: the list property ("interrupts-extended", "msi-parent"...)
 * @cells_name: the property of each referenced node that gives its entry's
 *              argument count ("#interrupt-cells"), or NULL
 * @cell_count: the argument count of every entry when @cells_name is NULL,
 *              or of entries whose node lacks @cells_name; -1 for none
 *
 * of_phandle_iterator_next() then moves to the first entry.
 *
 * Return: 0, -EINVAL if neither @cells_name nor a @cell_count is given, or
 * -ENOENT if @np is NULL or has no @list_name.
 */
int of_phandle_iterator_init(struct of_phandle_iterator *it, const struct device_node *np,
			     const char *list_name, const char *cells_name, int cell_count)
{
	const __be32 *list;
	int len;

	memset(it, 0, sizeof(*it));
	/* without a cells property every entry has cell_count arguments */
	if (!cells_name && cell_count < 0)
		return -EINVAL;
	list = np ? of_get_property(np, list_name, &len) : NULL;
	if (!list)
		return -ENOENT;
	it->cells_name = cells_name;
	it->cell_count = cell_count;
	it->parent = np;
	it->list_end = list + len / 4;
	it->phandle_end = list;
	it->cur = list;
	return 0;
}

/**
 * of_phandle_iterator_next() - move to the next entry of a phandle list
 * @it: an iterator set up by of_phandle_iterator_init()
 *
 * A phandle of 0 is an empty entry: @it->node is NULL and it has no
 * arguments.  After an error the iterator stays at the end.
 *
 * Return: 0 with @it->node, @it->phandle and @it->cur_count set; -ENOENT
 * after the last entry; -EINVAL (logged) if, with a cells property named,
 * the phandle names no node or the node lacks the property and no default
 * count was given, or if the entry runs past the end of the list or has more
 * than OF_MAX_PHANDLE_ARGS arguments.  Without a cells property an unknown
 * phandle is not an error: @it->node is then NULL.
 */
int of_phandle_iterator_next(struct of_phandle_iterator *it)
{
	u32 count = 0;

	it->node = NULL;
	if (!it->cur || it->phandle_end >= it->list_end)
		return -ENOENT;
	it->cur = it->phandle_end;
	it->phandle = be32_to_cpup(it->cur++);
	if (it->phandle) {
		it->node = of_tree_find_phandle(it->parent->tree, it->phandle);
		if (it->cells_name) {
			if (!it->node) {
				pr_err("%s: phandle 0x%x matches no node", it->parent->path,
				       it->phandle);
				goto err;
			}
			if (of_property_read_u32(it->node, it->cells_name, &count)) {
				/* upstream's fallback: a fixed count given along with the name */
				if (it->cell_count < 0) {
					pr_err("%s: could not get %s for %s", it->parent->path,
					       it->cells_name, it->node->path);
					goto err;
				}
				count = (u32)it->cell_count;
			}
		} else {
			count = (u32)it->cell_count;
		}
		if (count > OF_MAX_PHANDLE_ARGS || it->cur + count > it->list_end) {
			pr_err("%s: entry with %u arguments runs past the end of the list",
			       it->parent->path, count);
			goto err;
		}
	}
	it->phandle_end = it->cur + count;
	it->cur_count = count;
	return 0;
err:
	it->node = NULL;
	it->cur = NULL;
	return -EINVAL;
}

/**
 * of_phandle_iterator_args() - copy the arguments of the current entry
 * @it: an iterator on an entry (of_phandle_iterator_next() returned 0)
 * @args: receives the arguments in CPU byte order
 * @size: room in @args; extra arguments are not copied
 *
 * Return: the number of arguments the entry has, which may exceed @size.
 */
int of_phandle_iterator_args(struct of_phandle_iterator *it, uint32_t *args, int size)
{
	int count = (int)it->cur_count;

	for (int i = 0; i < count && i < size; i++)
		args[i] = be32_to_cpup(it->cur + i);
	return count;
}

/**
 * of_count_phandle_with_args() - the number of entries in a phandle list
 * @np: the node holding the list
 * @list_name: the list property
 * @cells_name: the property of each referenced node giving its argument
 *              count, or NULL when every cell is a phandle
 *
 * Return: the number of entries (for a NULL @cells_name, the number of
 * cells); -ENOENT if the list is absent; -EINVAL (logged) if an entry is
 * malformed, as for of_phandle_iterator_next().
 */
int of_count_phandle_with_args(const struct device_node *np, const char *list_name,
			       const char *cells_name)
{
	struct of_phandle_iterator it;
	int rc, n = 0;

	/* no cells property: every cell is a phandle */
	if (!cells_name) {
		int len;

		if (!np || !of_get_property(np, list_name, &len))
			return -ENOENT;
		return len / 4;
	}
	rc = of_phandle_iterator_init(&it, np, list_name, cells_name, -1);
	if (rc)
		return rc;
	while ((rc = of_phandle_iterator_next(&it)) == 0)
		n++;
	return rc == -ENOENT ? n : rc;
}
