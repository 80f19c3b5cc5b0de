// SPDX-License-Identifier: MIT
// SocSession: an SoC booted with the real driver stack, ready for stimulus.
// What the scenarios and the e2e tests share:
//
//   SocSession s({.cpus = 4, .seed = 3});
//   if (!s.boot(&err)) ...           // core reset, SoC reset, device tree checked
//                                    // against the RTL, irqchips probed, CPUs started
//   s.request_line(5, 2);            // line 5 -> its virq, handler on CPU 2
//   s.inject_line(5);                // drive the pin, book the event on the scoreboard
//   s.run(2000);                     // CPUs take their interrupts
//   s.scoreboard().verdict()
//
// It hosts the event sources' agents, each written once for every platform
// (LineAgent, DmaRingAgent; the traffic of traffic.h), keeps the driver's log
// (DriverLog), and explains losses and latencies (soc_session_diagnosis.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "dma_ring_agent.h"
#include "driver_log.h"
#include "line_agent.h"
#include "scoreboard.h"
#include "sim.h"
#include "traffic.h"

struct device_node;
struct dma_ring_device;

namespace irqsim {

struct SessionConfig {
    unsigned cpus = 4;
    uint64_t seed = 1;
    std::string trace_path;                                 // FST, empty = none
    uint64_t trace_window_start = 0, trace_window_end = 0;  // end > start: trace only these cycles
    std::string window_bus_log_path;                        // with a window: the bus accesses of the window
    std::string dts_path;                                   // empty = embedded default (adapted to `cpus`)
    bool split_eoi = false;    // GICv3 EOImode=1 (EOIR then DIR): irqsim,split-eoi set on the GIC node;
                               // false = as the tree says
    std::string ims_parent;    // "" = as the tree says; "mbi", "lpi", "inta" or "kapi": the IMS node's
                               // msi-parent is rewritten (dtb_with_ims_parent, ims_port.h)
    unsigned lpi_id_bits = 0;  // DirectLPI INTID bits (14 = 8k LPIs, 16 = 56k); set as the GIC
                               // node's irqsim,lpi-id-bits; 0 = the tree's / default
    bool hops = true;
    bool quiet = false;  // keep driver log lines out of stderr
};

// The chain of hops a delivery goes through, for diagnosis and per-hop latency.
struct HopStep {
    Hop kind;
    uint32_t id;
    int pe;  // -1: any
};

// The DMA-ring device's rings and channels (TI path: ring event -> INTA VINT status bit ->
// INTR -> GIC SPI -> CPU) are a DmaRingAgent (dma_ring_agent.h) this session hosts.
class SocSession : public TrafficPort, public DmaRingHost, public LineHost {
public:
    explicit SocSession(const SessionConfig& cfg);
    ~SocSession() override;
    SocSession(const SocSession&) = delete;
    SocSession& operator=(const SocSession&) = delete;

    // Returns false with a one-line reason (naming the node/property for device
    // tree problems) if the SoC can't be brought up.
    bool boot(std::string* err);

    Sim& sim() { return *sim_; }
    Scoreboard& scoreboard() override { return sb_; }
    const SessionConfig& config() const { return cfg_; }
    unsigned cpus() const override { return cfg_.cpus; }
    uint64_t now() const override { return sim_->cycle(); }
    uint64_t run(uint64_t cycles) { return sim_->run(cycles); }
    void advance(uint64_t cycles) override { sim_->run(cycles); }
    bool failed() const override { return sim_->failed(); }
    // run until nothing is outstanding on the scoreboard (or budget); true if drained
    bool drain(uint64_t max_cycles);

    // ---- device lines ----
    unsigned num_lines() const override { return lines_.count(); }
    LineSource& line(unsigned n) { return lines_.line(n); }
    // request_irq for line n (mapped from the device tree) and route it to cpu
    int request_line(unsigned n, unsigned cpu) override;
    int free_line(unsigned n);
    int set_line_affinity(unsigned n, unsigned cpu) override;
    // drive the pin (edge: a pulse; level: high until the handler clears it) and
    // book the event; `expect` false = the source is masked/freed, nothing may
    // arrive: the pin is driven but nothing is booked
    void inject_line(unsigned n, bool expect);
    void inject_line(unsigned n) override { inject_line(n, true); }
    void book_undriven_line_event(unsigned n) override;
    // disable_irq / enable_irq on the line's virq (as CPU 0), with the scoreboard
    // told: silenced while disabled; on enable, an event the GIC kept meanwhile (a
    // level line still high, an edge latched pending) is booked and must arrive.
    void disable_line(unsigned n);
    void enable_line(unsigned n);

    // ---- the handler side ----
    // book a handler entry for virq on the current CPU (scoreboard + hop monitor
    // + functional coverage)
    void handler_entry(unsigned virq);
    // the same without the scoreboard: for handlers that book their events
    // themselves (hop monitor + functional coverage)
    void cover_handler(unsigned virq);
    // an MSI vector was allocated / freed: functional coverage counts it when
    // other events are in flight
    void cover_msi_change(bool alloc);
    // functional coverage of this session (nullptr unless IRQSIM_FCOV_DIR is set)
    class FabricCoverageProbe* coverage() { return fcov_.get(); }

