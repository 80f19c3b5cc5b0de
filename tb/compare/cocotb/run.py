# SPDX-License-Identifier: MIT
"""Build (once) and run tb/compare/cocotb/test_irq_stim.py on irqsim_tb_top with
cocotb's Verilator runner.  Usage: run.py BUILD_DIR EVENTS RESULT_JSON
The Verilator on PATH must be >= 5.036 (cocotb 2.x); scripts/bench puts the
PyPI wheel's first."""
import os
import subprocess
import sys
from pathlib import Path

from cocotb_tools.runner import get_runner

root = Path(__file__).resolve().parents[3]
build_dir, events, result = Path(sys.argv[1]).resolve(), sys.argv[2], Path(sys.argv[3]).resolve()
# rtl/soc/soc-files: the register packages generated into IRQSIM_RDL_DIR (scripts/bench sets it)
files = [Path(l) for l in subprocess.run(["sh", str(root / "rtl/soc/soc-files")], check=True, text=True,
                                         stdout=subprocess.PIPE).stdout.split()]
files.append(root / "sim/tb_top.sv")
runner = get_runner("verilator")
# the flags of sim/CMakeLists.txt's models (cocotb adds --vpi --public-flat-rw); the C++
# optimisation of the per-cycle code (-O2, as the project's models) comes from scripts/bench's MAKEFLAGS
runner.build(sources=files, hdl_toplevel="irqsim_tb_top", parameters={"NUM_CPUS": 4}, build_dir=build_dir,
             build_args=["--assert", "+define+IRQSIM_ASSERT", "-Wno-fatal", "-Wno-lint", "-Wno-style",
                         "--x-assign", "fast", "--x-initial", "fast", "-O3"],
             timescale=("1ns", "1ps"), log_file=build_dir / "build.log")
runner.test(hdl_toplevel="irqsim_tb_top", test_module="test_irq_stim", test_dir=Path(__file__).parent,
            build_dir=build_dir, extra_env={"IRQ_STIM_EVENTS": events, "IRQ_STIM_RESULT": str(result),
                       "IRQSIM_RDL_DIR": os.environ["IRQSIM_RDL_DIR"]},
            results_xml=str(build_dir / "results.xml"), log_file=build_dir / "test.log")
