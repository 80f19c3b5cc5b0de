// SPDX-License-Identifier: MIT
#include <cstdio>

#include "scenario.h"

namespace irqsim {

const std::vector<Scenario>& scenarios()
{
    static const std::vector<Scenario> list = {
        {"spi", "device lines -> GICv3 SPIs -> CPUs by affinity (level + edge), affinity moved under traffic",
         run_spi},
        {"ipi", "IPIs through ICC_SGI1R to random CPU masks (self, all, any), reserved via irq_reserve_ipi",
         run_ipi},
        {"dma-ring",
         "TI path: DMA-ring completions -> INTA (event map, VINT) -> INTR -> GIC -> CPU, MSIs allocated per ring "
         "on demand, channels requested/released under traffic",
         run_dma_ring},
        {"mbi",
         "GICv3 MBI: IMS slots and the CPU write {GICD_SETSPI_NSR, SPI INTID} -> SPI -> CPU by affinity",
         run_mbi},
        {"ims",
         "IMS device slots through the device's own MSI domain over --parent mbi|lpi|inta: fire, "
         "retarget, mask (PENDING, sent once on unmask), release/request under traffic",
         run_ims},
        {"lpi",
         "GICv3 DirectLPI: MSI writes {GICR_SETLPIR of the target CPU, LPI INTID} -> CPU, Multi-MSI "
         "block, affinity moved and vectors masked under traffic",
         run_lpi},
        {"core-demo", "host-only: MSI -> mux -> root hierarchy on a fake message-decoding fabric (no RTL)",
         run_core_demo},
    };
    return list;
}

const Scenario* find_scenario(const std::string& name)
{
    const std::string current = canonical_scenario_name(name);
    for (const auto& s : scenarios())
        if (s.name == current)
            return &s;
    return nullptr;
}

std::string capture_view(const std::function<void(FILE*)>& fn)
{
    char* buf = nullptr;
    size_t len = 0;
    FILE* f = open_memstream(&buf, &len);
    if (!f)
        return {};
    fn(f);
    fclose(f);
    std::string out(buf, len);
    free(buf);
    return out;
}

}  // namespace irqsim
