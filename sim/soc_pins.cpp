// SPDX-License-Identifier: MIT
#include "soc_pins.h"

namespace irqsim {

bool soc_variant_available(unsigned num_cpus)
{
	return num_cpus == 1 || num_cpus == 4 || num_cpus == 16;
}

std::unique_ptr<SocPins> make_soc_pins(unsigned num_cpus, VerilatedContext *ctx)
{
	switch (num_cpus) {
	case 1: return make_soc_pins_c1(ctx);
	case 4: return make_soc_pins_c4(ctx);
	case 16: return make_soc_pins_c16(ctx);
	default: return nullptr;
	}
}

} // namespace irqsim
