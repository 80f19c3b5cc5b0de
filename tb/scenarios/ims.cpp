// SPDX-License-Identifier: MIT
//
// ims: the IMS device (a device with its own interrupt message store) through
// its driver, whose per-device MSI domain stacks on the parent the device tree
// names: --parent mbi (GICv3 MBI, default), lpi (GICv3 DirectLPI) or inta
// (the TI INTA unmapped-event doorbell).  Every slot is requested and routed
// to a random CPU (where the parent can route it), slots fire at random, and
// under traffic slots are moved (set_affinity), masked while they keep firing
// (the device latches PENDING; unmasking sends the message once) and released
// and requested again.  Latency: from the device's trigger write to the handler.
#include <algorithm>
#include <random>

#include "ims_port.h"
#include "soc_common.h"

extern "C" {
#include <linux/irqsim-ims.h>
}

namespace irqsim {

RunResult run_ims(const RunConfig& cfg)
{
    RunResult r;
    auto t0 = std::chrono::steady_clock::now();
    std::string parent = cfg.ims_parent.empty() ? "mbi" : canonical_ims_parent(cfg.ims_parent);
    SessionConfig sc = session_config(cfg);
    sc.ims_parent = parent;
    SocSession s(sc);
    if (!boot_or_fail(s, r))
        return r;
    std::string err;
    ImsPort ims(s);
    if (!ims.probe(&err)) {
        r.error = 2;
        r.error_text = err + " (--parent " + parent + ")";
        return r;
    }
    std::mt19937_64 rng(cfg.seed);
    auto rnd = [&](uint64_t n) { return static_cast<unsigned>(rng() % n); };
    std::vector<unsigned> live;
    for (unsigned k = 0; k < ims.num_slots(); k++) {
        int slot = ims.request(static_cast<int>(rnd(s.cpus())));
        if (slot < 0) {
            r.error = 2;
            r.error_text = "ims_request_slot failed (" + std::to_string(slot) + ") over " + ims.parent_name();
            return r;
        }
        live.push_back(static_cast<unsigned>(slot));
    }
    uint64_t moved = 0, masked_rounds = 0, fired_masked = 0, churned = 0, refused = 0;
    run_events(s, cfg, t0, rng, [&](uint64_t) {
        if (live.empty())
            return Step::Stop;
        unsigned slot = live[rnd(live.size())];
        unsigned dice = rnd(100);
        if (dice < 3) {
            // masked while firing: quiesce the slot first (nothing of it in flight)
            s.drain(100000);
            ims.disable(slot);
            unsigned n = 1 + rnd(3);
            for (unsigned k = 0; k < n; k++)
                ims.fire(slot);
            fired_masked += n;
            s.run(200);
            if (!(ims.ctrl(slot) & IMS_CTRL_PENDING))
                r.problems.push_back("slot " + std::to_string(slot) + " fired while masked but not PENDING");
            ims.enable(slot);
            masked_rounds++;
            return Step::NoGap;
        }
        if (dice < 6) {
            int ret = ims.set_affinity(slot, rnd(s.cpus()));
            ret == 0 ? moved++ : refused++;
        } else if (dice < 8) {
            // release and request again: the driver picks the (lowest) free slot
            s.drain(100000);
            ims.release(slot);
            int again = ims.request(static_cast<int>(rnd(s.cpus())));
            if (again < 0) {
                r.problems.push_back("re-request after release failed (" + std::to_string(again) + ")");
                live.erase(std::find(live.begin(), live.end(), slot));
                return Step::NoGap;
            }
            if (static_cast<unsigned>(again) != slot)
                std::replace(live.begin(), live.end(), slot, static_cast<unsigned>(again));
            slot = static_cast<unsigned>(again);
            churned++;
        }
        ims.fire(slot);
        return Step::Gap;
    });
    r.figures["slots"] = ims.num_slots();
    r.figures["messages sent by the device"] = ims.sent();
    r.figures["message errors at the device"] = ims.errors();
    r.figures["masked rounds (fired while masked, sent once on unmask)"] = static_cast<double>(masked_rounds);
    r.figures["fires while masked"] = static_cast<double>(fired_masked);
    r.figures["retargets"] = static_cast<double>(moved);
    r.figures["retargets refused by the parent"] = static_cast<double>(refused);
    r.figures["slots released and requested again"] = static_cast<double>(churned);
    if (ims.errors())
        r.problems.push_back("the IMS device counted " + std::to_string(ims.errors()) + " message errors");
    r.notes.push_back("MSI parent " + ims.parent_name() + " (--parent " + parent + "), device domain " +
                      ims.domain_name());
    auto lat = compute_latency(ims.latencies());
    r.notes.push_back("IMS device trigger -> handler entry (cycles): median " + std::to_string(lat.median) +
                      ", p99 " + std::to_string(lat.p99) + ", max " + std::to_string(lat.max) + " over " +
                      std::to_string(lat.count));
    finish_result(s, cfg, r, t0);
    return r;
}

}  // namespace irqsim
