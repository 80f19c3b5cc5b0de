// SPDX-License-Identifier: MIT
#include "soc_pins.h"

#include "model_cache.h"

namespace irqsim {

// The variants this build has: IRQSIM_MODEL_C<n> is defined for each model linked
// (sim/CMakeLists.txt; the coverage build has only the 4-CPU one).
bool soc_builtin_variant(unsigned num_cpus)
{
	switch (num_cpus) {
#ifdef IRQSIM_MODEL_C1
	case 1:
#endif
#ifdef IRQSIM_MODEL_C4
	case 4:
#endif
#ifdef IRQSIM_MODEL_C16
	case 16:
#endif
		return true;
	default:
		return false;
	}
}

std::unique_ptr<SocPins> make_builtin_soc_pins(unsigned num_cpus, VerilatedContext *ctx)
{
	switch (num_cpus) {
#ifdef IRQSIM_MODEL_C1
	case 1: return make_soc_pins_c1(ctx);
#endif
#ifdef IRQSIM_MODEL_C4
	case 4: return make_soc_pins_c4(ctx);
#endif
#ifdef IRQSIM_MODEL_C16
	case 16: return make_soc_pins_c16(ctx);
#endif
	default: return nullptr;
	}
}

bool soc_variant_available(unsigned num_cpus)
{
	return soc_model_available({{"NUM_CPUS", num_cpus}});
}

std::unique_ptr<SocPins> make_soc_pins(unsigned num_cpus, VerilatedContext *ctx, std::string *err)
{
	return make_soc_pins(ModelParams{{"NUM_CPUS", num_cpus}}, ctx, err);
}

} // namespace irqsim
