// SPDX-License-Identifier: MIT
// The end-to-end scoreboard (the rule: docs/design.md).
//
// Every injected event must be followed by at least one handler run, on an
// allowed CPU, for the virq the driver allocated for it, starting after the
// injection.  No handler may run for a source that was not triggered; masked or
// freed sources deliver nothing.  Several injections answered by one handler
// run are "coalesced" — legal only where the hardware coalesces (the injection
// says so), otherwise the extra injections are lost.
#pragma once

#include <bitset>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace irqsim {

using CpuSet = std::bitset<128>;

struct LatencyStats {
    uint64_t count = 0, min = 0, median = 0, p99 = 0, max = 0;
};

struct Verdict {
    uint64_t injected = 0;   // events that must be delivered
    uint64_t delivered = 0;  // answered by their own handler run
    uint64_t coalesced = 0;  // legally merged into another event's handler run
    uint64_t lost = 0;       // never answered (or merged where the hardware doesn't merge)
    uint64_t spurious = 0;   // handler runs nobody asked for (incl. masked/freed sources)
    uint64_t wrong_cpu = 0;  // handler runs on a CPU outside the allowed set
    bool pass() const { return lost == 0 && spurious == 0 && wrong_cpu == 0; }
    std::string summary() const;
};

// One injected event, as the scoreboard keeps it.
struct Injection {
    uint64_t id = 0;
    std::string source;  // e.g. "line5", "ipi cpu2", "dma ring 3"
    unsigned virq = 0;
    CpuSet allowed;      // CPUs where its handler may run
    uint64_t cycle = 0;  // injection time
    bool may_coalesce = false;
    // filled in when answered
    bool answered = false;
    bool coalesced = false;
    bool withdrawn = false;  // source masked/freed while in flight: not counted
    unsigned cpu = 0;
    uint64_t handler_cycle = 0;
};

// Memory stays bounded however long a run is: an event's full record lives
// while it is outstanding; once settled it is folded into streaming counts
// (verdict, latency histogram, per-CPU counts) and only the most recent
// `retain` settled records are kept for per-hop reports and tests.
class Scoreboard {
public:
    static constexpr size_t kDefaultRetain = 100000;
    explicit Scoreboard(size_t retain = kDefaultRetain) : retain_(retain) {}

    // An event that must reach virq on one of `allowed`.  Returns its id.
    uint64_t inject(const std::string& source, unsigned virq, const CpuSet& allowed, uint64_t cycle,
                    bool may_coalesce);
    // From now on virq must not run a handler (masked, disabled or freed) /
    // may again.  Injections still outstanding when it is silenced are neither
    // lost nor delivered: they are dropped from the books (the driver masked them).
    void silence(unsigned virq);
    void unsilence(unsigned virq);

    // The driver moved virq: its outstanding events may now also land on `cpus`.
    void allow(unsigned virq, const CpuSet& cpus);

    // Called at the entry of a handler run for virq on cpu at cycle.  Per-CPU
    // interrupts (one virq, an event per target CPU) match the oldest event
    // whose allowed set holds this CPU.
    void handler_entry(unsigned virq, unsigned cpu, uint64_t cycle);
    // The same, for a handler run that observed exactly `max_answers` events at
    // its device (e.g. a DMA ring's COMPLETED count moved by that much): the
    // oldest is delivered, at most max_answers - 1 others (may_coalesce, same
    // CPU) merge into the run; later ones stay for a later run.  0 is a no-op
    // that books nothing (a run that found its work already done by an earlier
    // run is not an event).
    void handler_entry(unsigned virq, unsigned cpu, uint64_t cycle, size_t max_answers);

    // Events not answered yet, oldest first.
    std::vector<const Injection*> outstanding() const;
    size_t outstanding_count() const { return live_.size(); }

    // Close the books: everything still outstanding is lost.
    Verdict verdict() const;
    LatencyStats latency() const;
    // injection -> handler entry of every event answered by its own handler run,
    // as a histogram {cycles -> events}
    const std::map<uint64_t, uint64_t>& latency_histogram() const { return latency_hist_; }
    // events answered by their own handler run, per CPU [0, ncpus)
    std::vector<uint64_t> handled_per_cpu(unsigned ncpus) const;
    // The most recent `retain` settled events and every outstanding one, by id.
    std::vector<Injection> injections() const;
    // Settled events no longer kept as records (counted in the verdict all the same).
    uint64_t forgotten() const { return forgotten_; }
    // Human-readable description of each problem (lost/spurious/wrong cpu), capped.
    const std::vector<std::string>& problems() const { return problems_; }
    // handler runs per (virq, cpu)
    const std::map<std::pair<unsigned, unsigned>, uint64_t>& runs() const { return runs_; }

private:
    void settle(Injection&& in);
    void problem(std::string text);

    size_t retain_;
    uint64_t next_id_ = 0;
    std::unordered_map<uint64_t, Injection> live_;                // outstanding, by id
    std::unordered_map<unsigned, std::deque<uint64_t>> pending_;  // virq -> live ids, oldest first
    std::unordered_map<unsigned, bool> silenced_;
    std::deque<Injection> recent_;  // settled, newest last, <= retain_
    uint64_t forgotten_ = 0;
    std::map<std::pair<unsigned, unsigned>, uint64_t> runs_;
    std::vector<std::string> problems_;
    // streaming books
    uint64_t injected_ = 0, withdrawn_ = 0, delivered_ = 0, coalesced_ = 0;
    uint64_t spurious_ = 0;
    uint64_t wrong_cpu_ = 0;
    std::map<uint64_t, uint64_t> latency_hist_;
    std::vector<uint64_t> per_cpu_;
};

// Percentiles by nearest rank over a copy of the samples.
LatencyStats compute_latency(std::vector<uint64_t> samples);
// The same over a histogram {latency -> count}.
LatencyStats compute_latency(const std::map<uint64_t, uint64_t>& histogram);

}  // namespace irqsim
