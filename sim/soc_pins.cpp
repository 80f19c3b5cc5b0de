// SPDX-License-Identifier: MIT
#include "soc_pins.h"

#include "dev_dma_ring_regs.h"  // generated from rtl/*/*.rdl
#include "dev_timer_regs.h"
#include "gic_redist_regs.h"
#include "irqsim_soc_map_regs.h"
#include "ti_inta_regs.h"
#include "model_cache.h"

namespace irqsim {

// SocParams' defaults (an installed header, without the generated ones) are the described map
static_assert(SocParams{}.gicd_base == IRQSIM_SOC_MAP_GICD_BASE, "GICD: irqsim_soc_map.rdl");
static_assert(SocParams{}.gicr_base == IRQSIM_SOC_MAP_GICR_BASE, "GICR: irqsim_soc_map.rdl");
static_assert(SocParams{}.timer_base == IRQSIM_SOC_MAP_TIMER_BASE, "TIMER: irqsim_soc_map.rdl");
static_assert(SocParams{}.intr_base == IRQSIM_SOC_MAP_INTR_BASE, "INTR: irqsim_soc_map.rdl");
static_assert(SocParams{}.inta_base == IRQSIM_SOC_MAP_INTA_BASE, "INTA: irqsim_soc_map.rdl");
static_assert(SocParams{}.inta_imap_base() == IRQSIM_SOC_MAP_INTA_IMAP_BASE, "INTA IMAP: irqsim_soc_map.rdl");
static_assert(SocParams{}.inta_cfg_base() == IRQSIM_SOC_MAP_INTA_CFG_BASE, "INTA CFG: irqsim_soc_map.rdl");
static_assert(SocParams{}.dma_base == IRQSIM_SOC_MAP_DMA_BASE, "DMA: irqsim_soc_map.rdl");
static_assert(SocParams{}.dma_cfg_base() == IRQSIM_SOC_MAP_DMA_CFG_BASE, "DMA CFG: irqsim_soc_map.rdl");
static_assert(SocParams{}.ims_base == IRQSIM_SOC_MAP_IMS_BASE, "IMS: irqsim_soc_map.rdl");
// the region offsets and strides soc_pins.h writes out, held to the register descriptions
static_assert(SocParams::kGicrStride == GIC_REDIST_SIZE, "GICR frame: gic_redist.rdl");
static_assert(SocParams::kSgiBaseOffset == GIC_REDIST_SGI_OFFSET, "SGI_base: gic_redist.rdl");
static_assert(SocParams::kTimerStride == DEV_TIMER_TIMER_STRIDE, "timer stride: dev_timer.rdl");
static_assert(SocParams{}.inta_imap_base() - SocParams{}.inta_base == TI_INTA_IMAP_OFFSET,
              "IMAP: ti_inta.rdl");
static_assert(SocParams{}.inta_cfg_base() - SocParams{}.inta_base == TI_INTA_CFG_OFFSET, "CFG: ti_inta.rdl");
static_assert(SocParams{}.dma_cfg_base() - SocParams{}.dma_base == DEV_DMA_RING_RING_EVENT_OFFSET,
              "RING_EVENT: dev_dma_ring.rdl");

bool SocParams::operator==(const SocParams& o) const
{
    return num_cpus == o.num_cpus && num_spis == o.num_spis && num_lines == o.num_lines &&
           has_coproc == o.has_coproc && num_intr_lines == o.num_intr_lines && num_vints == o.num_vints &&
           num_intr_out == o.num_intr_out && intr_out_spi == o.intr_out_spi && num_events == o.num_events &&
           num_rings == o.num_rings && num_ims_slots == o.num_ims_slots && gicd_base == o.gicd_base &&
           gicr_base == o.gicr_base && timer_base == o.timer_base && intr_base == o.intr_base &&
           inta_base == o.inta_base && dma_base == o.dma_base && ims_base == o.ims_base;
}

// The variants this build has: IRQSIM_MODEL_C<n> is defined for each model linked
// (sim/CMakeLists.txt; the coverage build has only the 4-CPU one).
bool soc_builtin_variant(unsigned num_cpus)
{
    switch (num_cpus) {
#ifdef IRQSIM_MODEL_C1
    case 1:
#endif
#ifdef IRQSIM_MODEL_C4
    case 4:
#endif
#ifdef IRQSIM_MODEL_C16
    case 16:
#endif
        return true;
    default:
        return false;
    }
}

std::unique_ptr<SocPins> make_builtin_soc_pins(unsigned num_cpus, VerilatedContext* ctx)
{
    switch (num_cpus) {
#ifdef IRQSIM_MODEL_C1
    case 1:
        return make_soc_pins_c1(ctx);
#endif
#ifdef IRQSIM_MODEL_C4
    case 4:
        return make_soc_pins_c4(ctx);
#endif
#ifdef IRQSIM_MODEL_C16
    case 16:
        return make_soc_pins_c16(ctx);
#endif
    default:
        return nullptr;
    }
}

std::unique_ptr<SocPins> make_soc_pins(unsigned num_cpus, VerilatedContext* ctx, std::string* err)
{
    return make_soc_pins(ModelParams{{"NUM_CPUS", num_cpus}}, ctx, err);
}

}  // namespace irqsim
