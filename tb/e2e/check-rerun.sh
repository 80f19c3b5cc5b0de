#!/usr/bin/env bash
# A failing e2e test reruns itself with a trace: run the deliberately failing
# RerunDemo test alone and check that the rerun wrote its FST and said so.
#   check-rerun.sh E2E_TEST_BINARY WORK_DIR
set -uo pipefail
bin=$1; work=$2
die() { echo "check-rerun: $*" >&2; exit 1; }
mkdir -p "$work" && cd "$work" || die "no work dir $work"
fst=$PWD/RerunDemo_DISABLED_DeliberateFailure.fst
rm -f "$fst" "$fst.log"
out=$(env -u IRQSIM_RERUN -u IRQSIM_TEST_TRACE "$bin" --gtest_also_run_disabled_tests \
      --gtest_filter=RerunDemo.DISABLED_DeliberateFailure 2>&1)
rc=$?
echo "$out"
((rc != 0)) || die "the deliberately failing test passed (exit 0)"
grep -qF "[ rerun    ] $fst (rerun failed again)" <<<"$out" || die "no rerun line naming $fst"
grep -q "no trace written" <<<"$out" && die "the rerun wrote no trace"
[[ -s $fst ]] || die "trace $fst missing or empty"
grep -q "deliberate failure" "$fst.log" || die "the rerun log $fst.log does not show the test running"
echo "check-rerun: rerun wrote $fst ($(stat -c %s "$fst") bytes)"
