# SPDX-License-Identifier: MIT
"""The comparison stimulus (tb/compare/README.md) as a cocotb 2.x test with
cocotbext-axi: register-level GIC init through the AXI4-Lite port, then
IRQ_STIM_EVENTS times: pulse device line i % 32 for one cycle, wait for irq_out
of its CPU, read ICC_IAR1 on the system-register port (1023: wait again), check
the INTID, write ICC_EOIR1.  Inputs change after a falling edge; outputs are read
after a rising edge (ReadOnly).  Writes one JSON line to IRQ_STIM_RESULT."""
import json
import os
import re
import time
from pathlib import Path

import cocotb
from cocotb.clock import Clock
from cocotb.triggers import FallingEdge, ReadOnly, RisingEdge
from cocotbext.axi import AxiLiteBus, AxiLiteMaster



def rdl_macros(*blocks):
    """The #defines of the register headers generated from rtl/*/*.rdl
    (<block>_regs.h in IRQSIM_RDL_DIR, which run.py passes on)."""
    d = Path(os.environ["IRQSIM_RDL_DIR"])
    defs = {}
    for b in blocks:
        for m in re.finditer(r"^#define (\w+) (0x[0-9A-Fa-f]+|\d+)u?(?:ll)?$", (d / f"{b}_regs.h").read_text(), re.M):
            defs[m.group(1)] = int(m.group(2), 0)
    return defs


R = rdl_macros("irqsim_soc_map", "gic_dist", "gic_redist", "gic_cpuif")
GICD, GICR, GICR_STRIDE = R["IRQSIM_SOC_MAP_GICD_BASE"], R["IRQSIM_SOC_MAP_GICR_BASE"], R["GIC_REDIST_SIZE"]
# system-register keys: the CPU interface's registers sit at byte address key * 8 (gic_cpuif.rdl)
ICC_PMR, ICC_IAR1, ICC_EOIR1, ICC_CTLR, ICC_SRE, ICC_IGRPEN1 = (
    R[f"GIC_CPUIF_{r}_EL1_OFFSET"] >> 3 for r in ("PMR", "IAR1", "EOIR1", "CTLR", "SRE", "IGRPEN1"))
LINES, FIRST_SPI, IRQ_WAIT, SPURIOUS = 32, 32, 1000, 1023


class SysregPort:
    """One access at a time: valid/pe/write/key/wdata held until ready is seen
    in the cycle before a rising edge; rdata taken from that cycle."""

    def __init__(self, dut):
        self.dut = dut
        dut.sysreg_valid.value = 0

    async def access(self, pe, key, write=False, data=0):
        d = self.dut
        d.sysreg_pe.value = pe
        d.sysreg_key.value = key
        d.sysreg_write.value = int(write)
        d.sysreg_wdata.value = data
        d.sysreg_valid.value = 1
        for _ in range(10000):
            await ReadOnly()
            ready = d.sysreg_ready.value == 1
            if ready:
                rdata = d.sysreg_rdata.value.to_unsigned()
                if d.sysreg_error.value == 1:
                    raise AssertionError(f"sysreg key {key:#06x} on pe {pe} refused")
            await RisingEdge(d.clk)
            await FallingEdge(d.clk)
            if ready:
                d.sysreg_valid.value = 0
                d.sysreg_write.value = 0
                return rdata
        raise AssertionError(f"sysreg key {key:#06x} on pe {pe}: no ready")


