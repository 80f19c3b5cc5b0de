#!/usr/bin/env bash
# Check that every signal a GTKWave view names exists in an FST trace.
#   check-signals.sh VIEW.gtkw TRACE.fst
# GTKWave silently leaves out names it cannot find, so a renamed RTL signal
# would just vanish from the view; this makes it a failure that names it.
# Understands the .gtkw forms waves/gen-views writes: plain names
# (TOP.x, TOP.v[7:0]), bit references ((n)TOP.v[7:0]), aliases (+{name} ref)
# and bit-built vectors (#{name} ref ref ...). Widths must match too.
# Exit: 0 all found, 1 something missing, 77 fst2vcd not installed.
set -euo pipefail
(($# == 2)) || { echo "usage: check-signals.sh VIEW.gtkw TRACE.fst" >&2; exit 2; }
view=$1 fst=$2
command -v fst2vcd >/dev/null || { echo "check-signals: SKIP: fst2vcd (gtkwave package) is not installed" >&2; exit 77; }
[[ -f $view ]] || { echo "check-signals: no view $view" >&2; exit 1; }
[[ -s $fst ]] || { echo "check-signals: no trace $fst" >&2; exit 1; }

# "TOP.a.b.sig width" for every variable in the FST header (stop reading at the
# end of the definitions: the value changes are not needed).
vars=$(fst2vcd "$fst" 2>/dev/null | awk '
  $1 == "$scope"  { path[++d] = $3; next }
  $1 == "$upscope" { d--; next }
  $1 == "$var" { n = path[1]; for (i = 2; i <= d; i++) n = n "." path[i]; print n "." $5, $3; next }
  $1 == "$enddefinitions" { exit }') || true
[[ -n $vars ]] || { echo "check-signals: cannot read the signal list of $fst (fst2vcd failed?)" >&2; exit 1; }

awk -v view="$(basename "$view")" -v fst="$fst" '
  NR == FNR { width[$1] = $2; next }           # first input: the trace signal list
  /^\[/ || /^@/ || /^\*/ || /^-/ || /^\^/ || /^[[:space:]]*$/ { next }   # ^n FILE: a translate filter
  {
    line = $0
    sub(/^[+#]\{[^}]*\}[[:space:]]*/, "", line)  # drop an alias
    n = split(line, ref, /[[:space:]]+/)
    for (i = 1; i <= n; i++) {
      r = ref[i]; if (r == "") continue
      bitno = -1
      if (match(r, /^\([0-9]+\)/)) { bitno = substr(r, 2, RLENGTH - 2) + 0; r = substr(r, RLENGTH + 1) }
      name = r; w = 1
      if (match(r, /\[[0-9]+:[0-9]+\]$/)) {
        name = substr(r, 1, RSTART - 1)
        split(substr(r, RSTART + 1, RLENGTH - 2), mr, ":"); w = mr[1] - mr[2] + 1
      }
      checked++
      if (!(name in width)) {
        if (!(r in told)) printf "MISSING %s:%d: %s is not in the trace %s\n", view, FNR, r, fst
        told[r] = 1; bad++; continue
      }
      if (width[name] != w) {
        if (!(r in told)) printf "WIDTH   %s:%d: %s is %d bits wide in the trace, the view says %d\n", view, FNR, r, width[name], w
        told[r] = 1; bad++; continue
      }
      if (bitno >= w) { printf "BIT     %s:%d: bit (%d) of %s is out of range\n", view, FNR, bitno, r; bad++ }
      uniq[name] = 1
    }
  }
  END {
    u = 0; for (k in uniq) u++
    if (!checked) { printf "check-signals: %s names no signals\n", view; exit 1 }
    if (bad) { printf "check-signals: %s: %d of %d references do not match the trace\n", view, bad, checked; exit 1 }
    printf "check-signals: %s: all %d references (%d distinct signals) exist in %s\n", view, checked, u, fst
  }' <(printf '%s\n' "$vars") "$view"
