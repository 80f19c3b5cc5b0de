// SPDX-License-Identifier: MIT
//
// dma-ring: the TI K3-style path end to end.  A DMA ring's completion raises
// its event -> INTA (IMAP -> VINT status bit) -> INTR (MUXCNTL) -> GIC SPI ->
// CPU.  A random subset of the rings is requested as channels (each ring's
// INTA-MSI vector allocated on demand, the firmware model programming the
// routes), descriptors are posted on random rings, and rings are released and
// requested again while traffic flows.  Each completion is booked on the
// scoreboard; a handler reads its ring's COMPLETED counter and answers the
// completions it observed (several completions on a set VINT status bit merge
// into one run: counted as coalesced).  Allowed CPUs: the effective affinity of
// the GIC SPI under the ring's VINT (all rings share VINTs, so their affinity is
// the SPI's, not chosen per ring).
#include "soc_common.h"

namespace irqsim {

RunResult run_dma_ring(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    SocSession s(session_config(cfg));
    if (!boot_or_fail(s, r))
        return r;
    TrafficResult t;
    if (!run_traffic(s, cfg, t0, dma_ring_traffic, r, &t))
        return r;
    s.drain(400000);
    const unsigned nr = s.num_rings();
    const uint64_t requested = t.channels_requested, released = t.channels_released, posted = t.events;
    // every completion of an active channel reached a handler (the device agrees)
    uint64_t booked = 0, observed = 0, empty = 0, active = 0;
    for (unsigned ring = 0; ring < nr; ring++) {
        RingChannel& rc = s.ring(ring);
        booked += rc.posted;
        observed += rc.observed;
        empty += rc.empty_runs;
        active += rc.active;
    }
    r.figures["rings"] = nr;
    r.figures["channels requested"] = static_cast<double>(requested);
    r.figures["channels released"] = static_cast<double>(released);
    r.figures["channels active at the end"] = static_cast<double>(active);
    r.figures["descriptors posted"] = static_cast<double>(posted);
    r.figures["completions booked"] = static_cast<double>(booked);
    r.figures["completions seen by handlers"] = static_cast<double>(observed);
    r.figures["handler runs with nothing new"] = static_cast<double>(empty);
    const auto& fw = s.sim().firmware().stats();
    r.figures["firmware set_event_map"] = static_cast<double>(fw.set_event_map);
    r.figures["firmware free_event_map"] = static_cast<double>(fw.free_event_map);
    r.figures["firmware set_irq"] = static_cast<double>(fw.set_irq);
    r.figures["firmware refused"] = static_cast<double>(fw.refused);
    r.notes.push_back(s.ring_latency_report());
    r.notes.push_back("allowed CPUs: the effective affinity of the GIC SPI under each ring's VINT "
                      "(VINTs are shared by up to 64 events, so rings cannot be routed individually)");
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
