// SPDX-License-Identifier: MIT
// Shared helpers of the harness-level RTL tests: the SoC address map, GIC offsets
// and a fixture that builds a Sim for a CPU count and resets the driver core.
#pragma once

#include <gtest/gtest.h>

#include "sim.h"

#include <linux/io.h>
#include <linux/irqdesc.h>

#include <cstdint>
#include <memory>
#include <string>

namespace rtltest {

constexpr uint32_t kGicd = 0x08000000;
constexpr uint32_t kGicrBase = 0x080A0000;
constexpr uint32_t kGicrStride = 0x20000;
constexpr uint32_t kSgiBase = 0x10000;

constexpr uint32_t GICD_CTLR = 0x0000, GICD_TYPER = 0x0004, GICD_IGROUPR = 0x0080, GICD_ISENABLER = 0x0100,
                   GICD_ICENABLER = 0x0180, GICD_IPRIORITYR = 0x0400, GICD_ICFGR = 0x0C00,
                   GICD_IROUTER = 0x6000, GICD_PIDR2 = 0xFFE8;
constexpr uint32_t GICR_CTLR = 0x0000, GICR_TYPER = 0x0008, GICR_WAKER = 0x0014;

inline uint32_t gicr(unsigned pe) { return kGicrBase + pe * kGicrStride; }

// ICC_* encodings (io.h sys_reg())
constexpr uint32_t ICC_PMR = sys_reg(3, 0, 4, 6, 0);
constexpr uint32_t ICC_IAR1 = sys_reg(3, 0, 12, 12, 0);
constexpr uint32_t ICC_EOIR1 = sys_reg(3, 0, 12, 12, 1);
constexpr uint32_t ICC_CTLR = sys_reg(3, 0, 12, 12, 4);
constexpr uint32_t ICC_SRE = sys_reg(3, 0, 12, 12, 5);
constexpr uint32_t ICC_IGRPEN1 = sys_reg(3, 0, 12, 12, 7);
constexpr uint32_t ICC_RPR = sys_reg(3, 0, 12, 11, 3);

inline uint64_t mpidr_of(unsigned pe) { return ((pe / 16) << 8) | (pe % 16); }

// A Sim per test, parameterised by CPU count; prints the banner.
class SimTest : public ::testing::TestWithParam<unsigned> {
protected:
    void SetUp() override
    {
        ASSERT_EQ(irqsim_core_reset(), 0);
        irqsim::SimConfig cfg;
        cfg.cpus = GetParam();
        cfg.quiet_bus_errors = true;
        const char* trace = std::getenv("IRQSIM_TEST_TRACE");
        if (trace && *trace) {
            const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
            std::string name = std::string(info->test_suite_name()) + "." + info->name();
            for (auto& c : name)
                if (c == '/' || c == '.')
                    c = '_';
            cfg.trace_path = name + ".fst";
        }
        sim = std::make_unique<irqsim::Sim>(cfg);
        std::printf("%s\n", sim->banner().c_str());
        sim->boot();
    }
    void TearDown() override
    {
        if (sim) {
            EXPECT_FALSE(sim->failed()) << sim->error();
            if (HasFailure())
                std::printf("last bus accesses:\n%s", sim->bus_log().tail(20).c_str());
        }
        sim.reset();
        irqsim_core_reset();
    }

    unsigned cpus() const { return GetParam(); }
    unsigned pes() const { return sim->model().params().num_pes(); }
    irqsim::AxiLiteMaster& bus() { return sim->cpu_bus(); }
    uint32_t rd(uint32_t a)
    {
        auto r = bus().read32(a);
        EXPECT_TRUE(r.ok()) << std::hex << "read 0x" << a << " " << irqsim::axi_resp_name(r.resp);
        return static_cast<uint32_t>(r.data);
    }
    void wr(uint32_t a, uint32_t v)
    {
        auto r = bus().write32(a, v);
        EXPECT_TRUE(r.ok()) << std::hex << "write 0x" << a << " " << irqsim::axi_resp_name(r.resp);
    }
    // GICR_WAKER.ProcessorSleep = 0, then wait for ChildrenAsleep = 0
    bool wake(unsigned pe, unsigned max_polls = 100)
    {
        wr(gicr(pe) + GICR_WAKER, 0);
        for (unsigned i = 0; i < max_polls; i++)
            if (!(rd(gicr(pe) + GICR_WAKER) & 4))
                return true;
        return false;
    }
    bool gicd_wait_rwp(unsigned max_polls = 1000)
    {
        for (unsigned i = 0; i < max_polls; i++)
            if (!(rd(kGicd + GICD_CTLR) & (1u << 31)))
                return true;
        return false;
    }

    std::unique_ptr<irqsim::Sim> sim;
};

// "1cpu", "4cpus", "16cpus": the same test-name suffix the e2e suites use
inline std::string cpus_name(const ::testing::TestParamInfo<unsigned>& i)
{
    return std::to_string(i.param) + (i.param == 1 ? "cpu" : "cpus");
}

}  // namespace rtltest
