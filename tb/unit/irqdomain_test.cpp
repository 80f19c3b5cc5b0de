// SPDX-License-Identifier: MIT
// irq_domain mapping kinds, fwspec mapping, domain lookup and removal.
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "test_support.h"

namespace {

struct MapRecorder {
    std::vector<std::pair<unsigned, irq_hw_number_t>> maps;
    std::vector<unsigned> unmaps;
    irq_hw_number_t refuse_hwirq = ~0UL;  // map returns -EPERM
    irq_hw_number_t fail_hwirq = ~0UL;    // map returns -EIO
};

int rec_map(struct irq_domain* d, unsigned int virq, irq_hw_number_t hw)
{
    auto* r = static_cast<MapRecorder*>(d->host_data);
    if (hw == r->refuse_hwirq)
        return -EPERM;
    if (hw == r->fail_hwirq)
        return -EIO;
    r->maps.emplace_back(virq, hw);
    return 0;
}

void rec_unmap(struct irq_domain* d, unsigned int virq)
{
    static_cast<MapRecorder*>(d->host_data)->unmaps.push_back(virq);
}

const struct irq_domain_ops rec_ops = {
    .map = rec_map,
    .unmap = rec_unmap,
    .translate = irq_domain_translate_twocell,
};

class IrqDomainTest : public CoreTest {
protected:
    MapRecorder rec;
    struct fwnode_handle* Node(const char* name) { return irq_domain_alloc_named_fwnode(name); }
};

TEST_F(IrqDomainTest, LinearMappingAndOutOfRange)
{
    struct irq_domain* d = irq_domain_create_linear(Node("intc-lin"), 32, &rec_ops, &rec);
    ASSERT_NE(d, nullptr);
    EXPECT_STREQ(d->name, "intc-lin");
    EXPECT_EQ(d->kind, IRQ_DOMAIN_KIND_LINEAR);
    EXPECT_FALSE(irq_domain_is_hierarchy(d));

    unsigned v5 = irq_create_mapping(d, 5);
    ASSERT_GT(v5, 0u);
    EXPECT_EQ(irq_create_mapping(d, 5), v5);  // existing mapping returned, no new map call
    ASSERT_EQ(rec.maps.size(), 1u);
    EXPECT_EQ(rec.maps[0], std::make_pair(v5, (irq_hw_number_t)5));
    EXPECT_EQ(irq_find_mapping(d, 5), v5);
    EXPECT_EQ(irq_find_mapping(d, 6), 0u);
    EXPECT_EQ(irq_resolve_mapping(d, 5), irq_to_desc(v5));
    EXPECT_EQ(irq_get_irq_data(v5)->domain, d);
    EXPECT_EQ(irq_get_irq_data(v5)->hwirq, 5u);
    EXPECT_FALSE(irq_to_desc(v5)->status_use_accessors & IRQ_NOREQUEST);
    EXPECT_EQ(d->mapcount, 1u);

    unsigned before = irq_get_nr_allocated();
    EXPECT_EQ(irq_create_mapping(d, 32), 0u);
    EXPECT_EQ(CountLogs({"intc-lin", "hwirq 32 out of range", "max 32"}), 1u);
    EXPECT_EQ(irq_get_nr_allocated(), before);

    irq_dispose_mapping(v5);
    EXPECT_EQ(rec.unmaps, std::vector<unsigned>{v5});
    EXPECT_EQ(irq_find_mapping(d, 5), 0u);
    EXPECT_EQ(irq_to_desc(v5), nullptr);
    EXPECT_EQ(d->mapcount, 0u);
    EXPECT_EQ(irq_domain_remove(d), 0);
}

TEST_F(IrqDomainTest, MapRefusalAndFailure)
{
    rec.refuse_hwirq = 3;
    rec.fail_hwirq = 4;
    struct irq_domain* d = irq_domain_create_linear(Node("refuser"), 8, &rec_ops, &rec);
    unsigned before = irq_get_nr_allocated();
    EXPECT_EQ(irq_create_mapping(d, 3), 0u);
    EXPECT_EQ(ErrorCount(), 0u);  // -EPERM is silent
    EXPECT_EQ(irq_create_mapping(d, 4), 0u);
    EXPECT_EQ(CountLogs({"refuser", "hwirq 4"}), 1u);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(d->mapcount, 0u);
}

TEST_F(IrqDomainTest, TreeWithLargeSparseHwirqs)
{
    struct irq_domain* d = irq_domain_create_tree(Node("inta"), &rec_ops, &rec);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->kind, IRQ_DOMAIN_KIND_TREE);
    std::map<irq_hw_number_t, unsigned> m;
    std::vector<irq_hw_number_t> hw = {
        0, 1, 63, 64, 4095, (123UL << 16) | 7, (1UL << 24) - 1, 1UL << 24, 0xdeadbeefUL, ~0UL - 1};
    for (auto h : hw) {
        unsigned v = irq_create_mapping(d, h);
        ASSERT_GT(v, 0u) << h;
        m[h] = v;
    }
    for (auto& kv : m) {
        EXPECT_EQ(irq_find_mapping(d, kv.first), kv.second) << kv.first;
        EXPECT_EQ(irq_find_mapping(d, kv.first + 1 == 0 ? 5 : kv.first ^ 0x100000), 0u);
    }
    EXPECT_EQ(d->mapcount, hw.size());
    // remove half, the rest stays reachable
    for (size_t i = 0; i < hw.size(); i += 2)
        irq_dispose_mapping(m[hw[i]]);
    for (size_t i = 0; i < hw.size(); i++)
        EXPECT_EQ(irq_find_mapping(d, hw[i]), i % 2 ? m[hw[i]] : 0u) << hw[i];
    for (size_t i = 1; i < hw.size(); i += 2)
        irq_dispose_mapping(m[hw[i]]);
    EXPECT_EQ(d->mapcount, 0u);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(IrqDomainTest, TreeRandomizedAgainstStdMap)
{
    unsigned seed = Seed(42);
    std::mt19937_64 rng(seed);
    struct irq_domain* d = irq_domain_create_tree(nullptr, &rec_ops, &rec);
    std::map<irq_hw_number_t, unsigned> model;
    for (int step = 0; step < 4000; step++) {
        irq_hw_number_t h = rng() % 4 == 0 ? rng() : rng() % 5000;
        if (model.count(h) && rng() % 2) {
            irq_dispose_mapping(model[h]);
            model.erase(h);
        } else {
            unsigned v = irq_create_mapping(d, h);
            ASSERT_GT(v, 0u);
            if (model.count(h))
                ASSERT_EQ(model[h], v);
            model[h] = v;
        }
        irq_hw_number_t probe = rng() % 5000;
        ASSERT_EQ(irq_find_mapping(d, probe), model.count(probe) ? model[probe] : 0u) << "seed " << seed;
    }
    for (auto& kv : model)
        ASSERT_EQ(irq_find_mapping(d, kv.first), kv.second);
    for (auto& kv : model)
        irq_dispose_mapping(kv.second);
    EXPECT_EQ(d->mapcount, 0u);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
}

TEST_F(IrqDomainTest, NomapDirectMapping)
{
    struct irq_domain* d = irq_domain_create_nomap(Node("nomap"), 64, &rec_ops, &rec);
    EXPECT_EQ(d->kind, IRQ_DOMAIN_KIND_NOMAP);
    unsigned v = irq_create_direct_mapping(d);
    ASSERT_GT(v, 0u);
    EXPECT_EQ(irq_get_irq_data(v)->hwirq, v);
    EXPECT_EQ(irq_find_mapping(d, v), v);
    EXPECT_EQ(irq_find_mapping(d, v + 1), 0u);
    ASSERT_EQ(rec.maps.size(), 1u);
    EXPECT_EQ(rec.maps[0], std::make_pair(v, (irq_hw_number_t)v));
    // a non-nomap domain refuses
    struct irq_domain* lin = irq_domain_create_linear(Node("lin"), 4, &rec_ops, &rec);
    EXPECT_EQ(irq_create_direct_mapping(lin), 0u);
    EXPECT_EQ(CountLogs({"lin", "nomap"}), 1u);
    // max_irq is honoured
    irq_alloc_descs(64, 64, 1, -1);  // push the next free virq to >= 64
    for (unsigned i = v + 1; i < 64; i++)
        if (!irq_to_desc(i))
            irq_alloc_descs((int)i, i, 1, -1);
    EXPECT_EQ(irq_create_direct_mapping(d), 0u);
    EXPECT_EQ(CountLogs({"nomap", "max_irq"}), 1u);
    irq_dispose_mapping(v);
    EXPECT_EQ(irq_find_mapping(d, v), 0u);
    EXPECT_EQ(d->mapcount, 0u);
}

TEST_F(IrqDomainTest, LegacyFixedOffset)
{
    struct irq_domain* d = irq_domain_create_legacy(Node("legacy"), 8, 100, 16, &rec_ops, &rec);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->kind, IRQ_DOMAIN_KIND_LEGACY);
    EXPECT_EQ(d->legacy_first_irq, 100u);
    EXPECT_EQ(rec.maps.size(), 8u);
    for (unsigned i = 0; i < 8; i++) {
        EXPECT_EQ(irq_find_mapping(d, 16 + i), 100 + i);
        EXPECT_EQ(irq_get_irq_data(100 + i)->hwirq, 16 + i);
    }
    EXPECT_EQ(irq_find_mapping(d, 15), 0u);
    EXPECT_EQ(irq_create_mapping(d, 18), 102u);  // existing
    EXPECT_EQ(d->mapcount, 8u);
    EXPECT_EQ(irq_domain_remove(d), -EBUSY);
    for (unsigned i = 0; i < 8; i++)
        irq_dispose_mapping(100 + i);
    EXPECT_EQ(irq_domain_remove(d), 0);
}

