/* SPDX-License-Identifier: MIT */
/*
 * The io seam: the only way driver code touches hardware.
 *
 * MMIO goes through readl/writel/readq/writeq on addresses returned by ioremap();
 * GICv3 CPU-interface system registers through read_sysreg_s/write_sysreg_s;
 * DMA-coherent memory through dma_alloc_coherent.  A backend (the simulator's
 * bus-functional model, or the fake used by unit tests) installs an ops table.
 * The same driver source could be built against a real machine by providing
 * these functions natively.
 */
#ifndef IRQSIM_IO_H
#define IRQSIM_IO_H

#include <linux/irqsim_base.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bus response of the last access, as an AXI slave would give it. */
enum io_status { IO_OKAY = 0, IO_SLVERR = 2, IO_DECERR = 3 };

struct irqsim_io_ops {
	u32 (*read32)(void *ctx, phys_addr_t addr);
	void (*write32)(void *ctx, phys_addr_t addr, u32 val);
	u64 (*read64)(void *ctx, phys_addr_t addr);
	void (*write64)(void *ctx, phys_addr_t addr, u64 val);
	/* CPU-interface system register of the current CPU (smp_processor_id()) */
	u64 (*read_sysreg)(void *ctx, unsigned int cpu, u32 encoding);
	void (*write_sysreg)(void *ctx, unsigned int cpu, u32 encoding, u64 val);
	/* memory both the CPU and devices see; returns host pointer + bus address */
	void *(*dma_alloc)(void *ctx, size_t size, dma_addr_t *dma_handle);
	void (*dma_free)(void *ctx, size_t size, void *cpu_addr, dma_addr_t dma_handle);
	/* make CPU writes to DMA memory visible to devices (may be NULL) */
	void (*dma_sync)(void *ctx, void *cpu_addr, size_t size);
	/* the driver operation in progress (shown next to the bus accesses); may be NULL */
	void (*annotate)(void *ctx, const char *text);
	/* status of the last access (may be NULL: always IO_OKAY) */
	enum io_status (*last_status)(void *ctx);
	/* the host's sense of time, for timeouts (may be NULL) */
	u64 (*now_ns)(void *ctx);
	/* let time pass while a driver polls (a simulator advances clocks; may be NULL) */
	void (*delay_ns)(void *ctx, u64 ns);
};

/* Install a backend; NULL ops restores the "no hardware" backend, whose
 * accesses read all-ones, drop writes and log an error. */
void irqsim_io_install(const struct irqsim_io_ops *ops, void *ctx);

/*
 * MMIO.  ioremap() returns a cookie the accessors turn back into the physical
 * address, so driver code keeps the kernel idiom `readl(base + GICD_CTLR)`.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size);
void iounmap(void __iomem *addr);
phys_addr_t irqsim_iomem_phys(const volatile void __iomem *addr);

u32 readl(const volatile void __iomem *addr);
void writel(u32 val, volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeq(u64 val, volatile void __iomem *addr);
#define readl_relaxed readl
#define writel_relaxed writel
#define readq_relaxed readq
#define writeq_relaxed writeq
/* Response of the last MMIO access: lets a driver notice SLVERR/DECERR. */
enum io_status io_last_status(void);

/*
 * System registers (GICv3 ICC_*): the encoding is the architectural
 * (op0, op1, CRn, CRm, op2) tuple packed by sys_reg() as arm64 does.
 */
#define sys_reg(op0, op1, crn, crm, op2)                                                    \
	(((u32)(op0) << 19) | ((u32)(op1) << 16) | ((u32)(crn) << 12) | ((u32)(crm) << 8) | \
	 ((u32)(op2) << 5))
#define sys_reg_Op0(e) (((e) >> 19) & 3)
#define sys_reg_Op1(e) (((e) >> 16) & 7)
#define sys_reg_CRn(e) (((e) >> 12) & 15)
#define sys_reg_CRm(e) (((e) >> 8) & 15)
#define sys_reg_Op2(e) (((e) >> 5) & 7)
u64 read_sysreg_s(u32 encoding);
void write_sysreg_s(u64 val, u32 encoding);
/* barriers: ordering is already total on the host; kept for driver-source fidelity */
#define isb() \
	do {  \
	} while (0)
#define dsb(opt) \
	do {     \
	} while (0)
#define wmb() \
	do {  \
	} while (0)

/* DMA-coherent memory (LPI property/pending tables...). dev may be NULL. */
struct device;
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle);
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle);
void dma_sync_for_device(void *cpu_addr, size_t size);

/* Monotonic time for poll timeouts (ns); backends without time count polls. */
u64 irqsim_now_ns(void);
/* Delay while polling; a simulator backend advances simulated time instead. */
void udelay(unsigned long usecs);

/*
 * Operation annotation: what the driver is doing now ("gic:irq_unmask hwirq=45").
 * The core annotates every irq_chip callback it makes; drivers may add their own.
 * Shown in the bus log and as a text signal in waveforms.  Cheap when the backend
 * has no annotate hook.
 */
void irqsim_annotate(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void irqsim_annotate_text(const char *text);
bool irqsim_annotate_enabled(void);
void irqsim_annotation_save(char *buf, size_t len);

#ifdef __cplusplus
}
#endif
#endif
