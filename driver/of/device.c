// SPDX-License-Identifier: MIT
/*
 * Matching device-tree nodes against of_device_id tables (<linux/of_device.h>).
 * As in the kernel, a node's compatible list runs from most to least
 * specific, so the row for its earliest compatible string wins whatever the
 * table order; rows with only a name and/or device_type match last.
 */
#include <string.h>

#include <linux/of_device.h>

/* does row @m's name/type (if set) fit @np? */
static bool name_type_fit(const struct of_device_id *m, const struct device_node *np)
{
	if (m->name[0] && strcmp(m->name, np->name))
		return false;
	if (m->type[0]) {
		const char *type = NULL;

		if (of_property_read_string(np, "device_type", &type) || strcmp(m->type, type))
			return false;
	}
	return true;
}

static bool row_is_end(const struct of_device_id *m)
{
	return !m->name[0] && !m->type[0] && !m->compatible[0];
}

/**
 * of_match_node() - the row of a match table that fits a node best
 * @matches: the table, ended by a row whose name, type and compatible are
 *           all empty
 * @node: the node
 *
 * A node's "compatible" list runs from most to least specific, so the row
 * for its earliest compatible string wins whatever the table order; a row's
 * name and type, when set, must fit too.  Rows without a compatible (name
 * and/or type only) are tried last.
 *
 * Return: the matching row, or NULL if none fits or an argument is NULL.
 */
const struct of_device_id *of_match_node(const struct of_device_id *matches,
					 const struct device_node *node)
{
	const char *compat;
	int len;

	if (!matches || !node)
		return NULL;
	compat = of_get_property(node, "compatible", &len);
	/* compatible is a list of NUL-terminated strings, most specific first */
	for (int pos = 0; compat && pos < len;) {
		const char *c = compat + pos;
		const char *nul = memchr(c, '\0', (size_t)(len - pos));
		size_t clen = nul ? (size_t)(nul - c) : (size_t)(len - pos);

		for (const struct of_device_id *m = matches; !row_is_end(m); m++)
			if (m->compatible[0] && strlen(m->compatible) == clen &&
			    !memcmp(m->compatible, c, clen) && name_type_fit(m, node))
				return m;
		pos += (int)clen + 1;
	}
	for (const struct of_device_id *m = matches; !row_is_end(m); m++)
		if (!m->compatible[0] && name_type_fit(m, node))
			return m;
	return NULL;
}

/**
 * of_match_device() - the row of a match table that fits a device's node
 * @matches: the table, as for of_match_node()
 * @dev: the device
 *
 * Return: of_match_node() on @dev's of_node; NULL if @dev is NULL or has no
 * node.
 */
const struct of_device_id *of_match_device(const struct of_device_id *matches,
					   const struct device *dev)
{
	return dev && dev->of_node ? of_match_node(matches, dev->of_node) : NULL;
}

/**
 * of_device_get_match_data() - the data of the row that bound a device
 * @dev: a device with a driver
 *
 * Matches @dev's node against its driver's of_match_table again; drivers use
 * it in probe to get per-compatible data.
 *
 * Return: the matching row's .data, or NULL if @dev has no driver, the
 * driver no of_match_table, or no row fits.
 */
const void *of_device_get_match_data(const struct device *dev)
{
	const struct of_device_id *m;

	if (!dev || !dev->driver || !dev->driver->of_match_table)
		return NULL;
	m = of_match_device(dev->driver->of_match_table, dev);
	return m ? m->data : NULL;
}
