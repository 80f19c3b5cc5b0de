// SPDX-License-Identifier: MIT
/*
 * The io seam: every hardware access of the driver stack goes through the
 * backend installed with irqsim_io_install().  Without one, the "no hardware"
 * backend answers like an empty bus: reads return all-ones, writes vanish, and
 * each access logs one error naming the address, so a missing backend is loud.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */
#define pr_fmt(fmt) "io: " fmt
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/io.h>

#include "internals.h"

static const struct irqsim_io_ops *io_ops;
static void *io_ctx;
/* the no-hardware backend reports DECERR, as an unmapped bus would */
static enum io_status io_none_status = IO_OKAY;

/**
 * irqsim_io_install() - install the backend all accesses go to
 * @ops: operations (NULL: the logging "no hardware" backend)
 * @ctx: passed to every operation
 */
void irqsim_io_install(const struct irqsim_io_ops *ops, void *ctx)
{
	io_ops = ops;
	io_ctx = ops ? ctx : NULL;
	io_none_status = IO_OKAY;
}

static void io_none(const char *what, phys_addr_t addr)
{
	io_none_status = IO_DECERR;
	pr_err("%s at 0x%llx with no io backend installed", what, (unsigned long long)addr);
}

/**
 * ioremap() - map a physical register range for the accessors
 * @phys: physical base address
 * @size: length (nothing is mapped on the host; checked not to wrap)
 *
 * The returned cookie is the physical address itself cast to a pointer, so
 * `base + off` arithmetic of driver code yields `phys + off`, which the
 * accessors pass unchanged to the backend.  It must never be dereferenced.
 * Return: the cookie, or NULL (logged) for phys 0 (kept invalid so NULL checks
 * work) and for a range that wraps the address space.
 */
void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	if (!phys) {
		pr_err("ioremap of physical address 0 refused");
		return NULL;
	}
	/* the cookie is the address: a window past the top would make pointers wrap */
	if (size && phys + size - 1 < phys) {
		pr_err("ioremap of 0x%llx, size 0x%zx, refused: it wraps the address space",
		       (unsigned long long)phys, size);
		return NULL;
	}
	return (void __iomem *)(uintptr_t)phys;
}

/**
 * iounmap() - release a mapping made by ioremap() (nothing to do on the host)
 * @addr: cookie
 */
void iounmap(void __iomem *addr)
{
	(void)addr;
}

/**
 * irqsim_iomem_phys() - physical address behind an ioremap() cookie
 * @addr: cookie (plus offset)
 * Return: the physical address.
 */
phys_addr_t irqsim_iomem_phys(const volatile void __iomem *addr)
{
	return (phys_addr_t)(uintptr_t)addr;
}

/*
 * A refused access (SLVERR/DECERR) is reported where it happened, with the
 * address and the driver operation in progress, as an SError report would be:
 * most register writes have no return path to their caller.
 */
static bool io_check(const char *op, phys_addr_t pa)
{
	enum io_status st = io_ops->last_status ? io_ops->last_status(io_ctx) : IO_OKAY;
	char what[128];

	if (st == IO_OKAY)
		return true;
	irqsim_annotation_save(what, sizeof(what));
	pr_err("%s at 0x%llx: %s response%s%s", op, (unsigned long long)pa,
	       st == IO_DECERR ? "DECERR" : "SLVERR", what[0] ? " during " : "", what);
	return false;
}

/**
 * readl() - 32-bit MMIO read
 * @addr: ioremap() cookie plus offset
 * Return: the value read (all ones without a backend or when the bus refused it).
 */
u32 readl(const volatile void __iomem *addr)
{
	phys_addr_t pa = irqsim_iomem_phys(addr);

	if (!io_ops || !io_ops->read32) {
		io_none("readl", pa);
		return ~0u;
	}
	u32 v = io_ops->read32(io_ctx, pa);

	/* a refused read returns all ones, as a PCIe master abort does */
	return io_check("readl", pa) ? v : ~0u;
}

