// SPDX-License-Identifier: MIT
// A GTKWave save file for a windowed trace of one failing event: the topology's
// view (waves/*.gtkw) with the dump file replaced, zoomed to the window, named
// markers at the event's hops, and a highlighted group of the failing INTID's
// signals on top.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace irqsim {

struct WaveMarker {
    std::string name;  // no spaces (GTKWave shows it above the marker line)
    uint64_t cycle = 0;
};

struct FailureView {
    std::string view_text;            // contents of the topology's .gtkw ("" = only the failure group)
    std::string fst_path;             // the windowed trace
    uint64_t start = 0, end = 0;      // the window, cycles (1 cycle = 1000 trace time units)
    std::vector<WaveMarker> markers;  // at most 26 (A..Z)
    std::string title;                // the group heading, e.g. "lost: line5 INTID 37 (virq 12) -> cpu 2"
    unsigned intid = 0;               // SPI INTID of the failing event (0 = not a GIC line)
    int cpu = -1;                     // the CPU it was expected on / ran on
};

// the waves/ view that shows a scenario's path ("spi", "ipi", "dma-ring")
std::string view_for_scenario(const std::string& scenario_label);

// the .gtkw text
std::string failure_gtkw(const FailureView& v);

}  // namespace irqsim
