// SPDX-License-Identifier: MIT
// CoreTest: the common fixture of the driver unit tests.
//
// SetUp: capture every log line, irqsim_core_reset(), 4 possible CPUs (all
// online), current CPU 0, "no hardware" io backend.  TearDown: reset again so a
// test cannot leak state into the next one; on failure the captured log is
// printed to help debugging.
//
// Header-only on purpose: the build globs tb/unit/*_test.cpp only, so support
// code must live in headers every test file can include.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <initializer_list>
#include <string>
#include <vector>

#include <linux/cpumask.h>
#include <linux/io.h>
#include <linux/irqdesc.h>
#include <linux/irqsim_base.h>

struct LogLine {
    int level;
    std::string text;
};

class CoreTest : public ::testing::Test {
protected:
    static constexpr unsigned kCpus = 4;

    void SetUp() override
    {
        irqsim_log_set_hook(&CoreTest::Capture, this);
        irqsim_io_install(nullptr, nullptr);
        ASSERT_EQ(irqsim_core_reset(), 0) << "a previous test left a requested irq behind";
        irqsim_set_nr_cpus(kCpus);
        for (unsigned c = 0; c < kCpus; c++)
            set_cpu_online(c, true);
        irqsim_set_this_cpu(0);
        logs.clear();
        start_allocated = irq_get_nr_allocated();
    }

    void TearDown() override
    {
        if (HasFailure())
            for (auto& l : logs)
                std::fprintf(stderr, "  [log %d] %s\n", l.level, l.text.c_str());
        irqsim_io_install(nullptr, nullptr);
        EXPECT_EQ(irqsim_core_reset(), 0) << "test left a requested irq behind";
        irqsim_log_set_hook(nullptr, nullptr);
    }

    // --- log assertions ------------------------------------------------------
    // number of captured lines containing all of the given substrings:
    // CountLogs({"GICv3", "hwirq 2000", "out of range"})
    size_t CountLogs(std::initializer_list<std::string> parts) const
    {
        return CountLogsAll(std::vector<std::string>(parts));
    }
    size_t CountLogsAll(const std::vector<std::string>& parts) const
    {
        size_t n = 0;
        for (auto& l : logs) {
            bool all = true;
            for (auto& p : parts)
                all = all && l.text.find(p) != std::string::npos;
            n += all;
        }
        return n;
    }
    size_t CountLogs(const std::string& part) const { return CountLogsAll(std::vector<std::string>{part}); }
    // lines at ERR or WARNING level
    size_t ErrorCount() const
    {
        size_t n = 0;
        for (auto& l : logs)
            n += l.level <= LOGLEVEL_WARNING;
        return n;
    }
    std::string AllLogs() const
    {
        std::string s;
        for (auto& l : logs)
            s += l.text + "\n";
        return s;
    }
    void ClearLogs() { logs.clear(); }

    // Reproducible seed: env IRQSIM_SEED overrides; printed and recorded.
    unsigned Seed(unsigned fallback)
    {
        unsigned seed = fallback;
        if (const char* e = std::getenv("IRQSIM_SEED"))
            seed = (unsigned)std::strtoul(e, nullptr, 0);
        std::printf("IRQSIM_SEED=%u\n", seed);
        RecordProperty("seed", std::to_string(seed));
        return seed;
    }

    std::vector<LogLine> logs;
    unsigned start_allocated = 0;

private:
    static void Capture(int level, const char* msg, void* ctx)
    {
        static_cast<CoreTest*>(ctx)->logs.push_back(LogLine{level, msg});
    }
};