async def init(dut, axil, sr, cpus):
    ctlr = GICD + R["GIC_DIST_CTLR_OFFSET"]
    await axil.write_dword(ctlr, R["GIC_DIST_CTLR_ENABLEGRP1_MASK"])
    while (await axil.read_dword(ctlr)) & R["GIC_DIST_CTLR_RWP_MASK"]:
        pass
    for pe in range(cpus):
        waker = GICR + pe * GICR_STRIDE + R["GIC_REDIST_WAKER_OFFSET"]
        await axil.write_dword(waker, 0)  # ProcessorSleep = 0
        while (await axil.read_dword(waker)) & R["GIC_REDIST_WAKER_CHILDRENASLEEP_MASK"]:
            pass
        await FallingEdge(dut.clk)
        await sr.access(pe, ICC_SRE, True, 7)
        await sr.access(pe, ICC_PMR, True, 0xF0)
        await sr.access(pe, ICC_CTLR, True, 0)
        await sr.access(pe, ICC_IGRPEN1, True, 1)

    def spi_reg(name, n):  # INTIDs 32..63: the first registers of each SPI array
        return GICD + R[f"GIC_DIST_{name}_SPI_OFFSET"] + n * R[f"GIC_DIST_{name}_SPI_STRIDE"]

    await axil.write_dword(spi_reg("IGROUPR", 0), 0xFFFF_FFFF)  # Group 1
    for w in range(8):
        await axil.write_dword(spi_reg("IPRIORITYR", w), 0xA0A0_A0A0)
    for w in range(2):
        await axil.write_dword(spi_reg("ICFGR", w), 0xAAAA_AAAA)  # edge
    for line in range(LINES):
        await axil.write_dword(spi_reg("IROUTER", line), line % cpus)
    await axil.write_dword(spi_reg("ISENABLER", 0), 0xFFFF_FFFF)


@cocotb.test()
async def irq_stim(dut):
    events = int(os.environ.get("IRQ_STIM_EVENTS", "1000"))
    cpus = int(dut.NUM_CPUS.value)
    for name in ("fw_awvalid", "fw_wvalid", "fw_bready", "fw_arvalid", "fw_rready", "dram_arready",
                 "dram_rvalid", "intr_line_in", "line_in"):
        getattr(dut, name).value = 0
    Clock(dut.clk, 2, unit="ns").start()
    sr = SysregPort(dut)
    axil = AxiLiteMaster(AxiLiteBus.from_prefix(dut, "cpu"), dut.clk, dut.rst_n, reset_active_level=False)
    dut.rst_n.value = 0
    for _ in range(8):
        await FallingEdge(dut.clk)
    dut.rst_n.value = 1
    await FallingEdge(dut.clk)
    await init(dut, axil, sr, cpus)
    await FallingEdge(dut.clk)

    t_init = cocotb.utils.get_sim_time(unit="ns")
    c0, w0 = time.process_time(), time.perf_counter()
    delivered = spurious = 0
    for i in range(events):
        line = i % LINES
        pe = line % cpus
        dut.line_in.value = 1 << line
        await RisingEdge(dut.clk)
        await FallingEdge(dut.clk)
        dut.line_in.value = 0
        while True:
            for n in range(IRQ_WAIT):
                await ReadOnly()
                if (dut.irq_out.value.to_unsigned() >> pe) & 1:
                    break
                await RisingEdge(dut.clk)
            else:
                raise AssertionError(f"no irq_out[{pe}] for INTID {FIRST_SPI + line}")
            await FallingEdge(dut.clk)
            intid = (await sr.access(pe, ICC_IAR1)) & R["GIC_CPUIF_IAR1_EL1_INTID_MASK"]
            if intid == SPURIOUS:
                spurious += 1
                continue
            assert intid == FIRST_SPI + line, f"ICC_IAR1 {intid}, expected {FIRST_SPI + line}"
            await sr.access(pe, ICC_EOIR1, True, intid)
            delivered += 1
            break
    cpu_s, wall_s = time.process_time() - c0, time.perf_counter() - w0
    cycles = int((cocotb.utils.get_sim_time(unit="ns") - t_init) / 2)
    result = {"delivered": delivered, "spurious": spurious, "cycles": cycles, "init_cycles": int(t_init / 2),
              "cpu_s": cpu_s, "wall_s": wall_s, "cpus": cpus}
    path = os.environ.get("IRQ_STIM_RESULT")
    if path:
        with open(path, "w") as f:
            f.write(json.dumps(result) + "\n")
    dut._log.info("irq_stim: %s", result)
