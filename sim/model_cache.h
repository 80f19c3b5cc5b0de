// SPDX-License-Identifier: MIT
// The model cache: a verilated irqsim_tb_top for any set of top-level parameters,
// built the first time a run needs it and reused after.
//
//   <cache>/<key>/model.so    the model: a shared object exporting
//                               irqsim_make_soc_pins(VerilatedContext *)
//                               irqsim_model_params() / irqsim_model_key()
//   <cache>/<key>/build.log   the build's output
//   <cache>/<key>/lock        flock()ed while a process builds it
//
// <cache> is the build tree's models/ (compiled in), or $IRQSIM_MODEL_CACHE; installed,
// see model_cache_config().
// The key ("c8-1f0e9a2b3c4d") is the model's readable name plus a hash of the
// parameters and of everything the model is made of: the recipe (a CMake project
// sim/CMakeLists.txt writes into the build tree, naming Verilator, the compiler,
// the flags and the RTL) and the content of every file it names, so any RTL edit
// or toolchain change gives a new key.  The build: the recipe configured and built
// in <cache>/<key>/build, under the lock; model.so appears by rename() when
// complete, so a reader sees a whole model or none.
//
// The models linked into the build (1/4/16 CPUs, default parameters) are used
// directly when they match; nothing is loaded for them.
#pragma once

#include "model_params.h"
#include "soc_pins.h"

#include <functional>
#include <memory>
#include <string>

class VerilatedContext;

namespace irqsim {

struct ModelCacheConfig {
    std::string cache_dir;   // the models: <cache_dir>/<key>/
    std::string recipe_dir;  // the CMake project that builds one (sim/CMakeLists.txt)
    std::string cmake;       // the cmake that configured this build
    std::string generator;   // and its generator
    bool progress = true;    // the progress line on stderr while building
};

// This build's recipe and cache ($IRQSIM_MODEL_CACHE overrides the cache).
// Installed (cmake --install): a program built against the package gets the
// installed recipe and its own build tree's cache, registered through
// set_model_cache_defaults() by a source file the package adds to it
// (irqsimConfig.cmake); the installed irqsim command finds the recipe beside
// its bin/ and caches in $XDG_CACHE_HOME/irqsim/models (~/.cache/irqsim/models).
ModelCacheConfig model_cache_config();
void set_model_cache_defaults(const char* recipe_dir, const char* cache_dir);

// A hash of the recipe's files and of every file and directory (its HDL files)
// listed in its inputs.txt: 16 hex digits.  (The cache computes it once per process.)
bool model_inputs_digest(const std::string& recipe_dir, std::string* digest, std::string* err);

// "c8", "c4-num_spis256": NUM_CPUS, then every other non-default parameter.
std::string model_readable_name(const ModelParams& p);
// "<readable name>-<12 hex digits>" of the normalized parameters and the digest.
std::string model_key(const ModelParams& p, const std::string& inputs_digest);

// An exclusive flock() on a lock file (created if missing), held until destruction.
class FileLock {
public:
    FileLock() = default;
    ~FileLock();
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;
    // on_wait runs once if another process holds the lock (before blocking on it)
    bool acquire(const std::string& path, std::string* err, const std::function<void()>& on_wait = {});
    bool try_acquire(const std::string& path, std::string* err);  // false if held elsewhere or on error
    void release();

private:
    int fd_ = -1;
};

// rename(from, to): `to` appears complete or not at all (same file system).
bool publish_file(const std::string& from, const std::string& to, std::string* err);

// The model's shared object for p, built first if the cache has none.
// *built says whether this call built it.  Errors: one line in *err.
bool ensure_model(const ModelCacheConfig& cfg, const ModelParams& p, std::string* so_path, std::string* err,
                  bool* built = nullptr);

// The cached model for p if it exists (no build): its path, else "".
std::string cached_model(const ModelCacheConfig& cfg, const ModelParams& p);

// A model instance from a model.so; checks that it was built with p and key.
std::unique_ptr<SocPins> load_model(const std::string& so_path, const std::string& key, const ModelParams& p,
                                    VerilatedContext* ctx, std::string* err);

// --- what the harness uses ---------------------------------------------------------
// A linked-in model fits p (no cache, nothing loaded).
bool soc_builtin_model(const ModelParams& p);
// p's model can be had without building (linked in, or cached).
bool soc_model_available(const ModelParams& p);
// Make sure p's model exists: nothing if linked in or cached, else build it now.
bool prepare_soc_model(const ModelParams& p, std::string* err);
// A fresh instance of p's model in ctx (built first if need be); nullptr + *err.
std::unique_ptr<SocPins> make_soc_pins(const ModelParams& p, VerilatedContext* ctx, std::string* err);

}  // namespace irqsim
