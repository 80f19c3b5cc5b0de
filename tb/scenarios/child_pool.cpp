// SPDX-License-Identifier: MIT
#include "child_pool.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <map>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace irqsim {

namespace {

using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t g_stop_signal = 0;
struct sigaction g_old_int, g_old_term;

void on_stop_signal(int sig) { g_stop_signal = sig; }

pid_t spawn(const std::string& exe, const ChildJob& job, std::string* err)
{
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(exe.c_str()));
    for (const auto& a : job.args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, job.log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    // Own process group: a terminal's Ctrl-C reaches only this parent, which then
    // kills the children itself and still writes what finished.  Signals the
    // parent catches or blocks go back to their defaults in the child.
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGTERM);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    posix_spawnattr_setpgroup(&at, 0);
    posix_spawnattr_setsigmask(&at, &none);
    posix_spawnattr_setsigdefault(&at, &defaults);
    pid_t pid = -1;
    int rc = posix_spawn(&pid, exe.c_str(), &fa, &at, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    posix_spawnattr_destroy(&at);
    if (rc != 0) {
        *err = "cannot start " + exe + ": " + std::strerror(rc);
        return -1;
    }
    return pid;
}

}  // namespace

void catch_stop_signals()
{
    g_stop_signal = 0;
    struct sigaction sa = {};
    sa.sa_handler = on_stop_signal;  // no SA_RESTART: the wait loop's sleep ends at once
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &g_old_int);
    sigaction(SIGTERM, &sa, &g_old_term);
}

void restore_stop_signals()
{
    sigaction(SIGINT, &g_old_int, nullptr);
    sigaction(SIGTERM, &g_old_term, nullptr);
}

int stop_signal_received() { return g_stop_signal; }

std::vector<ChildOutcome> run_children(const std::string& exe, const std::vector<ChildJob>& list,
                                       unsigned jobs, double timeout_s,
                                       const std::function<void(size_t, const ChildOutcome&)>& on_done)
{
    struct Running {
        size_t index;
        Clock::time_point start;
        bool killed_timeout = false;
        bool killed_stop = false;
    };
    std::vector<ChildOutcome> out(list.size());
    std::map<pid_t, Running> running;
    size_t next = 0;
    while (next < list.size() || !running.empty()) {
        while (!g_stop_signal && next < list.size() && running.size() < jobs) {
            std::string err;
            pid_t pid = spawn(exe, list[next], &err);
            if (pid < 0) {
                out[next].spawn_error = err;
                on_done(next, out[next]);
            } else {
                running[pid] = {next, Clock::now()};
            }
            next++;
        }
        if (g_stop_signal) {
            for (auto& [pid, r] : running) {
                if (!r.killed_stop)
                    kill(-pid, SIGKILL);
                r.killed_stop = true;
            }
            for (; next < list.size(); next++)
                out[next].interrupted = true;
        }
        int status = 0;
        pid_t pid = waitpid(-1, &status, WNOHANG);
        if (pid > 0) {
            auto it = running.find(pid);
            if (it == running.end())
                continue;
            ChildOutcome& o = out[it->second.index];
            o.ran = true;
            o.wall = std::chrono::duration<double>(Clock::now() - it->second.start).count();
            o.timed_out = it->second.killed_timeout;
            o.interrupted = it->second.killed_stop;
            if (WIFSIGNALED(status)) {
                o.signaled = true;
                o.code = WTERMSIG(status);
            } else {
                o.code = WEXITSTATUS(status);
            }
            size_t idx = it->second.index;
            running.erase(it);
            if (!o.interrupted)
                on_done(idx, o);
            continue;
        }
        if (pid < 0 && errno != EINTR && errno != ECHILD)
            break;
        auto now = Clock::now();
        for (auto& [p, r] : running) {
            if (!r.killed_timeout && std::chrono::duration<double>(now - r.start).count() > timeout_s) {
                kill(-p, SIGKILL);
                r.killed_timeout = true;
            }
        }
        usleep(10000);  // a signal cuts it short
    }
    return out;
}

}  // namespace irqsim
