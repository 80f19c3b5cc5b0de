// SPDX-License-Identifier: MIT
// Shared helpers of the harness-level RTL tests: the SoC address map, GIC offsets
// (Linux's names, values from the register descriptions rtl/gic/*.rdl: the generated
// gic_dist_regs.h, gic_redist_regs.h) and a fixture that builds a Sim for a CPU count and
// resets the driver core.
#pragma once

#include <gtest/gtest.h>

#include "gic_dist_regs.h"
#include "gic_redist_regs.h"
#include "irqsim_soc_map_regs.h"
#include "sim.h"

#include <linux/io.h>
#include <linux/irqdesc.h>

#include <cstdint>
#include <memory>
#include <string>

namespace rtltest {

constexpr uint32_t kGicd = IRQSIM_SOC_MAP_GICD_BASE;  // the default SoC's map: rtl/soc/irqsim_soc_map.rdl
constexpr uint32_t kGicrBase = IRQSIM_SOC_MAP_GICR_BASE;
constexpr uint32_t kGicrStride = GIC_REDIST_SIZE;     // one PE's RD_base + SGI_base
constexpr uint32_t kSgiBase = GIC_REDIST_SGI_OFFSET;  // SGI_base within them

// GICD_<NAME>: the first word of a per-INTID family (INTIDs 0-31), as in Linux
constexpr uint32_t GICD_CTLR = GIC_DIST_CTLR_OFFSET, GICD_TYPER = GIC_DIST_TYPER_OFFSET,
                   GICD_SETSPI_NSR = GIC_DIST_SETSPI_NSR_OFFSET, GICD_IGROUPR = GIC_DIST_IGROUPR_OFFSET,
                   GICD_ISENABLER = GIC_DIST_ISENABLER_OFFSET, GICD_ICENABLER = GIC_DIST_ICENABLER_OFFSET,
                   GICD_ISPENDR = GIC_DIST_ISPENDR_OFFSET, GICD_ICPENDR = GIC_DIST_ICPENDR_OFFSET,
                   GICD_IPRIORITYR = GIC_DIST_IPRIORITYR_OFFSET, GICD_ICFGR = GIC_DIST_ICFGR_OFFSET,
                   GICD_IROUTER = GIC_DIST_IROUTER_OFFSET, GICD_PIDR2 = GIC_DIST_PIDR2_OFFSET;
constexpr uint32_t GICD_CTLR_RWP = GIC_DIST_CTLR_RWP_MASK;
// RD_base
constexpr uint32_t GICR_CTLR = GIC_REDIST_CTLR_OFFSET, GICR_TYPER = GIC_REDIST_TYPER_OFFSET,
                   GICR_WAKER = GIC_REDIST_WAKER_OFFSET, GICR_SETLPIR = GIC_REDIST_SETLPIR_OFFSET,
                   GICR_CLRLPIR = GIC_REDIST_CLRLPIR_OFFSET, GICR_PROPBASER = GIC_REDIST_PROPBASER_OFFSET,
                   GICR_PENDBASER = GIC_REDIST_PENDBASER_OFFSET, GICR_INVLPIR = GIC_REDIST_INVLPIR_OFFSET,
                   GICR_INVALLR = GIC_REDIST_INVALLR_OFFSET, GICR_SYNCR = GIC_REDIST_SYNCR_OFFSET;
constexpr uint32_t GICR_WAKER_ChildrenAsleep = GIC_REDIST_WAKER_CHILDRENASLEEP_MASK;

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
            if (!(rd(gicr(pe) + GICR_WAKER) & GICR_WAKER_ChildrenAsleep))
                return true;
        return false;
    }
    bool gicd_wait_rwp(unsigned max_polls = 1000)
    {
        for (unsigned i = 0; i < max_polls; i++)
            if (!(rd(kGicd + GICD_CTLR) & GICD_CTLR_RWP))
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
