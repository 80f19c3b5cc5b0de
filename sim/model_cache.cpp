// SPDX-License-Identifier: MIT
#include "model_cache.h"
#include "installed_path.h"

#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <vector>

extern char** environ;

namespace irqsim {

namespace fs = std::filesystem;

// Set by sim/CMakeLists.txt on this file only (a new cache location rebuilds one file).
#ifndef IRQSIM_MODEL_CACHE_DIR
#define IRQSIM_MODEL_CACHE_DIR ""
#endif
#ifndef IRQSIM_MODEL_RECIPE_DIR
#define IRQSIM_MODEL_RECIPE_DIR ""
#endif
#ifndef IRQSIM_CMAKE_COMMAND
#define IRQSIM_CMAKE_COMMAND "cmake"
#endif
#ifndef IRQSIM_CMAKE_GENERATOR
#define IRQSIM_CMAKE_GENERATOR ""
#endif
#ifndef IRQSIM_CMAKE_MAKE_PROGRAM
#define IRQSIM_CMAKE_MAKE_PROGRAM ""
#endif

// Installed (cmake --install): the recipe relative to <prefix>/bin (IrqsimInstall.cmake).
#ifndef IRQSIM_INSTALLED_RECIPE_FROM_BIN
#define IRQSIM_INSTALLED_RECIPE_FROM_BIN ""
#endif

namespace {

struct Defaults {
    std::mutex mu;
    std::string recipe_dir, cache_dir;
};

Defaults& registered_defaults()
{
    static Defaults d;  // a function-local static: callers may run during static initialisation
    return d;
}

// An installed irqsim executable (<prefix>/bin/irqsim): the installed recipe beside it.
std::string installed_recipe_of_executable()
{
    return installed_path_beside_executable(IRQSIM_INSTALLED_RECIPE_FROM_BIN, "settings.cmake");
}

// Outside a build tree with nowhere registered: the user's cache directory.
std::string user_cache_dir()
{
    const char* xdg = std::getenv("XDG_CACHE_HOME");
    if (xdg && xdg[0] == '/')
        return std::string(xdg) + "/irqsim/models";
    const char* home = std::getenv("HOME");
    return home && home[0] ? std::string(home) + "/.cache/irqsim/models" : "";
}

}  // namespace

void set_model_cache_defaults(const char* recipe_dir, const char* cache_dir)
{
    Defaults& d = registered_defaults();
    std::lock_guard<std::mutex> g(d.mu);
    d.recipe_dir = recipe_dir ? recipe_dir : "";
    d.cache_dir = cache_dir ? cache_dir : "";
}

ModelCacheConfig model_cache_config()
{
    ModelCacheConfig c;
    c.recipe_dir = IRQSIM_MODEL_RECIPE_DIR;
    c.cache_dir = IRQSIM_MODEL_CACHE_DIR;
    Defaults& d = registered_defaults();
    {
        std::lock_guard<std::mutex> g(d.mu);
        if (!d.recipe_dir.empty()) {
            c.recipe_dir = d.recipe_dir;
            c.cache_dir = d.cache_dir;
        } else if (std::string r = installed_recipe_of_executable(); !r.empty()) {
            c.recipe_dir = r;
            c.cache_dir = user_cache_dir();
        }
    }
    const char* env = std::getenv("IRQSIM_MODEL_CACHE");
    if (env && env[0])
        c.cache_dir = env;
    std::error_code ec;
    if (!c.cache_dir.empty())  // the cmake child and dlopen() need no cwd then
        c.cache_dir = fs::absolute(c.cache_dir, ec).lexically_normal().string();
    while (c.cache_dir.size() > 1 && c.cache_dir.back() == '/')
        c.cache_dir.pop_back();
    c.cmake = IRQSIM_CMAKE_COMMAND;
    c.generator = IRQSIM_CMAKE_GENERATOR;
    return c;
}

namespace {

// FNV-1a: a cache key, not a defence against anyone.
struct Fnv {
    uint64_t h = 0xcbf29ce484222325ull;
    void add(const void* p, size_t n)
    {
        auto* b = static_cast<const uint8_t*>(p);
        for (size_t i = 0; i < n; i++) {
            h ^= b[i];
            h *= 0x100000001b3ull;
        }
    }
    void add(const std::string& s)
    {
        add(s.data(), s.size());
        add("\0", 1);  // "ab"+"c" differs from "a"+"bc"
    }
    std::string hex(unsigned digits) const
    {
        char buf[17];
        std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
        return std::string(buf).substr(16 - digits);
    }
};

bool add_file(Fnv& f, const std::string& path, std::string* err)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *err = "model recipe: cannot read " + path;
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    f.add(fs::path(path).filename().string());
    f.add(ss.str());
    return true;
}

// The HDL files of a -y library directory (not its READMEs), in name order.
bool add_dir(Fnv& f, const std::string& dir, std::string* err)
{
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".sv" || ext == ".svh" || ext == ".v" || ext == ".vh"))
            files.push_back(e.path().string());
    }
    if (ec) {
        *err = "model recipe: cannot list " + dir + " (" + ec.message() + ")";
        return false;
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files)
        if (!add_file(f, p, err))
            return false;
    return true;
}