/**
 * writel() - 32-bit MMIO write
 * @val: value
 * @addr: ioremap() cookie plus offset
 */
void writel(u32 val, volatile void __iomem *addr)
{
	phys_addr_t pa = irqsim_iomem_phys(addr);

	if (!io_ops || !io_ops->write32) {
		io_none("writel", pa);
		return;
	}
	io_ops->write32(io_ctx, pa, val);
	io_check("writel", pa);
}

/**
 * readq() - 64-bit MMIO read; two 32-bit reads (low word first) when the
 * backend has no 64-bit access, as a 32-bit AXI4-Lite fabric requires
 * @addr: ioremap() cookie plus offset
 * Return: the value read (all ones without a backend or when the bus refused it).
 */
u64 readq(const volatile void __iomem *addr)
{
	phys_addr_t pa = irqsim_iomem_phys(addr);
	u64 lo, hi;

	if (!io_ops || !io_ops->read32) {
		io_none("readq", pa);
		return ~0ull;
	}
	if (io_ops->read64) {
		lo = io_ops->read64(io_ctx, pa);
		return io_check("readq", pa) ? lo : ~0ull;
	}
	lo = io_ops->read32(io_ctx, pa);
	if (!io_check("readq", pa))
		lo = 0xffffffffull;
	hi = io_ops->read32(io_ctx, pa + 4);
	if (!io_check("readq", pa + 4))
		hi = 0xffffffffull;
	return lo | hi << 32;
}

/**
 * writeq() - 64-bit MMIO write; two 32-bit writes (low word first) when the
 * backend has no 64-bit access
 * @val: value
 * @addr: ioremap() cookie plus offset
 */
void writeq(u64 val, volatile void __iomem *addr)
{
	phys_addr_t pa = irqsim_iomem_phys(addr);

	if (!io_ops || !io_ops->write32) {
		io_none("writeq", pa);
		return;
	}
	if (io_ops->write64) {
		io_ops->write64(io_ctx, pa, val);
		io_check("writeq", pa);
		return;
	}
	io_ops->write32(io_ctx, pa, (u32)val);
	io_check("writeq", pa);
	io_ops->write32(io_ctx, pa + 4, (u32)(val >> 32));
	io_check("writeq", pa + 4);
}

/**
 * io_last_status() - bus response of the last access
 * Return: the backend's status, IO_OKAY if it does not report one, IO_DECERR
 * after an access with no backend installed.
 */
enum io_status io_last_status(void)
{
	if (!io_ops)
		return io_none_status;
	return io_ops->last_status ? io_ops->last_status(io_ctx) : IO_OKAY;
}

/**
 * read_sysreg_s() - read a CPU-interface system register of the current CPU
 * @encoding: sys_reg() encoding
 * Return: the value (all-ones without a backend).
 */
u64 read_sysreg_s(u32 encoding)
{
	if (!io_ops || !io_ops->read_sysreg) {
		io_none("read_sysreg", encoding);
		return ~0ull;
	}
	return io_ops->read_sysreg(io_ctx, smp_processor_id(), encoding);
}

/**
 * write_sysreg_s() - write a CPU-interface system register of the current CPU
 * @val: value
 * @encoding: sys_reg() encoding
 */
void write_sysreg_s(u64 val, u32 encoding)
{
	if (!io_ops || !io_ops->write_sysreg) {
		io_none("write_sysreg", encoding);
		return;
	}
	io_ops->write_sysreg(io_ctx, smp_processor_id(), encoding, val);
}

