// SPDX-License-Identifier: MIT
// Edits of a compiled device tree for unit tests: set a property on the first
// node with a given compatible (how a test configures a driver: through the
// tree it probes, as the harness and a board do).
#pragma once

#include <libfdt.h>

#include <cstdint>
#include <vector>

namespace irqsim_test {

// value empty: a boolean (empty) property.  False if the blob or node is bad.
inline bool DtbSetProp(std::vector<uint8_t>* dtb, const char* compatible, const char* prop,
                       const std::vector<uint32_t>& cells = {})
{
    std::vector<uint8_t> out(dtb->size() + 256 + 4 * cells.size());
    if (fdt_open_into(dtb->data(), out.data(), (int)out.size()) != 0)
        return false;
    int node = fdt_node_offset_by_compatible(out.data(), -1, compatible);
    if (node < 0)
        return false;
    int rc = fdt_setprop_empty(out.data(), node, prop);
    for (uint32_t c : cells)
        rc = rc ? rc : fdt_appendprop_u32(out.data(), node, prop, c);
    if (rc != 0 || fdt_pack(out.data()) != 0)
        return false;
    out.resize(fdt_totalsize(out.data()));
    *dtb = out;
    return true;
}

}  // namespace irqsim_test
