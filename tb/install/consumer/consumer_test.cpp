// SPDX-License-Identifier: MIT
// A consumer project's tests against the installed irqsim (or irqsim as a
// subproject): irqsim's e2e fixtures on an example topology, the model cache's
// installed recipe, and a driver of the project's own.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "e2e_support.h"
#include "model_cache.h"
#include "soc_dt.h"
#include "tree_model.h"

extern "C" {
#include <linux/irqchip.h>
#include <linux/of.h>
#include <linux/of_platform.h>
}

extern "C" int consumer_example_probes;

namespace irqsim::e2e {
namespace {

// The tree chooses the model (the linked-in 1-CPU one here), and the hardware
// agrees with the tree: GICD_TYPER's SPI count, the CPU count.
TEST(Consumer, ContractTopologyTreeMatchesTheHardware)
{
    print_banner(test_seed(1), 1, "");
    std::vector<uint8_t> dtb;
    std::string err;
    ASSERT_TRUE(compile_dts(CONSUMER_DTS, &dtb, &err)) << err;
    SocParams want;
    ASSERT_TRUE(tree_soc_params(dtb, &want, &err)) << err;
    SessionConfig cfg;
    cfg.dts_path = CONSUMER_DTS;
    cfg.quiet = true;
    SocSession s(cfg);
    ASSERT_TRUE(s.boot(&err)) << err;
    EXPECT_TRUE(s.soc() == want) << "the model is not the tree's";
    EXPECT_EQ(s.cpus(), 1u);
    AxiResult typer = s.sim().cpu_bus().read32(s.soc().gicd_base + GICD_TYPER, kProtNonSecure);
    EXPECT_EQ(GICD_TYPER_SPIS(typer.data) - 32, want.num_spis);
}

// The fixture the e2e tests use: the default SoC with one CPU, the distributor's
// contract straight after the driver's init, then lines delivered end to end.
class ConsumerSession : public SessionTest {};

TEST_F(ConsumerSession, ContractDistributorAfterInitThenLinesDeliver)
{
    boot(1, 5);
    uint32_t ctlr = rd32(gicd() + GICD_CTLR);
    EXPECT_TRUE(ctlr & GICD_CTLR_ARE_NS) << "affinity routing, as the driver requires";
    EXPECT_FALSE(ctlr & GICD_CTLR_RWP) << "no register write pending after init";
    ASSERT_GE(s().num_lines(), 2u);
    ASSERT_EQ(s().request_line(0, 0), 0);
    ASSERT_EQ(s().request_line(1, 0), 0);
    for (unsigned e = 0; e < 50; e++) {
        s().inject_line(e % 2);
        s().run(100);
    }
    EXPECT_TRUE(s().drain(200000));
    EXPECT_TRUE(verdict_passes());
}

// Models for other parameters: the installed recipe (or the subproject's), every
// input it names readable, and this project's build tree as the cache.
TEST(Consumer, ModelCacheUsesTheRecipeAndThisBuildTree)
{
    ModelCacheConfig cfg = model_cache_config();
    ASSERT_FALSE(cfg.recipe_dir.empty());
    EXPECT_TRUE(std::filesystem::exists(cfg.recipe_dir + "/settings.cmake")) << cfg.recipe_dir;
#ifdef CONSUMER_RECIPE_DIR
    EXPECT_EQ(cfg.recipe_dir, CONSUMER_RECIPE_DIR) << "the installed recipe";
#endif
    std::string digest, err;
    EXPECT_TRUE(model_inputs_digest(cfg.recipe_dir, &digest, &err)) << err;
    if (!std::getenv("IRQSIM_MODEL_CACHE")) {
        EXPECT_EQ(cfg.cache_dir.rfind(CONSUMER_BINARY_DIR, 0), 0u) << cfg.cache_dir;
    }
}

// With CONSUMER_SOC=ON: the model irqsim_add_soc() built, found in the cache.
TEST(Consumer, BootsTheC2Model)
{
    if (!std::getenv("CONSUMER_C2"))
        GTEST_SKIP() << "configure with -DCONSUMER_SOC=ON";
    SessionConfig cfg;
    cfg.cpus = 2;
    cfg.quiet = true;
    SocSession s(cfg);
    std::string err;
    ASSERT_TRUE(s.boot(&err)) << err;
    EXPECT_EQ(s.cpus(), 2u);
}

// The project's own driver (irqsim_add_driver) probes from a tree.
TEST(Consumer, OwnDriverProbesFromTheTree)
{
    auto path =
        std::filesystem::temp_directory_path() / ("irqsim_consumer_" + std::to_string(::getpid()) + ".dts");
    std::ofstream(path) << "/dts-v1/;\n/ {\n\t#address-cells = <1>;\n\t#size-cells = <1>;\n"
                           "\tintc@1000 {\n\t\tcompatible = \"irqsim-consumer,example-intc\";\n"
                           "\t\treg = <0x1000 0x100>;\n\t};\n};\n";
    std::vector<uint8_t> dtb;
    std::string err;
    bool compiled = compile_dts(path.string(), &dtb, &err);
    std::filesystem::remove(path);
    ASSERT_TRUE(compiled) << err;
    int before = consumer_example_probes;
    ASSERT_EQ(irqchip_init_from_fdt(dtb.data(), dtb.size()), 0);
    EXPECT_EQ(consumer_example_probes, before + 1);
}

}  // namespace
}  // namespace irqsim::e2e
