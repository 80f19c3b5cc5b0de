// SPDX-License-Identifier: MIT
#include "firmware.h"

#include "soc_pins.h"
#include "dev_dma_ring_regs.h"
#include "ti_inta_regs.h"
#include "ti_intr_regs.h"

#include <cerrno>
#include <cstdio>

namespace irqsim {

namespace {

Firmware* fw_of(const struct ti_sci_handle* h) { return h ? Firmware::owner_of(h) : nullptr; }

int op_get_range(const struct ti_sci_handle* h, u32 dev_id, u8 subtype, struct ti_sci_resource_desc* desc)
{
    Firmware* f = fw_of(h);
    if (!f || !desc)
        return -ENODEV;
    // one range per subtype here: no secondary range
    desc->start_sec = desc->num_sec = 0;
    return f->get_range(dev_id, subtype, &desc->start, &desc->num);
}
int op_set_irq(const struct ti_sci_handle* h, u16 src_id, u16 src_index, u16 dst_id, u16 dst_host_irq)
{
    Firmware* f = fw_of(h);
    return f ? f->set_irq(src_id, src_index, dst_id, dst_host_irq) : -ENODEV;
}
int op_free_irq(const struct ti_sci_handle* h, u16 src_id, u16 src_index, u16 dst_id, u16 dst_host_irq)
{
    Firmware* f = fw_of(h);
    return f ? f->free_irq(src_id, src_index, dst_id, dst_host_irq) : -ENODEV;
}
int op_set_event_map(const struct ti_sci_handle* h, u16 src_id, u16 src_index, u16 ia_id, u16 vint,
                     u16 global_event, u8 bit)
{
    Firmware* f = fw_of(h);
    return f ? f->set_event_map(src_id, src_index, ia_id, vint, global_event, bit) : -ENODEV;
}
int op_free_event_map(const struct ti_sci_handle* h, u16 src_id, u16 src_index, u16 ia_id, u16 vint,
                      u16 global_event, u8 bit)
{
    Firmware* f = fw_of(h);
    return f ? f->free_event_map(src_id, src_index, ia_id, vint, global_event, bit) : -ENODEV;
}

std::string range_str(const FirmwareRange& r)
{
    if (r.num == 0)
        return "[] (empty)";
    return "[" + std::to_string(r.start) + ".." + std::to_string(unsigned(r.start) + r.num - 1) + "]";
}

// register offsets and fields: rtl/ti/ti_intr.rdl, ti_inta.rdl, rtl/dev/dev_dma_ring.rdl
constexpr uint32_t kMuxIntEnable = TI_INTR_MUXCNTL_INT_ENABLE_MASK;
uint32_t muxcntl(uint32_t intr_base, unsigned n)
{
    return intr_base + TI_INTR_MUXCNTL_OFFSET + TI_INTR_MUXCNTL_STRIDE * n;
}
// an IMAP entry (fields and stride: rtl/ti/ti_inta.rdl)
uint32_t imap_entry(unsigned vint, unsigned bit)
{
    return TI_INTA_IMAP_VALID_MASK | ((uint32_t(vint) << TI_INTA_IMAP_VINT_LSB) & TI_INTA_IMAP_VINT_MASK) |
           ((uint32_t(bit) << TI_INTA_IMAP_BIT_LSB) & TI_INTA_IMAP_BIT_MASK);
}
constexpr uint32_t kRingEventEnable = DEV_DMA_RING_RING_EVENT_ENABLE_MASK;

}  // namespace

FirmwareConfig firmware_config_of(const SocParams& sp)
{
    FirmwareConfig fc;
    fc.num_intr_inputs = sp.num_intr_lines + sp.num_vints;
    fc.num_rings = sp.num_rings;
    fc.intr_out = FirmwareRange{0, static_cast<uint16_t>(sp.num_intr_out)};
    fc.vint = FirmwareRange{0, static_cast<uint16_t>(sp.num_vints)};
    fc.global_event = FirmwareRange{0, static_cast<uint16_t>(sp.num_events)};
    fc.intr_base = sp.intr_base;
    fc.inta_imap_base = sp.inta_imap_base();
    fc.dma_cfg_base = sp.dma_cfg_base();
    return fc;
}

Firmware::Firmware(AxiLiteMaster& fw_bus, const FirmwareConfig& cfg) : bus_(fw_bus), cfg_(cfg)
{
    handle_ = Handle{};
    handle_.h.ops.rm_core_ops.get_range = op_get_range;
    handle_.h.ops.rm_irq_ops.set_irq = op_set_irq;
    handle_.h.ops.rm_irq_ops.free_irq = op_free_irq;
    handle_.h.ops.rm_irq_ops.set_event_map = op_set_event_map;
    handle_.h.ops.rm_irq_ops.free_event_map = op_free_event_map;
    handle_.self = this;
}

Firmware::~Firmware() { uninstall(); }

void Firmware::configure(const FirmwareConfig& cfg)
{
    cfg_ = cfg;
    routes_.clear();
    events_.clear();
}

void Firmware::install()
{
    ti_sci_install_handle(&handle_.h);
    installed_ = true;
}

void Firmware::uninstall()
{
    if (installed_ && ti_sci_installed_handle() == &handle_.h)
        ti_sci_install_handle(nullptr);
    installed_ = false;
}

int Firmware::refuse(int err, const std::string& msg)
{
    stats_.refused++;
    if (err == -EINVAL)
        stats_.einval++;
    else if (err == -EBUSY)
        stats_.ebusy++;
    else if (err == -EIO)
        stats_.eio++;
    last_error_ = "ti-sci firmware: " + msg;
    if (!quiet_)
        std::fprintf(stderr, "%s\n", last_error_.c_str());
    return err;
}

int Firmware::write(uint32_t addr, uint32_t value, const char* what)
{
    stats_.bus_writes++;
    AxiResult r = bus_.write32(addr, value, kProtSecure);
    if (!r.ok()) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s write 0x%08x = 0x%08x failed: %s%s", what, addr, value,
                      axi_resp_name(r.resp), r.timeout ? " (timeout)" : "");
        return refuse(-EIO, buf);
    }
    return 0;
}

