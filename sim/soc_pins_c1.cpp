// SPDX-License-Identifier: MIT
// The SocPins adapter of the NUM_CPUS=1 model (irqsim_model_c1, class Vtb_c1).
#include "model_params.h"
#include "soc_pins_adapter.h"

#include "Vtb_c1.h"

namespace irqsim {

std::unique_ptr<SocPins> make_soc_pins_c1(VerilatedContext* ctx)
{
    return std::unique_ptr<SocPins>(new VerilatedSoc<Vtb_c1>(ctx, soc_params_of({{"NUM_CPUS", 1}})));
}

}  // namespace irqsim
