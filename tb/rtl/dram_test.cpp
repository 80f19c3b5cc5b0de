// SPDX-License-Identifier: MIT
// The DRAM model: allocator (alignment, zeroing, free, double-free detection) and
// the AXI4-Lite read slave, driven here on its own pins (the SoC has no DRAM
// reader yet), plus a check that the Sim's DRAM slave idles correctly.
#include "rtl_test_support.h"

#include "dram.h"

#include <cstring>

using irqsim::Dram;
using irqsim::DramBus;

TEST(DramAlloc, AlignedZeroedAndContiguous)
{
    Dram d(static_cast<irqsim::SocModel*>(nullptr));
    uint64_t a = 0, b = 0, c = 0;
    void* pa = d.alloc(100, &a);
    void* pb = d.alloc(64 * 1024, &b);
    void* pc = d.alloc(8192, &c, 1 << 20);
    ASSERT_TRUE(pa && pb && pc);
    EXPECT_EQ(a % 4096, 0u);
    EXPECT_EQ(b % (64 * 1024), 0u) << "power-of-two sizes are naturally aligned";
    EXPECT_EQ(c % (1 << 20), 0u);
    EXPECT_TRUE(d.contains(a) && d.contains(b, 64 * 1024));
    EXPECT_EQ(d.host(b), pb);
    EXPECT_EQ(d.bus(pb), b);
    EXPECT_EQ(d.bus(static_cast<char*>(pb) + 10), b + 10);
    // zeroed, writable through the host pointer, visible on the bus side
    auto* pw = static_cast<uint32_t*>(pb);
    for (int i = 0; i < 16384; i++)
        ASSERT_EQ(pw[i], 0u);
    pw[3] = 0xdeadbeef;
    EXPECT_EQ(d.read32(b + 12), 0xdeadbeefu);
    d.write64(b + 16, 0x1122334455667788ull);
    EXPECT_EQ(pw[4], 0x55667788u);
    EXPECT_EQ(d.allocations(), 3u);

    EXPECT_TRUE(d.free(b, 64 * 1024));
    EXPECT_EQ(d.errors(), 0u);
    EXPECT_FALSE(d.free(b, 64 * 1024)) << "double free";
    EXPECT_FALSE(d.free(a, 99)) << "size mismatch";
    EXPECT_FALSE(d.free(0x1000, 4)) << "outside DRAM";
    EXPECT_EQ(d.errors(), 3u);
    EXPECT_TRUE(d.free(a, 100));
    EXPECT_TRUE(d.free(c, 8192));
    EXPECT_EQ(d.allocations(), 0u);
    EXPECT_EQ(d.allocated_bytes(), 0u);
    // everything coalesced: a full-size allocation fits again
    uint64_t all = 0;
    EXPECT_NE(d.alloc(Dram::kDefaultSize, &all), nullptr);
    EXPECT_EQ(all, Dram::kDefaultBase);
    // and the reused memory is zeroed again
    EXPECT_EQ(d.read32(b + 12), 0u);
    EXPECT_EQ(d.alloc(4096, &all), nullptr) << "out of memory";
}

// A scripted AXI4-Lite read master on the slave's own pins.
struct FakeMaster {
    uint8_t arvalid = 0, arready = 0, rvalid = 0, rready = 0, rresp = 0;
    uint32_t araddr = 0, rdata = 0;
    DramBus bus() { return DramBus{&arvalid, &arready, &araddr, &rvalid, &rready, &rdata, &rresp}; }
};

TEST(DramSlave, ServesReadsWithLatencyAndDecerr)
{
    FakeMaster fm;
    const unsigned latency = 5;
    Dram d(fm.bus(), Dram::kDefaultBase, 1 << 20, latency);
    uint64_t buf = 0;
    auto* p = static_cast<uint32_t*>(d.alloc(4096, &buf));
    for (int i = 0; i < 16; i++)
        p[i] = 0xA5000000u + i;

    uint64_t cycle = 0;
    auto edge = [&] {
        d.pre_edge();
        bool ar = fm.arvalid && fm.arready;
        bool r = fm.rvalid && fm.rready;
        d.post_edge(++cycle);
        return std::make_pair(ar, r);
    };
    struct Got {
        uint32_t data;
        uint8_t resp;
        uint64_t cycle;
    };
    std::vector<Got> got;
    std::vector<uint32_t> addrs = {uint32_t(buf), uint32_t(buf + 4), uint32_t(buf + 60),
                                   uint32_t(Dram::kDefaultBase + (2 << 20)) /* outside */};
    size_t next = 0;
    uint64_t issued_at = 0;
    fm.rready = 1;
    for (int i = 0; i < 200 && got.size() < addrs.size(); i++) {
        if (!fm.arvalid && next < addrs.size()) {
            fm.arvalid = 1;
            fm.araddr = addrs[next++];
            if (next == 1)
                issued_at = cycle;
        }
        uint32_t rdata = fm.rdata;
        uint8_t rresp = fm.rresp;
        bool rvalid = fm.rvalid;
        auto [ar, r] = edge();
        if (ar)
            fm.arvalid = 0;
        if (r && rvalid)
            got.push_back({rdata, rresp, cycle});
    }
    ASSERT_EQ(got.size(), 4u);
    EXPECT_EQ(got[0].data, 0xA5000000u);
    EXPECT_EQ(got[1].data, 0xA5000001u);
    EXPECT_EQ(got[2].data, 0xA500000Fu);
    EXPECT_EQ(got[0].resp, 0);
    EXPECT_EQ(got[3].resp, 3) << "outside the window: DECERR";
    EXPECT_EQ(got[3].data, 0u);
    EXPECT_GE(got[0].cycle - issued_at, latency) << "latency respected";
    EXPECT_EQ(d.bus_reads(), 4u);
    EXPECT_EQ(d.bus_errors(), 1u);
}

TEST(DramSlave, BackPressureWhenQueueFull)
{
    FakeMaster fm;
    Dram d(fm.bus(), Dram::kDefaultBase, 1 << 20, 50);
    fm.rready = 0;  // master never takes data
    unsigned accepted = 0;
    for (int c = 1; c < 40; c++) {
        fm.arvalid = 1;
        fm.araddr = uint32_t(Dram::kDefaultBase);
        d.pre_edge();
        accepted += fm.arvalid && fm.arready;
        d.post_edge(c);
    }
    EXPECT_EQ(accepted, Dram::kQueue);
    EXPECT_FALSE(fm.arready);
}

TEST(DramSlave, IdleInTheSoc)
{
    irqsim::SimConfig cfg;
    cfg.cpus = 1;
    irqsim::Sim sim(cfg);
    sim.boot();
    sim.run(200);
    EXPECT_EQ(sim.dram().bus_reads(), 0u) << "nothing in the SoC reads DRAM yet";
    EXPECT_FALSE(sim.failed());
}
