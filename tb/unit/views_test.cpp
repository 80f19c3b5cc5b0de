// SPDX-License-Identifier: MIT
// /proc/interrupts- and debugfs-domains-like views: exact text for a small setup.
#include <cstdio>
#include <cstdlib>
#include <string>

#include <linux/interrupt.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim_views.h>

#include "unit/recording_chip.h"
#include "unit/test_support.h"

namespace {

irqreturn_t Handled(int, void*) { return IRQ_HANDLED; }

void Demux(struct irq_desc*) {}

template <typename F>
std::string Render(F f)
{
    char* buf = nullptr;
    size_t len = 0;
    FILE* m = open_memstream(&buf, &len);
    f(m);
    std::fclose(m);
    std::string s(buf, len);
    std::free(buf);
    return s;
}

class ViewsTest : public CoreTest {};

TEST_F(ViewsTest, InterruptsAndDomainsOfAThreeLevelHierarchy)
{
    RecordingChip gic("GIC", RecordingChip::kBasic);
    RecordingChip intr("INTR", RecordingChip::kBasic);
    RecordingChip inta("INTA", RecordingChip::kBasic);
    RecordingChip flat_chip("FLAT", RecordingChip::kBasic);
    HierDomain dgic("gic", &gic, nullptr, handle_fasteoi_irq, 100);
    HierDomain dintr("intr", &intr, &dgic, nullptr, 10, 32);
    HierDomain dinta("inta", &inta, &dintr, handle_edge_irq, 0, 16, IRQ_DOMAIN_FLAG_MSI);
    irq_domain_update_bus_token(dgic.d, DOMAIN_BUS_WIRED);
    irq_domain_update_bus_token(dinta.d, DOMAIN_BUS_TI_SCI_INTA_MSI);
    FlatDomain flat("flat", &flat_chip, handle_level_irq, 64);

    int a = dinta.Alloc(3);       // inta 3 -> intr 13 -> gic 103
    int b = dinta.Alloc(5);       // inta 5 -> intr 15 -> gic 105
    int parent = dgic.Alloc(40);  // gic 140, chained
    unsigned f = flat.Map(7);
    unsigned idle = flat.Map(9);  // mapped, never requested: not listed
    ASSERT_EQ(a, 1);
    ASSERT_EQ(b, 2);
    ASSERT_EQ(parent, 3);
    ASSERT_EQ(f, 4u);
    ASSERT_EQ(idle, 5u);

    int da, db1, db2, df;
    ASSERT_EQ(request_irq(1, Handled, 0, "dma-ring0", &da), 0);
    ASSERT_EQ(request_irq(2, Handled, IRQF_SHARED, "ring1", &db1), 0);
    ASSERT_EQ(request_irq(2, Handled, IRQF_SHARED, "ring2", &db2), 0);
    ASSERT_EQ(request_irq(4, Handled, IRQF_TRIGGER_HIGH, "uart", &df), 0);
    irq_set_chained_handler_and_data(3, Demux, nullptr);

    generic_handle_irq(1);
    irqsim_set_this_cpu(2);
    generic_handle_irq(1);
    generic_handle_irq(2);
    irqsim_set_this_cpu(3);
    for (int i = 0; i < 12; i++)
        generic_handle_irq(4);
    irqsim_set_this_cpu(1);
    generic_handle_domain_irq(flat.d, 60);  // unmapped: spurious on CPU1

    std::string interrupts = Render([](FILE* m) { irqsim_show_interrupts(m, 4); });
    std::string domains = Render([](FILE* m) { irqsim_show_domains(m); });

    EXPECT_EQ(
        interrupts,
        "            CPU0       CPU1       CPU2       CPU3\n"
        "   1:          1          0          1          0 INTA              3 Edge  edge         dma-ring0\n"
        "   2:          0          0          1          0 INTA              5 Edge  edge         ring1, ring2\n"
        "   3:          0          0          0          0 GIC             140 Edge  chained      (chained)\n"
        "   4:          0          0          0         12 FLAT              7 Level level        uart\n"
        " SPU:          0          1          0          0   Spurious interrupts\n");
    EXPECT_EQ(domains, "flat: linear size=64 mapped=2 flags=none bus=ANY\n"
                       "  chip FLAT: hwirq 7-9 (2)\n"
                       "gic: tree size=0 mapped=3 flags=HIERARCHY bus=WIRED\n"
                       "  chip GIC: hwirq 103-140 (3)\n"
                       "  intr: linear size=32 mapped=2 flags=HIERARCHY bus=ANY\n"
                       "    chip INTR: hwirq 13-15 (2)\n"
                       "    inta: linear size=16 mapped=2 flags=HIERARCHY|MSI bus=TI_SCI_INTA_MSI\n"
                       "      chip INTA: hwirq 3-5 (2)\n");

    free_irq(1, &da);
    free_irq(2, &db1);
    free_irq(2, &db2);
    free_irq(4, &df);
}

TEST_F(ViewsTest, EmptyCoreShowsOnlyHeaders)
{
    std::string interrupts = Render([](FILE* m) { irqsim_show_interrupts(m, 2); });
    EXPECT_EQ(interrupts, "            CPU0       CPU1\n"
                          " SPU:          0          0   Spurious interrupts\n");
    EXPECT_EQ(Render([](FILE* m) { irqsim_show_domains(m); }), "");
}

}  // namespace
