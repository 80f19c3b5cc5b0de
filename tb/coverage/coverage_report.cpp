// SPDX-License-Identifier: MIT
// irqsim-coverage-report: the functional coverage of a run of tests and
// regressions, held against the model (fabric_coverage_model) and the testplan.
//
//   irqsim-coverage-report --fcov DIR --testplan tb/testplan.json
//                          [--junit ctest.xml ...] [--cpus 4] [--json out.json]
//                          [--html out.html]
//
// Prints the share of bins hit per point, every bin not hit, every hit outside
// the model, and for each testpoint of the plan whether it has a passing test
// (a JUnit testcase whose "name" or "classname.name" matches one of its globs)
// and how much of the coverage it names was hit.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <dirent.h>
#include <fnmatch.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <regex>
#include <sstream>

#include "functional_coverage.h"

using namespace irqsim;

namespace {

struct TestCase {
    std::string name;  // as the JUnit file names it
    bool passed = false;
};

std::string attr(const std::string& tag, const std::string& key)
{
    std::regex re("\\s" + key + "=\"([^\"]*)\"");
    std::smatch m;
    return std::regex_search(tag, m, re) ? m[1].str() : std::string();
}

std::string xml_unescape(std::string s)
{
    const std::pair<const char*, const char*> ents[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [e, c] : ents)
        for (size_t p = s.find(e); p != std::string::npos; p = s.find(e, p + 1))
            s.replace(p, std::strlen(e), c);
    return s;
}

// <testcase name=".." classname=".." ...> ... </testcase> or <testcase .../>
bool read_junit(const std::string& path, std::vector<TestCase>* out, std::string* err)
{
    std::ifstream f(path);
    if (!f) {
        *err = path + ": cannot read";
        return false;
    }
    std::stringstream ss;
    ss << f.rdbuf();
    std::string x = ss.str();
    size_t n = 0;
    for (size_t p = x.find("<testcase"); p != std::string::npos; p = x.find("<testcase", p + 1)) {
        size_t gt = x.find('>', p);
        if (gt == std::string::npos)
            break;
        std::string tag = x.substr(p, gt - p + 1);
        bool empty = tag.size() >= 2 && tag[tag.size() - 2] == '/';
        std::string body;
        if (!empty) {
            size_t end = x.find("</testcase>", gt);
            body = x.substr(gt, end == std::string::npos ? std::string::npos : end - gt);
        }
        std::string name = xml_unescape(attr(tag, "name")), cls = xml_unescape(attr(tag, "classname"));
        std::string status = attr(tag, "status");
        TestCase tc;
        tc.name = cls.empty() || cls == name ? name : cls + "." + name;
        tc.passed = body.find("<failure") == std::string::npos && body.find("<error") == std::string::npos &&
                    body.find("<skipped") == std::string::npos && status != "notrun" &&
                    status != "disabled" && status != "fail";
        out->push_back(tc);
        n++;
    }
    if (n == 0) {
        *err = path + ": no <testcase> in it";
        return false;
    }
    return true;
}

bool glob_match(const std::string& pattern, const std::string& s)
{
    return fnmatch(pattern.c_str(), s.c_str(), 0) == 0;
}

}  // namespace

