// SPDX-License-Identifier: MIT
// SocModel: one verilated irqsim_tb_top with its VerilatedContext, the clock,
// reset, the cycle counter, the optional FST trace and the annotation port.
//
// Time: one clock cycle = 1 ns (trace timescale 1 ns / 1 ps).  cycle() counts
// rising edges since construction.  A cycle is two half steps so bus-functional
// models can sample handshakes just before the rising edge:
//   low():  clk=0, eval  -> inputs set since the last edge have settled; agents'
//                           pre_edge() sample valid/ready pairs here
//   high(): clk=1, eval  -> the rising edge; cycle()+1; agents' post_edge() drive
//                           the inputs for the next cycle and watch outputs
// tick() = low() + high().  Nothing in a tick allocates; the only virtual calls
// are eval() and one pre/post call per registered agent.
//
// Errors: RTL assertions ($error/$fatal under --assert) do not abort the process
// (fatalOnError is off); the first one is recorded (failed(), error()), printed with
// the cycle, and the trace is flushed so the waveform ends at the failure.
#pragma once

#include "model_params.h"
#include "soc_pins.h"

#include <cstdint>
#include <memory>
#include <string>

class VerilatedContext;
class VerilatedFstC;

namespace irqsim {

// Something that must act on every clock edge (DRAM slave, line pulses, monitors).
class ClockAgent {
public:
    virtual ~ClockAgent() = default;
    // after the falling-edge eval, before the rising edge: sample handshakes
    virtual void pre_edge() {}
    // after the rising-edge eval: update driven inputs, observe outputs
    virtual void post_edge(uint64_t cycle) = 0;
};

class SocModel {
public:
    static constexpr unsigned kMaxAgents = 8;
    static constexpr unsigned kAnnotationBytes = 64;

    // a linked-in model, else the model cache's (built first if need be);
    // throws std::invalid_argument if there is none and it cannot be built
    explicit SocModel(unsigned num_cpus) : SocModel(ModelParams{{"NUM_CPUS", num_cpus}}) {}
    // the model of these -G parameters (sim/model_cache.h), the same way
    explicit SocModel(const ModelParams& params);
    ~SocModel();
    SocModel(const SocModel&) = delete;
    SocModel& operator=(const SocModel&) = delete;

    const Pins& pins() const { return *pins_; }
    const SocParams& params() const { return soc_->params(); }
    VerilatedContext* context() { return ctx_.get(); }

    // rst_n low for `cycles` cycles then high (the clock runs meanwhile)
    void reset(unsigned cycles = 4);

    void low();
    void high();
    void tick()
    {
        low();
        high();
    }
    void ticks(uint64_t n)
    {
        for (uint64_t i = 0; i < n; i++)
            tick();
    }
    uint64_t cycle() const { return cycle_; }

    // agents run in registration order; at most kMaxAgents
    void add_agent(ClockAgent* a);
    void remove_agent(ClockAgent* a);

    // FST trace from now on.  depth: hierarchy levels below TOP to record
    // (1 = the top ports incl. the annotation, 2 = + irqsim_tb_top's signals,
    // 3 = + the SoC's own signals, ...; 0 = everything).  Returns false (and
    // prints why) if a trace is already open or the file cannot be written.
    bool open_trace(const std::string& path, int depth = 4);
    void flush_trace();
    void close_trace();
    bool tracing() const { return tfp_ != nullptr; }
    const std::string& trace_path() const { return trace_path_; }

    // Drive the trace-only annotation text (truncated to 64 bytes) and bump
    // annotation_seq.  Cheap; done whether or not a trace is open.
    void set_annotation(const char* text);
    const char* annotation() const { return annotation_; }
    uint32_t annotation_seq() const { return *pins_->annotation_seq; }

    // the first RTL assertion / $fatal / $finish seen (empty if none)
    bool failed() const { return failed_; }
    const std::string& error() const { return error_; }
    // record a harness-level fatal error the same way (flushes the trace)
    void fail(const std::string& msg);

private:
    void dump(uint64_t t_ps);
    void on_rtl_error();
    void on_stop_signal();
    void write_coverage();

    std::unique_ptr<VerilatedContext> ctx_;
    std::unique_ptr<SocPins> soc_;
    const Pins* pins_;
    uint8_t* clk_;
    VerilatedFstC* tfp_ = nullptr;
    std::string trace_path_;
    uint64_t cycle_ = 0;
    ClockAgent* agents_[kMaxAgents] = {};
    unsigned nagents_ = 0;
    bool failed_ = false;
    std::string error_;
    char annotation_[kAnnotationBytes + 1] = {};
};

}  // namespace irqsim
