// SPDX-License-Identifier: MIT
#include "tree_check.h"

#include "gic_dist_regs.h"
#include "gic_redist_regs.h"

#include <libfdt.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <map>

namespace irqsim {

namespace {

constexpr unsigned kMaxInterruptCells = 16;        // OF_MAX_PHANDLE_ARGS of the driver
constexpr uint64_t kRdistFrame = GIC_REDIST_SIZE;  // RD_base + SGI_base, no VLPI frames
constexpr unsigned kLpiIdBitsMin = 14, kLpiIdBitsMax = 20;
constexpr unsigned kTimerPpi = 14;           // the RTL wires each timer to PPI 14
constexpr uint64_t kIntaDoorbellEnd = 0x14;  // doorbell at CFG + 0x10, 4 bytes

struct Node {
    int off;
    int parent;  // index, -1 for the root
    std::string path;
    uint32_t phandle;
};

struct Region {
    uint64_t start, size;
    int node;
};

struct Spec {
    int ctl;  // controller node index
    std::vector<uint32_t> cells;
};

class Checker {
public:
    Checker(const void* fdt, const TreeLimits& lim, std::string* err) : fdt_(fdt), lim_(lim), err_(err) {}

    bool run();

private:
    const void* fdt_;
    const TreeLimits& lim_;
    std::string* err_;
    std::vector<Node> nodes_;

    bool fail(int n, const std::string& prop, const std::string& what)
    {
        *err_ = "device tree " + (n >= 0 ? nodes_[static_cast<size_t>(n)].path : std::string("/")) + ": " +
                prop + ": " + what;
        return false;
    }

    const fdt32_t* prop(int n, const char* name, int* len) const
    {
        *len = 0;
        const void* v = fdt_getprop(fdt_, nodes_[static_cast<size_t>(n)].off, name, len);
        if (!v)
            *len = 0;
        return static_cast<const fdt32_t*>(v);
    }
    bool has(int n, const char* name) const
    {
        int len;
        return prop(n, name, &len) != nullptr;
    }
    bool compatible(int n, const char* c) const
    {
        return fdt_node_check_compatible(fdt_, nodes_[static_cast<size_t>(n)].off, c) == 0;
    }
    int find_compatible(const char* c) const
    {
        for (size_t i = 0; i < nodes_.size(); i++)
            if (compatible(static_cast<int>(i), c))
                return static_cast<int>(i);
        return -1;
    }
    int by_phandle(uint32_t ph) const
    {
        if (ph == 0 || ph == 0xffffffffu)
            return -1;
        for (size_t i = 0; i < nodes_.size(); i++)
            if (nodes_[i].phandle == ph)
                return static_cast<int>(i);
        return -1;
    }
    std::string hex(uint64_t v) const
    {
        char b[32];
        std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
        return b;
    }

    bool build();
    // a property that must be exactly @count cells (absent: *present = false)
    bool cells(int n, const char* name, size_t count, std::vector<uint32_t>* out, bool* present = nullptr);
    bool u32(int n, const char* name, uint32_t* out, bool* present);
    bool string_prop(int n, const char* name, std::string* out, bool* present);
    bool phandle_prop(int n, const char* name, int* target, bool* present);
    bool interrupt_cells(int ctl, int user, unsigned* count);
    bool interrupt_parent(int n, int* ctl);
    bool interrupts(int n, std::vector<Spec>* specs);
    bool reg(int n, std::vector<Region>* out);
    bool ranges3(int n, const char* name, std::vector<std::array<uint32_t, 3>>* out);

