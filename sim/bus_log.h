// SPDX-License-Identifier: MIT
// BusLog: what the driver did on the bus.  A fixed ring of the last `capacity`
// accesses (no allocation per access) and, optionally, a text file with every
// access.  Each entry: cycle, master, kind (R/W for MMIO, SR/SW for system
// registers), CPU, address (or sysreg encoding), data, response and the
// annotation in force.  Bus errors (SLVERR/DECERR, sysreg errors) are also kept in
// errors() and, unless quiet, printed to stderr with the address and annotation.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace irqsim {

struct BusLogEntry {
    uint64_t cycle;
    uint64_t addr;
    uint64_t data;
    char master[4];  // "cpu", "fw"
    char kind[3];    // "R", "W", "SR", "SW"
    uint8_t resp;    // AXI response (sysreg: 2 = refused)
    uint16_t cpu;
    char annotation[64];

    std::string str() const;
};

class BusLog {
public:
    explicit BusLog(size_t capacity = 4096);
    ~BusLog();

    void set_enabled(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }
    // also write every access to this file ("" closes it)
    bool open_file(const std::string& path);
    void set_quiet_errors(bool quiet) { quiet_ = quiet; }
    // called with every access, logged or not (functional coverage watches
    // register accesses through it); empty = none
    void set_observer(std::function<void(const BusLogEntry&)> fn) { observer_ = std::move(fn); }

    void record(uint64_t cycle, const char* master, const char* kind, unsigned cpu, uint64_t addr,
                uint64_t data, uint8_t resp, const char* annotation);

    size_t size() const { return count_; }
    // i = 0 is the oldest kept entry
    const BusLogEntry& at(size_t i) const { return ring_[(head_ + i) % ring_.size()]; }
    // the first kMaxKeptErrors bus errors; error_count() counts them all
    const std::vector<BusLogEntry>& errors() const { return errors_; }
    uint64_t error_count() const { return error_count_; }
    static constexpr size_t kMaxKeptErrors = 1000;
    static constexpr uint64_t kMaxPrintedErrors = 3;
    uint64_t total() const { return total_; }
    void clear();
    // the last n entries as text, one per line
    std::string tail(size_t n) const;

private:
    std::vector<BusLogEntry> ring_;
    size_t head_ = 0, count_ = 0;
    uint64_t total_ = 0;
    bool enabled_ = true;
    bool quiet_ = false;
    std::function<void(const BusLogEntry&)> observer_;
    uint64_t error_count_ = 0;
    std::FILE* file_ = nullptr;
    std::vector<BusLogEntry> errors_;
};

}  // namespace irqsim
