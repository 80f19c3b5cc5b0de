// SPDX-License-Identifier: MIT
// irqsim-bench-idle: simulated cycles per second of the idle SoC (reset done,
// nothing programmed) through Platform::run, i.e. with every clock agent (DRAM
// slave, lines, hop monitor, IRQ dispatch check) in the loop.
//
//   irqsim-bench-idle [cpus=4] [cycles=2000000] [trace.fst [depth]]
// Prints wall-clock and process-CPU-time rates (the latter is meaningful on a
// loaded machine).
#include "sim.h"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv)
{
    irqsim::SimConfig cfg;
    cfg.cpus = argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 4;
    uint64_t cycles = argc > 2 ? std::strtoull(argv[2], nullptr, 0) : 2000000;
    if (argc > 3)
        cfg.trace_path = argv[3];
    if (argc > 4)
        cfg.trace_depth = std::atoi(argv[4]);
    irqsim::Sim sim(cfg);
    sim.boot();
    sim.run(1000);  // warm up
    auto t0 = std::chrono::steady_clock::now();
    std::clock_t c0 = std::clock();
    uint64_t done = sim.run(cycles);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    double cpu = double(std::clock() - c0) / CLOCKS_PER_SEC;
    // the CPU-time rate is the one to compare on a shared machine
    std::printf("cpus=%u cycles=%llu wall=%.3f s (%.0f cycles/s) cpu=%.3f s (%.0f cycles/s) trace=%s\n",
                cfg.cpus, (unsigned long long)done, s, done / s, cpu, done / cpu,
                cfg.trace_path.empty() ? "off" : cfg.trace_path.c_str());
    return sim.failed() ? 1 : 0;
}
