// SPDX-License-Identifier: MIT
// Unit tests of the regression plumbing: seed lists, shards, JUnit writing and
// merging, and the failure .gtkw.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtkw_window.h"
#include "junit.h"
#include "regress.h"

namespace irqsim {
namespace {

TEST(SeedList, RangesAndSingles)
{
    std::vector<uint64_t> s;
    std::string err;
    ASSERT_TRUE(parse_seed_list("1,5,9-12", &s, &err)) << err;
    EXPECT_EQ(s, (std::vector<uint64_t>{1, 5, 9, 10, 11, 12}));
    ASSERT_TRUE(parse_seed_list("1-1000", &s, &err)) << err;
    EXPECT_EQ(s.size(), 1000u);
    EXPECT_EQ(s.back(), 1000u);
}

TEST(SeedList, BadInputNamesIt)
{
    std::vector<uint64_t> s;
    std::string err;
    for (const char* bad : {"", "5-2", "a", "1,,2", "-3", "1-", "1-2-3", "99999999999999999999"}) {
        EXPECT_FALSE(parse_seed_list(bad, &s, &err)) << bad;
        EXPECT_FALSE(err.empty()) << bad;
    }
}

TEST(Shard, Parse)
{
    unsigned i = 9, n = 9;
    std::string err;
    ASSERT_TRUE(parse_shard("0/4", &i, &n, &err));
    EXPECT_EQ(i, 0u);
    EXPECT_EQ(n, 4u);
    ASSERT_TRUE(parse_shard("3/4", &i, &n, &err));
    EXPECT_EQ(i, 3u);
    for (const char* bad : {"4/4", "1/0", "1", "a/b", "-1/4", "1/4x", ""})
        EXPECT_FALSE(parse_shard(bad, &i, &n, &err)) << bad;
}

TEST(Junit, EscapesEverything)
{
    EXPECT_EQ(xml_escape("a<b>&\"c'\x01"), "a&lt;b&gt;&amp;&quot;c&apos;");
    JunitCase c;
    c.classname = "ims:inta";
    c.name = "seed <3>";
    c.failed = true;
    c.failure_message = "lost: \"x\" & <y>";
    c.failure_text = "reproduce: irqsim run ims --parent inta --seed 3";
    c.system_out = "[[ATTACHMENT|/tmp/a&b.fst]]\n";
    c.properties = {{"seed", "3"}, {"note", "a<b"}};
    std::string doc = junit_document("suite & co", {c});
    EXPECT_NE(doc.find("classname=\"ims:inta\" name=\"seed &lt;3&gt;\""), std::string::npos) << doc;
    EXPECT_NE(doc.find("message=\"lost: &quot;x&quot; &amp; &lt;y&gt;\""), std::string::npos) << doc;
    EXPECT_NE(doc.find("[[ATTACHMENT|/tmp/a&amp;b.fst]]"), std::string::npos) << doc;
    EXPECT_NE(doc.find("<property name=\"note\" value=\"a&lt;b\"/>"), std::string::npos) << doc;
    EXPECT_NE(doc.find("tests=\"1\" failures=\"1\""), std::string::npos) << doc;
    EXPECT_EQ(doc.find("<y>"), std::string::npos);
}

TEST(Junit, MergeSumsTheShards)
{
    auto dir = std::filesystem::temp_directory_path() / ("irqsim-junit-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir);
    JunitCase pass, fail;
    pass.classname = fail.classname = "spi";
    pass.name = "seed 1";
    pass.time = 1.5;
    fail.name = "seed 2";
    fail.failed = true;
    fail.failure_message = "<testsuite> in a message must not split the merge";
    std::string err;
    ASSERT_TRUE(write_junit((dir / "a.xml").string(), "shard 0/2", {pass, fail}, &err)) << err;
    ASSERT_TRUE(write_junit((dir / "b.xml").string(), "shard 1/2", {pass}, &err)) << err;
    ASSERT_TRUE(
        merge_junit({(dir / "a.xml").string(), (dir / "b.xml").string()}, (dir / "all.xml").string(), &err))
        << err;
    std::ifstream f(dir / "all.xml");
    std::stringstream ss;
    ss << f.rdbuf();
    std::string all = ss.str();
    EXPECT_NE(all.find("<testsuites tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"3.000\">"),
              std::string::npos)
        << all;
    EXPECT_NE(all.find("name=\"shard 0/2\""), std::string::npos);
    EXPECT_NE(all.find("name=\"shard 1/2\""), std::string::npos);
    // a truncated shard is refused, naming the file
    std::ofstream((dir / "cut.xml").string()) << all.substr(0, all.size() / 2);
    EXPECT_FALSE(merge_junit({(dir / "cut.xml").string()}, (dir / "x.xml").string(), &err));
    EXPECT_NE(err.find("cut.xml"), std::string::npos) << err;
    std::filesystem::remove_all(dir);
}

TEST(FailureGtkw, MarkersZoomAndHighlightedGroup)
{
    FailureView v;
    v.view_text = "[*] a view\n[dumpfile] \"old.fst\"\n[timestart] 5\n*-15 -1 -1\n[size] 1400 900\n"
                  "@22\nTOP.line_in[31:0]\nTOP.mon_spi_pending[95:0]\nTOP.irq_out[4:0]\n";
    v.fst_path = "/t/w.fst";
    v.start = 1000;
    v.end = 5000;
    v.markers = {{"injection", 2000}, {"pending", 2002}, {"stopped_before_irq_out", 2002}};
    v.title = "lost: line5 INTID 37";
    v.intid = 37;
    v.cpu = 2;
    std::string g = failure_gtkw(v);
    EXPECT_EQ(g.find("old.fst"), std::string::npos);
    EXPECT_NE(g.find("[dumpfile] \"/t/w.fst\"\n[timestart] 1000000\n*"), std::string::npos) << g;
    EXPECT_NE(g.find(" 2002000 2000000 2002000 2002000 -1"), std::string::npos) << g;  // primary, A, B, C
    EXPECT_NE(
        g.find("[markername] Ainjection\n[markername] Bpending\n[markername] Cstopped_before_irq_out\n"),
        std::string::npos)
        << g;
    // bit 5 of line_in[31:0] is GTKWave index 26; INTID 37 = bit 5 of mon_spi_pending[95:0] = index 90
    EXPECT_NE(g.find("@29\n[color] 1\n+{line_in[5] (INTID 37)} (26)TOP.line_in[31:0]"), std::string::npos)
        << g;
    EXPECT_NE(g.find("(90)TOP.mon_spi_pending[95:0]"), std::string::npos) << g;
    EXPECT_NE(g.find("+{cpu2 irq_out} (2)TOP.irq_out[4:0]"), std::string::npos) << g;
    // the group comes before the view's own traces
    EXPECT_LT(g.find("-lost: line5 INTID 37"), g.find("@22\nTOP.line_in"));
    EXPECT_EQ(view_for_scenario("ims:inta"), "dma-ring");
    EXPECT_EQ(view_for_scenario("ipi"), "ipi");
    EXPECT_EQ(view_for_scenario("mbi"), "spi");
}

}  // namespace
}  // namespace irqsim
