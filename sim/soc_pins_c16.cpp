// SPDX-License-Identifier: MIT
// The SocPins adapter of the NUM_CPUS=16 model (irqsim_model_c16, class Vtb_c16).
#include "model_params.h"
#include "soc_pins_adapter.h"

#include "Vtb_c16.h"

namespace irqsim {

std::unique_ptr<SocPins> make_soc_pins_c16(VerilatedContext* ctx)
{
    return std::unique_ptr<SocPins>(new VerilatedSoc<Vtb_c16>(ctx, soc_params_of({{"NUM_CPUS", 16}})));
}

}  // namespace irqsim
