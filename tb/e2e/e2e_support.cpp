// SPDX-License-Identifier: MIT
#include "e2e_support.h"

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model_params.h"
#include "soc_dt.h"
#include "tree_model.h"

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

void print_banner(uint64_t seed, unsigned cpus, const std::string& trace, const std::string& dts)
{
    std::printf(
        "[ seed     ] %llu, %u CPU(s)%s%s (rerun: IRQSIM_SEED=%llu%s%s; IRQSIM_TEST_TRACE=1 writes an FST)\n",
        static_cast<unsigned long long>(seed), cpus, dts.empty() ? "" : ", tree ", dts.c_str(),
        static_cast<unsigned long long>(seed), dts.empty() ? "" : " IRQSIM_TEST_DTS=", dts.c_str());
    if (!trace.empty())
        std::printf("[ trace    ] %s\n[ trace    ] gtkwave %s\n", trace.c_str(), trace.c_str());
    std::fflush(stdout);
}

// ---- the topology under test ----

const std::string& test_dts()
{
    static const std::string path = [] {
        const char* e = std::getenv("IRQSIM_TEST_DTS");
        if (!e || !*e)
            return std::string();
        std::filesystem::path p(e);
        std::error_code ec;
        if (p.is_relative() && !std::filesystem::exists(p, ec))
            p = std::filesystem::path(IRQSIM_SOURCE_DIR) / p;  // "topologies/moved-8cpu.dts" from anywhere
        return std::filesystem::absolute(p, ec).lexically_normal().string();
    }();
    return path;
}

namespace {
struct Topology {
    bool ok = false;
    std::string err;
    std::vector<uint8_t> dtb;
    SocParams soc;
};

const Topology& topology()
{
    static const Topology t = [] {
        Topology r;
        if (test_dts().empty()) {
            r.dtb = default_dtb();
            r.ok = tree_soc_params(r.dtb, &r.soc, &r.err);
        } else {
            r.ok = compile_dts(test_dts(), &r.dtb, &r.err) && tree_soc_params(r.dtb, &r.soc, &r.err);
        }
        if (!r.ok) {
            r.err = "IRQSIM_TEST_DTS=" + test_dts() + ": " + r.err;
            r.soc = SocParams();
        }
        return r;
    }();
    return t;
}
}  // namespace

bool test_topology(std::vector<uint8_t>* dtb, SocParams* soc, std::string* err)
{
    const Topology& t = topology();
    if (!t.ok) {
        *err = t.err;
        return false;
    }
    if (dtb)
        *dtb = t.dtb;
    if (soc)
        *soc = t.soc;
    return true;
}

const SocParams& test_soc() { return topology().soc; }

SessionConfig test_session_config(unsigned cpus, uint64_t seed)
{
    SessionConfig cfg;
    if (cpus == kTestTopology) {
        cfg.cpus = test_soc().num_cpus;
        cfg.dts_path = test_dts();  // the session reads the tree itself (and fails on a bad one)
    } else {
        cfg.cpus = cpus;
    }
    cfg.seed = seed;
    cfg.trace_path = test_trace_path();
    cfg.quiet = true;
    return cfg;
}

SimConfig test_sim_config(unsigned cpus, uint64_t seed)
{
    SimConfig cfg;
    if (cpus == kTestTopology) {
        cfg.cpus = test_soc().num_cpus;
        cfg.model_params = model_params_of(test_soc());
    } else {
        cfg.cpus = cpus;
    }
    cfg.seed = seed;
    cfg.trace_path = test_trace_path();
    cfg.quiet_bus_errors = true;
    return cfg;
}