    // ---- diagnosis and latency reports (soc_session_diagnosis.cpp) ----
    std::vector<HopStep> line_hops(const LineSource& l, unsigned cpu) const;
    // SGI delivery: the sender's SGI1R write, the SGI pending at the target, its
    // irq line, IAR, handler
    std::vector<HopStep> sgi_hops(unsigned sgi, unsigned virq, unsigned cpu) const;
    // a ring completion: VINT rise, its INTR output, the SPI pending, irq line, IAR, handler
    // (empty while the ring has no channel or its VINT is not routed)
    std::vector<HopStep> ring_hops(unsigned r, unsigned cpu) const;
    // "reached SpiPending at +12, never reached IrqOut (pe 2)" for an event
    std::string diagnose(const std::vector<HopStep>& chain, uint64_t after) const;
    // per-hop median latency text over delivered line events
    std::string hop_latency_report() const;
    // a description of every lost event (first missing hop), capped
    std::vector<std::string> explain_losses(size_t max = 10) const;

    // ---- the model's parameters and address map (SocParams: gicd_base, gicr_frame(pe),
    // gicr_sgi_frame(pe), timer_frame(cpu)...), which boot() checked the tree's reg against ----
    const SocParams& soc() const;

    // ---- TI path (INTA/INTR) ----
    // the probed "irqsim,dma-ring" device, nullptr if the tree has none
    struct dma_ring_device* dma() { return dma_; }
    unsigned num_rings() const override { return rings_ ? rings_->count() : 0; }
    RingChannel& ring(unsigned r) { return rings_->ring(r); }
    // dma_ring_request_channel (as CPU 0): the ring's vector is allocated now.
    // -EAGAIN while the ring still has descriptors pending from an earlier
    // channel (they would raise events nobody booked); else the driver's answer.
    int request_ring(unsigned r) override;
    // dma_ring_release_channel; the ring is silenced first (nothing may arrive)
    int release_ring(unsigned r) override;
    // post n descriptors; with a channel, n completions are booked (they may
    // coalesce on the VINT status bit)
    int post_ring(unsigned r, unsigned n) override;
    bool ring_active(unsigned r) const override { return rings_->ring(r).active; }
    // where a ring's completion handler may run: the effective affinity of the
    // GIC SPI under its VINT (the INTA's chained parent irq, found through the
    // INTR domain: input NUM_INTR_LINES + vint); every CPU if not found
    CpuSet ring_cpus(unsigned r) const;
    // an INTA VINT's parent irq (the INTR level: input NUM_INTR_LINES + vint),
    // 0 while the VINT is not in use; where every event on that VINT is handled
    // (its effective affinity; every CPU if not found)
    unsigned vint_parent_virq(unsigned vint) const;
    CpuSet vint_cpus(unsigned vint) const;
    // median cycles from the VINT rising (the hop monitor's VintOut) and from
    // the doorbell to the handler entry, over delivered ring events
    std::string ring_latency_report() const;
    std::vector<uint64_t> ring_vint_latencies() const;

    // the driver's log lines (below debug; capped at DriverLog::kMaxLines)
    const std::vector<std::string>& log() const { return log_.lines(); }

    // the CPUs the driver's effective affinity of virq names
    CpuSet effective_cpus(unsigned virq) const override;

private:
    bool load_tree(std::string* err);
    bool boot_steps(std::string* err);

    SessionConfig cfg_;
    DriverLog log_;
    std::vector<uint8_t> dtb_;  // the tree booted (load_tree)
    SocParams tree_params_;     // the model it asks for (tree_soc_params)
    std::string tree_err_;      // why the tree could not be loaded: boot()'s answer
    std::unique_ptr<Sim> sim_;
    Scoreboard sb_;
    LineAgent lines_{*this};
    struct device_node* lines_node_ = nullptr;
    struct dma_ring_device* dma_ = nullptr;
    std::unique_ptr<DmaRingAgent> rings_;  // when the tree has the device
    // LineHost
    void set_pin(unsigned line, bool high) override { sim_->lines().set(line, high); }
    void pulse_pin(unsigned line) override { sim_->lines().pulse(line, 1); }
    bool pin(unsigned line) const override { return sim_->lines().get(line); }
    void on_line_handler(unsigned virq) override { cover_handler(virq); }
    // DmaRingHost
    CpuSet channel_cpus(const RingChannel& rc) const override { return ring_cpus(rc.ring); }
    unsigned ring_vint(unsigned ring) const override;
    void on_ring_handler(unsigned virq) override { cover_handler(virq); }
    void on_channel_change(bool requested) override { cover_msi_change(requested); }
    bool booted_ = false;
    std::unique_ptr<class FabricCoverageProbe> fcov_;
};

}  // namespace irqsim
