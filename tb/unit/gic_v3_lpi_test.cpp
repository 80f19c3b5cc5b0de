// SPDX-License-Identifier: MIT
// GICv3 DirectLPI driver against FakeGic extended with LPI registers:
// detection, tables and the PROPBASER -> PENDBASER -> EnableLPIs order, the
// configuration byte + INVLPIR + SYNCR path (and its timeout), the INTID
// allocator (exhaustion, alignment, double free), Multi-MSI, messages per
// target CPU, set_affinity rewriting the device's message, and the IRQ entry
// for INTIDs >= 8192.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <linux/interrupt.h>
#include <linux/irqchip.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>
#include <linux/irqsim_arch.h>
#include <linux/msi.h>

extern "C" {
#include "../../driver/irqchip/irq-gic-v3-lpi.h"
}

#include "dtb_edit.h"
#include "dtb_util.h"
#include "fake_gic.h"
#include "fake_msi_parent.h"
#include "fake_ti.h"
#include "test_support.h"

namespace {

constexpr uint64_t D = FakeGic::kGicd;

// what the fake saw at each INVLPIR (low word: the fixture uses 32-bit MMIO)
struct InvEvent {
    unsigned pe;
    uint32_t intid;
    int byte;   // the configuration byte in memory at that moment
    size_t at;  // index in the access log
};

class GicV3LpiTest : public CoreTest {
protected:
    void SetUp() override
    {
        CoreTest::SetUp();
        std::string err;
        dtb = irqsim_test::DefaultDtb(&err);
        ASSERT_FALSE(dtb.empty()) << "dtc failed: " << err;
        fake.io.with_64bit_ops = false;  // every 64-bit register access is seen by the hooks
    }
    void TearDown() override
    {
        if (dev.msi_domain)
            msi_remove_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN);
        msi_device_data_release(&dev);
        CoreTest::TearDown();
    }

