// SPDX-License-Identifier: MIT
// libFuzzer target: irqsim's command-line parser (tb/scenarios/cli.cpp).
//
// The input is an argument vector, words separated by NUL bytes (argv without
// the program name).  parse_cli() must never throw (an escaping exception
// aborts: a finding), and its answer must be one of:
//   - a command (list / run / topology / regress / regress merge) with exit_code
//     0 and every value in its documented range (README "The irqsim command");
//   - no command, exit 0 and the help text;
//   - no command, exit 2 and exactly one line of error text.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/stat.h>
#include <vector>

#include "cli.h"

namespace {

std::string Quote(const std::vector<std::string>& args)
{
    std::string s;
    for (auto& a : args) {
        s += " '";
        for (char c : a)
            s += (c >= 0x20 && c < 0x7f) ? std::string(1, c) : "\\x" + std::to_string((unsigned char)c);
        s += "'";
    }
    return s;
}

[[noreturn]] void Fail(const std::string& what, const std::vector<std::string>& args,
                       const irqsim::CliResult& r)
{
    std::fprintf(stderr, "fuzz_cli: %s\n  args:%s\n  exit %d, output: %s\n", what.c_str(),
                 Quote(args).c_str(), r.exit_code, r.output.c_str());
    std::abort();
}

bool IsRegularFile(const std::string& p)
{
    struct stat st;
    return stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::vector<std::string> args;
    std::string word;
    for (size_t i = 0; i < size; i++) {
        if (data[i] == 0) {
            args.push_back(word);
            word.clear();
        } else {
            word += (char)data[i];
        }
    }
    if (size)
        args.push_back(word);
    if (args.size() > 64)
        return 0;  // argument count is not what is being tested

    irqsim::CliResult r = irqsim::parse_cli(args);  // an exception escaping here aborts
    using C = irqsim::CliResult::Command;
    const irqsim::RunConfig& c = r.cfg;
    switch (r.command) {
    case C::None:
        if (r.exit_code == 0 && r.output.empty())
            Fail("no command, exit 0, and no help text", args, r);
        if (r.exit_code != 0 && r.exit_code != 2)
            Fail("bad input must exit 2", args, r);
        if (r.exit_code == 2 && (r.output.empty() || r.output.find('\n') != std::string::npos))
            Fail("bad input must get exactly one line", args, r);
        break;
    case C::List:
        if (r.exit_code != 0)
            Fail("accepted command with a non-zero exit code", args, r);
        break;
    case C::Run:
        if (r.exit_code != 0)
            Fail("accepted command with a non-zero exit code", args, r);
        if (c.cpus < 1 || c.cpus > 64)
            Fail("run --cpus outside 1..64 accepted", args, r);
        if (c.events < 1 || c.events > 100000000ull)
            Fail("run --events outside 1..10^8 accepted", args, r);
        if (c.move_percent > 100)
            Fail("run --move-percent above 100 accepted", args, r);
        if (!c.ims_parent.empty() && c.ims_parent != "mbi" && c.ims_parent != "lpi" && c.ims_parent != "inta")
            Fail("run --parent outside mbi|lpi|inta accepted (dlpi must become lpi)", args, r);
        if (!c.dts_path.empty() && !IsRegularFile(c.dts_path))
            Fail("run --dts that is not an existing file accepted", args, r);
        break;
    case C::Model:  // its NAME=VALUE words are checked by the command (parse_model_param)
        if (r.exit_code != 0)
            Fail("accepted command with a non-zero exit code", args, r);
        break;
    case C::Topology:
        if (r.exit_code != 0)
            Fail("accepted command with a non-zero exit code", args, r);
        if (c.cpus < 1 || c.cpus > 64)
            Fail("topology --cpus outside 1..64 accepted", args, r);
        if (!c.dts_path.empty() && !IsRegularFile(c.dts_path))
            Fail("topology --dts that is not an existing file accepted", args, r);
        break;
    case C::Regress: {
        const irqsim::RegressConfig& g = r.regress;
        if (r.exit_code != 0)
            Fail("accepted command with a non-zero exit code", args, r);
        if (g.jobs > 4096 || g.events > 100000000ull || g.move_percent > 100)
            Fail("regress --jobs/--events/--move-percent out of range accepted", args, r);
        if (g.cpus > 64)
            Fail("regress --cpus outside 1..64 accepted", args, r);
        if (!(g.timeout_s >= 0.1 && g.timeout_s <= 1e6))
            Fail("regress --timeout outside 0.1..10^6 accepted", args, r);
        break;
    }
    case C::RegressMerge:
        if (r.exit_code != 0)
            Fail("accepted command with a non-zero exit code", args, r);
        if (r.regress.merge_out.empty() || r.regress.merge_inputs.empty())
            Fail("regress merge without -o or inputs accepted", args, r);
        for (auto& in : r.regress.merge_inputs)
            if (!IsRegularFile(in))
                Fail("regress merge input that is not an existing file accepted", args, r);
        break;
    default:
        Fail("unknown command value", args, r);
    }
    return 0;
}