TEST_F(IrqDomainTest, LegacyUsesPreallocatedDescs)
{
    ASSERT_EQ(irq_alloc_descs(200, 200, 4, -1), 200);
    unsigned before = irq_get_nr_allocated();
    struct irq_domain* d = irq_domain_create_legacy(Node("pre"), 4, 200, 0, &rec_ops, &rec);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(irq_find_mapping(d, 3), 203u);
}

TEST_F(IrqDomainTest, SimpleIsLegacyOrLinear)
{
    struct irq_domain* a = irq_domain_create_simple(Node("simple-leg"), 4, 300, &rec_ops, &rec);
    EXPECT_EQ(a->kind, IRQ_DOMAIN_KIND_LEGACY);
    EXPECT_EQ(irq_find_mapping(a, 0), 300u);
    EXPECT_EQ(irq_find_mapping(a, 3), 303u);
    struct irq_domain* b = irq_domain_create_simple(Node("simple-lin"), 4, 0, &rec_ops, &rec);
    EXPECT_EQ(b->kind, IRQ_DOMAIN_KIND_LINEAR);
    EXPECT_EQ(b->mapcount, 0u);
    EXPECT_GT(irq_create_mapping(b, 3), 0u);
}

TEST_F(IrqDomainTest, NamesAndIteration)
{
    struct irq_domain* a = irq_domain_create_linear(nullptr, 4, &rec_ops, &rec);
    struct irq_domain* b = irq_domain_create_linear(nullptr, 4, &rec_ops, &rec);
    struct irq_domain* c = irq_domain_create_tree(Node("named"), &rec_ops, &rec);
    EXPECT_STREQ(a->name, "unknown-1");
    EXPECT_STREQ(b->name, "unknown-2");
    EXPECT_EQ(irq_domain_next(nullptr), a);
    EXPECT_EQ(irq_domain_next(a), b);
    EXPECT_EQ(irq_domain_next(b), c);
    EXPECT_EQ(irq_domain_next(c), nullptr);
    EXPECT_EQ(irq_domain_remove(b), 0);
    EXPECT_EQ(irq_domain_next(a), c);
}

