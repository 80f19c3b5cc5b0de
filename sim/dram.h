// SPDX-License-Identifier: MIT
// Dram: the simulated DRAM the driver allocates from and the SoC reads.
//
// A window of `size` bytes at bus address `base` (default 64 MB at 0x4000_0000),
// reserved as one anonymous mapping: the host OS backs pages lazily on first touch,
// so the window costs nothing until used and an allocation is one contiguous host
// buffer (the driver gets a plain pointer, the RTL the bus address).
//
// Allocator (dma_alloc_coherent-like): zeroed memory aligned to at least a 4 KB
// page and to the next power of two of the size (as Linux's page-order
// allocations), first fit, coalescing free.  free() of an address that is not
// allocated (double free, wrong pointer) or with the wrong size is refused, logged
// and counted in errors().
//
// AXI4-Lite read slave on dram_*: accepts up to kQueue outstanding reads (arready
// while there is room); each returns `latency` cycles after acceptance, in order.
// In-window reads answer OKAY with the little-endian 32-bit word at the address
// (rounded down to 4 bytes); outside the window DECERR and data 0.  Host writes are
// seen at once (coherent): dma_sync is a no-op.
#pragma once

#include "fault.h"
#include "soc_model.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace irqsim {

// The dram_* ports as the slave sees them (from SocModel::pins(), or a test's own storage).
struct DramBus {
    const uint8_t* arvalid;
    uint8_t* arready;
    const uint32_t* araddr;
    uint8_t* rvalid;
    const uint8_t* rready;
    uint32_t* rdata;
    uint8_t* rresp;
    static DramBus of(const Pins& p)
    {
        return DramBus{p.dram_arvalid, p.dram_arready, p.dram_araddr, p.dram_rvalid,
                       p.dram_rready,  p.dram_rdata,   p.dram_rresp};
    }
};

class Dram final : public ClockAgent {
public:
    static constexpr uint64_t kDefaultBase = 0x40000000ull;
    static constexpr uint64_t kDefaultSize = 64ull << 20;
    static constexpr unsigned kQueue = 8;
    static constexpr uint64_t kPage = 4096;

    // m may be nullptr: memory + allocator only (unit tests of the model)
    Dram(SocModel* m, uint64_t base = kDefaultBase, uint64_t size = kDefaultSize, unsigned latency = 4);
    // slave on explicit pins, not registered with a model: the caller calls
    // pre_edge()/post_edge() (unit tests of the slave)
    Dram(const DramBus& bus, uint64_t base = kDefaultBase, uint64_t size = kDefaultSize,
         unsigned latency = 4);
    ~Dram() override;
    Dram(const Dram&) = delete;
    Dram& operator=(const Dram&) = delete;

    uint64_t base() const { return base_; }
    uint64_t size() const { return size_; }
    bool contains(uint64_t addr, uint64_t len = 1) const
    {
        return addr >= base_ && len <= size_ && addr - base_ <= size_ - len;
    }
    // host pointer of a bus address (nullptr outside the window)
    void* host(uint64_t addr) const { return contains(addr) ? mem_ + (addr - base_) : nullptr; }
    // bus address of a host pointer into the window (0 if outside)
    uint64_t bus(const void* p) const;

    uint32_t read32(uint64_t addr) const;
    void write32(uint64_t addr, uint32_t v);
    uint64_t read64(uint64_t addr) const;
    void write64(uint64_t addr, uint64_t v);
    void write(uint64_t addr, const void* src, size_t len);
    void read(uint64_t addr, void* dst, size_t len) const;

    // --- allocator ---
    // align 0 = automatic (max(4 KB, next power of two of size)); returns the host
    // pointer and the bus address, or nullptr when out of memory
    void* alloc(size_t size, uint64_t* bus_addr, uint64_t align = 0);
    // returns false (logged, errors()+1) for an unknown address or a size mismatch
    bool free(uint64_t bus_addr, size_t size);
    size_t allocated_bytes() const { return allocated_bytes_; }
    size_t allocations() const { return live_.size(); }
    unsigned errors() const { return errors_; }
    const std::vector<std::string>& error_log() const { return error_log_; }

    // --- read slave ---
    void set_latency(unsigned cycles) { latency_ = cycles ? cycles : 1; }
    unsigned latency() const { return latency_; }
    uint64_t bus_reads() const { return bus_reads_; }
    // fault injection: reads answered with an error (sim/fault.h)
    void set_faults(Faults* f) { faults_ = f; }
    uint64_t bus_errors() const { return bus_errors_; }

    void pre_edge() override;
    void post_edge(uint64_t cycle) override;

private:
    void error(const std::string& msg);
    void init_memory();
    void init_bus();

    struct Req {
        uint32_t addr;
        uint64_t due;
    };

    SocModel* m_;
    DramBus b_{};
    bool has_bus_ = false;
    uint64_t base_, size_;
    uint8_t* mem_ = nullptr;
    unsigned latency_;

    std::map<uint64_t, uint64_t> free_;       // offset -> length
    std::map<uint64_t, uint64_t> live_;       // offset -> length requested
    std::map<uint64_t, uint64_t> live_span_;  // offset -> length reserved
    size_t allocated_bytes_ = 0;
    unsigned errors_ = 0;
    std::vector<std::string> error_log_;

    Req q_[kQueue];
    unsigned q_head_ = 0, q_count_ = 0;
    bool ar_fire_ = false, r_fire_ = false;
    uint64_t cycle_ = 0;
    uint64_t bus_reads_ = 0, bus_errors_ = 0;
    Faults* faults_ = nullptr;
};

}  // namespace irqsim