int Firmware::get_range(uint32_t dev_id, uint8_t subtype, uint16_t* start, uint16_t* num)
{
    stats_.get_range++;
    const FirmwareRange* r = nullptr;
    if (dev_id == cfg_.intr_id && subtype == TI_SCI_RESASG_SUBTYPE_IR_OUTPUT)
        r = &cfg_.intr_out;
    else if (dev_id == cfg_.inta_id && subtype == TI_SCI_RESASG_SUBTYPE_IA_VINT)
        r = &cfg_.vint;
    else if (dev_id == cfg_.inta_id && subtype == TI_SCI_RESASG_SUBTYPE_GLOBAL_EVENT_SEVT)
        r = &cfg_.global_event;
    if (!r) {
        char b[96];
        std::snprintf(b, sizeof b, "get_range: no resource of subtype 0x%x for device %u", subtype, dev_id);
        return refuse(-EINVAL, b);
    }
    if (!start || !num)
        return refuse(-EINVAL, "get_range: NULL output pointer");
    *start = r->start;
    *num = r->num;
    return 0;
}

int Firmware::set_irq(uint16_t src_id, uint16_t src_index, uint16_t dst_id, uint16_t dst_host_irq)
{
    stats_.set_irq++;
    const std::string call = "set_irq(src " + std::to_string(src_id) + ":" + std::to_string(src_index) +
                             ", dst " + std::to_string(dst_id) + ":" + std::to_string(dst_host_irq) + "): ";
    if (faults_)
        if (int err = faults_->firmware_check(FwOp::SetIrq))
            return refuse(err, call + "refused (fault injection)");
    if (src_id != cfg_.intr_id || dst_id != cfg_.intr_id)
        return refuse(-EINVAL, call + "src_id and dst_id must be the INTR (TI-SCI id " +
                                   std::to_string(cfg_.intr_id) + ")");
    if (src_index >= cfg_.num_intr_inputs)
        return refuse(-EINVAL, call + "INTR input " + std::to_string(src_index) + " outside [0.." +
                                   std::to_string(cfg_.num_intr_inputs - 1) + "]");
    if (!cfg_.intr_out.contains(dst_host_irq))
        return refuse(-EINVAL, call + "INTR output " + std::to_string(dst_host_irq) +
                                   " outside the host's range " + range_str(cfg_.intr_out));
    auto it = routes_.find(dst_host_irq);
    if (it != routes_.end())
        return refuse(-EBUSY, call + "INTR output " + std::to_string(dst_host_irq) +
                                  " already routed from input " + std::to_string(it->second));
    int err = write(muxcntl(cfg_.intr_base, dst_host_irq),
                    kMuxIntEnable | (uint32_t(src_index) << TI_INTR_MUXCNTL_SELECT_LSB), "MUXCNTL");
    if (err)
        return err;
    routes_[dst_host_irq] = src_index;
    return 0;
}

