/* SPDX-License-Identifier: MIT */
/*
 * GICv3 register map (distributor, redistributor, CPU interface system
 * registers) and the entry points of the GICv3 irqchip driver.
 * Offsets and fields follow the Arm GICv3 architecture (IHI0069); names follow
 * the kernel's arm-gic-v3.h so code reads the same.
 */
#ifndef IRQSIM_ARM_GIC_V3_H
#define IRQSIM_ARM_GIC_V3_H

#include <asm/arch_gicv3.h>
#include <linux/io.h>
#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

struct irq_domain;
struct device_node;

/* ---- INTID space ------------------------------------------------------------ */
#define GIC_NR_SGIS 16
#define GIC_FIRST_PPI 16
#define GIC_FIRST_SPI 32
#define GIC_MAX_INTID_SPI 1020 /* SPIs end below the special INTIDs */
#define GIC_INTID_SPECIAL_FIRST 1020
#define GIC_INTID_SPURIOUS 1023
#define GIC_FIRST_LPI 8192

/* DT interrupt specifier, cell 0 */
#define GIC_SPI 0
#define GIC_PPI 1

/* ---- Distributor (GICD), offsets from the GICD base --------------------------- */
#define GIC_V3_DIST_SIZE 0x10000
#define GICD_CTLR 0x0000
#define GICD_TYPER 0x0004
#define GICD_IIDR 0x0008
#define GICD_TYPER2 0x000C
#define GICD_STATUSR 0x0010
#define GICD_SETSPI_NSR 0x0040
#define GICD_CLRSPI_NSR 0x0048
#define GICD_IGROUPR 0x0080
#define GICD_ISENABLER 0x0100
#define GICD_ICENABLER 0x0180
#define GICD_ISPENDR 0x0200
#define GICD_ICPENDR 0x0280
#define GICD_ISACTIVER 0x0300
#define GICD_ICACTIVER 0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR 0x0C00
#define GICD_IGRPMODR 0x0D00
#define GICD_IROUTER 0x6000
#define GICD_PIDR2 0xFFE8

#define GICD_CTLR_RWP BIT(31)
#define GICD_CTLR_DS BIT(6)
#define GICD_CTLR_ARE_NS BIT(4)
#define GICD_CTLR_ENABLE_G1A BIT(1)
#define GICD_CTLR_ENABLE_G1 BIT(0)

#define GICD_TYPER_ITLINES(t) ((t)&0x1f)
#define GICD_TYPER_SPIS(t) ((((t)&0x1f) + 1) * 32) /* INTIDs 0..n-1, SGIs/PPIs included */
#define GICD_TYPER_MBIS BIT(16)
#define GICD_TYPER_LPIS BIT(17)
#define GICD_TYPER_ID_BITS(t) ((((t) >> 19) & 0x1f) + 1)

#define GICD_IROUTER_SPI_MODE_ONE 0ULL
#define GICD_IROUTER_SPI_MODE_ANY BIT_ULL(31)

/* defaults written at init (same values for distributor and SGI_base) */
#define GICD_INT_DEF_PRI 0xa0
#define GICD_INT_DEF_PRI_X4 0xa0a0a0a0u
#define GICD_INT_EN_CLR_X32 0xffffffffu
#define GICD_INT_EN_SET_SGI 0x0000ffffu
#define GICD_INT_EN_CLR_PPI 0xffff0000u
#define GICD_INT_ACTLOW_LVLTRIG 0x0

/* PIDR2 (both GICD and GICR) */
#define GIC_PIDR2_ARCH_MASK 0xf0
#define GIC_PIDR2_ARCH_GICv3 0x30
#define GIC_PIDR2_ARCH_GICv4 0x40

/* ---- Redistributor: RD_base frame ------------------------------------------- */
#define GIC_V3_REDIST_SIZE 0x20000 /* RD_base + SGI_base */
#define GICR_SGI_BASE_OFFSET 0x10000
#define GICR_CTLR 0x0000
#define GICR_IIDR 0x0004
#define GICR_TYPER 0x0008
#define GICR_STATUSR 0x0010
#define GICR_WAKER 0x0014
#define GICR_SETLPIR 0x0040
#define GICR_CLRLPIR 0x0048
#define GICR_PROPBASER 0x0070
#define GICR_PENDBASER 0x0078
#define GICR_INVLPIR 0x00A0
#define GICR_INVALLR 0x00B0
#define GICR_SYNCR 0x00C0
#define GICR_PIDR2 GICD_PIDR2

#define GICR_CTLR_ENABLE_LPIS BIT(0)
#define GICR_CTLR_RWP BIT(3)
#define GICR_CTLR_UWP BIT(31)

