// SPDX-License-Identifier: MIT
// IrqsimFabric's TLM mapping: generic payloads -> AXI4-Lite / sysreg port, response
// status, byte enables, delay annotation and the skipped clock edges.
//
// SystemC elaborates once per process, so sc_main builds one platform (sc_clock +
// fabric + a bare initiator socket) and the tests share it.  The fabric's
// b_transport never wait()s, so the tests call it from outside any process and
// advance SystemC time with sc_start().
#include "gic_dist_regs.h"
#include "irqsim_soc_map_regs.h"
#include "irqsim_fabric.h"

#include <tlm_utils/simple_initiator_socket.h>

#include <gtest/gtest.h>

#include <cstring>
#include <vector>

using namespace sc_core;

namespace {

constexpr uint64_t kGicd = IRQSIM_SOC_MAP_GICD_BASE;  // rtl/soc/irqsim_soc_map.rdl
// offsets within the GICD frame: rtl/gic/gic_dist.rdl (the generated gic_dist_regs.h)
constexpr uint64_t kPidr2 = GIC_DIST_PIDR2_OFFSET;
constexpr uint64_t kIpriorityr = GIC_DIST_IPRIORITYR_OFFSET;
constexpr uint64_t kIrouter = GIC_DIST_IROUTER_OFFSET;

struct Initiator : sc_module {
    tlm_utils::simple_initiator_socket<Initiator> sock;
    explicit Initiator(sc_module_name n) : sc_module(n), sock("sock") {}
};

irqsim::IrqsimFabric* g_fabric;
Initiator* g_init;

struct Access {
    tlm::tlm_response_status status;
    sc_time delay;
};

Access transact(tlm::tlm_command cmd, uint64_t addr, void* data, unsigned len,
                const unsigned char* be = nullptr, unsigned be_len = 0, unsigned streaming = 0)
{
    tlm::tlm_generic_payload gp;
    gp.set_command(cmd);
    gp.set_address(addr);
    gp.set_data_ptr(static_cast<unsigned char*>(data));
    gp.set_data_length(len);
    gp.set_streaming_width(streaming ? streaming : len);
    gp.set_byte_enable_ptr(const_cast<unsigned char*>(be));
    gp.set_byte_enable_length(be_len);
    gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    sc_time delay = SC_ZERO_TIME;
    g_init->sock->b_transport(gp, delay);
    // let SystemC time catch up with the model, as an initiator would by wait()ing
    if (delay > SC_ZERO_TIME)
        sc_start(delay);
    return {gp.get_response_status(), delay};
}

uint32_t read32(uint64_t addr, tlm::tlm_response_status* st = nullptr)
{
    uint32_t v = 0;
    Access a = transact(tlm::TLM_READ_COMMAND, addr, &v, 4);
    if (st)
        *st = a.status;
    return v;
}

tlm::tlm_response_status write32(uint64_t addr, uint32_t v)
{
    return transact(tlm::TLM_WRITE_COMMAND, addr, &v, 4).status;
}

TEST(IrqsimFabric, Pidr2ReadsArchRev3)
{
    uint32_t v = 0;
    Access a = transact(tlm::TLM_READ_COMMAND, kGicd + kPidr2, &v, 4);
    EXPECT_EQ(a.status, tlm::TLM_OK_RESPONSE);
    EXPECT_EQ((v >> 4) & 0xf, 3u) << std::hex << "PIDR2 = 0x" << v;
    EXPECT_GT(a.delay, SC_ZERO_TIME);
}

TEST(IrqsimFabric, UnmappedAddressIsAddressError)
{
    tlm::tlm_response_status st;
    read32(0x20000000, &st);
    EXPECT_EQ(st, tlm::TLM_ADDRESS_ERROR_RESPONSE);
    EXPECT_EQ(write32(0x20000000, 1), tlm::TLM_ADDRESS_ERROR_RESPONSE);
    // beyond the 32-bit bus
    uint32_t v;
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, 0x100000000ull, &v, 4).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(IrqsimFabric, ByteEnableWriteChangesOnePriorityByte)
{
    const uint64_t reg = kGicd + kIpriorityr + GIC_DIST_IPRIORITYR_STRIDE * 8;  // INTIDs 32..35
    ASSERT_EQ(write32(reg, 0x10203040), tlm::TLM_OK_RESPONSE);
    ASSERT_EQ(read32(reg), 0x10203040u);
    uint32_t v = 0x0000A000;
    const unsigned char be[4] = {TLM_BYTE_DISABLED, TLM_BYTE_ENABLED, TLM_BYTE_DISABLED, TLM_BYTE_DISABLED};
    Access a = transact(tlm::TLM_WRITE_COMMAND, reg, &v, 4, be, 4);
    EXPECT_EQ(a.status, tlm::TLM_OK_RESPONSE);
    EXPECT_GT(a.delay, SC_ZERO_TIME);
    EXPECT_EQ(read32(reg), 0x1020A040u);
    // a one-byte access at byte 3 does the same through its address
    uint8_t b = 0x80;
    EXPECT_EQ(transact(tlm::TLM_WRITE_COMMAND, reg + 3, &b, 1).status, tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(read32(reg), 0x8020A040u);
    b = 0;
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, reg + 1, &b, 1).status, tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(b, 0xA0);
}

TEST(IrqsimFabric, SixtyFourBitAccessIsTwoWordsLowFirst)
{
    const uint64_t reg = kGicd + kIrouter + GIC_DIST_IROUTER_STRIDE * 33;  // IROUTER for INTID 33
    uint64_t v = 0x0000000000000102ull;                                    // Aff1 = 1, Aff0 = 2
    Access w = transact(tlm::TLM_WRITE_COMMAND, reg, &v, 8);
    EXPECT_EQ(w.status, tlm::TLM_OK_RESPONSE);
    uint64_t r = 0;
    Access a = transact(tlm::TLM_READ_COMMAND, reg, &r, 8);
    EXPECT_EQ(a.status, tlm::TLM_OK_RESPONSE);
    EXPECT_EQ(r, v);
    EXPECT_EQ(read32(reg), 0x102u);
}

TEST(IrqsimFabric, UnsupportedShapesAreBurstErrors)
{
    uint8_t buf[16] = {};
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, kGicd + kPidr2, buf, 3).status, tlm::TLM_BURST_ERROR_RESPONSE);
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, kGicd + kPidr2, buf, 16).status, tlm::TLM_BURST_ERROR_RESPONSE);
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, kGicd + kPidr2 + 2, buf, 4).status,
              tlm::TLM_BURST_ERROR_RESPONSE);
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, kGicd + kPidr2, buf, 8, nullptr, 0, 4).status,
              tlm::TLM_BURST_ERROR_RESPONSE);
}

