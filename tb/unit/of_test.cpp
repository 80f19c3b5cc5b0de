// SPDX-License-Identifier: MIT
// Device-tree layer: the default SoC tree (properties, reg, phandles,
// interrupt-parent inheritance, #interrupt-cells), malformed blobs, and
// irqchip probe order (parents before children) with fake irqchips.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include <libfdt.h>

#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/of.h>
#include <linux/of_irq.h>

#include "dtb_util.h"
#include "fake_gic.h"
#include "fake_ti.h"
#include "test_support.h"

namespace {

class OfTest : public CoreTest {
protected:
    void TearDown() override
    {
        for (auto* r : roots)
            of_fdt_free(r);
        CoreTest::TearDown();
    }
    device_node* Load(const std::vector<uint8_t>& blob)
    {
        device_node* r = of_fdt_unflatten(blob.data(), blob.size());
        EXPECT_FALSE(IS_ERR_OR_NULL(r)) << AllLogs();
        if (!IS_ERR_OR_NULL(r))
            roots.push_back(r);
        return IS_ERR_OR_NULL(r) ? nullptr : r;
    }
    device_node* LoadDts(const std::string& text)
    {
        std::string err;
        auto blob = irqsim_test::CompileDts(text, &err);
        EXPECT_FALSE(blob.empty()) << err;
        return Load(blob);
    }
    std::vector<device_node*> roots;
};

TEST_F(OfTest, DefaultTreeGicNodeAndRegs)
{
    std::string err;
    auto blob = irqsim_test::DefaultDtb(&err);
    ASSERT_FALSE(blob.empty()) << err;
    device_node* root = Load(blob);
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(of_root, root);
    EXPECT_STREQ(root->path, "/");

    device_node* gic = of_find_compatible_node(nullptr, nullptr, "arm,gic-v3");
    ASSERT_NE(gic, nullptr);
    EXPECT_STREQ(gic->path, "/interrupt-controller@8000000");
    EXPECT_STREQ(gic->name, "interrupt-controller");
    EXPECT_STREQ(gic->full_name, "interrupt-controller@8000000");
    EXPECT_EQ(gic->parent, root);
    EXPECT_NE(gic->phandle, 0u);
    EXPECT_EQ(of_find_node_by_phandle(gic->phandle), gic);
    EXPECT_EQ(of_find_node_by_path("/interrupt-controller@8000000"), gic);
    EXPECT_EQ(of_node_to_fwnode(gic)->of_node, gic);
    EXPECT_EQ(to_of_node(of_node_to_fwnode(gic)), gic);
    EXPECT_TRUE(of_property_read_bool(gic, "interrupt-controller"));
    u32 cells = 0;
    EXPECT_EQ(of_property_read_u32(gic, "#interrupt-cells", &cells), 0);
    EXPECT_EQ(cells, 3u);
    EXPECT_EQ(of_n_addr_cells(gic), 2);
    EXPECT_EQ(of_n_size_cells(gic), 2);

    u64 addr = 0, size = 0;
    ASSERT_EQ(of_reg_read(gic, 0, &addr, &size), 0);
    EXPECT_EQ(addr, 0x08000000u);
    EXPECT_EQ(size, 0x10000u);
    ASSERT_EQ(of_reg_read(gic, 1, &addr, &size), 0);
    EXPECT_EQ(addr, 0x080A0000u);
    EXPECT_EQ(size, 5u * 0x20000u);
    EXPECT_EQ(of_reg_read(gic, 2, &addr, &size), -EINVAL);
    EXPECT_EQ(CountLogs({"/interrupt-controller@8000000", "reg entry 2"}), 1u) << AllLogs();
    u64 stride = 0;
    EXPECT_EQ(of_property_read_u64(gic, "redistributor-stride", &stride), 0);
    EXPECT_EQ(stride, 0x20000u);
}

TEST_F(OfTest, DefaultTreeCpusParamsAndDeviceInterrupts)
{
    device_node* root = Load(irqsim_test::DefaultDtb());
    ASSERT_NE(root, nullptr);
    device_node* gic = of_find_compatible_node(nullptr, nullptr, "arm,gic-v3");

    // CPUs: reg = MPIDR with #address-cells 1 / #size-cells 0; the coprocessor is disabled
    device_node* cpus = of_find_node_by_path("/cpus");
    ASSERT_NE(cpus, nullptr);
    unsigned n = 0, available = 0;
    device_node* cpu;
    for_each_child_of_node(cpus, cpu)
    {
        u64 mpidr = ~0ull;
        ASSERT_EQ(of_reg_read(cpu, 0, &mpidr, nullptr), 0);
        EXPECT_EQ(mpidr, n);
        EXPECT_EQ(of_n_size_cells(cpu), 0);
        available += of_device_is_available(cpu);
        EXPECT_EQ(of_property_read_bool(cpu, "irqsim,coprocessor"), n == 4);
        n++;
    }
    EXPECT_EQ(n, 5u);
    EXPECT_EQ(available, 4u);

    // RTL parameters
    device_node* params = of_find_compatible_node(nullptr, nullptr, "irqsim,soc-params");
    ASSERT_NE(params, nullptr);
    EXPECT_STREQ(params->path, "/soc/irqsim,params");
    u32 v[4];
    const char* names[] = {"irqsim,cpus", "irqsim,spis", "irqsim,lines", "irqsim,coprocessor"};
    for (int i = 0; i < 4; i++)
        ASSERT_EQ(of_property_read_u32(params, names[i], &v[i]), 0) << names[i];
    EXPECT_EQ(v[0], 4u);
    EXPECT_EQ(v[1], 96u);
    EXPECT_EQ(v[2], 32u);
    EXPECT_EQ(v[3], 1u);

    // timer: interrupt-parent inherited from the root, PPI 14 level
    device_node* timer = of_find_compatible_node(nullptr, nullptr, "irqsim,timer");
    ASSERT_NE(timer, nullptr);
    EXPECT_EQ(of_irq_find_parent(timer), gic);
    of_phandle_args args{};
    ASSERT_EQ(of_irq_parse_one(timer, 0, &args), 0);
    EXPECT_EQ(args.np, gic);
    ASSERT_EQ(args.args_count, 3);
    EXPECT_EQ(args.args[0], 1u);
    EXPECT_EQ(args.args[1], 14u);
    EXPECT_EQ(args.args[2], 4u);
    u64 addr = 0;
    ASSERT_EQ(of_reg_read(timer, 0, &addr, nullptr), 0);
    EXPECT_EQ(addr, 0x09000000u);

    // the 32 lines: SPI n, 0-15 level, 16-31 edge
    device_node* lines = of_find_compatible_node(nullptr, nullptr, "irqsim,lines");
    ASSERT_NE(lines, nullptr);
    EXPECT_EQ(of_irq_count(lines), 32);
    EXPECT_EQ(of_property_count_u32_elems(lines, "interrupts"), 96);
    for (int i = 0; i < 32; i++) {
        ASSERT_EQ(of_irq_parse_one(lines, i, &args), 0);
        EXPECT_EQ(args.args[0], 0u);
        EXPECT_EQ(args.args[1], (u32)i);
        EXPECT_EQ(args.args[2], i < 16 ? 4u : 1u) << i;
    }
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
    EXPECT_EQ(of_irq_parse_one(lines, 32, &args), -EINVAL);
    EXPECT_EQ(CountLogs({"/soc/irqsim,lines", "interrupt 32 not present"}), 1u) << AllLogs();

    // the GIC itself has no parent: the root's interrupt-parent points back at it
    EXPECT_EQ(of_irq_find_parent(gic), nullptr);
}

const char* kCustomDts = R"(
/dts-v1/;
/ {
	#address-cells = <1>;
	#size-cells = <1>;
	intc0: intc@1000 {
		compatible = "test,intc";
		reg = <0x1000 0x100>;
		interrupt-controller;
		#interrupt-cells = <2>;
	};
	intc1: intc@2000 {
		compatible = "test,intc";
		reg = <0x2000 0x100>;
		interrupt-controller;
		#interrupt-cells = <1>;
		interrupt-parent = <&intc0>;
		interrupts = <7 4>;
	};
	bus {
		#address-cells = <2>;
		#size-cells = <0>;
		interrupt-parent = <&intc1>;
		label = "a bus";
		list = <1 2 3>;
		wide = <0x1 0x2>;
		refs = <&intc0 &intc1>;
		dev@5 {
			reg = <0x0 0x5>;
			interrupts = <3>, <4>;
		};
		ext@6 {
			reg = <0x0 0x6>;
			interrupts-extended = <&intc0 9 1>, <&intc1 2>;
		};
	};
};
)";