    bool check_cpus();
    bool check_gic(int gic);
    bool check_interrupts(int gic, int intr);
    bool check_intr(int gic, int intr);
    bool check_inta(int intr, int inta);
    bool check_msi_clients(int gic, int inta);
    bool check_ti_sci();
    bool check_regs();
    bool check_bases();
    bool check_ids();
};

bool Checker::build()
{
    std::vector<int> stack;
    int depth = 0;
    for (int off = 0; off >= 0 && depth >= 0; off = fdt_next_node(fdt_, off, &depth)) {
        if (depth > 64) {
            *err_ = "device tree: nodes nested deeper than 64 levels";
            return false;
        }
        stack.resize(static_cast<size_t>(depth));
        Node nd;
        nd.off = off;
        nd.parent = depth ? stack[static_cast<size_t>(depth) - 1] : -1;
        const char* name = fdt_get_name(fdt_, off, nullptr);
        if (depth == 0)
            nd.path = "/";
        else
            nd.path = (nodes_[static_cast<size_t>(nd.parent)].path == "/"
                           ? ""
                           : nodes_[static_cast<size_t>(nd.parent)].path) +
                      "/" + (name ? name : "?");
        nd.phandle = fdt_get_phandle(fdt_, off);
        stack.push_back(static_cast<int>(nodes_.size()));
        nodes_.push_back(nd);
    }
    if (nodes_.empty()) {
        *err_ = "device tree: no root node";
        return false;
    }
    return true;
}

bool Checker::cells(int n, const char* name, size_t count, std::vector<uint32_t>* out, bool* present)
{
    int len;
    const fdt32_t* v = prop(n, name, &len);
    if (present)
        *present = v != nullptr;
    if (!v)
        return present ? true : fail(n, name, "missing");
    if (len < 0 || static_cast<size_t>(len) != count * 4)
        return fail(n, name,
                    "must be " + std::to_string(count) + " u32 cell" + (count == 1 ? "" : "s") + " (it is " +
                        std::to_string(len) + " bytes)");
    out->clear();
    for (size_t i = 0; i < count; i++)
        out->push_back(fdt32_to_cpu(v[i]));
    return true;
}

bool Checker::u32(int n, const char* name, uint32_t* out, bool* present)
{
    std::vector<uint32_t> v;
    if (!cells(n, name, 1, &v, present))
        return false;
    if (!present || *present)
        *out = v[0];
    return true;
}

bool Checker::string_prop(int n, const char* name, std::string* out, bool* present)
{
    int len;
    const char* s = reinterpret_cast<const char*>(prop(n, name, &len));
    *present = s != nullptr;
    if (!s)
        return true;
    if (len <= 1 || strnlen(s, static_cast<size_t>(len)) != static_cast<size_t>(len) - 1)
        return fail(n, name, "must be one string");
    *out = s;
    return true;
}

bool Checker::phandle_prop(int n, const char* name, int* target, bool* present)
{
    uint32_t ph = 0;
    if (!u32(n, name, &ph, present))
        return false;
    if (!*present)
        return true;
    *target = by_phandle(ph);
    if (*target < 0)
        return fail(n, name, "phandle " + hex(ph) + " matches no node");
    return true;
}

bool Checker::interrupt_cells(int ctl, int user, unsigned* count)
{
    uint32_t c = 0;
    bool present;
    if (!u32(ctl, "#interrupt-cells", &c, &present))
        return false;
    if (!present)
        return fail(user, "interrupt-parent",
                    nodes_[static_cast<size_t>(ctl)].path + " has no #interrupt-cells");
    if (c < 1 || c > kMaxInterruptCells)
        return fail(ctl, "#interrupt-cells",
                    std::to_string(c) + " out of range 1.." + std::to_string(kMaxInterruptCells));
    *count = c;
    return true;
}

// The walk of the driver's of_irq_find_parent, bounded: more steps than nodes is a loop.
bool Checker::interrupt_parent(int n, int* ctl)
{
    int p = n;
    size_t steps = 0;
    do {
        if (++steps > nodes_.size())
            return fail(n, "interrupt-parent",
                        "chain loops through " + nodes_[static_cast<size_t>(p)].path +
                            " without reaching a node with #interrupt-cells");
        int next = -1;
        bool present;
        if (!phandle_prop(p, "interrupt-parent", &next, &present))
            return false;
        if (present) {
            if (!has(next, "#interrupt-cells") && has(next, "interrupt-controller"))
                return fail(p, "interrupt-parent",
                            nodes_[static_cast<size_t>(next)].path +
                                " is an interrupt-controller without #interrupt-cells");
            p = next;
        } else {
            p = nodes_[static_cast<size_t>(p)].parent;
        }
    } while (p >= 0 && !has(p, "#interrupt-cells"));
    if (p < 0)
        return fail(n, "interrupts",
                    "no interrupt parent (no interrupt-parent, no ancestor with #interrupt-cells)");
    *ctl = p;
    return true;
}

bool Checker::interrupts(int n, std::vector<Spec>* specs)
{
    specs->clear();
    int len;
    const fdt32_t* v = prop(n, "interrupts-extended", &len);
    if (v) {
        if (len % 4)
            return fail(n, "interrupts-extended", "length is not a multiple of 4 bytes");
        size_t pos = 0, total = static_cast<size_t>(len) / 4;
        while (pos < total) {
            uint32_t ph = fdt32_to_cpu(v[pos]);
            int ctl = by_phandle(ph);
            if (ctl < 0)
                return fail(n, "interrupts-extended", "phandle " + hex(ph) + " matches no node");
            unsigned c;
            if (!interrupt_cells(ctl, n, &c))
                return false;
            if (pos + 1 + c > total)
                return fail(n, "interrupts-extended", "last entry is truncated");
            specs->push_back({ctl, std::vector<uint32_t>(v + pos + 1, v + pos + 1 + c)});
            for (auto& x : specs->back().cells)
                x = fdt32_to_cpu(x);
            pos += 1 + c;
        }
        return true;
    }
    v = prop(n, "interrupts", &len);
    if (!v)
        return true;
    int ctl;
    unsigned c;
    if (!interrupt_parent(n, &ctl) || !interrupt_cells(ctl, n, &c))
        return false;
    if (len == 0 || len % (4 * static_cast<int>(c)))
        return fail(n, "interrupts",
                    std::to_string(len) + " bytes is not a multiple of " + std::to_string(c) + " cells of " +
                        nodes_[static_cast<size_t>(ctl)].path);
    for (int i = 0; i < len / 4; i += static_cast<int>(c)) {
        Spec s{ctl, {}};
        for (unsigned k = 0; k < c; k++)
            s.cells.push_back(fdt32_to_cpu(v[i + static_cast<int>(k)]));
        specs->push_back(s);
    }
    return true;
}

bool Checker::reg(int n, std::vector<Region>* out)
{
    out->clear();
    int parent = nodes_[static_cast<size_t>(n)].parent;
    uint32_t na = 2, ns = 1;
    bool present;
    if (parent >= 0) {
        if (!u32(parent, "#address-cells", &na, &present) || !u32(parent, "#size-cells", &ns, &present))
            return false;
    }
    int len;
    const fdt32_t* v = prop(n, "reg", &len);
    if (!v)
        return true;
    if (na < 1 || na > 2 || ns > 2)
        return fail(parent, "#address-cells",
                    "unsupported #address-cells " + std::to_string(na) + " / #size-cells " +
                        std::to_string(ns));
    size_t stride = 4 * (na + ns);
    if (len == 0 || static_cast<size_t>(len) % stride)
        return fail(n, "reg",
                    std::to_string(len) + " bytes is not a multiple of " + std::to_string(na) + "+" +
                        std::to_string(ns) + " cells");
    for (size_t i = 0; i < static_cast<size_t>(len) / stride; i++) {
        const fdt32_t* e = v + i * (na + ns);
        uint64_t a = 0, s = 0;
        for (uint32_t k = 0; k < na; k++)
            a = (a << 32) | fdt32_to_cpu(e[k]);
        for (uint32_t k = 0; k < ns; k++)
            s = (s << 32) | fdt32_to_cpu(e[na + k]);
        out->push_back({a, s, n});
    }
    return true;
}

bool Checker::ranges3(int n, const char* name, std::vector<std::array<uint32_t, 3>>* out)
{
    out->clear();
    int len;
    const fdt32_t* v = prop(n, name, &len);
    if (!v)
        return true;
    if (len == 0 || len % 12)
        return fail(n, name, "must be <base parent-base count> triplets");
    for (int i = 0; i < len / 4; i += 3)
        out->push_back({fdt32_to_cpu(v[i]), fdt32_to_cpu(v[i + 1]), fdt32_to_cpu(v[i + 2])});
    return true;
}

bool Checker::check_cpus()
{
    int cpus = -1;
    for (size_t i = 0; i < nodes_.size(); i++)
        if (nodes_[i].path == "/cpus")
            cpus = static_cast<int>(i);
    if (cpus < 0)
        return fail(-1, "cpus", "node /cpus missing");
    unsigned app = 0, coproc = 0;
    std::map<uint32_t, int> mpidr;
    int beyond = -1;  // the first cpu node whose MPIDR is no PE (said after the counts)
    uint64_t beyond_aff = 0;
    for (size_t i = 0; i < nodes_.size(); i++) {
        if (nodes_[i].parent != cpus)
            continue;
        int n = static_cast<int>(i);
        std::vector<Region> r;
        if (!reg(n, &r))
            return false;
        if (r.size() != 1)
            return fail(n, "reg", "a cpu node needs exactly one reg (its MPIDR affinity)");
        uint64_t aff = r[0].start;
        auto dup = mpidr.find(static_cast<uint32_t>(aff));
        if (dup != mpidr.end())
            return fail(n, "reg",
                        "MPIDR " + hex(aff) + " already used by " +
                            nodes_[static_cast<size_t>(dup->second)].path);
        mpidr[static_cast<uint32_t>(aff)] = n;
        // the RTL numbers its PEs Aff0 = pe % 16, Aff1 = pe / 16
        uint64_t pe = (aff >> 8) * 16 + (aff & 0xff);
        if ((aff & 0xff) >= 16 || aff > 0xffff || pe >= lim_.cpus + (lim_.coproc ? 1 : 0)) {
            if (beyond < 0) {
                beyond = n;
                beyond_aff = aff;
            }
        } else if (has(n, "irqsim,coprocessor") && pe != lim_.cpus) {
            return fail(n, "reg",
                        "the coprocessor is PE " + std::to_string(lim_.cpus) + ", not " + std::to_string(pe));
        }
        if (has(n, "irqsim,coprocessor"))
            coproc++;
        else
            app++;
    }
    if (app != lim_.cpus)
        return fail(cpus, "cpu nodes",
                    std::to_string(app) + " application cpu nodes but irqsim,cpus is " +
                        std::to_string(lim_.cpus));
    if (coproc != (lim_.coproc ? 1u : 0u))
        return fail(cpus, "irqsim,coprocessor",
                    std::to_string(coproc) + " coprocessor cpu nodes but the RTL has " +
                        std::to_string(lim_.coproc ? 1 : 0));
    if (beyond >= 0)
        return fail(beyond, "reg",
                    "MPIDR " + hex(beyond_aff) + " is no PE of the RTL (" +
                        std::to_string(lim_.cpus + (lim_.coproc ? 1 : 0)) +
                        " PEs: Aff1 = PE / 16, Aff0 = PE % 16)");
    return true;
}

bool Checker::check_gic(int gic)
{
    uint32_t c = 0;
    bool present;
    if (!u32(gic, "#interrupt-cells", &c, &present))
        return false;
    if (!present || c != 3)
        return fail(gic, "#interrupt-cells", "the GIC binding needs 3 (<type number flags>)");
    if (!has(gic, "interrupt-controller"))
        return fail(gic, "interrupt-controller", "missing");
    std::vector<Region> r;
    if (!reg(gic, &r))
        return false;
    uint32_t nr = 1;
    if (!u32(gic, "#redistributor-regions", &nr, &present))
        return false;
    if (nr < 1 || r.size() != 1 + nr)
        return fail(gic, "reg",
                    "must hold GICD and " + std::to_string(nr) + " redistributor region(s), has " +
                        std::to_string(r.size()) + " entries");
    if (r[0].size < GIC_DIST_SIZE)
        return fail(gic, "reg", "GICD region of " + hex(r[0].size) + " bytes is smaller than 64 KB");
    std::vector<uint32_t> st;
    if (!cells(gic, "redistributor-stride", 2, &st, &present))
        return false;
    uint64_t stride = present ? (static_cast<uint64_t>(st[0]) << 32 | st[1]) : kRdistFrame;
    if (stride != kRdistFrame)
        return fail(gic, "redistributor-stride",
                    hex(stride) + " but the RTL's redistributors are " + hex(kRdistFrame) +
                        " apart (no VLPI frames)");
    uint64_t total = 0;
    for (size_t i = 1; i < r.size(); i++) {
        if (r[i].size % kRdistFrame)
            return fail(gic, "reg",
                        "redistributor region " + std::to_string(i - 1) + " size " + hex(r[i].size) +
                            " is not a multiple of " + hex(kRdistFrame));
        total += r[i].size / kRdistFrame;
    }
    unsigned pes = lim_.cpus + (lim_.coproc ? 1 : 0);
    if (total != pes)
        return fail(gic, "reg",
                    "redistributor regions hold " + std::to_string(total) + " frames of " + hex(kRdistFrame) +
                        " but the RTL has " + std::to_string(pes) + " PEs");
    uint32_t bits;
    if (!u32(gic, "irqsim,lpi-id-bits", &bits, &present))
        return false;
    if (present && (bits < kLpiIdBitsMin || bits > kLpiIdBitsMax))
        return fail(gic, "irqsim,lpi-id-bits",
                    std::to_string(bits) + " out of range " + std::to_string(kLpiIdBitsMin) + ".." +
                        std::to_string(kLpiIdBitsMax));
    return true;
}

// Device interrupts: specifiers in range, no GIC INTID or INTR input used twice,
// MBI ranges and the INTR's outputs on SPIs nobody else uses.
bool Checker::check_interrupts(int gic, int intr)
{
    std::map<uint32_t, std::pair<int, std::string>> intid;  // GIC INTID -> user, property
    auto claim = [&](uint32_t id, int n, const std::string& prop) {
        auto it = intid.find(id);
        if (it != intid.end())
            return fail(n, prop,
                        "GIC INTID " + std::to_string(id) + " is already used by " +
                            nodes_[static_cast<size_t>(it->second.first)].path + " " + it->second.second);
        intid[id] = {n, prop};
        return true;
    };
    uint32_t spi_end = 32 + lim_.spis;
    // the INTR's outputs first: a clash is then reported at the device
    std::vector<std::array<uint32_t, 3>> out;
    if (intr >= 0) {
        if (!ranges3(intr, "ti,interrupt-ranges", &out))
            return false;
        for (const auto& t : out)
            for (uint32_t k = 0; k < t[2] && k < 1024; k++)
                if (!claim(t[1] + k, intr, "ti,interrupt-ranges"))
                    return false;
    }
    std::map<uint32_t, int> intr_in;  // INTR input -> user
    for (size_t i = 0; i < nodes_.size(); i++) {
        int n = static_cast<int>(i);
        std::vector<Spec> specs;
        if (!interrupts(n, &specs))
            return false;
        const char* prop_name = has(n, "interrupts-extended") ? "interrupts-extended" : "interrupts";
        if (compatible(n, "irqsim,lines") && specs.size() > lim_.lines)
            return fail(n, prop_name,
                        "lists " + std::to_string(specs.size()) + " lines but irqsim,lines is " +
                            std::to_string(lim_.lines));
        for (size_t k = 0; k < specs.size(); k++) {
            const Spec& s = specs[k];
            std::string where = std::string(prop_name) + "[" + std::to_string(k) + "]";
            if (s.ctl == gic) {
                uint32_t type = s.cells[0], num = s.cells[1], flags = s.cells[2];
                if (flags != 1 && flags != 4)
                    return fail(n, where,
                                "flags " + std::to_string(flags) +
                                    ": the GIC takes 1 (edge rising) or 4 (level high)");
                if (type == 0) {
                    if (num >= lim_.spis)
                        return fail(n, where,
                                    "SPI " + std::to_string(num) + " out of range 0.." +
                                        std::to_string(lim_.spis - 1));
                    if (!claim(32 + num, n, where))
                        return false;
                } else if (type == 1) {
                    if (num >= 16)
                        return fail(n, where,
                                    "PPI " + std::to_string(num) + " out of range 0..15 (INTID 16..31)");
                    if (compatible(n, "irqsim,timer") && num != kTimerPpi)
                        return fail(n, where,
                                    "PPI " + std::to_string(num) + " but the RTL's timers raise PPI " +
                                        std::to_string(kTimerPpi));
                    if (!claim(16 + num, n, where))
                        return false;
                } else {
                    return fail(n, where,
                                "type " + std::to_string(type) + ": the GIC takes 0 (SPI) or 1 (PPI)");
                }
            } else if (s.ctl == intr) {
                uint32_t in = s.cells[0];
                if (in >= lim_.intr_lines)
                    return fail(n, where,
                                "INTR input " + std::to_string(in) + " is not a device line (0.." +
                                    std::to_string(lim_.intr_lines - 1) + ")");
                auto it = intr_in.find(in);
                if (it != intr_in.end())
                    return fail(n, where,
                                "INTR input " + std::to_string(in) + " is already used by " +
                                    nodes_[static_cast<size_t>(it->second)].path);
                intr_in[in] = n;
            } else if (!has(s.ctl, "interrupt-controller")) {
                return fail(n, where,
                            nodes_[static_cast<size_t>(s.ctl)].path + " is not an interrupt-controller");
            }
        }
    }
    // last: a clash is reported at mbi-ranges, naming the device it hits
    int len;
    const fdt32_t* v = prop(gic, "mbi-ranges", &len);
    if (v) {
        if (len == 0 || len % 8)
            return fail(gic, "mbi-ranges", "must be <first-spi count> pairs");
        for (int i = 0; i < len / 4; i += 2) {
            uint32_t first = fdt32_to_cpu(v[i]), count = fdt32_to_cpu(v[i + 1]);
            if (count == 0 || first < 32 || static_cast<uint64_t>(first) + count > spi_end)
                return fail(gic, "mbi-ranges",
                            "<" + std::to_string(first) + " " + std::to_string(count) +
                                "> is not within the SPIs 32.." + std::to_string(spi_end - 1));
            for (uint32_t k = 0; k < count; k++)
                if (!claim(first + k, gic, "mbi-ranges"))
                    return false;
        }
    }
    return true;
}

bool Checker::check_intr(int gic, int intr)
{
    uint32_t c = 0, v = 0;
    bool present;
    if (!u32(intr, "#interrupt-cells", &c, &present))
        return false;
    if (!present || c != 1)
        return fail(intr, "#interrupt-cells", "the INTR binding needs 1 (<input>)");
    int parent;
    if (!interrupt_parent(intr, &parent))
        return false;
    if (parent != gic)
        return fail(intr, "interrupt-parent",
                    "must be the GIC, not " + nodes_[static_cast<size_t>(parent)].path);
    if (!u32(intr, "ti,intr-trigger-type", &v, &present))
        return false;
    if (!present || (v != 1 && v != 4))
        return fail(intr, "ti,intr-trigger-type", "must be 1 (edge) or 4 (level)");
    std::vector<std::array<uint32_t, 3>> out;
    if (!ranges3(intr, "ti,interrupt-ranges", &out))
        return false;
    uint32_t out_base = 32 + lim_.intr_out_spi;  // output n drives INTID out_base + n
    std::vector<bool> used(lim_.intr_out, false);
    for (const auto& t : out) {
        std::string tri =
            "<" + std::to_string(t[0]) + " " + std::to_string(t[1]) + " " + std::to_string(t[2]) + ">";
        if (t[2] == 0 || static_cast<uint64_t>(t[0]) + t[2] > lim_.intr_out)
            return fail(intr, "ti,interrupt-ranges",
                        tri + " goes beyond the INTR's " + std::to_string(lim_.intr_out) + " outputs");
        if (t[1] != out_base + t[0])
            return fail(intr, "ti,interrupt-ranges",
                        tri + ": the RTL wires output n to GIC INTID " + std::to_string(out_base) + " + n");
        for (uint32_t k = t[0]; k < t[0] + t[2]; k++) {
            if (used[k])
                return fail(intr, "ti,interrupt-ranges",
                            tri + ": output " + std::to_string(k) + " listed twice");
            used[k] = true;
        }
    }
    std::vector<uint32_t> r;
    if (!cells(intr, "ti,sci-rm-range-out", 2, &r, &present))
        return false;
    if (present && (r[1] == 0 || static_cast<uint64_t>(r[0]) + r[1] > lim_.intr_out))
        return fail(intr, "ti,sci-rm-range-out",
                    "<" + std::to_string(r[0]) + " " + std::to_string(r[1]) + "> goes beyond the INTR's " +
                        std::to_string(lim_.intr_out) + " outputs");
    return true;
}

bool Checker::check_inta(int intr, int inta)
{
    int parent;
    if (!interrupt_parent(inta, &parent))
        return false;
    if (parent != intr)
        return fail(inta, "interrupt-parent",
                    "must be the INTR, not " + nodes_[static_cast<size_t>(parent)].path);
    std::vector<Region> r;
    if (!reg(inta, &r))
        return false;
    if (r.size() < 2)
        return fail(inta, "reg", "no CFG region (reg[1]): INTA-MSI messages would have no doorbell");
    if (r[1].size < kIntaDoorbellEnd || r[1].start == 0)
        return fail(inta, "reg",
                    "CFG region (reg[1]) of " + hex(r[1].size) + " bytes has no doorbell at +0x10");
    std::vector<std::array<uint32_t, 3>> vr;
    if (!ranges3(inta, "ti,interrupt-ranges", &vr))
        return false;
    uint32_t in_end = lim_.intr_lines + lim_.vints;
    for (const auto& t : vr) {
        std::string tri =
            "<" + std::to_string(t[0]) + " " + std::to_string(t[1]) + " " + std::to_string(t[2]) + ">";
        if (t[2] == 0 || static_cast<uint64_t>(t[0]) + t[2] > lim_.vints)
            return fail(inta, "ti,interrupt-ranges",
                        tri + " goes beyond the INTA's " + std::to_string(lim_.vints) + " VINTs");
        if (static_cast<uint64_t>(t[1]) + t[2] > in_end || t[1] < lim_.intr_lines)
            return fail(inta, "ti,interrupt-ranges",
                        tri + " goes beyond the INTR's VINT inputs " + std::to_string(lim_.intr_lines) +
                            ".." + std::to_string(in_end - 1));
        if (t[1] != lim_.intr_lines + t[0])
            return fail(inta, "ti,interrupt-ranges",
                        tri + ": the RTL wires VINT v to INTR input " + std::to_string(lim_.intr_lines) +
                            " + v");
    }
    bool present;
    std::vector<uint32_t> rr;
    if (!cells(inta, "ti,sci-rm-range-vint", 2, &rr, &present))
        return false;
    if (present && (rr[1] == 0 || static_cast<uint64_t>(rr[0]) + rr[1] > lim_.vints))
        return fail(inta, "ti,sci-rm-range-vint",
                    "goes beyond the INTA's " + std::to_string(lim_.vints) + " VINTs");
    if (!cells(inta, "ti,sci-rm-range-global-event", 2, &rr, &present))
        return false;
    if (present && (rr[1] == 0 || static_cast<uint64_t>(rr[0]) + rr[1] > lim_.events))
        return fail(inta, "ti,sci-rm-range-global-event",
                    "goes beyond the INTA's " + std::to_string(lim_.events) + " global events");
    return true;
}

// msi-parent of the DMA rings and the IMS: one phandle of an msi-controller that
// is not the node itself, and a parent kind that host offers.
bool Checker::check_msi_clients(int gic, int inta)
{
    for (size_t i = 0; i < nodes_.size(); i++) {
        int n = static_cast<int>(i);
        int target = -1;
        bool present;
        if (!phandle_prop(n, "msi-parent", &target, &present))
            return false;
        if (!present)
            continue;
        if (target == n)
            return fail(n, "msi-parent", "points at the node itself");
        if (!has(target, "msi-controller"))
            return fail(n, "msi-parent",
                        nodes_[static_cast<size_t>(target)].path + " is not an msi-controller");
        if (compatible(n, "irqsim,dma-ring") && target != inta)
            return fail(n, "msi-parent",
                        "the DMA rings signal through the INTA, not " +
                            nodes_[static_cast<size_t>(target)].path);
        std::string kind;
        if (!string_prop(n, "irqsim,msi-parent-kind", &kind, &present))
            return false;
        if (present) {
            bool ok = target == gic    ? (kind == "mbi" || kind == "lpi")
                      : target == inta ? kind == "inta"
                                       : false;
            if (!ok)
                return fail(n, "irqsim,msi-parent-kind",
                            "\"" + kind + "\" is not offered by " + nodes_[static_cast<size_t>(target)].path +
                                (target == gic    ? " (mbi or lpi)"
                                 : target == inta ? " (inta)"
                                                  : ""));
        }
        uint32_t v;
        if (compatible(n, "irqsim,ims") && target == gic && (!present || kind == "mbi")) {
            // every slot may hold a vector at once (the mbi scenario requests them all)
            uint32_t slots = 0, mbis = 0;
            int len;
            if (!u32(n, "irqsim,num-slots", &slots, &present))
                return false;
            const fdt32_t* r = prop(gic, "mbi-ranges", &len);
            for (int k = 1; r && 4 * k < len; k += 2)
                mbis += fdt32_to_cpu(r[k]);
            if (present && slots > mbis)
                return fail(n, "irqsim,num-slots",
                            std::to_string(slots) + " slots but the GIC's mbi-ranges hold " +
                                std::to_string(mbis) + " SPIs");
        }
        if (compatible(n, "irqsim,dma-ring")) {
            if (!u32(n, "irqsim,num-rings", &v, &present))
                return false;
            if (present && (v == 0 || v > lim_.rings))
                return fail(n, "irqsim,num-rings",
                            std::to_string(v) + " out of range 1.." + std::to_string(lim_.rings));
        }
    }
    return true;
}

// The TI blocks reach the firmware as mainline drivers do, by their ti,sci
// phandle (devm_ti_sci_get_by_phandle): without it they never probe.
bool Checker::check_ti_sci()
{
    for (size_t i = 0; i < nodes_.size(); i++) {
        int n = static_cast<int>(i);
        if (!compatible(n, "ti,sci-intr") && !compatible(n, "ti,sci-inta") &&
            !compatible(n, "irqsim,dma-ring"))
            continue;
        int target = -1;
        bool present;
        if (!phandle_prop(n, "ti,sci", &target, &present))
            return false;
        if (!present)
            return fail(n, "ti,sci",
                        "missing: the TI-SCI firmware node (e.g. compatible \"ti,k2g-sci\") it talks to");
        if (target == n)
            return fail(n, "ti,sci", "points at the node itself");
    }
    return true;
}

// No two nodes (outside /cpus, whose reg is no address) decode the same bytes.
bool Checker::check_regs()
{
    std::vector<Region> all;
    for (size_t i = 0; i < nodes_.size(); i++) {
        int n = static_cast<int>(i);
        int p = nodes_[i].parent;
        if (p >= 0 && nodes_[static_cast<size_t>(p)].path == "/cpus")
            continue;
        std::vector<Region> r;
        if (!reg(n, &r))
            return false;
        for (const auto& x : r) {
            if (x.size == 0 || x.start + x.size < x.start)
                return fail(n, "reg",
                            "region at " + hex(x.start) + " of " + hex(x.size) + " bytes is empty or wraps");
            all.push_back(x);
        }
    }
    // stable: of two regions at the same address the later node is blamed
    std::stable_sort(all.begin(), all.end(),
                     [](const Region& a, const Region& b) { return a.start < b.start; });
    for (size_t i = 1; i < all.size(); i++) {
        const Region& a = all[i - 1];
        const Region& b = all[i];
        if (b.start < a.start + a.size) {
            if (a.node == b.node)
                return fail(b.node, "reg", "two of its regions overlap at " + hex(b.start));
            return fail(b.node, "reg",
                        "region at " + hex(b.start) + " overlaps " +
                            nodes_[static_cast<size_t>(a.node)].path + " (" + hex(a.start) + ".." +
                            hex(a.start + a.size - 1) + ")");
        }
    }
    return true;
}

bool Checker::check_ids()
{
    std::map<uint32_t, int> ids;
    for (size_t i = 0; i < nodes_.size(); i++) {
        int n = static_cast<int>(i);
        uint32_t id;
        bool present;
        if (!u32(n, "ti,sci-dev-id", &id, &present))
            return false;
        if (!present)
            continue;
        if (id > 0xffff)
            return fail(n, "ti,sci-dev-id", std::to_string(id) + " is not below 65536");
        auto it = ids.find(id);
        if (it != ids.end())
            return fail(n, "ti,sci-dev-id",
                        std::to_string(id) + " is already the id of " +
                            nodes_[static_cast<size_t>(it->second)].path);
        ids[id] = n;
    }
    return true;
}

bool Checker::run()
{
    if (!build())
        return false;
    // every #interrupt-cells (and every phandle chain, by check_interrupts) first:
    // the driver reads them all while probing
    for (size_t i = 0; i < nodes_.size(); i++) {
        uint32_t c;
        bool present;
        if (!u32(static_cast<int>(i), "#interrupt-cells", &c, &present))
            return false;
        // 0 is a controller no specifier can name (the INTA, reached by MSI only)
        if (present && c > kMaxInterruptCells)
            return fail(static_cast<int>(i), "#interrupt-cells",
                        std::to_string(c) + " out of range 0.." + std::to_string(kMaxInterruptCells));
    }
    int gic = find_compatible("arm,gic-v3");
    if (gic < 0)
        return fail(-1, "compatible", "no node compatible with arm,gic-v3");
    int intr = find_compatible("ti,sci-intr");
    int inta = find_compatible("ti,sci-inta");
    if (inta >= 0 && intr < 0)
        return fail(inta, "interrupt-parent", "an INTA needs the INTR (ti,sci-intr) it feeds");
    if (!check_cpus() || !check_gic(gic))
        return false;
    if (intr >= 0 && !check_intr(gic, intr))
        return false;
    if (inta >= 0 && !check_inta(intr, inta))
        return false;
    return check_interrupts(gic, intr) && check_msi_clients(gic, inta) && check_ti_sci() && check_regs() &&
           check_bases() && check_ids();
}

// Each block's reg where the RTL decodes it: a tree may move a block only
// together with the model built for it.
bool Checker::check_bases()
{
    struct Base {
        const char* compatible;
        size_t index;
        uint64_t rtl;
        const char* what;
    } bases[] = {{"arm,gic-v3", 0, lim_.gicd, "GICD"},
                 {"arm,gic-v3", 1, lim_.gicr, "the first redistributor frame"},
                 {"irqsim,timer", 0, lim_.timer, "the timers"},
                 {"ti,sci-intr", 0, lim_.intr, "the INTR"},
                 {"ti,sci-inta", 0, lim_.inta, "the INTA's VINT registers"},
                 {"ti,sci-inta", 1, lim_.inta ? lim_.inta + 0x200000 : 0, "the INTA's CFG region"},
                 {"irqsim,dma-ring", 0, lim_.dma, "the DMA-ring device"},
                 {"irqsim,ims", 0, lim_.ims, "the IMS device"}};
    for (const auto& b : bases) {
        int n = find_compatible(b.compatible);
        if (n < 0 || b.rtl == 0)
            continue;
        std::vector<Region> r;
        if (!reg(n, &r))
            return false;
        if (r.size() > b.index && r[b.index].start != b.rtl)
            return fail(n, "reg",
                        std::string(b.what) + " at " + hex(r[b.index].start) + " but the RTL decodes it at " +
                            hex(b.rtl));
    }
    return true;
}

}  // namespace

bool check_tree(const std::vector<uint8_t>& dtb, const TreeLimits& lim, std::string* err)
{
    if (dtb.size() < sizeof(struct fdt_header) || fdt_check_header(dtb.data()) != 0 ||
        fdt_totalsize(dtb.data()) > dtb.size() ||
        fdt_check_full(dtb.data(), fdt_totalsize(dtb.data())) != 0) {
        *err = "device tree blob: malformed";
        return false;
    }
    Checker c(dtb.data(), lim, err);
    return c.run();
}

}  // namespace irqsim
