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
    std::fprintf(out, "\nlatency (%s, injection -> handler entry): min %llu  median %llu  p99 %llu  max %llu  (n=%llu)\n",
                 r.time_unit.c_str(), (unsigned long long)l.min, (unsigned long long)l.median,
                 (unsigned long long)l.p99, (unsigned long long)l.max, (unsigned long long)l.count);
    for (const auto& [k, v] : r.figures)
        std::fprintf(out, "%s: %.6g\n", k.c_str(), v);
    for (const auto& n : r.notes)
        std::fprintf(out, "%s\n", n.c_str());
    for (const auto& p : r.problems)
        std::fprintf(out, "problem: %s\n", p.c_str());
    if (!r.error && r.verdict.injected == 0)
        std::fprintf(out, "problem: no event was injected, so the run proves nothing (--cycles or --events too small?)\n");
    std::fprintf(out, "%s %s: %s  (seed %llu, %llu %s, %.2f s)\n",
                 r.passed() ? "PASS" : "FAIL", cfg.scenario.c_str(),
                 r.verdict.summary().c_str(), (unsigned long long)cfg.seed,
                 (unsigned long long)r.cycles, r.time_unit.c_str(), r.wall_seconds);
}

bool write_json_report(const std::string& path, const RunConfig& cfg, const RunResult& r,
                       std::string* err)
{
    nlohmann::json j;
    j["schema"] = "irqsim-report/1";
    j["scenario"] = cfg.scenario;
    j["seed"] = cfg.seed;
    j["parameters"] = {{"cpus", cfg.cpus}, {"events", cfg.events}, {"dts", cfg.dts_path}};
    j["verdict"] = {{"injected", r.verdict.injected}, {"delivered", r.verdict.delivered},
                    {"coalesced", r.verdict.coalesced}, {"lost", r.verdict.lost},
                    {"spurious", r.verdict.spurious}, {"wrong_cpu", r.verdict.wrong_cpu},
                    {"pass", r.passed()}};
    j["latency"] = {{"unit", r.time_unit}, {"count", r.latency.count}, {"min", r.latency.min},
                    {"median", r.latency.median}, {"p99", r.latency.p99}, {"max", r.latency.max}};
    j["time"] = {{"simulated", r.cycles}, {"unit", r.time_unit}, {"wall_seconds", r.wall_seconds}};
    j["figures"] = r.figures;
    j["problems"] = r.problems;
    if (r.first_failure.valid) {
        const FirstFailure& f = r.first_failure;
        nlohmann::json hops = nlohmann::json::array();
        for (const auto& h : f.hops)
            hops.push_back({{"hop", h.hop}, {"cycle", h.cycle}});
        j["first_failure"] = {{"kind", f.kind}, {"source", f.source}, {"virq", f.virq},
                              {"intid", f.intid}, {"cpu", f.cpu}, {"injected_cycle", f.injected_cycle},
                              {"last_hop", f.last_hop}, {"last_hop_cycle", f.last_hop_cycle},
                              {"missing_hop", f.missing_hop},
                              {"hops", hops}, {"text", f.text}};
    }
    j["notes"] = r.notes;
    j["interrupts"] = r.interrupts_table;
    j["domains"] = r.domains_tree;
    std::ofstream f(path);
    if (!f) {
        *err = "cannot write report " + path;
        return false;
    }
    f << j.dump(2) << "\n";
    return static_cast<bool>(f);
}

}  // namespace irqsim

namespace irqsim {
namespace {

// A plain bar chart as SVG: one bar per value, labels under the bars.
std::string svg_bars(const std::string& title, const std::string& xlabel, const std::vector<std::string>& labels,
                     const std::vector<uint64_t>& values)
{
    const int w = 760, h = 360, left = 60, right = 20, top = 40, bottom = 70;
    uint64_t vmax = 1;
    for (uint64_t v : values)
        vmax = std::max(vmax, v);
    std::string s;
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                  "font-family=\"sans-serif\" font-size=\"11\">\n"
                  "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
                  "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>\n",
                  w, h, left, title.c_str());
    s += buf;
    const int pw = w - left - right, ph = h - top - bottom;
    std::snprintf(buf, sizeof buf,
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>\n"
                  "<text x=\"%d\" y=\"%d\">%s</text>\n<text x=\"4\" y=\"%d\">%llu</text>\n"
                  "<text x=\"4\" y=\"%d\">0</text>\n",
                  left, top, left, top + ph, left, top + ph, left + pw, top + ph, left + pw / 2 - 40, h - 10,
                  xlabel.c_str(), top + 4, static_cast<unsigned long long>(vmax), top + ph);
    s += buf;
    size_t n = values.size();
    double bw = n ? static_cast<double>(pw) / static_cast<double>(n) : pw;
    for (size_t i = 0; i < n; i++) {
        double bh = static_cast<double>(ph) * static_cast<double>(values[i]) / static_cast<double>(vmax);
        double x = left + bw * static_cast<double>(i);
        std::snprintf(buf, sizeof buf,
                      "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4477aa\">"
                      "<title>%s: %llu</title></rect>\n",
                      x + 1, top + ph - bh, std::max(1.0, bw - 2), bh, labels[i].c_str(),
                      static_cast<unsigned long long>(values[i]));
        s += buf;
        if (n <= 24 || i % (n / 12 + 1) == 0) {
            std::snprintf(buf, sizeof buf,
                          "<text x=\"%.1f\" y=\"%d\" transform=\"rotate(45 %.1f %d)\">%s</text>\n", x + 2,
                          top + ph + 14, x + 2, top + ph + 14, labels[i].c_str());
            s += buf;
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

bool write_svg_charts(const std::string& base, const RunConfig& cfg, const RunResult& r, std::string* err)
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
    if (!write_file(base + "-latency.svg", svg_bars(title, r.time_unit, labels, counts), err))
        return false;
    std::vector<std::string> cpus;
    for (size_t c = 0; c < r.cpu_handled.size(); c++)
        cpus.push_back("CPU" + std::to_string(c));
    return write_file(base + "-cpu-load.svg",
                      svg_bars(cfg.scenario + ": handled events per CPU", "CPU", cpus, r.cpu_handled), err);
}

}  // namespace irqsim