TEST_F(OfTest, PropertiesPhandlesInheritanceAndCells)
{
    device_node* root = LoadDts(kCustomDts);
    ASSERT_NE(root, nullptr);
    device_node* intc0 = of_find_node_by_path("/intc@1000");
    device_node* intc1 = of_find_node_by_path("/intc@2000");
    device_node* bus = of_find_node_by_path("/bus");
    device_node* dev = of_find_node_by_path("/bus/dev@5");
    device_node* ext = of_find_node_by_path("/bus/ext@6");
    ASSERT_TRUE(intc0 && intc1 && bus && dev && ext);
    EXPECT_EQ(of_get_child_by_name(bus, "dev"), dev);
    EXPECT_EQ(of_find_compatible_node(intc0, nullptr, "test,intc"), intc1);

    const char* s = nullptr;
    EXPECT_EQ(of_property_read_string(bus, "label", &s), 0);
    EXPECT_STREQ(s, "a bus");
    EXPECT_EQ(of_property_count_u32_elems(bus, "list"), 3);
    u32 arr[3] = {};
    EXPECT_EQ(of_property_read_u32_array(bus, "list", arr, 3), 0);
    EXPECT_EQ(arr[2], 3u);
    EXPECT_EQ(of_property_read_u32_array(bus, "list", arr, 4), -EOVERFLOW);
    u32 x = 0;
    EXPECT_EQ(of_property_read_u32_index(bus, "list", 1, &x), 0);
    EXPECT_EQ(x, 2u);
    EXPECT_EQ(of_property_read_u32(bus, "absent", &x), -EINVAL);
    u64 w = 0;
    EXPECT_EQ(of_property_read_u64(bus, "wide", &w), 0);
    EXPECT_EQ(w, 0x100000002ull);
    EXPECT_EQ(of_parse_phandle(bus, "refs", 0), intc0);
    EXPECT_EQ(of_parse_phandle(bus, "refs", 1), intc1);
    EXPECT_EQ(of_parse_phandle(bus, "refs", 2), nullptr);

    // reg with the bus's 2 address cells and 0 size cells
    u64 addr = 0, size = 7;
    ASSERT_EQ(of_reg_read(dev, 0, &addr, &size), 0);
    EXPECT_EQ(addr, 5u);
    EXPECT_EQ(size, 0u);

    // dev inherits interrupt-parent intc1 from its bus; 1 cell per interrupt
    EXPECT_EQ(of_irq_find_parent(dev), intc1);
    EXPECT_EQ(of_irq_count(dev), 2);
    of_phandle_args a{};
    ASSERT_EQ(of_irq_parse_one(dev, 1, &a), 0);
    EXPECT_EQ(a.np, intc1);
    EXPECT_EQ(a.args_count, 1);
    EXPECT_EQ(a.args[0], 4u);
    // intc1 is itself a child of intc0 with 2 cells
    ASSERT_EQ(of_irq_parse_one(intc1, 0, &a), 0);
    EXPECT_EQ(a.np, intc0);
    EXPECT_EQ(a.args_count, 2);
    EXPECT_EQ(a.args[1], 4u);
    EXPECT_EQ(of_irq_find_parent(intc0), nullptr);
    // interrupts-extended: each entry with its own controller's cells
    EXPECT_EQ(of_irq_count(ext), 2);
    ASSERT_EQ(of_irq_parse_one(ext, 0, &a), 0);
    EXPECT_EQ(a.np, intc0);
    EXPECT_EQ(a.args_count, 2);
    EXPECT_EQ(a.args[0], 9u);
    ASSERT_EQ(of_irq_parse_one(ext, 1, &a), 0);
    EXPECT_EQ(a.np, intc1);
    EXPECT_EQ(a.args[0], 2u);

    irq_fwspec fw{};
    of_phandle_args_to_fwspec(a.np, a.args, (unsigned)a.args_count, &fw);
    EXPECT_EQ(fw.fwnode, of_node_to_fwnode(intc1));
    EXPECT_EQ(fw.param_count, 1);
    EXPECT_EQ(fw.param[0], 2u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(OfTest, MalformedBlobsGiveOneClearError)
{
    auto good = irqsim_test::DefaultDtb();
    ASSERT_FALSE(good.empty());
    unsigned allocated = irq_get_nr_allocated();

    struct Case {
        const char* what;
        std::vector<uint8_t> blob;
        size_t size;
        const char* log;
    };
    std::vector<Case> cases;
    cases.push_back({"truncated", good, good.size() - 16, "truncated FDT"});
    auto bad_magic = good;
    bad_magic[0] = 0x12;
    cases.push_back({"bad magic", bad_magic, bad_magic.size(), "bad FDT header"});
    cases.push_back({"tiny", good, 8, "too small"});
    auto corrupt = good;
    // clobber the first token of the structure block (FDT_BEGIN_NODE of the root)
    uint32_t off_struct = (uint32_t)corrupt[8] << 24 | corrupt[9] << 16 | corrupt[10] << 8 | corrupt[11];
    corrupt[off_struct + 3] = 0x7;
    cases.push_back({"corrupt structure", corrupt, corrupt.size(), "malformed FDT structure"});
    for (auto& c : cases) {
        ClearLogs();
        device_node* r = of_fdt_unflatten(c.blob.data(), c.size);
        EXPECT_TRUE(IS_ERR(r)) << c.what;
        EXPECT_EQ(PTR_ERR(r), -EINVAL) << c.what;
        EXPECT_EQ(logs.size(), 1u) << c.what << "\n" << AllLogs();
        EXPECT_EQ(CountLogs(c.log), 1u) << c.what << "\n" << AllLogs();
        EXPECT_EQ(irqchip_init_from_fdt(c.blob.data(), c.size), -EINVAL) << c.what;
    }
    EXPECT_EQ(of_root, nullptr);
    EXPECT_EQ(irq_get_nr_allocated(), allocated);
}

// interrupt-parent chains that never reach #interrupt-cells: each once looped
// forever in of_irq_find_parent_checked (ctest gives OfWalkTotal.* a TIMEOUT)
using OfWalkTotal = OfTest;

TEST_F(OfWalkTotal, InterruptParentLoopsEndWithOneLine)
{
    device_node* root = LoadDts(R"(
/dts-v1/;
/ {
	self: self {
		interrupt-parent = <&self>;
		interrupts = <1>;
	};
	a: a {
		interrupt-parent = <&b>;
	};
	b: b {
		interrupt-parent = <&a>;
	};
	lines {
		interrupt-parent = <&a>;
		interrupts = <1>;
	};
	huge: huge {
		interrupt-controller;
		#interrupt-cells = <0xffffffff>;
	};
	hugeuser {
		interrupt-parent = <&huge>;
		interrupts = <1 2 3 4>;
	};
};
)");
    ASSERT_NE(root, nullptr);
    struct {
        const char* path;
        const char* log;
    } cases[] = {
        {"/self", "/self: interrupt-parent chain loops through /self"},
        {"/lines", "/lines: interrupt-parent chain loops through /"},
    };
    of_phandle_args a{};
    for (auto& c : cases) {
        device_node* np = of_find_node_by_path(c.path);

        ASSERT_NE(np, nullptr) << c.path;
        ClearLogs();
        EXPECT_EQ(of_irq_parse_one(np, 0, &a), -EINVAL) << c.path;
        EXPECT_EQ(logs.size(), 1u) << AllLogs();
        EXPECT_NE(AllLogs().find(c.log), std::string::npos) << AllLogs();
        EXPECT_EQ(of_irq_count(np), 0) << c.path;
        EXPECT_EQ(of_irq_find_parent(np), nullptr) << c.path;
    }
    /* #interrupt-cells = <0xffffffff>: no interrupts, not "-96 interrupts" */
    device_node* hu = of_find_node_by_path("/hugeuser");
    ASSERT_NE(hu, nullptr);
    EXPECT_EQ(of_irq_count(hu), 0);
    EXPECT_EQ(of_irq_parse_one(hu, 0, &a), -EINVAL);
}

TEST_F(OfTest, MalformedInterruptParentIsNamed)
{
    /* dtc itself aborts on a two-cell interrupt-parent: edit the blob */
    std::string err;
    auto blob =
        irqsim_test::CompileDts("/dts-v1/;\n/ { intc: intc { interrupt-controller; #interrupt-cells = <1>; };"
                                " dev { interrupt-parent = <&intc>; interrupts = <1>; }; };\n",
                                &err);
    ASSERT_FALSE(blob.empty()) << err;
    blob.resize(blob.size() + 64);
    ASSERT_EQ(fdt_open_into(blob.data(), blob.data(), (int)blob.size()), 0);
    fdt32_t two[2] = {cpu_to_fdt32(1), cpu_to_fdt32(2)};
    int off = fdt_path_offset(blob.data(), "/dev");
    ASSERT_GE(off, 0);
    ASSERT_EQ(fdt_setprop(blob.data(), off, "interrupt-parent", two, sizeof(two)), 0);
    ASSERT_NE(Load(blob), nullptr);
    device_node* np = of_find_node_by_path("/dev");
    of_phandle_args a{};
    ASSERT_NE(np, nullptr);
    ClearLogs();
    EXPECT_EQ(of_irq_parse_one(np, 0, &a), -EINVAL);
    EXPECT_EQ(logs.size(), 1u) << AllLogs();
    EXPECT_NE(AllLogs().find("/dev: interrupt-parent is not one phandle cell"), std::string::npos)
        << AllLogs();
    EXPECT_EQ(of_irq_count(np), 0);
}

TEST_F(OfWalkTotal, RootParentWithoutCellsOrControllerEnds)
{
    /* root interrupt-parent = <&gic>, the GIC neither a controller nor celled */
    device_node* root = LoadDts(R"(
/dts-v1/;
/ {
	interrupt-parent = <&gic>;
	gic: gic@0 {
		compatible = "test,intc";
	};
	soc {
		dev {
			interrupts = <0 1 4>;
		};
	};
};
)");
    ASSERT_NE(root, nullptr);
    device_node* np = of_find_node_by_path("/soc/dev");
    of_phandle_args a{};
    ASSERT_NE(np, nullptr);
    ClearLogs();
    EXPECT_EQ(of_irq_parse_one(np, 0, &a), -EINVAL);
    EXPECT_EQ(logs.size(), 1u) << AllLogs();
    EXPECT_NE(AllLogs().find("/soc/dev: interrupt-parent chain loops"), std::string::npos) << AllLogs();
    EXPECT_EQ(of_irq_count(np), 0);
    EXPECT_EQ(irq_of_parse_and_map(np, 0), 0u);
}

TEST_F(OfTest, SingleCellPropertiesAreTypeChecked)
{
    device_node* root = LoadDts(R"(
/dts-v1/;
/ {
	n {
		one = <7>;
		two = <7 8>;
		str = "16";
		word = "abcdefg";
		empty;
	};
	bus {
		#address-cells = <1 1>;
		#size-cells = <1>;
		dev {
			reg = <0x1000 0x100>;
		};
	};
};
)");
    ASSERT_NE(root, nullptr);
    device_node* n = of_find_node_by_path("/n");
    u32 v = 0;
    ASSERT_NE(n, nullptr);
    EXPECT_EQ(of_property_read_u32(n, "one", &v), 0);
    EXPECT_EQ(v, 7u);
    EXPECT_EQ(of_property_read_u32(n, "two", &v), -EOVERFLOW);
    EXPECT_EQ(of_property_read_u32(n, "str", &v), -EOVERFLOW);
    EXPECT_EQ(of_property_read_u32(n, "word", &v), -EOVERFLOW);
    EXPECT_EQ(of_property_read_u32(n, "empty", &v), -ENODATA);
    EXPECT_EQ(of_property_read_u32(n, "absent", &v), -EINVAL);
    EXPECT_EQ(v, 7u);

    /* a two-cell #address-cells is not taken for a number, nor skipped */
    device_node* dev = of_find_node_by_path("/bus/dev");
    u64 addr = 0, size = 0;
    ASSERT_NE(dev, nullptr);
    ClearLogs();
    EXPECT_EQ(of_reg_read(dev, 0, &addr, &size), -EINVAL);
    EXPECT_NE(AllLogs().find("/bus/dev: unsupported #address-cells"), std::string::npos) << AllLogs();
}

TEST_F(OfTest, DanglingInterruptParentAndMissingCellsNameTheNode)
{
    device_node* root = LoadDts(R"(
/dts-v1/;
/ {
	nocells: intc@1 {
		compatible = "test,intc";
		interrupt-controller;
	};
	orphan {
		interrupt-parent = <0x99>;
		interrupts = <1>;
	};
	uncelled {
		interrupt-parent = <&nocells>;
		interrupts = <1>;
	};
	lonely {
		interrupts = <1>;
	};
};
)");
    ASSERT_NE(root, nullptr);
    of_phandle_args a{};
    struct {
        const char* path;
        const char* log;
    } cases[] = {
        {"/orphan", "interrupt-parent phandle 0x99 matches no node"},
        {"/uncelled", "interrupt parent /intc@1 has no #interrupt-cells"},
        {"/lonely", "no interrupt parent"},
    };
    for (auto& c : cases) {
        ClearLogs();
        device_node* np = of_find_node_by_path(c.path);
        ASSERT_NE(np, nullptr) << c.path;
        EXPECT_EQ(of_irq_parse_one(np, 0, &a), -EINVAL) << c.path;
        EXPECT_EQ(logs.size(), 1u) << AllLogs();
        EXPECT_EQ(CountLogs({c.path, c.log}), 1u) << AllLogs();
        EXPECT_EQ(irq_of_parse_and_map(np, 0), 0u);
    }
}

// ---- probe order --------------------------------------------------------------

std::vector<std::string> g_order;
std::vector<std::string> g_parents;
int g_fail_path_hits;
const char* g_fail_path;

int RecordInit(device_node* np, device_node* parent)
{
    g_order.push_back(np->path);
    g_parents.push_back(parent ? parent->path : "-");
    if (g_fail_path && !strcmp(np->path, g_fail_path)) {
        g_fail_path_hits++;
        return -EIO;
    }
    return 0;
}

const of_irqchip_match kFakeChips[] = {
    {"test,root-intc", RecordInit},
    {"test,child-intc", RecordInit},
    {nullptr, nullptr},
};

const char* kProbeDts = R"(
/dts-v1/;
/ {
	interrupt-parent = <&root>;
	/* listed before its parent on purpose */
	grandchild {
		compatible = "test,child-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
		interrupt-parent = <&child>;
	};
	child: child {
		compatible = "test,child-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
		interrupt-parent = <&root>;
	};
	root: root {
		compatible = "test,root-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
	};
	sibling {
		compatible = "test,child-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
	};
	disabled {
		compatible = "test,child-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
		status = "disabled";
	};
	nodriver: nodriver {
		compatible = "test,unknown";
		interrupt-controller;
		#interrupt-cells = <1>;
	};
	stranded {
		compatible = "test,child-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
		interrupt-parent = <&nodriver>;
	};
	notacontroller {
		compatible = "test,root-intc";
	};
};
)";

class OfProbeTest : public OfTest {
protected:
    void SetUp() override
    {
        OfTest::SetUp();
        g_order.clear();
        g_parents.clear();
        g_fail_path = nullptr;
        g_fail_path_hits = 0;
    }
};

TEST_F(OfProbeTest, ParentsBeforeChildrenAndStrandedNamed)
{
    device_node* root = LoadDts(kProbeDts);
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(of_irq_init(root, kFakeChips), -ENODEV);
    std::vector<std::string> order = {"/root", "/child", "/sibling", "/grandchild"};
    std::vector<std::string> parents = {"-", "/root", "/root", "/child"};
    EXPECT_EQ(g_order, order);
    EXPECT_EQ(g_parents, parents);
    EXPECT_EQ(CountLogs({"/stranded", "/nodriver", "never initialised"}), 1u) << AllLogs();
    EXPECT_EQ(ErrorCount(), 1u) << AllLogs();
}

TEST_F(OfProbeTest, FailedParentStrandsItsChildren)
{
    device_node* root = LoadDts(kProbeDts);
    ASSERT_NE(root, nullptr);
    g_fail_path = "/child";
    EXPECT_EQ(of_irq_init(root, kFakeChips), -EIO);
    EXPECT_EQ(g_fail_path_hits, 1);
    EXPECT_EQ(std::count(g_order.begin(), g_order.end(), "/grandchild"), 0);
    EXPECT_EQ(CountLogs({"/child", "init failed (-5)"}), 1u) << AllLogs();
    EXPECT_EQ(CountLogs({"/grandchild", "/child", "never initialised"}), 1u) << AllLogs();
}

TEST_F(OfProbeTest, DanglingParentOfAControllerIsReported)
{
    device_node* root = LoadDts(R"(
/dts-v1/;
/ {
	broken {
		compatible = "test,child-intc";
		interrupt-controller;
		#interrupt-cells = <1>;
		interrupt-parent = <0x42>;
	};
};
)");
    ASSERT_NE(root, nullptr);
    EXPECT_EQ(of_irq_init(root, kFakeChips), -ENODEV);
    EXPECT_TRUE(g_order.empty());
    EXPECT_EQ(CountLogs({"/broken", "cannot be resolved"}), 1u) << AllLogs();
}

// ---- the built-in table on the default SoC with a fake GIC ---------------------

TEST_F(OfTest, DefaultSocProbesGicAndMapsDeviceInterrupts)
{
    FakeGic fake;
    fake.Install();
    // the default tree also has the TI INTR/INTA: a fake TI-SCI firmware and registers
    TiRegs ti_regs;
    FakeTiSci ti_fw;
    TiOnFakeIo(fake.io, ti_regs);
    ti_fw.regs = &ti_regs;
    ti_fw.Install();
    auto blob = irqsim_test::DefaultDtb();
    ASSERT_EQ(irqchip_init_from_fdt(blob.data(), blob.size()), 0) << AllLogs();
    ASSERT_NE(gic_v3_domain(), nullptr);
    device_node* lines = of_find_compatible_node(nullptr, nullptr, "irqsim,lines");
    device_node* timer = of_find_compatible_node(nullptr, nullptr, "irqsim,timer");
    ASSERT_TRUE(lines && timer);
    EXPECT_EQ(irq_find_host(of_find_compatible_node(nullptr, nullptr, "arm,gic-v3")), gic_v3_domain());

    unsigned level = irq_of_parse_and_map(lines, 3);
    unsigned edge = irq_of_parse_and_map(lines, 20);
    unsigned ppi = irq_of_parse_and_map(timer, 0);
    ASSERT_TRUE(level && edge && ppi) << AllLogs();
    EXPECT_EQ(irq_get_irq_data(level)->hwirq, 35u);
    EXPECT_EQ(irq_get_trigger_type(level), (u32)IRQ_TYPE_LEVEL_HIGH);
    EXPECT_EQ(irq_get_irq_data(edge)->hwirq, 52u);
    EXPECT_EQ(irq_get_trigger_type(edge), (u32)IRQ_TYPE_EDGE_RISING);
    EXPECT_EQ(irq_get_irq_data(ppi)->hwirq, 30u);
    EXPECT_EQ(irq_of_parse_and_map(lines, 3), level);
    irq_dispose_mapping(level);
    irq_dispose_mapping(edge);
    irq_dispose_mapping(ppi);
    // the tree stays installed until reset
    EXPECT_EQ(irqchip_init_from_fdt(blob.data(), blob.size()), -EBUSY);
}

}  // namespace
