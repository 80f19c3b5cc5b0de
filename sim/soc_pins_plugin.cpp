// SPDX-License-Identifier: MIT
// The entry points of a model the model cache builds (sim/model_cache.h): the
// recipe (cmake/soc_model_recipe/) compiles this file into the model's shared
// object with the verilated class, its header, parameters and key defined.
// The Verilator runtime is not linked in: the loading executable exports its own.
#include "model_params.h"
#include "soc_pins_adapter.h"

#include IRQSIM_MODEL_HEADER

#define IRQSIM_EXPORT extern "C" __attribute__((visibility("default")))

IRQSIM_EXPORT irqsim::SocPins* irqsim_make_soc_pins(VerilatedContext* ctx);
IRQSIM_EXPORT const char* irqsim_model_params();
IRQSIM_EXPORT const char* irqsim_model_key();

irqsim::SocPins* irqsim_make_soc_pins(VerilatedContext* ctx)
{
    irqsim::ModelParams p;
    irqsim::parse_model_params(IRQSIM_MODEL_PARAMS, &p, nullptr);
    return new irqsim::VerilatedSoc<IRQSIM_MODEL_CLASS>(ctx, irqsim::soc_params_of(p));
}

// what the loader checks against what it asked for
const char* irqsim_model_params() { return IRQSIM_MODEL_PARAMS; }
const char* irqsim_model_key() { return IRQSIM_MODEL_KEY; }
