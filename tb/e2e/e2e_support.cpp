// SPDX-License-Identifier: MIT
#include "e2e_support.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace irqsim::e2e {

uint64_t test_seed(uint64_t dflt)
{
    const char* e = std::getenv("IRQSIM_SEED");
    if (e && *e)
        return std::strtoull(e, nullptr, 0);
    return dflt;
}

// <cwd>/<Suite>_<Test>.fst, with characters a file name shouldn't carry replaced
static std::string trace_path_for(const ::testing::TestInfo& info)
{
    std::string name = std::string(info.test_suite_name()) + "_" + info.name();
    for (char& c : name)
        if (c == '/' || c == ' ' || c == ':')
            c = '_';
    return (std::filesystem::current_path() / (name + ".fst")).string();
}

std::string test_trace_path()
{
    const char* e = std::getenv("IRQSIM_TEST_TRACE");
    if (!e || std::string(e) != "1")
        return "";
    return trace_path_for(*::testing::UnitTest::GetInstance()->current_test_info());
}

void print_banner(uint64_t seed, unsigned cpus, const std::string& trace)
{
    std::printf("[ seed     ] %llu, %u CPU(s) (rerun: IRQSIM_SEED=%llu; IRQSIM_TEST_TRACE=1 writes an FST)\n",
                static_cast<unsigned long long>(seed), cpus, static_cast<unsigned long long>(seed));
    if (!trace.empty())
        std::printf("[ trace    ] %s\n[ trace    ] gtkwave %s\n", trace.c_str(), trace.c_str());
    std::fflush(stdout);
}

std::string cpus_name(const ::testing::TestParamInfo<unsigned>& info)
{
    return std::to_string(info.param) + (info.param == 1 ? "cpu" : "cpus");
}

void SessionTest::boot(unsigned cpus, uint64_t dflt_seed, bool split_eoi)
{
    seed_ = test_seed(dflt_seed);
    SessionConfig cfg;
    cfg.cpus = cpus;
    cfg.seed = seed_;
    cfg.trace_path = test_trace_path();
    cfg.split_eoi = split_eoi;
    cfg.quiet = true;
    print_banner(seed_, cpus, cfg.trace_path);
    session_ = std::make_unique<SocSession>(cfg);
    std::string err;
    ASSERT_TRUE(session_->boot(&err)) << "boot failed: " << err;
}

void SessionTest::TearDown()
{
    if (!session_)
        return;
    // the driver must never break one of the RTL's programming rules
    EXPECT_FALSE(session_->sim().failed()) << "RTL check fired: " << session_->sim().error();
    if (HasFailure()) {
        SocSession& ss = *session_;
        std::printf("[ diagnose ] %s\n", ss.scoreboard().verdict().summary().c_str());
        for (const auto& p : ss.scoreboard().problems())
            std::printf("[ problem  ] %s\n", p.c_str());
        for (const auto& l : ss.explain_losses(10))
            std::printf("[ lost     ] %s\n", l.c_str());
        for (const auto& n : notes_)
            std::printf("[ note     ] %s\n", n.c_str());
        if (ss.sim().failed())
            std::printf("[ rtl      ] %s\n", ss.sim().error().c_str());
        size_t nlog = ss.log().size();
        for (size_t i = nlog > 5 ? nlog - 5 : 0; i < nlog; i++)
            std::printf("[ driver   ] %s\n", ss.log()[i].c_str());
        std::printf("[ bus tail ]\n%s", ss.sim().bus_log().tail(12).c_str());
        if (!ss.config().trace_path.empty())
            std::printf("[ trace    ] gtkwave %s\n", ss.config().trace_path.c_str());
        else
            std::printf("[ trace    ] rerun with IRQSIM_TEST_TRACE=1 IRQSIM_SEED=%llu for an FST\n",
                        static_cast<unsigned long long>(seed_));
        std::fflush(stdout);
    }
    session_.reset();
}

uint32_t SessionTest::rd32(uint32_t addr)
{
    AxiResult r = sim().cpu_bus().read32(addr, kProtNonSecure);
    EXPECT_EQ(r.resp, 0u) << "read of 0x" << std::hex << addr;
    EXPECT_FALSE(r.timeout) << "read of 0x" << std::hex << addr;
    return static_cast<uint32_t>(r.data);
}

void SessionTest::wr32(uint32_t addr, uint32_t val, uint8_t strb)
{
    AxiResult r = sim().cpu_bus().write32(addr, val, kProtNonSecure, strb);
    EXPECT_EQ(r.resp, 0u) << "write of 0x" << std::hex << addr;
    EXPECT_FALSE(r.timeout) << "write of 0x" << std::hex << addr;
}

uint64_t SessionTest::rd64(uint32_t addr)
{
    return static_cast<uint64_t>(rd32(addr)) | static_cast<uint64_t>(rd32(addr + 4)) << 32;
}

static uint32_t prio_addr(const SocSession& s, unsigned intid, unsigned pe)
{
    uint32_t base = intid < 32 ? s.gicr_sgi_base(pe) : s.gicd_base();
    return base + GICD_IPRIORITYR + (intid & ~3u);
}