int Firmware::free_irq(uint16_t src_id, uint16_t src_index, uint16_t dst_id, uint16_t dst_host_irq)
{
    stats_.free_irq++;
    const std::string call = "free_irq(src " + std::to_string(src_id) + ":" + std::to_string(src_index) +
                             ", dst " + std::to_string(dst_id) + ":" + std::to_string(dst_host_irq) + "): ";
    if (faults_)
        if (int err = faults_->firmware_check(FwOp::FreeIrq))
            return refuse(err, call + "refused (fault injection)");
    if (src_id != cfg_.intr_id || dst_id != cfg_.intr_id)
        return refuse(-EINVAL, call + "src_id and dst_id must be the INTR (TI-SCI id " +
                                   std::to_string(cfg_.intr_id) + ")");
    if (!cfg_.intr_out.contains(dst_host_irq))
        return refuse(-EINVAL, call + "INTR output " + std::to_string(dst_host_irq) +
                                   " outside the host's range " + range_str(cfg_.intr_out));
    auto it = routes_.find(dst_host_irq);
    if (it == routes_.end())
        return refuse(-EINVAL, call + "INTR output " + std::to_string(dst_host_irq) + " is not routed");
    if (it->second != src_index)
        return refuse(-EINVAL, call + "INTR output " + std::to_string(dst_host_irq) +
                                   " is routed from input " + std::to_string(it->second));
    int err = write(muxcntl(cfg_.intr_base, dst_host_irq), 0, "MUXCNTL");
    if (err)
        return err;
    routes_.erase(it);
    return 0;
}

// common checks of set/free_event_map; "" = fine
static std::string check_event_args(const FirmwareConfig& c, uint16_t src_id, uint16_t src_index,
                                    uint16_t ia_id, uint16_t vint, uint16_t gev, uint8_t bit)
{
    if (ia_id != c.inta_id)
        return "ia_id must be the INTA (TI-SCI id " + std::to_string(c.inta_id) + ")";
    if (src_id != c.dma_id && src_id != c.inta_id)
        return "unknown source device " + std::to_string(src_id) + " (DMA-ring device " +
               std::to_string(c.dma_id) + " or the INTA " + std::to_string(c.inta_id) + ")";
    if (src_id == c.dma_id && src_index >= c.num_rings)
        return "DMA ring " + std::to_string(src_index) + " outside [0.." + std::to_string(c.num_rings - 1) +
               "]";
    if (!c.vint.contains(vint))
        return "VINT " + std::to_string(vint) + " outside the host's range " + range_str(c.vint);
    if (!c.global_event.contains(gev))
        return "global event " + std::to_string(gev) + " outside the host's range " +
               range_str(c.global_event);
    if (bit >= 64)
        return "VINT status bit " + std::to_string(bit) + " outside [0..63]";
    return "";
}

