// SPDX-License-Identifier: MIT
#include "report.h"

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
    std::fprintf(out, "%s %s: %s  (seed %llu, %llu %s, %.2f s)\n",
                 r.verdict.pass() && !r.error ? "PASS" : "FAIL", cfg.scenario.c_str(),
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
                    {"pass", r.verdict.pass() && !r.error}};
    j["latency"] = {{"unit", r.time_unit}, {"count", r.latency.count}, {"min", r.latency.min},
                    {"median", r.latency.median}, {"p99", r.latency.p99}, {"max", r.latency.max}};
    j["time"] = {{"simulated", r.cycles}, {"unit", r.time_unit}, {"wall_seconds", r.wall_seconds}};
    j["figures"] = r.figures;
    j["problems"] = r.problems;
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