    // the GIC's LPI INTID bits come from its node (irqsim,lpi-id-bits)
    void LpiIdBits(uint32_t bits)
    {
        ASSERT_TRUE(irqsim_test::DtbSetProp(&dtb, "arm,gic-v3", "irqsim,lpi-id-bits", {bits}));
    }
    int Probe(const std::vector<uint8_t>* blob = nullptr)
    {
        fake.Install();
        io().SetReg(D + GICD_TYPER, io().Reg(D + GICD_TYPER) | GICD_TYPER_LPIS | (hw_id_bits - 1) << 19);
        for (unsigned pe = 0; pe < fake.n_pes; pe++) {
            uint32_t t = io().Reg(FakeGic::Rd(pe) + GICR_TYPER) | GICR_TYPER_PLPIS;
            if (!(pe == no_direct_pe))
                t |= GICR_TYPER_DirectLPIS;
            io().SetReg(FakeGic::Rd(pe) + GICR_TYPER, t);
        }
        TiOnFakeIo(io(), ti_regs);
        ti_fw.regs = &ti_regs;
        ti_fw.Install();
        auto old_r = io().on_read32;
        auto old_w = io().on_write32;
        io().on_read32 = [this, old_r](uint64_t a) -> std::optional<uint32_t> {
            uint64_t off;
            int pe = PeOf(a, &off);
            if (pe >= 0 && off == GICR_SYNCR) {
                syncr_reads++;
                if (syncr_stuck || busy_left[pe]) {
                    if (busy_left[pe])
                        busy_left[pe]--;
                    return GICR_SYNCR_BUSY;
                }
                return 0;
            }
            return old_r ? old_r(a) : std::nullopt;
        };
        io().on_write32 = [this, old_w](uint64_t a, uint32_t v) {
            uint64_t off;
            int pe = PeOf(a, &off);
            if (pe >= 0 && off == GICR_INVLPIR) {
                invs.push_back({(unsigned)pe, v, gic_v3_lpi_config_byte(v), io().accesses.size() - 1});
                busy_left[pe] = busy_reads;
                return true;
            }
            if (pe >= 0 && (off == GICR_PROPBASER || off == GICR_PENDBASER) &&
                (io().Reg(FakeGic::Rd(pe) + GICR_CTLR) & GICR_CTLR_ENABLE_LPIS)) {
                base_writes_after_enable++;
                return true;  // refused, as the architecture allows
            }
            return old_w ? old_w(a, v) : false;
        };
        return irqchip_init_from_fdt(blob ? blob->data() : dtb.data(), blob ? blob->size() : dtb.size());
    }
    void ProbeOk()
    {
        ASSERT_EQ(Probe(), 0) << AllLogs();
        ASSERT_NE(gic_v3_lpi_domain(), nullptr) << AllLogs();
    }
    void StartCpus(unsigned n)
    {
        for (unsigned c = 1; c < n; c++)
            ASSERT_EQ(irqsim_arch_cpu_starting(c), 0) << AllLogs();
        irqsim_set_this_cpu(0);
    }
    // a test device with its own MSI domain over the LPI domain
    void MakeDevice(u32 extra_flags = 0)
    {
        dev = {};
        dev.name = "lpi-test-dev";
        dev.msi_parent = gic_v3_lpi_domain();
        info = {};
        info.bus_token = DOMAIN_BUS_PCI_DEVICE_MSI;  // PCI-style: keeps its flags (msi_lib)
        info.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS | extra_flags;
        info.chip = &devchip.chip;
        ASSERT_TRUE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &info, 0, nullptr, &devchip))
            << AllLogs();
    }
    struct irq_data* Lpi(unsigned virq) { return irq_domain_get_irq_data(gic_v3_lpi_domain(), virq); }
    msi_msg LastMsg(unsigned virq)
    {
        std::lock_guard<std::mutex> g(devchip.lock);
        for (auto it = devchip.writes.rbegin(); it != devchip.writes.rend(); ++it)
            if (it->virq == virq)
                return it->msg;
        return msi_msg{0, 0, 0};
    }
    std::vector<InvEvent> InvsOf(uint32_t intid) const
    {
        std::vector<InvEvent> v;
        for (auto& e : invs)
            if (e.intid == intid)
                v.push_back(e);
        return v;
    }
    FakeIo& io() { return fake.io; }
    // error lines only (other drivers of the default tree may warn)
    size_t Errors() const
    {
        size_t n = 0;
        for (auto& l : logs)
            n += l.level <= LOGLEVEL_ERR;
        return n;
    }
    static int PeOf(uint64_t a, uint64_t* off)
    {
        if (a < FakeGic::kGicr || a >= FakeGic::kGicr + 5 * FakeGic::kRdStride)
            return -1;
        *off = (a - FakeGic::kGicr) % FakeGic::kRdStride;
        return (int)((a - FakeGic::kGicr) / FakeGic::kRdStride);
    }
    uint64_t Reg64(uint64_t a) { return io().Reg(a) | (uint64_t)io().Reg(a + 4) << 32; }

    FakeGic fake;
    TiRegs ti_regs;
    FakeTiSci ti_fw;
    std::vector<uint8_t> dtb;
    unsigned hw_id_bits = 16;
    unsigned no_direct_pe = ~0u;
    unsigned busy_reads = 1;
    bool syncr_stuck = false;
    unsigned busy_left[8] = {};
    unsigned syncr_reads = 0;
    unsigned base_writes_after_enable = 0;
    std::vector<InvEvent> invs;
    device dev{};
    msi_domain_info info{};
    FakeMsiDevChip devchip;
};

static irqreturn_t CountHandler(int, void* ctx)
{
    ++*static_cast<int*>(ctx);
    return IRQ_HANDLED;
}