int main(int argc, char** argv)
{
    CLI::App app{"irqsim-coverage-report: functional coverage against the model and the testplan"};
    std::string fcov_dir, testplan, json_out, html_out;
    std::vector<std::string> junits;
    unsigned cpus = 4;
    app.add_option("--fcov", fcov_dir, "directory of fcov-*.json files (IRQSIM_FCOV_DIR of the runs)")
        ->required();
    app.add_option("--testplan", testplan, "testplan (JSON, comments allowed)");
    app.add_option("--junit", junits,
                   "JUnit results of the runs (ctest --output-junit, irqsim regress --junit)");
    app.add_option("--cpus", cpus, "application CPUs of the SoC the runs used")->check(CLI::Range(1u, 64u));
    app.add_option("--json", json_out, "write the report as JSON");
    app.add_option("--html", html_out, "write the report as one HTML page");
    bool partial = false;
    app.add_flag("--partial", partial,
                 "the JUnit files hold part of the tests (scripts/coverage --quick): a testpoint none of "
                 "whose tests ran is 'not in this run', not 'NO TEST RUN'");
    CLI11_PARSE(app, argc, argv);

    // the model, then every file's hits
    FunctionalCoverage& model = FunctionalCoverage::instance();
    fabric_coverage_model(model, cpus);
    CoverageCounts declared = model.counts();
    CoverageCounts hits;
    DIR* d = opendir(fcov_dir.c_str());
    if (!d) {
        std::fprintf(stderr, "irqsim-coverage-report: cannot read directory %s\n", fcov_dir.c_str());
        return 2;
    }
    unsigned files = 0;
    while (struct dirent* e = readdir(d)) {
        std::string n = e->d_name;
        if (n.rfind("fcov-", 0) != 0 || n.size() < 5 || n.compare(n.size() - 5, 5, ".json") != 0)
            continue;
        std::string err;
        if (!read_coverage(fcov_dir + "/" + n, &hits, &err)) {
            std::fprintf(stderr, "irqsim-coverage-report: %s\n", err.c_str());
            closedir(d);
            return 2;
        }
        files++;
    }
    closedir(d);

    nlohmann::json report;
    report["schema"] = "irqsim-coverage-report/1";
    report["files"] = files;
    size_t total = 0, covered = 0;
    std::ostringstream txt;
    txt << "functional coverage: " << files << " run(s) merged\n";
    for (const auto& [point, bins] : declared) {
        size_t hit = 0;
        std::vector<std::string> missing;
        for (const auto& [bin, zero] : bins) {
            uint64_t n = hits.count(point) && hits.at(point).count(bin) ? hits.at(point).at(bin) : 0;
            report["points"][point][bin] = n;
            if (n)
                hit++;
            else
                missing.push_back(bin);
        }
        total += bins.size();
        covered += hit;
        txt << "  " << point << ": " << hit << "/" << bins.size() << " bins\n";
        for (const auto& m : missing)
            txt << "    not hit: " << point << ":" << m << "\n";
        report["uncovered"][point] = missing;
    }
    for (const auto& [point, bins] : hits)
        for (const auto& [bin, n] : bins)
            if (!declared.count(point) || !declared.at(point).count(bin)) {
                txt << "  hit outside the model: " << point << ":" << bin << " (" << n << ")\n";
                report["outside_model"][point + ":" + bin] = n;
            }
    double share = total ? 100.0 * static_cast<double>(covered) / static_cast<double>(total) : 0;
    report["bins"] = {{"total", total}, {"covered", covered}, {"percent", share}};
    char line[128];
    std::snprintf(line, sizeof line, "functional coverage: %zu/%zu bins (%.1f%%)\n", covered, total, share);
    txt << line;

    // the testplan: every testpoint needs a passing test
    if (!testplan.empty()) {
        std::vector<TestCase> cases;
        for (const auto& j : junits) {
            std::string err;
            if (!read_junit(j, &cases, &err)) {
                std::fprintf(stderr, "irqsim-coverage-report: %s\n", err.c_str());
                return 2;
            }
        }
        std::ifstream f(testplan);
        nlohmann::json plan = nlohmann::json::parse(f, nullptr, false, /*ignore_comments=*/true);
        if (plan.is_discarded() || !plan.contains("testpoints") || !plan["testpoints"].is_array()) {
            std::fprintf(stderr,
                         "irqsim-coverage-report: %s: not a testplan (an object with a testpoints array)\n",
                         testplan.c_str());
            return 2;
        }
        unsigned without = 0, not_run = 0;
        txt << "testplan " << testplan << ":\n";
        for (const auto& tp : plan["testpoints"]) {
            std::string name = tp.value("name", "?");
            unsigned matched = 0, passed = 0;
            for (const auto& g : tp.value("tests", std::vector<std::string>{}))
                for (const auto& tc : cases)
                    if (glob_match(g, tc.name)) {
                        matched++;
                        passed += tc.passed;
                    }
            unsigned cov_bins = 0, cov_hit = 0;
            for (const auto& c : tp.value("coverage", std::vector<std::string>{})) {
                size_t colon = c.find(':');
                std::string pp = c.substr(0, colon),
                            bp = colon == std::string::npos ? "*" : c.substr(colon + 1);
                for (const auto& [point, bins] : declared)
                    if (glob_match(pp, point))
                        for (const auto& [bin, z] : bins)
                            if (glob_match(bp, bin)) {
                                cov_bins++;
                                cov_hit += report["points"][point][bin].get<uint64_t>() != 0;
                            }
            }
            const char* status = matched == 0        ? (partial ? "not in run" : "NO TEST RUN")
                                 : passed == matched ? "passed"
                                                     : "FAILING";
            if (matched == 0 && partial)
                not_run++;
            else if (matched == 0 || passed != matched)
                without++;
            std::snprintf(line, sizeof line, "  %-32s %-12s tests %u/%u passed, coverage %u/%u bins\n",
                          name.c_str(), status, passed, matched, cov_hit, cov_bins);
            txt << line;
            report["testpoints"][name] = {{"status", status},
                                          {"tests_matched", matched},
                                          {"tests_passed", passed},
                                          {"bins", cov_bins},
                                          {"bins_hit", cov_hit}};
        }
        txt << "testpoints without a passing test: " << without << "\n";
        report["testpoints_without_passing_test"] = without;
        if (partial) {
            txt << "testpoints not in this run: " << not_run << "\n";
            report["testpoints_not_in_run"] = not_run;
        }
    }

    std::fputs(txt.str().c_str(), stdout);
    if (!json_out.empty()) {
        std::ofstream o(json_out);
        o << report.dump(2) << "\n";
    }
    if (!html_out.empty()) {
        std::string t = txt.str(), esc;
        for (char c : t)
            esc += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
        std::ofstream o(html_out);
        o << "<!doctype html><meta charset=utf-8><title>irqsim functional coverage</title>"
             "<h1>irqsim functional coverage</h1><p><a href=\"index.html\">line and toggle coverage (lcov)</a>"
             "<pre>"
          << esc << "</pre>\n";
    }
    return 0;
}
