// SPDX-License-Identifier: MIT
// Hierarchical domains: alloc/free/activate ordering, full unwind on failure at
// every level, disconnect_hierarchy, push/pop.
#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include <string>
#include <vector>

#include "test_support.h"

// core-private reverse-map accessors (driver/core/internals.h)
extern "C" struct irq_data* irq_domain_revmap_lookup(struct irq_domain* d, irq_hw_number_t hwirq);
extern "C" size_t irq_domain_revmap_count(struct irq_domain* d);

namespace {

std::vector<std::string>* g_events;

struct FakeDom {
    std::string name;
    struct irq_domain* d = nullptr;
    struct irq_chip chip = {};
    irq_hw_number_t hw_base = 0;
    int fail_alloc_before_parent = 0;  // errno to return before allocating the parent
    int fail_alloc_after_parent = 0;   // errno to return after the parent succeeded
    int fail_activate = 0;
    bool disconnect_parent = false;  // do not allocate the parent; cut it off
    bool pushed = false;             // pushed on top: never touches the parent
    int live = 0;                    // irqs this level holds resources for
    int active = 0;
    void Note(const std::string& what, unsigned virq)
    {
        g_events->push_back(what + ":" + name + ":" + std::to_string(virq));
    }
};

FakeDom* Host(struct irq_domain* d) { return static_cast<FakeDom*>(d->host_data); }

int fake_alloc(struct irq_domain* d, unsigned int virq, unsigned int n, void* arg)
{
    FakeDom* f = Host(d);
    f->Note("alloc", virq);
    if (f->fail_alloc_before_parent)
        return -f->fail_alloc_before_parent;
    if (d->parent && !f->pushed) {
        if (f->disconnect_parent) {
            for (unsigned i = 0; i < n; i++)
                EXPECT_EQ(irq_domain_disconnect_hierarchy(d->parent, virq + i), 0);
        } else {
            int ret = irq_domain_alloc_irqs_parent(d, virq, n, arg);
            if (ret)
                return ret;
        }
    }
    if (f->fail_alloc_after_parent) {
        // a child undoes its own partial work
        if (d->parent && !f->pushed && !f->disconnect_parent)
            irq_domain_free_irqs_parent(d, virq, n);
        return -f->fail_alloc_after_parent;
    }
    for (unsigned i = 0; i < n; i++)
        EXPECT_EQ(irq_domain_set_hwirq_and_chip(d, virq + i, f->hw_base + virq + i, &f->chip, f), 0);
    f->live += (int)n;
    return 0;
}

void fake_free(struct irq_domain* d, unsigned int virq, unsigned int n)
{
    FakeDom* f = Host(d);
    f->Note("free", virq);
    f->live -= (int)n;
    if (f->pushed) {
        for (unsigned i = 0; i < n; i++)
            irq_domain_reset_irq_data(irq_domain_get_irq_data(d, virq + i));
        return;
    }
    irq_domain_free_irqs_common(d, virq, n);
}

int fake_activate(struct irq_domain* d, struct irq_data* irqd, bool reserve)
{
    FakeDom* f = Host(d);
    (void)reserve;
    EXPECT_EQ(irqd->domain, d);
    f->Note("activate", irqd->irq);
    if (f->fail_activate)
        return -f->fail_activate;
    f->active++;
    return 0;
}

void fake_deactivate(struct irq_domain* d, struct irq_data* irqd)
{
    FakeDom* f = Host(d);
    f->Note("deactivate", irqd->irq);
    f->active--;
}

const struct irq_domain_ops fake_ops = {
    .alloc = fake_alloc,
    .free = fake_free,
    .activate = fake_activate,
    .deactivate = fake_deactivate,
    .translate = irq_domain_translate_twocell,
};

class HierarchyTest : public CoreTest {
protected:
    std::vector<std::string> events;
    FakeDom root, mid, top;

