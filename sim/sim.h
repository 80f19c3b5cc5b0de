// SPDX-License-Identifier: MIT
// Sim: the whole harness in one object; what tests, scenarios and the main
// command use.
//
//   irqsim::SimConfig cfg;  cfg.cpus = 4;  cfg.trace_path = "t.fst";
//   irqsim::Sim sim(cfg);          // model, BFMs, DRAM, lines, monitors, CPUs
//   sim.boot();                    // reset the SoC, nr_cpus, io backend installed
//   ... probe the driver (as CPU 0), sim.platform().start_cpus() ...
//   sim.lines().pulse(3);          // SPI 35
//   sim.run(1000);                 // IRQ entries happen here
//   sim.hops().first(irqsim::Hop::Iar, 35)
//
// Only one Sim may have its IoBackend installed at a time (the driver's io seam
// is global); the destructor uninstalls it.
#pragma once

#include "axil_master.h"
#include "bus_log.h"
#include "dram.h"
#include "fault.h"
#include "firmware.h"
#include "hop_monitor.h"
#include "io_backend.h"
#include "line_pins.h"
#include "platform.h"
#include "soc_model.h"
#include "sysreg_port.h"

#include <cstdint>
#include <memory>
#include <string>

namespace irqsim {

struct SimConfig {
    unsigned cpus = 4;         // NUM_CPUS (1, 4, 16 linked in; others from the model cache)
    ModelParams model_params;  // the model's other -G parameters (NUM_CPUS here is ignored)
    uint64_t seed = 1;         // for the caller's stimulus; printed by banner()
    std::string trace_path;    // FST written from boot() on if not empty
    // Trace window: with window_end > window_start, trace_path covers only the
    // cycles [window_start, window_end) (opened and closed by a clock agent), and
    // window_bus_log_path (if set) gets the bus accesses of that window.
    uint64_t window_start = 0, window_end = 0;
    std::string window_bus_log_path;
    int trace_depth = 4;  // SocModel::open_trace depth (0 = everything)
    bool bus_log = true;  // keep the ring of the last bus_log_capacity accesses
    size_t bus_log_capacity = 4096;
    std::string bus_log_path;       // also write every access to this file
    bool quiet_bus_errors = false;  // don't print bus errors to stderr (still kept)
    bool hops = true;               // HopMonitor enabled
    unsigned dram_latency = 4;      // cycles from read-address acceptance to data
    uint32_t bus_timeout = 10000;   // cycles before an AXI/sysreg access is declared hung
    unsigned reset_cycles = 4;
};

class Sim {
public:
    explicit Sim(const SimConfig& cfg = SimConfig());
    ~Sim();
    Sim(const Sim&) = delete;
    Sim& operator=(const Sim&) = delete;

    // reset the SoC, declare the CPUs to the driver, install the io backend,
    // open the trace if configured
    void boot();

    const SimConfig& config() const { return cfg_; }
    SocModel& model() { return *model_; }
    AxiLiteMaster& cpu_bus() { return *cpu_bus_; }
    AxiLiteMaster& fw_bus() { return *fw_bus_; }
    // system-firmware model on fw_bus() (TI-SCI ops); installed by boot()
    Firmware& firmware() { return *firmware_; }
    SysregPort& sysregs() { return *sysregs_; }
    Dram& dram() { return *dram_; }
    LinePins& lines() { return *lines_; }
    BusLog& bus_log() { return *bus_log_; }
    HopMonitor& hops() { return *hops_; }
    IoBackend& io() { return *io_; }
    Platform& platform() { return *platform_; }
    // fault injection (sim/fault.h), hooked into the buses, lines, firmware and DRAM
    Faults& faults() { return *faults_; }

    unsigned num_cpus() const { return model_->params().num_cpus; }
    uint64_t cycle() const { return model_->cycle(); }
    uint64_t run(uint64_t cycles) { return platform_->run(cycles); }
    template <class Pred>
    bool run_until(Pred&& pred, uint64_t max_cycles)
    {
        return platform_->run_until(std::forward<Pred>(pred), max_cycles);
    }
    bool failed() const { return model_->failed(); }
    const std::string& error() const { return model_->error(); }
    void annotate(const char* text) { model_->set_annotation(text); }

    // "irqsim: seed 3, 4 CPUs, trace t.fst" (tests print it so a run reproduces)
    std::string banner() const;

private:
    SimConfig cfg_;
    std::unique_ptr<SocModel> model_;
    std::unique_ptr<Faults> faults_;  // outlives every BFM that points at it, not the model
    std::unique_ptr<AxiLiteMaster> cpu_bus_, fw_bus_;
    std::unique_ptr<Firmware> firmware_;
    std::unique_ptr<SysregPort> sysregs_;
    std::unique_ptr<Dram> dram_;
    std::unique_ptr<LinePins> lines_;
    std::unique_ptr<BusLog> bus_log_;
    std::unique_ptr<HopMonitor> hops_;
    std::unique_ptr<IoBackend> io_;
    std::unique_ptr<Platform> platform_;
    class TraceWindow;
    std::unique_ptr<TraceWindow> window_;  // the trace window's clock agent, if any
};

}  // namespace irqsim