#define GICR_TYPER_PLPIS BIT(0)
#define GICR_TYPER_VLPIS BIT(1)
#define GICR_TYPER_DirectLPIS BIT(3)
#define GICR_TYPER_LAST BIT(4)
#define GICR_TYPER_AFFINITY(t) ((u32)((t) >> 32))

#define GICR_WAKER_ProcessorSleep BIT(1)
#define GICR_WAKER_ChildrenAsleep BIT(2)

/* LPIs (DirectLPI): PROPBASER/PENDBASER fields, SYNCR, configuration bytes */
#define GICR_CTLR_IR BIT(2) /* INVLPIR/INVALLR/SYNCR implemented */
#define GICR_PROPBASER_IDBITS_MASK 0x1fULL
#define GICR_PROPBASER_InnerShareable (1ULL << 10)
#define GICR_PROPBASER_SHAREABILITY_MASK (3ULL << 10)
#define GICR_PROPBASER_RaWaWb (7ULL << 7)
#define GICR_PROPBASER_ADDRESS(pa) ((u64)(pa)&0x000ffffffffff000ULL)
#define GICR_PENDBASER_InnerShareable (1ULL << 10)
#define GICR_PENDBASER_RaWaWb (7ULL << 7)
#define GICR_PENDBASER_PTZ BIT_ULL(62)
#define GICR_PENDBASER_ADDRESS(pa) ((u64)(pa)&0x000fffffffff0000ULL)
#define GICR_SYNCR_BUSY BIT(0)
#define LPI_PROP_ENABLED BIT(0)
#define LPI_PROP_GROUP1 BIT(1)
#define LPI_PROP_PRIO_MASK 0xfc

/* ---- Redistributor: SGI_base frame (offsets from SGI_base) -------------------- */
#define GICR_IGROUPR0 GICD_IGROUPR
#define GICR_ISENABLER0 GICD_ISENABLER
#define GICR_ICENABLER0 GICD_ICENABLER
#define GICR_ISPENDR0 GICD_ISPENDR
#define GICR_ICPENDR0 GICD_ICPENDR
#define GICR_ISACTIVER0 GICD_ISACTIVER
#define GICR_ICACTIVER0 GICD_ICACTIVER
#define GICR_IPRIORITYR0 GICD_IPRIORITYR
#define GICR_ICFGR0 GICD_ICFGR
#define GICR_IGRPMODR0 GICD_IGRPMODR

/* ---- CPU interface system registers (op0=3, op1=0) ---------------------------- */
#define SYS_ICC_PMR_EL1 sys_reg(3, 0, 4, 6, 0)
#define SYS_ICC_DIR_EL1 sys_reg(3, 0, 12, 11, 1)
#define SYS_ICC_RPR_EL1 sys_reg(3, 0, 12, 11, 3)
#define SYS_ICC_SGI1R_EL1 sys_reg(3, 0, 12, 11, 5)
#define SYS_ICC_ASGI1R_EL1 sys_reg(3, 0, 12, 11, 6)
#define SYS_ICC_SGI0R_EL1 sys_reg(3, 0, 12, 11, 7)
#define SYS_ICC_IAR1_EL1 sys_reg(3, 0, 12, 12, 0)
#define SYS_ICC_EOIR1_EL1 sys_reg(3, 0, 12, 12, 1)
#define SYS_ICC_HPPIR1_EL1 sys_reg(3, 0, 12, 12, 2)
#define SYS_ICC_BPR1_EL1 sys_reg(3, 0, 12, 12, 3)
#define SYS_ICC_CTLR_EL1 sys_reg(3, 0, 12, 12, 4)
#define SYS_ICC_SRE_EL1 sys_reg(3, 0, 12, 12, 5)
#define SYS_ICC_IGRPEN0_EL1 sys_reg(3, 0, 12, 12, 6)
#define SYS_ICC_IGRPEN1_EL1 sys_reg(3, 0, 12, 12, 7)
#define SYS_ICC_AP0Rn_EL1(n) sys_reg(3, 0, 12, 8, 4 | (n))
#define SYS_ICC_AP1Rn_EL1(n) sys_reg(3, 0, 12, 9, (n))

#define ICC_IAR1_EL1_INTID_MASK 0xffffffULL
#define ICC_SRE_EL1_SRE BIT(0)
#define ICC_CTLR_EL1_EOImode_SHIFT 1
#define ICC_CTLR_EL1_EOImode_drop BIT(1)
#define ICC_CTLR_EL1_PRI_BITS_SHIFT 8
#define ICC_CTLR_EL1_PRI_BITS_MASK (0x7 << 8)
#define ICC_CTLR_EL1_RSS BIT(18)
#define ICC_IGRPEN1_EL1_ENABLE BIT(0)
#define DEFAULT_PMR_VALUE 0xf0

