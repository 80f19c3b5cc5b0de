#!/usr/bin/env bash
# signal-trace.sh SIGNAL IRQSIM WORKDIR
# Starts a long traced run, sends SIGNAL after 2 s and passes when irqsim ends
# with status 128+signal, says so in one line, and leaves an FST that
# GTKWave's fst2vcd reads to the end.
set -uo pipefail
sig=$1 irqsim=$2 dir=$3
mkdir -p "$dir"
fst="$dir/interrupted-$sig.fst"
rm -f "$fst" "$fst.hier"
"$irqsim" run spi --events 10000000 --wave "$fst" >/dev/null 2>"$dir/interrupted-$sig.err" </dev/null &
pid=$!
sleep 2
kill -s "$sig" "$pid"
# the run must end promptly
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid"; echo "FAILED: still running 5 s after SIG$sig"; exit 1; fi
wait "$pid"
rc=$?
want=$((128 + $(kill -l "$sig")))
[[ $rc -eq $want ]] || { echo "FAILED: exit $rc, expected $want"; cat "$dir/interrupted-$sig.err"; exit 1; }
grep -q "interrupted by SIG$sig.*trace closed" "$dir/interrupted-$sig.err" ||
  { echo "FAILED: no 'interrupted ... trace closed' line"; cat "$dir/interrupted-$sig.err"; exit 1; }
vcd_lines=$(fst2vcd "$fst" 2>/dev/null | grep -c '^#') ||
  { echo "FAILED: fst2vcd cannot read $fst"; exit 1; }
[[ $vcd_lines -gt 1000 ]] || { echo "FAILED: only $vcd_lines time steps in $fst"; exit 1; }
echo "ok: SIG$sig -> exit $rc, $fst readable ($vcd_lines time steps)"
