// SPDX-License-Identifier: MIT
//
// irqsim-systemc-example: a small SystemC virtual platform around IrqsimFabric.
//
//   sc_clock (1 ns) --clk--> IrqsimFabric --irq[n]--> CpuCluster
//                            ^ mmio (TLM target)        | bus (TLM initiator)
//                            +--------------------------+
//
// CpuCluster runs the real driver stack: its irqsim_io_ops backend turns every
// MMIO and system-register access into a b_transport on its initiator socket
// (then wait()s the annotated delay), so the driver reaches the GIC through TLM.
// It boots the default SoC as tb/session does and runs one scenario's traffic, the
// same code irqsim run uses (tb/session/traffic.h: this cluster is its TrafficPort):
//   spi        every device line from the device tree requested; random events on
//              random lines (level lines cleared by their handler), affinity moved
//              now and then
//   dma-ring  (default) the DMA-ring device probed (dma_ring_get); a random
//              subset of its rings requested as channels (INTA-MSI vector per ring
//              on demand, the firmware model programming the routes), descriptors
//              posted by MMIO (DOORBELL, through the socket), channels released and
//              requested again while traffic flows.  A ring's handler reads its
//              COMPLETED counter and answers exactly the completions it observed
//              (as tb/session does); released rings are silenced.
// A dispatcher thread watches the irq signals and enters the driver's IRQ entry as
// the CPU whose line is high.  Every injection and handler entry is booked on the
// end-to-end scoreboard; the exit status is non-zero on any loss.
//
//   irqsim-systemc-example [--scenario spi|dma-ring] [--seed N] [--events N]
//                          [--cpus 1|4|16] [--trace f.fst]
#include "irqsim_fabric.h"

#include "dma_ring_agent.h"
#include "irq_affinity.h"
#include "line_agent.h"
#include "dram.h"
#include "driver_log.h"
#include "scoreboard.h"
#include "soc_dt.h"
#include "traffic.h"

#include <tlm_utils/simple_initiator_socket.h>

// SystemC and the driver's irqsim_base.h both define BITS_PER_LONG (the same
// value on LP64); the driver's definition wins from here on.
#undef BITS_PER_LONG
extern "C" {
#include <linux/cpumask.h>
#include <linux/dma/irqsim-dma-ring.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqchip.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim_arch.h>
#include <linux/of.h>
#include <linux/of_irq.h>
}

// after the #undef above: firmware.h includes the driver's TI-SCI header
#include "axil_master.h"
#include "firmware.h"
#include "soc_model.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

using namespace sc_core;

