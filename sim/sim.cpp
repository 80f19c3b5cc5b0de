// SPDX-License-Identifier: MIT
#include "sim.h"

namespace irqsim {

Sim::Sim(const SimConfig &cfg) : cfg_(cfg)
{
	model_.reset(new SocModel(cfg_.cpus));
	cpu_bus_.reset(new AxiLiteMaster(*model_, model_->pins().cpu, "cpu", cfg_.bus_timeout));
	fw_bus_.reset(new AxiLiteMaster(*model_, model_->pins().fw, "fw", cfg_.bus_timeout));
	{
		const SocParams &sp = model_->params();
		FirmwareConfig fc; // host ranges = the whole hardware until configure() narrows them
		fc.num_intr_inputs = sp.num_intr_lines + sp.num_vints;
		fc.num_rings = sp.num_rings;
		fc.intr_out = FirmwareRange{0, static_cast<uint16_t>(sp.num_intr_out)};
		fc.vint = FirmwareRange{0, static_cast<uint16_t>(sp.num_vints)};
		fc.global_event = FirmwareRange{0, static_cast<uint16_t>(sp.num_events)};
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
	for (AxiLiteMaster *bus : {cpu_bus_.get(), fw_bus_.get()})
		bus->set_faults(faults_.get());
	lines_->set_faults(faults_.get());
	firmware_->set_faults(faults_.get());
	dram_->set_faults(faults_.get());
}

Sim::~Sim()
{
	io_->uninstall();
	firmware_->uninstall();
	// members go in reverse order: platform, io, hops, ... model (closes the trace) last
}

void Sim::boot()
{
	if (!cfg_.trace_path.empty() && !model_->tracing())
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
	return s;
}

} // namespace irqsim
