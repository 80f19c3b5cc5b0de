// SPDX-License-Identifier: MIT
// Shared pieces of the end-to-end (label e2e) and contract (label contract) tests.
//
//   - the seed: IRQSIM_SEED if set, else the test's default; printed by every test;
//   - IRQSIM_TEST_TRACE=1: an FST named after the test in the working directory,
//     its path and the gtkwave command printed;
//   - SessionTest: a fixture that boots a SocSession and, when the test failed,
//     prints the scoreboard verdict, its problems, the hop diagnosis of every lost
//     event (SocSession::explain_losses) and the tail of the bus log;
//   - register helpers for the BFM (GICD/GICR/timer) and the sysreg port;
//   - the topology under test (IRQSIM_TEST_DTS, below).
//
// The topology under test.  IRQSIM_TEST_DTS=<a .dts> runs the suites on that
// tree (a relative path: from the working directory, else from the source
// tree); unset or empty: the default SoC with 4 CPUs.  ctest runs every test on
// the default SoC ("e2e.*") and again on topologies/moved-8cpu.dts
// ("e2e.moved-8cpu.*", tb/e2e/CMakeLists.txt).  What we decided:
//   - every test that is not about a CPU count boots the test topology
//     (boot(kTestTopology, ...), test_session_config, test_sim_config) and takes
//     every count, address, INTID and trigger from it: the session's SocParams
//     (s().soc(), the *_base helpers), the firmware's host ranges, the lines'
//     triggers as mapped (level_line/edge_line), the tree's own properties;
//   - the suites parameterised by CPU count (instantiation Cpus / ContractCpus:
//     1, 4, 16) are about those counts on the default SoC and boot it whatever
//     IRQSIM_TEST_DTS says; each has one more instantiation, Topology /
//     ContractTopology (parameter kTestTopology, named "tree"), that runs the
//     same tests on the test topology.  ctest runs Cpus/ContractCpus only on the
//     default SoC and Topology/ContractTopology only on the other tree (on the
//     default SoC it would repeat Cpus/.../4cpus).
//   - a test that needs more CPUs than the topology has skips, naming the need
//     (IRQSIM_NEED_CPUS); one that needs more lines of a trigger fails naming
//     it (level_line/edge_line).  On the default SoC and moved-8cpu none does.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

extern "C" {
#include <linux/interrupt.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
}

#include "soc_session.h"

namespace irqsim::e2e {

// IRQSIM_SEED, or `dflt`
uint64_t test_seed(uint64_t dflt = 1);
// "<Suite>_<Test>.fst" (parameter separators made file-safe) when IRQSIM_TEST_TRACE=1, else ""
std::string test_trace_path();
// one line: seed, CPUs, the tree (when not the default), how to reproduce
void print_banner(uint64_t seed, unsigned cpus, const std::string& trace, const std::string& dts = "");

// ---- the topology under test (see the top of this file) ----
// boot()'s CPU count meaning "the test topology's CPUs, on its tree"
constexpr unsigned kTestTopology = 0;
// IRQSIM_TEST_DTS as an absolute path; "" = the default SoC
const std::string& test_dts();
// the test topology's blob and the parameters of the model it asks for (the
// default SoC's when IRQSIM_TEST_DTS is unset); false + *err if the tree is unusable
bool test_topology(std::vector<uint8_t>* dtb, SocParams* soc, std::string* err);
// the test topology's parameters (the default SoC's if the tree is unusable:
// its sessions then fail to boot with the tree's error)
const SocParams& test_soc();
// A session on the test topology (cpus = kTestTopology) or on the default SoC
// with `cpus` CPUs: seed, trace path, quiet; the caller adds the rest.
SessionConfig test_session_config(unsigned cpus, uint64_t seed);
// The same for a bare Sim (no driver, no tree): the model of the test topology
// or the default SoC's with `cpus` CPUs.
SimConfig test_sim_config(unsigned cpus, uint64_t seed);
// A variant of the test topology's tree: each property in `props` (its first
// occurrence) given a new value ({"ti,sci-rm-range-out", "<0 1>"}), each text
// in `insert_before` put in front of its anchor ({anchor, text}); written to
// this process's temporary directory (removed at exit) as <tag>.dts.  Its path;
// a test failure for a property or anchor the tree lacks.
std::string dts_variant(const std::string& tag, const std::vector<std::pair<std::string, std::string>>& props,
                        const std::vector<std::pair<std::string, std::string>>& insert_before = {});
// the text of the test topology's .dts (the default SoC's source when unset)
std::string test_dts_text();
// "0x80c00c0": how the driver prints an address
std::string hex(uint64_t v);

// sysreg keys of the ICC_* registers (SysregPort key form)
constexpr uint16_t kIccPmr = SysregPort::key(0, 4, 6, 0);
constexpr uint16_t kIccIar1 = SysregPort::key(0, 12, 12, 0);
constexpr uint16_t kIccEoir1 = SysregPort::key(0, 12, 12, 1);
constexpr uint16_t kIccHppir1 = SysregPort::key(0, 12, 12, 2);
constexpr uint16_t kIccBpr1 = SysregPort::key(0, 12, 12, 3);
constexpr uint16_t kIccCtlr = SysregPort::key(0, 12, 12, 4);
constexpr uint16_t kIccSre = SysregPort::key(0, 12, 12, 5);
constexpr uint16_t kIccIgrpen1 = SysregPort::key(0, 12, 12, 7);
constexpr uint16_t kIccDir = SysregPort::key(0, 12, 11, 1);
constexpr uint16_t kIccRpr = SysregPort::key(0, 12, 11, 3);
constexpr uint16_t kIccSgi1r = SysregPort::key(0, 12, 11, 5);

// timer CTL bits (rtl/dev/README.md; offsets: dev_timer_regs.h)
constexpr uint32_t kTimerEnable = 1u << 0, kTimerPeriodic = 1u << 1, kTimerStatus = 1u << 2;
constexpr unsigned kTimerIntid = 30;  // PPI 14

// Fixture: one booted SocSession per test.
class SessionTest : public ::testing::Test {
protected:
    void TearDown() override;