namespace {

struct Options {
    uint64_t seed = 1;
    uint64_t events = 1000;
    unsigned cpus = 4;
    std::string trace;
    std::string scenario = "dma-ring";  // spi | dma-ring
};

class CpuCluster;

class CpuCluster : public sc_module,
                   public irqsim::TrafficPort,
                   public irqsim::DmaRingHost,
                   public irqsim::LineHost {
public:
    tlm_utils::simple_initiator_socket<CpuCluster> bus;
    sc_vector<sc_in<bool>> irq;

    CpuCluster(sc_module_name name, irqsim::IrqsimFabric& fabric, const Options& opt)
        : sc_module(name), bus("bus"), irq("irq", fabric.num_cpus()), fabric_(fabric), opt_(opt),
          ncpus_(fabric.num_cpus()), rng_(opt.seed)
    {
        SC_HAS_PROCESS(CpuCluster);
        SC_THREAD(main_thread);
        SC_THREAD(irq_thread);
    }

    int exit_code() const { return exit_code_; }
    uint64_t irq_entries() const { return entries_; }

    // ---- irqsim::TrafficPort: the scenario traffic of tb/session/traffic.h runs on
    // this platform (from main_thread); driver calls run as CPU 0 with driver_ held ----
    unsigned cpus() const override { return ncpus_; }
    uint64_t now() const override { return fabric_.cycle(); }
    void advance(uint64_t cycles) override
    {
        if (cycles)
            wait(fabric_.period() * static_cast<double>(cycles));
    }
    bool failed() const override { return fabric_.failed(); }
    unsigned num_lines() const override { return lines_.count(); }
    int request_line(unsigned n, unsigned cpu) override
    {
        return as_cpu0([&] { return lines_.request(n, cpu); });
    }
    int set_line_affinity(unsigned n, unsigned cpu) override
    {
        return as_cpu0([&] { return lines_.set_affinity(n, cpu); });
    }
    void inject_line(unsigned n) override { inject(n); }
    void book_undriven_line_event(unsigned n) override { lines_.book_undriven(n); }
    unsigned num_rings() const override { return rings_ ? rings_->count() : 0; }
    bool ring_active(unsigned r) const override { return rings_->ring(r).active; }
    int request_ring(unsigned r) override
    {
        return as_cpu0([&] { return rings_->request(r); });
    }
    int release_ring(unsigned r) override
    {
        return as_cpu0([&] { return rings_->release(r); });
    }
    int post_ring(unsigned r, unsigned n) override
    {
        return as_cpu0([&] { return rings_->post(r, n); });
    }

    // ---- the io backend: every access is a b_transport on `bus` ----
    static const struct irqsim_io_ops kOps;

private:
    static CpuCluster& self(void* ctx) { return *static_cast<CpuCluster*>(ctx); }

    tlm::tlm_response_status transact(tlm::tlm_command cmd, uint64_t addr, void* data, unsigned len)
    {
        tlm::tlm_generic_payload gp;
        gp.set_command(cmd);
        gp.set_address(addr);
        gp.set_data_ptr(static_cast<unsigned char*>(data));
        gp.set_data_length(len);
        gp.set_streaming_width(len);
        gp.set_byte_enable_ptr(nullptr);
        gp.set_dmi_allowed(false);
        gp.set_response_status(tlm::TLM_INCOMPLETE_RESPONSE);
        sc_time delay = SC_ZERO_TIME;
        bus->b_transport(gp, delay);
        if (delay > SC_ZERO_TIME)
            wait(delay);  // back in step with the model (see irqsim_fabric.h, "Time")
        tlm::tlm_response_status st = gp.get_response_status();
        last_ = st == tlm::TLM_OK_RESPONSE              ? IO_OKAY
                : st == tlm::TLM_ADDRESS_ERROR_RESPONSE ? IO_DECERR
                                                        : IO_SLVERR;
        if (st != tlm::TLM_OK_RESPONSE)
            std::fprintf(stderr, "irqsim-systemc: %s 0x%08llx: %s\n",
                         cmd == tlm::TLM_READ_COMMAND ? "read" : "write",
                         static_cast<unsigned long long>(addr), gp.get_response_string().c_str());
        return st;
    }
    static u32 op_read32(void* ctx, phys_addr_t addr)
    {
        u32 v = ~0u;
        self(ctx).transact(tlm::TLM_READ_COMMAND, addr, &v, 4);
        return v;
    }
    static void op_write32(void* ctx, phys_addr_t addr, u32 val)
    {
        self(ctx).transact(tlm::TLM_WRITE_COMMAND, addr, &val, 4);
    }
    static u64 op_read64(void* ctx, phys_addr_t addr)
    {
        u64 v = ~0ull;
        self(ctx).transact(tlm::TLM_READ_COMMAND, addr, &v, 8);
        return v;
    }
    static void op_write64(void* ctx, phys_addr_t addr, u64 val)
    {
        self(ctx).transact(tlm::TLM_WRITE_COMMAND, addr, &val, 8);
    }
    static u64 op_read_sysreg(void* ctx, unsigned int cpu, u32 enc)
    {
        uint64_t addr;
        u64 v = ~0ull;
        if (!irqsim::IrqsimFabric::sysreg_address_enc(cpu, enc, &addr)) {
            self(ctx).last_ = IO_SLVERR;
            return v;
        }
        self(ctx).transact(tlm::TLM_READ_COMMAND, addr, &v, 8);
        return v;
    }
    static void op_write_sysreg(void* ctx, unsigned int cpu, u32 enc, u64 val)
    {
        uint64_t addr;
        if (!irqsim::IrqsimFabric::sysreg_address_enc(cpu, enc, &addr)) {
            self(ctx).last_ = IO_SLVERR;
            return;
        }
        self(ctx).transact(tlm::TLM_WRITE_COMMAND, addr, &val, 8);
    }
    static void* op_dma_alloc(void* ctx, size_t size, dma_addr_t* handle)
    {
        uint64_t busaddr = 0;
        void* p = self(ctx).fabric_.dram().alloc(size, &busaddr);
        if (handle)
            *handle = p ? busaddr : 0;
        return p;
    }
    static void op_dma_free(void* ctx, size_t size, void*, dma_addr_t handle)
    {
        self(ctx).fabric_.dram().free(handle, size);
    }
    static void op_annotate(void* ctx, const char* text) { self(ctx).fabric_.annotate(text); }
    static enum io_status op_last_status(void* ctx) { return self(ctx).last_; }
    static u64 op_now_ns(void*) { return static_cast<u64>(sc_time_stamp() / sc_time(1, SC_NS)); }
    static void op_delay_ns(void*, u64 ns)
    {
        sc_core::wait(sc_time(static_cast<double>(ns ? ns : 1), SC_NS));
    }

    // ---- irqsim::LineHost: the device lines are a LineAgent (tb/session) ----
    irqsim::CpuSet effective_cpus(unsigned virq) const override
    {
        return irqsim::effective_cpus(virq, ncpus_);
    }
    void set_pin(unsigned line, bool high) override { fabric_.set_line(line, high); }
    void pulse_pin(unsigned line) override { fabric_.pulse_line(line, 1); }
    bool pin(unsigned line) const override { return fabric_.line(line); }

    // run driver code as CPU 0, one CPU in the driver at a time
    template <typename F>
    int as_cpu0(F&& fn)
    {
        driver_.lock();
        irqsim_set_this_cpu(0);
        int ret = fn();
        driver_.unlock();
        return ret;
    }

    void fail(const std::string& why)
    {
        std::fprintf(stderr, "irqsim-systemc: %s\n", why.c_str());
        exit_code_ = 2;
        stopped_ = true;
        sc_stop();
    }

    // boot as tb/session does; returns false (after fail()) on error
    bool boot()
    {
        if (irqsim_core_reset() != 0) {
            fail("driver core busy");
            return false;
        }
        log_.listen();                          // warnings and errors to stderr
        irqsim_set_nr_cpus(fabric_.num_pes());  // CPUs + coprocessor (never brought online)
        irqsim_set_this_cpu(0);
        irqsim_io_install(&kOps, this);

        std::string err;
        std::vector<uint8_t> dtb = irqsim::default_dtb();
        irqsim::DtParams dp;
        if (!irqsim::dtb_params(dtb, &dp, &err)) {
            fail(err);
            return false;
        }
        if (dp.cpus != ncpus_) {
            std::vector<uint8_t> adapted;
            if (!irqsim::dtb_with_cpus(dtb, ncpus_, &adapted, &err)) {
                fail(err);
                return false;
            }
            dtb.swap(adapted);
        }
        dtb_ = dtb;  // of_root lives on the unflattened copy, keep the blob anyway
        // The TI INTR/INTA drivers in the default tree need the system firmware
        // (TI-SCI) at probe: the firmware model on the SoC's secure fw_* port,
        // configured from the tree.  It drives the model directly (TI-SCI is a
        // message to the system firmware, not a CPU bus access): under dma-ring
        // it programs the INTA/INTR routes of each channel requested.
        irqsim::FirmwareConfig fwc = irqsim::firmware_config_of(fabric_.model().params());
        if (!irqsim::dtb_firmware_config(dtb_, &fwc, &err)) {
            fail(err);
            return false;
        }
        fw_bus_ = std::make_unique<irqsim::AxiLiteMaster>(fabric_.model(), fabric_.model().pins().fw, "fw");
        firmware_ = std::make_unique<irqsim::Firmware>(*fw_bus_, fwc);
        firmware_->install();
        int ret = irqchip_init_from_fdt(dtb_.data(), dtb_.size());
        if (ret) {
            fail("irqchip probe failed (" + std::to_string(ret) + ")");
            return false;
        }
        for (unsigned c = 1; c < ncpus_; c++) {
            ret = irqsim_arch_cpu_starting(c);
            if (ret) {
                fail("cpu " + std::to_string(c) + " start-up failed (" + std::to_string(ret) + ")");
                return false;
            }
        }
        irqsim_set_this_cpu(0);
        struct device_node* node = of_find_compatible_node(nullptr, nullptr, "irqsim,lines");
        if (!node) {
            fail("device tree: no node compatible with irqsim,lines");
            return false;
        }
        if (!lines_.map(node, fabric_.num_lines(), &err)) {
            fail(err);
            return false;
        }
        return opt_.scenario == "dma-ring" ? probe_dma() : true;
    }

    // the DMA-ring device (an INTA-MSI client) was probed by its platform
    // driver when irqchip_init_from_fdt populated the bus; look it up, as tb/session does
    bool probe_dma()
    {
        struct device_node* dn = of_find_compatible_node(nullptr, nullptr, "irqsim,dma-ring");
        if (!dn) {
            fail("device tree: no \"irqsim,dma-ring\" node (the TI path needs the INTR/INTA/DMA nodes)");
            return false;
        }
        int ret = dma_ring_get(dn, &dma_);
        if (ret) {
            fail("dma-ring probe failed (" + std::to_string(ret) + ")");
            return false;
        }
        rings_ = std::make_unique<irqsim::DmaRingAgent>(*this, dma_);
        if (!rings_->count()) {
            fail("dma-ring: the device has no rings");
            return false;
        }
        return true;
    }

    // where a ring's handler may run: the effective affinity of the GIC SPI under
    // its VINT (the INTA's chained parent, INTR input num_intr_lines + vint)
    irqsim::CpuSet channel_cpus(const irqsim::RingChannel& rc) const override
    {
        if (rc.active)
            return irqsim::vint_cpus(rc.vint, fabric_.model().params().num_intr_lines, ncpus_);
        irqsim::CpuSet all;
        for (unsigned c = 0; c < ncpus_; c++)
            all.set(c);
        return all;
    }

    // ---- irqsim::DmaRingHost: the DMA-ring channels are a DmaRingAgent (tb/session), whose
    // driver calls the TrafficPort methods above run as CPU 0 with driver_ held ----
    irqsim::Scoreboard& scoreboard() override { return sb_; }
    unsigned ring_vint(unsigned ring) const override
    {
        for (const auto& kv : firmware_->event_maps())
            if (kv.second.src_id == firmware_->config().dma_id && kv.second.src_index == ring)
                return kv.second.vint;
        return 0;
    }

    // Injections happen while no CPU runs driver code (as in the plain harness,
    // where stimulus runs between Platform steps): an event landing between a
    // handler's IAR read and its handler entry would be booked as answered by that
    // run although the GIC, rightly, delivers it again afterwards.
    void inject(unsigned n)
    {
        driver_.lock();
        lines_.inject(n);
        driver_.unlock();
    }

    void main_thread()
    {
        driver_.lock();
        bool ok = boot();
        driver_.unlock();
        if (!ok)
            return;
        booted_ = true;
        booted_ev_.notify(SC_ZERO_TIME);
        if (opt_.scenario == "dma-ring")
            run_dma_ring();
        else
            run_spi();
        if (!stopped_)
            sc_stop();
    }

    // the traffic settings both scenarios share with tb/scenarios (a mean gap of
    // 60 cycles and 5% affinity moves are irqsim run's defaults)
    irqsim::TrafficConfig traffic_config() const
    {
        irqsim::TrafficConfig tc;
        tc.events = opt_.events;
        return tc;
    }

    void run_dma_ring()
    {
        const sc_time period = fabric_.period();
        const unsigned nr = num_rings();
        irqsim::TrafficResult t = irqsim::dma_ring_traffic(*this, rng_, traffic_config());
        if (t.error) {
            fail(t.error_text);
            return;
        }
        const uint64_t requested = t.channels_requested, released = t.channels_released, posted = t.events;
        const std::vector<std::string>& problems = t.problems;
        // drain: until nothing is outstanding (or 400000 cycles)
        uint64_t end = fabric_.cycle() + 400000;
        while (sb_.outstanding_count() && fabric_.cycle() < end && !fabric_.failed())
            wait(period * 100.0);

        uint64_t booked = 0, observed = 0, empty = 0, active = 0;
        for (unsigned r = 0; r < rings_->count(); r++) {
            const irqsim::RingChannel* rc = &rings_->ring(r);
            booked += rc->posted;
            observed += rc->observed;
            empty += rc->empty_runs;
            active += rc->active;
        }
        irqsim::Verdict v = sb_.verdict();
        irqsim::LatencyStats lat = sb_.latency();

        driver_.lock();
        irqsim_set_this_cpu(0);
        dma_ring_remove(dma_);  // releases the channels left
        dma_ = nullptr;
        driver_.unlock();

        const irqsim::FirmwareStats& fw = firmware_->stats();
        std::printf(
            "latency (cycles, descriptor post -> handler entry): min %llu  median %llu  p99 %llu  max %llu  "
            "(n=%llu)\n",
            (unsigned long long)lat.min, (unsigned long long)lat.median, (unsigned long long)lat.p99,
            (unsigned long long)lat.max, (unsigned long long)lat.count);
        std::printf("rings %u, channels requested %llu, released %llu, active at the end %llu\n", nr,
                    (unsigned long long)requested, (unsigned long long)released, (unsigned long long)active);
        std::printf(
            "descriptors posted %llu, completions booked %llu, seen by handlers %llu, handler runs with "
            "nothing new %llu\n",
            (unsigned long long)posted, (unsigned long long)booked, (unsigned long long)observed,
            (unsigned long long)empty);
        std::printf(
            "firmware: set_event_map %llu, free_event_map %llu, set_irq %llu, refused %llu; irq entries: "
            "%llu, transactions: %llu\n",
            (unsigned long long)fw.set_event_map, (unsigned long long)fw.free_event_map,
            (unsigned long long)fw.set_irq, (unsigned long long)fw.refused, (unsigned long long)entries_,
            (unsigned long long)fabric_.transactions());
        for (const auto& p : problems)
            std::printf("problem: %s\n", p.c_str());
        for (const auto& p : sb_.problems())
            std::printf("problem: %s\n", p.c_str());
        if (fabric_.failed())
            std::printf("problem: model failed: %s\n", fabric_.error().c_str());
        bool pass = v.pass() && !fabric_.failed() && problems.empty();
        std::printf("%s dma-ring (systemc): %s  (seed %llu)\n", pass ? "PASS" : "FAIL", v.summary().c_str(),
                    (unsigned long long)opt_.seed);
        exit_code_ = pass ? 0 : 1;
    }

    void run_spi()
    {
        const sc_time period = fabric_.period();
        irqsim::TrafficResult t = irqsim::spi_traffic(*this, rng_, traffic_config());
        if (t.error) {
            fail(t.error_text);
            return;
        }
        const uint64_t moved = t.affinity_moves;
        // drain: until nothing is outstanding (or 200000 cycles)
        uint64_t end = fabric_.cycle() + 200000;
        while (sb_.outstanding_count() && fabric_.cycle() < end && !fabric_.failed())
            wait(period * 100.0);

        // the verdict first: freeing a line withdraws what it still has outstanding
        irqsim::Verdict v = sb_.verdict();
        irqsim::LatencyStats lat = sb_.latency();
        as_cpu0([&] {
            for (unsigned n = 0; n < lines_.count(); n++)
                lines_.free(n);
            return 0;
        });
        std::printf(
            "latency (cycles, injection -> handler entry): min %llu  median %llu  p99 %llu  max %llu  (n=%llu)\n",
            (unsigned long long)lat.min, (unsigned long long)lat.median, (unsigned long long)lat.p99,
            (unsigned long long)lat.max, (unsigned long long)lat.count);
        std::printf("affinity changes: %llu, irq entries: %llu, transactions: %llu\n",
                    (unsigned long long)moved, (unsigned long long)entries_,
                    (unsigned long long)fabric_.transactions());
        for (const auto& p : sb_.problems())
            std::printf("problem: %s\n", p.c_str());
        if (fabric_.failed())
            std::printf("problem: model failed: %s\n", fabric_.error().c_str());
        bool pass = v.pass() && !fabric_.failed();
        std::printf("%s spi (systemc): %s  (seed %llu)\n", pass ? "PASS" : "FAIL", v.summary().c_str(),
                    (unsigned long long)opt_.seed);
        exit_code_ = pass ? 0 : 1;
    }

    // enter the driver's IRQ entry as a CPU whose irq line is high (round-robin,
    // one CPU runs driver code at a time)
    void irq_thread()
    {
        if (!booted_)
            wait(booted_ev_);
        sc_event_or_list any_rise;
        for (auto& p : irq)
            any_rise |= p.posedge_event();
        unsigned rr = ncpus_ - 1;
        for (;;) {
            uint64_t pending = 0;
            for (unsigned c = 0; c < ncpus_; c++)
                pending |= static_cast<uint64_t>(irq[c].read()) << c;
            if (!pending) {
                wait(any_rise);  // values are readable: the event follows the update
                continue;
            }
            unsigned cpu = rr;
            for (unsigned i = 1; i <= ncpus_; i++) {
                unsigned c = (rr + i) % ncpus_;
                if ((pending >> c) & 1) {
                    cpu = c;
                    break;
                }
            }
            rr = cpu;
            driver_.lock();
            irqsim_set_this_cpu(cpu);
            int ret = irqsim_arch_handle_irq();
            irqsim_set_this_cpu(0);
            driver_.unlock();
            if (ret) {
                fail("irq line high but no root irqchip installed an IRQ entry");
                return;
            }
            ++entries_;
            // the irq outputs written at the next edge show the state after the
            // handler's last access
            wait(fabric_.next_outputs_update());
        }
    }

    irqsim::IrqsimFabric& fabric_;
    Options opt_;
    unsigned ncpus_;
    std::mt19937_64 rng_;
    irqsim::Scoreboard sb_;
    irqsim::LineAgent lines_{*this};
    irqsim::DriverLog log_{false};
    std::vector<uint8_t> dtb_;
    std::unique_ptr<irqsim::AxiLiteMaster> fw_bus_;
    std::unique_ptr<irqsim::Firmware> firmware_;  // the TI-SCI handle the INTR/INTA probe with
    struct dma_ring_device* dma_ = nullptr;       // dma-ring: the probed device
    std::unique_ptr<irqsim::DmaRingAgent> rings_;
    sc_mutex driver_;
    bool booted_ = false;
    bool stopped_ = false;  // fail() called sc_stop() already
    sc_event booted_ev_;
    enum io_status last_ = IO_OKAY;
    uint64_t entries_ = 0;
    int exit_code_ = 3;  // not finished
};

const struct irqsim_io_ops CpuCluster::kOps = {
    /* .read32 = */ &CpuCluster::op_read32,
    /* .write32 = */ &CpuCluster::op_write32,
    /* .read64 = */ &CpuCluster::op_read64,
    /* .write64 = */ &CpuCluster::op_write64,
    /* .read_sysreg = */ &CpuCluster::op_read_sysreg,
    /* .write_sysreg = */ &CpuCluster::op_write_sysreg,
    /* .dma_alloc = */ &CpuCluster::op_dma_alloc,
    /* .dma_free = */ &CpuCluster::op_dma_free,
    /* .dma_sync = */ nullptr,
    /* .annotate = */ &CpuCluster::op_annotate,
    /* .last_status = */ &CpuCluster::op_last_status,
    /* .now_ns = */ &CpuCluster::op_now_ns,
    /* .delay_ns = */ &CpuCluster::op_delay_ns,
};

bool parse_u64(const char* s, uint64_t* out)
{
    char* end = nullptr;
    unsigned long long v = std::strtoull(s, &end, 0);
    if (!*s || *end)
        return false;
    *out = v;
    return true;
}

int usage()
{
    std::fprintf(stderr, "usage: irqsim-systemc-example [--scenario spi|dma-ring] [--seed N] [--events N] "
                         "[--cpus 1|4|16] [--trace f.fst]\n");
    return 2;
}

}  // namespace

