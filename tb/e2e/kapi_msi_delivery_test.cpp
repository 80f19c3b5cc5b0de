// SPDX-License-Identifier: MIT
// A kernel-API-only MSI parent (tb/unit/kapi_msi_test_driver.c: the Linux 6.12
// MSI-parent library, no irqsim header) probed from the tree and delivering
// on the RTL (label e2e).  The session's IMS parent "kapi" gives it the upper
// half of the GIC's MBI SPIs and GICD_SETSPI_NSR as doorbell, and points the
// IMS device's msi-parent at it: the IMS driver's per-device domain is built
// by msi_lib_init_dev_msi_info, the device sends the composed message, the GIC
// raises the SPI and the handler runs on the slot's CPU.
#include "e2e_support.h"
#include "ims_port.h"

extern "C" {
#include <linux/irqchip/arm-gic-v3-mbi.h>
#include <linux/irqchip/arm-gic-v3.h>
#include <linux/irqsim-ims.h>
#include <linux/msi.h>
#include <linux/of.h>
}

namespace irqsim::e2e {
namespace {

class KapiMsiParentDelivery : public SessionTest {};

TEST_F(KapiMsiParentDelivery, ImsSlotsThroughTheKernelApiParent)
{
    SessionConfig cfg = test_session_config(kTestTopology, test_seed(61));
    cfg.ims_parent = "kapi";
    ASSERT_NO_FATAL_FAILURE(boot_config(cfg));
    IRQSIM_NEED_CPUS(2);
    struct device_node* np = of_find_compatible_node(nullptr, nullptr, "irqsim,kapi-msi");
    ASSERT_NE(np, nullptr) << "the session adds the node";
    u32 range[2] = {0, 0};
    ASSERT_EQ(of_property_read_u32_array(np, "irqsim,spi-range", range, 2), 0);
    EXPECT_EQ(gic_v3_mbi_count(), range[1]) << "MBI keeps the lower half";

    ImsPort ims(s());
    std::string err;
    ASSERT_TRUE(ims.probe(&err)) << err;
    EXPECT_EQ(ims.parent_name(), "kapi-msi") << "the parent domain is named after its node";
    EXPECT_EQ(ims.domain_name().rfind("KAPI-IMS-", 0), 0u) << ims.domain_name();
    struct irq_domain* parent = irq_find_matching_host(np, DOMAIN_BUS_PLATFORM_MSI);
    ASSERT_NE(parent, nullptr) << "msi_lib_irq_domain_select finds it";
    EXPECT_TRUE(irq_domain_is_msi_parent(parent));
    EXPECT_EQ(parent->bus_token, DOMAIN_BUS_NEXUS);

    const unsigned fires = 3;
    for (int cpu : {1, 0}) {
        int slot = ims.request(cpu);
        ASSERT_GE(slot, 0) << slot;
        unsigned virq = ims.slot(slot).virq;
        struct msi_desc* desc = irq_get_msi_desc(virq);
        ASSERT_NE(desc, nullptr);
        EXPECT_EQ(desc->msg.address_lo, gicd() + GICD_SETSPI_NSR);
        EXPECT_GE(desc->msg.data, range[0]);
        EXPECT_LT(desc->msg.data, range[0] + range[1]);
        struct irq_data* top = irq_get_irq_data(virq);
        ASSERT_NE(top->parent_data, nullptr);
        EXPECT_EQ(top->parent_data->domain, parent);
        EXPECT_EQ(top->chip->irq_eoi, irq_chip_eoi_parent) << "MSI_CHIP_FLAG_SET_EOI";
        for (unsigned k = 0; k < fires; k++) {
            ASSERT_EQ(ims.fire(static_cast<unsigned>(slot)), 0);
            EXPECT_TRUE(s().drain(20000));
        }
        EXPECT_EQ(ims.slot(slot).handled, fires);
        auto runs = s().scoreboard().runs();
        EXPECT_EQ(runs[std::make_pair(virq, static_cast<unsigned>(cpu))], fires) << "on the slot's CPU";
    }
    EXPECT_EQ(ims.errors(), 0u);
    EXPECT_TRUE(verdict_passes());
}

}  // namespace
}  // namespace irqsim::e2e
