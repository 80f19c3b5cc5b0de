// SPDX-License-Identifier: MIT
// Shared helpers of the TI INTA / INTR / DMA-ring RTL tests (ti_*_test.cpp):
// the address map of rtl/ti/README.md and a fixture with
// secure/non-secure accessors and GIC setup for one SPI.
#pragma once

#include "rtl_test_support.h"
#include "dev_dma_ring_regs.h"
#include "ti_inta_regs.h"
#include "ti_intr_regs.h"

#include <linux/soc/ti/ti_sci_protocol.h>

#include <cstdint>

namespace titest {

using irqsim::kProtNonSecure;
using irqsim::kProtSecure;

// bases: the default map, rtl/soc/irqsim_soc_map.rdl
constexpr uint32_t kIntr = IRQSIM_SOC_MAP_INTR_BASE;      // the INTR's base: PID, MUXCNTL[n]
constexpr uint32_t kIntaVint = IRQSIM_SOC_MAP_INTA_BASE;  // the INTA's base: VINT frames, then IMAP and CFG
constexpr uint32_t kIntaImap = kIntaVint + TI_INTA_IMAP_OFFSET;
constexpr uint32_t kIntaCfg = kIntaVint + TI_INTA_CFG_OFFSET;
constexpr uint32_t kDma = IRQSIM_SOC_MAP_DMA_BASE;  // the DMA-ring device's base: rings, then RING_EVENT
constexpr uint32_t kDmaCfg = kDma + DEV_DMA_RING_RING_EVENT_OFFSET;

// offsets within a VINT frame and the CFG region: rtl/ti/ti_inta.rdl (generated ti_inta_regs.h)
constexpr uint32_t VINT_ENABLE_SET = TI_INTA_VINT_ENABLE_SET_OFFSET,
                   VINT_ENABLE_CLR = TI_INTA_VINT_ENABLE_CLEAR_OFFSET,
                   VINT_STATUS_SET = TI_INTA_VINT_STATUS_SET_OFFSET,
                   VINT_STATUS_CLR = TI_INTA_VINT_STATUS_CLEAR_OFFSET,
                   VINT_STATUSM = TI_INTA_VINT_STATUSM_OFFSET;
constexpr uint32_t CFG_REVISION = TI_INTA_CFG_REVISION_OFFSET, CFG_INTCAP = TI_INTA_CFG_INTCAP_OFFSET,
                   CFG_DOORBELL = TI_INTA_CFG_UNMAPPED_EVENT_DOORBELL_OFFSET,
                   CFG_ERR_COUNT = TI_INTA_CFG_ERR_COUNT_OFFSET,
                   CFG_ERR_LAST = TI_INTA_CFG_ERR_LAST_EVENT_OFFSET;
// rtl/dev/dev_dma_ring.rdl (generated dev_dma_ring_regs.h)
constexpr uint32_t RING_DOORBELL = DEV_DMA_RING_RING_DOORBELL_OFFSET,
                   RING_COMPLETED = DEV_DMA_RING_RING_COMPLETED_OFFSET,
                   RING_PENDING = DEV_DMA_RING_RING_PENDING_OFFSET;

constexpr unsigned kIntrLines = 16, kVints = 16, kIntrOut = 32, kEvents = 256, kRings = 32, kLatency = 40;
constexpr uint16_t kIntrId = 101, kIntaId = 102, kDmaId = 103;

inline uint32_t muxcntl(unsigned n) { return kIntr + TI_INTR_MUXCNTL_OFFSET + TI_INTR_MUXCNTL_STRIDE * n; }
inline uint32_t vint_reg(unsigned v, uint32_t off) { return kIntaVint + TI_INTA_VINT_STRIDE * v + off; }
inline uint32_t imap(unsigned e) { return kIntaImap + TI_INTA_IMAP_STRIDE * e; }
inline uint32_t ring_reg(unsigned r, uint32_t off) { return kDma + DEV_DMA_RING_RING_STRIDE * r + off; }
inline uint32_t ring_event(unsigned r) { return kDmaCfg + DEV_DMA_RING_RING_EVENT_STRIDE * r; }
// register values: a valid IMAP entry, an enabled MUXCNTL, an enabled RING_EVENT
inline uint32_t imap_val(unsigned v, unsigned bit)
{
    return TI_INTA_IMAP_VALID_MASK | (v << TI_INTA_IMAP_VINT_LSB) | (bit << TI_INTA_IMAP_BIT_LSB);
}
inline uint32_t muxcntl_val(unsigned input)
{
    return TI_INTR_MUXCNTL_INT_ENABLE_MASK | (input << TI_INTR_MUXCNTL_SELECT_LSB);
}
inline uint32_t ring_event_val(unsigned ev)
{
    return DEV_DMA_RING_RING_EVENT_ENABLE_MASK | (ev << DEV_DMA_RING_RING_EVENT_EVENT_LSB);
}

class TiTest : public rtltest::SimTest {
protected:
    irqsim::AxiResult ns_wr(uint32_t a, uint32_t v) { return sim->cpu_bus().write32(a, v, kProtNonSecure); }
    irqsim::AxiResult s_wr(uint32_t a, uint32_t v) { return sim->fw_bus().write32(a, v, kProtSecure); }
    uint32_t ns_rd(uint32_t a) { return rd(a); }
    uint64_t rd64(uint32_t a)
    {
        auto r = sim->cpu_bus().read64(a);
        EXPECT_TRUE(r.ok()) << std::hex << "read64 0x" << a;
        return r.data;
    }
    void wr64(uint32_t a, uint64_t v)
    {
        auto r = sim->cpu_bus().write64(a, v);
        EXPECT_TRUE(r.ok()) << std::hex << "write64 0x" << a;
    }
    void intr_line(unsigned k, bool on) { sim->model().pins().intr_line_in.set_bit(k, on); }
    bool vint_out(unsigned v) { return sim->model().pins().mon_vint_out.bit(v); }
    bool intr_out(unsigned n) { return sim->model().pins().mon_intr_out.bit(n); }
    bool spi_pending(unsigned intid) { return sim->model().pins().mon_spi_pending.bit(intid - 32); }
    template <class Pred>
    bool tick_until(Pred&& p, unsigned max_cycles)
    {
        for (unsigned i = 0; i < max_cycles; i++) {
            if (p())
                return true;
            sim->model().tick();
        }
        return p();
    }

