// SPDX-License-Identifier: MIT
// Where the driver stack says an interrupt will be handled, as a scoreboard CpuSet:
// shared by every platform that books events (SocSession, the SystemC CpuCluster).
#pragma once

#include "scoreboard.h"

namespace irqsim {

// the CPUs (of 0..ncpus-1) in virq's effective affinity; empty for an unknown virq
CpuSet effective_cpus(unsigned virq, unsigned ncpus);

// An INTA VINT's parent irq: the INTR domain's mapping of input num_intr_lines + vint,
// 0 while the VINT is not in use (or the tree has no INTR).
unsigned vint_parent_virq(unsigned vint, unsigned num_intr_lines);

// where every event on that VINT is handled: its parent's effective affinity, or
// every CPU when there is none (yet)
CpuSet vint_cpus(unsigned vint, unsigned num_intr_lines, unsigned ncpus);

}  // namespace irqsim
