// SPDX-License-Identifier: MIT
// libFuzzer target: device tree -> driver probe, on fake registers.
//
// The input is a dtb.  Each iteration does what SocSession::boot does with a
// tree, minus the Verilated model: irqchip_init_from_fdt() (libfdt checks,
// unflatten, of_irq_init parents-first, the GICv3 / TI INTR / TI INTA probes),
// secondary CPU start-up, then every node's interrupts parsed and mapped
// (of_irq_count, of_irq_parse_one, irq_of_parse_and_map: the interrupt-parent
// walks), request_irq/free_irq on each, the DMA-ring and IMS device probes with
// one vector each, the of_* property readers, and a full core reset.
//
// The hardware is tb/unit's FakeGic (MBIS, LPIs with DirectLPI) + the TI fakes
// + an IMS ID register: the tree decides everything else.  irqsim_core_reset()
// at the end of every input frees the tree and all driver state, so nothing
// leaks into the next input and LeakSanitizer sees only real leaks; a reset
// that refuses (-EBUSY: a virq still requested) is itself a finding.
//
// Structure-aware mutation (LLVMFuzzerCustomMutator): most mutations rewrite
// one property of the tree through libfdt (value bytes mutated, or replaced by
// a phandle of another node, or a small cell count), so the blob stays a valid
// FDT and the mutations reach the driver rather than dying in fdt_check_full.
//
// IRQSIM_FUZZ_VERBOSE=1 prints the driver's log (when replaying one input).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include <libfdt.h>

#include <linux/cpumask.h>
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqsim-ims.h>
#include <linux/irqsim_arch.h>
#include <linux/irqsim_base.h>
#include <linux/of.h>
#include <linux/of_irq.h>

