// SPDX-License-Identifier: MIT
// The model cache's pieces that need no model build: parameters, the key, the
// inputs digest, the lock, the atomic publish, and its one-line errors.
#include "model_cache.h"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace irqsim;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the test's working directory.
fs::path fresh_dir(const std::string& name)
{
    fs::path d = fs::current_path() / ("model_cache_test." + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void write(const fs::path& p, const std::string& text)
{
    std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

// A recipe directory like the one sim/CMakeLists.txt writes, over a tiny "RTL".
fs::path fake_recipe(const std::string& name)
{
    fs::path d = fresh_dir(name);
    fs::create_directories(d / "rtl/gic");
    write(d / "top.sv", "module top; endmodule\n");
    write(d / "rtl/gic/gic.sv", "module gic; endmodule\n");
    write(d / "rtl/gic/README.md", "notes\n");
    write(d / "CMakeLists.txt", "project(x)\n");
    write(d / "settings.cmake", "set(IRQSIM_RECIPE_CMAKE_CXX_COMPILER_VERSION 12.2.0)\n");
    write(d / "inputs.txt", (d / "top.sv").string() + "\n" + (d / "rtl/gic").string() + "\n");
    return d;
}

std::string digest_of(const fs::path& recipe)
{
    std::string d, err;
    EXPECT_TRUE(model_inputs_digest(recipe.string(), &d, &err)) << err;
    return d;
}

}  // namespace

TEST(ModelParams, ParseFormatRoundTrip)
{
    ModelParams p;
    std::string err;
    ASSERT_TRUE(parse_model_params("NUM_SPIS=128,NUM_CPUS=8", &p, &err)) << err;
    EXPECT_EQ(format_model_params(p), "NUM_CPUS=8,NUM_SPIS=128");  // name order
    ASSERT_TRUE(parse_model_params("", &p, &err));
    EXPECT_TRUE(p.empty());
    for (const char* bad : {"NUM_CPUS", "NUM CPUS=1", "=3", "X=", "X=1a", "X=0x10", "1X=2", "X=1;rm",
                            "A=1,,B=2", "X=99999999999999999999"}) {
        err.clear();
        EXPECT_FALSE(parse_model_params(bad, &p, &err)) << bad;
        EXPECT_EQ(err.find('\n'), std::string::npos);
        EXPECT_FALSE(err.empty()) << bad;
    }
}

TEST(ModelParams, DefaultsNormalizeAway)
{
    EXPECT_EQ(normalize_model_params({{"NUM_CPUS", 8}, {"NUM_SPIS", 96}, {"HAS_COPROC", 1}}),
              (ModelParams{{"NUM_CPUS", 8}}));
    EXPECT_TRUE(normalize_model_params({{"NUM_CPUS", 4}}).empty());
    EXPECT_EQ(normalize_model_params({{"HAS_COPROC", 0}, {"GICD_BASE", 1}}).size(),
              2u);  // unknown names stay
    SocParams s = soc_params_of({{"NUM_CPUS", 64}, {"HAS_COPROC", 0}, {"NUM_SPIS", 256}});
    EXPECT_EQ(s.num_cpus, 64u);
    EXPECT_EQ(s.num_spis, 256u);
    EXPECT_EQ(s.num_pes(), 64u);
    EXPECT_EQ(soc_params_of({}).num_cpus, SocParams().num_cpus);
}

TEST(ModelKey, StableReadableAndSensitiveToEveryInput)
{
    const std::string k = model_key({{"NUM_CPUS", 8}}, "0123456789abcdef");
    EXPECT_EQ(k, model_key({{"NUM_CPUS", 8}}, "0123456789abcdef"));
    EXPECT_EQ(k, model_key({{"NUM_CPUS", 8}, {"NUM_SPIS", 96}}, "0123456789abcdef"));  // a default restated
    EXPECT_EQ(k.rfind("c8-", 0), 0u) << k;
    EXPECT_EQ(k.size(), 3u + 12u);
    EXPECT_NE(k, model_key({{"NUM_CPUS", 9}}, "0123456789abcdef"));
    EXPECT_NE(k, model_key({{"NUM_CPUS", 8}, {"NUM_SPIS", 128}}, "0123456789abcdef"));
    EXPECT_NE(k, model_key({{"NUM_CPUS", 8}, {"GICD_BASE", 0}}, "0123456789abcdef"));
    EXPECT_NE(k, model_key({{"NUM_CPUS", 8}}, "0123456789abcdee"));
    EXPECT_EQ(model_readable_name({{"NUM_CPUS", 2}, {"NUM_SPIS", 256}}), "c2-num_spis256");
    EXPECT_EQ(model_readable_name({}), "c4");
    // a file name and, with '-' -> '_', part of a C identifier (the class prefix)
    for (char c : model_key({{"NUM_CPUS", 2}, {"X", -3}}, "d"))
        EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') << c;
}

TEST(ModelKey, DigestFollowsContentNotNoise)
{
    fs::path r = fake_recipe("digest");
    const std::string d0 = digest_of(r);
    EXPECT_EQ(d0.size(), 16u);
    EXPECT_EQ(d0, digest_of(r));  // stable

    write(r / "rtl/gic/README.md", "other notes\n");  // not HDL: same model
    EXPECT_EQ(d0, digest_of(r));

    write(r / "rtl/gic/gic.sv", "module gic; wire w; endmodule\n");  // an RTL edit
    const std::string d1 = digest_of(r);
    EXPECT_NE(d0, d1);

    write(r / "rtl/gic/gic_new.sv", "module gic_new; endmodule\n");  // a new block file
    const std::string d2 = digest_of(r);
    EXPECT_NE(d1, d2);

    write(r / "top.sv", "module top; wire x; endmodule\n");
    const std::string d3 = digest_of(r);
    EXPECT_NE(d2, d3);

    write(r / "settings.cmake",
          "set(IRQSIM_RECIPE_CMAKE_CXX_COMPILER_VERSION 13.1.0)\n");  // another compiler
    EXPECT_NE(d3, digest_of(r));
}

TEST(ModelKey, MissingInputIsOneLine)
{
    fs::path r = fake_recipe("missing");
    fs::remove(r / "top.sv");
    std::string d, err;
    EXPECT_FALSE(model_inputs_digest(r.string(), &d, &err));
    EXPECT_NE(err.find("top.sv is missing"), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos);
}

TEST(ModelCacheLock, ExclusiveUntilReleased)
{
    fs::path d = fresh_dir("lock");
    const std::string path = (d / "lock").string();
    std::string err;
    FileLock a, b;
    ASSERT_TRUE(a.try_acquire(path, &err)) << err;
    EXPECT_FALSE(b.try_acquire(path, &err));
    EXPECT_TRUE(err.empty()) << err;  // held, not an error

    // another process waits too
    pid_t pid = fork();
    if (pid == 0) {
        FileLock c;
        std::string e;
        _exit(c.try_acquire(path, &e) ? 1 : 0);
    }
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);

    a.release();
    EXPECT_TRUE(b.try_acquire(path, &err)) << err;
}

TEST(ModelCacheLock, WaiterIsToldAndGetsItAfterTheHolder)
{
    fs::path d = fresh_dir("lock_wait");
    const std::string path = (d / "lock").string();
    int go[2];
    ASSERT_EQ(pipe(go), 0);
    pid_t pid = fork();
    if (pid == 0) {  // the holder: takes the lock, says so, holds it 300 ms
        FileLock h;
        std::string e;
        if (!h.try_acquire(path, &e))
            _exit(1);
        char c = 1;
        if (write(go[1], &c, 1) != 1)
            _exit(1);
        usleep(300 * 1000);
        _exit(0);
    }
    char c;
    ASSERT_EQ(read(go[0], &c, 1), 1);
    bool told = false;
    FileLock w;
    std::string err;
    EXPECT_TRUE(w.acquire(path, &err, [&] { told = true; })) << err;
    EXPECT_TRUE(told);
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(go[0]);
    close(go[1]);
}

TEST(ModelCachePublish, RenameIsAllOrNothing)
{
    fs::path d = fresh_dir("publish");
    write(d / "model.so.tmp", "new");
    write(d / "model.so", "old");
    std::string err;
    ASSERT_TRUE(publish_file((d / "model.so.tmp").string(), (d / "model.so").string(), &err)) << err;
    EXPECT_FALSE(fs::exists(d / "model.so.tmp"));
    std::ifstream in(d / "model.so");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "new");
    EXPECT_FALSE(publish_file((d / "absent").string(), (d / "model.so").string(), &err));
    EXPECT_EQ(err.find('\n'), std::string::npos);
}

