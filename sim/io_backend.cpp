// SPDX-License-Identifier: MIT
#include "io_backend.h"

#include <cstdio>

namespace irqsim {

const struct irqsim_io_ops IoBackend::kOps = {
    /* .read32 = */ &IoBackend::op_read32,
    /* .write32 = */ &IoBackend::op_write32,
    /* .read64 = */ nullptr,
    /* .write64 = */ nullptr,
    /* .read_sysreg = */ &IoBackend::op_read_sysreg,
    /* .write_sysreg = */ &IoBackend::op_write_sysreg,
    /* .dma_alloc = */ &IoBackend::op_dma_alloc,
    /* .dma_free = */ &IoBackend::op_dma_free,
    /* .dma_sync = */ nullptr,
    /* .annotate = */ &IoBackend::op_annotate,
    /* .last_status = */ &IoBackend::op_last_status,
    /* .now_ns = */ &IoBackend::op_now_ns,
    /* .delay_ns = */ &IoBackend::op_delay_ns,
};

IoBackend::IoBackend(SocModel& m, AxiLiteMaster& bus, SysregPort& sysregs, Dram& dram, BusLog* log,
                     HopMonitor* hops)
    : m_(m), bus_(bus), sysregs_(sysregs), dram_(dram), log_(log), hops_(hops)
{}

IoBackend::~IoBackend() { uninstall(); }

void IoBackend::install()
{
    irqsim_io_install(&kOps, this);
    installed_ = true;
}

void IoBackend::uninstall()
{
    if (installed_) {
        irqsim_io_install(nullptr, nullptr);
        installed_ = false;
    }
}

void IoBackend::log(const char* kind, unsigned cpu, uint64_t addr, uint64_t data, uint8_t resp)
{
    ++accesses_;
    errors_ += resp != 0;
    if (log_)
        log_->record(m_.cycle(), "cpu", kind, cpu, addr, data, resp, m_.annotation());
    else if (resp)
        std::fprintf(stderr, "irqsim: bus error: cycle %llu cpu%u %s 0x%08llx %s [%s]\n",
                     (unsigned long long)m_.cycle(), cpu, kind, (unsigned long long)addr,
                     kind[0] == 'S' ? "refused" : axi_resp_name(resp), m_.annotation());
}

u32 IoBackend::op_read32(void* ctx, phys_addr_t addr)
{
    IoBackend& s = self(ctx);
    if (addr >> 32) {
        s.last_ = IO_DECERR;
        s.log("R", smp_processor_id(), addr, ~0u, AXI_DECERR);
        return ~0u;
    }
    AxiResult r = s.bus_.read32(static_cast<uint32_t>(addr), kProtNonSecure);
    s.last_ = static_cast<enum io_status>(r.resp == AXI_EXOKAY ? 0 : r.resp);
    s.log("R", smp_processor_id(), addr, r.data, r.resp);
    return static_cast<u32>(r.data);
}

void IoBackend::op_write32(void* ctx, phys_addr_t addr, u32 val)
{
    IoBackend& s = self(ctx);
    if (addr >> 32) {
        s.last_ = IO_DECERR;
        s.log("W", smp_processor_id(), addr, val, AXI_DECERR);
        return;
    }
    AxiResult r = s.bus_.write32(static_cast<uint32_t>(addr), val, kProtNonSecure);
    s.last_ = static_cast<enum io_status>(r.resp == AXI_EXOKAY ? 0 : r.resp);
    s.log("W", smp_processor_id(), addr, val, r.resp);
}

u64 IoBackend::op_read_sysreg(void* ctx, unsigned int cpu, u32 enc)
{
    IoBackend& s = self(ctx);
    SysregResult r = s.sysregs_.read_enc(cpu, enc);
    s.last_ = r.ok() ? IO_OKAY : IO_SLVERR;
    s.log("SR", cpu, enc, r.data, r.ok() ? 0 : AXI_SLVERR);
    if (s.hops_ && enc == kIccIar1 && r.ok())
        s.hops_->record(Hop::Iar, static_cast<uint32_t>(r.data & 0xffffff), static_cast<int>(cpu));
    return r.data;
}

void IoBackend::op_write_sysreg(void* ctx, unsigned int cpu, u32 enc, u64 val)
{
    IoBackend& s = self(ctx);
    SysregResult r = s.sysregs_.write_enc(cpu, enc, val);
    s.last_ = r.ok() ? IO_OKAY : IO_SLVERR;
    s.log("SW", cpu, enc, val, r.ok() ? 0 : AXI_SLVERR);
    if (!s.hops_ || !r.ok())
        return;
    if (enc == kIccEoir1)
        s.hops_->record(Hop::Eoir, static_cast<uint32_t>(val & 0xffffff), static_cast<int>(cpu));
    else if (enc == kIccDir)
        s.hops_->record(Hop::Dir, static_cast<uint32_t>(val & 0xffffff), static_cast<int>(cpu));
    else if (enc == kIccSgi1r)
        s.hops_->record(Hop::Sgi1r, static_cast<uint32_t>((val >> 24) & 0xf), static_cast<int>(cpu), 1, val);
}

void* IoBackend::op_dma_alloc(void* ctx, size_t size, dma_addr_t* handle)
{
    uint64_t bus = 0;
    void* p = self(ctx).dram_.alloc(size, &bus);
    if (handle)
        *handle = p ? bus : 0;
    return p;
}

void IoBackend::op_dma_free(void* ctx, size_t size, void* cpu_addr, dma_addr_t handle)
{
    IoBackend& s = self(ctx);
    if (s.dram_.host(handle) != cpu_addr) {
        std::fprintf(stderr, "irqsim: dma_free: cpu_addr %p does not match handle 0x%llx\n", cpu_addr,
                     (unsigned long long)handle);
    }
    s.dram_.free(handle, size);
}

void IoBackend::op_annotate(void* ctx, const char* text) { self(ctx).m_.set_annotation(text); }

enum io_status IoBackend::op_last_status(void* ctx) { return self(ctx).last_; }

u64 IoBackend::op_now_ns(void* ctx) { return self(ctx).m_.cycle(); }

void IoBackend::op_delay_ns(void* ctx, u64 ns)
{
    IoBackend& s = self(ctx);
    s.m_.ticks(ns ? ns : 1);
}

}  // namespace irqsim
