// SPDX-License-Identifier: MIT
// JUnit XML for regressions: one <testsuite> per shard, one <testcase> per
// (scenario, seed), and the merge of several shard files into one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace irqsim {

struct JunitCase {
    std::string classname;  // the scenario ("spi", "ims:inta")
    std::string name;       // "seed 17"
    double time = 0;        // wall seconds
    std::vector<std::pair<std::string, std::string>> properties;
    bool failed = false;
    std::string failure_message;  // one line: the first divergent hop or why the run failed
    std::string failure_text;     // reproducer and details
    std::string system_out;       // incl. [[ATTACHMENT|path]] lines
};

// &, <, >, " and ' escaped; control characters other than tab and newline dropped
std::string xml_escape(const std::string& s);

// <testsuites><testsuite name=...>...</testsuite></testsuites>
std::string junit_document(const std::string& suite_name, const std::vector<JunitCase>& cases);
bool write_junit(const std::string& path, const std::string& suite_name, const std::vector<JunitCase>& cases,
                 std::string* err);

// Merge JUnit files (ours, or any whose suites are <testsuite> elements, e.g.
// ctest --output-junit) into one <testsuites> with the totals summed.
// Returns false with *err naming the first unreadable or non-JUnit input.
bool merge_junit(const std::vector<std::string>& inputs, const std::string& out, std::string* err);

}  // namespace irqsim
