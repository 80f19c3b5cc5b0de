// SPDX-License-Identifier: MIT
// The kernel interfaces through which the platform reaches drivers, so that a
// driver needs no irqsim-only call: cpuhp states, syscore shutdown at the core
// reset, the arch IRQ entry (with its spurious count), debug messages as bus
// annotations (forgotten at the core reset), all-ones reads of refused accesses, %*pb(l), of_msi_get_domain's
// hand-over through dev_set_msi_domain().
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>
#include <linux/device.h>
#include <linux/io.h>
#include <linux/irq.h>
#include <linux/irqsim_arch.h>
#include <linux/msi.h>
#include <linux/syscore_ops.h>

#include <string>
#include <vector>

#include "fake_io.h"
#include "fake_msi_parent.h"
#include "test_support.h"

namespace {

class KernelHooksTest : public CoreTest {};

std::vector<std::string> g_events;

int StartA(unsigned int cpu)
{
    g_events.push_back("a" + std::to_string(cpu));
    return 0;
}
int StartB(unsigned int cpu)
{
    g_events.push_back("b" + std::to_string(cpu));
    return cpu == 3 ? -EIO : 0;
}

TEST_F(KernelHooksTest, CpuhpStartupRunsInStateOrderOnTheCpuComingUp)
{
    g_events.clear();
    // registered in the opposite order of their states
    int dyn = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "test:b", StartB, nullptr);
    ASSERT_GE(dyn, CPUHP_AP_ONLINE_DYN);
    ASSERT_EQ(cpuhp_setup_state_nocalls(CPUHP_AP_IRQ_GIC_STARTING, "test:a", StartA, nullptr), 0);
    EXPECT_TRUE(g_events.empty()) << "_nocalls runs nothing now";
    EXPECT_EQ(cpuhp_setup_state_nocalls(CPUHP_AP_IRQ_GIC_STARTING, "test:again", StartA, nullptr), -EBUSY);
    EXPECT_EQ(CountLogs({"cpuhp_setup_state", "taken by test:a"}), 1u) << AllLogs();

    set_cpu_online(2, false);
    ASSERT_EQ(irqsim_arch_cpu_starting(2), 0);
    EXPECT_EQ(g_events, (std::vector<std::string>{"a2", "b2"}));
    EXPECT_TRUE(cpumask_test_cpu(2, cpu_online_mask));
    // the first failure stops the bring-up and is named
    set_cpu_online(3, false);
    EXPECT_EQ(irqsim_arch_cpu_starting(3), -EIO);
    EXPECT_FALSE(cpumask_test_cpu(3, cpu_online_mask));
    EXPECT_EQ(CountLogs({"cpu 3 starting", "test:b", "-5"}), 1u) << AllLogs();

    // cpuhp_setup_state() runs the new callback on every online CPU now
    g_events.clear();
    cpuhp_remove_state_nocalls(static_cast<cpuhp_state>(dyn));
    ASSERT_GE(cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "test:a2", StartA, nullptr), CPUHP_AP_ONLINE_DYN);
    EXPECT_EQ(g_events, (std::vector<std::string>{"a0", "a1", "a2"}));
    EXPECT_EQ(cpuhp_setup_state_nocalls(CPUHP_OFFLINE, "test:bad", StartA, nullptr), -EINVAL);
}

std::vector<int> g_shutdowns;
void ShutdownOne() { g_shutdowns.push_back(1); }
void ShutdownTwo() { g_shutdowns.push_back(2); }
syscore_ops g_one = {{}, nullptr, nullptr, ShutdownOne};
syscore_ops g_two = {{}, nullptr, nullptr, ShutdownTwo};

TEST_F(KernelHooksTest, CoreResetIsARebootRunningSyscoreShutdownNewestFirstThenForgettingThem)
{
    g_shutdowns.clear();
    register_syscore_ops(&g_one);
    register_syscore_ops(&g_two);
    register_syscore_ops(&g_two);  // a driver bug: refused with a warning
    EXPECT_EQ(CountLogs("registered twice"), 1u) << AllLogs();
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(g_shutdowns, (std::vector<int>{2, 1}));
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(g_shutdowns.size(), 2u) << "a reboot forgets the registrations";
    // unregistered ops are not called
    register_syscore_ops(&g_one);
    unregister_syscore_ops(&g_one);
    unregister_syscore_ops(&g_one);  // unknown: ignored
    ASSERT_EQ(irqsim_core_reset(), 0);
    EXPECT_EQ(g_shutdowns.size(), 2u);
}

unsigned g_entries;
void EntryThatHandlesNothing(struct pt_regs* regs)
{
    EXPECT_NE(regs, nullptr);
    g_entries++;
}

TEST_F(KernelHooksTest, AnIrqEntryThatRunsNoFlowHandlerIsCountedSpurious)
{
    g_entries = 0;
    EXPECT_EQ(irqsim_arch_handle_irq(), -ENODEV) << "no root irqchip yet";
    ASSERT_EQ(set_handle_irq(EntryThatHandlesNothing), 0);
    EXPECT_EQ(set_handle_irq(EntryThatHandlesNothing), 0) << "the same entry again is fine";
    unsigned before = irqsim_spurious_count(1);
    irqsim_set_this_cpu(1);
    ASSERT_EQ(irqsim_arch_handle_irq(), 0);
    irqsim_set_this_cpu(0);
    EXPECT_EQ(g_entries, 1u);
    EXPECT_EQ(irqsim_spurious_count(1), before + 1);
    EXPECT_EQ(irqsim_spurious_count(0), 0u);
}

