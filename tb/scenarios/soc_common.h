// SPDX-License-Identifier: MIT
// What the RTL-backed scenarios share: session set-up from a RunConfig and the
// filling of a RunResult from a finished session.
#pragma once

#include <chrono>
#include <functional>
#include <random>

#include "scenario.h"
#include "soc_session.h"

namespace irqsim {

SessionConfig session_config(const RunConfig& cfg);
// Run one of tb/session/traffic.h's traffic functions on the booted session, seeded
// from the run, with progress lines; driver calls that failed under traffic become
// r's problems.  False (r holding the error) if its set-up failed.
using TrafficFn = TrafficResult (*)(TrafficPort&, std::mt19937_64&, const TrafficConfig&);
bool run_traffic(SocSession& s, const RunConfig& cfg, std::chrono::steady_clock::time_point t0, TrafficFn fn,
                 RunResult& r, TrafficResult* out);

// The event loop of a scenario that drives its own sources (ipi, lpi, ims, mbi):
// step(e) makes event e happen; then, unless it answers NoGap, 0 .. 2 * mean_gap
// cycles pass (drawn from rng, the scenario's generator).  It ends after cfg.events,
// at the cycle budget, when the model fails or when step answers Stop; with progress
// lines; then the session drains (at most drain_cycles).
enum class Step { Gap, NoGap, Stop };
void run_events(SocSession& s, const RunConfig& cfg, std::chrono::steady_clock::time_point t0,
                std::mt19937_64& rng, const std::function<Step(uint64_t e)>& step,
                uint64_t drain_cycles = 400000);

// boot the session; on failure fill r (error 2 + the reason) and return false
bool boot_or_fail(SocSession& s, RunResult& r);
// views, verdict, latency, figures and loss diagnosis; with a trace, the
// GTKWave view for it (wave_views.h) and the gtkwave command in the notes
void finish_result(SocSession& s, const RunConfig& cfg, RunResult& r,
                   std::chrono::steady_clock::time_point t0);

// "\r spi: 1200/5000 events  41k events/s  1.0M cycles/s" on stderr, at most
// a few times a second (only called when stderr is a terminal)
void progress_line(const RunConfig& cfg, uint64_t done, uint64_t cycles,
                   std::chrono::steady_clock::time_point t0);
void progress_done();

}  // namespace irqsim
