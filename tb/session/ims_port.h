// SPDX-License-Identifier: MIT
// ImsPort: the SoC's IMS device (rtl/dev/dev_ims.sv) driven through its real
// driver (driver/irqchip/ims.c), for the mbi/ims scenarios and the e2e tests.
//
// Each requested slot is a vector of the device's own MSI domain, a child of
// the MSI parent the device tree names (MBI by default; SessionConfig::ims_parent
// swaps it: "mbi", "lpi" = DirectLPI, "inta" = the INTA unmapped-event doorbell).
// fire(slot) does what the device's own event would: a TRIGGER register write;
// the device then sends the slot's message on its bus master (fabric master 2),
// or latches PENDING while the slot is masked.  Events are booked on the
// scoreboard for the CPUs of the vector's effective affinity.
//
//   SocSession s(cfg); s.boot(&err);
//   ImsPort ims(s);               // destroy before the session
//   ims.probe(&err);
//   int slot = ims.request(2);    // any free slot, routed to CPU 2
//   ims.fire(slot);
//   s.drain(20000);
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "soc_session.h"

struct ims_device;

namespace irqsim {

// The same tree with the "irqsim,ims" node's msi-parent pointing at the GIC
// ("mbi", "lpi": irqsim,msi-parent-kind set accordingly) or at the INTA
// ("inta").  False + *err when the tree lacks the nodes or kind is unknown.
bool dtb_with_ims_parent(const std::vector<uint8_t>& in, const std::string& kind, std::vector<uint8_t>* out,
                         std::string* err);

class ImsPort {
public:
    // the IMS device's registers; the INTA's CFG UNMAPPED_EVENT_DOORBELL (the model's addresses)
    uint32_t base() const;
    uint32_t inta_doorbell() const;
    static constexpr uint32_t kImsSciDevId = 105;  // given to the IMS node for the INTA parent

    struct Slot {
        ImsPort* owner = nullptr;
        unsigned slot = 0;
        unsigned virq = 0;
        bool requested = false;
        bool disabled = false;
        bool held = false;  // fired while masked: the device keeps it PENDING
        uint64_t handled = 0;
        std::string name;
    };

    explicit ImsPort(SocSession& s);
    ~ImsPort();
    ImsPort(const ImsPort&) = delete;
    ImsPort& operator=(const ImsPort&) = delete;

    // the device the platform driver bound to the tree's "irqsim,ims" node at
    // boot (ims_get); false + *err naming the cause (deferral reason, probe error)
    bool probe(std::string* err);
    struct ims_device* dev() { return ims_; }
    unsigned num_slots() const;
    std::string domain_name() const;  // the device's MSI domain, e.g. "MBI-IMS-a600000.ims"
    std::string parent_name() const;  // its MSI parent, e.g. "GICv3-MBI"

    // ims_request_slot (any free slot) + affinity to cpu (if >= 0 and the parent
    // can move it); returns the slot or -errno
    int request(int cpu = -1);
    int release(unsigned slot);
    int set_affinity(unsigned slot, unsigned cpu);
    // disable_irq / enable_irq of the slot's vector (the slot's MASK and the
    // parent's), the scoreboard told; a slot fired meanwhile is PENDING in the
    // device and sent once on enable (booked then).  Disable only with nothing
    // of this slot in flight.
    void disable(unsigned slot);
    void enable(unsigned slot);
    // the device fires the slot (TRIGGER write by the CPU bus master); booked
    // unless masked.  Waits first until the slot's previous event was answered:
    // whether a second fire merges with the first (device queue, pending SPI/LPI)
    // or arrives after its IAR is a race the scoreboard cannot see.  0 or -EINVAL / -EIO
    int fire(unsigned slot);
    // the CPU bus master writes the slot's composed message itself (as any bus
    // master could): booked.  0, -EINVAL (no message) or -EIO (bus error)
    int write_message(unsigned slot);

    // device registers (through the CPU bus)
    uint32_t ctrl(unsigned slot);
    uint32_t sent();
    uint32_t errors();
    uint32_t last_error();
    uint32_t status();
    // raw register write (contract tests: what a broken driver would do); the bus response
    unsigned write_reg(uint32_t off, uint32_t val);

    Slot& slot(unsigned s) { return *slots_.at(s); }
    bool has_slot(unsigned s) const { return s < slots_.size() && slots_[s]; }
    // where its handler may run: the effective affinity, else every CPU
    CpuSet cpus_of(unsigned slot) const;
    // trigger write -> handler entry over the delivered device-sent IMS events;
    // with cpu_writes: message write by the CPU bus master -> handler entry (write_message)
    std::vector<uint64_t> latencies(bool cpu_writes = false) const;
    SocSession& session() { return s_; }

private:
    // run until no event of virq is outstanding (bounded): one event per slot in flight
    void wait_answered(unsigned virq);
    friend int ims_port_handler_entry(Slot* sl, int irq);
    SocSession& s_;
    struct ims_device* ims_ = nullptr;
    std::vector<std::unique_ptr<Slot>> slots_;
};

}  // namespace irqsim
