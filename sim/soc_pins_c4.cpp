// SPDX-License-Identifier: MIT
// The SocPins adapter of the NUM_CPUS=4 model (irqsim_model_c4, class Vtb_c4).
#include "model_params.h"
#include "soc_pins_adapter.h"

#include "Vtb_c4.h"

namespace irqsim {

std::unique_ptr<SocPins> make_soc_pins_c4(VerilatedContext* ctx)
{
    return std::unique_ptr<SocPins>(new VerilatedSoc<Vtb_c4>(ctx, soc_params_of({{"NUM_CPUS", 4}})));
}

}  // namespace irqsim
