// SPDX-License-Identifier: MIT
// TI-SCI INTR driver: probe, translate, allocation (output line, parent GIC
// SPI, firmware route), exhaustion and firmware refusal with full unwind.
#include "ti_test_fixture.h"

namespace {

class TiIntrTest : public K3Test {};

TEST_F(TiIntrTest, ProbeWithoutFirmwareFailsClearly)
{
    EXPECT_NE(Probe(false), 0);
    EXPECT_GE(CountLogs("no TI-SCI firmware"), 1u) << AllLogs();
    EXPECT_EQ(irq_find_host(of_find_compatible_node(nullptr, nullptr, "ti,sci-intr")), nullptr);
}

TEST_F(TiIntrTest, ProbeAsksOutputRangeOnly)
{
    ProbeOk();
    EXPECT_EQ(intr->parent, irq_find_host(of_find_compatible_node(nullptr, nullptr, "arm,gic-v3")));
    EXPECT_EQ(intr->bus_token, DOMAIN_BUS_WIRED);
    EXPECT_EQ(fw.CountCalls("get_range 101 0"), 1u);
    EXPECT_EQ(fw.CountCalls("set_irq"), 0u);
    EXPECT_EQ(fw.CountCalls("set_event_map"), 0u) << "no VINT may be taken at probe";
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(TiIntrTest, TranslateIsOneCellWithRouterType)
{
    ProbeOk();
    irq_fwspec f{};
    unsigned long hw = 0;
    unsigned type = 0;
    f.fwnode = intr->fwnode;
    f.param_count = 1;
    f.param[0] = 7;
    ASSERT_EQ(intr->ops->translate(intr, &f, &hw, &type), 0);
    EXPECT_EQ(hw, 7u);
    EXPECT_EQ(type, (unsigned)IRQ_TYPE_LEVEL_HIGH);
    f.param_count = 2;
    EXPECT_EQ(intr->ops->translate(intr, &f, &hw, &type), -EINVAL);
    EXPECT_EQ(CountLogs({"INTR101", "2-cell"}), 1u) << AllLogs();
}

TEST_F(TiIntrTest, AllocRoutesInputToOutputAndParentSpi)
{
    ProbeOk();
    unsigned virq = MapIntr(3);
    ASSERT_NE(virq, 0u) << AllLogs();
    irq_data* d = irq_get_irq_data(virq);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->domain, intr);
    EXPECT_EQ(d->hwirq, 3u);
    EXPECT_STREQ(d->chip->name, "INTR");
    ASSERT_NE(d->parent_data, nullptr);
    EXPECT_EQ(d->parent_data->hwirq, 64u) << "output 0 -> INTID 64 via ti,interrupt-ranges";
    EXPECT_EQ(irq_get_trigger_type(virq), (unsigned)IRQ_TYPE_LEVEL_HIGH);
    EXPECT_EQ(fw.CountCalls("set_irq 101 3 101 0"), 1u);
    ASSERT_EQ(fw.routes.count(0), 1u);
    EXPECT_EQ(fw.routes[0], 3u);
    EXPECT_EQ(regs.Peek(ti::Muxcntl(0)), (1u << 16) | 3u);

    // a second line takes the next output and the next SPI
    unsigned v2 = MapIntr(1);
    ASSERT_NE(v2, 0u);
    EXPECT_EQ(irq_get_irq_data(v2)->parent_data->hwirq, 65u);
    EXPECT_EQ(fw.routes[1], 1u);

    // same specifier again: the existing mapping
    EXPECT_EQ(MapIntr(3), virq);

    // request + handle through the GIC flow, then free everything
    int hits = 0;
    ASSERT_EQ(request_irq(virq, CountHandler, 0, "line3", &hits), 0);
    EXPECT_EQ(generic_handle_irq(virq), 0);
    EXPECT_EQ(hits, 1);
    free_irq(virq, &hits);
    irq_dispose_mapping(virq);
    irq_dispose_mapping(v2);
    EXPECT_TRUE(fw.routes.empty());
    EXPECT_EQ(fw.CountCalls("free_irq 101 3 101 0"), 1u);
    EXPECT_EQ(regs.Peek(ti::Muxcntl(0)), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(TiIntrTest, DeviceTreeLineMapsThroughIntr)
{
    ProbeOk();
    device_node* lines = of_find_compatible_node(nullptr, nullptr, "irqsim,intr-lines");
    ASSERT_NE(lines, nullptr);
    unsigned virq = irq_of_parse_and_map(lines, 2);
    ASSERT_NE(virq, 0u) << AllLogs();
    EXPECT_EQ(irq_get_irq_data(virq)->hwirq, 2u);
    EXPECT_EQ(fw.routes[0], 2u);
    irq_dispose_mapping(virq);
    EXPECT_TRUE(fw.routes.empty());
}

TEST_F(TiIntrTest, OutputExhaustionIsEnospcWithNothingLeft)
{
    fw.out = {4, 3};  // outputs 4..6 -> INTIDs 68..70
    ProbeOk();
    std::vector<unsigned> v;
    for (unsigned in = 0; in < 3; in++) {
        v.push_back(MapIntr(in));
        ASSERT_NE(v.back(), 0u) << AllLogs();
        EXPECT_EQ(irq_get_irq_data(v.back())->parent_data->hwirq, 68u + in);
    }
    unsigned before = irq_get_nr_allocated();
    ClearLogs();
    EXPECT_EQ(MapIntr(9), 0u);
    EXPECT_EQ(CountLogs({"INTR101", "no free output"}), 1u) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), before) << "no desc leaked";
    EXPECT_EQ(fw.routes.size(), 3u);
    EXPECT_EQ(fw.CountCalls("set_irq 101 9"), 0u);
    EXPECT_EQ(irq_find_mapping(intr, 9), 0u);
    // freeing one makes its output available again
    irq_dispose_mapping(v[1]);
    unsigned again = MapIntr(9);
    ASSERT_NE(again, 0u);
    EXPECT_EQ(irq_get_irq_data(again)->parent_data->hwirq, 69u);
    EXPECT_EQ(fw.routes[5], 9u);
    irq_dispose_mapping(again);
    irq_dispose_mapping(v[0]);
    irq_dispose_mapping(v[2]);
    EXPECT_TRUE(fw.routes.empty());
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
}

TEST_F(TiIntrTest, FirmwareRefusalUnwindsParentAndOutput)
{
    ProbeOk();
    unsigned v0 = MapIntr(0);
    ASSERT_NE(v0, 0u);
    fw.refuse_out = {1};
    unsigned before = irq_get_nr_allocated();
    ClearLogs();
    EXPECT_EQ(MapIntr(5), 0u);
    EXPECT_EQ(CountLogs({"ti_sci fw", "output 1", "range"}), 1u) << AllLogs();
    EXPECT_EQ(CountLogs({"INTR101", "firmware refused"}), 1u) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), before);
    irq_domain* gicd = intr->parent;
    EXPECT_EQ(irq_find_mapping(gicd, 65), 0u) << "parent SPI freed";
    EXPECT_EQ(fw.routes.size(), 1u);
    // output 1 was released: the next allocation gets it
    fw.refuse_out.clear();
    unsigned v1 = MapIntr(5);
    ASSERT_NE(v1, 0u) << AllLogs();
    EXPECT_EQ(irq_get_irq_data(v1)->parent_data->hwirq, 65u);
    EXPECT_EQ(fw.routes[1], 5u);
    irq_dispose_mapping(v1);
    irq_dispose_mapping(v0);
    EXPECT_TRUE(fw.routes.empty());
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
}