TEST_F(IrqDomainTest, DefaultHost)
{
    struct irq_domain* d = irq_domain_create_linear(Node("dflt"), 8, &rec_ops, &rec);
    EXPECT_EQ(irq_create_mapping(nullptr, 1), 0u);
    EXPECT_EQ(CountLogs("no domain"), 1u);
    irq_set_default_host(d);
    EXPECT_EQ(irq_get_default_host(), d);
    unsigned v = irq_create_mapping(nullptr, 1);
    EXPECT_GT(v, 0u);
    EXPECT_EQ(irq_find_mapping(nullptr, 1), v);
    irq_dispose_mapping(v);
    EXPECT_EQ(irq_domain_remove(d), 0);
    EXPECT_EQ(irq_get_default_host(), nullptr);
}

TEST_F(IrqDomainTest, FwspecMappingTranslateAndTypes)
{
    struct fwnode_handle* fw = Node("gic-like");
    struct irq_domain* d = irq_domain_create_linear(fw, 64, &rec_ops, &rec);
    irq_domain_update_bus_token(d, DOMAIN_BUS_WIRED);
    struct irq_fwspec spec = {};
    spec.fwnode = fw;
    spec.param_count = 2;
    spec.param[0] = 10;
    spec.param[1] = IRQ_TYPE_EDGE_RISING;
    unsigned v = irq_create_fwspec_mapping(&spec);
    ASSERT_GT(v, 0u);
    EXPECT_EQ(irq_find_mapping(d, 10), v);
    EXPECT_EQ(irq_get_trigger_type(v), (u32)IRQ_TYPE_EDGE_RISING);
    // same type or NONE: same virq
    EXPECT_EQ(irq_create_fwspec_mapping(&spec), v);
    spec.param[1] = IRQ_TYPE_NONE;
    EXPECT_EQ(irq_create_fwspec_mapping(&spec), v);
    EXPECT_EQ(irq_get_trigger_type(v), (u32)IRQ_TYPE_EDGE_RISING);
    // conflicting type: refused with one log line
    spec.param[1] = IRQ_TYPE_LEVEL_HIGH;
    EXPECT_EQ(irq_create_fwspec_mapping(&spec), 0u);
    EXPECT_EQ(CountLogs({"gic-like", "type mismatch", "hwirq 10"}), 1u);
    // existing mapping without a type takes the new one
    unsigned w = irq_create_mapping(d, 11);
    spec.param[0] = 11;
    spec.param[1] = IRQ_TYPE_LEVEL_LOW;
    EXPECT_EQ(irq_create_fwspec_mapping(&spec), w);
    EXPECT_EQ(irq_get_trigger_type(w), (u32)IRQ_TYPE_LEVEL_LOW);
    // translate failure (one cell for a two-cell domain)
    spec.param_count = 1;
    EXPECT_EQ(irq_create_fwspec_mapping(&spec), 0u);
    EXPECT_EQ(CountLogs({"gic-like", "translate"}), 1u);
    // unknown fwnode
    struct irq_fwspec other = {};
    other.fwnode = Node("nobody");
    other.param_count = 1;
    EXPECT_EQ(irq_create_fwspec_mapping(&other), 0u);
    EXPECT_EQ(CountLogs({"no irq domain", "nobody"}), 1u);
}

