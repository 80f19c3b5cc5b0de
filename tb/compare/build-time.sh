#!/usr/bin/env bash
# Build and first-run time (scripts/bench --build-time), wall seconds on this machine:
#   1. a cold `scripts/build` of the default configuration in a scratch build dir, ccache off
#      (after `scripts/setup` has made that dir's register-tool venv: timed on its own);
#   2. `git clone` of this repository -> first `scripts/run` result (builds only irqsim), ccache off.
# The clone is of the committed HEAD; scratch dirs go under $BUILD_DIR/build-time and are removed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
scratch="$(realpath -m "${BUILD_DIR:-build}")/build-time"
rm -rf "$scratch" && mkdir -p "$scratch"
export CCACHE_DISABLE=1
jobs="${JOBS:-$(nproc)}"
now() { date +%s.%N; }

ts=$(now)
BUILD_DIR="$scratch/cold" scripts/setup >"$scratch/setup.log" 2>&1 ||
  { echo "build-time: scripts/setup failed (see $scratch/setup.log)" >&2; exit 1; }
t0=$(now)
BUILD_DIR="$scratch/cold" JOBS="$jobs" scripts/build >"$scratch/cold.log" 2>&1 ||
  { echo "build-time: cold build failed (see $scratch/cold.log)" >&2; exit 1; }
t1=$(now)
rm -rf "$scratch/cold"
git clone -q . "$scratch/clone"
(cd "$scratch/clone" && JOBS="$jobs" scripts/run >"$scratch/run.log" 2>&1) ||
  { echo "build-time: first scripts/run failed (see $scratch/run.log)" >&2; exit 1; }
t2=$(now)
awk -v s="$ts" -v a="$t0" -v b="$t1" -v c="$t2" -v j="$jobs" 'BEGIN {
  printf "scripts/setup of a new build dir (its register-tool venv, pip): %.0f s\n", a - s
  printf "cold scripts/build (everything, ccache off, JOBS=%d): %.0f s\n", j, b - a
  printf "git clone -> first scripts/run result (irqsim only, ccache off): %.0f s\n", c - b }'
rm -rf "$scratch"
