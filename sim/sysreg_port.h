// SPDX-License-Identifier: MIT
// SysregPort: the per-PE system-register port of the SoC (the GICv3 CPU
// interfaces' ICC_* registers).  One request at a time: valid, pe, write, key and
// wdata are held until ready is seen at a rising edge; rdata/error are taken from
// that edge.
//
// Key: (op1 << 11) | (CRn << 7) | (CRm << 3) | op2, op0 = 3 implied.
// io.h's sys_reg(op0, op1, crn, crm, op2) encoding converts with key_from_sysreg().
#pragma once

#include "soc_model.h"

#include <cstdint>

namespace irqsim {

struct SysregResult {
    uint64_t data = 0;
    bool error = false;    // the CPU interface refused the access (sysreg_error)
    bool timeout = false;  // no ready within timeout cycles
    bool ok() const { return !error && !timeout; }
};

class SysregPort {
public:
    explicit SysregPort(SocModel& m, uint32_t timeout_cycles = 10000);

    // op0 must be 3 (the CPU interface space); returns false otherwise
    static bool key_from_sysreg(uint32_t sys_reg_encoding, uint16_t* key);
    static constexpr uint16_t key(unsigned op1, unsigned crn, unsigned crm, unsigned op2)
    {
        return static_cast<uint16_t>((op1 << 11) | (crn << 7) | (crm << 3) | op2);
    }

    SysregResult read(unsigned pe, uint16_t key);
    SysregResult write(unsigned pe, uint16_t key, uint64_t data);
    // with io.h sys_reg() encodings
    SysregResult read_enc(unsigned pe, uint32_t enc);
    SysregResult write_enc(unsigned pe, uint32_t enc, uint64_t data);

    uint64_t accesses() const { return accesses_; }

private:
    SysregResult access(unsigned pe, uint16_t key, bool write, uint64_t data);

    SocModel& m_;
    const Pins& p_;
    uint32_t timeout_;
    uint64_t accesses_ = 0;
};

}  // namespace irqsim