/* ICC_SGI1R_EL1 fields */
#define ICC_SGI1R_TARGET_LIST_SHIFT 0
#define ICC_SGI1R_TARGET_LIST_MASK 0xffffULL
#define ICC_SGI1R_AFFINITY_1_SHIFT 16
#define ICC_SGI1R_SGI_ID_SHIFT 24
#define ICC_SGI1R_SGI_ID_MASK (0xfULL << 24)
#define ICC_SGI1R_AFFINITY_2_SHIFT 32
#define ICC_SGI1R_IRQ_ROUTING_MODE_BIT 40
#define ICC_SGI1R_RS_SHIFT 44
#define ICC_SGI1R_AFFINITY_3_SHIFT 48

/* ---- driver ------------------------------------------------------------------- */
/*
 * SGIs 0..7 are the kernel's own IPIs on arm64 (reserved here, never handed out
 * by the IPI domain); 8..15 are handed out by irq_reserve_ipi() on the
 * "GICv3-IPI" domain.
 */
#define GIC_V3_IPI_FIRST_SGI 8
#define GIC_V3_IPI_NR_SGIS 8

/*
 * Split EOI/deactivate (ICC_CTLR_EL1.EOImode = 1): the boolean property
 * "irqsim,split-eoi" on the GIC node, read at probe; absent = combined EOI.
 * (Upstream selects EOImode 1 when the kernel entered at EL2; no command-line
 * parameter exists for it.  The model has no ELs, so the tree says it.)
 */

/**
 * gic_v3_of_init() - probe a "arm,gic-v3" node (its IRQCHIP_DECLARE init)
 * @node: the GIC's device-tree node
 * @parent: interrupt parent (must be NULL: the GIC is the root controller)
 *
 * Return: 0, -ENODEV (not a GICv3 / no redistributor), -EINVAL (bad DT),
 * -ETIMEDOUT (RWP or WAKER never completed), -EBUSY (a GIC is already probed),
 * -ENOMEM.
 */
int gic_v3_of_init(struct device_node *node, struct device_node *parent);

/** gic_v3_domain() - the GIC's wired domain (NULL before probe) */
struct irq_domain *gic_v3_domain(void);
/** gic_v3_ipi_domain() - the "GICv3-IPI" domain over SGIs 8..15 (NULL before probe) */
struct irq_domain *gic_v3_ipi_domain(void);
/**
 * gic_v3_cpu_init() - redistributor wake-up + CPU interface set-up for @cpu
 * (the registered CPU-starting callback; the platform calls it through
 * irqsim_arch_cpu_starting()).
 * Return: 0, -ENODEV (no redistributor for this CPU), -ETIMEDOUT, -EIO (SRE).
 */
int gic_v3_cpu_init(unsigned int cpu);

/* ---- DirectLPI (irq-gic-v3-lpi*.c) ---------------------------------------------- */
/*
 * LPI INTID bits: min(DT "irqsim,lpi-id-bits" on the GIC node, default
 * GIC_LPI_DEFAULT_ID_BITS, GICD_TYPER.IDbits + 1); 14 bits = 8192 LPIs,
 * 16 bits = 57344 LPIs (INTIDs 8192..65535).  Read at probe.
 */
#define GIC_LPI_MIN_ID_BITS 14
#define GIC_LPI_MAX_ID_BITS 20
#define GIC_LPI_DEFAULT_ID_BITS 16

/**
 * gic_v3_lpi_domain() - the "GICv3-DirectLPI" domain: a root domain over the
 * LPI INTIDs and an MSI parent (msi_parent_ops prefix "LPI-").  Set a device's
 * msi_parent to it and create its per-device MSI domain; messages are
 * {address = GICR_SETLPIR of the target CPU's redistributor, data = INTID}.
 * NULL when the GIC has no DirectLPI (every redistributor must report
 * GICR_TYPER.PLPIS and DirectLPI) or before probe.
 */
struct irq_domain *gic_v3_lpi_domain(void);
/**
 * gic_v3_msi_parent() - the MSI parent a device-tree `msi-parent` phandle names:
 * the DirectLPI domain when @np is the probed GIC node (NULL otherwise).
 */
struct irq_domain *gic_v3_msi_parent(struct device_node *np);
/** gic_v3_lpi_count() - LPIs configured (0 without DirectLPI) */
unsigned int gic_v3_lpi_count(void);
/** gic_v3_lpi_in_use() - LPIs currently allocated */
unsigned int gic_v3_lpi_in_use(void);
/** gic_v3_lpi_config_byte() - the configuration table byte of @intid (-EINVAL if not an LPI) */
int gic_v3_lpi_config_byte(u32 intid);
/** gic_v3_lpi_set_priority() - set an LPI's priority (bits 7:2), INVLPIR + SYNCR. 0 or -errno */
int gic_v3_lpi_set_priority(unsigned int virq, u8 prio);

#ifdef __cplusplus
}
#endif
#endif