TEST_F(IrqDomainTest, FwspecWithoutTranslateUsesFirstCell)
{
    static const struct irq_domain_ops plain = {.map = rec_map};
    struct fwnode_handle* fw = Node("plain");
    struct irq_domain* d = irq_domain_create_linear(fw, 16, &plain, &rec);
    struct irq_fwspec spec = {};
    spec.fwnode = fw;
    spec.param_count = 1;
    spec.param[0] = 7;
    unsigned v = irq_create_fwspec_mapping(&spec);
    EXPECT_EQ(irq_find_mapping(d, 7), v);
    EXPECT_EQ(irq_get_trigger_type(v), (u32)IRQ_TYPE_NONE);
}

TEST_F(IrqDomainTest, TranslateHelpers)
{
    struct irq_fwspec spec = {};
    unsigned long hw = 0;
    unsigned type = 99;
    EXPECT_EQ(irq_domain_translate_onecell(nullptr, &spec, &hw, &type), -EINVAL);
    spec.param_count = 2;
    spec.param[0] = 33;
    spec.param[1] = 0xf4;
    EXPECT_EQ(irq_domain_translate_onecell(nullptr, &spec, &hw, &type), 0);
    EXPECT_EQ(hw, 33u);
    EXPECT_EQ(type, (unsigned)IRQ_TYPE_NONE);
    EXPECT_EQ(irq_domain_translate_twocell(nullptr, &spec, &hw, &type), 0);
    EXPECT_EQ(type, (unsigned)IRQ_TYPE_LEVEL_HIGH);
    spec.param_count = 1;
    EXPECT_EQ(irq_domain_translate_twocell(nullptr, &spec, &hw, &type), -EINVAL);
}

static int select_calls;
int select_param1_is_5(struct irq_domain* d, struct irq_fwspec* fwspec, enum irq_domain_bus_token token)
{
    (void)d;
    select_calls++;
    return fwspec->param_count > 1 && fwspec->param[1] == 5 && token != DOMAIN_BUS_IPI;
}

