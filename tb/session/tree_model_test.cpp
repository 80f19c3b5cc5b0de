// SPDX-License-Identifier: MIT
// tree_soc_params(): the irqsim_soc parameters a device tree asks for.
#include "soc_dt.h"
#include "tree_model.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <unistd.h>

namespace irqsim {
namespace {

std::string default_dts()
{
    std::ifstream in(IRQSIM_DEFAULT_DTS);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// the text with every `from` replaced (each must occur)
std::string edit(std::string text, const std::vector<std::pair<std::string, std::string>>& edits)
{
    for (const auto& e : edits) {
        size_t at = text.find(e.first);
        EXPECT_NE(at, std::string::npos) << "the default .dts has no '" << e.first << "'";
        while (at != std::string::npos) {
            text.replace(at, e.first.size(), e.second);
            at = text.find(e.first, at + e.second.size());
        }
    }
    return text;
}

bool compile(const std::string& text, std::vector<uint8_t>* dtb, std::string* err)
{
    char path[] = "/tmp/irqsim-tree-model-XXXXXX.dts";
    int fd = mkstemps(path, 4);
    if (fd < 0)
        return false;
    close(fd);
    std::ofstream(path) << text;
    bool ok = compile_dts(path, dtb, err);
    unlink(path);
    return ok;
}

TEST(TreeModel, DefaultTreeAsksForTheDefaultModel)
{
    SocParams sp;
    std::string err;
    sp.num_cpus = 99;
    ASSERT_TRUE(tree_soc_params(default_dtb(), &sp, &err)) << err;
    EXPECT_TRUE(sp == SocParams()) << "the default tree must ask for the RTL's defaults";
}

TEST(TreeModel, EveryParameterComesFromTheTree)
{
    std::string text =
        edit(default_dts(), {{"irqsim,spis = <96>;", "irqsim,spis = <160>;"},
                             {"0x0 0x08000000 0x0 0x10000", "0x0 0x01000000 0x0 0x10000"},
                             {"0x0 0x080a0000", "0x0 0x02000000"},
                             {"0x0 0x09000000 0x0 0x1000", "0x0 0x03000000 0x0 0x1000"},
                             {"0x0 0x0a000000 0x0 0x1000", "0x0 0x04000000 0x0 0x1000"},
                             {"ti,interrupt-ranges = <0 64 32>;", "ti,interrupt-ranges = <0 128 48>;"},
                             {"0x0 0x0a100000 0x0 0x10000", "0x0 0x05000000 0x0 0x10000"},
                             {"ti,interrupt-ranges = <0 16 16>;", "ti,interrupt-ranges = <0 24 20>;"},
                             {"ti,sci-rm-range-global-event = <0 256>;",
                              "ti,sci-rm-range-global-event = <0 100>; irqsim,num-events = <128>;"},
                             {"0x0 0x0a400000 0x0 0x2000", "0x0 0x06000000 0x0 0x2000"},
                             {"irqsim,num-rings = <32>;", "irqsim,num-rings = <8>;"},
                             {"0x0 0x0a600000 0x0 0x1000", "0x0 0x07000000 0x0 0x1000"},
                             {"irqsim,num-slots = <32>;", "irqsim,num-slots = <64>;"}});
    std::vector<uint8_t> dtb;
    std::string err;
    ASSERT_TRUE(compile(text, &dtb, &err)) << err;
    SocParams sp;
    ASSERT_TRUE(tree_soc_params(dtb, &sp, &err)) << err;
    EXPECT_EQ(sp.num_spis, 160u);
    EXPECT_EQ(sp.gicd_base, 0x01000000u);
    EXPECT_EQ(sp.gicr_base, 0x02000000u);
    EXPECT_EQ(sp.timer_base, 0x03000000u);
    EXPECT_EQ(sp.intr_base, 0x04000000u);
    EXPECT_EQ(sp.num_intr_out, 48u);
    EXPECT_EQ(sp.intr_out_spi, 96u);  // output 0 -> INTID 128 = SPI 96
    EXPECT_EQ(sp.inta_base, 0x05000000u);
    EXPECT_EQ(sp.num_intr_lines, 24u);  // VINT 0 -> INTR input 24
    EXPECT_EQ(sp.num_vints, 20u);
    EXPECT_EQ(sp.num_events, 128u);
    EXPECT_EQ(sp.dma_base, 0x06000000u);
    EXPECT_EQ(sp.num_rings, 8u);
    EXPECT_EQ(sp.ims_base, 0x07000000u);
    EXPECT_EQ(sp.num_ims_slots, 64u);

    auto g = model_params_of(sp);
    EXPECT_EQ(g.size(), 18u);
    EXPECT_EQ(g.at("GICD_BASE"), 0x01000000);
    EXPECT_TRUE(soc_params_of(g) == sp) << "the model's SocParams are the tree's";
    EXPECT_TRUE(normalize_model_params(model_params_of(SocParams())).empty());
    EXPECT_EQ(g.at("INTR_OUT_SPI"), 96);
    EXPECT_EQ(g.at("NUM_IMS_SLOTS"), 64);
    EXPECT_EQ(g.at("HAS_COPROC"), 1);
}

TEST(TreeModel, MalformedPropertiesGiveOneLineNamingNodeAndProperty)
{
    struct {
        std::vector<std::pair<std::string, std::string>> edits;
        const char* expect;
    } cases[] = {
        {{{"irqsim,spis = <96>;", ""}}, "/soc/irqsim,params: irqsim,spis: missing"},
        {{{"irqsim,lines = <32>;", "irqsim,lines = <32 1>;"}}, "irqsim,lines: must be one u32 cell"},
        {{{"0x0 0x08000000 0x0 0x10000", "0x1 0x08000000 0x0 0x10000"}},
         "reg: the fabric decodes 32-bit addresses"},
        {{{"ti,interrupt-ranges = <0 64 32>;", "ti,interrupt-ranges = <0 64>;"}},
         "ti,interrupt-ranges: must be <first parent count> triples"},
        {{{"ti,interrupt-ranges = <0 64 32>;", "ti,interrupt-ranges = <8 16 32>;"}}, "not an SPI"},
        {{{"irqsim,num-rings = <32>;", "irqsim,num-rings = \"many\";"}},
         "irqsim,num-rings: must be one u32 cell"},
        {{{"irqsim,cpus = <4>;", "irqsim,cpus = <65>;"}},
         "/soc/irqsim,params: irqsim,cpus: 65 is beyond what the RTL can be (1..64"},
        {{{"irqsim,spis = <96>;", "irqsim,spis = <100>;"}}, "irqsim,spis: 100 is not a multiple of 32"},
        {{{"ti,interrupt-ranges = <0 64 32>;", "ti,interrupt-ranges = <0 120 32>;"}},
         "ti,interrupt-ranges: 120 is beyond what the RTL can be (1..96: the INTR's outputs must land on SPIs"},
        {{{"irqsim,num-slots = <32>;", "irqsim,num-slots = <241>;"}}, "irqsim,num-slots: 241 is beyond"},
    };
    for (const auto& c : cases) {
        std::vector<uint8_t> dtb;
        std::string err;
        ASSERT_TRUE(compile(edit(default_dts(), c.edits), &dtb, &err)) << err;
        SocParams sp;
        EXPECT_FALSE(tree_soc_params(dtb, &sp, &err)) << c.expect;
        EXPECT_NE(err.find(c.expect), std::string::npos) << "got: " << err;
        EXPECT_EQ(err.rfind("device tree ", 0), 0u) << err;
        EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    }
    SocParams sp;
    std::string err;
    EXPECT_FALSE(tree_soc_params(std::vector<uint8_t>(8, 0), &sp, &err));
    EXPECT_NE(err.find("malformed"), std::string::npos) << err;
}

}  // namespace
}  // namespace irqsim