TEST_F(GicV3LpiTest, TablesAndEnableSequenceInLinuxOrder)
{
    ProbeOk();
    EXPECT_EQ(gic_v3_lpi_count(), 65536u - 8192u);
    EXPECT_STREQ(gic_v3_lpi_domain()->name, "GICv3-DirectLPI");
    EXPECT_TRUE(gic_v3_lpi_domain()->flags & IRQ_DOMAIN_FLAG_MSI_PARENT);
    // every byte: priority 0xa0, group bit, disabled
    for (uint32_t id : {8192u, 8193u, 30000u, 65535u})
        EXPECT_EQ(gic_v3_lpi_config_byte(id), 0xa2) << id;
    EXPECT_EQ(gic_v3_lpi_config_byte(8191), -EINVAL);
    EXPECT_EQ(gic_v3_lpi_config_byte(65536), -EINVAL);

    const uint64_t rd = FakeGic::Rd(0);
    long prop = fake.Find(FakeIo::W32, rd + GICR_PROPBASER);
    long pend = fake.Find(FakeIo::W32, rd + GICR_PENDBASER);
    long ctlr = -1;
    for (size_t i = 0; i < io().accesses.size(); i++) {
        auto& a = io().accesses[i];
        if (a.kind == FakeIo::W32 && a.addr == rd + GICR_CTLR && (a.val & GICR_CTLR_ENABLE_LPIS))
            ctlr = (long)i;
    }
    ASSERT_GE(prop, 0);
    EXPECT_GT(pend, prop) << "PENDBASER before PROPBASER";
    EXPECT_GT(ctlr, pend) << "EnableLPIs before the tables";
    uint64_t propbaser = Reg64(rd + GICR_PROPBASER), pendbaser = Reg64(rd + GICR_PENDBASER);
    EXPECT_EQ(propbaser & 0x1f, 15u) << "IDbits - 1";
    EXPECT_EQ(propbaser & (3u << 10), 1u << 10) << "inner shareable";
    EXPECT_EQ(propbaser & (7u << 7), 7u << 7) << "RaWaWb";
    EXPECT_EQ(propbaser & 0xfff & ~0xf9fu, 0u);
    EXPECT_EQ(pendbaser & 0xffff & ~0xf80u, 0u) << "pending table 64 KB aligned";
    EXPECT_NE(pendbaser & 0x000fffffffff0000ull, 0u);
    EXPECT_EQ(io().Reg(rd + GICR_CTLR) & GICR_CTLR_ENABLE_LPIS, GICR_CTLR_ENABLE_LPIS);

    // a secondary CPU: same configuration table, its own pending table
    io().ClearLog();
    ASSERT_EQ(irqsim_arch_cpu_starting(2), 0) << AllLogs();
    const uint64_t rd2 = FakeGic::Rd(2);
    EXPECT_EQ(Reg64(rd2 + GICR_PROPBASER), propbaser);
    EXPECT_NE(Reg64(rd2 + GICR_PENDBASER) & ~0xfffull, pendbaser & ~0xfffull);
    EXPECT_LT(fake.Find(FakeIo::W32, rd2 + GICR_PROPBASER), fake.Find(FakeIo::W32, rd2 + GICR_PENDBASER));

    // the CPU started again (hotplug): LPIs already on with our table -> no rewrite
    io().ClearLog();
    ASSERT_EQ(irqsim_arch_cpu_starting(2), 0) << AllLogs();
    irqsim_set_this_cpu(0);
    EXPECT_EQ(fake.Find(FakeIo::W32, rd2 + GICR_PROPBASER), -1);
    EXPECT_EQ(fake.Find(FakeIo::W32, rd2 + GICR_PENDBASER), -1);
    EXPECT_EQ(base_writes_after_enable, 0u) << "tables rewritten after EnableLPIs";
    EXPECT_EQ(Errors(), 0u) << AllLogs();
}

TEST_F(GicV3LpiTest, NoDirectLpiOnOneRedistributorSkipsQuietly)
{
    no_direct_pe = 3;
    ASSERT_EQ(Probe(), 0) << AllLogs();
    EXPECT_NE(gic_v3_domain(), nullptr);
    EXPECT_EQ(gic_v3_lpi_domain(), nullptr);
    EXPECT_EQ(gic_v3_lpi_count(), 0u);
    EXPECT_EQ(fake.Find(FakeIo::W32, FakeGic::Rd(0) + GICR_PROPBASER), -1);
    EXPECT_EQ(Errors(), 0u) << AllLogs();
    // an LPI INTID arriving anyway is unexpected, not a crash
    fake.iar[0] = {8200};
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    EXPECT_EQ(CountLogs({"Unexpected interrupt 8200"}), 1u) << AllLogs();
}

