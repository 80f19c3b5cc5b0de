// SPDX-License-Identifier: MIT
// Generic CSR tests of every described register block, from the descriptors
// generated out of rtl/*/*.rdl (csr_desc.h), on the verilated SoC through the
// AXI4-Lite BFM — in the manner of OpenTitan's csr_hw_reset / csr_rw /
// csr_bit_bash / secure-access sequences:
//   HwReset      every register reads its reset value after reset
//   ReadWrite    patterns written and read back per the access kind (RW, W1S, W1C,
//                write-clears, RO, WO) and views (an alias reads its primary's storage)
//   BitBash      a walking one per bit, then 0, each read back
//   SecureWrite  a non-secure write of a secure-only register answers SLVERR, changes
//                nothing (only for the blocks that have one)
// Arrays: the first and last element. 64-bit registers: each 32-bit word on its own.
// The GIC CPU interface's registers are reached through the system-register port (PE 0):
// a word is read from, and written into, its register's 64-bit value (read-modify-write),
// and a read of a write-only register must be refused.
// Bits the hardware also changes (volatile) are checked after reset only; bits of no
// field are written 0 (software's rule; some RTL checkers flag other writes) and read 0.
// A register with csr_excl (a write has side effects) is only read.
// CsrMap.WindowsDecodeAsDescribed: every window of the SoC's address map
// (irqsim_soc_map.rdl) reaches a slave at its first word, and the word after it,
// when no other window owns it, is answered DECERR by the fabric.  (Its last word
// is not checked: a slave may answer DECERR itself for what it does not implement,
// as the INTA does for VINTs and events beyond its count.)
#include "csr_test_blocks.h"
#include "rtl_test_support.h"

#include <cinttypes>
#include <map>
#include <string>
#include <utility>
#include <vector>

using csrtest::Dut;
using csrtest::Port;
using irqsim::csr::Block;
using irqsim::csr::Reg;

namespace {

std::string dut_name(const ::testing::TestParamInfo<Dut>& i) { return i.param.block->name; }

// one 32-bit word of a register: the descriptor's masks shifted down to it
struct Word {
    const Reg* r;
    unsigned w;
    uint32_t m(uint64_t v) const { return static_cast<uint32_t>(v >> (32 * w)); }
};

class Csr : public ::testing::TestWithParam<Dut> {
protected:
    void SetUp() override
    {
        ASSERT_EQ(irqsim_core_reset(), 0);
        irqsim::SimConfig cfg;
        cfg.cpus = 4;
        cfg.quiet_bus_errors = true;
        sim = std::make_unique<irqsim::Sim>(cfg);
        sim->boot();
    }
    void TearDown() override
    {
        EXPECT_FALSE(sim->failed()) << sim->error();
        if (HasFailure())
            std::printf("last bus accesses:\n%s", sim->bus_log().tail(20).c_str());
        sim.reset();
        irqsim_core_reset();
    }

    const Block& block() const { return *GetParam().block; }
    bool sysreg() const { return GetParam().port == Port::Sysreg; }
    uint32_t addr(const Reg& r, uint32_t i, unsigned w) const
    {
        return (sysreg() ? 0 : sim->model().params().*GetParam().base) + r.addr(i) + 4 * w;
    }
    // the system-register key of a register (its offset / 8) and the refusal of an access
    static uint16_t key(const Reg& r, uint32_t i) { return static_cast<uint16_t>(r.addr(i) >> 3); }
    uint64_t sysreg_read(const Reg& r, uint32_t i)
    {
        auto res = sim->sysregs().read(0, key(r, i));
        EXPECT_TRUE(res.ok()) << r.name << " (key 0x" << std::hex << key(r, i) << "): read "
                              << (res.timeout ? "timed out" : "refused");
        return res.data;
    }
    static std::vector<uint32_t> elements(const Reg& r)
    {
        return r.count > 1 ? std::vector<uint32_t>{0, r.count - 1} : std::vector<uint32_t>{0};
    }
    static unsigned words(const Reg& r) { return r.width / 32; }
    int storage(const Reg& r) const
    {
        return r.alias_of >= 0 ? r.alias_of : static_cast<int>(&r - block().regs);
    }

