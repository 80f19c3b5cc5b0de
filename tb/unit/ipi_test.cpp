// SPDX-License-Identifier: MIT
// IPI reservation, sending and destruction through fake PER_CPU and SINGLE
// IPI domains whose chip records every send.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/irqdomain.h>

#include "unit/test_support.h"

namespace {

struct FakeIpiDomain {
    enum { SEND_SINGLE = 1, SEND_MASK = 2 };
    // per CPU: hwirq = kPerCpuBase + cpu; single: kSingleHwirq for all
    static constexpr irq_hw_number_t kPerCpuBase = 16, kSingleHwirq = 7;

    bool per_cpu;
    struct irq_chip chip {};
    struct irq_domain_ops ops {};
    struct fwnode_handle fwnode {};
    struct irq_domain* domain = nullptr;
    struct cpumask last_alloc_arg {};
    // recorded sends: (virq, hwirq, cpu) for single; (virq, hwirq, mask) for mask
    struct Single {
        unsigned virq;
        irq_hw_number_t hwirq;
        unsigned cpu;
    };
    struct Mask {
        unsigned virq;
        irq_hw_number_t hwirq;
        std::string cpus;
    };
    std::vector<Single> singles;
    std::vector<Mask> masks;

    FakeIpiDomain(const char* name, bool percpu, int send_ops) : per_cpu(percpu)
    {
        chip.name = name;
        if (send_ops & SEND_SINGLE)
            chip.ipi_send_single = [](struct irq_data* d, unsigned cpu) {
                self(d)->singles.push_back(Single{d->irq, d->hwirq, cpu});
            };
        if (send_ops & SEND_MASK)
            chip.ipi_send_mask = [](struct irq_data* d, const struct cpumask* m) {
                char buf[64];
                self(d)->masks.push_back(Mask{d->irq, d->hwirq, cpumask_print(m, buf, sizeof(buf))});
            };
        ops.alloc = [](struct irq_domain* d, unsigned virq, unsigned nr, void* arg) {
            auto* f = static_cast<FakeIpiDomain*>(d->host_data);
            auto* dest = static_cast<const struct cpumask*>(arg);
            f->last_alloc_arg = *dest;
            for (unsigned i = 0; i < nr; i++) {
                irq_hw_number_t hw = f->per_cpu ? kPerCpuBase + cpumask_first(dest) + i : kSingleHwirq;
                irq_domain_set_hwirq_and_chip(d, virq + i, hw, &f->chip, f);
            }
            return 0;
        };
        ops.free = [](struct irq_domain* d, unsigned virq, unsigned nr) {
            for (unsigned i = 0; i < nr; i++)
                if (struct irq_data* irqd = irq_domain_get_irq_data(d, virq + i))
                    irq_domain_reset_irq_data(irqd);
        };
        fwnode.name = name;
        domain = irq_domain_create_hierarchy(
            nullptr, percpu ? IRQ_DOMAIN_FLAG_IPI_PER_CPU : IRQ_DOMAIN_FLAG_IPI_SINGLE, 0, &fwnode, &ops,
            this);
    }
    static FakeIpiDomain* self(struct irq_data* d) { return static_cast<FakeIpiDomain*>(d->chip_data); }
};

struct cpumask Mask(std::initializer_list<unsigned> cpus)
{
    struct cpumask m;
    cpumask_clear(&m);
    for (unsigned c : cpus)
        cpumask_set_cpu(c, &m);
    return m;
}

class IpiTest : public CoreTest {};

TEST_F(IpiTest, PerCpuReserveSendDestroy)
{
    FakeIpiDomain f("IPI-PERCPU", true, FakeIpiDomain::SEND_SINGLE);
    ASSERT_NE(f.domain, nullptr);
    struct cpumask all = Mask({0, 1, 2, 3});
    int virq = irq_reserve_ipi(f.domain, &all);
    ASSERT_GT(virq, 0) << AllLogs();
    EXPECT_TRUE(cpumask_equal(&f.last_alloc_arg, &all)) << "the domain gets the mask as arg";
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 4);
    for (unsigned c = 0; c < 4; c++) {
        struct irq_data* d = irq_get_irq_data(virq + c);
        ASSERT_NE(d, nullptr);
        EXPECT_TRUE(cpumask_equal(irq_data_get_affinity_mask(d), &all));
        EXPECT_EQ(d->common->ipi_offset, 0u);
        EXPECT_TRUE(d->common->state_use_accessors & IRQD_NO_BALANCING);
        EXPECT_EQ(ipi_get_hwirq(virq, c), FakeIpiDomain::kPerCpuBase + c);
    }
    EXPECT_EQ(ipi_get_hwirq(virq, 4), INVALID_HWIRQ);

