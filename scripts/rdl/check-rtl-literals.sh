#!/bin/sh
# The RTL of a described block decodes with its generated package, never with a
# register offset written by hand: for every rtl/<dir>/<block>.rdl, fail on a
# comparison of `addr` with a non-zero literal or a non-zero literal case item in
# rtl/<dir>/<block>.sv.  (ctest rdl.rtl_literals)
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
status=0
for rdl in "$ROOT"/rtl/*/*.rdl; do
  sv=${rdl%.rdl}.sv
  [ -f "$sv" ] || continue
  hits=$(grep -nE "addr(\[[^]]*\])?[[:space:]]*[!=]=[[:space:]]*[0-9]+'[hdb]0*[1-9A-Fa-f]|^[[:space:]]*[0-9]+'[hdb]0*[1-9A-Fa-f][0-9A-Fa-f_]*[[:space:]]*[:,]" "$sv")
  if [ -n "$hits" ]; then
    echo "${sv#$ROOT/}: register offsets written by hand (use the ${rdl##*/} package):"
    echo "$hits"
    status=1
  fi
done
[ $status -eq 0 ] && echo "ok: the described blocks decode with their generated packages"
exit $status