    uint32_t read(const Reg& r, uint32_t i, unsigned w)
    {
        if (sysreg())
            return static_cast<uint32_t>(sysreg_read(r, i) >> (32 * w));
        auto res = sim->cpu_bus().read32(addr(r, i, w));
        EXPECT_TRUE(res.ok()) << r.name << "[" << i << "] word " << w << ": read "
                              << irqsim::axi_resp_name(res.resp);
        return static_cast<uint32_t>(res.data);
    }
    // secure-only registers are written from the secure world
    void write(const Reg& r, uint32_t i, unsigned w, uint32_t v)
    {
        if (sysreg()) {
            uint64_t m = 0xffffffffull << (32 * w);
            uint64_t full = (sysreg_read(r, i) & ~m) | (static_cast<uint64_t>(v) << (32 * w));
            auto res = sim->sysregs().write(0, key(r, i), full);
            EXPECT_TRUE(res.ok()) << r.name << " (key 0x" << std::hex << key(r, i) << "): write 0x" << full
                                  << (res.timeout ? " timed out" : " refused");
            return;
        }
        auto prot = r.secure_write ? irqsim::kProtSecure : irqsim::kProtNonSecure;
        auto& bus = r.secure_write ? sim->fw_bus() : sim->cpu_bus();
        auto res = bus.write32(addr(r, i, w), v, prot);
        EXPECT_TRUE(res.ok()) << r.name << "[" << i << "] word " << w << ": write "
                              << irqsim::axi_resp_name(res.resp);
    }

    // what software may write: bits of fields only, limited fields clamped to their range
    static uint32_t legal(const Word& x, uint32_t v)
    {
        uint64_t full = static_cast<uint64_t>(v & x.m(x.r->fields)) << (32 * x.w);
        for (size_t k = 0; k < x.r->n_limits; k++) {
            const auto& l = x.r->limits[k];
            uint64_t fm = ((l.width == 64 ? ~0ull : (1ull << l.width) - 1)) << l.lsb;
            uint64_t f = (full & fm) >> l.lsb;
            if (f > l.max || f < l.min)
                full = (full & ~fm) | ((f > l.max ? l.max : l.min) << l.lsb);
        }
        return static_cast<uint32_t>(full >> (32 * x.w));
    }
    // the storage after a write of v through register x (the reference model)
    static uint32_t after_write(const Word& x, uint32_t old, uint32_t v)
    {
        uint32_t n = (old & ~x.m(x.r->rw)) | (v & x.m(x.r->rw));
        n |= v & x.m(x.r->w1s);
        n &= ~(v & x.m(x.r->w1c));
        n &= ~x.m(x.r->wclr);
        return n;
    }
    // compare a read of x with the model (volatile and write-only bits aside; write-only reads 0)
    void expect_read(const Word& x, uint32_t i, uint32_t model, const std::string& what)
    {
        uint32_t got = read(*x.r, i, x.w);
        uint32_t cmp = ~x.m(x.r->volatile_bits);
        uint32_t want = model & ~x.m(x.r->wo);
        EXPECT_EQ(got & cmp, want & cmp)
            << std::hex << block().name << "." << x.r->name << "[" << std::dec << i << "] word " << x.w
            << " after " << what << std::hex << ": read 0x" << got << ", expected 0x" << want
            << " (compared bits 0x" << cmp << ")";
    }

    // Run f(word, element, shadow) on every writable word; shadow: the model's storage
    // of the word's register (a view shares its primary's), seeded from a read.
    template <class F>
    void each_writable(F&& f)
    {
        std::map<std::pair<int, uint64_t>, uint32_t> shadow;
        for (size_t k = 0; k < block().n_regs; k++) {
            const Reg& r = block().regs[k];
            if (r.excl || !(r.rw | r.w1s | r.w1c | r.wclr))
                continue;
            for (uint32_t i : elements(r))
                for (unsigned w = 0; w < words(r); w++) {
                    auto key = std::make_pair(storage(r), (uint64_t(i) << 1) | w);
                    if (!shadow.count(key))
                        shadow[key] = read(r, i, w);
                    f(Word{&r, w}, i, shadow[key]);
                }
        }
    }
    // write v (made legal) through x and check the read-back against the model
    void write_check(const Word& x, uint32_t i, uint32_t& sh, uint32_t v, const char* what)
    {
        v = legal(x, v);
        write(*x.r, i, x.w, v);
        sh = after_write(x, sh, v);
        char buf[64];
        std::snprintf(buf, sizeof buf, "%s 0x%08" PRIx32, what, v);
        expect_read(x, i, sh, buf);
    }
    // put RW bits back to their reset value, so later registers see a quiet block
    void restore(const Word& x, uint32_t i, uint32_t& sh)
    {
        if (x.m(x.r->rw)) {
            uint32_t v = legal(x, (sh & ~x.m(x.r->rw)) | (x.m(x.r->reset) & x.m(x.r->rw)));
            v &= ~x.m(x.r->w1s | x.r->w1c | x.r->wclr);
            write(*x.r, i, x.w, v);
            sh = after_write(x, sh, v);
        }
    }

