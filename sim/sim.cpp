// SPDX-License-Identifier: MIT
#include "sim.h"

namespace irqsim {

// Opens the FST (and the bus-log file) at the window's first cycle and closes
// them after its last, so a long run leaves a small trace of the part that matters.
class Sim::TraceWindow final : public ClockAgent {
public:
    TraceWindow(SocModel& m, BusLog& log, const SimConfig& cfg) : m_(m), log_(log), cfg_(cfg)
    {
        m_.add_agent(this);
    }
    ~TraceWindow() override { m_.remove_agent(this); }

    void post_edge(uint64_t cycle) override
    {
        if (!open_ && !done_ && cycle >= cfg_.window_start && cycle < cfg_.window_end) {
            open_ = true;
            m_.open_trace(cfg_.trace_path, cfg_.trace_depth);
            if (!cfg_.window_bus_log_path.empty())
                log_.open_file(cfg_.window_bus_log_path);
        } else if (open_ && cycle >= cfg_.window_end) {
            close();
        }
    }
    void close()
    {
        if (!open_)
            return;
        open_ = false;
        done_ = true;
        m_.close_trace();
        if (!cfg_.window_bus_log_path.empty())
            log_.open_file("");
    }

private:
    SocModel& m_;
    BusLog& log_;
    const SimConfig& cfg_;
    bool open_ = false, done_ = false;
};

Sim::Sim(const SimConfig& cfg) : cfg_(cfg)
{
    ModelParams p = cfg_.model_params;
    p["NUM_CPUS"] = cfg_.cpus;
    model_.reset(new SocModel(p));
    cpu_bus_.reset(new AxiLiteMaster(*model_, model_->pins().cpu, "cpu", cfg_.bus_timeout));
    fw_bus_.reset(new AxiLiteMaster(*model_, model_->pins().fw, "fw", cfg_.bus_timeout));
    {
        FirmwareConfig fc = firmware_config_of(model_->params());
        firmware_.reset(new Firmware(*fw_bus_, fc));
    }
    sysregs_.reset(new SysregPort(*model_, cfg_.bus_timeout));
    // agent order: DRAM slave, lines, monitor, platform (coprocessor edges)
    dram_.reset(new Dram(model_.get(), Dram::kDefaultBase, Dram::kDefaultSize, cfg_.dram_latency));
    lines_.reset(new LinePins(*model_));
    bus_log_.reset(new BusLog(cfg_.bus_log_capacity));
    bus_log_->set_enabled(cfg_.bus_log);
    bus_log_->set_quiet_errors(cfg_.quiet_bus_errors);
    if (!cfg_.bus_log_path.empty())
        bus_log_->open_file(cfg_.bus_log_path);
    hops_.reset(new HopMonitor(*model_, cfg_.hops));
    io_.reset(new IoBackend(*model_, *cpu_bus_, *sysregs_, *dram_, bus_log_.get(), hops_.get()));
    platform_.reset(new Platform(*model_));
    faults_.reset(new Faults(*model_, hops_.get()));
    for (AxiLiteMaster* bus : {cpu_bus_.get(), fw_bus_.get()})
        bus->set_faults(faults_.get());
    lines_->set_faults(faults_.get());
    firmware_->set_faults(faults_.get());
    dram_->set_faults(faults_.get());
    if (cfg_.window_end > cfg_.window_start && !cfg_.trace_path.empty())
        window_.reset(new TraceWindow(*model_, *bus_log_, cfg_));
}

Sim::~Sim()
{
    if (window_)
        window_->close();  // a run that ended inside the window still gets a complete file
    io_->uninstall();
    firmware_->uninstall();
    // members go in reverse order: platform, io, hops, ... model (closes the trace) last
}

void Sim::boot()
{
    if (!cfg_.trace_path.empty() && !window_ && !model_->tracing())
        model_->open_trace(cfg_.trace_path, cfg_.trace_depth);
    platform_->boot(cfg_.reset_cycles);
    io_->install();
    firmware_->install();
}

std::string Sim::banner() const
{
    std::string s = "irqsim: seed " + std::to_string(cfg_.seed) + ", " + std::to_string(cfg_.cpus) + " CPUs";
    if (!cfg_.trace_path.empty())
        s += ", trace " + cfg_.trace_path;
    if (window_)
        s += " (cycles " + std::to_string(cfg_.window_start) + "-" + std::to_string(cfg_.window_end) + ")";
    return s;
}

}  // namespace irqsim