    // single: the target CPU's own virq/hwirq
    EXPECT_EQ(ipi_send_single(virq, 2), 0);
    ASSERT_EQ(f.singles.size(), 1u);
    EXPECT_EQ(f.singles[0].virq, (unsigned)virq + 2);
    EXPECT_EQ(f.singles[0].hwirq, FakeIpiDomain::kPerCpuBase + 2);
    EXPECT_EQ(f.singles[0].cpu, 2u);
    // mask without a chip ipi_send_mask: one send_single per CPU
    struct cpumask m13 = Mask({1, 3});
    EXPECT_EQ(ipi_send_mask(virq, &m13), 0);
    ASSERT_EQ(f.singles.size(), 3u);
    EXPECT_EQ(f.singles[1].hwirq, FakeIpiDomain::kPerCpuBase + 1);
    EXPECT_EQ(f.singles[1].cpu, 1u);
    EXPECT_EQ(f.singles[2].hwirq, FakeIpiDomain::kPerCpuBase + 3);
    EXPECT_EQ(f.singles[2].cpu, 3u);
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();

    // partial destroy: CPUs 2-3 go, sends to them are refused afterwards
    struct cpumask m23 = Mask({2, 3});
    EXPECT_EQ(irq_destroy_ipi(virq, &m23), 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 2);
    EXPECT_EQ(irq_get_irq_data(virq + 2), nullptr);
    ClearLogs();
    EXPECT_EQ(ipi_send_single(virq, 3), -EINVAL);
    EXPECT_EQ(CountLogs("CPU 3 outside the reservation"), 1u) << AllLogs();
    EXPECT_EQ(ipi_send_single(virq, 1), 0);
    struct cpumask m01 = Mask({0, 1});
    EXPECT_EQ(irq_destroy_ipi(virq, &m01), 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
}

TEST_F(IpiTest, PerCpuOffsetAndMaskChip)
{
    FakeIpiDomain f("IPI-PERCPU", true, FakeIpiDomain::SEND_SINGLE | FakeIpiDomain::SEND_MASK);
    struct cpumask m12 = Mask({1, 2});
    int virq = irq_reserve_ipi(f.domain, &m12);
    ASSERT_GT(virq, 0);
    EXPECT_EQ(irq_get_irq_data(virq)->common->ipi_offset, 1u);
    EXPECT_EQ(ipi_get_hwirq(virq, 0), INVALID_HWIRQ);
    EXPECT_EQ(ipi_get_hwirq(virq, 1), FakeIpiDomain::kPerCpuBase + 1);
    EXPECT_EQ(ipi_get_hwirq(virq, 2), FakeIpiDomain::kPerCpuBase + 2);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 2);
    // CPU 2 is the second virq of the reservation
    EXPECT_EQ(ipi_send_single(virq, 2), 0);
    ASSERT_EQ(f.singles.size(), 1u);
    EXPECT_EQ(f.singles[0].virq, (unsigned)virq + 1);
    // chip with ipi_send_mask: one call for the whole mask
    EXPECT_EQ(ipi_send_mask(virq, &m12), 0);
    ASSERT_EQ(f.masks.size(), 1u);
    EXPECT_EQ(f.masks[0].cpus, "1-2");
    EXPECT_EQ(f.singles.size(), 1u);
    // the fast paths work from the desc
    EXPECT_EQ(__ipi_send_single(irq_to_desc(virq), 1), 0);
    EXPECT_EQ(f.singles.size(), 2u);
    EXPECT_EQ(__ipi_send_mask(irq_to_desc(virq), cpumask_of(2)), 0);
    EXPECT_EQ(f.masks.size(), 2u);
    EXPECT_EQ(irq_destroy_ipi(virq, &m12), 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
}

TEST_F(IpiTest, SingleReserveSendDestroy)
{
    FakeIpiDomain f("IPI-SINGLE", false, FakeIpiDomain::SEND_MASK);
    struct cpumask m023 = Mask({0, 2, 3});  // holes are fine for SINGLE
    int virq = irq_reserve_ipi(f.domain, &m023);
    ASSERT_GT(virq, 0) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 1);
    EXPECT_EQ(ipi_get_hwirq(virq, 0), FakeIpiDomain::kSingleHwirq);
    EXPECT_EQ(ipi_get_hwirq(virq, 3), FakeIpiDomain::kSingleHwirq);
    EXPECT_EQ(ipi_get_hwirq(virq, 1), INVALID_HWIRQ);

