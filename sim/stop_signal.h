// SPDX-License-Identifier: MIT
// SIGINT/SIGTERM/SIGHUP during a simulation: the signal handler only records the
// signal; the model's clock sees it at the next cycle and ends the run from
// ordinary code, closing the FST trace first so that an interrupted run's
// waveform is always readable.  A second signal, or none seen by the clock
// within a few seconds (the process is not simulating), ends it at once.
#pragma once

namespace irqsim {

// Install the handlers (the irqsim command does; tests and libraries don't).
void install_stop_signals();
// The signal received, 0 if none.  Cheap: one relaxed atomic load.
int stop_signal();

}  // namespace irqsim