int Firmware::set_event_map(uint16_t src_id, uint16_t src_index, uint16_t ia_id, uint16_t vint,
                            uint16_t global_event, uint8_t bit)
{
    stats_.set_event_map++;
    const std::string call = "set_event_map(src " + std::to_string(src_id) + ":" + std::to_string(src_index) +
                             ", ia " + std::to_string(ia_id) + ", vint " + std::to_string(vint) + ", event " +
                             std::to_string(global_event) + ", bit " + std::to_string(bit) + "): ";
    if (faults_)
        if (int err = faults_->firmware_check(FwOp::SetEventMap))
            return refuse(err, call + "refused (fault injection)");
    std::string bad = check_event_args(cfg_, src_id, src_index, ia_id, vint, global_event, bit);
    if (!bad.empty())
        return refuse(-EINVAL, call + bad);
    auto it = events_.find(global_event);
    if (it != events_.end())
        return refuse(-EBUSY, call + "global event " + std::to_string(global_event) + " already mapped");
    for (const auto& kv : events_) {
        const EventMap& m = kv.second;
        if (m.vint == vint && m.bit == bit)
            return refuse(-EBUSY, call + "VINT " + std::to_string(vint) + " bit " + std::to_string(bit) +
                                      " already used by global event " + std::to_string(kv.first));
        if (src_id == cfg_.dma_id && m.src_id == src_id && m.src_index == src_index)
            return refuse(-EBUSY, call + "DMA ring " + std::to_string(src_index) +
                                      " already raises global event " + std::to_string(kv.first));
    }
    int err = write(cfg_.inta_imap_base + TI_INTA_IMAP_STRIDE * global_event, imap_entry(vint, bit), "IMAP");
    if (err)
        return err;
    if (src_id == cfg_.dma_id) {
        err = write(cfg_.dma_cfg_base + DEV_DMA_RING_RING_EVENT_STRIDE * src_index,
                    kRingEventEnable | (uint32_t(global_event) << DEV_DMA_RING_RING_EVENT_EVENT_LSB),
                    "RING_EVENT");
        if (err) {
            write(cfg_.inta_imap_base + TI_INTA_IMAP_STRIDE * global_event, 0, "IMAP");
            return err;
        }
    }
    events_[global_event] = EventMap{src_id, src_index, vint, global_event, bit};
    return 0;
}

int Firmware::free_event_map(uint16_t src_id, uint16_t src_index, uint16_t ia_id, uint16_t vint,
                             uint16_t global_event, uint8_t bit)
{
    stats_.free_event_map++;
    const std::string call = "free_event_map(src " + std::to_string(src_id) + ":" +
                             std::to_string(src_index) + ", ia " + std::to_string(ia_id) + ", vint " +
                             std::to_string(vint) + ", event " + std::to_string(global_event) + ", bit " +
                             std::to_string(bit) + "): ";
    if (faults_)
        if (int err = faults_->firmware_check(FwOp::FreeEventMap))
            return refuse(err, call + "refused (fault injection)");
    std::string bad = check_event_args(cfg_, src_id, src_index, ia_id, vint, global_event, bit);
    if (!bad.empty())
        return refuse(-EINVAL, call + bad);
    auto it = events_.find(global_event);
    if (it == events_.end())
        return refuse(-EINVAL, call + "global event " + std::to_string(global_event) + " is not mapped");
    const EventMap& m = it->second;
    if (m.src_id != src_id || m.src_index != src_index || m.vint != vint || m.bit != bit)
        return refuse(-EINVAL, call + "global event " + std::to_string(global_event) + " is mapped from " +
                                   std::to_string(m.src_id) + ":" + std::to_string(m.src_index) +
                                   " to VINT " + std::to_string(m.vint) + " bit " + std::to_string(m.bit));
    int err = 0;
    if (src_id == cfg_.dma_id)
        err = write(cfg_.dma_cfg_base + DEV_DMA_RING_RING_EVENT_STRIDE * src_index, 0, "RING_EVENT");
    if (!err)
        err = write(cfg_.inta_imap_base + TI_INTA_IMAP_STRIDE * global_event, 0, "IMAP");
    if (err)
        return err;
    events_.erase(it);
    return 0;
}

}  // namespace irqsim
