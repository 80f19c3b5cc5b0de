#!/usr/bin/env bash
# check-install.sh CMAKE CTEST BUILD_DIR CONSUMER_SRC WORK GENERATOR LAUNCHER SOURCE_DIR
# cmake --install this build into WORK/staged, check that the package's CMake
# files and model recipe name neither the source nor the build tree, move it to
# WORK/prefix (a relocated install), then configure, build and ctest the consumer
# project against it.  Prints the time of each step.
set -uo pipefail
cmake=$1 ctest=$2 build=$3 consumer=$4 work=$5 gen=$6 launcher=$7 src=$8
fail() { echo "FAILED: $*"; exit 1; }
step() { # step NAME CMD...: run, log to WORK/NAME.log, time it
  local name=$1; shift
  local t0=$SECONDS
  if ! "$@" >"$work/$name.log" 2>&1; then tail -40 "$work/$name.log"; fail "$name"; fi
  echo "time $name: $((SECONDS - t0)) s"
}
rm -rf "$work" && mkdir -p "$work" || exit 1
step install "$cmake" --install "$build" --prefix "$work/staged"
hits=$(grep -rlF -e "$src/" "$work/staged/lib/cmake/irqsim" "$work/staged/share/irqsim/model-recipe")
[[ -z "$hits" ]] || fail "the package names the source/build tree: $hits"
mv "$work/staged" "$work/prefix" || fail "mv"
args=(-S "$consumer" -B "$work/consumer" -G "$gen" -DCMAKE_PREFIX_PATH="$work/prefix" -DCMAKE_BUILD_TYPE=Release)
[[ -n "$launcher" ]] && args+=(-DCMAKE_C_COMPILER_LAUNCHER="$launcher" -DCMAKE_CXX_COMPILER_LAUNCHER="$launcher")
step configure "$cmake" "${args[@]}"
grep -q "irqsim_DIR:PATH=$work/prefix/" "$work/consumer/CMakeCache.txt" || fail "find_package did not find $work/prefix"
step build "$cmake" --build "$work/consumer"
step ctest env -u IRQSIM_MODEL_CACHE "$ctest" --test-dir "$work/consumer" --output-on-failure
grep -E "tests passed|Total Test time" "$work/ctest.log"
echo "ok: installed, relocated, consumer built and tested (logs: $work/*.log)"
