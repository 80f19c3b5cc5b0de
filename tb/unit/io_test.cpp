// SPDX-License-Identifier: MIT
// The io seam (io.c) and the basic services (base.c): backends, 64-bit
// fallback, annotations, logging, CPU masks.
#include <linux/cpumask.h>
#include <linux/io.h>

#include <thread>

#include "fake_io.h"
#include "test_support.h"

namespace {

class IoTest : public CoreTest {};

TEST_F(IoTest, NoBackendReadsAllOnesAndLogsEachAccess)
{
    void __iomem* base = ioremap(0x2f000000, 0x10000);
    ASSERT_NE(base, nullptr);
    EXPECT_EQ(irqsim_iomem_phys((char __iomem*)base + 0x10), 0x2f000010u);
    EXPECT_EQ(readl((char __iomem*)base + 4), 0xffffffffu);
    EXPECT_EQ(io_last_status(), IO_DECERR);
    writel(1, (char __iomem*)base + 8);
    EXPECT_EQ(readq(base), ~0ull);
    EXPECT_EQ(read_sysreg_s(sys_reg(3, 0, 12, 12, 0)), ~0ull);
    EXPECT_EQ(ErrorCount(), 4u);
    EXPECT_EQ(CountLogs({"readl", "0x2f000004"}), 1u);
    EXPECT_EQ(CountLogs({"writel", "0x2f000008"}), 1u);
    EXPECT_EQ(ioremap(0, 4), nullptr);
    iounmap(base);
    dma_addr_t h;
    EXPECT_EQ(dma_alloc_coherent(nullptr, 64, &h), nullptr);
    EXPECT_FALSE(irqsim_annotate_enabled());
}

TEST_F(IoTest, FakeBackendRecordsAccesses)
{
    FakeIo io;
    io.Install();
    char __iomem* base = (char __iomem*)ioremap(0x1000, 0x100);
    io.SetReg(0x1004, 0x55);
    EXPECT_EQ(readl(base + 4), 0x55u);
    writel(0xabc, base + 8);
    EXPECT_EQ(io.Reg(0x1008), 0xabcu);
    writeq(0x1122334455667788ull, base + 0x10);
    EXPECT_EQ(readq(base + 0x10), 0x1122334455667788ull);
    ASSERT_EQ(io.accesses.size(), 4u);
    EXPECT_EQ(io.accesses[2].kind, FakeIo::W64);
    io.status_at[0x1020] = IO_SLVERR;
    readl(base + 0x20);
    EXPECT_EQ(io_last_status(), IO_SLVERR);
    readl(base + 0x24);
    EXPECT_EQ(io_last_status(), IO_OKAY);
    // the refused access is logged once, with its address
    EXPECT_EQ(ErrorCount(), 1u);
    EXPECT_EQ(CountLogs({"readl at 0x1020", "SLVERR"}), 1u);
}

TEST_F(IoTest, SixtyFourBitFallsBackToTwoWordsLowFirst)
{
    FakeIo io;
    io.with_64bit_ops = false;
    io.Install();
    char __iomem* base = (char __iomem*)ioremap(0x2000, 0x100);
    writeq(0xaaaabbbbccccddddull, base);
    ASSERT_EQ(io.accesses.size(), 2u);
    EXPECT_EQ(io.accesses[0].kind, FakeIo::W32);
    EXPECT_EQ(io.accesses[0].addr, 0x2000u);
    EXPECT_EQ(io.accesses[0].val, 0xccccddddu);
    EXPECT_EQ(io.accesses[1].addr, 0x2004u);
    EXPECT_EQ(io.accesses[1].val, 0xaaaabbbbu);
    EXPECT_EQ(readq(base), 0xaaaabbbbccccddddull);
    EXPECT_EQ(io.accesses[2].addr, 0x2000u);
    EXPECT_EQ(io.accesses[3].addr, 0x2004u);
}

TEST_F(IoTest, SysregsGoToTheCurrentCpu)
{
    FakeIo io;
    io.Install();
    const u32 enc = sys_reg(3, 0, 12, 12, 5);
    irqsim_set_this_cpu(2);
    write_sysreg_s(7, enc);
    irqsim_set_this_cpu(1);
    EXPECT_EQ(read_sysreg_s(enc), 0u);
    irqsim_set_this_cpu(2);
    EXPECT_EQ(read_sysreg_s(enc), 7u);
    EXPECT_EQ(io.accesses.back().cpu, 2u);
    irqsim_set_this_cpu(0);
    // the current CPU is per thread
    unsigned other = 99;
    irqsim_set_this_cpu(3);
    std::thread([&] { other = smp_processor_id(); }).join();
    EXPECT_EQ(other, 0u);
    EXPECT_EQ(smp_processor_id(), 3u);
    irqsim_set_this_cpu(0);
}

TEST_F(IoTest, DmaTimeDelayAndAnnotations)
{
    FakeIo io;
    io.Install();
    dma_addr_t h = 0;
    void* p = dma_alloc_coherent(nullptr, 4096, &h);
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(h, 0x80000000u);
    dma_sync_for_device(p, 4096);
    dma_free_coherent(nullptr, 4096, p, h);
    EXPECT_TRUE(io.dma_live.empty());
    u64 t0 = irqsim_now_ns();
    udelay(5);
    EXPECT_GE(irqsim_now_ns() - t0, 5000u);
    EXPECT_TRUE(irqsim_annotate_enabled());
    irqsim_annotate("gic:irq_unmask hwirq=%d", 45);
    readl(ioremap(0x3000, 4));
    ASSERT_EQ(io.annotations.size(), 1u);
    EXPECT_EQ(io.annotations[0], "gic:irq_unmask hwirq=45");
    EXPECT_EQ(io.accesses.back().note, "gic:irq_unmask hwirq=45");
}

TEST_F(IoTest, LogHookGetsOneLinePerMessage)
{
    pr_info("irq: hello %d\n", 3);
    ASSERT_EQ(logs.size(), 1u);
    EXPECT_EQ(logs[0].text, "irq: hello 3");
    EXPECT_EQ(logs[0].level, LOGLEVEL_INFO);
    EXPECT_EQ(ErrorCount(), 0u);
}

TEST_F(IoTest, CpuMasks)
{
    EXPECT_EQ(nr_cpu_ids, 4u);
    EXPECT_EQ(cpumask_weight(cpu_possible_mask), 4u);
    EXPECT_EQ(cpumask_weight(cpu_online_mask), 4u);
    set_cpu_online(2, false);
    EXPECT_FALSE(cpumask_test_cpu(2, cpu_online_mask));
    set_cpu_online(9, true);  // not possible
    EXPECT_EQ(CountLogs("cpu 9"), 1u);
    EXPECT_TRUE(cpumask_test_cpu(5, cpumask_of(5)));
    EXPECT_EQ(cpumask_weight(cpumask_of(127)), 1u);
    char buf[64];
    struct cpumask m = {};
    EXPECT_STREQ(cpumask_print(&m, buf, sizeof(buf)), "");
    for (unsigned c : {0u, 1u, 2u, 3u, 5u, 64u, 65u, 127u})
        cpumask_set_cpu(c, &m);
    EXPECT_STREQ(cpumask_print(&m, buf, sizeof(buf)), "0-3,5,64-65,127");
    EXPECT_STREQ(cpumask_print(&m, buf, 6), "0-3,5");  // truncated, still terminated
    EXPECT_STREQ(cpumask_print(&m, buf, 4), "0-3");
    irqsim_set_nr_cpus(64);
    EXPECT_EQ(cpumask_weight(cpu_possible_mask), 64u);
    EXPECT_TRUE(cpumask_empty(cpu_online_mask));
}

}  // namespace