void SessionTest::set_priority(unsigned intid, uint8_t prio, unsigned pe)
{
    unsigned sh = 8 * (intid & 3);
    wr32(prio_addr(s(), intid, pe), static_cast<uint32_t>(prio) << sh, static_cast<uint8_t>(1u << (intid & 3)));
}

uint8_t SessionTest::get_priority(unsigned intid, unsigned pe)
{
    return static_cast<uint8_t>(rd32(prio_addr(s(), intid, pe)) >> (8 * (intid & 3)));
}

uint64_t SessionTest::sr_read(unsigned pe, uint16_t key)
{
    SysregResult r = sim().sysregs().read(pe, key);
    EXPECT_TRUE(r.ok()) << "sysreg read pe " << pe << " key 0x" << std::hex << key;
    return r.data;
}

void SessionTest::sr_write(unsigned pe, uint16_t key, uint64_t val)
{
    SysregResult r = sim().sysregs().write(pe, key, val);
    EXPECT_TRUE(r.ok()) << "sysreg write pe " << pe << " key 0x" << std::hex << key;
}

::testing::AssertionResult SessionTest::verdict_passes()
{
    Verdict v = s().scoreboard().verdict();
    if (v.pass() && v.injected > 0)
        return ::testing::AssertionSuccess() << v.summary();
    auto r = ::testing::AssertionFailure() << v.summary();
    for (const auto& p : s().scoreboard().problems())
        r << "\n  " << p;
    for (const auto& l : s().explain_losses(10))
        r << "\n  lost: " << l;
    return r;
}

}  // namespace irqsim::e2e

namespace irqsim::e2e {
namespace {

// A failing test reruns itself once, alone, with IRQSIM_TEST_TRACE=1 (its seed is
// its default or IRQSIM_SEED, so the rerun repeats it) and points at the FST.
// The rerun is this test binary itself: its path is read from /proc/self/exe at
// start-up and the child is started with posix_spawn and an argv vector (a shell
// would make /proc/self/exe the shell and quote the filter).
class RerunWithTrace : public ::testing::EmptyTestEventListener {
public:
    RerunWithTrace()
    {
        char buf[4096];
        ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
        if (n > 0)
            exe_.assign(buf, static_cast<size_t>(n));
    }

private:
    // the child's exit status, -1 if it could not be started
    int rerun(const std::string& filter, const std::string& log) const
    {
        std::vector<std::string> env_store = {"IRQSIM_RERUN=1", "IRQSIM_TEST_TRACE=1"};
        for (char** e = environ; *e; e++)
            if (std::strncmp(*e, "IRQSIM_RERUN=", 13) && std::strncmp(*e, "IRQSIM_TEST_TRACE=", 18))
                env_store.push_back(*e);
        std::vector<char*> envp;
        for (auto& e : env_store)
            envp.push_back(e.data());
        envp.push_back(nullptr);
        std::string exe = exe_, filter_arg = "--gtest_filter=" + filter;
        // also_run_disabled: a DISABLED_ test run on purpose reruns as well
        std::string disabled_arg = "--gtest_also_run_disabled_tests";
        std::vector<char*> argv = {exe.data(), filter_arg.data(), disabled_arg.data(), nullptr};
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        posix_spawn_file_actions_adddup2(&fa, 1, 2);
        pid_t pid;
        int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), envp.data());
        posix_spawn_file_actions_destroy(&fa);
        if (rc != 0)
            return -1;
        int status = 0;
        while (waitpid(pid, &status, 0) < 0)
            if (errno != EINTR)
                return -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

    void OnTestEnd(const ::testing::TestInfo& info) override
    {
        if (!info.result()->Failed() || std::getenv("IRQSIM_RERUN") || std::getenv("IRQSIM_TEST_TRACE"))
            return;
        std::string filter = std::string(info.test_suite_name()) + "." + info.name();
        std::string fst = trace_path_for(info);
        std::string log = fst + ".log";
        if (exe_.empty()) {
            std::printf("[ rerun    ] not possible: /proc/self/exe unreadable\n");
            return;
        }
        std::printf("[ rerun    ] %s with a trace...\n", filter.c_str());
        std::fflush(stdout);
        std::filesystem::remove(fst);  // an old trace must not pass for this rerun's
        int rc = rerun(filter, log);
        if (rc < 0)
            std::printf("[ rerun    ] could not start %s (log: %s)\n", exe_.c_str(), log.c_str());
        else if (std::filesystem::exists(fst))
            std::printf("[ rerun    ] %s (rerun %s)\n[ rerun    ] gtkwave %s waves/spi.gtkw\n"
                        "[ rerun    ] log: %s\n",
                        fst.c_str(), rc == 0 ? "passed: the failure did not repeat" : "failed again",
                        fst.c_str(), log.c_str());
        else
            std::printf("[ rerun    ] no trace written (log: %s)\n", log.c_str());
        std::fflush(stdout);
    }

    std::string exe_;
};

const bool registered = [] {
    ::testing::UnitTest::GetInstance()->listeners().Append(new RerunWithTrace);
    return true;
}();

}  // namespace
}  // namespace irqsim::e2e
