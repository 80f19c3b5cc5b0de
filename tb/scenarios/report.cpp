// SPDX-License-Identifier: MIT
#include "report.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

namespace irqsim {

void print_result(FILE* out, const RunConfig& cfg, const RunResult& r)
{
    if (!r.domains_tree.empty())
        std::fprintf(out, "\nirq domains:\n%s", r.domains_tree.c_str());
    if (!r.interrupts_table.empty())
        std::fprintf(out, "\ninterrupts:\n%s", r.interrupts_table.c_str());
    const auto& l = r.latency;
    std::fprintf(
        out,
        "\nlatency (%s, injection -> handler entry): min %llu  median %llu  p99 %llu  max %llu  (n=%llu)\n",
        r.time_unit.c_str(), (unsigned long long)l.min, (unsigned long long)l.median,
        (unsigned long long)l.p99, (unsigned long long)l.max, (unsigned long long)l.count);
    for (const auto& [k, v] : r.figures)
        std::fprintf(out, "%s: %.6g\n", k.c_str(), v);
    for (const auto& n : r.notes)
        std::fprintf(out, "%s\n", n.c_str());
    for (const auto& p : r.problems)
        std::fprintf(out, "problem: %s\n", p.c_str());
    if (!r.error && r.verdict.injected == 0)
        std::fprintf(
            out,
            "problem: no event was injected, so the run proves nothing (--cycles or --events too small?)\n");
    std::fprintf(out, "%s %s: %s  (seed %llu, %llu %s, %.2f s)\n", r.passed() ? "PASS" : "FAIL",
                 cfg.scenario.c_str(), r.verdict.summary().c_str(), (unsigned long long)cfg.seed,
                 (unsigned long long)r.cycles, r.time_unit.c_str(), r.wall_seconds);
}

std::string json_report_text(const RunConfig& cfg, const RunResult& r)
{
    nlohmann::json j;
    j["schema"] = "irqsim-report/1";
    j["scenario"] = cfg.scenario;
    j["seed"] = cfg.seed;
    j["parameters"] = {{"cpus", cfg.cpus}, {"events", cfg.events}, {"dts", cfg.dts_path}};
    j["verdict"] = {{"injected", r.verdict.injected},
                    {"delivered", r.verdict.delivered},
                    {"coalesced", r.verdict.coalesced},
                    {"lost", r.verdict.lost},
                    {"spurious", r.verdict.spurious},
                    {"wrong_cpu", r.verdict.wrong_cpu},
                    {"pass", r.passed()}};
    j["latency"] = {{"unit", r.time_unit},        {"count", r.latency.count}, {"min", r.latency.min},
                    {"median", r.latency.median}, {"p99", r.latency.p99},     {"max", r.latency.max}};
    j["time"] = {{"simulated", r.cycles}, {"unit", r.time_unit}, {"wall_seconds", r.wall_seconds}};
    j["figures"] = r.figures;
    j["problems"] = r.problems;
    if (r.first_failure.valid) {
        const FirstFailure& f = r.first_failure;
        nlohmann::json hops = nlohmann::json::array();
        for (const auto& h : f.hops)
            hops.push_back({{"hop", h.hop}, {"cycle", h.cycle}});
        j["first_failure"] = {{"kind", f.kind},
                              {"source", f.source},
                              {"virq", f.virq},
                              {"intid", f.intid},
                              {"cpu", f.cpu},
                              {"injected_cycle", f.injected_cycle},
                              {"last_hop", f.last_hop},
                              {"last_hop_cycle", f.last_hop_cycle},
                              {"missing_hop", f.missing_hop},
                              {"hops", hops},
                              {"text", f.text}};
    }
    j["notes"] = r.notes;
    j["interrupts"] = r.interrupts_table;
    j["domains"] = r.domains_tree;
    // User text (a --dts path, names from the tree) may be invalid UTF-8: dump()
    // would throw type_error 316; such bytes become U+FFFD instead.
    return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

bool write_json_report(const std::string& path, const RunConfig& cfg, const RunResult& r, std::string* err)
{
    std::string text = json_report_text(cfg, r);
    std::ofstream f(path);
    if (!f) {
        *err = "cannot write report " + path;
        return false;
    }
    f << text;
    return static_cast<bool>(f);
}

}  // namespace irqsim

namespace irqsim {
namespace {

// Text for an SVG text node or attribute: the XML specials escaped, and bytes
// that are not well-formed UTF-8 or not XML 1.0 characters (controls, U+FFFE/F)
// replaced by U+FFFD, so any scenario name or label gives a well-formed file.
std::string xml_text(const std::string& in)
{
    static const char kReplacement[] = "\xEF\xBF\xBD";
    std::string out;
    out.reserve(in.size());
    const auto* p = reinterpret_cast<const unsigned char*>(in.data());
    size_t n = in.size(), i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            default:
                if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                    out += kReplacement;
                else
                    out += static_cast<char>(c);
            }
            i++;
            continue;
        }
        // length and the allowed range of the second byte (Unicode Table 3-7)
        size_t len = 0;
        unsigned char lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            if (c == 0xE0)
                lo = 0xA0;
            if (c == 0xED)
                hi = 0x9F;  // no surrogates
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            if (c == 0xF0)
                lo = 0x90;
            if (c == 0xF4)
                hi = 0x8F;  // <= U+10FFFF
        }
        bool ok = len && i + len <= n && p[i + 1] >= lo && p[i + 1] <= hi;
        for (size_t k = 2; ok && k < len; k++)
            ok = p[i + k] >= 0x80 && p[i + k] <= 0xBF;
        // U+FFFE and U+FFFF are not XML characters
        if (ok && len == 3 && c == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE)
            ok = false;
        if (!ok) {
            out += kReplacement;
            i++;
            continue;
        }
        out.append(in, i, len);
        i += len;
    }
    return out;
}

