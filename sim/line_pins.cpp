// SPDX-License-Identifier: MIT
#include "line_pins.h"

namespace irqsim {

LinePins::LinePins(SocModel &m) : m_(m), port_(m.pins().line_in)
{
	n_ = port_.bits < kMaxLines ? port_.bits : kMaxLines;
	drive();
	m_.add_agent(this);
}

LinePins::~LinePins() { m_.remove_agent(this); }

void LinePins::set(unsigned line, bool level)
{
	if (line >= n_)
		return;
	uint64_t b = 1ull << line;
	levels_ = level ? (levels_ | b) : (levels_ & ~b);
	pulsing_ &= ~b;
	drive();
}

void LinePins::pulse(unsigned line, unsigned width)
{
	if (line >= n_)
		return;
	set(line, true);
	pulsing_ |= 1ull << line;
	left_[line] = width ? width : 1;
}

void LinePins::post_edge(uint64_t)
{
	if (__builtin_expect(!pulsing_, 1))
		return;
	for (uint64_t m = pulsing_; m; m &= m - 1) {
		unsigned k = static_cast<unsigned>(__builtin_ctzll(m));
		if (--left_[k] == 0) {
			pulsing_ &= ~(1ull << k);
			levels_ &= ~(1ull << k);
		}
	}
	drive();
}

} // namespace irqsim