    void SetUp() override
    {
        CoreTest::SetUp();
        g_events = &events;
        root.name = "gic";
        mid.name = "intr";
        top.name = "inta";
        root.hw_base = 1000;
        mid.hw_base = 2000;
        top.hw_base = 1UL << 20;  // beyond any linear part: tree
        root.d = irq_domain_create_hierarchy(nullptr, 0, 4096, irq_domain_alloc_named_fwnode("gic"),
                                             &fake_ops, &root);
        mid.d = irq_domain_create_hierarchy(root.d, 0, 4096, irq_domain_alloc_named_fwnode("intr"), &fake_ops,
                                            &mid);
        top.d =
            irq_domain_create_hierarchy(mid.d, 0, 0, irq_domain_alloc_named_fwnode("inta"), &fake_ops, &top);
        ASSERT_TRUE(root.d && mid.d && top.d);
    }
    void TearDown() override
    {
        g_events = nullptr;
        CoreTest::TearDown();
    }

    // the state before any allocation, for leak checks
    void ExpectPristine()
    {
        EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
        for (FakeDom* f : {&root, &mid, &top}) {
            EXPECT_EQ(f->d->mapcount, 0u) << f->name;
            EXPECT_EQ(irq_domain_revmap_count(f->d), 0u) << f->name;
            EXPECT_EQ(f->live, 0) << f->name;
            EXPECT_EQ(f->active, 0) << f->name;
        }
    }
    std::vector<std::string> Ev(std::initializer_list<std::string> l) { return l; }
};

TEST_F(HierarchyTest, SharedRootAndFlags)
{
    EXPECT_EQ(top.d->root, root.d);
    EXPECT_EQ(mid.d->root, root.d);
    EXPECT_EQ(root.d->root, root.d);
    EXPECT_TRUE(irq_domain_is_hierarchy(top.d));
    EXPECT_EQ(top.d->kind, IRQ_DOMAIN_KIND_TREE);
    EXPECT_EQ(mid.d->kind, IRQ_DOMAIN_KIND_LINEAR);
}

TEST_F(HierarchyTest, AllocBuildsChainAndFreeUndoesIt)
{
    int virq = irq_domain_alloc_irqs(top.d, 3, -1, nullptr);
    ASSERT_GT(virq, 0);
    EXPECT_EQ(events, Ev({"alloc:inta:" + std::to_string(virq), "alloc:intr:" + std::to_string(virq),
                          "alloc:gic:" + std::to_string(virq)}));
    for (unsigned i = 0; i < 3; i++) {
        unsigned v = (unsigned)virq + i;
        struct irq_data* l0 = irq_get_irq_data(v);
        struct irq_data* l1 = l0->parent_data;
        ASSERT_NE(l1, nullptr);
        struct irq_data* l2 = l1->parent_data;
        ASSERT_NE(l2, nullptr);
        EXPECT_EQ(l2->parent_data, nullptr);
        EXPECT_EQ(l0->domain, top.d);
        EXPECT_EQ(l1->domain, mid.d);
        EXPECT_EQ(l2->domain, root.d);
        for (struct irq_data* l : {l0, l1, l2}) {
            EXPECT_EQ(l->irq, v);
            EXPECT_EQ(l->common, l0->common);
        }
        EXPECT_EQ(l0->hwirq, top.hw_base + v);
        EXPECT_EQ(l1->chip, &mid.chip);
        EXPECT_EQ(l2->chip_data, &root);
        EXPECT_EQ(irq_domain_get_irq_data(mid.d, v), l1);
        EXPECT_EQ(irq_find_mapping(top.d, top.hw_base + v), v);  // tree
        EXPECT_EQ(irq_find_mapping(mid.d, mid.hw_base + v), v);  // linear
        EXPECT_EQ(irq_find_mapping(root.d, root.hw_base + v), v);
        EXPECT_EQ(irq_domain_revmap_lookup(mid.d, mid.hw_base + v), l1);
        EXPECT_FALSE(irq_to_desc(v)->status_use_accessors & IRQ_NOREQUEST);
    }
    for (FakeDom* f : {&root, &mid, &top}) {
        EXPECT_EQ(f->d->mapcount, 3u);
        EXPECT_EQ(f->live, 3);
    }
    EXPECT_EQ(irq_domain_remove(root.d), -EBUSY);
    EXPECT_EQ(CountLogs({"gic", "remove refused"}), 1u);
    ClearLogs();

    events.clear();
    irq_domain_free_irqs((unsigned)virq, 3);
    // outermost first, one virq at a time, each level frees its parent
    ASSERT_EQ(events.size(), 9u);
    EXPECT_EQ(events[0], "free:inta:" + std::to_string(virq));
    EXPECT_EQ(events[1], "free:intr:" + std::to_string(virq));
    EXPECT_EQ(events[2], "free:gic:" + std::to_string(virq));
    EXPECT_EQ(events[3], "free:inta:" + std::to_string(virq + 1));
    ExpectPristine();
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(HierarchyTest, AllocFailureAtEveryLevelUnwindsFully)
{
    for (FakeDom* f : {&top, &mid, &root}) {
        for (int after : {0, 1}) {
            SCOPED_TRACE(f->name + (after ? " after parent" : " before parent"));
            events.clear();
            ClearLogs();
            (after ? f->fail_alloc_after_parent : f->fail_alloc_before_parent) = ENOSPC;
            int virq = irq_domain_alloc_irqs(top.d, 2, -1, nullptr);
            EXPECT_EQ(virq, -ENOSPC);
            (after ? f->fail_alloc_after_parent : f->fail_alloc_before_parent) = 0;
            ExpectPristine();
            EXPECT_EQ(CountLogs({"inta", "failed", "-28"}), 1u);
            // the domain stack still works afterwards
            virq = irq_domain_alloc_irqs(top.d, 1, -1, nullptr);
            ASSERT_GT(virq, 0);
            irq_domain_free_irqs((unsigned)virq, 1);
            ExpectPristine();
        }
    }
}

TEST_F(HierarchyTest, AllocWithoutParentIsENOSYS)
{
    static FakeDom lone;
    lone.name = "lone";
    lone.d = nullptr;
    struct irq_domain* d = irq_domain_create_hierarchy(nullptr, 0, 8, nullptr, &fake_ops, &lone);
    EXPECT_EQ(irq_domain_alloc_irqs_parent(d, 1, 1, nullptr), -ENOSYS);
    EXPECT_EQ(CountLogs({d->name, "no parent"}), 1u);
}

TEST_F(HierarchyTest, ActivateOrderAndDeactivate)
{
    int virq = irq_domain_alloc_irqs(top.d, 1, -1, nullptr);
    std::string v = std::to_string(virq);
    struct irq_data* d = irq_get_irq_data(virq);
    events.clear();
    EXPECT_EQ(irq_domain_activate_irq(d, false), 0);
    EXPECT_EQ(events, Ev({"activate:gic:" + v, "activate:intr:" + v, "activate:inta:" + v}));
    EXPECT_TRUE(irqd_is_activated(d));
    events.clear();
    EXPECT_EQ(irq_domain_activate_irq(d, false), 0);  // no-op when activated
    EXPECT_TRUE(events.empty());
    irq_domain_deactivate_irq(d);
    EXPECT_EQ(events, Ev({"deactivate:inta:" + v, "deactivate:intr:" + v, "deactivate:gic:" + v}));
    EXPECT_FALSE(irqd_is_activated(d));
    events.clear();
    irq_domain_deactivate_irq(d);  // no-op when not activated
    EXPECT_TRUE(events.empty());
    irq_domain_free_irqs((unsigned)virq, 1);
    ExpectPristine();
}

TEST_F(HierarchyTest, ActivateFailureAtEveryLevelRollsBack)
{
    int virq = irq_domain_alloc_irqs(top.d, 1, -1, nullptr);
    std::string v = std::to_string(virq);
    struct irq_data* d = irq_get_irq_data(virq);
    struct Case {
        FakeDom* f;
        std::vector<std::string> expect;
    } cases[] = {
        {&root, {"activate:gic:" + v}},
        {&mid, {"activate:gic:" + v, "activate:intr:" + v, "deactivate:gic:" + v}},
        {&top,
         {"activate:gic:" + v, "activate:intr:" + v, "activate:inta:" + v, "deactivate:intr:" + v,
          "deactivate:gic:" + v}},
    };
    for (auto& c : cases) {
        SCOPED_TRACE(c.f->name);
        events.clear();
        ClearLogs();
        c.f->fail_activate = EIO;
        EXPECT_EQ(irq_domain_activate_irq(d, false), -EIO);
        c.f->fail_activate = 0;
        EXPECT_EQ(events, c.expect);
        EXPECT_FALSE(irqd_is_activated(d));
        EXPECT_EQ(CountLogs({"inta", "activation", "virq " + v}), 1u);
        for (FakeDom* f : {&root, &mid, &top})
            EXPECT_EQ(f->active, 0) << f->name;
    }
    EXPECT_EQ(irq_domain_activate_irq(d, false), 0);
    irq_domain_deactivate_irq(d);
    irq_domain_free_irqs((unsigned)virq, 1);
    ExpectPristine();
}

TEST_F(HierarchyTest, DisconnectHierarchyTrimsLevels)
{
    mid.disconnect_parent = true;
    int virq = irq_domain_alloc_irqs(top.d, 2, -1, nullptr);
    ASSERT_GT(virq, 0);
    struct irq_data* l0 = irq_get_irq_data(virq);
    ASSERT_NE(l0->parent_data, nullptr);
    EXPECT_EQ(l0->parent_data->domain, mid.d);
    EXPECT_EQ(l0->parent_data->parent_data, nullptr);  // gic level cut off
    EXPECT_EQ(irq_domain_get_irq_data(root.d, virq), nullptr);
    EXPECT_EQ(root.d->mapcount, 0u);
    EXPECT_EQ(mid.d->mapcount, 2u);
    EXPECT_EQ(root.live, 0);
    events.clear();
    EXPECT_EQ(irq_domain_activate_irq(l0, false), 0);
    EXPECT_EQ(events.size(), 2u);  // intr, inta only
    irq_domain_deactivate_irq(l0);
    irq_domain_free_irqs((unsigned)virq, 2);
    mid.disconnect_parent = false;
    ExpectPristine();
}

TEST_F(HierarchyTest, InvalidDisconnectUnwinds)
{
    // inta cuts intr off although intr stays connected to gic: invalid chain
    struct Cutter {
        static int alloc(struct irq_domain* d, unsigned int virq, unsigned int n, void* arg)
        {
            int ret = fake_alloc(d, virq, n, arg);
            if (!ret)
                for (unsigned i = 0; i < n; i++)
                    irq_domain_disconnect_hierarchy(d->parent, virq + i);
            return ret;
        }
    };
    static struct irq_domain_ops cut_ops = fake_ops;
    cut_ops.alloc = Cutter::alloc;
    FakeDom cutter;
    cutter.name = "cutter";
    struct irq_domain* d = irq_domain_create_hierarchy(mid.d, 0, 16, nullptr, &cut_ops, &cutter);
    EXPECT_EQ(irq_domain_alloc_irqs(d, 1, -1, nullptr), -EINVAL);
    EXPECT_EQ(CountLogs("invalid disconnected hierarchy"), 1u);
    EXPECT_EQ(cutter.live, 0);
    ExpectPristine();
    EXPECT_EQ(irq_domain_remove(d), 0);
}

TEST_F(HierarchyTest, FreeMisuseIsLogged)
{
    irq_domain_free_irqs(4321, 1);
    EXPECT_EQ(CountLogs({"virq 4321", "unknown"}), 1u);
    int raw = irq_alloc_desc(-1);
    irq_domain_free_irqs((unsigned)raw, 1);
    EXPECT_EQ(CountLogs({"virq " + std::to_string(raw), "not mapped"}), 1u);
    irq_free_desc((unsigned)raw);
    // a classic mapping is not a hierarchy mapping
    struct irq_domain* lin = irq_domain_create_linear(nullptr, 4, nullptr, nullptr);
    unsigned v = irq_create_mapping(lin, 1);
    irq_domain_free_irqs(v, 1);
    EXPECT_EQ(CountLogs("not a hierarchy"), 1u);
    irq_dispose_mapping(v);
    // freeing more than was allocated is refused as a whole
    int virq = irq_domain_alloc_irqs(top.d, 1, -1, nullptr);
    irq_domain_free_irqs((unsigned)virq, 2);
    EXPECT_EQ(CountLogs({"inta", "not part of it"}), 1u);
    EXPECT_EQ(top.live, 1);
    irq_dispose_mapping((unsigned)virq);  // hierarchy mapping: freed through the domains
    ExpectPristine();
}

TEST_F(HierarchyTest, ReallocUsesExistingDescs)
{
    int base = irq_alloc_descs(-1, 1, 4, -1);
    unsigned n = irq_get_nr_allocated();
    EXPECT_EQ(__irq_domain_alloc_irqs(mid.d, base, 4, -1, nullptr, true, nullptr), base);
    EXPECT_EQ(irq_get_nr_allocated(), n);
    EXPECT_EQ(irq_get_irq_data(base + 3)->parent_data->domain, root.d);
    // realloc failure leaves the descs in place
    irq_domain_free_irqs((unsigned)base, 4);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    base = irq_alloc_descs(-1, 1, 2, -1);
    root.fail_alloc_before_parent = EIO;
    EXPECT_EQ(__irq_domain_alloc_irqs(mid.d, base, 2, -1, nullptr, true, nullptr), -EIO);
    root.fail_alloc_before_parent = 0;
    EXPECT_NE(irq_to_desc(base), nullptr);
    EXPECT_EQ(irq_get_irq_data(base)->domain, nullptr);
    EXPECT_EQ(irq_get_irq_data(base)->parent_data, nullptr);
    irq_free_descs((unsigned)base, 2);
    ExpectPristine();
}

TEST_F(HierarchyTest, FwspecMappingThroughHierarchy)
{
    struct irq_fwspec spec = {};
    spec.fwnode = top.d->fwnode;
    spec.param_count = 2;
    spec.param[0] = 5;
    spec.param[1] = IRQ_TYPE_LEVEL_HIGH;
    unsigned v = irq_create_fwspec_mapping(&spec);
    ASSERT_GT(v, 0u);
    EXPECT_EQ(irq_get_irq_data(v)->domain, top.d);
    EXPECT_EQ(irq_get_trigger_type(v), (u32)IRQ_TYPE_LEVEL_HIGH);
    irq_dispose_mapping(v);
    ExpectPristine();
}

TEST_F(HierarchyTest, SetInfoInstallsFlowHandler)
{
    struct Info {
        static int alloc(struct irq_domain* d, unsigned int virq, unsigned int n, void* arg)
        {
            static int hdata;
            int ret = irq_domain_alloc_irqs_parent(d, virq, n, arg);
            if (ret)
                return ret;
            for (unsigned i = 0; i < n; i++)
                irq_domain_set_info(d, virq + i, 77, nullptr, nullptr, handle_edge_irq, &hdata, "edge");
            return 0;
        }
    };
    static struct irq_domain_ops info_ops = {};
    info_ops.alloc = Info::alloc;
    info_ops.free = irq_domain_free_irqs_top;
    struct irq_domain* d = irq_domain_create_hierarchy(mid.d, 0, 128, nullptr, &info_ops, nullptr);
    int virq = irq_domain_alloc_irqs(d, 1, -1, nullptr);
    ASSERT_GT(virq, 0);
    EXPECT_EQ(irq_to_desc(virq)->handle_irq, handle_edge_irq);
    EXPECT_NE(irq_get_handler_data(virq), nullptr);
    EXPECT_EQ(irq_get_chip(virq), &no_irq_chip);  // NULL chip => no_irq_chip
    EXPECT_EQ(irq_find_mapping(d, 77), (unsigned)virq);
    EXPECT_EQ(irq_domain_set_hwirq_and_chip(top.d, virq, 1, nullptr, nullptr), -ENOENT);
    irq_domain_free_irqs((unsigned)virq, 1);
    EXPECT_EQ(irq_domain_remove(d), 0);
    ExpectPristine();
}

TEST_F(HierarchyTest, PushAndPop)
{
    int virq = irq_domain_alloc_irqs(mid.d, 1, -1, nullptr);
    ASSERT_GT(virq, 0);
    FakeDom pushed;
    pushed.name = "pushed";
    pushed.pushed = true;
    pushed.hw_base = 50;
    struct irq_domain* pd = irq_domain_create_hierarchy(mid.d, 0, 4096, nullptr, &fake_ops, &pushed);
    irq_hw_number_t mid_hw = mid.hw_base + (unsigned)virq;

    // a failing push changes nothing
    pushed.fail_alloc_before_parent = EIO;
    EXPECT_EQ(irq_domain_push_irq(pd, virq, nullptr), -EIO);
    pushed.fail_alloc_before_parent = 0;
    EXPECT_EQ(irq_get_irq_data(virq)->domain, mid.d);
    EXPECT_EQ(irq_domain_revmap_lookup(mid.d, mid_hw), irq_get_irq_data(virq));

    EXPECT_EQ(irq_domain_push_irq(pd, virq, nullptr), 0);
    struct irq_data* l0 = irq_get_irq_data(virq);
    EXPECT_EQ(l0->domain, pd);
    EXPECT_EQ(l0->hwirq, 50u + (unsigned)virq);
    ASSERT_NE(l0->parent_data, nullptr);
    EXPECT_EQ(l0->parent_data->domain, mid.d);
    EXPECT_EQ(l0->parent_data->hwirq, mid_hw);
    EXPECT_EQ(l0->parent_data->parent_data->domain, root.d);
    EXPECT_EQ(irq_domain_revmap_lookup(mid.d, mid_hw), l0->parent_data);  // repointed
    EXPECT_EQ(irq_find_mapping(pd, 50u + (unsigned)virq), (unsigned)virq);
    EXPECT_EQ(pd->mapcount, 1u);
    // pushing a domain whose parent is not the outermost one is refused
    EXPECT_EQ(irq_domain_push_irq(top.d, virq, nullptr), -EINVAL);

    EXPECT_EQ(irq_domain_pop_irq(mid.d, virq), -EINVAL);
    EXPECT_EQ(irq_domain_pop_irq(pd, virq), 0);
    l0 = irq_get_irq_data(virq);
    EXPECT_EQ(l0->domain, mid.d);
    EXPECT_EQ(l0->hwirq, mid_hw);
    EXPECT_EQ(l0->parent_data->domain, root.d);
    EXPECT_EQ(irq_domain_revmap_lookup(mid.d, mid_hw), l0);
    EXPECT_EQ(pd->mapcount, 0u);
    EXPECT_EQ(pushed.live, 0);
    irq_domain_free_irqs((unsigned)virq, 1);
    EXPECT_EQ(irq_domain_remove(pd), 0);
    ExpectPristine();
}

TEST_F(HierarchyTest, ResetTearsDownLiveHierarchy)
{
    ASSERT_GT(irq_domain_alloc_irqs(top.d, 5, -1, nullptr), 0);
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(irq_get_nr_allocated(), 0u);
    EXPECT_EQ(irq_domain_next(nullptr), nullptr);
    // fixture domains are gone: make TearDown's leak view consistent
    root.d = mid.d = top.d = nullptr;
}

}  // namespace
