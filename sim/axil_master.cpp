// SPDX-License-Identifier: MIT
#include "axil_master.h"

#include <cstdio>
#include <string>

namespace irqsim {

const char* axi_resp_name(uint8_t resp)
{
    static const char* const names[] = {"OKAY", "EXOKAY", "SLVERR", "DECERR"};
    return names[resp & 3];
}

AxiLiteMaster::AxiLiteMaster(SocModel& m, const AxiPorts& port, const char* name, uint32_t timeout_cycles)
    : m_(m), p_(port), name_(name), timeout_(timeout_cycles)
{
    *p_.awvalid = 0;
    *p_.wvalid = 0;
    *p_.bready = 0;
    *p_.arvalid = 0;
    *p_.rready = 0;
}

void AxiLiteMaster::on_timeout(const char* what, uint32_t addr)
{
    char buf[160];
    std::snprintf(buf, sizeof buf, "AXI %s %s at 0x%08x: no response within %u cycles", name_, what, addr,
                  timeout_);
    m_.fail(buf);
}

AxiResult AxiLiteMaster::raw_read32(uint32_t addr, uint8_t prot)
{
    AxiResult r;
    *p_.araddr = addr;
    *p_.arprot = prot & 7;
    *p_.arvalid = 1;
    *p_.rready = 1;
    for (;;) {
        m_.low();
        bool ar_fire = *p_.arvalid && *p_.arready;
        bool r_fire = *p_.rvalid;
        if (r_fire) {
            r.data = *p_.rdata;
            r.resp = *p_.rresp & 3;
        }
        m_.high();
        ++r.cycles;
        if (ar_fire)
            *p_.arvalid = 0;
        if (r_fire)
            break;
        if (r.cycles >= timeout_) {
            on_timeout("read", addr);
            *p_.arvalid = 0;
            r.timeout = true;
            r.resp = AXI_SLVERR;
            r.data = ~0u;
            break;
        }
    }
    *p_.rready = 0;
    ++reads_;
    return r;
}

AxiResult AxiLiteMaster::raw_write32(uint32_t addr, uint32_t data, uint8_t prot, uint8_t strb)
{
    AxiResult r;
    *p_.awaddr = addr;
    *p_.awprot = prot & 7;
    *p_.awvalid = 1;
    *p_.wdata = data;
    *p_.wstrb = strb & 0xf;
    *p_.wvalid = 1;
    *p_.bready = 1;
    for (;;) {
        m_.low();
        bool aw_fire = *p_.awvalid && *p_.awready;
        bool w_fire = *p_.wvalid && *p_.wready;
        bool b_fire = *p_.bvalid;
        if (b_fire)
            r.resp = *p_.bresp & 3;
        m_.high();
        ++r.cycles;
        if (aw_fire)
            *p_.awvalid = 0;
        if (w_fire)
            *p_.wvalid = 0;
        if (b_fire)
            break;
        if (r.cycles >= timeout_) {
            on_timeout("write", addr);
            *p_.awvalid = 0;
            *p_.wvalid = 0;
            r.timeout = true;
            r.resp = AXI_SLVERR;
            break;
        }
    }
    *p_.bready = 0;
    ++writes_;
    return r;
}

static void merge(AxiResult& into, const AxiResult& b)
{
    if (b.timeout || b.resp > into.resp)
        into.resp = b.resp;
    into.timeout |= b.timeout;
    into.cycles += b.cycles;
}

// A faulted access answers after two cycles without reaching the slave
// (sim/fault.h); stuck bits change what a read returns.
AxiResult AxiLiteMaster::read32(uint32_t addr, uint8_t prot)
{
    if (__builtin_expect(!faults_ || !faults_->bus_armed(), 1))
        return raw_read32(addr, prot);
    BusAction a = faults_->on_access(addr, BusDir::Read, 0);
    if (a.fail) {
        m_.ticks(2);
        ++reads_;
        AxiResult r;
        r.resp = a.resp;
        r.cycles = 2;
        return r;
    }
    AxiResult r = raw_read32(addr, prot);
    r.data = faults_->on_read_data(addr, static_cast<uint32_t>(r.data));
    return r;
}

AxiResult AxiLiteMaster::write32(uint32_t addr, uint32_t data, uint8_t prot, uint8_t strb)
{
    if (__builtin_expect(!faults_, 1))
        return raw_write32(addr, data, prot, strb);
    AxiResult r;
    if (faults_->bus_armed()) {
        BusAction a = faults_->on_access(addr, BusDir::Write, data);
        if (a.fail || a.drop) {
            m_.ticks(2);
            ++writes_;
            r.resp = a.fail ? a.resp : static_cast<uint8_t>(AXI_OKAY);
            r.cycles = 2;
            return r;
        }
        if (a.duplicate) {
            r = raw_write32(addr, data, prot, strb);
            if (r.ok())
                faults_->on_write_done(addr, data);
        }
    }
    r = raw_write32(addr, data, prot, strb);
    if (r.ok())
        faults_->on_write_done(addr, data);
    return r;
}

AxiResult AxiLiteMaster::read64(uint32_t addr, uint8_t prot)
{
    AxiResult lo = read32(addr, prot);
    AxiResult hi = read32(addr + 4, prot);
    merge(lo, hi);
    lo.data = (lo.data & 0xffffffffu) | (hi.data << 32);
    return lo;
}

AxiResult AxiLiteMaster::write64(uint32_t addr, uint64_t data, uint8_t prot)
{
    AxiResult lo = write32(addr, static_cast<uint32_t>(data), prot);
    AxiResult hi = write32(addr + 4, static_cast<uint32_t>(data >> 32), prot);
    merge(lo, hi);
    return lo;
}

}  // namespace irqsim
