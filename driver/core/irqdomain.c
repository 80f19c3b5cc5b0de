// SPDX-License-Identifier: MIT
/*
 * irq_domain: creation of the mapping kinds, the global domain list and its
 * lookups, fwnodes, and classic (non-hierarchical) mapping.  The hierarchy
 * (alloc/free/activate) is in irqdomain_hierarchy.c, reverse maps in revmap.c.
 */
#define _POSIX_C_SOURCE 200809L /* strdup */
#define pr_fmt(fmt) "irq: " fmt
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/device.h>
#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/of.h>

#include "internals.h"

/* the domain list, in creation order; also guards default_host and fwnode_list */
static pthread_mutex_t domain_list_lock = PTHREAD_MUTEX_INITIALIZER;
static struct irq_domain *domain_list;
static struct irq_domain *default_host;
static unsigned int unknown_domains;

struct named_fwnode {
	struct fwnode_handle fwnode;
	struct named_fwnode *next;
};
static struct named_fwnode *fwnode_list;

const struct irq_domain_ops irq_domain_simple_ops = {
	.xlate = NULL, /* param[0] is the hwirq, no type: the core default */
};

const char *irq_domain_log_name(const struct irq_domain *d)
{
	return d ? d->name : "(null domain)";
}

/* ---- fwnodes -------------------------------------------------------------------- */

/**
 * irq_domain_alloc_named_fwnode() - a software firmware node carrying a name
 * @name: copied
 * Return: the node, NULL on allocation failure.
 */
struct fwnode_handle *irq_domain_alloc_named_fwnode(const char *name)
{
	struct named_fwnode *n = calloc(1, sizeof(*n));
	char *copy = strdup(name ? name : "");

	if (!n || !copy) {
		free(n);
		free(copy);
		pr_err("out of memory for fwnode %s", name ? name : "");
		return NULL;
	}
	n->fwnode.name = copy;
	pthread_mutex_lock(&domain_list_lock);
	n->next = fwnode_list;
	fwnode_list = n;
	pthread_mutex_unlock(&domain_list_lock);
	return &n->fwnode;
}

/**
 * irq_domain_free_fwnode() - free a node from irq_domain_alloc_named_fwnode()
 * @fwnode: the node (NULL ignored; any other node is refused with a log)
 */
void irq_domain_free_fwnode(struct fwnode_handle *fwnode)
{
	struct named_fwnode **pp;

	if (!fwnode)
		return;
	pthread_mutex_lock(&domain_list_lock);
	for (pp = &fwnode_list; *pp; pp = &(*pp)->next) {
		if (&(*pp)->fwnode == fwnode) {
			struct named_fwnode *n = *pp;

			*pp = n->next;
			pthread_mutex_unlock(&domain_list_lock);
			free((char *)n->fwnode.name);
			free(n);
			return;
		}
	}
	pthread_mutex_unlock(&domain_list_lock);
	pr_err("fwnode %s was not allocated by irq_domain_alloc_named_fwnode",
	       fwnode->name ? fwnode->name : "?");
}

void irq_domain_free_all_fwnodes(void)
{
	pthread_mutex_lock(&domain_list_lock);
	while (fwnode_list) {
		struct named_fwnode *n = fwnode_list;

		fwnode_list = n->next;
		free((char *)n->fwnode.name);
		free(n);
	}
	pthread_mutex_unlock(&domain_list_lock);
}

/* ---- creation ------------------------------------------------------------------- */

static void domain_destroy(struct irq_domain *d)
{
	irq_revmap_tree_destroy(d->revmap_tree);
	free(d->revmap);
	if (d->flags & IRQ_DOMAIN_NAME_ALLOCATED)
		free((char *)d->name);
	mutex_destroy(&d->mutex);
	free(d);
}

/*
 * Common constructor: @size linear slots, @hwirq_max the classic-mapping
 * limit.  Every domain has a tree (it also carries the lookup lock); a
 * hierarchy allocation past the linear part lands there.
 */
