#!/bin/sh
# ctest coverage.report_testplan: irqsim-coverage-report's testplan verdicts on a
# made-up run: a passing, a failing and a missing testpoint, with and without
# --partial.  Usage: check-report.sh REPORT_TOOL WORKDIR
set -u
tool=$1 dir=$2
rm -rf "$dir" && mkdir -p "$dir/fcov" || exit 2
cat >"$dir/plan.json" <<'PLAN'
// comments are allowed, as in tb/testplan.json
{ "testpoints": [
  { "name": "tp_pass", "tests": ["e2e.Good*"], "coverage": ["delivery:spi/*"] },
  { "name": "tp_fail", "tests": ["e2e.Bad", "e2e.GoodOne"] },
  { "name": "tp_none", "tests": ["e2e.Missing*"] } ] }
PLAN
cat >"$dir/junit.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="t" tests="3">
  <testcase name="e2e.GoodOne" classname="e2e.GoodOne" status="run"/>
  <testcase name="e2e.GoodTwo" classname="e2e.GoodTwo" status="run"></testcase>
  <testcase name="e2e.Bad" classname="e2e.Bad" status="fail"><failure message="x"/></testcase>
</testsuite>
XML
fail=0
expect() {  # expect OUTPUT-FILE PATTERN: a line of the report
  grep -Eq "$2" "$1" || { echo "FAIL: no line /$2/ in:"; cat "$1"; fail=1; }
}
"$tool" --fcov "$dir/fcov" --testplan "$dir/plan.json" --junit "$dir/junit.xml" >"$dir/full.txt" 2>&1 ||
  { echo "FAIL: report exited $?"; cat "$dir/full.txt"; exit 1; }
expect "$dir/full.txt" '^  tp_pass +passed +tests 2/2 passed, coverage 0/[1-9][0-9]* bins'
expect "$dir/full.txt" '^  tp_fail +FAILING +tests 1/2 passed'
expect "$dir/full.txt" '^  tp_none +NO TEST RUN +tests 0/0'
expect "$dir/full.txt" '^testpoints without a passing test: 2$'
"$tool" --fcov "$dir/fcov" --testplan "$dir/plan.json" --junit "$dir/junit.xml" --partial >"$dir/partial.txt" 2>&1 ||
  { echo "FAIL: report --partial exited $?"; cat "$dir/partial.txt"; exit 1; }
expect "$dir/partial.txt" '^  tp_none +not in run'
expect "$dir/partial.txt" '^  tp_fail +FAILING'
expect "$dir/partial.txt" '^testpoints without a passing test: 1$'
expect "$dir/partial.txt" '^testpoints not in this run: 1$'
[ "$fail" = 0 ] && echo "coverage report verdicts ok"
exit "$fail"
