// SPDX-License-Identifier: MIT
#include "sysreg_port.h"

#include <cstdio>

namespace irqsim {

SysregPort::SysregPort(SocModel& m, uint32_t timeout_cycles) : m_(m), p_(m.pins()), timeout_(timeout_cycles)
{
    *p_.sysreg_valid = 0;
}

bool SysregPort::key_from_sysreg(uint32_t enc, uint16_t* k)
{
    // sys_reg(): op0 << 19 | op1 << 16 | CRn << 12 | CRm << 8 | op2 << 5
    unsigned op0 = (enc >> 19) & 3, op1 = (enc >> 16) & 7, crn = (enc >> 12) & 15;
    unsigned crm = (enc >> 8) & 15, op2 = (enc >> 5) & 7;
    if (op0 != 3)
        return false;
    *k = key(op1, crn, crm, op2);
    return true;
}

SysregResult SysregPort::access(unsigned pe, uint16_t key, bool write, uint64_t data)
{
    SysregResult r;
    *p_.sysreg_pe = static_cast<uint8_t>(pe);
    *p_.sysreg_key = key;
    *p_.sysreg_write = write;
    *p_.sysreg_wdata = data;
    *p_.sysreg_valid = 1;
    for (uint32_t n = 0;; n++) {
        m_.low();
        bool fire = *p_.sysreg_ready;
        if (fire) {
            r.data = *p_.sysreg_rdata;
            r.error = *p_.sysreg_error;
        }
        m_.high();
        if (fire)
            break;
        if (n + 1 >= timeout_) {
            char buf[128];
            std::snprintf(buf, sizeof buf, "sysreg %s pe %u key 0x%04x: no ready within %u cycles",
                          write ? "write" : "read", pe, key, timeout_);
            m_.fail(buf);
            r.timeout = true;
            r.data = ~0ull;
            break;
        }
    }
    *p_.sysreg_valid = 0;
    *p_.sysreg_write = 0;
    ++accesses_;
    return r;
}

SysregResult SysregPort::read(unsigned pe, uint16_t key) { return access(pe, key, false, 0); }
SysregResult SysregPort::write(unsigned pe, uint16_t key, uint64_t data)
{
    return access(pe, key, true, data);
}

SysregResult SysregPort::read_enc(unsigned pe, uint32_t enc)
{
    uint16_t k;
    if (!key_from_sysreg(enc, &k)) {
        SysregResult r;
        r.error = true;
        r.data = ~0ull;
        return r;
    }
    return read(pe, k);
}

SysregResult SysregPort::write_enc(unsigned pe, uint32_t enc, uint64_t data)
{
    uint16_t k;
    if (!key_from_sysreg(enc, &k)) {
        SysregResult r;
        r.error = true;
        return r;
    }
    return write(pe, k, data);
}

}  // namespace irqsim