static struct irq_domain *domain_create(struct fwnode_handle *fwnode, unsigned int size,
					irq_hw_number_t hwirq_max, enum irq_domain_kind kind,
					const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d = calloc(1, sizeof(*d));
	char *name = NULL;

	if (!d)
		goto nomem;
	if (fwnode && fwnode->name) {
		name = strdup(fwnode->name);
	} else {
		char buf[32];

		pthread_mutex_lock(&domain_list_lock);
		snprintf(buf, sizeof(buf), "unknown-%u", ++unknown_domains);
		pthread_mutex_unlock(&domain_list_lock);
		name = strdup(buf);
	}
	d->revmap_tree = irq_revmap_tree_create();
	if (size)
		d->revmap = calloc(size, sizeof(*d->revmap));
	if (!name || !d->revmap_tree || (size && !d->revmap)) {
		free(name);
		irq_revmap_tree_destroy(d->revmap_tree);
		free(d->revmap);
		free(d);
		goto nomem;
	}
	d->name = name;
	d->flags = IRQ_DOMAIN_NAME_ALLOCATED;
	d->ops = ops ? ops : &irq_domain_simple_ops;
	d->host_data = host_data;
	d->fwnode = fwnode;
	d->bus_token = DOMAIN_BUS_ANY;
	d->kind = kind;
	d->root = d;
	d->revmap_size = size;
	d->hwirq_max = hwirq_max;
	mutex_init(&d->mutex);
	/* a domain that can allocate is part of a hierarchy */
	if (d->ops->alloc)
		d->flags |= IRQ_DOMAIN_FLAG_HIERARCHY;
	return d;
nomem:
	pr_err("out of memory creating domain %s (size %u)",
	       fwnode && fwnode->name ? fwnode->name : "", size);
	return NULL;
}

static void domain_publish(struct irq_domain *d)
{
	struct irq_domain **pp;

	pthread_mutex_lock(&domain_list_lock);
	for (pp = &domain_list; *pp; pp = &(*pp)->next)
		;
	*pp = d;
	pthread_mutex_unlock(&domain_list_lock);
}

/**
 * irq_domain_create_linear() - domain with a linear reverse map of @size hwirqs
 * @fwnode: firmware node (its name names the domain), may be NULL
 * @size: number of hwirqs (0..size-1)
 * @ops: callbacks (NULL: irq_domain_simple_ops)
 * @host_data: controller private data
 * Return: the domain, NULL on failure (logged).
 */
struct irq_domain *irq_domain_create_linear(struct fwnode_handle *fwnode, unsigned int size,
					    const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d =
		domain_create(fwnode, size, size, IRQ_DOMAIN_KIND_LINEAR, ops, host_data);

	if (d)
		domain_publish(d);
	return d;
}

/**
 * irq_domain_create_tree() - domain for large or sparse hwirq numbers
 * @fwnode: firmware node, may be NULL
 * @ops: callbacks
 * @host_data: controller private data
 * Return: the domain, NULL on failure (logged).
 */
struct irq_domain *irq_domain_create_tree(struct fwnode_handle *fwnode,
					  const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d = domain_create(fwnode, 0, ~0UL, IRQ_DOMAIN_KIND_TREE, ops, host_data);

	if (d)
		domain_publish(d);
	return d;
}

/**
 * irq_domain_create_nomap() - domain where virq == hwirq (irq_create_direct_mapping)
 * @fwnode: firmware node, may be NULL
 * @max_irq: largest virq + 1 usable (0: the whole virq space)
 * @ops: callbacks
 * @host_data: controller private data
 * Return: the domain, NULL on failure (logged).
 */
struct irq_domain *irq_domain_create_nomap(struct fwnode_handle *fwnode, unsigned int max_irq,
					   const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d = domain_create(fwnode, 0, max_irq ? max_irq : IRQ_MAX_VIRQS,
					     IRQ_DOMAIN_KIND_NOMAP, ops, host_data);

	if (d) {
		d->flags |= IRQ_DOMAIN_FLAG_NO_MAP;
		domain_publish(d);
	}
	return d;
}

