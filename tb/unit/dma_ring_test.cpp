// SPDX-License-Identifier: MIT
// DMA-ring device driver: no vectors at probe, per-ring channel = on-demand
// INTA-MSI vector + request_irq, doorbell, completion delivered through
// INTA -> INTR -> GIC flow, release frees both.
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/of_platform.h>

#include "ti_test_fixture.h"

namespace {

class DmaRingTest : public K3Test {
protected:
    void ProbeDma()
    {
        ProbeOk();
        dma_np = of_find_compatible_node(nullptr, nullptr, "irqsim,dma-ring");
        ASSERT_NE(dma_np, nullptr);
        ASSERT_EQ(dma_ring_get(dma_np, &dd), 0) << AllLogs();
        ASSERT_NE(dd, nullptr);
    }
    void TearDown() override
    {
        dma_ring_remove(dd);
        K3Test::TearDown();
    }
    device_node* dma_np = nullptr;
    dma_ring_device* dd = nullptr;
};

TEST_F(DmaRingTest, ProbeAllocatesNothing)
{
    ProbeDma();
    EXPECT_EQ(dma_ring_count(dd), 32u);
    EXPECT_EQ(dma_ring_to_dev(dd)->id, 103);
    EXPECT_EQ(dma_ring_to_dev(dd)->msi_domain, msi);
    for (unsigned r = 0; r < 32; r++)
        EXPECT_EQ(msi_get_virq(dma_ring_to_dev(dd), r), 0u) << r;
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
    EXPECT_EQ(fw.CountCalls("set_"), 0u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

// the platform driver bound at population; without firmware a probe defers
// (as in the kernel until the TI-SCI driver is there) and binds once it is
TEST_F(DmaRingTest, ProbeWithoutFirmwareDefersUntilItIsInstalled)
{
    ProbeDma();
    platform_device* pdev = of_find_device_by_node(dma_np);
    ASSERT_NE(pdev, nullptr);
    dma_ring_remove(dd);
    dd = nullptr;
    ti_sci_install_handle(nullptr);
    EXPECT_EQ(device_attach(&pdev->dev), -EPROBE_DEFER);
    dma_ring_device* x = nullptr;
    EXPECT_EQ(dma_ring_get(dma_np, &x), -EPROBE_DEFER);
    EXPECT_EQ(x, nullptr);
    EXPECT_STREQ(irqsim_deferred_probe_reason(&pdev->dev),
                 "no TI-SCI firmware (ti,sci names its node; the harness installs the model)");
    fw.Install();
    driver_deferred_probe_trigger();
    ASSERT_EQ(dma_ring_get(dma_np, &dd), 0) << AllLogs();
    EXPECT_EQ(dma_ring_to_dev(dd), &pdev->dev);
    EXPECT_EQ(dma_ring_count(dd), 32u);
}

// no INTA at all (no firmware: nothing of the TI path binds): every probe waits
TEST_F(DmaRingTest, BootWithoutFirmwareLeavesEveryTiDeviceDeferred)
{
    EXPECT_EQ(Probe(false), -EPROBE_DEFER);
    device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,dma-ring");
    dma_ring_device* x = nullptr;
    EXPECT_EQ(dma_ring_get(np, &x), -EPROBE_DEFER);
    EXPECT_EQ(x, nullptr);
    EXPECT_GE(CountLogs("deferred probe pending: no TI-SCI firmware"), 1u) << AllLogs();
}

TEST_F(DmaRingTest, ChannelCompletionReachesHandler)
{
    ProbeDma();
    int hits = 0;
    int virq = dma_ring_request_channel(dd, 3, CountHandler, &hits);
    ASSERT_GT(virq, 0) << AllLogs();
    EXPECT_EQ(msi_get_virq(dma_ring_to_dev(dd), 3), (unsigned)virq);
    EXPECT_EQ(dma_ring_virq(dd, 3), (unsigned)virq);
    EXPECT_EQ(irq_get_irq_data(virq)->hwirq, (103u << 16) | 3u);
    EXPECT_EQ(fw.CountCalls("set_event_map 103 3 102 0 0 0"), 1u);
    EXPECT_EQ(regs.Peek(ti::RingEvent(3)), 0x80000000u);

    ASSERT_EQ(dma_ring_post(dd, 3, 2), 0);
    EXPECT_EQ(gic.io.WritesTo(ti::RingReg(3, 0)), (std::vector<uint32_t>{2u}));
    // the device completes: ring event -> IMAP -> VINT 0 bit 0 -> INTR in 16 -> SPI 64
    ASSERT_TRUE(regs.RaiseRing(3));
    unsigned parent = VintParent(0);
    ASSERT_NE(parent, 0u);
    EXPECT_EQ(irq_get_irq_data(parent)->parent_data->hwirq, 64u);
    EXPECT_EQ(generic_handle_irq(parent), 0);
    EXPECT_EQ(hits, 1);
    EXPECT_EQ(kstat_irqs((unsigned)virq), 1u);

    ASSERT_EQ(dma_ring_release_channel(dd, 3), 0);
    EXPECT_EQ(msi_get_virq(dma_ring_to_dev(dd), 3), 0u);
    EXPECT_EQ(dma_ring_virq(dd, 3), 0u);
    EXPECT_TRUE(fw.events.empty());
    EXPECT_TRUE(fw.routes.empty());
    EXPECT_EQ(regs.Peek(ti::RingEvent(3)), 0u);
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(DmaRingTest, MisuseIsReported)
{
    ProbeDma();
    int hits = 0;
    EXPECT_EQ(dma_ring_request_channel(dd, 32, CountHandler, &hits), -EINVAL);
    EXPECT_EQ(dma_ring_request_channel(dd, 1, nullptr, &hits), -EINVAL);
    ASSERT_GT(dma_ring_request_channel(dd, 1, CountHandler, &hits), 0);
    EXPECT_EQ(dma_ring_request_channel(dd, 1, CountHandler, &hits), -EBUSY);
    EXPECT_EQ(CountLogs("ring 1 already has a channel"), 1u) << AllLogs();
    EXPECT_EQ(dma_ring_release_channel(dd, 2), -EINVAL);
    EXPECT_EQ(dma_ring_release_channel(dd, 1), 0);
    EXPECT_EQ(dma_ring_release_channel(dd, 1), -EINVAL);
    EXPECT_EQ(dma_ring_post(dd, 99, 1), -EINVAL);
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
}

TEST_F(DmaRingTest, ExhaustionFailsCleanly)
{
    fw.vint = {0, 1};
    fw.gevt = {0, 2};
    ProbeDma();
    int hits[3] = {};
    ASSERT_GT(dma_ring_request_channel(dd, 0, CountHandler, &hits[0]), 0);
    ASSERT_GT(dma_ring_request_channel(dd, 1, CountHandler, &hits[1]), 0);
    unsigned before = irq_get_nr_allocated();
    EXPECT_EQ(dma_ring_request_channel(dd, 2, CountHandler, &hits[2]), -ENOSPC);
    EXPECT_EQ(irq_get_nr_allocated(), before);
    EXPECT_EQ(msi_get_virq(dma_ring_to_dev(dd), 2), 0u);
    EXPECT_EQ(dma_ring_virq(dd, 2), 0u);
    // ring 2 can have a channel once another is released
    ASSERT_EQ(dma_ring_release_channel(dd, 0), 0);
    EXPECT_GT(dma_ring_request_channel(dd, 2, CountHandler, &hits[2]), 0) << AllLogs();
}

TEST_F(DmaRingTest, RemoveReleasesEverything)
{
    ProbeDma();
    int hits[4] = {};
    for (unsigned r = 0; r < 4; r++)
        ASSERT_GT(dma_ring_request_channel(dd, r * 7, CountHandler, &hits[r]), 0);
    dma_ring_remove(dd);
    dd = nullptr;
    EXPECT_TRUE(fw.events.empty());
    EXPECT_TRUE(fw.routes.empty());
    EXPECT_EQ(irq_get_nr_allocated(), base_descs);
}

}  // namespace
