// SPDX-License-Identifier: MIT
// parse_cli(): every answer is a command or one line and an exit status.
#include "cli.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

using irqsim::CliResult;
using irqsim::parse_cli;
using Cmd = CliResult::Command;

TEST(ParseCli, RunWithOptions)
{
    CliResult r =
        parse_cli({"run", "ipi", "--seed", "7", "--cpus", "16", "--events", "50", "--cycles", "900"});
    ASSERT_EQ(r.command, Cmd::Run) << r.output;
    EXPECT_EQ(r.cfg.scenario, "ipi");
    EXPECT_EQ(r.cfg.seed, 7u);
    EXPECT_EQ(r.cfg.cpus, 16u);
    EXPECT_EQ(r.cfg.events, 50u);
    EXPECT_EQ(r.cfg.max_cycles, 900u);
}

TEST(ParseCli, DefaultScenarioIsSpi)
{
    CliResult r = parse_cli({"run"});
    ASSERT_EQ(r.command, Cmd::Run);
    EXPECT_EQ(r.cfg.scenario, "spi");
    EXPECT_EQ(r.cfg.seed, 1u);
}

TEST(ParseCli, HelpIsExitZeroWithText)
{
    CliResult r = parse_cli({"--help"});
    EXPECT_EQ(r.command, Cmd::None);
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.output.find("run"), std::string::npos);
}

TEST(ParseCli, NegativeAndOverflowingNumbersAreRefused)
{
    for (auto args : std::vector<std::vector<std::string>>{{"run", "--seed", "-1"},
                                                           {"run", "--cycles", "-1"},
                                                           {"run", "--events", "-5"},
                                                           {"run", "--seed", "18446744073709551616"},
                                                           {"run", "--seed", "0x10"},
                                                           {"run", "--cpus", "0"},
                                                           {"run", "--cpus", "65"},
                                                           {"run", "--move-percent", "101"},
                                                           {"run", "--events", "0"}}) {
        CliResult r = parse_cli(args);
        EXPECT_EQ(r.command, Cmd::None) << args[1] << " " << args[2];
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.output.find('\n'), std::string::npos) << "not one line: " << r.output;
        EXPECT_EQ(r.output.rfind("irqsim: ", 0), 0u) << r.output;
    }
}

// --cpus N is the default tree with N CPUs: any N the RTL takes (a model not
// linked in is built by the model cache), for run, topology and regress alike.
TEST(ParseCli, AnyCpuCountFrom1To64)
{
    for (const char* n : {"1", "2", "8", "64"}) {
        CliResult r = parse_cli({"run", "--cpus", n});
        ASSERT_EQ(r.command, Cmd::Run) << n << ": " << r.output;
        EXPECT_EQ(r.cfg.cpus, std::stoul(n));
        r = parse_cli({"topology", "--cpus", n});
        ASSERT_EQ(r.command, Cmd::Topology) << n << ": " << r.output;
        EXPECT_EQ(r.cfg.cpus, std::stoul(n));
        r = parse_cli({"regress", "--cpus", n});
        ASSERT_EQ(r.command, Cmd::Regress) << n << ": " << r.output;
        EXPECT_EQ(r.regress.cpus, std::stoul(n));
    }
    for (const char* cmd : {"run", "topology", "regress"})
        for (const char* n : {"0", "65", "-1", "x"}) {
            CliResult r = parse_cli({cmd, "--cpus", n});
            EXPECT_EQ(r.command, Cmd::None) << cmd << " --cpus " << n;
            EXPECT_EQ(r.exit_code, 2);
            EXPECT_EQ(r.output.find('\n'), std::string::npos) << r.output;
        }
}

TEST(ParseCli, ModelTakesParameterWords)
{
    CliResult r = parse_cli({"model", "NUM_CPUS=8", "NUM_SPIS=128"});
    ASSERT_EQ(r.command, Cmd::Model) << r.output;
    EXPECT_EQ(r.model_params, (std::vector<std::string>{"NUM_CPUS=8", "NUM_SPIS=128"}));
}

TEST(ParseCli, EmptyPathsAreRefused)
{
    for (const char* opt : {"--wave", "--report"}) {
        CliResult r = parse_cli({"run", opt, ""});
        EXPECT_EQ(r.exit_code, 2) << opt;
        EXPECT_NE(r.output.find("empty path"), std::string::npos) << r.output;
    }
}

TEST(ParseCli, UnknownThingsAreOneLine)
{
    for (auto args : std::vector<std::vector<std::string>>{{},
                                                           {"frobnicate"},
                                                           {"run", "--no-such-option"},
                                                           {"run", "--parent", "bogus"},
                                                           {"run", "a", "b"}}) {
        CliResult r = parse_cli(args);
        EXPECT_EQ(r.command, Cmd::None);
        EXPECT_EQ(r.exit_code, 2);
        EXPECT_EQ(r.output.find('\n'), std::string::npos) << r.output;
    }
}

// Random words from a small alphabet of options and values: parse_cli never
// throws, and what it accepts is within the documented ranges.
TEST(ParseCli, RandomCommandLinesNeverThrow)
{
    uint64_t seed = getenv("IRQSIM_SEED") ? std::strtoull(getenv("IRQSIM_SEED"), nullptr, 0) : 1;
    std::printf("seed %llu (IRQSIM_SEED=%llu reproduces)\n", static_cast<unsigned long long>(seed),
                static_cast<unsigned long long>(seed));
    std::mt19937_64 rng(seed);
    const std::vector<std::string> words = {"run",
                                            "list",
                                            "topology",
                                            "spi",
                                            "ipi",
                                            "--seed",
                                            "--cpus",
                                            "--events",
                                            "--cycles",
                                            "--wave",
                                            "--report",
                                            "--parent",
                                            "mbi",
                                            "--move-percent",
                                            "-1",
                                            "0",
                                            "4",
                                            "100",
                                            "99999999999999999999",
                                            "",
                                            "--",
                                            "-h",
                                            "\xff\xfe",
                                            "=",
                                            "--cpus=16",
                                            "--seed=3"};
    for (int i = 0; i < 20000; i++) {
        std::vector<std::string> args(rng() % 7);
        for (auto& a : args)
            a = words[rng() % words.size()];
        CliResult r;
        ASSERT_NO_THROW(r = parse_cli(args));
        if (r.command == Cmd::Run) {
            EXPECT_GE(r.cfg.cpus, 1u);
            EXPECT_LE(r.cfg.cpus, 64u);
            EXPECT_GE(r.cfg.events, 1u);
            EXPECT_LE(r.cfg.move_percent, 100u);
        } else if (r.command == Cmd::None && r.exit_code != 0) {
            EXPECT_EQ(r.output.find('\n'), std::string::npos) << r.output;
        }
    }
}

// the names earlier releases used still run, under the current name
TEST(ParseCli, OldScenarioNamesAreAccepted)
{
    CliResult r = parse_cli({"run", "dlpi"});
    ASSERT_EQ(r.command, Cmd::Run) << r.output;
    EXPECT_EQ(r.cfg.scenario, "lpi");
    r = parse_cli({"run", "dma-rings"});
    ASSERT_EQ(r.command, Cmd::Run) << r.output;
    EXPECT_EQ(r.cfg.scenario, "dma-ring");
    r = parse_cli({"run", "ims", "--parent", "dlpi"});
    ASSERT_EQ(r.command, Cmd::Run) << r.output;
    EXPECT_EQ(r.cfg.ims_parent, "lpi");
}
