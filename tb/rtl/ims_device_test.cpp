// SPDX-License-Identifier: MIT
// dev_ims in the SoC without the driver (label rtl): ID and reset state, an
// unmasked slot's message reaching GICD_SETSPI_NSR over fabric master 2, a
// masked slot latching PENDING (fires merged) and sending once on unmask, an
// unmapped message address answered DECERR and counted, out-of-range triggers
// ignored.
#include "rtl_test_support.h"
#include "dev_ims_regs.h"

namespace rtltest {
namespace {

constexpr uint32_t kIms = IRQSIM_SOC_MAP_IMS_BASE;
// offsets: rtl/dev/dev_ims.rdl (generated dev_ims_regs.h)
constexpr uint32_t ID = DEV_IMS_ID_OFFSET, TRIGGER = DEV_IMS_TRIGGER_OFFSET, ERRORS = DEV_IMS_ERRORS_OFFSET,
                   LAST_ERROR = DEV_IMS_LAST_ERROR_OFFSET, SENT = DEV_IMS_SENT_OFFSET,
                   STATUS = DEV_IMS_STATUS_OFFSET;
constexpr uint32_t kSetSpi = kGicd + GICD_SETSPI_NSR;

uint32_t slot_reg(unsigned s, unsigned off)
{
    return kIms + DEV_IMS_SLOT_OFFSET + DEV_IMS_SLOT_STRIDE * s + off;
}

class ImsDevice : public SimTest {
protected:
    // INTID as an edge SPI (SETSPI makes it pending)
    void make_edge(unsigned intid)
    {
        uint32_t a = kGicd + GICD_ICFGR + GIC_DIST_ICFGR_STRIDE * (intid / 16);
        wr(a, rd(a) | (2u << (2 * (intid % 16))));
    }
    bool spi_pending(unsigned intid)
    {
        return (rd(kGicd + GICD_ISPENDR + GIC_DIST_ISPENDR_SPI_STRIDE * (intid / 32)) >> (intid % 32)) & 1;
    }
    void clear_pending(unsigned intid)
    {
        wr(kGicd + GICD_ICPENDR + GIC_DIST_ICPENDR_SPI_STRIDE * (intid / 32), 1u << (intid % 32));
    }
    void program(unsigned s, uint32_t addr, uint32_t data)
    {
        wr(slot_reg(s, 0x0), addr);
        wr(slot_reg(s, 0x4), 0);
        wr(slot_reg(s, 0x8), data);
    }
};

TEST_P(ImsDevice, IdAndResetState)
{
    EXPECT_EQ(rd(kIms + ID), 0x494D0020u);
    for (unsigned s = 0; s < 32; s++)
        EXPECT_EQ(rd(slot_reg(s, 0xC)), 1u) << "slot " << s << ": MASK=1, PENDING=0 at reset";
    EXPECT_EQ(rd(kIms + ERRORS), 0u);
    EXPECT_EQ(rd(kIms + SENT), 0u);
    EXPECT_EQ(rd(kIms + STATUS), 0u);
    EXPECT_EQ(rd(kIms + LAST_ERROR), 0u);
    EXPECT_EQ(rd(kIms + DEV_IMS_SIZE - sizeof(uint32_t)), 0u) << "beyond the slots: RAZ";
}

TEST_P(ImsDevice, UnmaskedSlotWritesItsMessage)
{
    make_edge(100);
    program(3, kSetSpi, 100);
    wr(slot_reg(3, 0xC), 0);
    EXPECT_FALSE(spi_pending(100));
    wr(kIms + TRIGGER, 3);
    sim->run(40);
    EXPECT_EQ(rd(kIms + SENT), 1u);
    EXPECT_TRUE(spi_pending(100)) << "SETSPI_NSR written by the device";
    EXPECT_EQ(rd(kIms + ERRORS), 0u);
    EXPECT_EQ(rd(slot_reg(3, 0xC)), 0u);
    clear_pending(100);
    wr(kIms + TRIGGER, 3);
    sim->run(40);
    EXPECT_EQ(rd(kIms + SENT), 2u);
    EXPECT_TRUE(spi_pending(100));
}

TEST_P(ImsDevice, MaskedFiresLatchPendingAndSendOnceOnUnmask)
{
    make_edge(101);
    program(4, kSetSpi, 101);
    for (int k = 0; k < 3; k++)
        wr(kIms + TRIGGER, 4);
    sim->run(40);
    EXPECT_EQ(rd(slot_reg(4, 0xC)), 3u) << "MASK | PENDING";
    EXPECT_EQ(rd(kIms + SENT), 0u);
    EXPECT_FALSE(spi_pending(101));
    wr(slot_reg(4, 0xC), 0);  // unmask: the pending message leaves, once
    sim->run(40);
    EXPECT_EQ(rd(slot_reg(4, 0xC)), 0u);
    EXPECT_EQ(rd(kIms + SENT), 1u);
    EXPECT_TRUE(spi_pending(101));
    sim->run(200);
    EXPECT_EQ(rd(kIms + SENT), 1u) << "three fires while masked: one message";
}

TEST_P(ImsDevice, ClearDiscardsAPendingMessage)
{
    make_edge(103);
    program(5, kSetSpi, 103);
    wr(kIms + TRIGGER, 5);
    sim->run(20);
    EXPECT_EQ(rd(slot_reg(5, 0xC)), 3u);
    wr(slot_reg(5, 0xC), 3);  // MASK | CLEAR
    EXPECT_EQ(rd(slot_reg(5, 0xC)), 1u) << "PENDING discarded, still masked";
    wr(slot_reg(5, 0xC), 0);
    sim->run(100);
    EXPECT_EQ(rd(kIms + SENT), 0u) << "nothing left to send on unmask";
    EXPECT_FALSE(spi_pending(103));
    wr(kIms + TRIGGER, 5);  // a new fire is sent as usual
    sim->run(40);
    EXPECT_EQ(rd(kIms + SENT), 1u);
    EXPECT_TRUE(spi_pending(103));
}

TEST_P(ImsDevice, UnmappedAddressIsDecerrCountedAndTheDeviceGoesOn)
{
    program(7, 0x0A700000, 1);
    wr(slot_reg(7, 0xC), 0);
    wr(kIms + TRIGGER, 7);
    sim->run(40);
    EXPECT_EQ(rd(kIms + ERRORS), 1u);
    EXPECT_EQ(rd(kIms + LAST_ERROR), 0x80000000u | (7u << 8) | 3u);
    EXPECT_EQ(rd(kIms + STATUS), 0u);
    EXPECT_EQ(rd(kIms + SENT), 0u);
    // a good slot afterwards
    make_edge(102);
    program(8, kSetSpi, 102);
    wr(slot_reg(8, 0xC), 0);
    wr(kIms + TRIGGER, 8);
    sim->run(40);
    EXPECT_EQ(rd(kIms + SENT), 1u);
    EXPECT_TRUE(spi_pending(102));
    wr(kIms + ERRORS, 0);
    EXPECT_EQ(rd(kIms + ERRORS), 0u);
}

TEST_P(ImsDevice, TriggerBeyondTheSlotsIsIgnored)
{
    wr(kIms + TRIGGER, 32);
    wr(kIms + TRIGGER, 0xffff);
    sim->run(40);
    EXPECT_EQ(rd(kIms + SENT), 0u);
    EXPECT_EQ(rd(kIms + ERRORS), 0u);
    EXPECT_EQ(rd(kIms + STATUS), 0u);
}

INSTANTIATE_TEST_SUITE_P(Cpus, ImsDevice, ::testing::Values(4u), cpus_name);

}  // namespace
}  // namespace rtltest
