#!/usr/bin/env bash
# check-model-cache.sh IRQSIM CACHE_DIR
# `irqsim run spi --cpus 2` from an empty model cache builds the 2-CPU model
# (one progress line, then the run PASSes), and a second run reuses it: no build
# line, and it takes the time of a run, not of a build.  (The suite's one
# on-demand model build: minutes on 2 cores.)
set -uo pipefail
irqsim=$1 cache=$2
rm -rf "$cache" && mkdir -p "$cache" || exit 1
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAILED: $*"; echo "--- stdout"; tail -20 "$out"; echo "--- stderr"; cat "$err"; exit 1; }
run() { IRQSIM_MODEL_CACHE=$cache "$irqsim" run spi --cpus 2 --events 200 --seed 1 >"$out" 2>"$err" </dev/null; }

t0=$(date +%s.%N)
run; rc=$?
t1=$(date +%s.%N)
[[ $rc -eq 0 ]] || fail "first run: exit $rc"
grep -Eq "^irqsim: building the SoC model c2 \(NUM_CPUS=2; first time only, ~[0-9]+ min on 2 cores\) \.\.\. log: $cache/c2-[0-9a-f]{12}/build.log$" "$err" ||
  fail "first run: no progress line"
grep -q "PASS" "$out" || fail "first run: no PASS"
so=$(ls "$cache"/c2-*/model.so 2>/dev/null)
[[ -n "$so" && $(echo "$so" | wc -l) -eq 1 ]] || fail "first run: no single $cache/c2-*/model.so"
[[ ! -e "$(dirname "$so")/build" ]] || fail "first run: build tree left behind"

run; rc=$?
t2=$(date +%s.%N)
[[ $rc -eq 0 ]] || fail "second run: exit $rc"
grep -q "building" "$err" && fail "second run built again"
grep -q "PASS" "$out" || fail "second run: no PASS"
first=$(echo "$t1 - $t0" | bc) second=$(echo "$t2 - $t1" | bc)
# a build is verilation + compilation; a reuse is a dlopen
(( $(echo "$second * 5 < $first" | bc) )) || fail "second run took ${second}s, the first (building) ${first}s"
echo "ok: first run (build + run) ${first}s, second run (cached) ${second}s, model $so"
