// SPDX-License-Identifier: MIT
// LineAgent: the plain device lines (the "irqsim,lines" node) as the harness drives
// them, written once for every platform (SocSession, the SystemC CpuCluster).  It
// maps each line through the tree, requests, frees, masks and moves its irq through
// the driver with the scoreboard told first, drives the pin with the event booked,
// and its handler books the entry and clears a level line as the device would.
// The platform supplies time, the scoreboard, the pins and where a virq's handler may
// run (LineHost); it calls the driver-facing methods as a CPU.
#pragma once

#include "scoreboard.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct device_node;

namespace irqsim {

class LineAgent;

// One plain device line and what the driver made of it.
struct LineSource {
    LineAgent* agent = nullptr;
    unsigned line = 0;
    unsigned virq = 0;
    unsigned intid = 0;
    bool level = false;  // level-high (handler clears the device) or rising-edge
    bool requested = false;
    bool disabled = false;  // disable_line() in force
    bool held = false;      // an event arrived while disabled/freed (the GIC keeps it)
    std::string name;
    uint64_t handled = 0;
};

class LineHost {
public:
    virtual ~LineHost() = default;
    virtual uint64_t now() const = 0;
    virtual Scoreboard& scoreboard() = 0;
    // the CPUs the driver's effective affinity of virq names
    virtual CpuSet effective_cpus(unsigned virq) const = 0;
    // the device's pin: held at a level, or pulsed high for one cycle
    virtual void set_pin(unsigned line, bool high) = 0;
    virtual void pulse_pin(unsigned line) = 0;
    virtual bool pin(unsigned line) const = 0;
    // a line's handler ran on this CPU, already booked (hop monitor, coverage)
    virtual void on_line_handler(unsigned /*virq*/) {}
};

class LineAgent {
public:
    explicit LineAgent(LineHost& host) : host_(host) {}
    LineAgent(const LineAgent&) = delete;
    LineAgent& operator=(const LineAgent&) = delete;

    // Map every interrupt of `node` (irq_of_parse_and_map, as a CPU); false with a
    // one-line reason if it lists none, more than `pins`, or one does not map.
    bool map(struct device_node* node, unsigned pins, std::string* err);

    unsigned count() const { return static_cast<unsigned>(lines_.size()); }
    LineSource& line(unsigned n) { return *lines_.at(n); }
    const LineSource& line(unsigned n) const { return *lines_.at(n); }
    const std::vector<std::unique_ptr<LineSource>>& lines() const { return lines_; }

    // Driver calls: run them as a CPU.
    // request_irq and route it to cpu: 0 or the driver's errno.  An event the GIC
    // kept while the line was freed is booked first (it will arrive on cpu).
    int request(unsigned n, unsigned cpu);
    // free_irq: 0, or -EINVAL if not requested.  Silenced first; a level line drops.
    int free(unsigned n);
    // irq_set_affinity, the scoreboard told: 0 or the driver's errno
    int set_affinity(unsigned n, unsigned cpu);
    // disable_irq / enable_irq: silenced while disabled; on enable, an event the GIC
    // kept meanwhile (a level line still high, an edge latched pending) is booked.
    void disable(unsigned n);
    void enable(unsigned n);

    // Stimulus (no driver call): drive the pin (edge: a pulse; level: high until the
    // handler clears it) and book the event; `expect` false, or the line masked or
    // freed: the pin is driven, nothing is booked (the GIC may keep it).
    void inject(unsigned n, bool expect = true);
    // test-only (irqsim run --drop-event): book an event as injected, never drive it
    void book_undriven(unsigned n);

    // the handler every line is requested with (dev_id: its LineSource)
    static void on_irq(int irq, void* dev_id);

private:
    void book_kept(LineSource& l, CpuSet also, const char* while_what);

    LineHost& host_;
    std::vector<std::unique_ptr<LineSource>> lines_;
};

}  // namespace irqsim