int sc_main(int argc, char* argv[])
{
    Options opt;
    for (int i = 1; i < argc; i++) {
        std::string a = argv[i];
        uint64_t v;
        if (i + 1 >= argc)
            return usage();
        if (a == "--seed" && parse_u64(argv[i + 1], &v))
            opt.seed = v;
        else if (a == "--events" && parse_u64(argv[i + 1], &v))
            opt.events = v;
        else if (a == "--cpus" && parse_u64(argv[i + 1], &v))
            opt.cpus = static_cast<unsigned>(v);
        else if (a == "--trace")
            opt.trace = argv[i + 1];
        else if (a == "--scenario" &&
                 (std::strcmp(argv[i + 1], "spi") == 0 || std::strcmp(argv[i + 1], "dma-ring") == 0))
            opt.scenario = argv[i + 1];
        else
            return usage();
        i++;
    }
    std::printf("irqsim-systemc-example  scenario=%s seed=%llu cpus=%u events=%llu\n", opt.scenario.c_str(),
                (unsigned long long)opt.seed, opt.cpus, (unsigned long long)opt.events);

    irqsim::FabricConfig fc;
    fc.cpus = opt.cpus;
    fc.trace_path = opt.trace;
    std::unique_ptr<irqsim::IrqsimFabric> fabric;
    try {
        fabric = std::make_unique<irqsim::IrqsimFabric>("fabric", fc);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "irqsim-systemc: %s\n", e.what());
        return 2;
    }
    sc_clock clk("clk", sc_time(1, SC_NS));
    sc_vector<sc_signal<bool>> irq("irq", fabric->num_pes()), fiq("fiq", fabric->num_pes());
    CpuCluster cpus("cpus", *fabric, opt);

    fabric->clk(clk);
    fabric->irq.bind(irq);
    fabric->fiq.bind(fiq);
    cpus.bus.bind(fabric->mmio);
    for (unsigned c = 0; c < fabric->num_cpus(); c++)
        cpus.irq[c](irq[c]);

    auto t0 = std::chrono::steady_clock::now();
    sc_start();
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    uint64_t cycles = fabric->cycle();
    std::printf(
        "simulated %llu cycles (%s SystemC time) in %.2f s: %.0f cycles/s; %llu edges, %llu skipped\n",
        (unsigned long long)cycles, sc_time_stamp().to_string().c_str(), wall, wall > 0 ? cycles / wall : 0.0,
        (unsigned long long)fabric->edges(), (unsigned long long)fabric->skipped_edges());
    irqsim_io_install(nullptr, nullptr);
    irqsim_core_reset();
    return cpus.exit_code();
}
