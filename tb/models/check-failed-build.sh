#!/usr/bin/env bash
# check-failed-build.sh IRQSIM CACHE_DIR
# A model whose build fails (a parameter irqsim_tb_top does not have): exit 2,
# the progress line, then one line naming Verilator's complaint and the log;
# nothing published, and the log is where the line says.
set -uo pipefail
irqsim=$1 cache=$2
rm -rf "$cache" && mkdir -p "$cache" || exit 1
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
fail() { echo "FAILED: $*"; echo "--- stdout"; tail -20 "$out"; echo "--- stderr"; cat "$err"; exit 1; }
IRQSIM_MODEL_CACHE=$cache timeout 240 "$irqsim" model NUM_CPUS=2 NO_SUCH_PARAM=1 >"$out" 2>"$err" </dev/null
rc=$?
[[ $rc -eq 2 ]] || fail "exit $rc, expected 2"
[[ $(grep -c '' "$err") -eq 2 ]] || fail "stderr: expected the progress line and one error line"
head -1 "$err" | grep -q "^irqsim: building the SoC model c2-no_such_param1 " || fail "no progress line"
last=$(tail -1 "$err")
[[ "$last" =~ ^irqsim:\ building\ the\ SoC\ model\ c2-no_such_param1\ failed:\ .*NO_SUCH_PARAM.*\(log:\ (.*)\)$ ]] ||
  fail "error line: $last"
log=${BASH_REMATCH[1]}
[[ -s "$log" ]] || fail "no log at $log"
ls "$cache"/*/model.so >/dev/null 2>&1 && fail "a model was published"
echo "ok: $last"
