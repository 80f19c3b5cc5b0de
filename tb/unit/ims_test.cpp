// SPDX-License-Identifier: MIT
// IMS device driver against FakeIo: the platform driver binds when the boot
// populates the bus, finds the MSI parent from the device tree (MBI on the GIC
// node) or defers until it exists, the per-device domain's chip programs the slot
// registers (message written with the slot masked, unmask after the parent,
// mask before it), slots are the driver's (-ENOSPC when all taken, -EBUSY for
// a taken slot), a parent running out gives -ENOSPC with the slot free again,
// and the same driver runs over another MSI parent (FakeMsiParent).
#include <algorithm>
#include <string>

#include <libfdt.h>

#include <linux/io.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

#include "fake_msi_parent.h"
#include "dev_ims_regs.h"
#include "mbi_ims_fixture.h"

namespace {

class ImsTest : public MbiTest {
protected:
    void ProbeIms()
    {
        ProbeOk();
        np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims");
        ASSERT_NE(np, nullptr);
        ASSERT_EQ(ims_get(np, &ims), 0) << AllLogs();
        ASSERT_NE(ims, nullptr);
    }
    // unbinding releases the slots still requested (a core reset refuses while any is)
    void TearDown() override
    {
        if (ims)
            device_release_driver(ims_to_dev(ims));
        MbiTest::TearDown();
    }
    // what the device's own event does: a TRIGGER write (the device's side, not the driver's)
    void Fire(unsigned slot) { writel(slot, TriggerReg()); }
    void __iomem* TriggerReg()
    {
        if (!trigger)
            trigger = ioremap(kIms + IMS_TRIGGER, 4);
        return trigger;
    }
    void __iomem* trigger = nullptr;
    // writes to the IMS window since mark, as "off=value" strings (slot regs as sN+off)
    std::vector<std::string> ImsWrites(size_t mark) const
    {
        std::vector<std::string> out;
        for (size_t i = mark; i < gic.io.accesses.size(); i++) {
            const auto& a = gic.io.accesses[i];
            if (a.kind != FakeIo::W32 || a.addr < kIms || a.addr >= kIms + DEV_IMS_SIZE)
                continue;
            uint64_t off = a.addr - kIms;
            char buf[64];
            if (off >= IMS_SLOT_BASE)
                snprintf(buf, sizeof(buf), "s%u+%x=%x", (unsigned)((off - IMS_SLOT_BASE) / 16),
                         (unsigned)(off % 16), (unsigned)a.val);
            else
                snprintf(buf, sizeof(buf), "%x=%x", (unsigned)off, (unsigned)a.val);
            out.push_back(buf);
        }
        return out;
    }
    long FindWrite(uint64_t addr, uint32_t val, size_t from) const
    {
        for (size_t i = from; i < gic.io.accesses.size(); i++) {
            const auto& a = gic.io.accesses[i];
            if (a.kind == FakeIo::W32 && a.addr == addr && a.val == val)
                return (long)i;
        }
        return -1;
    }
    device_node* np = nullptr;
    ims_device* ims = nullptr;
};

TEST_F(ImsTest, ProbeMasksEverySlotAndStacksOnMbi)
{
    ProbeIms();
    EXPECT_EQ(ims_slot_count(ims), 32u);
    EXPECT_EQ(ims_parent_domain(ims), gic_v3_mbi_domain());
    irq_domain* d = ims_domain(ims);
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->parent, gic_v3_mbi_domain());
    EXPECT_TRUE(d->flags & IRQ_DOMAIN_FLAG_MSI_DEVICE);
    EXPECT_NE(std::string(d->name).find("MBI-IMS"), std::string::npos) << d->name;
    for (unsigned s = 0; s < 32; s++)
        EXPECT_EQ(gic.io.Reg(SlotReg(s, IMS_SLOT_CTRL)), IMS_CTRL_MASK | IMS_CTRL_CLEAR) << s;
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(ImsTest, IsAPlatformDriverBoundAtBoot)
{
    ProbeIms();
    struct platform_device* pdev = of_find_device_by_node(np);
    ASSERT_NE(pdev, nullptr);
    ASSERT_NE(pdev->dev.driver, nullptr);
    EXPECT_STREQ(pdev->dev.driver->name, "irqsim-ims");
    EXPECT_EQ(ims_to_dev(ims), &pdev->dev);
    EXPECT_EQ(ims_domain(ims), pdev->dev.msi_domain);
    // unbind: every requested slot goes back, the device domain is removed
    int hits = 0;
    ASSERT_GT(ims_request_slot(ims, CountHandler, "q", &hits), 0) << AllLogs();
    EXPECT_EQ(gic_v3_mbi_in_use(), 1u);
    device_release_driver(&pdev->dev);
    ims = nullptr;
    EXPECT_EQ(gic_v3_mbi_in_use(), 0u);
    EXPECT_EQ(pdev->dev.msi_domain, nullptr);
    ims_device* x = nullptr;
    EXPECT_EQ(ims_get(np, &x), -EPROBE_DEFER);
    // and binds again
    ASSERT_EQ(device_attach(&pdev->dev), 1) << AllLogs();
    ASSERT_EQ(ims_get(np, &ims), 0) << AllLogs();
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(ImsTest, ProbeRefusesWrongIdAndTooManySlots)
{
    ASSERT_EQ(Probe(), 0) << AllLogs();
    gic.io.SetReg(kIms + IMS_ID, 0xdeadbeef);
    np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims");
    ASSERT_NE(np, nullptr);
    struct platform_device* pdev = of_find_device_by_node(np);
    ASSERT_NE(pdev, nullptr);
    device_release_driver(&pdev->dev);
    EXPECT_EQ(device_attach(&pdev->dev), 0);  // -ENODEV: the driver rejects the match, quietly
    ims_device* x = nullptr;
    EXPECT_EQ(ims_get(np, &x), -EPROBE_DEFER);
    EXPECT_EQ(pdev->dev.irqsim_probe_ret, -ENODEV);
    EXPECT_EQ(x, nullptr);
    EXPECT_GE(CountLogs({"ims", "no IMS device", "0xdeadbeef"}), 1u) << AllLogs();
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
    gic.io.SetReg(kIms + IMS_ID, (IMS_ID_MAGIC << 16) | 8u);  // the DT asks for 32
    EXPECT_EQ(device_attach(&pdev->dev), -EINVAL);
    EXPECT_EQ(ims_get(np, &x), -EPROBE_DEFER);
    EXPECT_EQ(pdev->dev.irqsim_probe_ret, -EINVAL);
    EXPECT_GE(CountLogs({"irqsim,num-slots", "out of range"}), 1u) << AllLogs();
}

// No MBI on the GIC: the IMS waits for its MSI parent with the reason recorded
TEST_F(ImsTest, DefersWhileTheMsiParentIsMissing)
{
    ASSERT_EQ(Probe(false), 0) << AllLogs();
    np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims");
    ASSERT_NE(np, nullptr);
    ims_device* x = nullptr;
    EXPECT_EQ(ims_get(np, &x), -EPROBE_DEFER);
    struct platform_device* pdev = of_find_device_by_node(np);
    ASSERT_NE(pdev, nullptr);
    const char* why = irqsim_deferred_probe_reason(&pdev->dev);
    ASSERT_NE(why, nullptr);
    EXPECT_NE(std::string(why).find("has no MSI parent domain of kind mbi"), std::string::npos) << why;
    EXPECT_GE(CountLogs({"deferred probe pending", "msi-parent"}), 1u) << AllLogs();
    // nothing touched the slots
    for (unsigned s = 0; s < 32; s++)
        EXPECT_TRUE(gic.io.WritesTo(SlotReg(s, IMS_SLOT_CTRL)).empty()) << s;
}

TEST_F(ImsTest, RequestWritesMessageMaskedThenUnmasksParentFirst)
{
    ProbeIms();
    int hits = 0;
    size_t mark = gic.io.accesses.size();
    int virq = ims_request_slot(ims, CountHandler, "q0", &hits);
    ASSERT_GT(virq, 0) << AllLogs();
    EXPECT_EQ(ims_virq_to_slot(ims, (unsigned)virq), 0);
    EXPECT_EQ(ims_slot_virq(ims, 0), (unsigned)virq);
    EXPECT_EQ(ims_slots_in_use(ims), 1u);
    irq_data* d = irq_get_irq_data((unsigned)virq);
    EXPECT_EQ(d->hwirq, 0u);
    unsigned intid = (unsigned)d->parent_data->hwirq;
    EXPECT_EQ(intid, 96u);
    // message: ADDR_LO/HI/DATA written while the slot is masked (reset state), then unmask
    EXPECT_EQ(gic.io.Reg(SlotReg(0, IMS_SLOT_ADDR_LO)), kSetSpi);
    EXPECT_EQ(gic.io.Reg(SlotReg(0, IMS_SLOT_ADDR_HI)), 0u);
    EXPECT_EQ(gic.io.Reg(SlotReg(0, IMS_SLOT_DATA)), intid);
    EXPECT_EQ(gic.io.Reg(SlotReg(0, IMS_SLOT_CTRL)), 0u);
    auto w = ImsWrites(mark);
    std::vector<std::string> want = {"s0+0=8000040", "s0+4=0", "s0+8=60", "s0+c=0"};
    EXPECT_EQ(w, want);
    // the parent SPI is enabled before the slot may send
    long en = FindWrite(FakeGic::kGicd + GICD_ISENABLER + GIC_DIST_ISENABLER_SPI_STRIDE * (intid / 32),
                        1u << (intid % 32), mark);
    long un = FindWrite(SlotReg(0, IMS_SLOT_CTRL), 0, mark);
    ASSERT_GE(en, 0);
    ASSERT_GE(un, 0);
    EXPECT_LT(en, un);
    EXPECT_TRUE(IsEdge(intid));

    // the GIC delivers INTID 96: the handler runs
    EXPECT_EQ(generic_handle_domain_irq(gic_v3_domain(), intid), 0);
    EXPECT_EQ(hits, 1);

    // release: slot masked before the parent, then the message cleared
    mark = gic.io.accesses.size();
    ASSERT_EQ(ims_release_slot(ims, (unsigned)virq), 0);
    long mk = FindWrite(SlotReg(0, IMS_SLOT_CTRL), IMS_CTRL_MASK, mark);
    long dis = FindWrite(FakeGic::kGicd + GICD_ICENABLER + GIC_DIST_ICENABLER_SPI_STRIDE * (intid / 32),
                         1u << (intid % 32), mark);
    ASSERT_GE(mk, 0);
    ASSERT_GE(dis, 0);
    EXPECT_LT(mk, dis);
    EXPECT_EQ(gic.io.Reg(SlotReg(0, IMS_SLOT_ADDR_LO)), 0u);
    EXPECT_EQ(gic.io.Reg(SlotReg(0, IMS_SLOT_DATA)), 0u);
    // left masked with any latched fire discarded, for the slot's next owner
    EXPECT_EQ(gic.io.WritesTo(SlotReg(0, IMS_SLOT_CTRL)).back(), IMS_CTRL_MASK | IMS_CTRL_CLEAR);
    EXPECT_EQ(ims_slots_in_use(ims), 0u);
    EXPECT_EQ(gic_v3_mbi_in_use(), 0u);
    EXPECT_EQ(ims_release_slot(ims, (unsigned)virq), -EINVAL);
}

TEST_F(ImsTest, MaskUnmaskGoToTheSlot)
{
    ProbeIms();
    int hits = 0;
    int virq = ims_request_slot_at(ims, 5, CountHandler, "q5", &hits);
    ASSERT_GT(virq, 0) << AllLogs();
    disable_irq((unsigned)virq);
    EXPECT_EQ(gic.io.Reg(SlotReg(5, IMS_SLOT_CTRL)), IMS_CTRL_MASK);
    enable_irq((unsigned)virq);
    EXPECT_EQ(gic.io.Reg(SlotReg(5, IMS_SLOT_CTRL)), 0u);
    EXPECT_EQ(ims_request_slot_at(ims, 5, CountHandler, "again", &hits), -EBUSY);
    EXPECT_EQ(ims_request_slot_at(ims, 32, CountHandler, "x", &hits), -EINVAL);
    EXPECT_EQ(ims_request_slot(ims, nullptr, "x", &hits), -EINVAL);
    // the device's own fire (a TRIGGER write) needs no driver: the slot stays as the driver left it
    Fire(5);
    EXPECT_EQ(gic.io.WritesTo(kIms + IMS_TRIGGER), (std::vector<uint32_t>{5u}));
    EXPECT_EQ(gic.io.Reg(SlotReg(5, IMS_SLOT_CTRL)), 0u);
}

TEST_F(ImsTest, AllSlotsTakenIsEnospc)
{
    ProbeIms();
    int hits = 0;
    std::vector<int> v;
    for (unsigned s = 0; s < 32; s++) {
        v.push_back(ims_request_slot(ims, CountHandler, "q", &hits));
        ASSERT_GT(v.back(), 0) << s << AllLogs();
    }
    EXPECT_EQ(gic_v3_mbi_in_use(), 32u);
    unsigned descs = irq_get_nr_allocated();
    EXPECT_EQ(ims_request_slot(ims, CountHandler, "q", &hits), -ENOSPC);
    EXPECT_EQ(irq_get_nr_allocated(), descs);
    EXPECT_GE(CountLogs("all 32 slots in use"), 1u) << AllLogs();
    // a freed slot is reused
    ASSERT_EQ(ims_release_slot(ims, (unsigned)v[7]), 0);
    int again = ims_request_slot(ims, CountHandler, "q", &hits);
    ASSERT_GT(again, 0);
    EXPECT_EQ(ims_virq_to_slot(ims, (unsigned)again), 7);
    // unbinding (TearDown) releases everything still requested
}

// The same driver over another MSI parent: a parent with 2 vectors.  The tree's
// IMS names /fake-msi as msi-parent; it has no domain at boot (the IMS defers),
// the test then registers the fake parent on that node and re-triggers probing.
class ImsOverFakeParentTest : public ImsTest {
protected:
    void ProbeFake()
    {
        std::vector<uint8_t> buf(dtb.size() + 1024);
        ASSERT_EQ(fdt_open_into(dtb.data(), buf.data(), (int)buf.size()), 0);
        void* fdt = buf.data();
        int fake = fdt_add_subnode(fdt, 0, "fake-msi");
        ASSERT_GE(fake, 0);
        uint32_t ph = 0;
        ASSERT_EQ(fdt_generate_phandle(fdt, &ph), 0);
        ASSERT_EQ(fdt_setprop_u32(fdt, fake, "phandle", ph), 0);
        int node = fdt_node_offset_by_compatible(fdt, -1, "irqsim,ims");
        ASSERT_GE(node, 0);
        ASSERT_EQ(fdt_setprop_u32(fdt, node, "msi-parent", ph), 0);
        ASSERT_EQ(fdt_delprop(fdt, node, "irqsim,msi-parent-kind"), 0);
        ASSERT_EQ(fdt_pack(fdt), 0);
        buf.resize(fdt_totalsize(fdt));
        dtb = buf;
        ASSERT_EQ(Probe(), 0) << AllLogs();
        np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims");
        ASSERT_NE(np, nullptr);
        ASSERT_EQ(ims_get(np, &ims), -EPROBE_DEFER);
        parent = std::make_unique<FakeMsiParent>("fake-parent", 2);
        pops.prefix = "FAKE-";
        pops.required_flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
        parent->domain->msi_parent_ops = &pops;
        parent->domain->fwnode = of_fwnode_handle(of_find_node_by_path("/fake-msi"));
        driver_deferred_probe_trigger();
        ASSERT_EQ(ims_get(np, &ims), 0) << AllLogs();
        EXPECT_EQ(ims_parent_domain(ims), parent->domain);
    }
    std::unique_ptr<FakeMsiParent> parent;
    msi_parent_ops pops{};
};

TEST_F(ImsOverFakeParentTest, ParentMessageAndExhaustion)
{
    ProbeFake();
    int hits = 0;
    int a = ims_request_slot(ims, CountHandler, "a", &hits);
    int b = ims_request_slot(ims, CountHandler, "b", &hits);
    ASSERT_GT(a, 0) << AllLogs();
    ASSERT_GT(b, 0) << AllLogs();
    EXPECT_EQ(gic.io.Reg(SlotReg(1, IMS_SLOT_ADDR_LO)), FakeMsiParent::kDoorbell);
    EXPECT_EQ(gic.io.Reg(SlotReg(1, IMS_SLOT_DATA)), 8193u);
    // the parent is exhausted: -ENOSPC and the slot is free again
    EXPECT_EQ(ims_request_slot(ims, CountHandler, "c", &hits), -ENOSPC);
    EXPECT_EQ(ims_slots_in_use(ims), 2u);
    EXPECT_EQ(ims_slot_virq(ims, 2), 0u);

    // retarget: the parent moves it, the message is rewritten with the slot masked
    size_t mark = gic.io.accesses.size();
    ASSERT_GE(irq_set_affinity((unsigned)b, cpumask_of(2)), 0) << AllLogs();
    auto w = ImsWrites(mark);
    std::vector<std::string> want = {"s1+c=1", "s1+0=fee02000", "s1+4=0", "s1+8=2001", "s1+c=0"};
    EXPECT_EQ(w, want);
    EXPECT_EQ(ims_release_slot(ims, (unsigned)a), 0);
    EXPECT_EQ(ims_release_slot(ims, (unsigned)b), 0);
    EXPECT_EQ(parent->nr_used, 0u);
    device_release_driver(ims_to_dev(ims));
    ims = nullptr;
}

}  // namespace