    // GIC: CPU interface of pe on, Group 1 on, SPI intid level, prio, routed to pe
    void gic_setup_cpu(unsigned pe)
    {
        ASSERT_TRUE(wake(pe));
        auto& sr = sim->sysregs();
        EXPECT_TRUE(sr.write_enc(pe, rtltest::ICC_SRE, 7).ok());
        EXPECT_TRUE(sr.write_enc(pe, rtltest::ICC_PMR, 0xF0).ok());
        EXPECT_TRUE(sr.write_enc(pe, rtltest::ICC_CTLR, 0).ok());
        EXPECT_TRUE(sr.write_enc(pe, rtltest::ICC_IGRPEN1, 1).ok());
        wr(rtltest::kGicd + rtltest::GICD_CTLR, 2);
        ASSERT_TRUE(gicd_wait_rwp());
    }
    void gic_setup_spi(unsigned intid, unsigned pe, uint8_t prio)
    {
        using namespace rtltest;
        uint32_t bit = 1u << (intid % 32), word = 4 * (intid / 32);
        wr(kGicd + GICD_IGROUPR + word, rd(kGicd + GICD_IGROUPR + word) | bit);
        uint32_t pa = kGicd + GICD_IPRIORITYR + (intid & ~3u);
        uint32_t shift = 8 * (intid % 4);
        wr(pa, (rd(pa) & ~(0xffu << shift)) | (uint32_t(prio) << shift));
        EXPECT_EQ(bus().write64(kGicd + GICD_IROUTER + GIC_DIST_IROUTER_STRIDE * intid, mpidr_of(pe)).resp,
                  irqsim::AXI_OKAY);
        wr(kGicd + GICD_ISENABLER + word, bit);
    }
    uint32_t iar(unsigned pe)
    {
        auto r = sim->sysregs().read_enc(pe, rtltest::ICC_IAR1);
        EXPECT_TRUE(r.ok());
        return static_cast<uint32_t>(r.data & 0xffffff);
    }
};

}  // namespace titest