    struct cpumask m03 = Mask({0, 3});
    EXPECT_EQ(ipi_send_mask(virq, &m03), 0);
    // no ipi_send_single: a one-CPU mask instead
    EXPECT_EQ(ipi_send_single(virq, 2), 0);
    ASSERT_EQ(f.masks.size(), 2u);
    EXPECT_EQ(f.masks[0].cpus, "0,3");
    EXPECT_EQ(f.masks[0].hwirq, FakeIpiDomain::kSingleHwirq);
    EXPECT_EQ(f.masks[1].cpus, "2");
    EXPECT_EQ(ErrorCount(), 0u) << AllLogs();

    // CPUs outside the reservation are named in the log and nothing is sent
    EXPECT_EQ(ipi_send_single(virq, 1), -EINVAL);
    EXPECT_EQ(CountLogs("CPU 1 outside the reservation"), 1u) << AllLogs();
    struct cpumask m12 = Mask({1, 2});
    EXPECT_EQ(ipi_send_mask(virq, &m12), -EINVAL);
    EXPECT_EQ(CountLogs("CPUs 1 outside the reservation"), 1u) << AllLogs();
    EXPECT_EQ(f.masks.size(), 2u);

    // destroy with a mask that is not a subset
    ClearLogs();
    struct cpumask m1 = Mask({1});
    EXPECT_EQ(irq_destroy_ipi(virq, &m1), -EINVAL);
    EXPECT_EQ(CountLogs("not a subset of the reservation"), 1u) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated + 1);
    EXPECT_EQ(irq_destroy_ipi(virq, &m023), 0);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
}

TEST_F(IpiTest, SingleDomainLoopsSendSingle)
{
    FakeIpiDomain f("IPI-SINGLE", false, FakeIpiDomain::SEND_SINGLE);
    struct cpumask all = Mask({0, 1, 2, 3});
    int virq = irq_reserve_ipi(f.domain, &all);
    ASSERT_GT(virq, 0);
    struct cpumask m = Mask({0, 2, 3});
    EXPECT_EQ(ipi_send_mask(virq, &m), 0);
    ASSERT_EQ(f.singles.size(), 3u);
    for (auto& s : f.singles) {
        EXPECT_EQ(s.virq, (unsigned)virq);
        EXPECT_EQ(s.hwirq, FakeIpiDomain::kSingleHwirq);
    }
    EXPECT_EQ(f.singles[1].cpu, 2u);
    EXPECT_EQ(irq_destroy_ipi(virq, &all), 0);
}

