// SPDX-License-Identifier: MIT
#include "irq_affinity.h"

extern "C" {
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/of.h>
}

namespace irqsim {

CpuSet effective_cpus(unsigned virq, unsigned ncpus)
{
    CpuSet s;
    struct irq_data* d = irq_get_irq_data(virq);
    if (!d)
        return s;
    const struct cpumask* eff = irq_data_get_effective_affinity_mask(d);
    for (unsigned c = 0; c < ncpus; c++)
        if (cpumask_test_cpu(c, eff))
            s.set(c);
    return s;
}

unsigned vint_parent_virq(unsigned vint, unsigned num_intr_lines)
{
    struct device_node* in = of_find_compatible_node(nullptr, nullptr, "ti,sci-intr");
    struct irq_domain* d = in ? irq_find_matching_fwnode(of_node_to_fwnode(in), DOMAIN_BUS_ANY) : nullptr;
    return d ? irq_find_mapping(d, num_intr_lines + vint) : 0;
}

CpuSet vint_cpus(unsigned vint, unsigned num_intr_lines, unsigned ncpus)
{
    unsigned parent = vint_parent_virq(vint, num_intr_lines);
    CpuSet eff = parent ? effective_cpus(parent, ncpus) : CpuSet();
    if (eff.any())
        return eff;
    CpuSet all;
    for (unsigned c = 0; c < ncpus; c++)
        all.set(c);
    return all;
}

}  // namespace irqsim