    // boot the test topology (cpus = kTestTopology) or the default SoC with
    // `cpus` CPUs; the seed from test_seed(dflt_seed)
    void boot(unsigned cpus, uint64_t dflt_seed = 1, bool split_eoi = false);
    // boot a session built from cfg (test_session_config + changes); seed_ = cfg.seed
    void boot_config(const SessionConfig& cfg);

    // the k-th level-triggered / rising-edge device line (as the tree's
    // irqsim,lines mapped); a test failure and line 0 if there are fewer
    unsigned level_line(unsigned k);
    unsigned edge_line(unsigned k);
    unsigned num_level_lines();
    unsigned num_edge_lines();

    SocSession& s() { return *session_; }
    Sim& sim() { return session_->sim(); }
    Platform& plat() { return session_->sim().platform(); }
    uint32_t gicd() const { return session_->soc().gicd_base; }

    // BFM accesses (non-secure), asserting an OKAY response
    uint32_t rd32(uint32_t addr);
    void wr32(uint32_t addr, uint32_t val, uint8_t strb = 0xf);
    uint64_t rd64(uint32_t addr);
    // the priority byte of an INTID (GICD for SPIs, the PE's SGI_base for SGI/PPI)
    void set_priority(unsigned intid, uint8_t prio, unsigned pe = 0);
    uint8_t get_priority(unsigned intid, unsigned pe = 0);

    // sysreg port accesses as PE `pe`, asserting the access was taken
    uint64_t sr_read(unsigned pe, uint16_t key);
    void sr_write(unsigned pe, uint16_t key, uint64_t val);

    // the scoreboard verdict; adds the verdict and its problems to the failure text
    ::testing::AssertionResult verdict_passes();
    // book an expected extra note shown on failure
    void note(const std::string& n) { notes_.push_back(n); }

    uint64_t seed_ = 1;
    std::unique_ptr<SocSession> session_;
    std::vector<std::string> notes_;
};

// In a SessionTest body after boot(): skip (naming the need) on a topology with
// fewer than n CPUs.
#define IRQSIM_NEED_CPUS(n)                                                                          \
    do {                                                                                             \
        if (s().cpus() < (n))                                                                        \
            GTEST_SKIP() << "the topology has " << s().cpus() << " CPU(s), this test needs " << (n); \
    } while (0)

// name generator for tests parameterised by CPU count: "1cpu", "4cpus", "16cpus";
// kTestTopology: "tree"
std::string cpus_name(const ::testing::TestParamInfo<unsigned>& info);

}  // namespace irqsim::e2e