TEST(ModelCacheErrors, UnwritableCacheIsOneLine)
{
    ModelCacheConfig cfg;
    cfg.recipe_dir = fake_recipe("unwritable").string();
    cfg.cache_dir = "/proc/irqsim-model-cache";
    cfg.progress = false;
    std::string so, err;
    EXPECT_FALSE(ensure_model(cfg, {{"NUM_CPUS", 2}}, &so, &err));
    EXPECT_NE(err.find("cannot create the model cache directory /proc/irqsim-model-cache/c2-"),
              std::string::npos)
        << err;
    EXPECT_EQ(err.find('\n'), std::string::npos);
}

TEST(ModelCacheErrors, NoRecipeIsOneLine)
{
    ModelCacheConfig cfg;
    cfg.cache_dir = fresh_dir("norecipe").string();
    cfg.recipe_dir = cfg.cache_dir + "/nothing-here";
    std::string so, err;
    EXPECT_FALSE(ensure_model(cfg, {{"NUM_CPUS", 2}}, &so, &err));
    EXPECT_NE(err.find("cannot read"), std::string::npos) << err;
    EXPECT_EQ(cached_model(cfg, {{"NUM_CPUS", 2}}), "");
}

TEST(ModelCacheErrors, FailedBuildNamesItsLog)
{
    // a recipe whose configure step fails: the error says so and names the log
    fs::path r = fake_recipe("failing");
    write(r / "CMakeLists.txt", "cmake_minimum_required(VERSION 3.20)\nproject(x NONE)\n"
                                "message(FATAL_ERROR \"no such parameter\")\n");
    ModelCacheConfig cfg = model_cache_config();
    cfg.recipe_dir = r.string();
    cfg.cache_dir = fresh_dir("failing_cache").string();
    cfg.progress = false;
    std::string so, err;
    EXPECT_FALSE(ensure_model(cfg, {{"NUM_CPUS", 2}}, &so, &err));
    EXPECT_NE(err.find("building the SoC model c2 failed: CMake Error"), std::string::npos) << err;
    EXPECT_NE(err.find("(log: " + cfg.cache_dir + "/c2-"), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos);
    EXPECT_EQ(cached_model(cfg, {{"NUM_CPUS", 2}}), "");  // nothing published
}

TEST(ModelCacheLoad, NotAModelIsOneLine)
{
    std::string err;
    EXPECT_EQ(load_model("/nonexistent/model.so", "c2-0", {{"NUM_CPUS", 2}}, nullptr, &err), nullptr);
    EXPECT_NE(err.find("cannot load the SoC model /nonexistent/model.so"), std::string::npos) << err;
}

TEST(ModelCacheBuiltin, LinkedInVariantsNeedNoCache)
{
    EXPECT_TRUE(soc_builtin_model({{"NUM_CPUS", 4}}));
    EXPECT_TRUE(soc_builtin_model({}));
    EXPECT_EQ(soc_builtin_model({{"NUM_CPUS", 16}, {"NUM_SPIS", 96}}), soc_builtin_variant(16));
    EXPECT_FALSE(soc_builtin_model({{"NUM_CPUS", 2}}));
    EXPECT_FALSE(soc_builtin_model({{"NUM_CPUS", 4}, {"NUM_SPIS", 128}}));
}
