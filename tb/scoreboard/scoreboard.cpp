// SPDX-License-Identifier: MIT
#include "scoreboard.h"

#include <cstdint>

#include <algorithm>
#include <sstream>

namespace irqsim {

static constexpr size_t kMaxProblems = 50;

std::string Verdict::summary() const
{
    std::ostringstream os;
    os << "injected " << injected << ", delivered " << delivered << ", coalesced " << coalesced
       << ", lost " << lost << ", spurious " << spurious;
    if (wrong_cpu)
        os << ", wrong-cpu " << wrong_cpu;
    return os.str();
}

void Scoreboard::problem(std::string text)
{
    if (problems_.size() < kMaxProblems)
        problems_.push_back(std::move(text));
}

uint64_t Scoreboard::inject(const std::string& source, unsigned virq, const CpuSet& allowed,
                            uint64_t cycle, bool may_coalesce)
{
    Injection in;
    in.id = log_.size();
    in.source = source;
    in.virq = virq;
    in.allowed = allowed;
    in.cycle = cycle;
    in.may_coalesce = may_coalesce;
    log_.push_back(in);
    pending_[virq].push_back(in.id);
    outstanding_total_++;
    return in.id;
}

void Scoreboard::silence(unsigned virq)
{
    silenced_[virq] = true;
    auto it = pending_.find(virq);
    if (it == pending_.end())
        return;
    // The driver masked/freed the source: what was in flight may or may not have
    // been delivered before; it is not counted either way.
    for (size_t idx : it->second) {
        log_[idx].answered = true;
        log_[idx].withdrawn = true;
        outstanding_total_--;
    }
    it->second.clear();
}

void Scoreboard::unsilence(unsigned virq) { silenced_[virq] = false; }

void Scoreboard::allow(unsigned virq, const CpuSet& cpus)
{
    auto it = pending_.find(virq);
    if (it == pending_.end())
        return;
    for (size_t idx : it->second)
        log_[idx].allowed |= cpus;
}

void Scoreboard::handler_entry(unsigned virq, unsigned cpu, uint64_t cycle)
{
    handler_entry(virq, cpu, cycle, SIZE_MAX);
}

void Scoreboard::handler_entry(unsigned virq, unsigned cpu, uint64_t cycle, size_t max_answers)
{
    if (max_answers == 0)
        return;
    runs_[{virq, cpu}]++;
    auto sil = silenced_.find(virq);
    if (sil != silenced_.end() && sil->second) {
        spurious_++;
        problem("virq " + std::to_string(virq) + ": handler ran on cpu" + std::to_string(cpu) +
                " at cycle " + std::to_string(cycle) + " although the source is masked/freed");
        return;
    }
    auto it = pending_.find(virq);
    std::vector<size_t>* q = it == pending_.end() ? nullptr : &it->second;
    // Only injections made before this handler started can be answered by it.
    size_t n = 0;
    if (q)
        while (n < q->size() && log_[(*q)[n]].cycle <= cycle)
            n++;
    if (n == 0) {
        spurious_++;
        problem("virq " + std::to_string(virq) + ": handler ran on cpu" + std::to_string(cpu) +
                " at cycle " + std::to_string(cycle) + " with no event injected for it");
        return;
    }
    // The oldest event this CPU may answer; if none may, the oldest (wrong CPU).
    size_t pick = 0;
    while (pick < n && !log_[(*q)[pick]].allowed.test(cpu))
        pick++;
    if (pick == n) {
        pick = 0;
        wrong_cpu_++;
        problem("virq " + std::to_string(virq) + " (" + log_[(*q)[0]].source + "): handler ran on cpu" +
                std::to_string(cpu) + ", not an allowed CPU");
    }
    Injection& first = log_[(*q)[pick]];
    first.answered = true;
    first.cpu = cpu;
    first.handler_cycle = cycle;
    // Other events already made merge into this run only where the hardware
    // coalesces and only on the same CPU; the rest stay for a later run.
    std::vector<size_t> keep;
    size_t merged = 0;
    for (size_t i = 0; i < n; i++) {
        if (i == pick)
            continue;
        Injection& in = log_[(*q)[i]];
        if (in.may_coalesce && in.allowed.test(cpu) && merged + 1 < max_answers) {
            merged++;
            in.answered = true;
            in.coalesced = true;
            in.cpu = cpu;
            in.handler_cycle = cycle;
        } else {
            keep.push_back((*q)[i]);
        }
    }
    size_t answered = n - keep.size();
    q->erase(q->begin(), q->begin() + static_cast<long>(n));
    q->insert(q->begin(), keep.begin(), keep.end());
    outstanding_total_ -= answered;
}

std::vector<const Injection*> Scoreboard::outstanding() const
{
    std::vector<const Injection*> out;
    for (const auto& [virq, q] : pending_)
        for (size_t idx : q)
            out.push_back(&log_[idx]);
    std::sort(out.begin(), out.end(),
              [](const Injection* a, const Injection* b) { return a->id < b->id; });
    return out;
}

Verdict Scoreboard::verdict() const
{
    Verdict v;
    for (const auto& in : log_) {
        if (in.withdrawn)
            continue;
        v.injected++;
        if (!in.answered)
            v.lost++;
        else if (in.coalesced)
            v.coalesced++;
        else
            v.delivered++;
    }
    v.spurious = spurious_;
    v.wrong_cpu = wrong_cpu_;
    return v;
}

LatencyStats compute_latency(std::vector<uint64_t> s)
{
    LatencyStats st;
    if (s.empty())
        return st;
    std::sort(s.begin(), s.end());
    auto rank = [&](double p) {
        size_t k = static_cast<size_t>(p * static_cast<double>(s.size()) + 0.999999);
        if (k == 0)
            k = 1;
        return s[std::min(k, s.size()) - 1];
    };
    st.count = s.size();
    st.min = s.front();
    st.max = s.back();
    st.median = rank(0.5);
    st.p99 = rank(0.99);
    return st;
}

static bool answered_by_own_run(const Injection& in)
{
    return in.answered && !in.coalesced && !in.withdrawn && in.handler_cycle >= in.cycle;
}

std::vector<uint64_t> Scoreboard::latency_samples() const
{
    std::vector<uint64_t> samples;
    for (const auto& in : log_)
        if (answered_by_own_run(in))
            samples.push_back(in.handler_cycle - in.cycle);
    return samples;
}

std::vector<uint64_t> Scoreboard::handled_per_cpu(unsigned ncpus) const
{
    std::vector<uint64_t> per_cpu(ncpus, 0);
    for (const auto& in : log_)
        if (answered_by_own_run(in) && in.cpu < ncpus)
            per_cpu[in.cpu]++;
    return per_cpu;
}

LatencyStats Scoreboard::latency() const
{
    return compute_latency(latency_samples());
}

}  // namespace irqsim