TEST_F(GicV3LpiTest, LpiIdBitsFromDeviceTreeCappedByHardware)
{
    std::ifstream in(irqsim_test::DefaultDtsPath());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    size_t at = text.find("compatible = \"arm,gic-v3\";");
    ASSERT_NE(at, std::string::npos);
    auto with = [&](const std::string& prop) {
        std::string t = text;
        t.insert(at, prop + "\n\t\t");
        std::string err;
        auto blob = irqsim_test::CompileDts(t, &err);
        EXPECT_FALSE(blob.empty()) << err;
        return blob;
    };
    auto b14 = with("irqsim,lpi-id-bits = <14>;");
    ASSERT_EQ(Probe(&b14), 0) << AllLogs();
    EXPECT_EQ(gic_v3_lpi_count(), 8192u);
    EXPECT_EQ(Reg64(FakeGic::Rd(0) + GICR_PROPBASER) & 0x1f, 13u);
    EXPECT_EQ(gic_v3_lpi_config_byte(16383), 0xa2);
    EXPECT_EQ(gic_v3_lpi_config_byte(16384), -EINVAL);
}

TEST_F(GicV3LpiTest, LpiIdBitsAboveHardwareAreCappedWithAWarning)
{
    hw_id_bits = 15;
    LpiIdBits(17);
    ASSERT_EQ(Probe(), 0) << AllLogs();
    EXPECT_EQ(gic_v3_lpi_count(), 32768u - 8192u);
    EXPECT_EQ(CountLogs({"irqsim,lpi-id-bits 17 capped", "15"}), 1u) << AllLogs();
}

TEST_F(GicV3LpiTest, BadLpiIdBitsFailsProbeNamingTheProperty)
{
    LpiIdBits(9);
    EXPECT_NE(Probe(), 0);
    EXPECT_EQ(gic_v3_lpi_domain(), nullptr);
    EXPECT_EQ(CountLogs({"irqsim,lpi-id-bits 9 out of range"}), 1u) << AllLogs();
}

TEST_F(GicV3LpiTest, ProbeFailureAfterLpiInitLeavesNoLpiDomain)
{
    fake.sre_stuck = true;  // the boot CPU's interface fails after the LPI set-up
    EXPECT_NE(Probe(), 0);
    EXPECT_EQ(gic_v3_lpi_domain(), nullptr);
    EXPECT_EQ(gic_v3_lpi_count(), 0u);
    for (struct irq_domain* d = irq_domain_next(nullptr); d; d = irq_domain_next(d))
        EXPECT_STRNE(d->name, "GICv3-DirectLPI") << "LPI domain left behind";
}

TEST_F(GicV3LpiTest, MaskUnmaskWritesByteThenInvlpirThenPollsSyncr)
{
    ProbeOk();
    MakeDevice();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 1), 0) << AllLogs();
    unsigned virq = msi_get_virq(&dev, 0);
    ASSERT_NE(virq, 0u);
    uint32_t intid = (uint32_t)Lpi(virq)->hwirq;
    EXPECT_EQ(intid, 8192u);
    int runs = 0;
    invs.clear();
    io().ClearLog();
    syncr_reads = 0;
    busy_reads = 2;
    ASSERT_EQ(request_irq(virq, CountHandler, 0, "lpi", &runs), 0) << AllLogs();
    // activation invalidates, the unmask writes 0xa3 then invalidates
    auto v = InvsOf(intid);
    ASSERT_GE(v.size(), 1u);
    EXPECT_EQ(v.back().byte, 0xa3) << "INVLPIR before the enable bit reached memory";
    EXPECT_EQ(v.back().pe, 0u);
    // SYNCR polled after the INVLPIR until Busy cleared (2 busy reads + 1 idle)
    long syncr = fake.Find(FakeIo::R32, FakeGic::Rd(0) + GICR_SYNCR, (long)v.back().at);
    EXPECT_GT(syncr, (long)v.back().at);
    EXPECT_EQ(syncr_reads, 3u * v.size());
    EXPECT_EQ(gic_v3_lpi_config_byte(intid), 0xa3);

    invs.clear();
    disable_irq(virq);
    v = InvsOf(intid);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].byte, 0xa2);
    enable_irq(virq);
    ASSERT_EQ(InvsOf(intid).size(), 2u);
    EXPECT_EQ(InvsOf(intid)[1].byte, 0xa3);

    // priority: bits 7:2 of the byte, group and enable bits kept
    ASSERT_EQ(gic_v3_lpi_set_priority(virq, 0x41), 0);
    EXPECT_EQ(gic_v3_lpi_config_byte(intid), 0x43);
    EXPECT_EQ(InvsOf(intid).back().byte, 0x43);
    free_irq(virq, &runs);
    EXPECT_EQ(Errors(), 0u) << AllLogs();
}