TEST(IrqsimFabric, SysregWindowReachesEachCpuInterface)
{
    uint64_t pmr[2];
    // ICC_PMR_EL1 = sys_reg(3, 0, 4, 6, 0)
    const uint16_t key = (0 << 11) | (4 << 7) | (6 << 3) | 0;
    for (unsigned pe = 0; pe < 2; pe++) {
        uint64_t v = 0xF0 - 0x10 * pe;
        EXPECT_EQ(
            transact(tlm::TLM_WRITE_COMMAND, irqsim::IrqsimFabric::sysreg_address(pe, key), &v, 8).status,
            tlm::TLM_OK_RESPONSE);
    }
    for (unsigned pe = 0; pe < 2; pe++) {
        pmr[pe] = 0;
        Access a =
            transact(tlm::TLM_READ_COMMAND, irqsim::IrqsimFabric::sysreg_address(pe, key), &pmr[pe], 8);
        EXPECT_EQ(a.status, tlm::TLM_OK_RESPONSE);
        EXPECT_GT(a.delay, SC_ZERO_TIME);
    }
    EXPECT_EQ(pmr[0], 0xF0u);
    EXPECT_EQ(pmr[1], 0xE0u);
    uint64_t addr = 0;
    ASSERT_TRUE(irqsim::IrqsimFabric::sysreg_address_enc(1, (3u << 19) | (4u << 12) | (6u << 8), &addr));
    EXPECT_EQ(addr, irqsim::IrqsimFabric::sysreg_address(1, key));
    // a PE that does not exist
    uint64_t v = 0;
    EXPECT_EQ(transact(tlm::TLM_READ_COMMAND, irqsim::IrqsimFabric::sysreg_address(40, key), &v, 8).status,
              tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(IrqsimFabric, ModelNeverRunsAheadBeyondTheTransaction)
{
    // SystemC time and the model agree before; a transaction puts the model ahead
    // by its cycles, and that many edges are then skipped
    sc_start(sc_time(5, SC_NS));
    ASSERT_EQ(g_fabric->ahead(), 0u);
    uint64_t c0 = g_fabric->cycle(), skipped0 = g_fabric->skipped_edges();
    uint32_t v = 0;
    tlm::tlm_generic_payload gp;
    gp.set_command(tlm::TLM_READ_COMMAND);
    gp.set_address(kGicd + kPidr2);
    gp.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
    gp.set_data_length(4);
    gp.set_streaming_width(4);
    sc_time delay = SC_ZERO_TIME;
    g_init->sock->b_transport(gp, delay);
    uint64_t n = g_fabric->cycle() - c0;
    ASSERT_GT(n, 0u);
    EXPECT_EQ(g_fabric->ahead(), n);
    EXPECT_EQ(delay, g_fabric->period() * static_cast<double>(n));
    sc_start(delay);
    EXPECT_EQ(g_fabric->ahead(), 0u);
    EXPECT_EQ(g_fabric->skipped_edges() - skipped0, n);
    EXPECT_EQ(g_fabric->cycle(), c0 + n);
    // then one tick per edge again
    sc_start(sc_time(10, SC_NS));
    EXPECT_EQ(g_fabric->cycle(), c0 + n + 10);
    // an incoming delay of 7 cycles: the model catches up first
    c0 = g_fabric->cycle();
    delay = g_fabric->period() * 7.0;
    gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
    g_init->sock->b_transport(gp, delay);
    EXPECT_EQ(gp.get_response_status(), tlm::TLM_OK_RESPONSE);
    n = g_fabric->cycle() - c0;
    EXPECT_EQ(g_fabric->ahead(), n);
    EXPECT_EQ(delay, g_fabric->period() * static_cast<double>(n));
    sc_start(delay);
    EXPECT_EQ(g_fabric->ahead(), 0u);
}

TEST(IrqsimFabric, LinePortsDriveTheLines)
{
    // line 0 is bound to a signal in sc_main; line 1 is driven by method
    EXPECT_FALSE(g_fabric->line(0));
    g_fabric->set_line(1, true);
    EXPECT_TRUE(g_fabric->line(1));
    g_fabric->set_line(1, false);
}

}  // namespace

int sc_main(int argc, char* argv[])
{
    ::testing::InitGoogleTest(&argc, argv);
    irqsim::IrqsimFabric fabric("fabric");
    Initiator init("init");
    sc_clock clk("clk", sc_time(1, SC_NS));
    sc_vector<sc_signal<bool>> irq("irq", fabric.num_pes()), fiq("fiq", fabric.num_pes());
    sc_signal<bool> line0("line0");
    fabric.clk(clk);
    fabric.irq.bind(irq);
    fabric.fiq.bind(fiq);
    fabric.line_in[0](line0);
    init.sock.bind(fabric.mmio);
    g_fabric = &fabric;
    g_init = &init;
    sc_start(sc_time(2, SC_NS));
    return RUN_ALL_TESTS();
}
