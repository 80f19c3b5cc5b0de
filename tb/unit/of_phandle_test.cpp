// SPDX-License-Identifier: MIT
// Phandle lists as upstream walks them: of_for_each_phandle with the argument
// count from each target's cells property (or a fixed count), empty (zero)
// entries, of_phandle_iterator_args, of_count_phandle_with_args, and the
// errors of a list that runs past its end or names no node.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "unit/dtb_util.h"
#include "unit/test_support.h"

extern "C" {
#include <linux/of.h>
}

namespace {

class OfPhandleTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        std::string err;
        blob = irqsim_test::CompileDts(R"(/dts-v1/;
/ {
	a: ctrl-a { #foo-cells = <1>; };
	b: ctrl-b { #foo-cells = <2>; };
	c: ctrl-c { };
	user {
		foos = <&a 7>, <0>, <&b 8 9>;
		short = <&b 1>;
		nocells = <&c>;
		plain = <&a &b &c>;
	};
};
)",
                                       &err);
        ASSERT_FALSE(blob.empty()) << err;
        root = of_fdt_unflatten(blob.data(), blob.size());
        ASSERT_NE(root, nullptr);
        user = of_find_node_by_path("/user");
        ASSERT_NE(user, nullptr);
    }
    void TearDown() override
    {
        if (root)
            of_fdt_free(root);
        CoreTest::TearDown();
    }
    std::vector<uint8_t> blob;
    device_node *root = nullptr, *user = nullptr;
};

TEST_F(OfPhandleTest, ForEachPhandleWithCellsFromTheTarget)
{
    of_phandle_iterator it;
    int err;
    std::vector<std::string> seen;
    of_for_each_phandle(&it, err, user, "foos", "#foo-cells", 0)
    {
        uint32_t args[4] = {};
        int n = of_phandle_iterator_args(&it, args, 4);
        std::string s = it.node ? it.node->name : "-";
        for (int i = 0; i < n; i++)
            s += " " + std::to_string(args[i]);
        seen.push_back(s);
    }
    EXPECT_EQ(err, -ENOENT);
    EXPECT_EQ(seen, (std::vector<std::string>{"ctrl-a 7", "-", "ctrl-b 8 9"}));
    EXPECT_EQ(of_count_phandle_with_args(user, "foos", "#foo-cells"), 3);
    EXPECT_EQ(of_count_phandle_with_args(user, "plain", nullptr), 3);
    EXPECT_EQ(of_count_phandle_with_args(user, "absent", "#foo-cells"), -ENOENT);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();
}

TEST_F(OfPhandleTest, MalformedListsAreEinval)
{
    EXPECT_EQ(of_count_phandle_with_args(user, "short", "#foo-cells"), -EINVAL);  // ctrl-b wants 2
    EXPECT_GE(CountLogs("past the end"), 1u) << AllLogs();
    EXPECT_EQ(of_count_phandle_with_args(user, "nocells", "#foo-cells"), -EINVAL);
    EXPECT_GE(CountLogs("could not get #foo-cells"), 1u) << AllLogs();
    // a fixed count without a cells property
    of_phandle_iterator it;
    ASSERT_EQ(of_phandle_iterator_init(&it, user, "plain", nullptr, 0), 0);
    int n = 0;
    while (of_phandle_iterator_next(&it) == 0)
        n++;
    EXPECT_EQ(n, 3);
}

}  // namespace