TEST_F(GicV3LpiTest, SyncrNeverIdleTimesOutWithAClearError)
{
    ProbeOk();
    MakeDevice();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 1), 0) << AllLogs();
    unsigned virq = msi_get_virq(&dev, 0);
    syncr_stuck = true;
    EXPECT_EQ(gic_v3_lpi_set_priority(virq, 0x80), -ETIMEDOUT);
    EXPECT_EQ(CountLogs({"CPU0", "GICR_SYNCR", "still busy", "LPI 8192"}), 1u) << AllLogs();
    syncr_stuck = false;
    // the per-RD lock was released: the next invalidate works
    EXPECT_EQ(gic_v3_lpi_set_priority(virq, 0x80), 0);
}

TEST_F(GicV3LpiTest, AllocatorExhaustionIsAllOrNothing)
{
    LpiIdBits(14);  // 8192 LPIs
    ProbeOk();
    MakeDevice(MSI_FLAG_MULTI_PCI_MSI);
    // fill every LPI straight from the allocator, then free 8193..8195 and 8197
    auto& bm = gic_lpi.bitmap;
    for (unsigned i = 0; i < 8192; i++)
        ASSERT_EQ(gic_lpi_alloc_block(&bm, 1), (long)(8192 + i));
    EXPECT_EQ(gic_lpi_alloc_block(&bm, 1), -ENOSPC);
    for (uint32_t id : {8193u, 8194u, 8195u, 8197u})
        ASSERT_EQ(gic_lpi_free_block(&bm, id, 1), 0);
    unsigned used = gic_v3_lpi_in_use();
    unsigned virqs = irq_get_nr_allocated();
    ClearLogs();
    // a block of 4 needs an aligned free run: none -> -ENOSPC, nothing kept
    EXPECT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 4), -ENOSPC);
    EXPECT_EQ(gic_v3_lpi_in_use(), used);
    EXPECT_EQ(irq_get_nr_allocated(), virqs);
    EXPECT_EQ(msi_get_virq(&dev, 0), 0u);
    EXPECT_GE(CountLogs({"no free block of 4 LPIs"}), 1u) << AllLogs();
    // a block of 2 fits only at 8194 (aligned; 8193 is free but 8192 is not)
    ASSERT_EQ(msi_domain_alloc_irqs_range(&dev, MSI_DEFAULT_DOMAIN, 0, 1), 0) << AllLogs();
    EXPECT_EQ(Lpi(msi_get_virq(&dev, 0))->hwirq, 8194u);
    EXPECT_EQ(Lpi(msi_get_virq(&dev, 1))->hwirq, 8195u);
    EXPECT_EQ(gic_v3_lpi_in_use(), used + 2);
    msi_domain_free_irqs_all(&dev, MSI_DEFAULT_DOMAIN);
    EXPECT_EQ(gic_v3_lpi_in_use(), used);
    EXPECT_EQ(irq_get_nr_allocated(), virqs);
}

TEST_F(GicV3LpiTest, FreeOfUnknownOrFreedLpiIsRefused)
{
    ProbeOk();
    auto& bm = gic_lpi.bitmap;
    long a = gic_lpi_alloc_block(&bm, 4);
    ASSERT_EQ(a, 8192);
    EXPECT_EQ(gic_lpi_free_block(&bm, 8192, 8), -EINVAL) << "half of it was never allocated";
    EXPECT_EQ(gic_v3_lpi_in_use(), 4u) << "a refused free changes nothing";
    EXPECT_EQ(gic_lpi_free_block(&bm, 8192, 4), 0);
    EXPECT_EQ(gic_lpi_free_block(&bm, 8192, 4), -EINVAL) << "double free";
    EXPECT_EQ(gic_lpi_free_block(&bm, 100, 1), -EINVAL) << "not an LPI";
    EXPECT_EQ(gic_lpi_free_block(&bm, 65536, 1), -EINVAL) << "beyond the table";
    EXPECT_EQ(gic_lpi_alloc_block(&bm, 3), -EINVAL) << "not a power of two";
    EXPECT_EQ(CountLogs({"DirectLPI", "refused", "double free"}), 4u) << AllLogs();
    EXPECT_EQ(gic_v3_lpi_in_use(), 0u);
}

