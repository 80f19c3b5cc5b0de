// SPDX-License-Identifier: MIT
// libFuzzer target: the report writers (tb/scenarios/report.cpp) with user text.
//
// A RunConfig/RunResult is filled from the input (FuzzedDataProvider): the
// scenario name and --dts path as the user typed them, problems and notes that
// quote the device tree, figures, the text views, a latency histogram and per-CPU
// counts.  Checks: the JSON text parses back (nlohmann, strict UTF-8) with the
// same schema keys, the dts path survives unchanged when it was valid UTF-8, and
// both SVG charts are well-formed XML (expat).  Any exception escaping a writer
// is a finding too (libFuzzer reports the abort of an uncaught exception).
#include <fuzzer/FuzzedDataProvider.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include <expat.h>
#include <nlohmann/json.hpp>

#include "report.h"

namespace {

[[noreturn]] void Fail(const char* what, const std::string& text)
{
    std::fprintf(stderr, "fuzz_report: %s\n--- output ---\n%s\n---\n", what, text.c_str());
    std::abort();
}

void CheckSvg(const std::string& svg)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    bool ok = XML_Parse(p, svg.data(), (int)svg.size(), 1) == XML_STATUS_OK;
    std::string err = ok ? "" : XML_ErrorString(XML_GetErrorCode(p));
    XML_ParserFree(p);
    if (!ok)
        Fail(("SVG is not well-formed XML: " + err).c_str(), svg);
}

bool ValidUtf8(const std::string& s)
{
    try {
        (void)nlohmann::json(s).dump();  // strict: throws type_error 316
        return true;
    } catch (const nlohmann::json::type_error&) {
        return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    FuzzedDataProvider in(data, size);
    irqsim::RunConfig cfg;
    irqsim::RunResult r;
    cfg.scenario = in.ConsumeRandomLengthString(64);
    cfg.dts_path = in.ConsumeRandomLengthString(128);
    cfg.seed = in.ConsumeIntegral<uint64_t>();
    cfg.cpus = in.ConsumeIntegral<unsigned>();
    cfg.events = in.ConsumeIntegral<uint64_t>();
    r.time_unit = in.ConsumeRandomLengthString(16);
    r.error = in.ConsumeBool();
    r.verdict.injected = in.ConsumeIntegral<uint64_t>();
    r.verdict.lost = in.ConsumeIntegralInRange<uint64_t>(0, 2);
    r.latency.min = in.ConsumeIntegral<uint64_t>();
    r.latency.p99 = in.ConsumeIntegral<uint64_t>();
    r.wall_seconds = in.ConsumeFloatingPoint<double>();
    for (unsigned n = in.ConsumeIntegralInRange<unsigned>(0, 3); n; n--)
        r.problems.push_back(in.ConsumeRandomLengthString(64));
    for (unsigned n = in.ConsumeIntegralInRange<unsigned>(0, 2); n; n--)
        r.notes.push_back(in.ConsumeRandomLengthString(64));
    for (unsigned n = in.ConsumeIntegralInRange<unsigned>(0, 2); n; n--)
        r.figures[in.ConsumeRandomLengthString(24)] = in.ConsumeFloatingPoint<double>();
    r.interrupts_table = in.ConsumeRandomLengthString(128);
    for (unsigned n = in.ConsumeIntegralInRange<unsigned>(0, 40); n; n--)
        r.latency_histogram[in.ConsumeIntegral<uint64_t>()] += in.ConsumeIntegral<uint64_t>();
    for (unsigned n = in.ConsumeIntegralInRange<unsigned>(0, 20); n; n--)
        r.cpu_handled.push_back(in.ConsumeIntegral<uint64_t>());
    r.domains_tree = in.ConsumeRemainingBytesAsString();

    std::string json = irqsim::json_report_text(cfg, r);
    nlohmann::json back;
    try {
        back = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        Fail((std::string("JSON report does not parse: ") + e.what()).c_str(), json);
    }
    if (back["schema"] != "irqsim-report/1" || !back["parameters"].contains("dts") ||
        back["seed"].get<uint64_t>() != cfg.seed)
        Fail("JSON report lost its schema/parameters/seed", json);
    if (ValidUtf8(cfg.dts_path) && back["parameters"]["dts"].get<std::string>() != cfg.dts_path)
        Fail("a valid UTF-8 --dts path changed in the JSON report", json);
    // wall_seconds may be NaN/inf: nlohmann writes null for those; anything else must be a number
    if (!back["time"]["wall_seconds"].is_number() && !back["time"]["wall_seconds"].is_null())
        Fail("wall_seconds is neither a number nor null", json);

    CheckSvg(irqsim::svg_latency_chart(cfg, r));
    CheckSvg(irqsim::svg_cpu_load_chart(cfg, r));
    return 0;
}
