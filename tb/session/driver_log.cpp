// SPDX-License-Identifier: MIT
#include "driver_log.h"

#include <cstdio>

extern "C" {
#include <linux/printk.h>
}

namespace irqsim {

DriverLog::~DriverLog()
{
    if (listening_)
        irqsim_log_set_hook(nullptr, nullptr);
}

void DriverLog::listen()
{
    irqsim_log_set_hook(&DriverLog::hook, this);
    listening_ = true;
}

void DriverLog::hook(int level, const char* msg, void* ctx)
{
    auto* self = static_cast<DriverLog*>(ctx);
    if (level >= LOGLEVEL_DEBUG)
        return;
    if (self->lines_.size() < kMaxLines)
        self->lines_.emplace_back(msg);
    if (self->holding_) {
        if (level <= LOGLEVEL_WARNING && self->held_.size() < 1000)
            self->held_.emplace_back(level, msg);
        return;
    }
    if (!self->quiet_ && level <= LOGLEVEL_WARNING)
        std::fprintf(stderr, "%s\n", msg);
}

void DriverLog::hold()
{
    held_.clear();
    holding_ = true;
}

void DriverLog::release(bool print)
{
    holding_ = false;
    if (print && !quiet_)
        for (const auto& [level, msg] : held_)
            std::fprintf(stderr, "%s\n", msg.c_str());
    held_.clear();
}

std::string DriverLog::held_cause() const
{
    for (const auto& [level, msg] : held_)
        if (level <= LOGLEVEL_ERR)
            return ": " + msg;
    return held_.empty() ? std::string() : ": " + held_.back().second;
}

}  // namespace irqsim
