// SPDX-License-Identifier: MIT
// ModelParams: the top-level parameters (-G) a verilated irqsim_tb_top was built
// with, by name.  Header-only: the run-time model plugins (sim/soc_pins_plugin.cpp)
// use it too and link nothing of the harness.
//
// Text form "NAME=VALUE,NAME=VALUE" in name order: the plugins' record of what
// they were built with, `irqsim model`'s and irqsim_add_soc()'s PARAMS.
#pragma once

#include "soc_pins.h"

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <string>

namespace irqsim {

using ModelParams = std::map<std::string, int64_t>;

// A Verilog parameter name as the command line may pass it: an identifier
// (nothing a cmake -D or a -G argument could read as syntax).
inline bool model_param_name_ok(const std::string& name)
{
    if (name.empty() || name.size() > 64 || (name[0] >= '0' && name[0] <= '9'))
        return false;
    for (char c : name)
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    return true;
}

inline std::string format_model_params(const ModelParams& p)
{
    std::string s;
    for (const auto& kv : p)
        s += (s.empty() ? "" : ",") + kv.first + "=" + std::to_string(kv.second);
    return s;
}

// One item "NAME=VALUE" (VALUE a decimal integer) into *p; false + *err if malformed.
inline bool parse_model_param(const std::string& item, ModelParams* p, std::string* err)
{
    size_t eq = item.find('=');
    std::string name = item.substr(0, eq), val = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (eq == std::string::npos || !model_param_name_ok(name)) {
        if (err)
            *err = "model parameter '" + item + "': expected NAME=VALUE with NAME an identifier";
        return false;
    }
    char* end = nullptr;
    errno = 0;
    long long v = val.empty() ? 0 : std::strtoll(val.c_str(), &end, 10);
    if (val.empty() || *end || errno == ERANGE) {
        if (err)
            *err = "model parameter '" + item + "': VALUE must be a decimal integer";
        return false;
    }
    (*p)[name] = v;
    return true;
}

// "NAME=VALUE,NAME=VALUE" (the empty string = no parameters)
inline bool parse_model_params(const std::string& text, ModelParams* p, std::string* err)
{
    p->clear();
    size_t start = 0;
    while (start < text.size()) {
        size_t comma = text.find(',', start);
        if (comma == std::string::npos)
            comma = text.size();
        if (!parse_model_param(text.substr(start, comma - start), p, err))
            return false;
        start = comma + 1;
    }
    return true;
}

namespace model_params_detail {
// The parameters SocParams describes (irqsim_tb_top's names) and their fields.
struct Known {
    const char* name;
    unsigned SocParams::*field;
};
inline const Known* known(size_t* n)
{
    static const Known k[] = {
        {"NUM_CPUS", &SocParams::num_cpus},         {"NUM_SPIS", &SocParams::num_spis},
        {"NUM_LINES", &SocParams::num_lines},       {"NUM_INTR_LINES", &SocParams::num_intr_lines},
        {"NUM_VINTS", &SocParams::num_vints},       {"NUM_INTR_OUT", &SocParams::num_intr_out},
        {"NUM_EVENTS", &SocParams::num_events},     {"NUM_RINGS", &SocParams::num_rings},
        {"INTR_OUT_SPI", &SocParams::intr_out_spi}, {"NUM_IMS_SLOTS", &SocParams::num_ims_slots},
        {"GICD_BASE", &SocParams::gicd_base},       {"GICR_BASE", &SocParams::gicr_base},
        {"TIMER_BASE", &SocParams::timer_base},     {"INTR_BASE", &SocParams::intr_base},
        {"INTA_BASE", &SocParams::inta_base},       {"DMA_BASE", &SocParams::dma_base},
        {"IMS_BASE", &SocParams::ims_base},
    };
    *n = sizeof k / sizeof k[0];
    return k;
}
}  // namespace model_params_detail

// What the harness must know of a model built with p: SocParams' defaults
// (= irqsim_tb_top's) overridden by the parameters p names.
inline SocParams soc_params_of(const ModelParams& p)
{
    SocParams s;
    size_t n;
    const auto* k = model_params_detail::known(&n);
    for (size_t i = 0; i < n; i++) {
        auto it = p.find(k[i].name);
        if (it != p.end())
            s.*(k[i].field) = static_cast<unsigned>(it->second);
    }
    auto co = p.find("HAS_COPROC");
    if (co != p.end())
        s.has_coproc = co->second != 0;
    return s;
}

// The inverse: every parameter of s by name, defaults included (the -G map of the
// model s describes; normalize_model_params drops the defaults).
inline ModelParams model_params_of(const SocParams& s)
{
    ModelParams p;
    size_t n;
    const auto* k = model_params_detail::known(&n);
    for (size_t i = 0; i < n; i++)
        p[k[i].name] = s.*(k[i].field);
    p["HAS_COPROC"] = s.has_coproc ? 1 : 0;
    return p;
}

// p without the parameters that only restate a default: {NUM_CPUS: 8, NUM_SPIS: 96}
// and {NUM_CPUS: 8} are one model, and must have one cache key.
inline ModelParams normalize_model_params(const ModelParams& p)
{
    const SocParams d;
    ModelParams out;
    size_t n;
    const auto* k = model_params_detail::known(&n);
    for (const auto& kv : p) {
        bool is_default = kv.first == "HAS_COPROC" && kv.second == (d.has_coproc ? 1 : 0);
        for (size_t i = 0; i < n && !is_default; i++)
            is_default = kv.first == k[i].name && kv.second == static_cast<int64_t>(d.*(k[i].field));
        if (!is_default)
            out.insert(kv);
    }
    return out;
}

}  // namespace irqsim
