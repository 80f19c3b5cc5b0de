// SPDX-License-Identifier: MIT
#include "traffic.h"

#include <cerrno>

namespace irqsim {

namespace {

unsigned pick(std::mt19937_64& rng, uint64_t n) { return static_cast<unsigned>(rng() % n); }

bool in_budget(TrafficPort& port, const TrafficConfig& cfg)
{
    return !port.failed() && (cfg.max_cycles == 0 || port.now() < cfg.max_cycles);
}

}  // namespace

TrafficResult spi_traffic(TrafficPort& port, std::mt19937_64& rng, const TrafficConfig& cfg)
{
    TrafficResult res;
    const unsigned lines = port.num_lines();
    if (lines == 0) {
        res.error = 2;
        res.error_text = "the device tree gives the device no lines";
        return res;
    }
    for (unsigned l = 0; l < lines; l++) {
        int ret = port.request_line(l, pick(rng, port.cpus()));
        if (ret) {
            res.error = 2;
            res.error_text =
                "request_irq for line " + std::to_string(l) + " failed (" + std::to_string(ret) + ")";
            return res;
        }
    }
    int dropped_line = -1;
    for (uint64_t e = 0; e < cfg.events && in_budget(port, cfg); e++) {
        unsigned line = pick(rng, lines);
        if (static_cast<int>(line) == dropped_line)  // a later event would answer the dropped one
            line = (line + 1) % lines;
        if (pick(rng, 100) < cfg.move_percent && port.set_line_affinity(line, pick(rng, port.cpus())) == 0)
            res.affinity_moves++;
        if (e == cfg.drop_event) {
            port.book_undriven_line_event(line);
            dropped_line = static_cast<int>(line);
        } else {
            port.inject_line(line);
        }
        res.events++;
        port.advance(pick(rng, 2 * uint64_t{cfg.mean_gap} + 1));
        if (cfg.progress && (e & 255) == 255)
            cfg.progress(e + 1);
    }
    return res;
}

TrafficResult dma_ring_traffic(TrafficPort& port, std::mt19937_64& rng, const TrafficConfig& cfg)
{
    TrafficResult res;
    const unsigned rings = port.num_rings();
    if (rings == 0) {
        res.error = 2;
        res.error_text =
            "device tree: no \"irqsim,dma-ring\" node (the TI path needs the INTR/INTA/DMA nodes)";
        return res;
    }
    for (unsigned r = 0; r < rings; r++) {
        if (pick(rng, 2) && r != 0)
            continue;
        int ret = port.request_ring(r);
        if (ret) {
            res.error = 2;
            res.error_text = "dma_ring_request_channel for ring " + std::to_string(r) + " failed (" +
                             std::to_string(ret) + ")";
            return res;
        }
        res.channels_requested++;
    }
    while (res.events < cfg.events && in_budget(port, cfg)) {
        unsigned r = pick(rng, rings);
        const std::string ring = "ring " + std::to_string(r);
        if (pick(rng, 100) < 4) {
            // channels come and go while the other rings keep completing
            bool was = port.ring_active(r);
            int ret = was ? port.release_ring(r) : port.request_ring(r);
            if (ret == 0)
                (was ? res.channels_released : res.channels_requested)++;
            else if (ret != -EAGAIN)
                res.problems.push_back(ring + ": channel " + (was ? "release" : "request") + " failed (" +
                                       std::to_string(ret) + ")");
            continue;
        }
        if (!port.ring_active(r))
            continue;
        unsigned n = 1 + pick(rng, 4);
        if (int ret = port.post_ring(r, n))
            res.problems.push_back(ring + ": dma_ring_post failed (" + std::to_string(ret) + ")");
        res.events += n;
        port.advance(pick(rng, 2 * uint64_t{cfg.mean_gap} + 1));
        if (cfg.progress)
            cfg.progress(res.events);
    }
    return res;
}

}  // namespace irqsim