/**
 * dma_alloc_coherent() - memory shared by the CPU and devices
 * @dev: unused (may be NULL)
 * @size: bytes
 * @dma_handle: receives the bus address
 * Return: host pointer, or NULL (with a log) without a backend that provides DMA memory.
 */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle)
{
	void *p;

	(void)dev;
	if (!io_ops || !io_ops->dma_alloc) {
		pr_err("dma_alloc_coherent(%zu) with no DMA-capable io backend", size);
		return NULL;
	}
	p = io_ops->dma_alloc(io_ctx, size, dma_handle);
	if (!p)
		pr_err("dma_alloc_coherent(%zu) failed", size);
	return p;
}

/**
 * dma_free_coherent() - release memory from dma_alloc_coherent()
 * @dev: unused
 * @size: bytes, as allocated
 * @cpu_addr: host pointer (NULL is ignored)
 * @dma_handle: bus address, as allocated
 */
void dma_free_coherent(struct device *dev, size_t size, void *cpu_addr, dma_addr_t dma_handle)
{
	(void)dev;
	if (!cpu_addr)
		return;
	if (!io_ops || !io_ops->dma_free) {
		pr_err("dma_free_coherent(%p) with no DMA-capable io backend", cpu_addr);
		return;
	}
	io_ops->dma_free(io_ctx, size, cpu_addr, dma_handle);
}

/**
 * dma_sync_for_device() - publish CPU writes to DMA memory to devices
 * @cpu_addr: start
 * @size: bytes
 */
void dma_sync_for_device(void *cpu_addr, size_t size)
{
	if (io_ops && io_ops->dma_sync)
		io_ops->dma_sync(io_ctx, cpu_addr, size);
}

/**
 * irqsim_now_ns() - the backend's time, for poll timeouts
 * Return: ns from the backend, else the host monotonic clock.
 */
u64 irqsim_now_ns(void)
{
	struct timespec ts;

	if (io_ops && io_ops->now_ns)
		return io_ops->now_ns(io_ctx);
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

/**
 * udelay() - let @usecs pass while polling (the backend advances its clock;
 * without a delay hook this returns at once: a host delay would only slow tests)
 * @usecs: microseconds
 */
void udelay(unsigned long usecs)
{
	if (io_ops && io_ops->delay_ns)
		io_ops->delay_ns(io_ctx, (u64)usecs * 1000);
}

/**
 * irqsim_annotate_enabled() - whether annotations reach anyone
 * Return: true if the backend has an annotate hook.
 */
bool irqsim_annotate_enabled(void)
{
	return io_ops && io_ops->annotate;
}

/**
 * irqsim_annotate() - tell the backend which driver operation is in progress
 * @fmt: printf format
 *
 * Formats only when a backend listens, so callers need not guard it.
 */
/* the text last given on this thread, so a nested step can restore its caller's */
static _Thread_local char annotation_now[256];

void irqsim_annotate(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	if (!irqsim_annotate_enabled())
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	irqsim_annotate_text(buf);
}

/**
 * irqsim_annotate_text() - irqsim_annotate() of a finished text (no formatting)
 * @text: the operation; cut at 255 characters
 */
void irqsim_annotate_text(const char *text)
{
	if (!irqsim_annotate_enabled())
		return;
	snprintf(annotation_now, sizeof(annotation_now), "%s", text);
	io_ops->annotate(io_ctx, annotation_now);
}

/**
 * irqsim_annotation_save() - copy the operation text in progress on this thread
 * @buf: destination (always NUL-terminated)
 * @len: its size
 *
 * For a helper step (an RWP wait, say) that annotates itself and then gives the
 * caller's text back with irqsim_annotate("%s", buf), so the accesses after it
 * stay next to their real cause.
 */
void irqsim_annotation_save(char *buf, size_t len)
{
	if (len)
		snprintf(buf, len, "%s", irqsim_annotate_enabled() ? annotation_now : "");
}

/*
 * At the core reset: the calling thread's operation text belongs to the run that
 * ended, and must not name the cause of the next run's refused accesses.
 */
void irqsim_annotation_forget(void)
{
	annotation_now[0] = '\0';
}