TEST_F(IpiTest, ReserveErrors)
{
    FakeIpiDomain percpu("IPI-PERCPU", true, FakeIpiDomain::SEND_SINGLE);
    struct irq_domain_ops plain_ops {};
    plain_ops.alloc = percpu.ops.alloc;
    struct fwnode_handle fw {
        "PLAIN", nullptr
    };
    struct irq_domain* plain = irq_domain_create_hierarchy(nullptr, 0, 0, &fw, &plain_ops, &percpu);
    ASSERT_NE(plain, nullptr);
    struct cpumask m0 = Mask({0});

    EXPECT_EQ(irq_reserve_ipi(plain, &m0), -EINVAL);
    EXPECT_EQ(CountLogs({"PLAIN", "not an IPI domain"}), 1u) << AllLogs();
    EXPECT_EQ(irq_reserve_ipi(nullptr, &m0), -EINVAL);

    struct cpumask empty = Mask({});
    EXPECT_EQ(irq_reserve_ipi(percpu.domain, &empty), -EINVAL);
    EXPECT_EQ(CountLogs("empty CPU mask"), 1u) << AllLogs();

    struct cpumask impossible = Mask({1, 9});  // 4 possible CPUs
    EXPECT_EQ(irq_reserve_ipi(percpu.domain, &impossible), -EINVAL);
    EXPECT_EQ(CountLogs("impossible CPUs"), 1u) << AllLogs();

    struct cpumask holes = Mask({0, 2});
    EXPECT_EQ(irq_reserve_ipi(percpu.domain, &holes), -EINVAL);
    EXPECT_EQ(CountLogs({"IPI-PERCPU", "0,2 is not contiguous"}), 1u) << AllLogs();
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
    EXPECT_EQ(ErrorCount(), 5u) << AllLogs();
}

TEST_F(IpiTest, SendAndDestroyErrors)
{
    FakeIpiDomain percpu("IPI-PERCPU", true, FakeIpiDomain::SEND_SINGLE);
    FakeIpiDomain mute("IPI-MUTE", false, 0);  // chip without send ops
    struct cpumask all = Mask({0, 1, 2, 3});
    int virq = irq_reserve_ipi(percpu.domain, &all);
    int mvirq = irq_reserve_ipi(mute.domain, &all);
    ASSERT_GT(virq, 0);
    ASSERT_GT(mvirq, 0);

    // a virq that is not an IPI
    int other = irq_alloc_desc(-1);
    ASSERT_GT(other, 0);
    ClearLogs();
    EXPECT_EQ(ipi_send_single(other, 0), -EINVAL);
    EXPECT_EQ(ipi_send_mask(other, &all), -EINVAL);
    EXPECT_EQ(CountLogs("not an IPI"), 2u) << AllLogs();
    EXPECT_EQ(ipi_send_single(999999, 0), -EINVAL);
    EXPECT_EQ(ipi_get_hwirq(other, 0), INVALID_HWIRQ);
    EXPECT_EQ(irq_destroy_ipi(other, &all), -EINVAL);

    // chip that cannot send
    ClearLogs();
    EXPECT_EQ(ipi_send_single(mvirq, 0), -EINVAL);
    EXPECT_EQ(CountLogs({"IPI-MUTE", "no IPI send operation"}), 1u) << AllLogs();

    // empty / bad masks
    struct cpumask empty = Mask({});
    EXPECT_EQ(ipi_send_mask(virq, &empty), -EINVAL);
    EXPECT_EQ(ipi_send_mask(virq, nullptr), -EINVAL);
    EXPECT_EQ(ipi_send_single(virq, 64), -EINVAL);
    struct cpumask holes = Mask({1, 3});
    ClearLogs();
    EXPECT_EQ(irq_destroy_ipi(virq, &holes), -EINVAL);
    EXPECT_EQ(CountLogs("not contiguous"), 1u) << AllLogs();
    struct cpumask outside = Mask({3, 4});
    EXPECT_EQ(irq_destroy_ipi(virq, &outside), -EINVAL);
    EXPECT_EQ(irq_destroy_ipi(virq, &empty), -EINVAL);
    EXPECT_TRUE(percpu.singles.empty());

    EXPECT_EQ(irq_destroy_ipi(virq, &all), 0);
    EXPECT_EQ(irq_destroy_ipi(mvirq, &all), 0);
    irq_free_desc(other);
    EXPECT_EQ(irq_get_nr_allocated(), start_allocated);
}

}  // namespace
