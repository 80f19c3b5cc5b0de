// SPDX-License-Identifier: MIT
// DriverLog: the driver stack's log lines (pr_*/dev_*) as a session keeps them.
// Every line below debug is kept (capped) for tests and error messages; debug
// lines are the drivers' operation annotations (bus log, trace), one or more per
// interrupt, and are left out.  While held (during boot), warnings and errors are
// kept back: a boot that fails answers with the first error the driver logged
// (the cause, not the last complaint of the unwind); one that succeeds prints them.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace irqsim {

class DriverLog {
public:
    static constexpr size_t kMaxLines = 10000;

    // quiet: nothing goes to stderr
    explicit DriverLog(bool quiet) : quiet_(quiet) {}
    ~DriverLog();
    DriverLog(const DriverLog&) = delete;
    DriverLog& operator=(const DriverLog&) = delete;

    // become the driver core's log hook (until destroyed)
    void listen();
    // hold warnings back from now on / stop, printing what was held when `print`
    void hold();
    void release(bool print);
    // ": <the first error held>", else ": <the last warning held>", else ""
    std::string held_cause() const;

    const std::vector<std::string>& lines() const { return lines_; }

private:
    static void hook(int level, const char* msg, void* ctx);

    bool quiet_;
    bool listening_ = false;
    bool holding_ = false;
    std::vector<std::string> lines_;
    std::vector<std::pair<int, std::string>> held_;
};

}  // namespace irqsim
