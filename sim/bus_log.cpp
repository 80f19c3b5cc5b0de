// SPDX-License-Identifier: MIT
#include "bus_log.h"

#include <cstring>

namespace irqsim {

static const char* resp_name(const BusLogEntry& e)
{
    if (e.kind[0] == 'S')
        return e.resp ? "ERROR" : "OK";
    static const char* const n[] = {"OKAY", "EXOKAY", "SLVERR", "DECERR"};
    return n[e.resp & 3];
}

std::string BusLogEntry::str() const
{
    char buf[200];
    std::snprintf(buf, sizeof buf, "%10llu %-3s cpu%-2u %-2s 0x%08llx 0x%016llx %-6s %s",
                  (unsigned long long)cycle, master, cpu, kind, (unsigned long long)addr,
                  (unsigned long long)data, resp_name(*this), annotation);
    return buf;
}

BusLog::BusLog(size_t capacity) : ring_(capacity ? capacity : 1) {}

BusLog::~BusLog()
{
    if (file_)
        std::fclose(file_);
}

bool BusLog::open_file(const std::string& path)
{
    if (file_) {
        std::fclose(file_);
        file_ = nullptr;
    }
    if (path.empty())
        return true;
    file_ = std::fopen(path.c_str(), "w");
    if (file_)
        std::fprintf(file_, "#    cycle mst cpu   k  address    data               resp   annotation\n");
    return file_ != nullptr;
}

void BusLog::record(uint64_t cycle, const char* master, const char* kind, unsigned cpu, uint64_t addr,
                    uint64_t data, uint8_t resp, const char* annotation)
{
    if (!enabled_ && !resp && !observer_)
        return;
    BusLogEntry e;
    e.cycle = cycle;
    e.addr = addr;
    e.data = data;
    std::strncpy(e.master, master, sizeof e.master - 1);
    e.master[sizeof e.master - 1] = 0;
    std::strncpy(e.kind, kind, sizeof e.kind - 1);
    e.kind[sizeof e.kind - 1] = 0;
    e.resp = resp;
    e.cpu = static_cast<uint16_t>(cpu);
    std::strncpy(e.annotation, annotation ? annotation : "", sizeof e.annotation - 1);
    e.annotation[sizeof e.annotation - 1] = 0;
    if (resp) {
        // A wrong address map can fail every access: keep and print the first
        // few, count the rest, so that the cause is not buried under repeats.
        if (errors_.size() < kMaxKeptErrors)
            errors_.push_back(e);
        if (!quiet_ && error_count_ < kMaxPrintedErrors)
            std::fprintf(stderr, "irqsim: bus error: %s\n", e.str().c_str());
        else if (!quiet_ && error_count_ == kMaxPrintedErrors)
            std::fprintf(stderr, "irqsim: further bus errors are counted, not printed\n");
        ++error_count_;
    }
    if (observer_)
        observer_(e);
    if (!enabled_)
        return;
    ++total_;
    size_t slot = (head_ + count_) % ring_.size();
    ring_[slot] = e;
    if (count_ < ring_.size())
        ++count_;
    else
        head_ = (head_ + 1) % ring_.size();
    if (file_)
        std::fprintf(file_, "%s\n", e.str().c_str());
}

void BusLog::clear()
{
    head_ = count_ = 0;
    errors_.clear();
    error_count_ = 0;
}

std::string BusLog::tail(size_t n) const
{
    std::string s;
    size_t from = count_ > n ? count_ - n : 0;
    for (size_t i = from; i < count_; i++)
        s += at(i).str() + "\n";
    return s;
}

}  // namespace irqsim