/* a legacy domain maps first_hwirq.. to first_irq.. ; descs made here unless they exist */
static struct irq_domain *legacy_create(struct fwnode_handle *fwnode, unsigned int size,
					unsigned int first_irq, irq_hw_number_t first_hwirq,
					const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d;
	int ret;

	if (!size || !first_irq || first_hwirq > ~0u - size) {
		pr_err("legacy domain %s: bad range virq %u hwirq %lu size %u",
		       fwnode && fwnode->name ? fwnode->name : "", first_irq, first_hwirq, size);
		return NULL;
	}
	d = domain_create(fwnode, (unsigned int)first_hwirq + size, first_hwirq + size,
			  IRQ_DOMAIN_KIND_LEGACY, ops, host_data);
	if (!d)
		return NULL;
	d->legacy_first_irq = first_irq;
	d->legacy_first_hwirq = first_hwirq;
	/* descs the platform pre-allocated are used as they are */
	for (unsigned int i = 0; i < size; i++) {
		if (irq_to_desc(first_irq + i))
			continue;
		ret = __irq_alloc_descs((int)(first_irq + i), first_irq + i, 1, NUMA_NO_NODE, NULL);
		if (ret < 0) {
			pr_err("domain %s: cannot allocate legacy virq %u", d->name, first_irq + i);
			/* descs made so far are left for the caller: they are ordinary free-able descs */
			domain_destroy(d);
			return NULL;
		}
	}
	domain_publish(d);
	irq_domain_associate_many(d, first_irq, first_hwirq, (int)size);
	return d;
}

/**
 * irq_domain_create_legacy() - domain at a fixed virq offset
 * @fwnode: firmware node, may be NULL
 * @size: number of interrupts
 * @first_irq: virq of @first_hwirq (descs allocated here if absent)
 * @first_hwirq: first hwirq
 * @ops: callbacks (ops->map runs for each interrupt at once)
 * @host_data: controller private data
 * Return: the domain, NULL on failure (logged).
 */
struct irq_domain *irq_domain_create_legacy(struct fwnode_handle *fwnode, unsigned int size,
					    unsigned int first_irq, irq_hw_number_t first_hwirq,
					    const struct irq_domain_ops *ops, void *host_data)
{
	return legacy_create(fwnode, size, first_irq, first_hwirq, ops, host_data);
}

/**
 * irq_domain_create_simple() - legacy if @first_irq > 0, else linear
 * @fwnode: firmware node, may be NULL
 * @size: number of hwirqs
 * @first_irq: fixed virq base, or 0 for on-demand mapping
 * @ops: callbacks
 * @host_data: controller private data
 * Return: the domain, NULL on failure (logged).
 */
struct irq_domain *irq_domain_create_simple(struct fwnode_handle *fwnode, unsigned int size,
					    unsigned int first_irq,
					    const struct irq_domain_ops *ops, void *host_data)
{
	if (first_irq > 0)
		return legacy_create(fwnode, size, first_irq, 0, ops, host_data);
	return irq_domain_create_linear(fwnode, size, ops, host_data);
}

/**
 * irq_domain_create_hierarchy() - a domain stacked on @parent
 * @parent: parent domain, or NULL for a root
 * @flags: IRQ_DOMAIN_FLAG_* to add
 * @size: linear hwirqs (0: a tree for sparse hwirqs)
 * @fwnode: firmware node, may be NULL
 * @ops: callbacks (with .alloc)
 * @host_data: controller private data
 *
 * All domains of one hierarchy share the root's mutex.
 * Return: the domain, NULL on failure (logged).
 */
struct irq_domain *irq_domain_create_hierarchy(struct irq_domain *parent, unsigned int flags,
					       unsigned int size, struct fwnode_handle *fwnode,
					       const struct irq_domain_ops *ops, void *host_data)
{
	struct irq_domain *d;

	if (size)
		d = domain_create(fwnode, size, size, IRQ_DOMAIN_KIND_LINEAR, ops, host_data);
	else
		d = domain_create(fwnode, 0, ~0UL, IRQ_DOMAIN_KIND_TREE, ops, host_data);
	if (!d)
		return NULL;
	d->flags |= flags & ~IRQ_DOMAIN_NAME_ALLOCATED;
	d->parent = parent;
	d->root = parent ? parent->root : d;
	domain_publish(d);
	return d;
}

/* ---- irq_domain_info -------------------------------------------------------------- */