bool exists(const std::string& path)
{
    struct stat st;
    return stat(path.c_str(), &st) == 0;
}

// Run argv (no shell) with stdout and stderr appended to log_fd; its exit status,
// or -1 and *err if it could not be started.
int run_logged(const std::vector<std::string>& args, int log_fd, std::string* err)
{
    std::vector<char*> argv;
    for (const auto& a : args)
        argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&fa, log_fd, 1);
    posix_spawn_file_actions_adddup2(&fa, log_fd, 2);
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        *err = "cannot run " + args[0] + ": " + std::strerror(rc);
        return -1;
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            *err = "waitpid: " + std::string(std::strerror(errno));
            return -1;
        }
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

// The first line of a failed build's log that says what went wrong.
std::string first_error(const std::string& log)
{
    std::ifstream in(log);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("%Error") != std::string::npos || line.find("error:") != std::string::npos ||
            line.find("CMake Error") != std::string::npos) {
            if (line.size() > 160)
                line = line.substr(0, 157) + "...";
            return line;
        }
    }
    return "";
}

// Rough, for the progress line: on the 2-core dev box a model took ~30 s with
// 3 PEs and ~110 CPU-s of compilation with 17 (README): ~20 s + 5 s per PE.
unsigned estimate_minutes(const ModelParams& p)
{
    double s = 20.0 + 5.0 * soc_params_of(p).num_pes();
    return std::max(1u, static_cast<unsigned>(std::lround(s / 60.0)));
}

std::string cache_dir_of(const ModelCacheConfig& cfg, const std::string& key)
{
    return cfg.cache_dir + "/" + key;
}

bool key_of(const ModelCacheConfig& cfg, const ModelParams& p, std::string* key, std::string* err)
{
    if (cfg.recipe_dir.empty() || cfg.cache_dir.empty()) {
        *err = "this build has no model recipe (Verilator missing at configure time?)";
        return false;
    }
    static std::mutex mu;
    static std::map<std::string, std::string> digests;  // recipe dir -> digest
    std::lock_guard<std::mutex> g(mu);
    std::string& digest = digests[cfg.recipe_dir];
    if (digest.empty() && !model_inputs_digest(cfg.recipe_dir, &digest, err)) {
        digests.erase(cfg.recipe_dir);
        return false;
    }
    *key = model_key(p, digest);
    return true;
}

}  // namespace

bool model_inputs_digest(const std::string& recipe_dir, std::string* digest, std::string* err)
{
    Fnv f;
    for (const char* name : {"CMakeLists.txt", "settings.cmake", "inputs.txt"})
        if (!add_file(f, recipe_dir + "/" + name, err))
            return false;
    std::ifstream in(recipe_dir + "/inputs.txt");
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty())
            continue;
        if (line[0] != '/')  // an installed recipe names its inputs relative to itself
            line = recipe_dir + "/" + line;
        struct stat st;
        if (stat(line.c_str(), &st) != 0) {
            *err = "model recipe: " + line + " is missing (" + std::strerror(errno) + ")";
            return false;
        }
        if (!(S_ISDIR(st.st_mode) ? add_dir(f, line, err) : add_file(f, line, err)))
            return false;
    }
    *digest = f.hex(16);
    return true;
}

// The progress line's parameter list: addresses (*_BASE) in hex, counts in decimal
// (the cache key and the recipe keep format_model_params' decimal form).
static std::string describe_model_params(const ModelParams& p)
{
    std::string s;
    for (const auto& kv : p) {
        const std::string& name = kv.first;
        bool addr = name.size() > 5 && name.compare(name.size() - 5, 5, "_BASE") == 0 && kv.second >= 0;
        char v[32];
        if (addr)
            std::snprintf(v, sizeof v, "0x%llx", static_cast<unsigned long long>(kv.second));
        else
            std::snprintf(v, sizeof v, "%lld", static_cast<long long>(kv.second));
        s += (s.empty() ? "" : ",") + name + "=" + v;
    }
    return s;
}

