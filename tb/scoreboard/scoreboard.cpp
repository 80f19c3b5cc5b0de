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
    os << "injected " << injected << ", delivered " << delivered << ", coalesced " << coalesced << ", lost "
       << lost << ", spurious " << spurious;
    if (wrong_cpu)
        os << ", wrong-cpu " << wrong_cpu;
    return os.str();
}

void Scoreboard::problem(std::string text)
{
    if (problems_.size() < kMaxProblems)
        problems_.push_back(std::move(text));
}

uint64_t Scoreboard::inject(const std::string& source, unsigned virq, const CpuSet& allowed, uint64_t cycle,
                            bool may_coalesce)
{
    Injection in;
    in.id = next_id_++;
    in.source = source;
    in.virq = virq;
    in.allowed = allowed;
    in.cycle = cycle;
    in.may_coalesce = may_coalesce;
    injected_++;
    pending_[virq].push_back(in.id);
    live_.emplace(in.id, std::move(in));
    return next_id_ - 1;
}

static bool answered_by_own_run(const Injection& in)
{
    return in.answered && !in.coalesced && !in.withdrawn && in.handler_cycle >= in.cycle;
}

// Fold a settled event into the books; keep its record among the recent ones.
void Scoreboard::settle(Injection&& in)
{
    if (in.withdrawn)
        withdrawn_++;
    else if (in.coalesced)
        coalesced_++;
    else
        delivered_++;
    if (answered_by_own_run(in)) {
        latency_hist_[in.handler_cycle - in.cycle]++;
        if (in.cpu >= per_cpu_.size())
            per_cpu_.resize(in.cpu + 1, 0);
        per_cpu_[in.cpu]++;
    }
    if (retain_ == 0) {
        forgotten_++;
        return;
    }
    if (recent_.size() >= retain_) {
        recent_.pop_front();
        forgotten_++;
    }
    recent_.push_back(std::move(in));
}

void Scoreboard::silence(unsigned virq)
{
    silenced_[virq] = true;
    auto it = pending_.find(virq);
    if (it == pending_.end())
        return;
    // The driver masked/freed the source: what was in flight may or may not have
    // been delivered before; it is not counted either way.
    for (uint64_t id : it->second) {
        auto node = live_.extract(id);
        node.mapped().answered = true;
        node.mapped().withdrawn = true;
        settle(std::move(node.mapped()));
    }
    pending_.erase(it);
}

void Scoreboard::unsilence(unsigned virq) { silenced_[virq] = false; }

void Scoreboard::allow(unsigned virq, const CpuSet& cpus)
{
    auto it = pending_.find(virq);
    if (it == pending_.end())
        return;
    for (uint64_t id : it->second)
        live_.at(id).allowed |= cpus;
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
        problem("virq " + std::to_string(virq) + ": handler ran on cpu" + std::to_string(cpu) + " at cycle " +
                std::to_string(cycle) + " although the source is masked/freed");
        return;
    }
    auto it = pending_.find(virq);
    std::deque<uint64_t>* q = it == pending_.end() ? nullptr : &it->second;
    // Only injections made before this handler started can be answered by it.
    size_t n = 0;
    if (q)
        while (n < q->size() && live_.at((*q)[n]).cycle <= cycle)
            n++;
    if (n == 0) {
        spurious_++;
        problem("virq " + std::to_string(virq) + ": handler ran on cpu" + std::to_string(cpu) + " at cycle " +
                std::to_string(cycle) + " with no event injected for it");
        return;
    }
    // The oldest event this CPU may answer; if none may, the oldest (wrong CPU).
    size_t pick = 0;
    while (pick < n && !live_.at((*q)[pick]).allowed.test(cpu))
        pick++;
    if (pick == n) {
        pick = 0;
        wrong_cpu_++;
        problem("virq " + std::to_string(virq) + " (" + live_.at((*q)[0]).source + "): handler ran on cpu" +
                std::to_string(cpu) + ", not an allowed CPU");
    }
    // Other events already made merge into this run only where the hardware
    // coalesces and only on the same CPU; the rest stay for a later run.
    std::vector<uint64_t> keep, done;
    size_t merged = 0;
    for (size_t i = 0; i < n; i++) {
        Injection& in = live_.at((*q)[i]);
        if (i == pick) {
            in.answered = true;
        } else if (in.may_coalesce && in.allowed.test(cpu) && merged + 1 < max_answers) {
            merged++;
            in.answered = true;
            in.coalesced = true;
        } else {
            keep.push_back((*q)[i]);
            continue;
        }
        in.cpu = cpu;
        in.handler_cycle = cycle;
        done.push_back((*q)[i]);
    }
    q->erase(q->begin(), q->begin() + static_cast<long>(n));
    q->insert(q->begin(), keep.begin(), keep.end());
    for (uint64_t id : done) {
        auto node = live_.extract(id);
        settle(std::move(node.mapped()));
    }
    if (q->empty())
        pending_.erase(it);
}

std::vector<const Injection*> Scoreboard::outstanding() const
{
    std::vector<const Injection*> out;
    out.reserve(live_.size());
    for (const auto& [id, in] : live_)
        out.push_back(&in);
    std::sort(out.begin(), out.end(), [](const Injection* a, const Injection* b) { return a->id < b->id; });
    return out;
}

std::vector<Injection> Scoreboard::injections() const
{
    std::vector<Injection> all(recent_.begin(), recent_.end());
    for (const auto& [id, in] : live_)
        all.push_back(in);
    std::sort(all.begin(), all.end(), [](const Injection& a, const Injection& b) { return a.id < b.id; });
    return all;
}

Verdict Scoreboard::verdict() const
{
    Verdict v;
    v.injected = injected_ - withdrawn_;
    v.delivered = delivered_;
    v.coalesced = coalesced_;
    v.lost = live_.size();
    v.spurious = spurious_;
    v.wrong_cpu = wrong_cpu_;
    return v;
}

static uint64_t rank_index(double p, uint64_t n)
{
    uint64_t k = static_cast<uint64_t>(p * static_cast<double>(n) + 0.999999);
    if (k == 0)
        k = 1;
    return std::min(k, n) - 1;
}

LatencyStats compute_latency(std::vector<uint64_t> s)
{
    LatencyStats st;
    if (s.empty())
        return st;
    std::sort(s.begin(), s.end());
    st.count = s.size();
    st.min = s.front();
    st.max = s.back();
    st.median = s[rank_index(0.5, s.size())];
    st.p99 = s[rank_index(0.99, s.size())];
    return st;
}

LatencyStats compute_latency(const std::map<uint64_t, uint64_t>& hist)
{
    LatencyStats st;
    for (const auto& [v, n] : hist)
        st.count += n;
    if (st.count == 0)
        return st;
    st.min = hist.begin()->first;
    st.max = hist.rbegin()->first;
    // value at a 0-based rank: walk the cumulative counts
    auto at = [&](uint64_t rank) {
        uint64_t seen = 0;
        for (const auto& [v, n] : hist) {
            seen += n;
            if (rank < seen)
                return v;
        }
        return st.max;
    };
    st.median = at(rank_index(0.5, st.count));
    st.p99 = at(rank_index(0.99, st.count));
    return st;
}

LatencyStats Scoreboard::latency() const { return compute_latency(latency_hist_); }

std::vector<uint64_t> Scoreboard::handled_per_cpu(unsigned ncpus) const
{
    std::vector<uint64_t> out(ncpus, 0);
    for (unsigned c = 0; c < ncpus && c < per_cpu_.size(); c++)
        out[c] = per_cpu_[c];
    return out;
}

}  // namespace irqsim
