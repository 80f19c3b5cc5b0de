#!/usr/bin/env bash
# Render one GTKWave view headlessly and take a screenshot.
#   render-view.sh VIEW.gtkw TRACE.fst OUT.png [WIDTHxHEIGHT]
# Without $DISPLAY it reruns itself under xvfb-run (its own X server, -a picks a
# free display number). Inside, it starts gtkwave with a Tcl probe that lists the
# traces gtkwave actually loaded, checks that every trace line of the .gtkw was
# loaded (and prints the visible time window and named marker A: "render-view:
# WINDOW start end", "render-view: MARKER-A t"), checks that the view's wave labels
# (translate filter files, ^n FILE) were found: every filter file names a register on
# at least one of its signals at some time of the trace ("render-view: LABELS ..."),
# waits for the window, takes
# `import -window root`, always kills gtkwave, and checks the PNG is not blank.
# Exit: 0 ok, 1 failure (reason on stderr), 77 gtkwave/xvfb-run/import missing.
set -uo pipefail

die() { echo "render-view: $*" >&2; exit 1; }
skip() { echo "render-view: SKIP: $*" >&2; exit 77; }
(($# >= 3)) || die "usage: render-view.sh VIEW.gtkw TRACE.fst OUT.png [WIDTHxHEIGHT]"
view=$(readlink -f "$1"); fst=$(readlink -f "$2"); png=$3; geom=${4:-1400x900}
[[ -f $view ]] || die "no view file $1"
[[ -s $fst ]] || die "no trace $2"
for tool in gtkwave import convert xwininfo; do
  command -v "$tool" >/dev/null || skip "'$tool' is not installed (Debian: scripts/setup installs gtkwave xvfb imagemagick x11-utils)"
done

if [[ -z ${DISPLAY:-} ]]; then
  command -v xvfb-run >/dev/null || skip "no \$DISPLAY and xvfb-run is not installed (apt-get install xvfb)"
  # -e: xvfb-run's own errors; the timeout bounds everything (gtkwave is killed inside).
  exec timeout -k 5 45 xvfb-run -a -e /dev/stderr -s "-screen 0 ${geom}x24" "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/render-view.XXXXXX")
gw_pid=
cleanup() {
  if [[ -n $gw_pid ]] && kill -0 "$gw_pid" 2>/dev/null; then
    kill "$gw_pid" 2>/dev/null
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 "$gw_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$gw_pid" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

# gtkwave settings for a clean screenshot: no splash, window at the given size.
w=${geom%x*}; h=${geom#*x}
printf 'splash_disable 1\ninitial_window_x %s\ninitial_window_y %s\ninitial_window_xpos 0\ninitial_window_ypos 0\n' \
  "$w" "$h" >"$work/gtkwaverc"
# The traces shown through a filter file: "FILE<tab>INDEX" for the trace line after each
# ^n FILE (GTKWave's trace index: the view's trace lines counted from 0, as checked below).
awk '/^\^[0-9]/ { f = $0; sub(/^\^[0-9]+[[:space:]]+/, "", f); next }
     /^\[/ || /^@/ || /^\*/ || /^\^/ || /^[[:space:]]*$/ { next }
     { if (f != "") print f "\t" i; f = ""; i++ }' "$view" >"$work/labelled"
# The probe prints what was loaded and leaves gtkwave running. For the labelled traces it
# samples the value GTKWave shows (through the filter) at 200 times across the trace.
{
  printf 'set labelled {%s}\n' "$(cut -f2 "$work/labelled" | sort -un | tr '\n' ' ')"
  cat <<'TCL'
set n [gtkwave::getTotalNumTraces]
for {set i 0} {$i < $n} {incr i} { puts "LOADED [gtkwave::getTraceNameFromIndex $i]" }
puts "LOADED-COUNT $n"
catch { puts "WINDOW [gtkwave::getWindowStartTime] [gtkwave::getWindowEndTime]" }
catch { puts "MARKER-A [gtkwave::getNamedMarker A]" }
flush stdout
catch {
  set t0 [gtkwave::getMinTime]
  set t1 [gtkwave::getMaxTime]
  set marker [gtkwave::getMarker]
  for {set k 0} {$k < 200} {incr k} {
    gtkwave::setMarker [expr {$t0 + ($t1 - $t0) * $k / 200}]
    foreach i $labelled { puts "VALUE $i\t[gtkwave::getTraceValueAtMarkerFromIndex $i]" }
  }
  gtkwave::setMarker $marker
}
puts "VALUES-DONE"
flush stdout
TCL
} >"$work/probe.tcl"

gtkwave --rcfile "$work/gtkwaverc" -S "$work/probe.tcl" "$fst" "$view" >"$work/log" 2>&1 &
gw_pid=$!

# Wait (bounded) for the probe's output, or at least for gtkwave's window.
up=0
for _ in $(seq 1 150); do
  kill -0 "$gw_pid" 2>/dev/null || { cat "$work/log" >&2; die "gtkwave exited early"; }
  if grep -q '^VALUES-DONE' "$work/log" && xwininfo -root -tree 2>/dev/null | grep -qi 'gtkwave'; then
    up=1; break
  fi
  sleep 0.1
done
if ((!up)); then
  xwininfo -root -tree 2>/dev/null | grep -qi 'gtkwave' || { cat "$work/log" >&2; die "no gtkwave window after 15 s"; }
  echo "render-view: note: gtkwave printed no Tcl probe output (no Tcl?); load check skipped" >&2
fi
sleep 1.5 # let GTK finish drawing the waves

# Every trace line of the view (signals, comments, group markers) must have been loaded:
# gtkwave silently drops names it cannot find.
if grep -q '^LOADED-COUNT' "$work/log"; then
  want=$(grep -cv -e '^\[' -e '^@' -e '^\*' -e '^\^' -e '^[[:space:]]*$' "$view")
  got=$(sed -n 's/^LOADED-COUNT //p' "$work/log")
  if [[ $got != "$want" ]]; then
    grep '^LOADED ' "$work/log" >&2
    die "gtkwave loaded $got of the $want traces in $(basename "$view")"
  fi
  echo "render-view: gtkwave loaded all $got traces of $(basename "$view")"
  # where the view opened (time units of the trace), for callers that check it
  grep -E '^(WINDOW|MARKER-A) ' "$work/log" | sed 's/^/render-view: /'
  # Wave labels: a value with a character that is not a hex digit is a name from the filter
  # (GTKWave shows the hex value itself when the file is missing or has no such value).
  if [[ -s $work/labelled ]]; then
    unlabelled=
    while IFS= read -r file; do
      traces=$(awk -F'\t' -v f="$file" '$1 == f { print $2 }' "$work/labelled")
      hits=$(grep '^VALUE ' "$work/log" | sed 's/^VALUE //' |
        awk -F'\t' 'NR == FNR { want[$0] = 1; next } ($1 in want) && $2 ~ /[^0-9A-Fa-fxXzZ]/ { n++ } END { print n + 0 }' \
          <(printf '%s\n' "$traces") -)
      echo "render-view: LABELS $hits labelled values through $file"
      ((hits > 0)) || unlabelled+=" $file"
    done < <(cut -f1 "$work/labelled" | sort -u)
    [[ -z $unlabelled ]] || die "no register name shown through:$unlabelled (filter file not found?)"
  fi
fi

mkdir -p "$(dirname "$png")"
timeout 15 import -window root "$png" || die "import failed"
kill "$gw_pid" 2>/dev/null

# Not blank: a real view has many colours (waves, text, group shading).
colours=$(convert "$png" -format '%k' info:) || die "cannot read $png"
sd=$(convert "$png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "render-view: $png: ${colours} colours, grey standard deviation ${sd}"
((colours >= 16)) || die "$png looks blank (${colours} colours)"
awk -v s="$sd" 'BEGIN { exit !(s > 0.05) }' || die "$png looks blank (standard deviation ${sd})"
exit 0
