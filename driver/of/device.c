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

const struct of_device_id *of_match_node(const struct of_device_id *matches, const struct device_node *node)
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
			if (m->compatible[0] && strlen(m->compatible) == clen && !memcmp(m->compatible, c, clen) &&
			    name_type_fit(m, node))
				return m;
		pos += (int)clen + 1;
	}
	for (const struct of_device_id *m = matches; !row_is_end(m); m++)
		if (!m->compatible[0] && name_type_fit(m, node))
			return m;
	return NULL;
}

const struct of_device_id *of_match_device(const struct of_device_id *matches, const struct device *dev)
{
	return dev && dev->of_node ? of_match_node(matches, dev->of_node) : NULL;
}

const void *of_device_get_match_data(const struct device *dev)
{
	const struct of_device_id *m;

	if (!dev || !dev->driver || !dev->driver->of_match_table)
		return NULL;
	m = of_match_device(dev->driver->of_match_table, dev);
	return m ? m->data : NULL;
}