static int instantiate_check(const struct irq_domain_info *info, const char *name)
{
	if (info->dgc_info) {
		pr_err("domain %s: generic irq chips (dgc_info) are not supported", name);
		return -EOPNOTSUPP;
	}
	if (info->direct_max < 0 || (info->size && info->direct_max)) {
		pr_err("domain %s: direct_max %d with size %u: a no-map domain has no linear map",
		       name, info->direct_max, info->size);
		return -EINVAL;
	}
	if (info->virq_base && (info->direct_max || info->size <= info->hwirq_base)) {
		pr_err("domain %s: legacy domain needs size %u > hwirq_base %u and no direct_max",
		       name, info->size, info->hwirq_base);
		return -EINVAL;
	}
	return 0;
}

/* "<fwnode name>-<suffix>" replaces the name domain_create gave */
static int instantiate_name(struct irq_domain *d, const char *suffix)
{
	size_t n = strlen(d->name) + 1 + strlen(suffix) + 1;
	char *name = malloc(n);

	if (!name)
		return -ENOMEM;
	snprintf(name, n, "%s-%s", d->name, suffix);
	free((char *)d->name);
	d->name = name;
	return 0;
}

/**
 * irq_domain_instantiate() - create a domain from a description
 * @info: what to build (see struct irq_domain_info); read only
 *
 * The kind follows from the sizes, as upstream: @info->virq_base > 0 makes a
 * legacy domain, @info->direct_max a no-map one, @info->size a linear one,
 * neither a tree.  With @info->parent the domain joins that hierarchy (shares
 * its root's mutex).  Bus token, flags and @info->init are applied before
 * the domain becomes visible to lookups; a legacy domain associates its
 * interrupts once published.
 *
 * Return: the domain, or an ERR_PTR (logged): -EINVAL for contradictory sizes,
 * -EOPNOTSUPP for @info->dgc_info, -ENOMEM, or the error of @info->init (the
 * domain is then gone again).
 */
struct irq_domain *irq_domain_instantiate(const struct irq_domain_info *info)
{
	const char *what = info && info->fwnode && info->fwnode->name ? info->fwnode->name : "";
	struct irq_domain *d;
	int ret;

	if (!info) {
		pr_err("irq_domain_instantiate(NULL)");
		return ERR_PTR(-EINVAL);
	}
	ret = instantiate_check(info, what);
	if (ret)
		return ERR_PTR(ret);
	if (info->virq_base) {
		/* legacy_create publishes and maps at once: the rest is set right after */
		d = legacy_create(info->fwnode, info->size - info->hwirq_base, info->virq_base,
				  info->hwirq_base, info->ops, info->host_data);
		if (!d)
			return ERR_PTR(-ENOMEM);
		pthread_mutex_lock(&domain_list_lock);
		d->flags |= info->domain_flags & ~IRQ_DOMAIN_NAME_ALLOCATED;
		d->bus_token = info->bus_token;
		d->exit = info->exit;
		pthread_mutex_unlock(&domain_list_lock);
		return d;
	}
	if (info->direct_max)
		d = domain_create(info->fwnode, 0,
				  (unsigned int)info->direct_max < IRQ_MAX_VIRQS ?
					  (irq_hw_number_t)info->direct_max :
					  IRQ_MAX_VIRQS,
				  IRQ_DOMAIN_KIND_NOMAP, info->ops, info->host_data);
	else if (info->size)
		d = domain_create(info->fwnode, info->size,
				  info->hwirq_max ? info->hwirq_max : info->size,
				  IRQ_DOMAIN_KIND_LINEAR, info->ops, info->host_data);
	else
		d = domain_create(info->fwnode, 0, info->hwirq_max ? info->hwirq_max : ~0UL,
				  IRQ_DOMAIN_KIND_TREE, info->ops, info->host_data);
	if (!d)
		return ERR_PTR(-ENOMEM);
	if (info->direct_max)
		d->flags |= IRQ_DOMAIN_FLAG_NO_MAP;
	d->flags |= info->domain_flags & ~IRQ_DOMAIN_NAME_ALLOCATED;
	d->bus_token = info->bus_token;
	d->parent = info->parent;
	d->root = info->parent ? info->parent->root : d;
	d->exit = info->exit;
	if (info->name_suffix && instantiate_name(d, info->name_suffix)) {
		pr_err("out of memory naming domain %s", d->name);
		domain_destroy(d);
		return ERR_PTR(-ENOMEM);
	}
	if (info->init) {
		ret = info->init(d);
		if (ret) {
			pr_err("domain %s: init failed (%d)", d->name, ret);
			domain_destroy(d);
			return ERR_PTR(ret);
		}
	}
	domain_publish(d);
	return d;
}

