// SPDX-License-Identifier: MIT
#include "dram.h"

#include <sys/mman.h>

#include <cstdio>
#include <cstring>
#include <new>
#include <stdexcept>

namespace irqsim {

Dram::Dram(SocModel* m, uint64_t base, uint64_t size, unsigned latency)
    : m_(m), base_(base), size_(size), latency_(latency ? latency : 1)
{
    init_memory();
    if (m_) {
        b_ = DramBus::of(m_->pins());
        init_bus();
        m_->add_agent(this);
    }
}

Dram::Dram(const DramBus& bus, uint64_t base, uint64_t size, unsigned latency)
    : m_(nullptr), b_(bus), base_(base), size_(size), latency_(latency ? latency : 1)
{
    init_memory();
    init_bus();
}

void Dram::init_memory()
{
    void* p =
        mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        throw std::bad_alloc();
    mem_ = static_cast<uint8_t*>(p);
    free_[0] = size_;
}

void Dram::init_bus()
{
    has_bus_ = true;
    *b_.arready = 1;
    *b_.rvalid = 0;
    *b_.rdata = 0;
    *b_.rresp = 0;
}

Dram::~Dram()
{
    if (m_)
        m_->remove_agent(this);
    munmap(mem_, size_);
}

uint64_t Dram::bus(const void* p) const
{
    auto* b = static_cast<const uint8_t*>(p);
    if (b < mem_ || b >= mem_ + size_)
        return 0;
    return base_ + static_cast<uint64_t>(b - mem_);
}

uint32_t Dram::read32(uint64_t addr) const
{
    uint32_t v = 0;
    if (contains(addr, 4))
        std::memcpy(&v, mem_ + (addr - base_), 4);
    return v;
}

void Dram::write32(uint64_t addr, uint32_t v)
{
    if (contains(addr, 4))
        std::memcpy(mem_ + (addr - base_), &v, 4);
}

uint64_t Dram::read64(uint64_t addr) const
{
    return read32(addr) | static_cast<uint64_t>(read32(addr + 4)) << 32;
}

void Dram::write64(uint64_t addr, uint64_t v)
{
    write32(addr, static_cast<uint32_t>(v));
    write32(addr + 4, static_cast<uint32_t>(v >> 32));
}

void Dram::write(uint64_t addr, const void* src, size_t len)
{
    if (contains(addr, len))
        std::memcpy(mem_ + (addr - base_), src, len);
}

void Dram::read(uint64_t addr, void* dst, size_t len) const
{
    if (contains(addr, len))
        std::memcpy(dst, mem_ + (addr - base_), len);
    else
        std::memset(dst, 0, len);
}

void Dram::error(const std::string& msg)
{
    ++errors_;
    error_log_.push_back(msg);
    std::fprintf(stderr, "irqsim: dram: %s\n", msg.c_str());
}

void* Dram::alloc(size_t size, uint64_t* bus_addr, uint64_t align)
{
    if (!size)
        return nullptr;
    uint64_t span = (size + kPage - 1) & ~(kPage - 1);
    if (!align) {
        align = kPage;
        while (align < size)
            align <<= 1;
    }
    if (align & (align - 1))
        return nullptr;
    for (auto it = free_.begin(); it != free_.end(); ++it) {
        // alignment is of the bus address
        uint64_t start = ((base_ + it->first + align - 1) & ~(align - 1)) - base_;
        uint64_t end = it->first + it->second;
        if (start + span > end)
            continue;
        uint64_t fstart = it->first;
        free_.erase(it);
        if (start > fstart)
            free_[fstart] = start - fstart;
        if (start + span < end)
            free_[start + span] = end - (start + span);
        live_[start] = size;
        live_span_[start] = span;
        allocated_bytes_ += size;
        std::memset(mem_ + start, 0, span);
        if (bus_addr)
            *bus_addr = base_ + start;
        return mem_ + start;
    }
    return nullptr;
}

bool Dram::free(uint64_t bus_addr, size_t size)
{
    char buf[160];
    if (!contains(bus_addr)) {
        std::snprintf(buf, sizeof buf, "free of 0x%llx: outside DRAM", (unsigned long long)bus_addr);
        error(buf);
        return false;
    }
    uint64_t off = bus_addr - base_;
    auto it = live_.find(off);
    if (it == live_.end()) {
        std::snprintf(buf, sizeof buf, "free of 0x%llx (%zu bytes): not allocated (double free?)",
                      (unsigned long long)bus_addr, size);
        error(buf);
        return false;
    }
    if (it->second != size) {
        std::snprintf(buf, sizeof buf, "free of 0x%llx: size %zu, allocated %llu",
                      (unsigned long long)bus_addr, size, (unsigned long long)it->second);
        error(buf);
        return false;
    }
    uint64_t span = live_span_[off];
    allocated_bytes_ -= it->second;
    live_.erase(it);
    live_span_.erase(off);
    // insert and coalesce with neighbours
    auto ins = free_.emplace(off, span).first;
    auto next = std::next(ins);
    if (next != free_.end() && ins->first + ins->second == next->first) {
        ins->second += next->second;
        free_.erase(next);
    }
    if (ins != free_.begin()) {
        auto prev = std::prev(ins);
        if (prev->first + prev->second == ins->first) {
            prev->second += ins->second;
            free_.erase(ins);
        }
    }
    return true;
}

// Sample the handshakes the rising edge will see.
void Dram::pre_edge()
{
    if (!has_bus_)
        return;
    ar_fire_ = *b_.arvalid && *b_.arready;
    r_fire_ = *b_.rvalid && *b_.rready;
}

void Dram::post_edge(uint64_t cycle)
{
    cycle_ = cycle;
    if (__builtin_expect(!ar_fire_ && !r_fire_ && !q_count_, 1))
        return;
    if (r_fire_) {
        q_head_ = (q_head_ + 1) % kQueue;
        --q_count_;
        *b_.rvalid = 0;
    }
    if (ar_fire_) {
        Req& r = q_[(q_head_ + q_count_) % kQueue];
        r.addr = *b_.araddr;
        r.due = cycle + latency_;
        ++q_count_;
    }
    ar_fire_ = r_fire_ = false;
    *b_.arready = q_count_ < kQueue;
    if (q_count_ && !*b_.rvalid && q_[q_head_].due <= cycle) {
        uint32_t a = q_[q_head_].addr & ~3u;
        bool ok = contains(a, 4);
        uint8_t injected = faults_ && faults_->dram_armed() ? faults_->dram_check(a) : 0;
        ok = ok && !injected;
        *b_.rdata = ok ? read32(a) : 0;
        *b_.rresp = ok ? 0 : (injected ? injected : 3);
        *b_.rvalid = 1;
        ++bus_reads_;
        bus_errors_ += !ok;
    }
}

}  // namespace irqsim
