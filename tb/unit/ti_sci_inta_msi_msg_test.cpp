// SPDX-License-Identifier: MIT
// The INTA as an MSI target: the message {doorbell, global event} a vector gets
// from request_irq on, and the INTA domain as MSI parent of per-device (IMS)
// domains.  k3.dts with the INTA's CFG region (reg[1]) added; the unchanged
// k3.dts (no CFG region) gives all-zero messages.
#include <fstream>
#include <sstream>

#include "ti_test_fixture.h"

namespace {

constexpr uint32_t kCfgBase = ti::kCfg;
constexpr uint32_t kDoorbell = kCfgBase + TI_INTA_CFG_UNMAPPED_EVENT_DOORBELL_OFFSET;

std::vector<uint8_t> K3WithCfgRegion(std::string* err)
{
    std::ifstream in(K3DtsPath());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    const std::string from = "reg = <0x0 0x0a100000 0x0 0x10000>;";
    size_t at = text.find(from);
    if (at == std::string::npos) {
        *err = "k3.dts lacks '" + from + "'";
        return {};
    }
    text.replace(at, from.size(), "reg = <0x0 0x0a100000 0x0 0x10000>, <0x0 0x0a300000 0x0 0x20>;");
    return irqsim_test::CompileDts(text, err);
}

class TiIntaMsgTest : public K3Test {
protected:
    void UseCfgRegion()
    {
        std::string err;
        dtb = K3WithCfgRegion(&err);
        ASSERT_FALSE(dtb.empty()) << err;
    }
    static msi_msg MsgOf(unsigned virq)
    {
        msi_desc* d = irq_get_msi_desc(virq);
        EXPECT_NE(d, nullptr);
        return d ? d->msg : msi_msg{};
    }
    void ExpectClean()
    {
        EXPECT_TRUE(fw.events.empty());
        EXPECT_TRUE(fw.routes.empty());
        EXPECT_EQ(irq_get_nr_allocated(), base_descs);
        EXPECT_TRUE(fw.violations.empty());
    }
};

TEST_F(TiIntaMsgTest, MessageIsDoorbellAndGlobalEventFromRequestOn)
{
    UseCfgRegion();
    ProbeOk();
    unsigned v5 = AllocVec(5), v6 = AllocVec(6);
    ASSERT_NE(v5, 0u);
    ASSERT_NE(v6, 0u);
    EXPECT_EQ(MsgOf(v5).address_lo, 0u) << "no event before request_irq: no message";
    int hits = 0;
    ASSERT_EQ(request_irq(v6, CountHandler, 0, "ev6", &hits), 0) << AllLogs();
    ASSERT_EQ(request_irq(v5, CountHandler, 0, "ev5", &hits), 0) << AllLogs();
    uint16_t g5 = 0, g6 = 0;
    ASSERT_TRUE(fw.EventOf(FakeTiSci::kDmaId, 5, &g5));
    ASSERT_TRUE(fw.EventOf(FakeTiSci::kDmaId, 6, &g6));
    EXPECT_NE(g5, g6);
    msi_msg m5 = MsgOf(v5), m6 = MsgOf(v6);
    EXPECT_EQ(m5.address_lo, kDoorbell);
    EXPECT_EQ(m5.address_hi, 0u);
    EXPECT_EQ(m5.data, g5);
    EXPECT_EQ(m6.address_lo, kDoorbell);
    EXPECT_EQ(m6.data, g6);
    free_irq(v5, &hits);
    EXPECT_EQ(MsgOf(v5).address_lo, 0u) << "free_irq: the message is withdrawn";
    EXPECT_EQ(MsgOf(v5).data, 0u);
    free_irq(v6, &hits);
    FreeVec(5);
    FreeVec(6);
    ExpectClean();
}

TEST_F(TiIntaMsgTest, NoCfgRegionMeansZeroMessages)
{
    ProbeOk();  // k3.dts as is: reg[0] only
    EXPECT_GE(CountLogs("no CFG region"), 1u) << AllLogs();
    unsigned v = AllocVec(2);
    ASSERT_NE(v, 0u);
    int hits = 0;
    ASSERT_EQ(request_irq(v, CountHandler, 0, "ev", &hits), 0) << AllLogs();
    EXPECT_EQ(MsgOf(v).address_lo, 0u);
    EXPECT_EQ(MsgOf(v).data, 0u);
    free_irq(v, &hits);
    FreeVec(2);
    ExpectClean();
}

// a device-side chip: records what the MSI layer writes into the device
msi_msg g_written;
unsigned g_writes;
void RecordWrite(irq_data*, msi_msg* msg)
{
    g_written = *msg;
    g_writes++;
}

TEST_F(TiIntaMsgTest, IntaDomainIsMsiParentOfPerDeviceDomains)
{
    UseCfgRegion();
    ProbeOk();
    irq_domain* parent = ti_sci_inta_get_msi_parent(inta_np);
    ASSERT_EQ(parent, inta);
    EXPECT_TRUE(parent->flags & IRQ_DOMAIN_FLAG_MSI_PARENT);
    ASSERT_NE(parent->msi_parent_ops, nullptr);
    EXPECT_STREQ(parent->msi_parent_ops->prefix, "INTA-");

    irq_chip chip{};
    chip.name = "IMS";
    chip.irq_write_msi_msg = RecordWrite;
    msi_domain_info tmpl{};
    // PCI-style, so it may ask for early activation (a device MSI template carries no flags)
    tmpl.bus_token = DOMAIN_BUS_PCI_DEVICE_MSIX;
    tmpl.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | MSI_FLAG_ACTIVATE_EARLY;
    tmpl.chip = &chip;
    device dev{};
    dev.name = "ims0";
    dev.id = 105;
    dev.msi_parent = parent;
    ASSERT_TRUE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &tmpl, 16, nullptr, nullptr))
        << AllLogs();
    msi_domain_info* info = msi_get_domain_info(dev.msi_domain);
    EXPECT_FALSE(info->flags & MSI_FLAG_ACTIVATE_EARLY) << "no message exists before request_irq";
    EXPECT_EQ(info->chip->irq_set_affinity, nullptr) << "a VINT is shared: no per-vector affinity";

    g_writes = 0;
    msi_map m = msi_domain_alloc_irq_at(&dev, MSI_DEFAULT_DOMAIN, 3, nullptr, nullptr);
    ASSERT_GE(m.index, 0) << AllLogs();
    unsigned virq = (unsigned)m.virq;
    irq_data* top = irq_get_irq_data(virq);
    ASSERT_NE(top->parent_data, nullptr);
    EXPECT_EQ(top->parent_data->domain, inta);
    EXPECT_EQ(top->parent_data->hwirq, (105u << 16) | 3u);
    EXPECT_EQ(fw.CountCalls("set_event_map"), 0u) << "allocation does no hardware work";
    EXPECT_EQ(g_writes, 0u);

    int hits = 0;
    ASSERT_EQ(request_irq(virq, CountHandler, 0, "ims-slot3", &hits), 0) << AllLogs();
    uint16_t gevt = 0;
    ASSERT_TRUE(fw.EventOf(105, 3, &gevt)) << "the event map names the device's source";
    EXPECT_EQ(g_writes, 1u);
    EXPECT_EQ(g_written.address_lo, kDoorbell);
    EXPECT_EQ(g_written.data, gevt);
    EXPECT_LT(irq_set_affinity(virq, cpumask_of(0)), 0);
    free_irq(virq, &hits);
    EXPECT_EQ(g_writes, 2u);
    EXPECT_EQ(g_written.address_lo, 0u) << "deactivation writes an all-zero message";
    msi_remove_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN);
    msi_device_data_release(&dev);
    ExpectClean();
}

TEST_F(TiIntaMsgTest, PerDeviceDomainNeedsTiSciId)
{
    ProbeOk();
    irq_chip chip{};
    chip.name = "IMS";
    chip.irq_write_msi_msg = RecordWrite;
    msi_domain_info tmpl{};
    tmpl.flags = MSI_FLAG_USE_DEF_DOM_OPS;
    tmpl.chip = &chip;
    device dev{};
    dev.name = "no-id";
    dev.id = -1;
    dev.msi_parent = ti_sci_inta_get_msi_parent(inta_np);
    EXPECT_FALSE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &tmpl, 16, nullptr, nullptr));
    EXPECT_GE(CountLogs("no TI-SCI device id"), 1u) << AllLogs();
    EXPECT_EQ(dev.msi_domain, nullptr);
    msi_device_data_release(&dev);
    ExpectClean();
}

}  // namespace
