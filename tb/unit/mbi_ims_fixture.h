// SPDX-License-Identifier: MIT
// MbiTest: the default SoC tree probed on FakeGic with GICD_TYPER.MBIS set (so
// the GIC's mbi-ranges <96 32> give the "GICv3-MBI" MSI parent), the TI blocks
// on their fakes, and an IMS device register file at 0x0A60_0000 (plain FakeIo
// storage: ID preset, everything else reads back what was written).
// Header-only: the build globs *_test.cpp only.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <linux/interrupt.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3-mbi.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim-ims.h>
#include <linux/msi.h>
#include <linux/of.h>

#include "dtb_util.h"
#include "fake_gic.h"
#include "fake_ti.h"
#include "test_support.h"

class MbiTest : public CoreTest {
protected:
    static constexpr uint64_t kIms = IRQSIM_SOC_MAP_IMS_BASE;
    static constexpr uint32_t kSetSpi = IRQSIM_SOC_MAP_GICD_BASE + GIC_DIST_SETSPI_NSR_OFFSET;

    void SetUp() override
    {
        CoreTest::SetUp();
        std::string err;
        dtb = irqsim_test::DefaultDtb(&err);
        ASSERT_FALSE(dtb.empty()) << "dtc failed: " << err;
    }
    int Probe(bool mbis = true)
    {
        gic.Install();
        if (mbis)
            gic.io.SetReg(FakeGic::kGicd + GICD_TYPER,
                          gic.io.Reg(FakeGic::kGicd + GICD_TYPER) | GICD_TYPER_MBIS);
        gic.io.SetReg(kIms + IMS_ID, (IMS_ID_MAGIC << 16) | 32u);
        TiOnFakeIo(gic.io, ti_regs);
        ti_fw.regs = &ti_regs;
        ti_fw.Install();
        return irqchip_init_from_fdt(dtb.data(), dtb.size());
    }
    void ProbeOk()
    {
        ASSERT_EQ(Probe(), 0) << AllLogs();
        mbi = gic_v3_mbi_domain();
        ASSERT_NE(mbi, nullptr) << AllLogs();
    }
    static uint64_t SlotReg(unsigned slot, unsigned off)
    {
        return kIms + IMS_SLOT_BASE + IMS_SLOT_STRIDE * slot + off;
    }
    // true if the GIC's ICFGR has INTID's edge bit set
    bool IsEdge(unsigned intid) const
    {
        uint32_t v = gic.io.Reg(FakeGic::kGicd + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * (intid / 16));
        return (v >> (2 * (intid % 16) + 1)) & 1;
    }
    static irqreturn_t CountHandler(int, void* ctx)
    {
        ++*static_cast<int*>(ctx);
        return IRQ_HANDLED;
    }

    FakeGic gic;
    TiRegs ti_regs;
    FakeTiSci ti_fw;
    std::vector<uint8_t> dtb;
    irq_domain* mbi = nullptr;
};
