#!/usr/bin/env bash
# check-model-cache.sh IRQSIM CACHE_DIR
# `irqsim run spi --cpus 2` from an empty model cache builds the 2-CPU model
# (one progress line, then the run PASSes), and a second run reuses it: no build
# line, and it takes the time of a run, not of a build.  Meanwhile a second
# irqsim (`irqsim model NUM_CPUS=2`) asks for the same model: it waits for the
# first one's build instead of building too, and finds the same model.
# (The suite's one on-demand model build.)
set -uo pipefail
irqsim=$1 cache=$2
rm -rf "$cache" && mkdir -p "$cache" || exit 1
out=$(mktemp) err=$(mktemp) out2=$(mktemp) err2=$(mktemp)
trap 'rm -f "$out" "$err" "$out2" "$err2"' EXIT
fail() { echo "FAILED: $*"; echo "--- stdout"; tail -20 "$out"; echo "--- stderr"; cat "$err"; exit 1; }
run() { IRQSIM_MODEL_CACHE=$cache "$irqsim" run spi --cpus 2 --events 200 --seed 1 >"$out" 2>"$err" </dev/null; }

t0=$(date +%s.%N)
run & pid=$!
sleep 0.5  # the run takes the lock first
IRQSIM_MODEL_CACHE=$cache "$irqsim" model NUM_CPUS=2 >"$out2" 2>"$err2" </dev/null; rc2=$?
wait $pid; rc=$?
t1=$(date +%s.%N)
[[ $rc -eq 0 ]] || fail "first run: exit $rc"
[[ $rc2 -eq 0 ]] || { cat "$err2"; fail "concurrent irqsim model: exit $rc2"; }
# one of the two built (normally the run, which started first), the other waited
[[ $(cat "$err" "$err2" | grep -c "^irqsim: building the SoC model") -eq 1 ]] ||
  { cat "$err2"; fail "not exactly one build"; }
[[ $(cat "$err" "$err2" | grep -c "^irqsim: waiting for another irqsim building the SoC model c2 ") -eq 1 ]] ||
  { cat "$err2"; fail "the other irqsim did not wait for the build"; }
cat "$err" "$err2" | grep -Eq "^irqsim: building the SoC model c2 \(NUM_CPUS=2; first time only, ~[0-9]+ min on 2 cores\) \.\.\. log: $cache/c2-[0-9a-f]{12}/build.log$" ||
  fail "first run: no progress line"
grep -q "PASS" "$out" || fail "first run: no PASS"
so=$(ls "$cache"/c2-*/model.so 2>/dev/null)
[[ -n "$so" && $(echo "$so" | wc -l) -eq 1 ]] || fail "first run: no single $cache/c2-*/model.so"
[[ ! -e "$(dirname "$so")/build" ]] || fail "first run: build tree left behind"
grep -qx "c2: $so" "$out2" || fail "concurrent irqsim model: $(cat "$out2"), expected c2: $so"

run; rc=$?
t2=$(date +%s.%N)
[[ $rc -eq 0 ]] || fail "second run: exit $rc"
grep -q "^irqsim: building" "$err" && fail "second run built again"
grep -q "PASS" "$out" || fail "second run: no PASS"
first=$(echo "$t1 - $t0" | bc) second=$(echo "$t2 - $t1" | bc)
# a build is verilation + compilation; a reuse is a dlopen
(( $(echo "$second * 5 < $first" | bc) )) || fail "second run took ${second}s, the first (building) ${first}s"
echo "ok: first run (build + run) ${first}s, second run (cached) ${second}s, model $so"
