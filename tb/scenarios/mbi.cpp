// SPDX-License-Identifier: MIT
//
// mbi: message-based SPIs (GICv3 MBI) end to end.  The IMS device's slots are
// vectors over the GIC's MBI domain (mbi-ranges <96 32>): each composes
// {GICD_SETSPI_NSR, SPI INTID}.  Events alternate at random between the two
// kinds of writer a message-based SPI has: the IMS device sending a slot's
// message on its own bus master (fabric master 2), and the CPU bus master
// writing the same composed message itself.  Every slot is routed to a random
// CPU (IROUTER); handlers must run there.  Latency: from the write (trigger or
// SETSPI_NSR) being issued to the handler entry.
#include <random>

#include "ims_port.h"
#include "soc_common.h"

extern "C" {
#include <linux/irqchip/arm-gic-v3-mbi.h>
}

namespace irqsim {

RunResult run_mbi(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    SessionConfig sc = session_config(cfg);
    sc.ims_parent = "mbi";
    SocSession s(sc);
    if (!boot_or_fail(s, r))
        return r;
    std::string err;
    if (!gic_v3_mbi_domain()) {
        r.error = 2;
        r.error_text = "the GIC has no MBI (GICD_TYPER.MBIS and the GIC node's msi-controller + mbi-ranges)";
        return r;
    }
    ImsPort ims(s);
    if (!ims.probe(&err)) {
        r.error = 2;
        r.error_text = err;
        return r;
    }
    std::mt19937_64 rng(cfg.seed);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    std::vector<unsigned> slots;
    for (unsigned k = 0; k < ims.num_slots(); k++) {
        int slot = ims.request(static_cast<int>(rnd(s.cpus())));
        if (slot < 0) {
            r.error = 2;
            r.error_text = "ims_request_slot failed (" + std::to_string(slot) + ")";
            return r;
        }
        slots.push_back(static_cast<unsigned>(slot));
    }
    uint64_t by_device = 0, by_cpu = 0, bus_errors = 0;
    run_events(s, cfg, t0, rng, [&](uint64_t) {
        unsigned slot = slots[rnd(slots.size())];
        int ret;
        if (rnd(2)) {
            ret = ims.fire(slot);
            by_device++;
        } else {
            ret = ims.write_message(slot);
            by_cpu++;
        }
        if (ret)
            bus_errors++;
        return Step::Gap;
    });
    r.figures["MBI SPIs (mbi-ranges)"] = gic_v3_mbi_count();
    r.figures["MBI SPIs in use"] = gic_v3_mbi_in_use();
    r.figures["messages sent by the IMS device"] = ims.sent();
    r.figures["message errors at the IMS device"] = ims.errors();
    r.figures["SETSPI_NSR writes by the CPU bus master"] = static_cast<double>(by_cpu);
    r.figures["device triggers"] = static_cast<double>(by_device);
    if (bus_errors)
        r.problems.push_back(std::to_string(bus_errors) + " stimulus writes answered with a bus error");
    if (ims.errors())
        r.problems.push_back("the IMS device counted " + std::to_string(ims.errors()) + " message errors");
    char buf[160];
    std::snprintf(buf, sizeof(buf), "doorbell: GICD_SETSPI_NSR at 0x%llx, data = SPI INTID; MSI domain %s",
                  static_cast<unsigned long long>(gic_v3_mbi_doorbell()), ims.domain_name().c_str());
    r.notes.push_back(buf);
    for (bool cpu : {false, true}) {
        auto lat = compute_latency(ims.latencies(cpu));
        r.notes.push_back(std::string(cpu ? "CPU SETSPI_NSR write" : "IMS device trigger write") +
                          " -> handler entry (cycles): median " + std::to_string(lat.median) + ", p99 " +
                          std::to_string(lat.p99) + ", max " + std::to_string(lat.max) + " over " +
                          std::to_string(lat.count));
    }
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
