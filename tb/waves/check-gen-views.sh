#!/usr/bin/env bash
# waves/gen-views with its defaults (the default SoC) writes the committed
# waves/*.gtkw byte for byte, into another directory: the committed views are
# what the script makes, and a change of the script that changes them shows.
#   check-gen-views.sh OUT_DIR
set -uo pipefail
(($# == 1)) || { echo "usage: check-gen-views.sh OUT_DIR" >&2; exit 2; }
waves=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../waves" && pwd)
out=$1
rm -rf "$out"
"$waves/gen-views" --out "$out" || { echo "check-gen-views: gen-views failed" >&2; exit 1; }
bad=0 n=0
for v in "$waves"/*.gtkw; do
  n=$((n + 1))
  cmp "$v" "$out/${v##*/}" || { echo "check-gen-views: gen-views does not write ${v##*/} as committed (rerun waves/gen-views and commit)" >&2; bad=1; }
done
((n)) || { echo "check-gen-views: no committed views in $waves" >&2; exit 1; }
((bad)) || echo "check-gen-views: the $n committed views are what gen-views writes"
exit $bad
