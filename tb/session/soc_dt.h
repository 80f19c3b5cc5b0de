// SPDX-License-Identifier: MIT
// The SoC's device tree on the harness side: the embedded default, variants for
// another CPU count, and the check that a tree matches the RTL it runs on.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace irqsim {

struct SocParams;
struct FirmwareConfig;

// The default SoC's blob (rtl/soc/irqsim_soc.dts, compiled at build time).
std::vector<uint8_t> default_dtb();

// Compile a .dts with dtc (no shell; the blob comes back through a pipe).  A
// path that is not a regular file is refused before dtc starts.  On failure
// returns false and puts one line in *err: dtc's first error line (which names
// the file and line), or that dtc crashed and of which signal.  dtc's warning
// lines go to *warnings when given.
bool compile_dts(const std::string& path, std::vector<uint8_t>* dtb, std::string* err,
                 std::vector<std::string>* warnings = nullptr);

// The same SoC with `cpus` application CPUs: rewrites /cpus, the GIC
// redistributor region size and /soc/irqsim,params.  Fails (with *err) when the
// blob lacks what it must rewrite.
bool dtb_with_cpus(const std::vector<uint8_t>& in, unsigned cpus, std::vector<uint8_t>* out,
                   std::string* err);

// The same tree with the GIC driver's options set on the "arm,gic-v3" node:
// irqsim,split-eoi (EOImode 1) when split_eoi, irqsim,lpi-id-bits when
// lpi_id_bits != 0; otherwise the node is left as it is.  This is how the
// harness configures the driver: through the tree it boots, as a board would.
bool dtb_with_gic_options(const std::vector<uint8_t>& in, bool split_eoi, unsigned lpi_id_bits,
                          std::vector<uint8_t>* out, std::string* err);

// The parameters the tree states (/soc/irqsim,params); false + *err naming the
// node and property when something is missing or malformed.
struct DtParams {
    unsigned cpus = 0, spis = 0, lines = 0, coprocessor = 0;
};
bool dtb_params(const std::vector<uint8_t>& dtb, DtParams* p, std::string* err);

// The firmware model's view of the tree (what TI's system firmware knows from its
// board config): the TI-SCI ids (ti,sci-dev-id of the "ti,sci-intr",
// "ti,sci-inta" and "irqsim,dma-ring" nodes) and the host's resource ranges
// (ti,sci-rm-range-out / -vint / -global-event, <start count>).  Fields whose
// node or property is absent keep the value *fc has; false + *err (naming the
// node and property) when a property is malformed.
bool dtb_firmware_config(const std::vector<uint8_t>& dtb, FirmwareConfig* fc, std::string* err);

}  // namespace irqsim
