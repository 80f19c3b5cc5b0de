// SPDX-License-Identifier: MIT
// Firmware: the system-firmware model (TI-SCI style resource manager).
//
// It owns the secure AXI master (fw_*, AxPROT secure) and implements the
// ti_sci_handle ops of <linux/soc/ti/ti_sci_protocol.h> on top of it:
//   get_range       answers from the host's resource ranges (configure())
//   set_irq         INTR MUXCNTL[dst_host_irq] = INT_ENABLE | src_index
//   free_irq        MUXCNTL[dst_host_irq] = 0
//   set_event_map   INTA IMAP[global_event] = valid | vint << 8 | bit, and when
//                   src_id is the DMA-ring device RING_EVENT[src_index] =
//                   enable | global_event
//   free_event_map  clears them again
// Every request is checked against the host's ranges before any bus access:
// outside -> -EINVAL plus one log line naming the resource and the range, and
// the hardware is untouched; a second set of what is set -> -EBUSY; a free of
// what was not set (or set differently) -> -EINVAL.  A bus error -> -EIO.
//
//   irqsim::Firmware &fw = sim.firmware();
//   fw.configure(ranges);      // from the device tree (host ranges, TI-SCI ids)
//   fw.install();              // ti_sci_install_handle(fw.handle())
#pragma once

#include "axil_master.h"
#include "fault.h"

#include <linux/soc/ti/ti_sci_protocol.h>

#include <cstdint>
#include <map>
#include <string>

namespace irqsim {

struct FirmwareRange {
    uint16_t start = 0;
    uint16_t num = 0;
    bool contains(unsigned v) const { return v >= start && v < unsigned(start) + num; }
};

struct FirmwareConfig {
    // TI-SCI device ids (DT ti,sci-dev-id)
    uint16_t intr_id = 101, inta_id = 102, dma_id = 103;
    // the host's ranges (DT ti,sci-rm-range-out / -vint / -global-event)
    FirmwareRange intr_out{0, 32};
    FirmwareRange vint{0, 16};
    FirmwareRange global_event{0, 256};
    // hardware sizes (the RTL parameters)
    unsigned num_intr_inputs = 32;  // NUM_INTR_LINES + NUM_VINTS
    unsigned num_rings = 32;
    // register addresses (the model's SocParams)
    uint32_t intr_base = 0;       // MUXCNTL[n] at +4 + 4n
    uint32_t inta_imap_base = 0;  // IMAP[e] at +8e
    uint32_t dma_cfg_base = 0;    // RING_EVENT[r] at +4r
};

struct SocParams;
// The firmware's view of a model: host ranges = the whole hardware (until
// configure() narrows them to the tree's), sizes and register addresses.
FirmwareConfig firmware_config_of(const SocParams& sp);

struct FirmwareStats {
    uint64_t get_range = 0, set_irq = 0, free_irq = 0, set_event_map = 0, free_event_map = 0;
    uint64_t refused = 0;  // calls answered with an error (any op)
    uint64_t einval = 0, ebusy = 0, eio = 0;
    uint64_t bus_writes = 0;
};

class Firmware {
public:
    explicit Firmware(AxiLiteMaster& fw_bus, const FirmwareConfig& cfg = FirmwareConfig());
    ~Firmware();
    Firmware(const Firmware&) = delete;
    Firmware& operator=(const Firmware&) = delete;

    // new ranges/ids; forgets what was set (call before the drivers probe)
    void configure(const FirmwareConfig& cfg);
    const FirmwareConfig& config() const { return cfg_; }

    const struct ti_sci_handle* handle() const { return &handle_.h; }
    // the model behind a handle it gave out
    static Firmware* owner_of(const struct ti_sci_handle* h)
    {
        return reinterpret_cast<const Handle*>(h)->self;
    }
    // ti_sci_install_handle(handle()); uninstall() installs NULL if ours is installed
    void install();
    void uninstall();

    // the ops, callable directly (tests); same semantics as through the handle
    int get_range(uint32_t dev_id, uint8_t subtype, uint16_t* start, uint16_t* num);
    int set_irq(uint16_t src_id, uint16_t src_index, uint16_t dst_id, uint16_t dst_host_irq);
    int free_irq(uint16_t src_id, uint16_t src_index, uint16_t dst_id, uint16_t dst_host_irq);
    int set_event_map(uint16_t src_id, uint16_t src_index, uint16_t ia_id, uint16_t vint,
                      uint16_t global_event, uint8_t vint_status_bit);
    int free_event_map(uint16_t src_id, uint16_t src_index, uint16_t ia_id, uint16_t vint,
                       uint16_t global_event, uint8_t vint_status_bit);

    const FirmwareStats& stats() const { return stats_; }
    void reset_stats() { stats_ = FirmwareStats(); }
    // the last refusal's log line ("" if none yet)
    const std::string& last_error() const { return last_error_; }
    // don't print refusals to stderr (still counted and kept in last_error())
    void set_quiet(bool q) { quiet_ = q; }
    // fault injection: requests refused before any bus access (sim/fault.h)
    void set_faults(Faults* f) { faults_ = f; }

    // what is programmed: INTR output -> input, global event -> mapping
    struct EventMap {
        uint16_t src_id, src_index, vint, global_event;
        uint8_t bit;
    };
    const std::map<uint16_t, uint16_t>& routes() const { return routes_; }
    const std::map<uint16_t, EventMap>& event_maps() const { return events_; }

private:
    int refuse(int err, const std::string& msg);
    int write(uint32_t addr, uint32_t value, const char* what);

    AxiLiteMaster& bus_;
    FirmwareConfig cfg_;
    // the handle the drivers get (first member, so a ti_sci_handle pointer is
    // one to this) and the model answering through it
    struct Handle {
        struct ti_sci_handle h;
        Firmware* self;
    };
    Handle handle_;
    FirmwareStats stats_;
    std::string last_error_;
    bool quiet_ = false;
    bool installed_ = false;
    Faults* faults_ = nullptr;
    std::map<uint16_t, uint16_t> routes_;  // INTR output -> input
    std::map<uint16_t, EventMap> events_;  // global event -> mapping
};

}  // namespace irqsim
