// SPDX-License-Identifier: MIT
#include "stop_signal.h"

#include <atomic>
#include <csignal>
#include <initializer_list>
#include <unistd.h>

namespace irqsim {

namespace {

std::atomic<int> g_signal{0};

void on_signal(int sig)
{
    if (g_signal.exchange(sig) != 0) {
        // second signal: the user insists
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    // If no clock is running to notice, SIGALRM's default action ends the process.
    alarm(3);
}

}  // namespace

void install_stop_signals()
{
    struct sigaction sa = {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        sigaction(sig, &sa, nullptr);
}

int stop_signal() { return g_signal.load(std::memory_order_relaxed); }

}  // namespace irqsim
