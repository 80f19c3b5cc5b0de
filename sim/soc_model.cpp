// SPDX-License-Identifier: MIT
#include "soc_model.h"
#include "model_cache.h"
#include "stop_signal.h"
#include "vl_printf_hook.h"

#include <verilated.h>
#include <verilated_fst_c.h>
#if VM_COVERAGE
#include <verilated_cov.h>
#include <unistd.h>
#endif

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

namespace irqsim {

SocModel::SocModel(const ModelParams& params) : ctx_(new VerilatedContext)
{
    ctx_->fatalOnError(false);
    ctx_->debug(0);
    // Tracing is compiled in; enabling the ability costs nothing until a file is open.
    ctx_->traceEverOn(true);
    std::string err;
    soc_ = make_soc_pins(params, ctx_.get(), &err);
    if (!soc_)
        throw std::invalid_argument("irqsim: no SoC model " + model_readable_name(params) + ": " + err);
    pins_ = &soc_->pins();
    clk_ = pins_->clk;
    *pins_->rst_n = 0;
    *clk_ = 0;
    soc_->eval();
}

SocModel::~SocModel()
{
    close_trace();
    soc_->final();
    write_coverage();
}

// Coverage builds (IRQSIM_COVERAGE): each model's line/toggle counts go to
// $IRQSIM_COVERAGE_DIR/rtl-<pid>-<n>.dat, merged by verilator_coverage.
void SocModel::write_coverage()
{
#if VM_COVERAGE
    const char* dir = std::getenv("IRQSIM_COVERAGE_DIR");
    if (!dir || !dir[0])
        return;
    static unsigned serial = 0;
    std::string path =
        std::string(dir) + "/rtl-" + std::to_string(getpid()) + "-" + std::to_string(serial++) + ".dat";
    ctx_->coveragep()->write(path.c_str());
#endif
}

void SocModel::reset(unsigned cycles)
{
    *pins_->rst_n = 0;
    for (unsigned i = 0; i < cycles; i++)
        tick();
    *pins_->rst_n = 1;
    tick();
}

void SocModel::dump(uint64_t t_ps)
{
    ctx_->time(t_ps);
    if (tfp_)
        tfp_->dump(t_ps);
}

void SocModel::low()
{
    *clk_ = 0;
    soc_->eval();
    for (unsigned i = 0; i < nagents_; i++)
        agents_[i]->pre_edge();
}

void SocModel::high()
{
    *clk_ = 1;
    soc_->eval();
    ++cycle_;
    if (tfp_)
        dump(cycle_ * 1000);
    else
        ctx_->time(cycle_ * 1000);
    if (__builtin_expect(ctx_->gotError() || ctx_->gotFinish(), 0))
        on_rtl_error();
    if (__builtin_expect(stop_signal() != 0, 0))
        on_stop_signal();
    for (unsigned i = 0; i < nagents_; i++)
        agents_[i]->post_edge(cycle_);
}

void SocModel::on_rtl_error()
{
    if (!failed_) {
        std::string what = "RTL called $finish";
        if (ctx_->gotError()) {
            const char* msg = irqsim_vl_last_error();
            what = msg[0] ? std::string("RTL: ") + msg : "RTL assertion or $error/$fatal";
        }
        fail(what);
    }
    irqsim_vl_clear_last_error();
    // keep simulating without re-reporting
    ctx_->gotError(false);
    ctx_->gotFinish(false);
}

// Called from the clock, not from the signal handler: closing the FST here is
// safe, and the process ends with the signal's conventional status.
void SocModel::on_stop_signal()
{
    int sig = stop_signal();
    const char* name = sig == SIGINT    ? "SIGINT"
                       : sig == SIGTERM ? "SIGTERM"
                       : sig == SIGHUP  ? "SIGHUP"
                                        : "a signal";
    std::fprintf(stderr, "\r\033[Kirqsim: interrupted by %s at cycle %llu", name,
                 static_cast<unsigned long long>(cycle_));
    if (tfp_) {
        close_trace();
        std::fprintf(stderr, "; trace closed: %s", trace_path_.c_str());
    }
    std::fprintf(stderr, "\n");
    std::fflush(nullptr);
    std::_Exit(128 + sig);
}

void SocModel::fail(const std::string& msg)
{
    if (failed_)
        return;
    failed_ = true;
    error_ = "cycle " + std::to_string(cycle_) + ": " + msg;
    if (annotation_[0])
        error_ += " [during: " + std::string(annotation_) + "]";
    std::fprintf(stderr, "irqsim: FATAL %s\n", error_.c_str());
    if (tfp_) {
        tfp_->flush();
        std::fprintf(stderr, "irqsim: trace flushed: %s\n", trace_path_.c_str());
    }
}

void SocModel::add_agent(ClockAgent* a)
{
    if (nagents_ >= kMaxAgents)
        throw std::length_error("irqsim: too many clock agents");
    agents_[nagents_++] = a;
}

void SocModel::remove_agent(ClockAgent* a)
{
    for (unsigned i = 0; i < nagents_; i++) {
        if (agents_[i] == a) {
            for (unsigned j = i + 1; j < nagents_; j++)
                agents_[j - 1] = agents_[j];
            agents_[--nagents_] = nullptr;
            return;
        }
    }
}

bool SocModel::open_trace(const std::string& path, int depth)
{
    if (tfp_) {
        std::fprintf(stderr, "irqsim: a trace is already open (%s)\n", trace_path_.c_str());
        return false;
    }
    auto* t = new VerilatedFstC;
    soc_->trace(t);
    if (depth > 0)
        t->dumpvars(depth, "TOP");
    t->open(path.c_str());
    if (!t->isOpen()) {
        std::fprintf(stderr, "irqsim: cannot write trace %s\n", path.c_str());
        delete t;
        return false;
    }
    tfp_ = t;
    trace_path_ = path;
    dump(cycle_ * 1000);
    return true;
}

void SocModel::flush_trace()
{
    if (tfp_)
        tfp_->flush();
}

void SocModel::close_trace()
{
    if (!tfp_)
        return;
    tfp_->close();
    delete tfp_;
    tfp_ = nullptr;
}

void SocModel::set_annotation(const char* text)
{
    // first character in the most significant byte: byte 63 of the little-endian
    // storage holds bits 511:504
    auto* bytes = static_cast<uint8_t*>(pins_->annotation.p);
    size_t n = 0;
    if (text)
        for (; n < kAnnotationBytes && text[n]; n++) {
            bytes[kAnnotationBytes - 1 - n] = static_cast<uint8_t>(text[n]);
            annotation_[n] = text[n];
        }
    for (size_t i = n; i < kAnnotationBytes; i++)
        bytes[kAnnotationBytes - 1 - i] = 0;
    annotation_[n] = 0;
    ++*pins_->annotation_seq;
}

}  // namespace irqsim
