// SPDX-License-Identifier: MIT
// K3Test: GICv3 (FakeGic) + TI INTR/INTA (TiRegs, FakeTiSci) probed from
// tb/unit/dts/k3.dts.  Header-only: the build globs *_test.cpp only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <linux/interrupt.h>
#include <linux/irqchip.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/msi.h>
#include <linux/of.h>
#include <linux/of_irq.h>
#include <linux/soc/ti/ti_sci_inta_msi.h>
#include <linux/soc/ti/ti_sci_protocol.h>

#include "dtb_util.h"
#include "fake_gic.h"
#include "fake_ti.h"
#include "test_support.h"

inline std::string K3DtsPath()
{
#ifdef IRQSIM_SOURCE_DIR
    return std::string(IRQSIM_SOURCE_DIR) + "/tb/unit/dts/k3.dts";
#else
    std::string here = __FILE__;
    auto cut = here.rfind('/');
    return (cut == std::string::npos ? std::string(".") : here.substr(0, cut)) + "/dts/k3.dts";
#endif
}

class K3Test : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        std::string err;
        dtb = irqsim_test::CompileDtsFile(K3DtsPath(), &err);
        ASSERT_FALSE(dtb.empty()) << "dtc failed on " << K3DtsPath() << ": " << err;
        gic.io.with_64bit_ops = false;  // 64-bit VINT accesses reach TiRegs as two halves
        fw.regs = &regs;
    }
    int Probe(bool with_firmware = true)
    {
        gic.Install();
        TiOnFakeIo(gic.io, regs);
        if (with_firmware)
            fw.Install();
        return irqchip_init_from_fdt(dtb.data(), dtb.size());
    }
    void ProbeOk()
    {
        ASSERT_EQ(Probe(), 0) << AllLogs();
        intr_np = of_find_compatible_node(nullptr, nullptr, "ti,sci-intr");
        inta_np = of_find_compatible_node(nullptr, nullptr, "ti,sci-inta");
        ASSERT_NE(intr_np, nullptr);
        ASSERT_NE(inta_np, nullptr);
        intr = irq_find_host(intr_np);
        ASSERT_NE(intr, nullptr);
        inta = irq_find_matching_fwnode(of_node_to_fwnode(inta_np), DOMAIN_BUS_ANY);
        ASSERT_NE(inta, nullptr);
        msi = ti_sci_inta_msi_get_domain(inta_np);
        ASSERT_NE(msi, nullptr);
        ASSERT_NE(inta, msi);
        client.name = "ring-client";
        client.id = FakeTiSci::kDmaId;
        client.msi_domain = msi;
        base_descs = irq_get_nr_allocated();
    }
    // map INTR input line @in (1-cell specifier)
    unsigned MapIntr(unsigned in)
    {
        irq_fwspec fw1{};
        fw1.fwnode = of_node_to_fwnode(intr_np);
        fw1.param_count = 1;
        fw1.param[0] = in;
        return irq_create_fwspec_mapping(&fw1);
    }
    // virq of the INTR input the VINT @v drives (its chained parent), 0 if none
    unsigned VintParent(unsigned v) { return irq_find_mapping(intr, 16 + v); }
    // allocate the client's vector @index
    unsigned AllocVec(unsigned index)
    {
        msi_map m = msi_domain_alloc_irq_at(&client, MSI_DEFAULT_DOMAIN, index, nullptr, nullptr);
        return m.index < 0 ? 0 : (unsigned)m.virq;
    }
    void FreeVec(unsigned index) { msi_domain_free_irqs_range(&client, MSI_DEFAULT_DOMAIN, index, index); }
    static irqreturn_t CountHandler(int, void* ctx)
    {
        ++*static_cast<int*>(ctx);
        return IRQ_HANDLED;
    }
    uint32_t WritesLow(unsigned vint, unsigned off, uint32_t val) const
    {
        uint32_t n = 0;
        for (auto& a : gic.io.accesses)
            n += a.kind == FakeIo::W32 && a.addr == ti::VintReg(vint, off) && a.val == val;
        return n;
    }

    FakeGic gic;
    TiRegs regs;
    FakeTiSci fw;
    std::vector<uint8_t> dtb;
    device_node *intr_np = nullptr, *inta_np = nullptr;
    irq_domain *intr = nullptr, *inta = nullptr, *msi = nullptr;
    device client{};
    unsigned base_descs = 0;
};
