// SPDX-License-Identifier: MIT
// Device-tree blobs for unit tests: the default SoC's dtb and dtbs compiled
// from inline .dts text with dtc (header-only: the build globs *_test.cpp).
//
// The default dtb comes from IRQSIM_DEFAULT_DTB (a compile definition naming a
// dtb built by CMake) when defined; otherwise rtl/soc/irqsim_soc.dts is compiled
// with dtc at test time, found under IRQSIM_SOURCE_DIR if defined, else
// relative to this header.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <spawn.h>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace irqsim_test {

inline std::vector<uint8_t> ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return std::vector<uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// dtc on a .dts file, run without a shell (the path is one argument, whatever
// it holds); the blob comes back on dtc's stdout.  Empty vector on failure
// (dtc's messages go to *err).
inline std::vector<uint8_t> CompileDtsFile(const std::string& dts_path, std::string* err = nullptr)
{
    char errf[] = "/tmp/irqsim_dtcerrXXXXXX";
    int err_fd = mkstemp(errf);
    int out[2];
    std::vector<uint8_t> blob;

    if (err_fd < 0)
        return blob;
    if (pipe2(out, O_CLOEXEC) != 0) {
        close(err_fd);
        std::remove(errf);
        return blob;
    }
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, err_fd, 2);
    const char* argv[] = {"dtc", "-q", "-I", "dts", "-O", "dtb", "-o", "-", "--", dts_path.c_str(), nullptr};
    pid_t pid;
    int rc = posix_spawnp(&pid, "dtc", &fa, nullptr, const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    close(err_fd);
    int status = -1;
    if (rc == 0) {
        char buf[4096];
        ssize_t n;
        while ((n = read(out[0], buf, sizeof buf)) != 0) {
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                break;
            blob.insert(blob.end(), buf, buf + n);
        }
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    close(out[0]);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        blob.clear();
    if (err) {
        auto e = ReadFile(errf);
        err->assign(e.begin(), e.end());
        if (rc != 0)
            *err += std::string("cannot run dtc: ") + std::strerror(rc);
    }
    std::remove(errf);
    return blob;
}

inline std::vector<uint8_t> CompileDts(const std::string& text, std::string* err = nullptr)
{
    char tmpl[] = "/tmp/irqsim_dtsXXXXXX";
    int fd = mkstemp(tmpl);
    if (fd < 0)
        return {};
    close(fd);
    {
        std::ofstream o(tmpl);
        o << text;
    }
    auto blob = CompileDtsFile(tmpl, err);
    std::remove(tmpl);
    return blob;
}

inline std::string DefaultDtsPath()
{
#ifdef IRQSIM_SOURCE_DIR
    return std::string(IRQSIM_SOURCE_DIR) + "/rtl/soc/irqsim_soc.dts";
#else
    std::string here = __FILE__;  // .../tb/unit/dtb_util.h
    auto cut = here.rfind("/tb/unit/");
    return (cut == std::string::npos ? std::string(".") : here.substr(0, cut)) + "/rtl/soc/irqsim_soc.dts";
#endif
}

inline std::vector<uint8_t> DefaultDtb(std::string* err = nullptr)
{
#ifdef IRQSIM_DEFAULT_DTB
    (void)err;
    return ReadFile(IRQSIM_DEFAULT_DTB);
#else
    return CompileDtsFile(DefaultDtsPath(), err);
#endif
}

}  // namespace irqsim_test
