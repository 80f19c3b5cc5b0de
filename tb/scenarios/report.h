// SPDX-License-Identifier: MIT
// Printing a run's result and writing it as JSON.
#pragma once

#include <cstdio>
#include <string>

#include "scenario.h"

namespace irqsim {

void print_result(FILE* out, const RunConfig& cfg, const RunResult& r);
// JSON report (schema in README: scenario, seed, parameters, per-irq counts,
// latency, verdict).  Returns false with *err set when the file can't be written.
bool write_json_report(const std::string& path, const RunConfig& cfg, const RunResult& r, std::string* err);

// <base>-latency.svg (histogram) and <base>-cpu-load.svg (handler runs per CPU).
bool write_svg_charts(const std::string& base, const RunConfig& cfg, const RunResult& r, std::string* err);

// The texts the writers above put in their files (any user text in cfg/r is
// made valid: invalid UTF-8 -> U+FFFD, SVG text XML-escaped).
std::string json_report_text(const RunConfig& cfg, const RunResult& r);
std::string svg_latency_chart(const RunConfig& cfg, const RunResult& r);
std::string svg_cpu_load_chart(const RunConfig& cfg, const RunResult& r);

}  // namespace irqsim
