// SPDX-License-Identifier: MIT
/*
 * Interrupt-controller probing from the device tree, in the manner of the
 * kernel's of_irq_init(): every available node with "interrupt-controller"
 * whose compatible is in the match table is initialised after its interrupt
 * parent, generation by generation (roots first, then the children of each
 * initialised controller in the order they were initialised).
 */
#define pr_fmt(fmt) "irqchip: " fmt

#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include <linux/irqchip.h>
#include <linux/irqdesc.h>
#include <linux/of_device.h>
#include <linux/of_irq.h>
#include <linux/of_platform.h>

#include "of_private.h"

struct intc_desc {
	struct device_node *dev;
	struct device_node *parent;
	of_irq_init_cb_t init;
	bool done;
};

static const struct of_irqchip_match *of_irq_match(const struct device_node *np,
						   const struct of_irqchip_match *matches)
{
	for (const struct of_irqchip_match *m = matches; m->compatible; m++)
		if (m->init && of_device_is_compatible(np, m->compatible))
			return m;
	return NULL;
}

/* collect the controllers to probe; returns their number or -ENOMEM */
static int of_irq_collect(struct device_node *root, const struct of_irqchip_match *matches,
			  struct intc_desc **out, int *err)
{
	struct intc_desc *descs = NULL;
	int n = 0, cap = 0;

	for (struct device_node *np = root; np; np = of_find_all_nodes(np)) {
		const struct of_irqchip_match *m;
		struct device_node *parent;

		if (!of_property_read_bool(np, "interrupt-controller") ||
		    !of_device_is_available(np))
			continue;
		m = of_irq_match(np, matches);
		if (!m)
			continue;
		if (of_irq_find_parent_checked(np, &parent)) {
			pr_err("%s: interrupt parent cannot be resolved, not probed", np->path);
			if (!*err)
				*err = -ENODEV;
			continue;
		}
		if (n == cap) {
			struct intc_desc *grown;

			cap = cap ? cap * 2 : 8;
			grown = realloc(descs, (size_t)cap * sizeof(*descs));
			if (!grown) {
				free(descs);
				pr_err("out of memory collecting interrupt controllers");
				return -ENOMEM;
			}
			descs = grown;
		}
		descs[n++] = (struct intc_desc){ .dev = np, .parent = parent, .init = m->init };
	}
	*out = descs;
	return n;
}

/**
 * of_irq_init() - initialise a tree's interrupt controllers, parents first
 * @root: the tree to scan from (NULL: of_root)
 * @matches: a table of compatible string and init callback, ended by a row
 *           with a NULL compatible
 *
 * Every available node with "interrupt-controller" whose compatible has a
 * row is collected; a controller's init runs once its interrupt parent's has
 * succeeded, roots first, then the children of each controller in the order
 * the controllers were initialised.  Init failures are logged and do not
 * stop the others; a controller whose parent never initialised is named.
 * Initialised nodes are marked OF_POPULATED, so of_platform_populate()
 * makes no device for them.
 *
 * Context: boot thread.
 * Return: 0; -EINVAL without a table; -ENODEV without a tree, for an
 * unresolvable interrupt parent or a parent never initialised; -ENOMEM; or
 * the first error an init callback returned.
 */
