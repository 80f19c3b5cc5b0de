#!/usr/bin/env bash
# expect-exit.sh RC STDERR_REGEX [--stdout REGEX] -- COMMAND...
# Runs COMMAND (stdin closed, 60 s limit) and passes when it exits with RC and,
# when RC is not 0 and STDERR_REGEX is not empty, its stderr is exactly one line matching STDERR_REGEX
# (irqsim's rule for bad input: one clear line, never a trace of noise).
# With --stdout, stdout must match REGEX too.
set -uo pipefail
want_rc=$1 err_re=$2
shift 2
out_re=""
if [[ "${1:-}" == "--stdout" ]]; then out_re=$2; shift 2; fi
[[ "${1:-}" == "--" ]] && shift
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
timeout 60 "$@" >"$out" 2>"$err" </dev/null
rc=$?
fail() { echo "FAILED: $*"; echo "--- stdout"; tail -20 "$out"; echo "--- stderr"; cat "$err"; exit 1; }
[[ $rc -eq $want_rc ]] || fail "exit status $rc, expected $want_rc"
if [[ $want_rc -ne 0 && -n "$err_re" ]]; then
  lines=$(grep -c '' "$err")
  [[ $lines -eq 1 ]] || fail "stderr has $lines lines, expected exactly one"
  grep -Eq -- "$err_re" "$err" || fail "stderr does not match /$err_re/"
fi
if [[ -n "$out_re" ]]; then
  grep -Eq -- "$out_re" "$out" || fail "stdout does not match /$out_re/"
fi
echo "ok: exit $rc; $(head -1 "$err")"