TEST_F(TiIntrTest, OutputOutsideRangesIsEnoent)
{
    fw.out = {30, 4};  // 32, 33 are not covered by ti,interrupt-ranges <0 64 32>
    ProbeOk();
    unsigned a = MapIntr(0), b = MapIntr(1);
    ASSERT_NE(a, 0u);
    ASSERT_NE(b, 0u);
    unsigned before = irq_get_nr_allocated();
    EXPECT_EQ(MapIntr(2), 0u);
    EXPECT_EQ(CountLogs({"INTR101", "32 is not covered by ti,interrupt-ranges"}), 1u) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(fw.routes.size(), 2u);
    irq_dispose_mapping(a);
    irq_dispose_mapping(b);
}

TEST_F(TiIntrTest, ChipForwardsToGic)
{
    ProbeOk();
    unsigned virq = MapIntr(4);
    ASSERT_NE(virq, 0u);
    int hits = 0;
    ASSERT_EQ(request_irq(virq, CountHandler, 0, "line4", &hits), 0);
    size_t mark = gic.io.accesses.size();
    disable_irq(virq);
    // GIC ICENABLER for INTID 64: word 2, bit 0
    bool saw = false;
    for (size_t i = mark; i < gic.io.accesses.size(); i++)
        saw |=
            gic.io.accesses[i].kind == FakeIo::W32 &&
            gic.io.accesses[i].addr == FakeGic::kGicd + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE * 2 &&
            gic.io.accesses[i].val == 1;
    EXPECT_TRUE(saw) << "mask reaches the GIC";
    enable_irq(virq);
    cpumask m;
    cpumask_clear(&m);
    cpumask_set_cpu(2, &m);
    EXPECT_EQ(irq_set_affinity(virq, &m), 0) << AllLogs();
    EXPECT_TRUE(cpumask_test_cpu(2, irq_data_get_effective_affinity_mask(irq_get_irq_data(virq))));
    free_irq(virq, &hits);
    irq_dispose_mapping(virq);
}

}  // namespace