int of_irq_init(struct device_node *root, const struct of_irqchip_match *matches)
{
	struct intc_desc *descs = NULL;
	struct device_node **ready; /* initialised controllers, in init order */
	int n, nready = 0, err = 0;

	if (!matches) {
		pr_err("of_irq_init without a match table");
		return -EINVAL;
	}
	if (!root)
		root = of_root;
	if (!root) {
		pr_err("of_irq_init: no device tree");
		return -ENODEV;
	}
	n = of_irq_collect(root, matches, &descs, &err);
	if (n <= 0)
		return n < 0 ? n : err;
	ready = calloc((size_t)n, sizeof(*ready));
	if (!ready) {
		free(descs);
		pr_err("out of memory probing interrupt controllers");
		return -ENOMEM;
	}

	/* generation 0 = roots (parent NULL); then children of ready[0], ready[1]... */
	for (int gen = -1; gen < nready; gen++) {
		struct device_node *parent = gen < 0 ? NULL : ready[gen];

		for (int i = 0; i < n; i++) {
			struct intc_desc *d = &descs[i];
			int ret;

			if (d->done || d->parent != parent)
				continue;
			d->done = true;
			ret = d->init(d->dev, parent);
			if (ret) {
				pr_err("%s: init failed (%d)", d->dev->path, ret);
				if (!err)
					err = ret;
				continue;
			}
			/* initialised here: of_platform_populate() makes no device for it */
			of_node_set_flag(d->dev, OF_POPULATED);
			ready[nready++] = d->dev;
		}
	}
	for (int i = 0; i < n; i++) {
		if (descs[i].done)
			continue;
		pr_err("%s: interrupt parent %s was never initialised (no driver, disabled or failed)",
		       descs[i].dev->path, descs[i].parent->path);
		if (!err)
			err = -ENODEV;
	}
	free(ready);
	free(descs);
	return err;
}

/* the tree irqchip_init_from_fdt() installed; domains point into it */
static struct device_node *irqchip_tree;

static void irqchip_of_reset(void)
{
	of_fdt_free(irqchip_tree);
	irqchip_tree = NULL;
}

/*
 * After population: the first controller node whose platform device did not
 * bind (a deferral still pending counts), or 0.  A controller no driver
 * matched is not an error, as of_irq_init() skips those too.
 */
static int platform_irqchips_status(struct device_node *root)
{
	for (struct device_node *np = root; np; np = of_find_all_nodes(np)) {
		struct platform_device *pdev;

		if (!of_property_read_bool(np, "interrupt-controller") &&
		    !of_property_read_bool(np, "msi-controller"))
			continue;
		pdev = of_find_device_by_node(np);
		if (pdev && !pdev->dev.driver && pdev->dev.irqsim_probe_ret)
			return pdev->dev.irqsim_probe_ret;
	}
	return 0;
}

/*
 * The project's trees put their devices under a "/soc { ranges; }" without a
 * compatible, which of_platform_populate() (as the kernel's) does not descend
 * into; such a node directly under the root is taken as a simple-bus here.
 */
static int populate_untyped_buses(struct device_node *root)
{
	struct device_node *bus;
	int ret = 0;

	for_each_child_of_node(root, bus) {
		if (of_get_property(bus, "compatible", NULL) ||
		    !of_get_property(bus, "ranges", NULL) || !of_device_is_available(bus))
			continue;
		ret = of_platform_default_populate(bus, NULL, NULL);
		if (ret)
			break;
	}
	return ret;
}

/**
 * irqchip_init_from_fdt() - install a device tree and probe its interrupt controllers
 * @blob: the dtb (copied)
 * @size: bytes available at @blob
 *
 * Unflattens @blob (it becomes of_root and stays until irqsim_core_reset(),
 * even on failure, as the controllers probed so far point into it), runs
 * of_irq_init() with every IRQCHIP_DECLARE() row, then populates the
 * platform bus, which probes the platform drivers, platform irqchips
 * included.  The kernel populates later in boot; here it happens at once so
 * that every controller has probed when this returns.  A child of the root
 * without a compatible but with "ranges" (the project's /soc) is populated
 * as a simple-bus.
 *
 * Context: boot thread.
 * Return: 0; -EINVAL for a bad blob; -EBUSY if a tree is already installed;
 * -ENOMEM; the of_irq_init() or population error; or the probe error of the
 * first interrupt or MSI controller node whose device did not bind
 * (-EPROBE_DEFER if it is still waiting, with the reason logged).
 */
