// SPDX-License-Identifier: MIT
// Shared pieces of the end-to-end (label e2e) and contract (label contract) tests.
//
//   - the seed: IRQSIM_SEED if set, else the test's default; printed by every test;
//   - IRQSIM_TEST_TRACE=1: an FST named after the test in the working directory,
//     its path and the gtkwave command printed;
//   - SessionTest: a fixture that boots a SocSession and, when the test failed,
//     prints the scoreboard verdict, its problems, the hop diagnosis of every lost
//     event (SocSession::explain_losses) and the tail of the bus log;
//   - register helpers for the BFM (GICD/GICR/timer) and the sysreg port.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
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
// one line: seed, CPUs, how to reproduce
void print_banner(uint64_t seed, unsigned cpus, const std::string& trace);

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

// timer registers (rtl/dev/README.md)
constexpr uint32_t kTimerCtl = 0x00, kTimerLoad = 0x04, kTimerCount = 0x08;
constexpr uint32_t kTimerEnable = 1u << 0, kTimerPeriodic = 1u << 1, kTimerStatus = 1u << 2;
constexpr unsigned kTimerIntid = 30;  // PPI 14

// Fixture: one booted SocSession per test.
class SessionTest : public ::testing::Test {
protected:
    void TearDown() override;

    // boot the default SoC with `cpus` CPUs; the seed from test_seed(dflt_seed)
    void boot(unsigned cpus, uint64_t dflt_seed = 1, bool split_eoi = false);

    SocSession& s() { return *session_; }
    Sim& sim() { return session_->sim(); }
    Platform& plat() { return session_->sim().platform(); }
    uint32_t gicd() const { return session_->gicd_base(); }

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

// name generator for tests parameterised by CPU count: "1cpu", "4cpus", "16cpus"
std::string cpus_name(const ::testing::TestParamInfo<unsigned>& info);

}  // namespace irqsim::e2e