// A plain bar chart as SVG: one bar per value, labels under the bars.
std::string svg_bars(const std::string& title, const std::string& xlabel,
                     const std::vector<std::string>& labels, const std::vector<uint64_t>& values)
{
    const int w = 760, h = 360, left = 60, right = 20, top = 40, bottom = 70;
    uint64_t vmax = 1;
    for (uint64_t v : values)
        vmax = std::max(vmax, v);
    std::string s;
    // numbers only go through the fixed buffer; text is appended escaped
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "font-family=\"sans-serif\" font-size=\"11\">\n"
                  "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                  "<text x=\"%d\" y=\"22\" font-size=\"15\">",
                  w, h, left);
    s += buf;
    s += xml_text(title) + "</text>\n";
    const int pw = w - left - right, ph = h - top - bottom;
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                  "<text x=\"%d\" y=\"%d\">",
                  left, top, left, top + ph, left, top + ph, left + pw, top + ph, left + pw / 2 - 40, h - 10);
    s += buf;
    s += xml_text(xlabel);
    std::snprintf(buf, sizeof buf,
                  "</text>\n<text x=\"4\" y=\"%d\">%llu</text>\n<text x=\"4\" y=\"%d\">0</text>\n", top + 4,
                  static_cast<unsigned long long>(vmax), top + ph);
    s += buf;
    size_t n = values.size();
    double bw = n ? static_cast<double>(pw) / static_cast<double>(n) : pw;
    for (size_t i = 0; i < n; i++) {
        double bh = static_cast<double>(ph) * static_cast<double>(values[i]) / static_cast<double>(vmax);
        double x = left + bw * static_cast<double>(i);
        const std::string label = i < labels.size() ? xml_text(labels[i]) : std::string();
        std::snprintf(buf, sizeof buf,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4477aa\"><title>",
                      x + 1, top + ph - bh, std::max(1.0, bw - 2), bh);
        s += buf;
        s += label + ": " + std::to_string(values[i]) + "</title></rect>\n";
        if (n <= 24 || i % (n / 12 + 1) == 0) {
            std::snprintf(buf, sizeof buf, "<text x=\"%.1f\" y=\"%d\" transform=\"rotate(45 %.1f %d)\">",
                          x + 2, top + ph + 14, x + 2, top + ph + 14);
            s += buf;
            s += label + "</text>\n";
        }
    }
    s += "</svg>\n";
    return s;
}

bool write_file(const std::string& path, const std::string& text, std::string* err)
{
    std::ofstream f(path);
    if (!f) {
        *err = "cannot write " + path;
        return false;
    }
    f << text;
    return static_cast<bool>(f);
}

}  // namespace

std::string svg_latency_chart(const RunConfig& cfg, const RunResult& r)
{
    // Latency histogram: 20 equal bins up to p99, one bin for the tail above it.
    std::vector<std::string> labels;
    std::vector<uint64_t> counts;
    if (!r.latency_histogram.empty()) {
        uint64_t lo = r.latency.min, hi = std::max(r.latency.p99, lo + 1);
        const unsigned bins = 20;
        uint64_t width = std::max<uint64_t>(1, (hi - lo + bins - 1) / bins);
        counts.assign(bins + 1, 0);
        for (const auto& [v, n] : r.latency_histogram) {
            uint64_t b = v > hi ? bins : std::min<uint64_t>(bins - 1, (v - lo) / width);
            counts[b] += n;
        }
        for (unsigned b = 0; b < bins; b++)
            labels.push_back(std::to_string(lo + b * width) + "-" + std::to_string(lo + (b + 1) * width - 1));
        labels.push_back(">" + std::to_string(hi));
    }
    std::string title = cfg.scenario + ": latency injection -> handler entry (" + r.time_unit + "), seed " +
                        std::to_string(cfg.seed);
    return svg_bars(title, r.time_unit, labels, counts);
}

std::string svg_cpu_load_chart(const RunConfig& cfg, const RunResult& r)
{
    std::vector<std::string> cpus;
    for (size_t c = 0; c < r.cpu_handled.size(); c++)
        cpus.push_back("CPU" + std::to_string(c));
    return svg_bars(cfg.scenario + ": handled events per CPU", "CPU", cpus, r.cpu_handled);
}

bool write_svg_charts(const std::string& base, const RunConfig& cfg, const RunResult& r, std::string* err)
{
    return write_file(base + "-latency.svg", svg_latency_chart(cfg, r), err) &&
           write_file(base + "-cpu-load.svg", svg_cpu_load_chart(cfg, r), err);
}

}  // namespace irqsim