TEST_F(GicV3LpiTest, MultiMsiBlockIsAlignedAndSharesOneMessage)
{
    ProbeOk();
    StartCpus(4);
    MakeDevice(MSI_FLAG_MULTI_PCI_MSI);
    device other{};
    other.name = "single";
    other.msi_parent = gic_v3_lpi_domain();
    msi_domain_info oinfo{};
    oinfo.bus_token = DOMAIN_BUS_PCI_DEVICE_MSI;
    oinfo.flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
    oinfo.chip = &devchip.chip;
    ASSERT_TRUE(msi_create_device_irq_domain(&other, MSI_DEFAULT_DOMAIN, &oinfo, 0, nullptr, &devchip));
    ASSERT_EQ(msi_domain_alloc_irqs(&other, MSI_DEFAULT_DOMAIN, 1), 0);  // takes 8192
    ASSERT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 8), 0) << AllLogs();
    unsigned base = msi_get_virq(&dev, 0);
    uint32_t first = (uint32_t)Lpi(base)->hwirq;
    EXPECT_EQ(first % 8, 0u) << "block not naturally aligned";
    EXPECT_EQ(first, 8200u);
    unsigned cpu = cpumask_first(irq_data_get_effective_affinity_mask(Lpi(base)));
    for (unsigned i = 0; i < 8; i++) {
        unsigned v = msi_get_virq(&dev, i);
        ASSERT_EQ(v, base + i);
        EXPECT_EQ(Lpi(v)->hwirq, first + i);
        EXPECT_EQ(cpumask_first(irq_data_get_effective_affinity_mask(Lpi(v))), cpu) << i;
    }
    // activation composes the block's one message: data = base INTID
    int runs[8] = {};
    for (unsigned i = 0; i < 8; i++)
        ASSERT_EQ(request_irq(base + i, CountHandler, 0, "mmsi", &runs[i]), 0);
    msi_msg m = LastMsg(base + 5);
    EXPECT_EQ(m.data, first) << "vector 5 must carry the block's base data";
    EXPECT_EQ(msi_msg_address(&m), FakeGic::Rd(cpu) + GICR_SETLPIR);
    // each vector reaches its own handler through the IRQ entry
    irqsim_set_this_cpu(cpu);
    fake.iar[cpu] = {first + 5, first + 2};
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    irqsim_set_this_cpu(0);
    for (unsigned i = 0; i < 8; i++)
        EXPECT_EQ(runs[i], (i == 5 || i == 2) ? 1 : 0) << i;
    // moving one vector moves the block (one message)
    unsigned to = (cpu + 1) % 4;
    ASSERT_EQ(irq_set_affinity(base + 3, cpumask_of(to)), 0) << AllLogs();
    for (unsigned i = 0; i < 8; i++)
        EXPECT_EQ(cpumask_first(irq_data_get_effective_affinity_mask(Lpi(base + i))), to) << i;
    m = LastMsg(base + 3);
    EXPECT_EQ(msi_msg_address(&m), FakeGic::Rd(to) + GICR_SETLPIR);
    EXPECT_EQ(m.data, first);
    for (unsigned i = 0; i < 8; i++)
        free_irq(base + i, &runs[i]);
    msi_remove_device_irq_domain(&other, MSI_DEFAULT_DOMAIN);
    msi_device_data_release(&other);
    EXPECT_EQ(Errors(), 0u) << AllLogs();
}