int irqchip_init_from_fdt(const void *blob, size_t size)
{
	struct of_irqchip_match *table;
	struct device_node *root;
	int ret, pret;

	if (irqchip_tree) {
		pr_err("a device tree is already installed (%s); reset first", irqchip_tree->path);
		return -EBUSY;
	}
	root = of_fdt_unflatten(blob, size);
	if (IS_ERR(root))
		return (int)PTR_ERR(root);
	irqsim_register_reset_hook(irqchip_of_reset);
	irqchip_tree = root;
	/* the tree stays even on failure: controllers probed so far reference it */
	table = irqchip_match_table_build();
	if (!table)
		return -ENOMEM;
	ret = of_irq_init(root, table);
	free(table);
	/*
	 * The kernel populates the platform bus later in boot; here at once, so
	 * that the controllers with platform drivers (IRQCHIP_PLATFORM_DRIVER,
	 * module_platform_driver) have probed when this returns.
	 */
	pret = of_platform_default_populate(root, NULL, NULL);
	if (!pret)
		pret = populate_untyped_buses(root);
	if (!ret)
		ret = pret;
	if (!ret)
		ret = platform_irqchips_status(root);
	return ret;
}

/* ---- IRQCHIP_DECLARE ------------------------------------------------------------------ */

static struct irqchip_declaration *declared;
static pthread_mutex_t declared_lock = PTHREAD_MUTEX_INITIALIZER;

/**
 * irqchip_declare() - add an IRQCHIP_DECLARE() row to the early-probe list
 * @decl: the row; must stay valid for the program's lifetime
 *
 * Rows keep their declaration order; adding the same row twice has no
 * effect.
 *
 * Context: any thread, typically an ELF constructor before main(); takes a
 * mutex.
 */
void irqchip_declare(struct irqchip_declaration *decl)
{
	pthread_mutex_lock(&declared_lock);
	/* appended, so rows keep their declaration order */
	struct irqchip_declaration **tail = &declared;

	while (*tail && *tail != decl)
		tail = &(*tail)->next;
	if (!*tail) {
		decl->next = NULL;
		*tail = decl;
	}
	pthread_mutex_unlock(&declared_lock);
}

/**
 * irqchip_match_table_build() - every declared row as one of_irq_init() table
 *
 * Context: any thread; takes the mutex irqchip_declare() takes.
 * Return: a table in declaration order ended by a { NULL, NULL } row, to be
 * released with free(); NULL if out of memory.
 */
struct of_irqchip_match *irqchip_match_table_build(void)
{
	size_t n = 0, i = 0;
	struct of_irqchip_match *table;

	pthread_mutex_lock(&declared_lock);
	for (struct irqchip_declaration *d = declared; d; d = d->next)
		n++;
	table = calloc(n + 1, sizeof(*table));
	if (table)
		for (struct irqchip_declaration *d = declared; d; d = d->next)
			table[i++] = (struct of_irqchip_match){ d->compatible, d->init };
	pthread_mutex_unlock(&declared_lock);
	return table;
}

/* ---- IRQCHIP_PLATFORM_DRIVER -------------------------------------------------------- */

/**
 * platform_irqchip_probe() - probe of an IRQCHIP_PLATFORM_DRIVER() irqchip
 * @pdev: the controller's platform device
 *
 * Runs the init callback of the matching IRQCHIP_MATCH() row with the node
 * and its interrupt parent, deferring until the parent has an irq domain.
 *
 * Return: what the init callback returned; -EINVAL without a node, a
 * matching row or a resolvable interrupt parent; or -EPROBE_DEFER (with a
 * reason) while the parent has no domain.
 */
int platform_irqchip_probe(struct platform_device *pdev)
{
	struct device_node *np = pdev->dev.of_node;
	struct device_node *parent = NULL;
	of_irq_init_cb_t init = (of_irq_init_cb_t)of_device_get_match_data(&pdev->dev);

	if (!init || !np)
		return -EINVAL;
	if (of_irq_find_parent_checked(np, &parent))
		return -EINVAL;
	if (parent == np)
		parent = NULL;
	/*
	 * Until the parent controller has a domain it has not been initialised;
	 * the init callback can look for the specific domains it needs.
	 */
	if (parent && !irq_find_matching_host(parent, DOMAIN_BUS_ANY))
		return dev_err_probe(&pdev->dev, -EPROBE_DEFER,
				     "interrupt parent %pOF has no irq domain yet", parent);
	return init(np, parent);
}
