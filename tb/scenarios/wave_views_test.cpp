// SPDX-License-Identifier: MIT
// Unit tests of the view a trace gets (wave_views.h): the committed one for the
// default SoC's view parameters, else one waves/gen-views writes beside the trace.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include "wave_views.h"

namespace irqsim {
namespace {

namespace fs = std::filesystem;

std::string slurp(const std::string& path)
{
    std::ifstream f(path);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

TEST(WaveViews, DefaultSocUsesTheCommittedViews)
{
    SocParams p;
    EXPECT_TRUE(default_views(p));
    p.num_events = 128;  // not in a view
    EXPECT_TRUE(default_views(p));
    std::string path, err;
    ASSERT_TRUE(view_for_trace(p, "spi", "/nonexistent/t.fst", &path, &err)) << err;
    EXPECT_EQ(path, committed_view("spi"));
    EXPECT_TRUE(fs::exists(path));
    EXPECT_FALSE(fs::exists("/nonexistent/t.gtkw"));
}

TEST(WaveViews, EveryViewCountMakesItsOwn)
{
    for (auto change :
         {+[](SocParams& p) { p.num_cpus = 8; }, +[](SocParams& p) { p.has_coproc = false; },
          +[](SocParams& p) { p.num_spis = 128; }, +[](SocParams& p) { p.num_lines = 48; },
          +[](SocParams& p) { p.num_intr_lines = 20; }, +[](SocParams& p) { p.num_vints = 24; },
          +[](SocParams& p) { p.num_intr_out = 16; }, +[](SocParams& p) { p.intr_out_spi = 64; },
          +[](SocParams& p) { p.num_rings = 16; }}) {
        SocParams p;
        change(p);
        EXPECT_FALSE(default_views(p));
    }
}

TEST(WaveViews, MovedBlocksGetViewsWithoutTheBusLabels)
{
    // the bus labels are the default SoC's addresses; the block ports' labels stay
    fs::path dir = fs::temp_directory_path() / ("wave_views_test.moved." + std::to_string(getpid()));
    fs::create_directories(dir);
    SocParams p;
    p.dma_base = 0x02400000;
    EXPECT_FALSE(default_views(p));
    std::string trace = (dir / "t.fst").string(), path, err;
    ASSERT_TRUE(view_for_trace(p, "dma-ring", trace, &path, &err)) << err;
    std::string v = slurp(path);
    EXPECT_EQ(v.find("soc_bus.txt"), std::string::npos);
    EXPECT_NE(v.find(" " + waves_dir() + "/labels/ti_inta.txt\nTOP.irqsim_tb_top.u_soc.u_inta.addr[21:0]"),
              std::string::npos);
    EXPECT_EQ(v.find("[savefile]"), std::string::npos);
    fs::remove_all(dir);
}

TEST(WaveViews, BesideTheTrace)
{
    EXPECT_EQ(view_path_beside("out/a.fst"), "out/a.gtkw");
    EXPECT_EQ(view_path_beside("a.trace"), "a.trace.gtkw");
    EXPECT_EQ(view_path_beside(".fst"), ".fst.gtkw");
}

TEST(WaveViews, GeneratedForTheTopology)
{
    fs::path dir = fs::temp_directory_path() / ("wave_views_test." + std::to_string(getpid()));
    fs::create_directories(dir);
    SocParams p;
    p.num_cpus = 2;
    p.has_coproc = false;
    p.num_spis = 64;
    p.num_intr_out = 8;
    p.intr_out_spi = 40;
    std::string trace = (dir / "t.fst").string(), path, err;
    ASSERT_TRUE(view_for_trace(p, "dma-ring", trace, &path, &err)) << err;
    EXPECT_EQ(path, (dir / "t.gtkw").string());
    std::string v = slurp(path);
    EXPECT_NE(v.find("[dumpfile] \"" + trace + "\""), std::string::npos);
    EXPECT_NE(v.find("+{cpu1 irq_out} (0)TOP.irq_out[1:0]"), std::string::npos);  // 2 PEs
    EXPECT_EQ(v.find("coproc"), std::string::npos);
    EXPECT_NE(v.find("INTID 72..79"), std::string::npos);  // 32 + 40 ..
    EXPECT_NE(v.find("TOP.mon_spi_pending[63:0]"), std::string::npos);
    EXPECT_EQ(v.find("[95:0]"), std::string::npos);
    // labels: from waves_dir(), named absolutely (the view is not beside them)
    EXPECT_NE(v.find("^1 " + waves_dir() + "/labels/dev_dma_ring.txt"), std::string::npos);
    EXPECT_NE(v.find(waves_dir() + "/labels/soc_bus.txt"), std::string::npos);
    fs::remove_all(dir);
}

TEST(WaveViews, GenViewsRefusalIsOneLine)
{
    SocParams p;
    p.num_cpus = 65;  // beyond what the script (and the RTL) take
    std::string path, err;
    EXPECT_FALSE(view_for_trace(p, "spi", "/tmp/never.fst", &path, &err));
    EXPECT_NE(err.find("--cpus '65'"), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;
}

}  // namespace
}  // namespace irqsim