TEST_F(GicV3LpiTest, MessagesTargetTheChosenCpusRedistributor)
{
    ProbeOk();
    StartCpus(4);
    MakeDevice();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 8), 0) << AllLogs();
    int runs[8] = {};
    unsigned per_cpu[4] = {};
    for (unsigned i = 0; i < 8; i++) {
        unsigned v = msi_get_virq(&dev, i);
        ASSERT_EQ(request_irq(v, CountHandler, 0, "lpi", &runs[i]), 0);
        unsigned cpu = cpumask_first(irq_data_get_effective_affinity_mask(Lpi(v)));
        ASSERT_LT(cpu, 4u);
        per_cpu[cpu]++;
        msi_msg m = LastMsg(v);
        EXPECT_EQ(msi_msg_address(&m), FakeGic::Rd(cpu) + GICR_SETLPIR) << i;
        EXPECT_EQ(m.data, Lpi(v)->hwirq) << i;
        // activation invalidated that CPU's redistributor
        auto iv = InvsOf((uint32_t)Lpi(v)->hwirq);
        ASSERT_FALSE(iv.empty());
        EXPECT_EQ(iv.back().pe, cpu);
    }
    for (unsigned c = 0; c < 4; c++)
        EXPECT_EQ(per_cpu[c], 2u) << "least-loaded spread, cpu " << c;
    for (unsigned i = 0; i < 8; i++)
        free_irq(msi_get_virq(&dev, i), &runs[i]);
    EXPECT_EQ(Errors(), 0u) << AllLogs();
}

TEST_F(GicV3LpiTest, SetAffinityRewritesTheMessageAndInvalidatesTheNewRedistributor)
{
    ProbeOk();
    StartCpus(4);
    MakeDevice();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 1), 0);
    unsigned v = msi_get_virq(&dev, 0);
    int runs = 0;
    ASSERT_EQ(request_irq(v, CountHandler, 0, "lpi", &runs), 0);
    uint32_t intid = (uint32_t)Lpi(v)->hwirq;
    size_t writes = devchip.writes.size();
    invs.clear();
    ASSERT_EQ(irq_set_affinity(v, cpumask_of(3)), 0) << AllLogs();
    EXPECT_EQ(devchip.writes.size(), writes + 1) << "message not rewritten";
    msi_msg m = LastMsg(v);
    EXPECT_EQ(msi_msg_address(&m), FakeGic::Rd(3) + GICR_SETLPIR);
    EXPECT_EQ(m.data, intid);
    ASSERT_EQ(InvsOf(intid).size(), 1u);
    EXPECT_EQ(InvsOf(intid)[0].pe, 3u);
    EXPECT_EQ(InvsOf(intid)[0].byte, 0xa3);
    // masking now invalidates the new target's cache
    disable_irq(v);
    EXPECT_EQ(InvsOf(intid).back().pe, 3u);
    enable_irq(v);
    // an offline CPU is refused, the message stays
    set_cpu_online(2, false);
    EXPECT_NE(irq_set_affinity(v, cpumask_of(2)), 0);
    set_cpu_online(2, true);
    EXPECT_EQ(msi_msg_address(&devchip.writes.back().msg), FakeGic::Rd(3) + GICR_SETLPIR);
    free_irq(v, &runs);
}

TEST_F(GicV3LpiTest, IrqEntryDispatchesLpisAndEoisWithoutDir)
{
    ASSERT_TRUE(irqsim_test::DtbSetProp(&dtb, "arm,gic-v3", "irqsim,split-eoi"));
    ProbeOk();
    MakeDevice();
    ASSERT_EQ(msi_domain_alloc_irqs(&dev, MSI_DEFAULT_DOMAIN, 1), 0);
    unsigned v = msi_get_virq(&dev, 0);
    int runs = 0;
    ASSERT_EQ(request_irq(v, CountHandler, 0, "lpi", &runs), 0);
    io().ClearLog();
    fake.iar[0] = {8192, 9000};
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    EXPECT_EQ(runs, 1);
    EXPECT_EQ(fake.SysregWrites(SYS_ICC_EOIR1_EL1), std::vector<uint64_t>{8192});
    EXPECT_EQ(fake.FindSysregWrite(SYS_ICC_DIR_EL1), -1) << "DIR is not for LPIs";
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);  // 9000: no mapping
    EXPECT_EQ(CountLogs({"Unexpected interrupt 9000"}), 1u);
    EXPECT_EQ(fake.FindSysregWrite(SYS_ICC_DIR_EL1), -1);
    free_irq(v, &runs);
}

}  // namespace
