// SPDX-License-Identifier: MIT
// Child processes for irqsim regress: run jobs (an executable's argv, output to a
// log file) at most N at a time, each in its own process group, killed past a
// wall-clock limit; SIGINT/SIGTERM to the parent kill the running children and
// stop starting new ones.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace irqsim {

struct ChildJob {
    std::vector<std::string> args;  // arguments after the program name
    std::string log;                // the child's stdout + stderr
};

struct ChildOutcome {
    bool ran = false;          // started and reaped
    bool interrupted = false;  // killed by a stop signal, or never started because of one
    bool timed_out = false;    // killed past the wall limit
    bool signaled = false;     // ended by a signal (code = its number)
    int code = 0;              // exit code or signal number
    double wall = 0;           // seconds
    std::string spawn_error;   // could not be started
};

// SIGINT/SIGTERM from now on only record the signal (restore_stop_signals undoes it)
void catch_stop_signals();
void restore_stop_signals();
// the stop signal received, 0 if none
int stop_signal_received();

// Run the jobs of `exe`, at most `parallel` at a time, each killed after timeout_s.
// on_done(i, outcome) is called as job i ends (completion order), not for
// interrupted jobs.
std::vector<ChildOutcome> run_children(const std::string& exe, const std::vector<ChildJob>& jobs,
                                       unsigned parallel, double timeout_s,
                                       const std::function<void(size_t, const ChildOutcome&)>& on_done);

}  // namespace irqsim
