// SPDX-License-Identifier: MIT
#include "tree_model.h"

#include <libfdt.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace irqsim {

namespace {

class TreeReader {
public:
    TreeReader(const void* fdt, std::string* err) : fdt_(fdt), err_(err) {}

    bool fail(int node, const char* prop, const std::string& what)
    {
        char path[512] = "/";
        if (node >= 0 && fdt_get_path(fdt_, node, path, sizeof path) != 0)
            std::snprintf(path, sizeof path, "%s", fdt_get_name(fdt_, node, nullptr));
        *err_ = std::string("device tree ") + path + ": " + prop + ": " + what;
        return false;
    }

    int find(const char* compatible) const { return fdt_node_offset_by_compatible(fdt_, -1, compatible); }

    // one u32 cell; absent: true, *v untouched (unless required)
    bool u32(int node, const char* prop, unsigned* v, bool required = false)
    {
        int len = 0;
        const fdt32_t* p = static_cast<const fdt32_t*>(fdt_getprop(fdt_, node, prop, &len));
        if (!p)
            return required ? fail(node, prop, "missing") : true;
        if (len != 4)
            return fail(node, prop, "must be one u32 cell");
        *v = fdt32_to_cpu(*p);
        return true;
    }

    // the start address of reg entry `index`, in the parent's #address-cells;
    // absent entry: true, *addr untouched
    bool reg_start(int node, size_t index, uint32_t* addr)
    {
        int parent = fdt_parent_offset(fdt_, node);
        int na = parent >= 0 ? fdt_address_cells(fdt_, parent) : 2;
        int ns = parent >= 0 ? fdt_size_cells(fdt_, parent) : 1;
        if (na < 1 || na > 2 || ns < 0 || ns > 2)
            return fail(parent, "#address-cells", "address/size cells of 1..2 / 0..2 expected");
        int len = 0;
        const fdt32_t* p = static_cast<const fdt32_t*>(fdt_getprop(fdt_, node, "reg", &len));
        size_t entry = 4u * static_cast<size_t>(na + ns);
        if (!p || static_cast<size_t>(len) < entry * (index + 1))
            return true;
        const fdt32_t* e = p + index * static_cast<size_t>(na + ns);
        uint64_t a = na == 2 ? (static_cast<uint64_t>(fdt32_to_cpu(e[0])) << 32 | fdt32_to_cpu(e[1]))
                             : fdt32_to_cpu(e[0]);
        if (a > 0xffffffffull)
            return fail(node, "reg",
                        "the fabric decodes 32-bit addresses; entry " + std::to_string(index) +
                            " is above 4 GB");
        *addr = static_cast<uint32_t>(a);
        return true;
    }

    // <first parent count> triples; empty when absent
    bool triples(int node, const char* prop, std::vector<std::array<uint32_t, 3>>* out)
    {
        out->clear();
        int len = 0;
        const fdt32_t* p = static_cast<const fdt32_t*>(fdt_getprop(fdt_, node, prop, &len));
        if (!p)
            return true;
        if (len == 0 || len % 12)
            return fail(node, prop, "must be <first parent count> triples");
        for (int i = 0; i < len / 12; i++)
            out->push_back({fdt32_to_cpu(p[3 * i]), fdt32_to_cpu(p[3 * i + 1]), fdt32_to_cpu(p[3 * i + 2])});
        return true;
    }

    const void* fdt_;
    std::string* err_;
};

}  // namespace

