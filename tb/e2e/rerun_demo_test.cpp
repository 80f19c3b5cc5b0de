// SPDX-License-Identifier: MIT
// A test that fails on purpose, disabled: tb/e2e/check-rerun.sh runs it alone to
// check that a failing e2e test reruns itself with a trace (e2e_support.cpp).
#include "e2e_support.h"

namespace irqsim::e2e {
namespace {

class RerunDemo : public SessionTest {};

TEST_F(RerunDemo, DISABLED_DeliberateFailure)
{
    boot(kTestTopology, 11);
    s().request_line(3, 1);
    s().inject_line(3);
    s().run(2000);
    ADD_FAILURE() << "deliberate failure: the rerun with a trace must follow";
}

}  // namespace
}  // namespace irqsim::e2e
