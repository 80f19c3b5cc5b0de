// SPDX-License-Identifier: MIT
#include "vl_printf_hook.h"

#include <cstdarg>
#include <cstdio>
#include <cstring>

namespace {
char last_error[512];
char pending[1024];  // text of the current (unfinished) line
size_t pending_len;
}  // namespace

extern "C" int irqsim_vl_printf(const char* fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    int n = std::vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    std::fputs(buf, stdout);
    // Assemble lines; keep an error line whole even if printed in pieces.
    for (const char* p = buf; *p; p++) {
        if (*p == '\n') {
            pending[pending_len] = '\0';
            if (std::strstr(pending, "%Error") && !std::strstr(pending, "Verilog $stop"))
                std::snprintf(last_error, sizeof last_error, "%s", pending);
            pending_len = 0;
        } else if (pending_len + 1 < sizeof pending) {
            pending[pending_len++] = *p;
        }
    }
    return n;
}

const char* irqsim_vl_last_error() { return last_error; }
void irqsim_vl_clear_last_error() { last_error[0] = '\0'; }
