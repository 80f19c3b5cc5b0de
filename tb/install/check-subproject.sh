#!/usr/bin/env bash
# check-subproject.sh CMAKE CTEST SOURCE_DIR CONSUMER_SRC WORK GENERATOR RDL_PYTHON
# Configure the consumer project with irqsim add_subdirectory()d (nothing is
# built): ctest -N must list the consumer's tests and none of irqsim's.
set -uo pipefail
cmake=$1 ctest=$2 src=$3 consumer=$4 work=$5 gen=$6 rdl_python=$7
fail() { echo "FAILED: $*"; exit 1; }
rm -rf "$work" && mkdir -p "$work" || exit 1
t0=$SECONDS
# RDL_PYTHON: this build's register-description generator (irqsim needs it as a subproject too)
"$cmake" -S "$consumer" -B "$work/build" -G "$gen" -DIRQSIM_SOURCE="$src" -DIRQSIM_RDL_PYTHON="$rdl_python" \
  >"$work/configure.log" 2>&1 ||
  { tail -40 "$work/configure.log"; fail "configure"; }
echo "time configure: $((SECONDS - t0)) s"
tests=$("$ctest" --test-dir "$work/build" -N | sed -n 's/^ *Test *#[0-9]*: //p')
echo "$tests"
[[ -n "$tests" ]] || fail "the consumer's own tests are not registered"
others=$(grep -v '^consumer' <<<"$tests")
[[ -z "$others" ]] || fail "irqsim registered tests in its parent: $others"
echo "ok: $(grep -c '' <<<"$tests") tests, all the consumer's"