    std::unique_ptr<irqsim::Sim> sim;
};

TEST_P(Csr, HwReset)
{
    for (size_t k = 0; k < block().n_regs; k++) {
        const Reg& r = block().regs[k];
        if (sysreg() && r.access == irqsim::csr::Access::WO) {
            // write-only system registers refuse reads (error, no effect)
            for (uint32_t i : elements(r)) {
                auto res = sim->sysregs().read(0, key(r, i));
                EXPECT_TRUE(res.error && !res.timeout)
                    << block().name << "." << r.name << ": a read of a write-only register was not refused";
            }
            continue;
        }
        for (uint32_t i : elements(r))
            for (unsigned w = 0; w < words(r); w++) {
                Word x{&r, w};
                uint32_t got = read(r, i, w);
                EXPECT_EQ(got & x.m(r.reset_mask), x.m(r.reset) & x.m(r.reset_mask))
                    << std::hex << block().name << "." << r.name << "[" << std::dec << i << "] word " << w
                    << std::hex << ": read 0x" << got << " after reset, described reset 0x" << x.m(r.reset)
                    << " (bits 0x" << x.m(r.reset_mask) << ")";
            }
    }
}

TEST_P(Csr, ReadWrite)
{
    each_writable([&](const Word& x, uint32_t i, uint32_t& sh) {
        for (uint32_t p : {0xffffffffu, 0x00000000u, 0xa5a5a5a5u, 0x5a5a5a5au, 0xffffffffu})
            write_check(x, i, sh, p, "write");
        restore(x, i, sh);
    });
}

TEST_P(Csr, BitBash)
{
    each_writable([&](const Word& x, uint32_t i, uint32_t& sh) {
        uint32_t fields = x.m(x.r->fields);
        for (unsigned b = 0; b < 32; b++) {
            if (!(fields >> b & 1))
                continue;
            write_check(x, i, sh, 1u << b, "walking one");
            write_check(x, i, sh, 0, "zero after walking one");
        }
        restore(x, i, sh);
    });
}

// the blocks with a secure-only register: only they get the SecureWrite test
std::vector<Dut> blocks_with_secure_registers()
{
    std::vector<Dut> out;
    for (const Dut& d : csrtest::kBlocks)
        for (size_t k = 0; k < d.block->n_regs; k++)
            if (d.block->regs[k].secure_write && !d.block->regs[k].excl) {
                out.push_back(d);
                break;
            }
    return out;
}

using CsrSecure = Csr;

TEST_P(CsrSecure, SecureWrite)
{
    unsigned n = 0;
    for (size_t k = 0; k < block().n_regs; k++) {
        const Reg& r = block().regs[k];
        if (!r.secure_write || r.excl)
            continue;
        for (uint32_t i : elements(r))
            for (unsigned w = 0; w < words(r); w++) {
                Word x{&r, w};
                uint32_t before = read(r, i, w);
                uint32_t v = legal(x, ~before);
                auto res = sim->cpu_bus().write32(addr(r, i, w), v, irqsim::kProtNonSecure);
                EXPECT_EQ(res.resp, irqsim::AXI_SLVERR)
                    << block().name << "." << r.name << "[" << i << "]: non-secure write answered "
                    << irqsim::axi_resp_name(res.resp);
                expect_read(x, i, before, "a refused non-secure write");
                n++;
            }
    }
    EXPECT_GT(n, 0u) << block().name << ": no secure-only register written";
}

class CsrMap : public Csr {};

TEST_F(CsrMap, WindowsDecodeAsDescribed)
{
    using irqsim::csr::irqsim_soc_map_windows;
    auto owned = [](uint64_t a) {
        for (const auto& w : irqsim_soc_map_windows)
            if (a >= w.base && a - w.base < w.size)
                return true;
        return false;
    };
    unsigned past = 0;
    for (const auto& w : irqsim_soc_map_windows) {
        // a secure read: a secure-only region answers it too
        auto first = sim->cpu_bus().read32(w.base, irqsim::kProtSecure);
        EXPECT_FALSE(first.timeout) << w.name;
        EXPECT_NE(first.resp, irqsim::AXI_DECERR) << w.name << " at 0x" << std::hex << w.base << ": no slave";
        const uint64_t after = uint64_t{w.base} + w.size;
        if (after > UINT32_MAX || owned(after))
            continue;
        auto r = sim->cpu_bus().read32(static_cast<uint32_t>(after), irqsim::kProtSecure);
        EXPECT_EQ(r.resp, irqsim::AXI_DECERR)
            << "0x" << std::hex << after << ", just past " << w.name << ": answered by a slave";
        past++;
    }
    EXPECT_GT(past, 0u) << "no window is followed by a hole";
}

INSTANTIATE_TEST_SUITE_P(Blocks, Csr, ::testing::ValuesIn(csrtest::kBlocks), dut_name);
INSTANTIATE_TEST_SUITE_P(Blocks, CsrSecure, ::testing::ValuesIn(blocks_with_secure_registers()), dut_name);

}  // namespace
