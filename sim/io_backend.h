// SPDX-License-Identifier: MIT
// IoBackend: the driver's io seam (struct irqsim_io_ops, driver/include/linux/io.h)
// on top of the bus-functional models.
//
//   read32/write32   AXI4-Lite on the cpu_* port, non-secure (AxPROT = 3'b010);
//                    read64/write64 are left NULL so io.c splits them into two
//                    32-bit accesses, low word first
//   read/write_sysreg  SysregPort as PE `cpu` (io.c passes smp_processor_id())
//   dma_alloc/free   Dram's allocator (bus address = dma handle)
//   annotate         SocModel::set_annotation (trace) + the bus log's annotation
//   last_status      response of the last access (a refused sysreg access = SLVERR)
//   now_ns           SocModel::cycle(): 1 cycle = 1 ns
//   delay_ns         advances ns cycles of the whole SoC (never enters IRQ handlers)
//
// Every access goes to the BusLog (if any); bus errors are logged with address and
// annotation.  CPU-interface hops (IAR1, EOIR1, DIR, SGI1R) go to the HopMonitor.
#pragma once

#include "axil_master.h"
#include "bus_log.h"
#include "dram.h"
#include "hop_monitor.h"
#include "soc_model.h"
#include "sysreg_port.h"

#include <linux/io.h>

namespace irqsim {

class IoBackend {
public:
    IoBackend(SocModel& m, AxiLiteMaster& bus, SysregPort& sysregs, Dram& dram, BusLog* log = nullptr,
              HopMonitor* hops = nullptr);
    ~IoBackend();
    IoBackend(const IoBackend&) = delete;
    IoBackend& operator=(const IoBackend&) = delete;

    // irqsim_io_install(&ops, this) / irqsim_io_install(NULL, NULL)
    void install();
    void uninstall();
    bool installed() const { return installed_; }

    enum io_status last_status() const { return last_; }
    uint64_t accesses() const { return accesses_; }
    uint64_t bus_errors() const { return errors_; }

    // the encodings whose accesses are hops
    static constexpr uint32_t kIccIar1 = sys_reg(3, 0, 12, 12, 0);
    static constexpr uint32_t kIccEoir1 = sys_reg(3, 0, 12, 12, 1);
    static constexpr uint32_t kIccDir = sys_reg(3, 0, 12, 11, 1);
    static constexpr uint32_t kIccSgi1r = sys_reg(3, 0, 12, 11, 5);

    static const struct irqsim_io_ops kOps;

private:
    static IoBackend& self(void* ctx) { return *static_cast<IoBackend*>(ctx); }
    static u32 op_read32(void* ctx, phys_addr_t addr);
    static void op_write32(void* ctx, phys_addr_t addr, u32 val);
    static u64 op_read_sysreg(void* ctx, unsigned int cpu, u32 enc);
    static void op_write_sysreg(void* ctx, unsigned int cpu, u32 enc, u64 val);
    static void* op_dma_alloc(void* ctx, size_t size, dma_addr_t* handle);
    static void op_dma_free(void* ctx, size_t size, void* cpu_addr, dma_addr_t handle);
    static void op_annotate(void* ctx, const char* text);
    static enum io_status op_last_status(void* ctx);
    static u64 op_now_ns(void* ctx);
    static void op_delay_ns(void* ctx, u64 ns);

    void log(const char* kind, unsigned cpu, uint64_t addr, uint64_t data, uint8_t resp);

    SocModel& m_;
    AxiLiteMaster& bus_;
    SysregPort& sysregs_;
    Dram& dram_;
    BusLog* log_;
    HopMonitor* hops_;
    bool installed_ = false;
    enum io_status last_ = IO_OKAY;
    uint64_t accesses_ = 0, errors_ = 0;
};

}  // namespace irqsim
