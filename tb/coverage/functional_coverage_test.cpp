// SPDX-License-Identifier: MIT
#include "functional_coverage.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <unistd.h>

using namespace irqsim;

TEST(FunctionalCoverage, ModelDeclaresEveryPathTriggerCpuAndEoiMode)
{
    FunctionalCoverage& fc = FunctionalCoverage::instance();
    fc.clear();
    fabric_coverage_model(fc, 4);
    CoverageCounts c = fc.counts();
    // 11 path/trigger pairs (spi level+edge, nine single-trigger paths) x 2 EOI modes,
    // x 4 CPUs but for the two INTA paths (CPU 0 only: the INTA refuses set_affinity)
    EXPECT_EQ(c["delivery"].size(), (9u * 4 + 2u * 1) * 2);
    EXPECT_EQ(c["delivery"].count("spi/edge/cpu3/eoimode1"), 1u);
    EXPECT_EQ(c["delivery"].count("ims-inta/edge/cpu0/eoimode1"), 1u);
    EXPECT_EQ(c["delivery"].count("dma-ring/edge/cpu1/eoimode0"), 0u);
    EXPECT_EQ(c["ipi-mask"].size(), 4u);
    for (const auto& [point, bins] : c)
        for (const auto& [bin, n] : bins)
            EXPECT_EQ(n, 0u) << point << ":" << bin;
    fc.clear();
}

TEST(FunctionalCoverage, HitsCountOnlyWhenEnabled)
{
    FunctionalCoverage& fc = FunctionalCoverage::instance();
    fc.clear();
    bool was = fc.enabled();
    fc.set_enabled(false);
    fc.hit("pmr", "held-then-delivered");
    EXPECT_TRUE(fc.counts().empty());
    fc.set_enabled(true);
    fc.hit("pmr", "held-then-delivered");
    fc.hit("pmr", "held-then-delivered", 2);
    EXPECT_EQ(fc.counts()["pmr"]["held-then-delivered"], 3u);
    fc.set_enabled(was);
    fc.clear();
}

TEST(FunctionalCoverage, WrittenFilesReadBackAndMerge)
{
    FunctionalCoverage& fc = FunctionalCoverage::instance();
    fc.clear();
    bool was = fc.enabled();
    fc.set_enabled(true);
    fc.hit("ipi-mask", "self", 5);
    fc.hit("delivery", "spi/level/cpu0/eoimode0", 7);
    std::string path = "fcov-test-" + std::to_string(getpid()) + ".json";
    ASSERT_TRUE(fc.write(path));
    CoverageCounts a, b;
    std::string err;
    ASSERT_TRUE(read_coverage(path, &a, &err)) << err;
    EXPECT_EQ(a["ipi-mask"]["self"], 5u);
    merge_coverage(b, a);
    merge_coverage(b, a);
    EXPECT_EQ(b["delivery"]["spi/level/cpu0/eoimode0"], 14u);
    std::remove(path.c_str());
    fc.set_enabled(was);
    fc.clear();
}

TEST(FunctionalCoverage, MalformedFilesAreRefused)
{
    std::string path = "fcov-bad-" + std::to_string(getpid()) + ".json";
    for (const char* text : {"", "{}", "{\"schema\":\"irqsim-fcov/1\",\"points\":{\"p\":{\"b\":-1}}}",
                             "{\"schema\":\"other\",\"points\":{}}", "[1,2]"}) {
        std::ofstream(path) << text;
        CoverageCounts c;
        std::string err;
        EXPECT_FALSE(read_coverage(path, &c, &err)) << text;
        EXPECT_FALSE(err.empty());
    }
    std::remove(path.c_str());
}
