// SPDX-License-Identifier: MIT
// AxiLiteMaster: bus-functional AXI4-Lite master on one of the SoC's slave ports
// (cpu_* for driver MMIO, fw_* for the secure firmware).  Each access drives the
// handshakes cycle by cycle through SocModel::low()/high(), so it costs real
// simulated cycles and every other clock agent keeps running meanwhile.
//
// Handshakes are sampled after the falling-edge eval (the values the rising edge
// will see); valid/ready pairs that fired are dropped after the edge.  A slave that
// does not answer within timeout() cycles gives a clear error (SocModel::fail and
// AxiResult::timeout) instead of hanging.  64-bit accesses are two 32-bit
// accesses, low word first; the worse of the two responses is returned.
#pragma once

#include "fault.h"
#include "soc_model.h"

#include <cstdint>

namespace irqsim {

enum AxiResp : uint8_t { AXI_OKAY = 0, AXI_EXOKAY = 1, AXI_SLVERR = 2, AXI_DECERR = 3 };
const char* axi_resp_name(uint8_t resp);

// AxPROT values
constexpr uint8_t kProtSecure = 0x0;     // secure, unprivileged, data
constexpr uint8_t kProtNonSecure = 0x2;  // AxPROT[1] = 1

struct AxiResult {
    uint64_t data = 0;
    uint8_t resp = AXI_OKAY;
    bool timeout = false;
    uint32_t cycles = 0;  // from valid to the response
    bool ok() const { return resp == AXI_OKAY && !timeout; }
};

class AxiLiteMaster {
public:
    AxiLiteMaster(SocModel& m, const AxiPorts& port, const char* name, uint32_t timeout_cycles = 10000);

    AxiResult read32(uint32_t addr, uint8_t prot = kProtNonSecure);
    AxiResult write32(uint32_t addr, uint32_t data, uint8_t prot = kProtNonSecure, uint8_t strb = 0xf);
    AxiResult read64(uint32_t addr, uint8_t prot = kProtNonSecure);
    AxiResult write64(uint32_t addr, uint64_t data, uint8_t prot = kProtNonSecure);

    const char* name() const { return name_; }
    void set_timeout(uint32_t cycles) { timeout_ = cycles; }
    uint32_t timeout() const { return timeout_; }
    uint64_t reads() const { return reads_; }
    uint64_t writes() const { return writes_; }
    // fault injection (sim/fault.h) consulted before each access; nullptr = none
    void set_faults(Faults* f) { faults_ = f; }

private:
    AxiResult raw_read32(uint32_t addr, uint8_t prot);
    AxiResult raw_write32(uint32_t addr, uint32_t data, uint8_t prot, uint8_t strb);
    void on_timeout(const char* what, uint32_t addr);

    SocModel& m_;
    AxiPorts p_;
    const char* name_;
    uint32_t timeout_;
    uint64_t reads_ = 0, writes_ = 0;
    Faults* faults_ = nullptr;
};

}  // namespace irqsim