std::string test_dts_text()
{
    std::ifstream in(test_dts().empty() ? std::string(IRQSIM_DEFAULT_DTS) : test_dts());
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

namespace {
// this process's directory for variant trees, removed at exit
const std::filesystem::path& variant_dir()
{
    struct Dir {
        std::filesystem::path p;
        Dir()
        {
            p = std::filesystem::temp_directory_path() / ("irqsim_e2e_" + std::to_string(::getpid()));
            std::filesystem::create_directories(p);
        }
        ~Dir()
        {
            std::error_code ec;
            std::filesystem::remove_all(p, ec);
        }
    };
    static const Dir d;
    return d.p;
}
}  // namespace

std::string dts_variant(const std::string& tag, const std::vector<std::pair<std::string, std::string>>& props,
                        const std::vector<std::pair<std::string, std::string>>& insert_before)
{
    std::string text = test_dts_text();
    EXPECT_FALSE(text.empty()) << "cannot read the test topology's tree";
    for (const auto& [name, value] : props) {
        // "name = <...>;" with the property name standing alone (not a suffix of another)
        size_t at = 0;
        for (;;) {
            at = text.find(name + " = ", at);
            if (at == std::string::npos || at == 0 || std::isspace(static_cast<unsigned char>(text[at - 1])))
                break;
            at += name.size();
        }
        size_t end = at == std::string::npos ? at : text.find(';', at);
        EXPECT_NE(end, std::string::npos) << "the test topology's tree lacks property " << name;
        if (end == std::string::npos)
            continue;
        size_t v = at + name.size() + 3;
        text.replace(v, end - v, value);
    }
    for (const auto& [anchor, ins] : insert_before) {
        size_t at = text.find(anchor);
        EXPECT_NE(at, std::string::npos) << "the test topology's tree lacks '" << anchor << "'";
        if (at != std::string::npos)
            text.insert(at, ins);
    }
    std::filesystem::path path = variant_dir() / (tag + ".dts");
    std::ofstream(path) << text;
    return path.string();
}

std::string hex(uint64_t v)
{
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
    return buf;
}

std::string cpus_name(const ::testing::TestParamInfo<unsigned>& info)
{
    if (info.param == kTestTopology)
        return "tree";
    return std::to_string(info.param) + (info.param == 1 ? "cpu" : "cpus");
}

void SessionTest::boot(unsigned cpus, uint64_t dflt_seed, bool split_eoi)
{
    SessionConfig cfg = test_session_config(cpus, test_seed(dflt_seed));
    cfg.split_eoi = split_eoi;
    boot_config(cfg);
}

void SessionTest::boot_config(const SessionConfig& cfg)
{
    seed_ = cfg.seed;
    print_banner(seed_, cfg.cpus, cfg.trace_path, cfg.dts_path);
    session_ = std::make_unique<SocSession>(cfg);
    std::string err;
    ASSERT_TRUE(session_->boot(&err)) << "boot failed: " << err;
}

unsigned SessionTest::num_level_lines()
{
    unsigned n = 0;
    for (unsigned l = 0; l < s().num_lines(); l++)
        n += s().line(l).level;
    return n;
}

unsigned SessionTest::num_edge_lines() { return s().num_lines() - num_level_lines(); }

unsigned SessionTest::level_line(unsigned k)
{
    for (unsigned l = 0, seen = 0; l < s().num_lines(); l++)
        if (s().line(l).level && seen++ == k)
            return l;
    ADD_FAILURE() << "the tree has no level line #" << k << " (" << num_level_lines() << " level lines)";
    return 0;
}

unsigned SessionTest::edge_line(unsigned k)
{
    for (unsigned l = 0, seen = 0; l < s().num_lines(); l++)
        if (!s().line(l).level && seen++ == k)
            return l;
    ADD_FAILURE() << "the tree has no edge line #" << k << " (" << num_edge_lines() << " edge lines)";
    return 0;
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
    uint32_t base = intid < 32 ? s.soc().gicr_sgi_frame(pe) : s.soc().gicd_base;
    return base + GICD_IPRIORITYR + (intid & ~3u);
}

void SessionTest::set_priority(unsigned intid, uint8_t prio, unsigned pe)
{
    unsigned sh = 8 * (intid & 3);
    wr32(prio_addr(s(), intid, pe), static_cast<uint32_t>(prio) << sh,
         static_cast<uint8_t>(1u << (intid & 3)));
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
