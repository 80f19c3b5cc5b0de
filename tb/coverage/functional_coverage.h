// SPDX-License-Identifier: MIT
// Functional coverage of the interrupt fabric: named points, each with the bins
// the testbench should reach (declared once, in fabric_coverage_model()), and
// hit counts.  The harness hits bins as things happen (SocSession); a process
// run with IRQSIM_FCOV_DIR set writes its counts to $IRQSIM_FCOV_DIR/fcov-<pid>.json
// at exit, and irqsim-coverage-report merges those files.
//
// File format (schema irqsim-fcov/1):
//   {"schema": "irqsim-fcov/1", "points": {"<point>": {"<bin>": hits, ...}, ...}}
// Declared bins appear with 0 hits; a hit on a bin the model does not declare is
// kept (it shows up as "not in the model" in the report).
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace irqsim {

using CoverageCounts = std::map<std::string, std::map<std::string, uint64_t>>;

class FunctionalCoverage {
public:
    // The process-wide collector; its counts are written at exit when
    // IRQSIM_FCOV_DIR is set.
    static FunctionalCoverage& instance();

    void declare(const std::string& point, const std::string& bin);
    void hit(const std::string& point, const std::string& bin, uint64_t n = 1);
    // true when hits are being collected (IRQSIM_FCOV_DIR set, or enabled by a test)
    bool enabled() const { return enabled_; }
    void set_enabled(bool on) { enabled_ = on; }

    CoverageCounts counts() const;
    void clear();

    // write {"schema", "points"} to path; false if it cannot
    bool write(const std::string& path) const;

private:
    FunctionalCoverage();
    mutable std::mutex mu_;
    CoverageCounts counts_;
    bool enabled_ = false;
};

// Every point and bin the fabric's verification should reach, for a SoC with
// `cpus` application CPUs (the coverage build runs the 4-CPU model):
//   delivery          <path>/<trigger>/cpu<N>/eoimode<0|1>: a handler ran for an
//                     interrupt of that path and trigger on CPU N in that EOI mode
//   preemption        nested-ack: a CPU acknowledged an interrupt while another was active
//   pmr               held-then-delivered: pending while the CPU's PMR masked it,
//                     taken after PMR was lowered
//   lpi-maintenance   INVLPIR, INVALLR, SYNCR: the driver's DirectLPI invalidations
//   vint-grouping     vint0, vint1+: events on the first INTA VINT, and on a later one
//                     (opened when 64 events share the first)
//   msi-under-traffic alloc, free: an MSI vector allocated/freed while events are in flight
//   ipi-mask          self, one-other, several, all-but-self: ICC_SGI1R target sets
void fabric_coverage_model(FunctionalCoverage& fc, unsigned cpus);

// Merge `add` into `into` (sum of hits, union of bins).
void merge_coverage(CoverageCounts& into, const CoverageCounts& add);
// Read a file written by FunctionalCoverage::write; false + *err if malformed.
bool read_coverage(const std::string& path, CoverageCounts* out, std::string* err);

}  // namespace irqsim
