// SPDX-License-Identifier: MIT
// The tree validator on mutants of the default .dts compiled with dtc: each
// row is a textual edit and the substring of the one-line error (node and
// property) it must give.  Also compile_dts on paths a careless or hostile
// user may give (FIFO, quotes, a leading '-', a tree that crashes dtc).
#include "ims_port.h"
#include "irqsim_soc_map_regs.h"
#include "soc_dt.h"
#include "tree_check.h"

#include <gtest/gtest.h>
#include <libfdt.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace irqsim {
namespace {

std::string read_text(const std::string& path)
{
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A scratch directory, removed with what it holds.
class TempDir {
public:
    TempDir()
    {
        char tmpl[] = "/tmp/irqsim-tree-test-XXXXXX";
        path_ = mkdtemp(tmpl) ? tmpl : "";
    }
    ~TempDir()
    {
        std::error_code ec;
        if (!path_.empty())
            std::filesystem::remove_all(path_, ec);
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string write_file(const std::string& dir, const std::string& name, const std::string& text)
{
    std::string p = dir + "/" + name;
    std::ofstream(p) << text;
    return p;
}

// the default .dts with each `from` replaced by `to` (every `from` must occur)
bool mutate(std::string* text, const std::string& from, const std::string& to)
{
    size_t at = text->find(from);
    if (at == std::string::npos)
        return false;
    text->replace(at, from.size(), to);
    return true;
}

struct Mutant {
    const char* name;
    std::vector<std::pair<std::string, std::string>> edits;
    const char* expect;  // substring of the one-line error
};

std::vector<Mutant> mutants()
{
    const std::string gic_cells = "#interrupt-cells = <3>;";
    const std::string mbi = "mbi-ranges = <96 32>;";
    const std::string cpu3 = "\t\tcpu@3 {\n\t\t\tdevice_type = \"cpu\";\n\t\t\tcompatible = \"arm,armv8\";\n"
                             "\t\t\treg = <0x3>;\n\t\t};\n";
    const std::string inta_reg = "reg = <0x0 0x0a100000 0x0 0x10000>, <0x0 0x0a300000 0x0 0x20>;";
    const std::string lines = "irqsim,lines {";
    return {
        {"rdist_stride",
         {{"redistributor-stride = <0x0 0x20000>;", "redistributor-stride = <0x0 0x40000>;"}},
         "redistributor-stride: 0x40000 but the RTL's redistributors are 0x20000 apart"},
        {"rdist_region_size",
         {{"<0x0 0x080a0000 0x0 0xa0000>", "<0x0 0x080a0000 0x0 0x80000>"}},
         "reg: redistributor regions hold 4 frames"},
        {"mbi_over_intr_outputs",
         {{mbi, "mbi-ranges = <80 32>;"}},
         "mbi-ranges: GIC INTID 80 is already used by /soc/interrupt-controller@a000000 ti,interrupt-ranges"},
        {"mbi_over_lines",
         {{mbi, "mbi-ranges = <32 32>;"}},
         "mbi-ranges: GIC INTID 32 is already used by /soc/irqsim,lines interrupts[0]"},
        {"mbi_outside_spis",
         {{mbi, "mbi-ranges = <120 16>;"}},
         "mbi-ranges: <120 16> is not within the SPIs 32..127"},
        {"lpi_id_bits_string",
         {{mbi, mbi + " irqsim,lpi-id-bits = \"16\";"}},
         "irqsim,lpi-id-bits: must be 1 u32 cell"},
        {"lpi_id_bits_range",
         {{mbi, mbi + " irqsim,lpi-id-bits = <24>;"}},
         "irqsim,lpi-id-bits: 24 out of range 14..20"},
        {"three_cpus",
         {{cpu3, ""}},
         "device tree /cpus: cpu nodes: 3 application cpu nodes but irqsim,cpus is 4"},
        {"no_cpus", {{"\tcpus {", "\tprocessors {"}}, "cpus: node /cpus missing"},
        {"dup_mpidr",
         {{"reg = <0x3>;", "reg = <0x2>;"}},
         "device tree /cpus/cpu@3: reg: MPIDR 0x2 already used by /cpus/cpu@2"},
        {"timer_ppi_99",
         {{"interrupts = <1 14 4>;", "interrupts = <1 99 4>;"}},
         "device tree /soc/timer@9000000: interrupts[0]: PPI 99 out of range 0..15"},
        {"timer_ppi_other",
         {{"interrupts = <1 14 4>;", "interrupts = <1 13 4>;"}},
         "timer@9000000: interrupts[0]: PPI 13 but the RTL's timers raise PPI 14"},
        {"intr_rm_range_out",
         {{"ti,sci-rm-range-out = <0 32>;", "ti,sci-rm-range-out = <0 64>;"}},
         "ti,sci-rm-range-out: <0 64> goes beyond the INTR's 32 outputs"},
        {"intr_ranges_beyond",
         {{"ti,interrupt-ranges = <0 64 32>;", "ti,interrupt-ranges = <0 64 40>;"}},
         "ti,interrupt-ranges: <0 64 40> goes beyond the INTR's 32 outputs"},
        {"intr_outputs_dup",
         {{"ti,interrupt-ranges = <0 64 32>;", "ti,interrupt-ranges = <0 64 16>, <8 72 8>;"}},
         "ti,interrupt-ranges: <8 72 8>: output 8 listed twice"},
        {"intr_inputs_dup",
         {{"interrupts = <0>, <1>,", "interrupts = <0>, <0>,"}},
         "device tree /soc/irqsim,intr-lines: interrupts[1]: INTR input 0 is already used"},
        {"gic_intid_dup",
         {{"<0 0 4>, <0 1 4>", "<0 0 4>, <0 0 4>"}},
         "interrupts[1]: GIC INTID 32 is already used by /soc/irqsim,lines interrupts[0]"},
        {"spi_out_of_range", {{"<0 31 1>", "<0 99 1>"}}, "interrupts[31]: SPI 99 out of range 0..95"},
        {"intr_cells_2",
         {{"#interrupt-cells = <1>;", "#interrupt-cells = <2>;"}},
         "#interrupt-cells: the INTR binding needs 1"},
        {"ims_slots_beyond_mbi",
         {{"irqsim,num-slots = <32>;", "irqsim,num-slots = <33>;"}},
         "irqsim,num-slots: 33 slots but the GIC's mbi-ranges hold 32 SPIs"},
        {"intr_inta_same_reg",
         {{"reg = <0x0 0x0a100000 0x0 0x10000>,", "reg = <0x0 0x0a000000 0x0 0x1000>,"}},
         "reg: region at 0xa000000 overlaps /soc/interrupt-controller@a000000"},
        {"inta_ranges_beyond",
         {{"ti,interrupt-ranges = <0 16 16>;", "ti,interrupt-ranges = <0 24 16>;"}},
         "ti,interrupt-ranges: <0 24 16> goes beyond the INTR's VINT inputs 16..31"},
        {"inta_no_cfg", {{inta_reg, "reg = <0x0 0x0a100000 0x0 0x10000>;"}}, "reg: no CFG region (reg[1])"},
        {"ims_msi_parent_self",
         {{"ims@a600000 {", "ims: ims@a600000 {"}, {"msi-parent = <&gic>;", "msi-parent = <&ims>;"}},
         "msi-parent: points at the node itself"},
        {"ims_kind_bogus",
         {{"irqsim,msi-parent-kind = \"mbi\";", "irqsim,msi-parent-kind = \"bogus\";"}},
         "irqsim,msi-parent-kind: \"bogus\" is not offered by /interrupt-controller@8000000"},
        {"gic_cells_huge",
         {{gic_cells, "#interrupt-cells = <0xffffffff>;"}},
         "#interrupt-cells: 4294967295 out of range 0..16"},
        {"dup_sci_id",
         {{"ti,sci-dev-id = <102>;", "ti,sci-dev-id = <101>;"}},
         "ti,sci-dev-id: 101 is already the id of /soc/interrupt-controller@a000000"},
        {"interrupt_parent_self",
         {{lines, "lines: " + lines + " interrupt-parent = <&lines>;"}},
         "irqsim,lines: interrupt-parent: chain loops through /soc/irqsim,lines"},
        {"interrupt_parent_loop",
         {{lines, "a: node-a { interrupt-parent = <&b>; }; b: node-b { interrupt-parent = <&a>; }; " + lines +
                      " interrupt-parent = <&a>;"}},
         "irqsim,lines: interrupt-parent: chain loops through /soc/node-"},
        {"root_parent_not_controller",
         {{"\t\t#interrupt-cells = <3>;\n", ""}, {"\t\tinterrupt-controller;\n\t\treg", "\t\treg"}},
         "#interrupt-cells: the GIC binding needs 3"},
    };
}

class TreeCheck : public ::testing::Test {
protected:
    void SetUp() override
    {
        base_ = read_text(IRQSIM_DEFAULT_DTS);
        ASSERT_FALSE(base_.empty()) << IRQSIM_DEFAULT_DTS;
        ASSERT_FALSE(dir_.path().empty());
    }
    // compile @text; false (and a gtest failure) if dtc refuses it
    bool compile(const std::string& text, std::vector<uint8_t>* dtb, const std::string& name = "t.dts")
    {
        std::string err;
        bool ok = compile_dts(write_file(dir_.path(), name, text), dtb, &err);
        EXPECT_TRUE(ok) << err;
        return ok;
    }
    std::string base_;
    TempDir dir_;
    TreeLimits lim_;  // the default SoC
};

TEST_F(TreeCheck, DefaultTreeIsAccepted)
{
    std::vector<uint8_t> dtb;
    std::string err;
    ASSERT_TRUE(compile(base_, &dtb));
    EXPECT_TRUE(check_tree(dtb, lim_, &err)) << err;
    EXPECT_TRUE(check_tree(default_dtb(), lim_, &err)) << err;
}

TEST_F(TreeCheck, CpuVariantsAndImsParentsAreAccepted)
{
    for (unsigned cpus : {1u, 4u, 16u}) {
        std::vector<uint8_t> dtb;
        std::string err;
        ASSERT_TRUE(dtb_with_cpus(default_dtb(), cpus, &dtb, &err)) << err;
        TreeLimits lim = lim_;
        lim.cpus = cpus;
        EXPECT_TRUE(check_tree(dtb, lim, &err)) << cpus << " cpus: " << err;
        // the same tree against the wrong RTL is caught
        lim.cpus = cpus + 1;
        EXPECT_FALSE(check_tree(dtb, lim, &err)) << cpus << " cpus";
    }
    for (const char* kind : {"mbi", "lpi", "inta", "kapi"}) {
        std::vector<uint8_t> dtb;
        std::string err;
        ASSERT_TRUE(dtb_with_ims_parent(default_dtb(), kind, &dtb, &err)) << err;
        EXPECT_TRUE(check_tree(dtb, lim_, &err)) << kind << ": " << err;
    }
}

// The GIC driver's options go into the tree the session boots (the driver reads
// them at probe): the edited tree is still valid, and unset options leave it alone.
TEST_F(TreeCheck, GicOptionsAreSetOnTheGicNode)
{
    std::vector<uint8_t> dtb;
    std::string err;
    ASSERT_TRUE(dtb_with_gic_options(default_dtb(), true, 14, &dtb, &err)) << err;
    EXPECT_TRUE(check_tree(dtb, lim_, &err)) << err;
    int gic = fdt_node_offset_by_compatible(dtb.data(), -1, "arm,gic-v3");
    ASSERT_GE(gic, 0);
    int len = -1;
    EXPECT_NE(fdt_getprop(dtb.data(), gic, "irqsim,split-eoi", &len), nullptr);
    EXPECT_EQ(len, 0);
    const fdt32_t* bits =
        static_cast<const fdt32_t*>(fdt_getprop(dtb.data(), gic, "irqsim,lpi-id-bits", &len));
    ASSERT_NE(bits, nullptr);
    ASSERT_EQ(len, 4);
    EXPECT_EQ(fdt32_to_cpu(*bits), 14u);

    ASSERT_TRUE(dtb_with_gic_options(default_dtb(), false, 0, &dtb, &err)) << err;
    gic = fdt_node_offset_by_compatible(dtb.data(), -1, "arm,gic-v3");
    EXPECT_EQ(fdt_getprop(dtb.data(), gic, "irqsim,split-eoi", nullptr), nullptr);
    EXPECT_EQ(fdt_getprop(dtb.data(), gic, "irqsim,lpi-id-bits", nullptr), nullptr);
    // an out-of-range value reaches the validator, which names it
    ASSERT_TRUE(dtb_with_gic_options(default_dtb(), false, 24, &dtb, &err)) << err;
    EXPECT_FALSE(check_tree(dtb, lim_, &err));
    EXPECT_NE(err.find("irqsim,lpi-id-bits"), std::string::npos) << err;
}

class TreeMutant : public TreeCheck, public ::testing::WithParamInterface<Mutant> {};

TEST_P(TreeMutant, GivesOneLineNamingNodeAndProperty)
{
    const Mutant& m = GetParam();
    std::string text = base_;
    for (const auto& e : m.edits)
        ASSERT_TRUE(mutate(&text, e.first, e.second)) << "the default .dts has no '" << e.first << "'";
    std::vector<uint8_t> dtb;
    ASSERT_TRUE(compile(text, &dtb));
    std::string err;
    EXPECT_FALSE(check_tree(dtb, lim_, &err));
    EXPECT_NE(err.find(m.expect), std::string::npos) << "got: " << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    EXPECT_EQ(err.rfind("device tree ", 0), 0u) << err;
}

INSTANTIATE_TEST_SUITE_P(Mutants, TreeMutant, ::testing::ValuesIn(mutants()),
                         [](const ::testing::TestParamInfo<Mutant>& i) { return std::string(i.param.name); });

// A block the tree moves away from where the model decodes it: refused naming
// the node, its reg and both addresses (the RTL's bases are SocParams).
TEST_F(TreeCheck, BlockBaseMustMatchTheModel)
{
    std::vector<uint8_t> dtb;
    ASSERT_TRUE(compile(base_, &dtb));
    TreeLimits lim = lim_;
    // the default map (rtl/soc/irqsim_soc_map.rdl), where the default tree puts the blocks
    lim.gicd = IRQSIM_SOC_MAP_GICD_BASE;
    lim.gicr = IRQSIM_SOC_MAP_GICR_BASE;
    lim.timer = IRQSIM_SOC_MAP_TIMER_BASE;
    lim.intr = IRQSIM_SOC_MAP_INTR_BASE;
    lim.inta = IRQSIM_SOC_MAP_INTA_BASE;
    lim.dma = IRQSIM_SOC_MAP_DMA_BASE;
    lim.ims = IRQSIM_SOC_MAP_IMS_BASE;
    std::string err;
    EXPECT_TRUE(check_tree(dtb, lim, &err)) << err;
    struct {
        uint64_t TreeLimits::*field;
        const char* expect;
    } moved[] = {{&TreeLimits::gicd,
                  "interrupt-controller@8000000: reg: GICD at 0x8000000 but the RTL decodes it at 0x1000000"},
                 {&TreeLimits::gicr, "the first redistributor frame at 0x80a0000"},
                 {&TreeLimits::timer, "the timers at 0x9000000"},
                 {&TreeLimits::intr, "the INTR at 0xa000000"},
                 {&TreeLimits::inta, "the INTA's VINT registers at 0xa100000"},
                 {&TreeLimits::dma, "the DMA-ring device at 0xa400000"},
                 {&TreeLimits::ims, "the IMS device at 0xa600000"}};
    for (const auto& m : moved) {
        TreeLimits l = lim;
        l.*m.field = 0x01000000;
        EXPECT_FALSE(check_tree(dtb, l, &err)) << m.expect;
        EXPECT_NE(err.find(m.expect), std::string::npos) << "got: " << err;
        EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    }
    // the INTR's outputs wired to another SPI than the tree's ti,interrupt-ranges says
    TreeLimits l = lim;
    l.intr_out_spi = 64;
    EXPECT_FALSE(check_tree(dtb, l, &err));
    EXPECT_NE(err.find("ti,interrupt-ranges"), std::string::npos) << err;
    EXPECT_NE(err.find("GIC INTID 96 + n"), std::string::npos) << err;
}

TEST_F(TreeCheck, MalformedBlobIsRefused)
{
    std::vector<uint8_t> dtb = default_dtb();
    std::string err;
    dtb.resize(dtb.size() / 2);
    EXPECT_FALSE(check_tree(dtb, lim_, &err));
    EXPECT_NE(err.find("malformed"), std::string::npos) << err;
}

// ---- compile_dts -------------------------------------------------------------------

TEST_F(TreeCheck, FifoIsRefusedBeforeDtcStarts)
{
    std::string fifo = dir_.path() + "/tree.dts";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    std::vector<uint8_t> dtb;
    std::string err;
    EXPECT_FALSE(compile_dts(fifo, &dtb, &err));  // would block forever in dtc
    EXPECT_NE(err.find("not a regular file"), std::string::npos) << err;
    EXPECT_FALSE(compile_dts(dir_.path(), &dtb, &err));
    EXPECT_NE(err.find("not a regular file"), std::string::npos) << err;
}

TEST_F(TreeCheck, PathIsNotShellText)
{
    // run from the scratch directory: an injected "touch" would create INJECTED here
    char old[4096];
    ASSERT_NE(getcwd(old, sizeof old), nullptr);
    ASSERT_EQ(chdir(dir_.path().c_str()), 0);
    std::vector<uint8_t> dtb;
    std::string err;
    std::string name = "x';touch INJECTED;'.dts";
    write_file(".", name, base_);
    write_file(".", "-o.dts", base_);
    bool quoted = compile_dts(name, &dtb, &err);
    bool dashed = compile_dts("-o.dts", &dtb, &err);
    struct stat st;
    bool injected = stat("INJECTED", &st) == 0;
    ASSERT_EQ(chdir(old), 0);
    EXPECT_TRUE(quoted) << err;
    EXPECT_TRUE(dashed) << err;
    EXPECT_FALSE(injected);
}

TEST_F(TreeCheck, DtcErrorsWarningsAndCrashes)
{
    std::vector<uint8_t> dtb;
    std::vector<std::string> warnings;
    std::string err;
    // the default tree compiles without a warning
    ASSERT_TRUE(compile_dts(write_file(dir_.path(), "ok.dts", base_), &dtb, &err, &warnings)) << err;
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    EXPECT_FALSE(dtb.empty());

    // a warning is passed on and the tree still compiles
    std::string warn = base_;
    ASSERT_TRUE(mutate(&warn, "\t\t\t#interrupt-cells = <0>;\n", ""));
    ASSERT_TRUE(compile_dts(write_file(dir_.path(), "warn.dts", warn), &dtb, &err, &warnings)) << err;
    ASSERT_FALSE(warnings.empty());
    EXPECT_NE(warnings[0].find("Missing #interrupt-cells"), std::string::npos) << warnings[0];

    // a syntax error: dtc's first error line, naming the file
    std::string bad = write_file(dir_.path(), "bad.dts", "/dts-v1/;\n/ { x = ; };\n");
    EXPECT_FALSE(compile_dts(bad, &dtb, &err));
    EXPECT_NE(err.find("does not compile"), std::string::npos) << err;
    EXPECT_NE(err.find("bad.dts"), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;

    // dtc 1.6.1 aborts on a multi-cell #interrupt-cells: said as a crash
    std::string crash = base_;
    ASSERT_TRUE(mutate(&crash, "#interrupt-cells = <3>;", "#interrupt-cells = <3 3>;"));
    EXPECT_FALSE(compile_dts(write_file(dir_.path(), "crash.dts", crash), &dtb, &err));
    EXPECT_TRUE(err.find("dtc crashed (signal") != std::string::npos ||
                err.find("does not compile") != std::string::npos)
        << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;

    // a missing file
    EXPECT_FALSE(compile_dts(dir_.path() + "/none.dts", &dtb, &err));
    EXPECT_NE(err.find("No such file"), std::string::npos) << err;
}

}  // namespace
}  // namespace irqsim