std::string model_readable_name(const ModelParams& p)
{
    ModelParams n = normalize_model_params(p);
    std::string s = "c" + std::to_string(soc_params_of(n).num_cpus);
    for (const auto& kv : n) {
        if (kv.first == "NUM_CPUS")
            continue;
        std::string name = kv.first;
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        s += "-" + name + (kv.second < 0 ? "n" + std::to_string(-kv.second) : std::to_string(kv.second));
    }
    // a whole topology (a tree moves every block) would make a name longer than a
    // file name may be: then the CPU count and how many parameters differ
    if (s.size() > 48)
        s = "c" + std::to_string(soc_params_of(n).num_cpus) + "-custom" +
            std::to_string(n.size() - n.count("NUM_CPUS"));
    return s;
}

std::string model_key(const ModelParams& p, const std::string& inputs_digest)
{
    Fnv f;
    f.add(std::string("irqsim-model-1"));
    f.add(format_model_params(normalize_model_params(p)));
    f.add(inputs_digest);
    return model_readable_name(p) + "-" + f.hex(12);
}

// --- lock and publish ------------------------------------------------------------

FileLock::~FileLock() { release(); }

void FileLock::release()
{
    if (fd_ >= 0)
        close(fd_);  // closing the descriptor drops the flock
    fd_ = -1;
}

bool FileLock::try_acquire(const std::string& path, std::string* err)
{
    release();
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        *err = "cannot open the lock file " + path + ": " + std::strerror(errno);
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        *err = errno == EWOULDBLOCK ? "" : "flock " + path + ": " + std::strerror(errno);
        close(fd);
        return false;
    }
    fd_ = fd;
    return true;
}

bool FileLock::acquire(const std::string& path, std::string* err, const std::function<void()>& on_wait)
{
    if (try_acquire(path, err))
        return true;
    if (!err->empty())
        return false;
    if (on_wait)
        on_wait();
    int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        *err = "cannot open the lock file " + path + ": " + std::strerror(errno);
        return false;
    }
    while (flock(fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            *err = "flock " + path + ": " + std::strerror(errno);
            close(fd);
            return false;
        }
    }
    fd_ = fd;
    return true;
}

bool publish_file(const std::string& from, const std::string& to, std::string* err)
{
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        *err = "cannot rename " + from + " to " + to + ": " + std::strerror(errno);
        return false;
    }
    return true;
}

// --- find or build ---------------------------------------------------------------

std::string cached_model(const ModelCacheConfig& cfg, const ModelParams& p)
{
    std::string key, err;
    if (!key_of(cfg, p, &key, &err))
        return "";
    std::string so = cache_dir_of(cfg, key) + "/model.so";
    return exists(so) ? so : "";
}

bool ensure_model(const ModelCacheConfig& cfg, const ModelParams& p, std::string* so_path, std::string* err,
                  bool* built)
{
    if (built)
        *built = false;
    const ModelParams n = normalize_model_params(p);
    std::string key;
    if (!key_of(cfg, n, &key, err))
        return false;
    const std::string name = model_readable_name(n), dir = cache_dir_of(cfg, key);
    *so_path = dir + "/model.so";
    if (exists(*so_path))
        return true;

    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || access(dir.c_str(), W_OK) != 0) {
        *err = "cannot create the model cache directory " + dir + ": " +
               (ec ? ec.message() : std::string(std::strerror(errno)));
        return false;
    }
    const std::string log = dir + "/build.log";
    FileLock lock;
    if (!lock.acquire(dir + "/lock", err, [&] {
            if (cfg.progress)
                std::fprintf(stderr,
                             "irqsim: waiting for another irqsim building the SoC model %s (log: %s)\n",
                             name.c_str(), log.c_str());
        }))
        return false;
    if (exists(*so_path))  // built by the process we waited for
        return true;

    int log_fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (log_fd < 0) {
        *err = "cannot write " + log + ": " + std::strerror(errno);
        return false;
    }
    if (cfg.progress)
        std::fprintf(
            stderr,
            "irqsim: building the SoC model %s (%s; first time only, ~%u min on 2 cores) ... log: %s\n",
            name.c_str(), n.empty() ? "default parameters" : describe_model_params(n).c_str(),
            estimate_minutes(n), log.c_str());
    auto t0 = std::chrono::steady_clock::now();
    std::string prefix = "Vtb_" + key;
    std::replace(prefix.begin(), prefix.end(), '-', '_');
    std::string params = format_model_params(n);
    const std::string bdir = dir + "/build";
    std::vector<std::string> configure = {cfg.cmake, "-S", cfg.recipe_dir, "-B", bdir};
    if (!cfg.generator.empty())
        configure.insert(configure.end(), {"-G", cfg.generator});
    if (std::strlen(IRQSIM_CMAKE_MAKE_PROGRAM))
        configure.push_back(std::string("-DCMAKE_MAKE_PROGRAM=") + IRQSIM_CMAKE_MAKE_PROGRAM);
    configure.insert(configure.end(), {"-DIRQSIM_MODEL_KEY=" + key, "-DIRQSIM_MODEL_PARAMS=" + params,
                                       "-DIRQSIM_MODEL_PREFIX=" + prefix});
    std::string run_err;
    int rc = run_logged(configure, log_fd, &run_err);
    if (rc == 0)
        rc = run_logged({cfg.cmake, "--build", bdir}, log_fd, &run_err);
    close(log_fd);
    if (rc != 0) {
        std::string why = rc < 0 ? run_err : first_error(log);
        *err = "building the SoC model " + name + " failed" + (why.empty() ? "" : ": " + why) +
               " (log: " + log + ")";
        return false;
    }
    if (!publish_file(bdir + "/irqsim_model.so", *so_path, err))
        return false;
    fs::remove_all(bdir, ec);  // the objects are in ccache, if anywhere
    if (built)
        *built = true;
    if (cfg.progress) {
        auto s =
            std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "irqsim: built the SoC model %s in %lld min %lld s (%s)\n", name.c_str(),
                     static_cast<long long>(s / 60), static_cast<long long>(s % 60), dir.c_str());
    }
    return true;
}

