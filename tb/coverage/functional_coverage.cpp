// SPDX-License-Identifier: MIT
#include "functional_coverage.h"

#include <nlohmann/json.hpp>

#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace irqsim {

namespace {

// At exit, the process's counts go to $IRQSIM_FCOV_DIR (one file per process:
// tests and regressions run many processes at once).
void write_at_exit()
{
    const char* dir = std::getenv("IRQSIM_FCOV_DIR");
    if (!dir || !dir[0])
        return;
    FunctionalCoverage& fc = FunctionalCoverage::instance();
    bool any = false;
    for (const auto& [point, bins] : fc.counts())
        for (const auto& [bin, n] : bins)
            any |= n != 0;
    if (any)
        fc.write(std::string(dir) + "/fcov-" + std::to_string(getpid()) + ".json");
}

}  // namespace

FunctionalCoverage::FunctionalCoverage()
{
    const char* dir = std::getenv("IRQSIM_FCOV_DIR");
    enabled_ = dir && dir[0];
}

FunctionalCoverage& FunctionalCoverage::instance()
{
    static FunctionalCoverage fc;
    // registered once fc is complete, so that it runs before fc's destructor
    static const bool registered = fc.enabled_ && std::atexit(write_at_exit) == 0;
    (void)registered;
    return fc;
}

void FunctionalCoverage::declare(const std::string& point, const std::string& bin)
{
    std::lock_guard<std::mutex> lock(mu_);
    counts_[point].emplace(bin, 0);
}

void FunctionalCoverage::hit(const std::string& point, const std::string& bin, uint64_t n)
{
    if (!enabled_)
        return;
    std::lock_guard<std::mutex> lock(mu_);
    counts_[point][bin] += n;
}

CoverageCounts FunctionalCoverage::counts() const
{
    std::lock_guard<std::mutex> lock(mu_);
    return counts_;
}

void FunctionalCoverage::clear()
{
    std::lock_guard<std::mutex> lock(mu_);
    counts_.clear();
}

bool FunctionalCoverage::write(const std::string& path) const
{
    nlohmann::json j;
    j["schema"] = "irqsim-fcov/1";
    j["points"] = counts();
    std::ofstream f(path);
    f << j.dump(1) << "\n";
    return static_cast<bool>(f);
}

void fabric_coverage_model(FunctionalCoverage& fc, unsigned cpus)
{
    // the triggers each path can have on this SoC (rtl/soc/irqsim_soc.dts)
    const std::map<std::string, std::vector<std::string>> paths = {
        {"spi", {"level", "edge"}},   // device lines 0-15 level, 16-31 edge
        {"ppi", {"level"}},           // per-CPU timers
        {"sgi", {"edge"}},            // IPIs
        {"dma-ring", {"edge"}},       // DMA ring -> INTA VINT -> INTR -> GIC (MSI-INTA: edge)
        {"ti-intr-line", {"level"}},  // device lines on the INTR
        {"lpi", {"edge"}},            // DirectLPI
        {"mbi", {"edge"}},            // GICD_SETSPI_NSR
        {"ims-mbi", {"edge"}},        // the IMS device over each parent
        {"ims-lpi", {"edge"}},       {"ims-inta", {"edge"}},  // (MSI-INTA: edge)
    };
    // Paths through the INTA reach CPU 0 only: the INTA refuses set_affinity (a
    // VINT carries up to 64 events, moving one would move its VINT-mates), so an
    // event runs where its VINT's GIC SPI is routed, the boot CPU.
    auto cpus_of = [cpus](const std::string& path) {
        return path == "dma-ring" || path == "ims-inta" ? 1u : cpus;
    };
    for (const auto& [path, triggers] : paths)
        for (const auto& trig : triggers)
            for (unsigned c = 0; c < cpus_of(path); c++)
                for (int eoi = 0; eoi < 2; eoi++)
                    fc.declare("delivery", path + "/" + trig + "/cpu" + std::to_string(c) + "/eoimode" +
                                               std::to_string(eoi));
    fc.declare("preemption", "nested-ack");
    fc.declare("pmr", "held-then-delivered");
    for (const char* b : {"INVLPIR", "INVALLR", "SYNCR"})
        fc.declare("lpi-maintenance", b);
    for (const char* b : {"vint0", "vint1+"})
        fc.declare("vint-grouping", b);
    for (const char* b : {"alloc", "free"})
        fc.declare("msi-under-traffic", b);
    for (const char* b : {"self", "one-other", "several", "all-but-self"})
        fc.declare("ipi-mask", b);
}

void merge_coverage(CoverageCounts& into, const CoverageCounts& add)
{
    for (const auto& [point, bins] : add)
        for (const auto& [bin, n] : bins)
            into[point][bin] += n;
}

bool read_coverage(const std::string& path, CoverageCounts* out, std::string* err)
{
    std::ifstream f(path);
    if (!f) {
        *err = path + ": cannot read";
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(f, nullptr, false);
    if (j.is_discarded() || !j.is_object() || j.value("schema", "") != "irqsim-fcov/1" ||
        !j.contains("points") || !j["points"].is_object()) {
        *err = path + ": not an irqsim-fcov/1 file";
        return false;
    }
    for (const auto& [point, bins] : j["points"].items()) {
        if (!bins.is_object()) {
            *err = path + ": point " + point + " is not an object";
            return false;
        }
        for (const auto& [bin, n] : bins.items()) {
            if (!n.is_number_unsigned()) {
                *err = path + ": " + point + "/" + bin + " is not a count";
                return false;
            }
            (*out)[point][bin] += n.get<uint64_t>();
        }
    }
    return true;
}

}  // namespace irqsim