TEST_F(IrqDomainTest, LookupByFwnodeTokenAndSelect)
{
    struct fwnode_handle* fw = Node("shared-node");
    struct irq_domain* wired = irq_domain_create_linear(fw, 4, &rec_ops, &rec);
    struct irq_domain* msi = irq_domain_create_tree(fw, &rec_ops, &rec);
    irq_domain_update_bus_token(wired, DOMAIN_BUS_WIRED);
    irq_domain_update_bus_token(msi, DOMAIN_BUS_PCI_MSI);
    EXPECT_EQ(irq_find_matching_fwnode(fw, DOMAIN_BUS_WIRED), wired);
    EXPECT_EQ(irq_find_matching_fwnode(fw, DOMAIN_BUS_PCI_MSI), msi);
    EXPECT_EQ(irq_find_matching_fwnode(fw, DOMAIN_BUS_ANY), wired);  // first created
    EXPECT_EQ(irq_find_matching_fwnode(fw, DOMAIN_BUS_NEXUS), nullptr);
    EXPECT_EQ(irq_find_matching_fwnode(nullptr, DOMAIN_BUS_ANY), nullptr);

    static const struct irq_domain_ops sel_ops = {.select = select_param1_is_5};
    struct irq_domain* sel = irq_domain_create_linear(Node("selector"), 4, &sel_ops, nullptr);
    struct irq_fwspec spec = {};
    spec.fwnode = Node("elsewhere");
    spec.param_count = 2;
    spec.param[1] = 5;
    select_calls = 0;
    EXPECT_EQ(irq_find_matching_fwspec(&spec, DOMAIN_BUS_WIRED), sel);
    EXPECT_GT(select_calls, 0);
    spec.param[1] = 6;
    EXPECT_EQ(irq_find_matching_fwspec(&spec, DOMAIN_BUS_WIRED), nullptr);
}

TEST_F(IrqDomainTest, RemoveRefusedWhileBusyOrParent)
{
    struct irq_domain* d = irq_domain_create_linear(Node("busy"), 8, &rec_ops, &rec);
    unsigned v = irq_create_mapping(d, 2);
    EXPECT_EQ(irq_domain_remove(d), -EBUSY);
    EXPECT_EQ(CountLogs({"busy", "remove refused", "1 mappings"}), 1u);
    EXPECT_EQ(irq_find_matching_fwnode(d->fwnode, DOMAIN_BUS_ANY), d);  // still listed
    irq_dispose_mapping(v);

    static const struct irq_domain_ops h_ops = {};
    struct irq_domain* child = irq_domain_create_hierarchy(d, 0, 0, Node("child"), &h_ops, nullptr);
    EXPECT_EQ(child->root, d);
    EXPECT_EQ(irq_domain_remove(d), -EBUSY);
    EXPECT_EQ(CountLogs({"busy", "child"}), 1u);
    EXPECT_EQ(irq_domain_remove(child), 0);
    EXPECT_EQ(irq_domain_remove(d), 0);
    EXPECT_EQ(irq_domain_next(nullptr), nullptr);
}

TEST_F(IrqDomainTest, MisuseIsLoggedNotFatal)
{
    struct irq_domain* d = irq_domain_create_linear(Node("misuse"), 8, &rec_ops, &rec);
    irq_dispose_mapping(4242);
    EXPECT_EQ(CountLogs("virq 4242"), 1u);
    int raw = irq_alloc_desc(-1);
    irq_dispose_mapping(raw);  // allocated but unmapped
    EXPECT_EQ(CountLogs({"unmapped virq", std::to_string(raw)}), 1u);
    EXPECT_EQ(irq_domain_associate(d, raw, 9), -EINVAL);
    EXPECT_EQ(CountLogs({"misuse", "hwirq 9 out of range"}), 1u);
    EXPECT_EQ(irq_domain_associate(d, raw, 1), 0);
    int raw2 = irq_alloc_desc(-1);
    EXPECT_EQ(irq_domain_associate(d, raw2, 1), -EEXIST);  // hwirq taken
    EXPECT_EQ(irq_domain_associate(d, raw, 2), -EINVAL);   // virq taken
    EXPECT_EQ(irq_domain_associate(d, 777777, 3), -EINVAL);
    irq_free_desc(raw2);
    irq_dispose_mapping(raw);
    EXPECT_EQ(d->mapcount, 0u);
}

TEST_F(IrqDomainTest, GenericHandleDomainIrqUnmappedIsSpurious)
{
    struct irq_domain* d = irq_domain_create_linear(Node("spur"), 8, &rec_ops, &rec);
    irqsim_set_this_cpu(1);
    EXPECT_EQ(generic_handle_domain_irq(d, 3), -EINVAL);
    EXPECT_EQ(irqsim_spurious_count(1), 1u);
    EXPECT_EQ(CountLogs({"spur", "hwirq 3"}), 1u);
    irqsim_set_this_cpu(0);
}

}  // namespace
