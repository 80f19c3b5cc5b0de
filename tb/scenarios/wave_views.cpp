// SPDX-License-Identifier: MIT
#include "wave_views.h"

#include "installed_path.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace irqsim {

std::vector<std::string> gen_views_args(const SocParams& p)
{
    auto n = [](unsigned v) { return std::to_string(v); };
    // the bus labels (waves/labels/soc_bus.txt) are the default SoC's addresses: a tree that
    // moves a block gets views without them
    const SocParams d;
    bool default_map = p.gicd_base == d.gicd_base && p.gicr_base == d.gicr_base &&
                       p.timer_base == d.timer_base && p.intr_base == d.intr_base &&
                       p.inta_base == d.inta_base && p.dma_base == d.dma_base && p.ims_base == d.ims_base;
    return {"--cpus",       n(p.num_cpus),       "--coproc",       n(p.has_coproc ? 1 : 0),
            "--spis",       n(p.num_spis),       "--lines",        n(p.num_lines),
            "--intr-lines", n(p.num_intr_lines), "--vints",        n(p.num_vints),
            "--intr-out",   n(p.num_intr_out),   "--intr-out-spi", n(p.intr_out_spi),
            "--rings",      n(p.num_rings),      "--bus-labels",   default_map ? "1" : "0"};
}

bool default_views(const SocParams& p) { return gen_views_args(p) == gen_views_args(SocParams{}); }

std::string view_path_beside(const std::string& trace)
{
    std::string base = trace;
    if (base.size() > 4 && base.compare(base.size() - 4, 4, ".fst") == 0)
        base.resize(base.size() - 4);
    return base + ".gtkw";
}

std::string waves_dir()
{
    // an installed irqsim: <prefix>/share/irqsim/waves; else the source tree it was built from
    static const std::string dir = [] {
        std::string installed =
            installed_path_beside_executable(IRQSIM_INSTALLED_WAVES_FROM_BIN, "gen-views");
        return installed.empty() ? std::string(IRQSIM_WAVES_DIR) : installed;
    }();
    return dir;
}

std::string committed_view(const std::string& name) { return waves_dir() + "/" + name + ".gtkw"; }

namespace {

// bash gen-views ARGS: its stdout ("wrote ...") dropped, its stderr kept for
// the reason; false + *err unless it exits 0
bool run_gen_views(const std::vector<std::string>& args, std::string* err)
{
    std::string script = waves_dir() + "/gen-views";
    std::vector<std::string> argv_s = {"bash", script};
    argv_s.insert(argv_s.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_s)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    int pipe_fd[2];
    if (pipe2(pipe_fd, O_CLOEXEC) != 0) {
        *err = std::string("pipe: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, pipe_fd[1], STDERR_FILENO);
    pid_t pid;
    int rc = posix_spawnp(&pid, "bash", &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(pipe_fd[1]);
    if (rc != 0) {
        close(pipe_fd[0]);
        *err = "cannot run bash " + script + ": " + std::strerror(rc);
        return false;
    }
    std::string text;
    char buf[512];
    for (;;) {
        ssize_t n = read(pipe_fd[0], buf, sizeof buf);
        if (n > 0)
            text.append(buf, static_cast<size_t>(n));
        else if (n == 0 || errno != EINTR)
            break;
    }
    close(pipe_fd[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return true;
    while (!text.empty() && text.back() == '\n')
        text.pop_back();
    size_t nl = text.rfind('\n');
    std::string last = nl == std::string::npos ? text : text.substr(nl + 1);
    *err = script + " failed" + (last.empty() ? std::string() : ": " + last);
    return false;
}

}  // namespace

bool view_for_trace(const SocParams& p, const std::string& name, const std::string& trace, std::string* path,
                    std::string* err)
{
    if (default_views(p)) {
        *path = committed_view(name);
        return true;
    }
    std::vector<std::string> args = gen_views_args(p);
    std::string out = view_path_beside(trace);
    // the view names its trace absolutely: it opens from any directory
    std::error_code ec;
    std::string abs_trace = std::filesystem::absolute(trace, ec).string();
    args.insert(args.end(), {"--view", name, "--trace", ec ? trace : abs_trace, "--output", out});
    if (!run_gen_views(args, err))
        return false;
    *path = out;
    return true;
}

}  // namespace irqsim