TEST_F(KernelHooksTest, DebugMessagesBecomeTheAnnotationOfTheAccessesThatFollow)
{
    FakeIo io;
    io.Install();
    char __iomem* base = (char __iomem*)ioremap(0x1000, 0x100);
    pr_debug("mydrv: set_event_map vint=%u\n", 7u);
    writel(1, base);
    ASSERT_EQ(io.annotations.size(), 1u);
    EXPECT_EQ(io.annotations[0], "mydrv: set_event_map vint=7");
    EXPECT_EQ(io.accesses.back().note, "mydrv: set_event_map vint=7");
    EXPECT_EQ(CountLogs("mydrv: set_event_map vint=7"), 1u) << "and still a debug log line";
    pr_info("mydrv: not an annotation");
    EXPECT_EQ(io.annotations.size(), 1u);
}

TEST_F(KernelHooksTest, ARefusedReadReadsAllOnes)
{
    FakeIo io;
    io.with_64bit_ops = false;  // readq as two words, each with its own response
    io.Install();
    char __iomem* base = (char __iomem*)ioremap(0x2000, 0x100);
    io.SetReg(0x2010, 0x1234);
    io.status_at[0x2010] = IO_SLVERR;
    EXPECT_EQ(readl(base + 0x10), 0xffffffffu);
    io.status_at.erase(0x2010);
    EXPECT_EQ(readl(base + 0x10), 0x1234u);
    io.SetReg(0x2020, 5);
    io.status_at[0x2024] = IO_DECERR;
    EXPECT_EQ(readq(base + 0x20), 0xffffffff00000005ull) << "only the refused word";
    EXPECT_EQ(ErrorCount(), 2u) << AllLogs();
}

// The operation in progress names the cause of a refused access ("... during <op>"); after
// a core reset, the run before's last operation must not.
TEST_F(KernelHooksTest, ARefusedAccessAfterACoreResetNamesNoOperationOfTheRunBefore)
{
    FakeIo io;
    io.Install();
    char __iomem* base = (char __iomem*)ioremap(0x3000, 0x100);
    pr_debug("olddrv: probe\n");
    writel(1, base);
    io.status_at[0x3000] = IO_SLVERR;
    (void)readl(base);
    EXPECT_EQ(CountLogs("during olddrv: probe"), 1u) << AllLogs();
    ASSERT_EQ(irqsim_core_reset(), 0);
    (void)readl(base);
    EXPECT_EQ(CountLogs("during olddrv: probe"), 1u) << "the second refusal names the old operation\n"
                                                     << AllLogs();
    EXPECT_EQ(ErrorCount(), 2u) << AllLogs();
}

TEST_F(KernelHooksTest, IoremapRefusesARangeThatWraps)
{
    EXPECT_EQ(ioremap(0xffffffffffffff02ull, 0x20000), nullptr);
    EXPECT_EQ(CountLogs({"ioremap of 0xffffffffffffff02", "wraps"}), 1u) << AllLogs();
    EXPECT_NE(ioremap(0xffffffffffff0000ull, 0x10000), nullptr) << "up to the last byte is fine";
}

TEST_F(KernelHooksTest, BitmapFormatsPrintMasks)
{
    struct cpumask m;
    cpumask_clear(&m);
    for (unsigned c : {0u, 1u, 3u})
        cpumask_set_cpu(c, &m);
    pr_info("cpus %*pbl / %*pb", cpumask_pr_args(&m), cpumask_pr_args(&m));
    EXPECT_EQ(CountLogs("cpus 0-1,3 / b"), 1u) << AllLogs();
    unsigned long wide[2] = {0x1ul, 0x80000000ul};
    pr_info("bits %*pbl / %*pb", 96, wide, 96, wide);
    EXPECT_EQ(CountLogs("bits 0,95 / 80000000,00000000,00000001"), 1u) << AllLogs();
}

TEST_F(KernelHooksTest, DeviceMsiDomainStacksOnTheParentItsBusSetAndHandsItBack)
{
    FakeMsiParent parent("hooks-parent", 4);
    msi_parent_ops pops{};
    pops.prefix = "HOOK-";
    pops.required_flags = MSI_FLAG_USE_DEF_DOM_OPS | MSI_FLAG_USE_DEF_CHIP_OPS;
    parent.domain->msi_parent_ops = &pops;
    struct device dev = {};
    dev.name = "hooked";
    irq_chip chip = {};
    chip.name = "HK";
    msi_domain_info tmpl = {};
    tmpl.chip = &chip;
    tmpl.bus_token = DOMAIN_BUS_DEVICE_MSI;
    dev_set_msi_domain(&dev, parent.domain);
    ASSERT_TRUE(msi_create_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN, &tmpl, 2, nullptr, nullptr))
        << AllLogs();
    struct irq_domain* mine = dev_get_msi_domain(&dev);
    ASSERT_NE(mine, parent.domain);
    EXPECT_EQ(mine->parent, parent.domain);
    EXPECT_STREQ(mine->name, "HOOK-HK-hooked");
    msi_remove_device_irq_domain(&dev, MSI_DEFAULT_DOMAIN);
    msi_device_data_release(&dev);
    EXPECT_EQ(dev_get_msi_domain(&dev), parent.domain) << "the bus's parent again, as upstream";
}

}  // namespace
