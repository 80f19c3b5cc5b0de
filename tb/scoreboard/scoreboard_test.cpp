// SPDX-License-Identifier: MIT
#include "scoreboard.h"

#include <gtest/gtest.h>

using irqsim::CpuSet;
using irqsim::Scoreboard;

static CpuSet cpus(std::initializer_list<unsigned> l)
{
    CpuSet s;
    for (unsigned c : l)
        s.set(c);
    return s;
}

TEST(Scoreboard, DeliveredOnAllowedCpuAfterInjection)
{
    Scoreboard sb;
    sb.inject("line0", 40, cpus({1}), 100, false);
    sb.handler_entry(40, 1, 130);
    auto v = sb.verdict();
    EXPECT_EQ(v.injected, 1u);
    EXPECT_EQ(v.delivered, 1u);
    EXPECT_TRUE(v.pass());
    EXPECT_EQ(sb.latency().min, 30u);
}

TEST(Scoreboard, NeverAnsweredIsLost)
{
    Scoreboard sb;
    sb.inject("line0", 40, cpus({0}), 100, false);
    auto v = sb.verdict();
    EXPECT_EQ(v.lost, 1u);
    EXPECT_FALSE(v.pass());
    EXPECT_EQ(sb.outstanding().size(), 1u);
}

TEST(Scoreboard, HandlerBeforeInjectionDoesNotCount)
{
    Scoreboard sb;
    sb.inject("line0", 40, cpus({0}), 100, false);
    sb.handler_entry(40, 0, 90);  // started before the event existed
    auto v = sb.verdict();
    EXPECT_EQ(v.spurious, 1u);
    EXPECT_EQ(v.lost, 1u);
}

TEST(Scoreboard, WrongCpuIsReported)
{
    Scoreboard sb;
    sb.inject("line0", 40, cpus({2}), 100, false);
    sb.handler_entry(40, 3, 150);
    auto v = sb.verdict();
    EXPECT_EQ(v.wrong_cpu, 1u);
    EXPECT_FALSE(v.pass());
}

TEST(Scoreboard, UntriggeredSourceIsSpurious)
{
    Scoreboard sb;
    sb.handler_entry(41, 0, 10);
    EXPECT_EQ(sb.verdict().spurious, 1u);
    EXPECT_FALSE(sb.verdict().pass());
}

TEST(Scoreboard, CoalescingOnlyWhereAllowed)
{
    Scoreboard sb;
    sb.inject("edge", 50, cpus({0}), 10, true);
    sb.inject("edge", 50, cpus({0}), 20, true);
    sb.handler_entry(50, 0, 30);
    auto v = sb.verdict();
    EXPECT_EQ(v.delivered, 1u);
    EXPECT_EQ(v.coalesced, 1u);
    EXPECT_TRUE(v.pass());

    Scoreboard strict;
    strict.inject("ipi", 51, cpus({0}), 10, false);
    strict.inject("ipi", 51, cpus({0}), 20, false);
    strict.handler_entry(51, 0, 30);
    EXPECT_EQ(strict.verdict().lost, 1u);
    strict.handler_entry(51, 0, 40);
    EXPECT_TRUE(strict.verdict().pass());
    EXPECT_EQ(strict.verdict().delivered, 2u);
}

TEST(Scoreboard, SilencedSourceMustNotDeliver)
{
    Scoreboard sb;
    sb.inject("line", 60, cpus({0}), 10, false);
    sb.silence(60);  // in-flight event withdrawn, not counted
    EXPECT_EQ(sb.verdict().injected, 0u);
    sb.handler_entry(60, 0, 20);
    EXPECT_EQ(sb.verdict().spurious, 1u);
    sb.unsilence(60);
    sb.inject("line", 60, cpus({0}), 30, false);
    sb.handler_entry(60, 0, 40);
    EXPECT_EQ(sb.verdict().delivered, 1u);
}

TEST(Scoreboard, LatencyPercentiles)
{
    std::vector<uint64_t> s;
    for (uint64_t i = 1; i <= 100; i++)
        s.push_back(i);
    auto st = irqsim::compute_latency(s);
    EXPECT_EQ(st.min, 1u);
    EXPECT_EQ(st.median, 50u);
    EXPECT_EQ(st.p99, 99u);
    EXPECT_EQ(st.max, 100u);
}

TEST(Scoreboard, PerCpuEventsMatchTheirOwnCpu)
{
    Scoreboard sb;
    sb.inject("ipi->cpu1", 70, cpus({1}), 10, false);
    sb.inject("ipi->cpu2", 70, cpus({2}), 10, false);
    sb.handler_entry(70, 2, 20);
    sb.handler_entry(70, 1, 25);
    auto v = sb.verdict();
    EXPECT_EQ(v.delivered, 2u);
    EXPECT_EQ(v.wrong_cpu, 0u);
    EXPECT_TRUE(v.pass());
}

TEST(Scoreboard, AllowWidensOutstandingEvents)
{
    Scoreboard sb;
    sb.inject("line", 80, cpus({0}), 10, false);
    sb.allow(80, cpus({3}));  // affinity moved while in flight
    sb.handler_entry(80, 3, 20);
    EXPECT_TRUE(sb.verdict().pass());
}

// Long runs: settled events leave the books but stay counted; memory is the
// outstanding events plus at most `retain` recent records.
TEST(Scoreboard, SettledEventsAreFoldedAndForgotten)
{
    Scoreboard sb(/*retain=*/100);
    const uint64_t n = 200000;
    for (uint64_t i = 0; i < n; i++) {
        if (i % 1000 == 999) {  // never answered: lost
            sb.inject("dead line", 99, cpus({1}), 10 * i, false);
            continue;
        }
        sb.inject("line" + std::to_string(i % 7), 40 + i % 7, cpus({1}), 10 * i, false);
        sb.handler_entry(40 + i % 7, 1, 10 * i + 5 + i % 3);
    }
    auto v = sb.verdict();
    EXPECT_EQ(v.injected, n);
    EXPECT_EQ(v.delivered, n - n / 1000);
    EXPECT_EQ(v.lost, n / 1000);
    EXPECT_EQ(sb.outstanding_count(), v.lost);
    EXPECT_LE(sb.injections().size(), 100u + sb.outstanding_count());
    EXPECT_EQ(sb.forgotten() + 100u + sb.outstanding_count(), n);
    auto lat = sb.latency();
    EXPECT_EQ(lat.count, v.delivered);
    EXPECT_GE(lat.min, 5u);
    EXPECT_EQ(lat.max, 7u);
    EXPECT_EQ(sb.handled_per_cpu(2)[1], v.delivered);
}

TEST(Scoreboard, HistogramPercentilesMatchSamples)
{
    std::vector<uint64_t> samples;
    std::map<uint64_t, uint64_t> hist;
    uint64_t x = 12345;
    for (int i = 0; i < 5001; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        uint64_t v = (x >> 33) % 300;
        samples.push_back(v);
        hist[v]++;
    }
    auto a = irqsim::compute_latency(samples), b = irqsim::compute_latency(hist);
    EXPECT_EQ(a.count, b.count);
    EXPECT_EQ(a.min, b.min);
    EXPECT_EQ(a.median, b.median);
    EXPECT_EQ(a.p99, b.p99);
    EXPECT_EQ(a.max, b.max);
}
