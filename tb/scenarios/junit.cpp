// SPDX-License-Identifier: MIT
#include "junit.h"

#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace irqsim {

std::string xml_escape(const std::string& s)
{
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '&':
            o += "&amp;";
            break;
        case '<':
            o += "&lt;";
            break;
        case '>':
            o += "&gt;";
            break;
        case '"':
            o += "&quot;";
            break;
        case '\'':
            o += "&apos;";
            break;
        default:
            // XML 1.0 forbids most control characters even escaped
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r')
                break;
            o += c;
        }
    }
    return o;
}

static std::string fmt_time(double t)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", t);
    return buf;
}

std::string junit_document(const std::string& suite_name, const std::vector<JunitCase>& cases)
{
    size_t failures = 0;
    double total = 0;
    for (const auto& c : cases) {
        failures += c.failed;
        total += c.time;
    }
    std::ostringstream o;
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    o << "<testsuites tests=\"" << cases.size() << "\" failures=\"" << failures << "\" errors=\"0\" time=\""
      << fmt_time(total) << "\">\n";
    o << "  <testsuite name=\"" << xml_escape(suite_name) << "\" tests=\"" << cases.size() << "\" failures=\""
      << failures << "\" errors=\"0\" skipped=\"0\" time=\"" << fmt_time(total) << "\">\n";
    for (const auto& c : cases) {
        o << "    <testcase classname=\"" << xml_escape(c.classname) << "\" name=\"" << xml_escape(c.name)
          << "\" time=\"" << fmt_time(c.time) << "\">\n";
        if (!c.properties.empty()) {
            o << "      <properties>\n";
            for (const auto& [k, v] : c.properties)
                o << "        <property name=\"" << xml_escape(k) << "\" value=\"" << xml_escape(v)
                  << "\"/>\n";
            o << "      </properties>\n";
        }
        if (c.failed)
            o << "      <failure message=\"" << xml_escape(c.failure_message) << "\" type=\"failure\">"
              << xml_escape(c.failure_text) << "</failure>\n";
        if (!c.system_out.empty())
            o << "      <system-out>" << xml_escape(c.system_out) << "</system-out>\n";
        o << "    </testcase>\n";
    }
    o << "  </testsuite>\n</testsuites>\n";
    return o.str();
}

bool write_junit(const std::string& path, const std::string& suite_name, const std::vector<JunitCase>& cases,
                 std::string* err)
{
    std::ofstream f(path);
    if (!f) {
        *err = "cannot write JUnit file " + path;
        return false;
    }
    f << junit_document(suite_name, cases);
    f.flush();
    if (!f) {
        *err = "cannot write JUnit file " + path;
        return false;
    }
    return true;
}

namespace {

// a numeric attribute of an opening tag (0 if absent); attributes may be
// separated by spaces, tabs or newlines (ctest writes one per line)
double attr_number(const std::string& tag, const char* name)
{
    const std::string key = std::string(name) + "=\"";
    for (size_t p = tag.find(key); p != std::string::npos; p = tag.find(key, p + 1))
        if (p > 0 && std::isspace(static_cast<unsigned char>(tag[p - 1])))
            return std::atof(tag.c_str() + p + key.size());
    return 0;
}

}  // namespace

bool merge_junit(const std::vector<std::string>& inputs, const std::string& out, std::string* err)
{
    std::string suites;
    double tests = 0, failures = 0, errors = 0, skipped = 0, time = 0;
    for (const auto& path : inputs) {
        std::ifstream f(path);
        if (!f) {
            *err = "cannot read " + path;
            return false;
        }
        std::stringstream ss;
        ss << f.rdbuf();
        const std::string text = ss.str();
        // Suites are copied verbatim: text and attributes inside are escaped, so
        // "<testsuite" and "</testsuite>" only occur as element boundaries.
        size_t pos = 0, found = 0;
        while (true) {
            size_t b = text.find("<testsuite", pos);
            while (b != std::string::npos && text.compare(b, 11, "<testsuites") == 0)
                b = text.find("<testsuite", b + 11);
            if (b == std::string::npos)
                break;
            size_t tag_end = text.find('>', b);
            if (tag_end == std::string::npos)
                break;
            std::string tag = text.substr(b, tag_end + 1 - b);
            size_t e;
            if (text[tag_end - 1] == '/') {  // <testsuite .../>: an empty suite
                e = tag_end + 1;
            } else {
                e = text.find("</testsuite>", tag_end);
                if (e == std::string::npos) {
                    *err = path + ": <testsuite> is not closed (truncated file?)";
                    return false;
                }
                e += 12;
            }
            tests += attr_number(tag, "tests");
            failures += attr_number(tag, "failures");
            errors += attr_number(tag, "errors");
            skipped += attr_number(tag, "skipped");
            time += attr_number(tag, "time");
            suites += "  " + text.substr(b, e - b) + "\n";
            found++;
            pos = e;
        }
        if (!found) {
            *err = path + ": not a JUnit file (no <testsuite>)";
            return false;
        }
    }
    std::ofstream o(out);
    if (!o) {
        *err = "cannot write " + out;
        return false;
    }
    char head[256];
    std::snprintf(head, sizeof head,
                  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites tests=\"%.0f\" failures=\"%.0f\" "
                  "errors=\"%.0f\" skipped=\"%.0f\" time=\"%.3f\">\n",
                  tests, failures, errors, skipped, time);
    o << head << suites << "</testsuites>\n";
    o.flush();
    if (!o) {
        *err = "cannot write " + out;
        return false;
    }
    return true;
}

}  // namespace irqsim