#include "unit/fake_gic.h"
#include "unit/fake_ti.h"

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace {

constexpr unsigned kCpus = 4;
constexpr int kMaxIrqsPerNode = 64;  // bounds the work per input, not a correctness limit
constexpr uint64_t kIms = IRQSIM_SOC_MAP_IMS_BASE;

bool g_verbose = false;

void LogHook(int level, const char* msg, void*)
{
    if (g_verbose)
        std::fprintf(stderr, "[log %d] %s\n", level, msg);
}

irqreturn_t NopHandler(int, void*) { return IRQ_HANDLED; }

void ReadProperties(device_node* np)
{
    u32 v32 = 0, arr[4];
    u64 v64 = 0, addr = 0, size = 0;
    const char* s = nullptr;
    int len = 0;
    for (const char* name : {"#interrupt-cells", "#address-cells", "#size-cells", "phandle", "ti,sci-dev-id",
                             "irqsim,num-rings", "irqsim,num-slots"})
        (void)of_property_read_u32(np, name, &v32);
    (void)of_property_read_u32_array(np, "ti,sci-rm-range-out", arr, 2);
    (void)of_property_read_u32_array(np, "mbi-ranges", arr, 2);
    (void)of_property_read_u64(np, "redistributor-stride", &v64);
    (void)of_property_count_u32_elems(np, "interrupts");
    (void)of_property_read_string(np, "compatible", &s);
    (void)of_property_read_string(np, "status", &s);
    (void)of_get_property(np, "interrupts-extended", &len);
    (void)of_device_is_available(np);
    (void)of_parse_phandle(np, "msi-parent", 0);
    (void)of_parse_phandle(np, "interrupt-parent", 0);
    for (int i = 0; i < 4; i++)
        if (of_reg_read(np, i, &addr, &size))
            break;
}

void RunOneTree(const uint8_t* data, size_t size)
{
    FakeGic gic;
    TiRegs ti_regs;
    FakeTiSci ti_fw;
    gic.io.annotate_on = false;  // the log of every access is kept; the annotation strings are not needed
    gic.Install();
    uint64_t typer = gic.io.Reg(FakeGic::kGicd + GICD_TYPER);
    gic.io.SetReg(FakeGic::kGicd + GICD_TYPER,
                  (uint32_t)(typer | GICD_TYPER_MBIS | GICD_TYPER_LPIS | (16u - 1) << 19));
    for (unsigned pe = 0; pe < gic.n_pes; pe++) {
        uint64_t rd = FakeGic::Rd(pe) + GICR_TYPER;
        gic.io.SetReg(rd, gic.io.Reg(rd) | GICR_TYPER_PLPIS | GICR_TYPER_DirectLPIS);
    }
    gic.io.SetReg(kIms + IMS_ID, (IMS_ID_MAGIC << 16) | 32u);
    TiOnFakeIo(gic.io, ti_regs);
    ti_fw.regs = &ti_regs;
    ti_fw.Install();

    if (irqchip_init_from_fdt(data, size) == -EINVAL && !of_root)
        return;  // not a tree libfdt accepts
    for (unsigned c = 1; c < kCpus; c++)
        (void)irqsim_arch_cpu_starting(c);
    irqsim_set_this_cpu(0);

    std::set<unsigned> virqs;
    for (device_node* np = of_find_all_nodes(nullptr); np; np = of_find_all_nodes(np)) {
        ReadProperties(np);
        int n = of_irq_count(np);
        for (int i = 0; i < n && i < kMaxIrqsPerNode; i++) {
            of_phandle_args args{};
            (void)of_irq_parse_one(np, i, &args);
            if (unsigned virq = irq_of_parse_and_map(np, i))
                virqs.insert(virq);
        }
    }
    std::vector<unsigned> requested;
    for (unsigned virq : virqs)
        if (request_irq(virq, NopHandler, 0, "fuzz", &virqs) == 0)
            requested.push_back(virq);
    for (unsigned virq : requested)
        free_irq(virq, &virqs);
    for (unsigned virq : virqs)
        irq_dispose_mapping(virq);

    for (device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,dma-ring"); np;
         np = of_find_compatible_node(np, nullptr, "irqsim,dma-ring")) {
        dma_ring_device* dd = nullptr;
        if (dma_ring_get(np, &dd) == 0) {
            if (dma_ring_count(dd) && dma_ring_request_channel(dd, 0, NopHandler, dd) > 0)
                (void)dma_ring_release_channel(dd, 0);
            dma_ring_remove(dd);
        }
    }
    for (device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,ims"); np;
         np = of_find_compatible_node(np, nullptr, "irqsim,ims")) {
        ims_device* ims = nullptr;
        if (ims_get(np, &ims) == 0) {
            int virq = ims_request_slot(ims, NopHandler, "fuzz-ims", ims);
            if (virq > 0)
                (void)ims_release_slot(ims, (unsigned)virq);
            device_release_driver(ims_to_dev(ims));
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    const char* v = std::getenv("IRQSIM_FUZZ_VERBOSE");
    g_verbose = v && *v && *v != '0';
    irqsim_log_set_hook(&LogHook, nullptr);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    irqsim_io_install(nullptr, nullptr);
    if (irqsim_core_reset() != 0)
        std::abort();  // the previous input left a requested irq behind (reported there)
    irqsim_set_nr_cpus(kCpus);
    for (unsigned c = 0; c < kCpus; c++)
        set_cpu_online(c, true);
    irqsim_set_this_cpu(0);

    RunOneTree(data, size);

    irqsim_io_install(nullptr, nullptr);
    if (irqsim_core_reset() != 0) {
        std::fprintf(stderr, "fuzz_dt: irqsim_core_reset() refused: a virq is still requested\n");
        std::abort();
    }
    return 0;
}

// ---- structure-aware mutation ---------------------------------------------------

namespace {

// xorshift: the mutator's choices come from libFuzzer's seed, so runs reproduce
struct Rng {
    uint64_t s;
    explicit Rng(unsigned seed) : s(seed * 0x9E3779B97F4A7C15ull + 1) {}
    uint32_t operator()(uint32_t n)
    {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        return n ? (uint32_t)(s % n) : 0;
    }
};

// Rewrite one property of the tree in buf (capacity cap); returns the new size or 0.
size_t MutateProperty(uint8_t* buf, size_t cap, Rng& rng)
{
    std::vector<std::pair<int, int>> props;  // (node offset, property offset)
    std::vector<uint32_t> phandles;
    for (int node = fdt_next_node(buf, -1, nullptr); node >= 0; node = fdt_next_node(buf, node, nullptr)) {
        if (uint32_t ph = fdt_get_phandle(buf, node))
            phandles.push_back(ph);
        int prop;
        fdt_for_each_property_offset(prop, buf, node) props.emplace_back(node, prop);
    }
    if (props.empty())
        return 0;
    auto [node, prop] = props[rng((uint32_t)props.size())];
    int len = 0;
    const char* name = nullptr;
    const void* val = fdt_getprop_by_offset(buf, prop, &name, &len);
    if (!val || !name || len < 0)
        return 0;
    std::string pname = name;  // the strings block may move under fdt_setprop
    std::vector<uint8_t> v((const uint8_t*)val, (const uint8_t*)val + len);
    switch (rng(6)) {
    case 0: {  // a phandle of some node (self references, loops, wrong kinds of parent)
        uint32_t ph = phandles.empty() ? rng(4) : phandles[rng((uint32_t)phandles.size())];
        uint8_t be[4] = {(uint8_t)(ph >> 24), (uint8_t)(ph >> 16), (uint8_t)(ph >> 8), (uint8_t)ph};
        size_t at = v.size() >= 4 ? 4 * rng((uint32_t)(v.size() / 4)) : 0;
        if (v.size() < 4)
            v.assign(be, be + 4);
        else
            std::memcpy(&v[at], be, 4);
        break;
    }
    case 1: {  // a small or extreme cell value
        static const uint32_t vals[] = {0, 1, 2, 3, 4, 16, 31, 32, 64, 0xff, 0xffff, 0x7fffffff, 0xffffffff};
        uint32_t x = vals[rng(sizeof vals / sizeof vals[0])];
        uint8_t be[4] = {(uint8_t)(x >> 24), (uint8_t)(x >> 16), (uint8_t)(x >> 8), (uint8_t)x};
        if (v.size() < 4)
            v.assign(be, be + 4);
        else
            std::memcpy(&v[4 * rng((uint32_t)(v.size() / 4))], be, 4);
        break;
    }
    case 2:  // drop cells from the end (wrong counts)
        v.resize(v.empty() ? 0 : rng((uint32_t)v.size()));
        break;
    case 3:  // remove the property
        return fdt_delprop(buf, node, pname.c_str()) == 0 ? (fdt_pack(buf), fdt_totalsize(buf)) : 0;
    default: {  // libFuzzer's byte-level mutation of the value
        size_t max = v.size() + 64;
        v.resize(max);
        v.resize(LLVMFuzzerMutate(v.data(), max - 64, max));
        break;
    }
    }
    if (fdt_setprop(buf, node, pname.c_str(), v.data(), (int)v.size()) != 0)
        return 0;
    fdt_pack(buf);
    size_t out = fdt_totalsize(buf);
    return out <= cap ? out : 0;
}

}  // namespace

extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size, unsigned int seed)
{
    Rng rng(seed);
    // only a blob that passes libfdt's full check: fdt_open_into trusts the header.
    // fdt_check_full of libfdt 1.6.1 itself crashes on versions below 16.
    if (rng(10) < 8 && size >= sizeof(fdt_header) && fdt_check_header(data) == 0 && fdt_version(data) >= 16 &&
        fdt_check_full(data, size) == 0) {
        std::vector<uint8_t> buf(fdt_totalsize(data) + 4096);
        if (fdt_open_into(data, buf.data(), (int)buf.size()) == 0) {
            size_t n = MutateProperty(buf.data(), max_size, rng);
            if (n) {
                std::memcpy(data, buf.data(), n);
                return n;
            }
        }
    }
    return LLVMFuzzerMutate(data, size, max_size);
}