static void devm_irq_domain_remove(void *d)
{
	irq_domain_remove(d);
}

/**
 * devm_irq_domain_instantiate() - irq_domain_instantiate() for a device's binding
 * @dev: the device; the domain is removed when its binding ends (or probe fails)
 * @info: as irq_domain_instantiate()
 * Return: as irq_domain_instantiate().
 */
struct irq_domain *devm_irq_domain_instantiate(struct device *dev,
					       const struct irq_domain_info *info)
{
	struct irq_domain *d = irq_domain_instantiate(info);
	int ret;

	if (IS_ERR(d))
		return d;
	ret = devm_add_action_or_reset(dev, devm_irq_domain_remove, d);
	return ret ? ERR_PTR(ret) : d;
}

/**
 * irq_domain_remove() - destroy a domain
 * @d: domain
 * Return: 0, or -EBUSY (logged) while it has mappings or a child domain,
 * -EINVAL (logged) for an unknown domain.
 */
int irq_domain_remove(struct irq_domain *d)
{
	struct irq_domain **pp, *it;

	if (!d) {
		pr_err("irq_domain_remove(NULL)");
		return -EINVAL;
	}
	pthread_mutex_lock(&domain_list_lock);
	for (it = domain_list; it; it = it->next) {
		if (it->parent == d) {
			pthread_mutex_unlock(&domain_list_lock);
			pr_err("domain %s: remove refused: child domain %s still stacked on it",
			       d->name, it->name);
			return -EBUSY;
		}
	}
	if (d->mapcount) {
		unsigned int n = d->mapcount;

		pthread_mutex_unlock(&domain_list_lock);
		pr_err("domain %s: remove refused: %u mappings still exist", d->name, n);
		return -EBUSY;
	}
	for (pp = &domain_list; *pp && *pp != d; pp = &(*pp)->next)
		;
	if (!*pp) {
		pthread_mutex_unlock(&domain_list_lock);
		pr_err("irq_domain_remove: unknown domain %p", (void *)d);
		return -EINVAL;
	}
	*pp = d->next;
	if (default_host == d)
		default_host = NULL;
	pthread_mutex_unlock(&domain_list_lock);
	/* not at irqsim_core_reset (irq_domain_remove_all): the drivers' state is gone by then */
	if (d->exit)
		d->exit(d);
	domain_destroy(d);
	return 0;
}

void irq_domain_remove_all(void)
{
	pthread_mutex_lock(&domain_list_lock);
	while (domain_list) {
		struct irq_domain *d = domain_list;

		domain_list = d->next;
		domain_destroy(d);
	}
	default_host = NULL;
	unknown_domains = 0;
	pthread_mutex_unlock(&domain_list_lock);
}

/**
 * irq_domain_update_bus_token() - set what kind of interrupts @d serves
 * @d: domain
 * @bus_token: DOMAIN_BUS_*
 */
void irq_domain_update_bus_token(struct irq_domain *d, enum irq_domain_bus_token bus_token)
{
	if (!d || d->bus_token == bus_token)
		return;
	pthread_mutex_lock(&domain_list_lock);
	d->bus_token = bus_token;
	pthread_mutex_unlock(&domain_list_lock);
}

/* ---- lookup ------------------------------------------------------------------------ */

/**
 * irq_find_matching_fwspec() - the domain serving @fwspec for @bus_token
 * @fwspec: firmware specifier (its fwnode; ops->select sees all of it)
 * @bus_token: DOMAIN_BUS_* (ANY matches every token; a domain's select is
 *             asked only for a specific token)
 * Return: the first matching domain in creation order, or NULL.
 */
struct irq_domain *irq_find_matching_fwspec(struct irq_fwspec *fwspec,
					    enum irq_domain_bus_token bus_token)
{
	struct fwnode_handle *fwnode = fwspec ? fwspec->fwnode : NULL;
	struct irq_domain *d, *found = NULL;