bool tree_soc_params(const std::vector<uint8_t>& dtb, SocParams* out, std::string* err)
{
    const void* fdt = dtb.data();
    if (dtb.size() < sizeof(struct fdt_header) || fdt_check_header(fdt) != 0 ||
        fdt_totalsize(fdt) > dtb.size()) {
        *err = "device tree blob: malformed";
        return false;
    }
    TreeReader t(fdt, err);
    SocParams sp;  // the RTL's defaults for what the tree leaves out

    int params = fdt_path_offset(fdt, "/soc/irqsim,params");
    if (params < 0) {
        *err = "device tree: node /soc/irqsim,params missing (it states the CPU, SPI and line counts)";
        return false;
    }
    unsigned coproc = 0;
    if (!t.u32(params, "irqsim,cpus", &sp.num_cpus, true) ||
        !t.u32(params, "irqsim,spis", &sp.num_spis, true) ||
        !t.u32(params, "irqsim,lines", &sp.num_lines, true) ||
        !t.u32(params, "irqsim,coprocessor", &coproc, true))
        return false;
    sp.has_coproc = coproc != 0;

    int gic = t.find("arm,gic-v3");
    if (gic >= 0 && (!t.reg_start(gic, 0, &sp.gicd_base) || !t.reg_start(gic, 1, &sp.gicr_base)))
        return false;
    int timer = t.find("irqsim,timer");
    if (timer >= 0 && !t.reg_start(timer, 0, &sp.timer_base))
        return false;

    std::vector<std::array<uint32_t, 3>> ranges;
    int intr = t.find("ti,sci-intr");
    if (intr >= 0) {
        if (!t.reg_start(intr, 0, &sp.intr_base) || !t.triples(intr, "ti,interrupt-ranges", &ranges))
            return false;
        if (!ranges.empty()) {
            // output n drives INTID 32 + INTR_OUT_SPI + n: from the first triple
            const auto& r0 = ranges.front();
            if (r0[1] < 32 + r0[0])
                return t.fail(intr, "ti,interrupt-ranges",
                              "output " + std::to_string(r0[0]) + " to GIC INTID " + std::to_string(r0[1]) +
                                  ": not an SPI");
            sp.intr_out_spi = r0[1] - 32 - r0[0];
            uint64_t outs = 0;
            for (const auto& r : ranges)
                outs = std::max<uint64_t>(outs, static_cast<uint64_t>(r[0]) + r[2]);
            sp.num_intr_out = static_cast<unsigned>(std::min<uint64_t>(outs, 1u << 16));
        }
    }
    int inta = t.find("ti,sci-inta");
    if (inta >= 0) {
        if (!t.reg_start(inta, 0, &sp.inta_base) || !t.triples(inta, "ti,interrupt-ranges", &ranges))
            return false;
        if (!ranges.empty()) {
            // VINT v is INTR input NUM_INTR_LINES + v: from the first triple
            const auto& r0 = ranges.front();
            if (r0[1] < r0[0])
                return t.fail(inta, "ti,interrupt-ranges",
                              "VINT " + std::to_string(r0[0]) + " to INTR input " + std::to_string(r0[1]) +
                                  ": below the VINT number");
            sp.num_intr_lines = r0[1] - r0[0];
            uint64_t vints = 0;
            for (const auto& r : ranges)
                vints = std::max<uint64_t>(vints, static_cast<uint64_t>(r[0]) + r[2]);
            sp.num_vints = static_cast<unsigned>(std::min<uint64_t>(vints, 1u << 16));
        }
        // the hardware's event count: the binding's ti,sci-rm-range-global-event is
        // only the host's share (what the firmware grants), not the INTA's size
        if (!t.u32(inta, "irqsim,num-events", &sp.num_events))
            return false;
    }
    int dma = t.find("irqsim,dma-ring");
    if (dma >= 0 && (!t.reg_start(dma, 0, &sp.dma_base) || !t.u32(dma, "irqsim,num-rings", &sp.num_rings)))
        return false;
    int ims = t.find("irqsim,ims");
    if (ims >= 0 &&
        (!t.reg_start(ims, 0, &sp.ims_base) || !t.u32(ims, "irqsim,num-slots", &sp.num_ims_slots)))
        return false;
    // What the RTL can be (rtl/soc/README.md): a topology beyond it is refused
    // here, naming the property, instead of failing a model build minutes later.
    struct Limit {
        int node;
        const char* prop;
        uint64_t value, lo, hi;
        const char* why;
    } limits[] = {
        {params, "irqsim,cpus", sp.num_cpus, 1, 64, "the GIC's PEs (Aff1 0..3, Aff0 0..15)"},
        {params, "irqsim,spis", sp.num_spis, 32, 992, "GICD_TYPER.ITLinesNumber"},
        {params, "irqsim,lines", sp.num_lines, 1, sp.num_spis, "lines drive SPIs 0.. (irqsim,spis)"},
        {intr, "ti,interrupt-ranges", uint64_t{sp.intr_out_spi} + sp.num_intr_out, 1, sp.num_spis,
         "the INTR's outputs must land on SPIs (irqsim,spis)"},
        {inta, "ti,interrupt-ranges", uint64_t{sp.num_intr_lines} + sp.num_vints, 1, 1024,
         "the INTR's 10-bit input select"},
        {inta, "irqsim,num-events", sp.num_events, 1, 65536, "16-bit global event ids"},
        {dma, "irqsim,num-rings", sp.num_rings, 1, 4096, "0x100 per ring in the 1 MB ring region"},
        {ims, "irqsim,num-slots", sp.num_ims_slots, 1, 240, "the IMS device's slot registers"},
    };
    for (const auto& l : limits) {
        if (l.value >= l.lo && l.value <= l.hi)
            continue;
        return t.fail(l.node, l.prop,
                      std::to_string(l.value) + " is beyond what the RTL can be (" + std::to_string(l.lo) +
                          ".." + std::to_string(l.hi) + ": " + l.why + ")");
    }
    if (sp.num_spis % 32)
        return t.fail(params, "irqsim,spis", std::to_string(sp.num_spis) + " is not a multiple of 32");
    *out = sp;
    return true;
}

}  // namespace irqsim
