// SPDX-License-Identifier: MIT
// The traffic of the spi and dma-ring scenarios, written once for every platform
// that carries it: the plain harness (SocSession, tb/scenarios) and the SystemC
// example platform (tb/systemc).  A platform implements TrafficPort: the event
// sources as the driver sees them (device lines, DMA-ring channels) and a way to
// let simulated time pass; the traffic functions choose what happens when from
// their random generator, so one seed gives the same stimulus on both.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <string>
#include <vector>

namespace irqsim {

class TrafficPort {
public:
    virtual ~TrafficPort() = default;
    virtual unsigned cpus() const = 0;
    virtual uint64_t now() const = 0;
    // let `cycles` clock cycles pass (the CPUs take their interrupts meanwhile)
    virtual void advance(uint64_t cycles) = 0;
    // the model stopped (bus error, assertion): traffic ends
    virtual bool failed() const = 0;

    // ---- device lines (spi) ----
    virtual unsigned num_lines() const = 0;
    // request_irq for line n, routed to cpu: 0 or the driver's negative errno
    virtual int request_line(unsigned n, unsigned cpu) = 0;
    // irq_set_affinity, the scoreboard told: 0 or a negative errno
    virtual int set_line_affinity(unsigned n, unsigned cpu) = 0;
    // drive the pin and book the event
    virtual void inject_line(unsigned n) = 0;
    // test-only (irqsim run --drop-event): book an event as injected, never drive it
    virtual void book_undriven_line_event(unsigned n) = 0;

    // ---- DMA-ring channels (dma-ring) ----
    virtual unsigned num_rings() const = 0;
    virtual bool ring_active(unsigned r) const = 0;
    // dma_ring_request_channel / _release_channel: 0, -EAGAIN (descriptors of an
    // earlier channel still pending), or the driver's negative errno
    virtual int request_ring(unsigned r) = 0;
    virtual int release_ring(unsigned r) = 0;
    // post n descriptors; with a channel, n completions are booked
    virtual int post_ring(unsigned r, unsigned n) = 0;
};

struct TrafficConfig {
    uint64_t events = 1000;
    unsigned mean_gap = 60;                       // cycles between events: uniform in 0 .. 2 * mean_gap
    unsigned move_percent = 5;                    // spi: chance of an affinity move before an event
    uint64_t max_cycles = 0;                      // 0 = no budget
    uint64_t drop_event = ~0ull;                  // spi, test-only: this event is booked, never driven
    std::function<void(uint64_t done)> progress;  // called every few events, may be empty
};

struct TrafficResult {
    int error = 0;  // setup failed (error_text says why); nothing was injected
    std::string error_text;
    std::vector<std::string> problems;  // driver calls that failed under traffic
    uint64_t events = 0;                // spi: events injected; dma-ring: descriptors posted
    uint64_t affinity_moves = 0;        // spi
    uint64_t channels_requested = 0, channels_released = 0;  // dma-ring
};

// Every device line requested on a random CPU; then random events on random
// lines, affinity moved now and then.
TrafficResult spi_traffic(TrafficPort& port, std::mt19937_64& rng, const TrafficConfig& cfg);

// A random subset of the rings requested as channels (ring 0 always); then
// descriptors posted on random active rings while channels are released and
// requested again (4% of the steps).
TrafficResult dma_ring_traffic(TrafficPort& port, std::mt19937_64& rng, const TrafficConfig& cfg);

}  // namespace irqsim
