// SPDX-License-Identifier: MIT
// IntaDoorbellClient: the "irqsim,inta-doorbell-client" test device, a bus
// master that raises its events by INTA-MSI messages (for the e2e and contract
// tests of the TI path).
//
// Vectors come from the INTA-MSI domain through the MSI layer, one per index,
// on demand (msi_domain_alloc_irq_at).  fire(i) does what the device does: the
// CPU bus master writes vector i's message {INTA doorbell, global event}, and
// the event is booked on the scoreboard for the CPUs of the SPI under its VINT.
// Its handler answers the messages written since its last run (several writes
// on a still-set VINT status bit coalesce).
//
//   std::string err;
//   auto db = IntaDoorbellClient::attach(session, 8, &err);   // nullptr + err if the tree lacks it
//   db->request(3);                // vector 3 allocated and requested
//   db->fire(3, 2);                // two doorbell writes
//   session.drain(20000);
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

extern "C" {
#include <linux/device.h>
#include <linux/msi.h>
}

namespace irqsim {

class SocSession;

// one vector of the device and what the firmware mapped it to
struct DoorbellVector {
    SocSession* s = nullptr;
    unsigned index = 0;
    unsigned virq = 0;
    unsigned vint = 0, bit = 0, gevt = 0;  // from the firmware's event map
    bool live = false;
    struct msi_msg msg {};
    uint64_t fired = 0;  // messages written (the device's own count)
    uint64_t seen = 0;   // `fired` as the handler last read it
    uint64_t handled = 0, empty_runs = 0;
    std::string name;
};

class IntaDoorbellClient {
public:
    // the tree's TI-SCI device id of the client that doorbell_client_insert() adds
    static constexpr uint16_t kDevId = 104;
    // The insertions (for the e2e tests' dts_variant) that add the client to a
    // tree: a node with its TI-SCI id and msi-parent = the INTA, listed in the
    // INTA's ti,unmapped-event-sources (its events enter through the INTA itself,
    // so the firmware maps them with the INTA as source).
    static std::vector<std::pair<std::string, std::string>> tree_insert();

    // n vectors on the booted session's client node; nullptr and a one-line
    // reason if the tree has no client or its msi-parent has no INTA-MSI domain
    static std::unique_ptr<IntaDoorbellClient> attach(SocSession& s, unsigned n, std::string* err);
    ~IntaDoorbellClient();
    IntaDoorbellClient(const IntaDoorbellClient&) = delete;
    IntaDoorbellClient& operator=(const IntaDoorbellClient&) = delete;

    unsigned size() const { return static_cast<unsigned>(vecs_.size()); }
    DoorbellVector& vec(unsigned i) { return *vecs_.at(i); }
    struct device* dev() { return &dev_; }

    // allocate index i's vector and request it: 0, or the driver's negative errno
    // with nothing left behind; -EIO (and *why) if its message names no event the
    // firmware mapped
    int request(unsigned i, std::string* why = nullptr);
    // free_irq and free the vector: 0, or -EINVAL if it is not live
    int release(unsigned i);
    // write vector i's message `times` times, back to back, booking each; false
    // if a bus write was refused (the vector not live is not an error: nothing
    // is written)
    bool fire(unsigned i, unsigned times = 1);

    // the VINT a booked event was raised on (scoreboard injection id -> VINT)
    const std::map<uint64_t, unsigned>& vint_of() const { return vint_of_; }

private:
    explicit IntaDoorbellClient(SocSession& s) : s_(s) {}
    SocSession& s_;
    std::map<uint64_t, unsigned> vint_of_;
    struct device dev_ {};
    std::vector<std::unique_ptr<DoorbellVector>> vecs_;
};

}  // namespace irqsim