// --- load ------------------------------------------------------------------------

std::unique_ptr<SocPins> load_model(const std::string& so_path, const std::string& key, const ModelParams& p,
                                    VerilatedContext* ctx, std::string* err)
{
    // Loaded once per process and never unloaded: the instances' code lives there.
    static std::mutex mu;
    static std::map<std::string, void*> handles;
    std::lock_guard<std::mutex> g(mu);
    void*& h = handles[so_path];
    if (!h) {
        h = dlopen(so_path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!h) {
            const char* e = dlerror();
            *err = "cannot load the SoC model " + so_path + ": " + (e ? e : "?");
            handles.erase(so_path);
            return nullptr;
        }
    }
    using KeyFn = const char* (*)();
    using MakeFn = SocPins* (*)(VerilatedContext*);
    auto key_fn = reinterpret_cast<KeyFn>(dlsym(h, "irqsim_model_key"));
    auto params_fn = reinterpret_cast<KeyFn>(dlsym(h, "irqsim_model_params"));
    auto make_fn = reinterpret_cast<MakeFn>(dlsym(h, "irqsim_make_soc_pins"));
    if (!key_fn || !params_fn || !make_fn) {
        *err = "the SoC model " + so_path + " is not an irqsim model (no irqsim_make_soc_pins)";
        return nullptr;
    }
    const std::string want = format_model_params(normalize_model_params(p));
    if (key != key_fn() || want != params_fn()) {
        *err = "the SoC model " + so_path + " was built as " + key_fn() + " (" + params_fn() + "), not " +
               key + " (" + want + ")";
        return nullptr;
    }
    try {
        return std::unique_ptr<SocPins>(make_fn(ctx));
    } catch (const std::exception& e) {
        *err = e.what();
        return nullptr;
    }
}

// --- the harness's entry points --------------------------------------------------

bool soc_builtin_model(const ModelParams& p)
{
    ModelParams n = normalize_model_params(p);
    unsigned cpus = soc_params_of(n).num_cpus;
    n.erase("NUM_CPUS");
    return n.empty() && soc_builtin_variant(cpus);
}

bool soc_model_available(const ModelParams& p)
{
    return soc_builtin_model(p) || !cached_model(model_cache_config(), p).empty();
}

bool prepare_soc_model(const ModelParams& p, std::string* err)
{
    if (soc_builtin_model(p))
        return true;
    std::string so;
    return ensure_model(model_cache_config(), p, &so, err);
}

std::unique_ptr<SocPins> make_soc_pins(const ModelParams& p, VerilatedContext* ctx, std::string* err)
{
    if (soc_builtin_model(p))
        return make_builtin_soc_pins(soc_params_of(normalize_model_params(p)).num_cpus, ctx);
    ModelCacheConfig cfg = model_cache_config();
    std::string so, key;
    if (!ensure_model(cfg, p, &so, err) || !key_of(cfg, p, &key, err))
        return nullptr;
    return load_model(so, key, p, ctx, err);
}

}  // namespace irqsim