	pthread_mutex_lock(&domain_list_lock);
	for (d = domain_list; d && !found; d = d->next) {
		bool match;

		/* as upstream: select decides only for a specific token */
		if (d->ops->select && fwspec && bus_token != DOMAIN_BUS_ANY)
			match = d->ops->select(d, fwspec, bus_token);
		else if (d->ops->match && fwnode && fwnode->of_node)
			match = d->ops->match(d, fwnode->of_node, bus_token);
		else
			match = fwnode && d->fwnode == fwnode &&
				(bus_token == DOMAIN_BUS_ANY || d->bus_token == bus_token);
		if (match)
			found = d;
	}
	pthread_mutex_unlock(&domain_list_lock);
	return found;
}

/**
 * irq_find_matching_fwnode() - the domain of @fwnode for @bus_token
 * @fwnode: firmware node
 * @bus_token: DOMAIN_BUS_* (ANY matches every token)
 * Return: the domain or NULL.
 */
struct irq_domain *irq_find_matching_fwnode(struct fwnode_handle *fwnode,
					    enum irq_domain_bus_token bus_token)
{
	struct irq_fwspec fwspec = { .fwnode = fwnode, .param_count = 0 };

	return irq_find_matching_fwspec(&fwspec, bus_token);
}

static struct irq_domain *find_host_token(struct device_node *node, enum irq_domain_bus_token token)
{
	struct irq_domain *d, *found = NULL;

	pthread_mutex_lock(&domain_list_lock);
	for (d = domain_list; d && !found; d = d->next) {
		struct irq_fwspec fwspec = { .fwnode = of_fwnode_handle(node), .param_count = 0 };
		bool match;

		/* upstream's irq_find_matching_host is a bare-node fwspec lookup: select first */
		if (d->ops->select && token != DOMAIN_BUS_ANY)
			match = d->ops->select(d, &fwspec, token);
		else if (d->ops->match)
			match = d->ops->match(d, node, token);
		else
			match = d->fwnode && d->fwnode->of_node == node &&
				(token == DOMAIN_BUS_ANY || d->bus_token == token);
		if (match)
			found = d;
	}
	pthread_mutex_unlock(&domain_list_lock);
	return found;
}

/**
 * irq_find_host() - the wired domain of a device-tree node (any token as fallback)
 * @node: device-tree node
 * Return: the domain or NULL.
 */
struct irq_domain *irq_find_host(struct device_node *node)
{
	struct irq_domain *d;

	if (!node)
		return NULL;
	d = find_host_token(node, DOMAIN_BUS_WIRED);
	return d ? d : find_host_token(node, DOMAIN_BUS_ANY);
}

/**
 * irq_find_matching_host() - the domain of a device-tree node for one bus token
 * @node: device-tree node
 * @bus_token: DOMAIN_BUS_ANY for any domain of the node
 * Return: the domain or NULL.
 */
struct irq_domain *irq_find_matching_host(struct device_node *node,
					  enum irq_domain_bus_token bus_token)
{
	return node ? find_host_token(node, bus_token) : NULL;
}

/**
 * irq_domain_next() - iterate all domains in creation order
 * @prev: previous domain, NULL for the first
 * Return: the next domain, NULL at the end.
 */
struct irq_domain *irq_domain_next(struct irq_domain *prev)
{
	struct irq_domain *d;

	pthread_mutex_lock(&domain_list_lock);
	d = prev ? prev->next : domain_list;
	pthread_mutex_unlock(&domain_list_lock);
	return d;
}

/**
 * irq_set_default_host() - the domain used when callers pass NULL
 * @d: domain or NULL
 */
void irq_set_default_host(struct irq_domain *d)
{
	pthread_mutex_lock(&domain_list_lock);
	default_host = d;
	pthread_mutex_unlock(&domain_list_lock);
}

/**
 * irq_get_default_host() - the default domain
 * Return: the domain or NULL.
 */
struct irq_domain *irq_get_default_host(void)
{
	struct irq_domain *d;

	pthread_mutex_lock(&domain_list_lock);
	d = default_host;
	pthread_mutex_unlock(&domain_list_lock);
	return d;
}
