#!/usr/bin/env bash
# A failure you can open: a regression case made to fail on purpose (spi with the
# test-only --drop-event: one event booked on the scoreboard, never driven) must
# give a JUnit failure naming the hop with a reproducer that fails the same way,
# a small FST of the failing event's window only, its bus log, and a .gtkw that
# loads completely and opens at the failing event (rendered under xvfb-run).
# Every signal of that .gtkw must be in the trace: with REGRESS-OPTIONS giving
# another topology (--cpus 1) it is derived from the view generated for it.
#   check-failure-view.sh IRQSIM WORK_DIR [REGRESS-OPTIONS...]
# Exit: 0 ok, 1 failure, 77 when gtkwave/xvfb/imagemagick are missing (render step).
set -uo pipefail
irqsim=$(readlink -f "$1"); work=$2
shift 2  # the rest: regress options (the topology)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
die() { echo "check-failure-view: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || die "no work dir"

seed=7; events=400; drop=200
"$irqsim" regress --scenarios spi --seeds $seed --events $events --drop-event $drop -j 1 \
  --out out --junit junit.xml "$@" >regress.log 2>&1
rc=$?
cat regress.log
((rc == 1)) || die "regress exited $rc, want 1 (one failing case)"
tail -n1 regress.log | grep -qx '0 passed, 1 failed' || die "summary line is not '0 passed, 1 failed'"

# JUnit: well-formed, the failure names the hop, the reproducer, the attachments
python3 - junit.xml <<'PY' || die "JUnit check failed"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
cases = root.findall(".//testcase")
assert len(cases) == 1, f"{len(cases)} testcases"
c = cases[0]
assert c.get("classname") == "spi" and c.get("name") == "seed 7", c.attrib
props = {p.get("name"): p.get("value") for p in c.findall("properties/property")}
for k in ("seed", "sim_cycles", "wall_s", "cycles_per_s", "injected", "delivered", "lost"):
    assert k in props, f"property {k} missing"
assert props["lost"] == "1", props
f = c.find("failure")
assert f is not None, "no <failure>"
msg = f.get("message")
assert msg.startswith("lost: line") and "never reached line_in" in msg, msg
assert "reproduce: irqsim run spi --seed 7 --events 400 " in f.text and "--drop-event 200" in f.text, f.text
assert "--eoi-mode 1" in f.text, f"seed 7 (odd) runs in EOImode 1 and its reproducer says so: {f.text}"
out = c.find("system-out").text
for ext in (".fst", ".gtkw", ".bus.log", ".log"):
    assert f"spi-seed7{ext}]]" in out, f"no [[ATTACHMENT|...{ext}]] in system-out"
print("junit ok:", msg)
PY

# the reproducer reproduces: same failure line
repro=$(sed -n 's/.*reproduce: irqsim \(run [^<]*\)/\1/p' junit.xml | head -n1)
[[ -n $repro ]] || die "no reproducer in the JUnit"
# shellcheck disable=SC2086
"$irqsim" $repro >repro.log 2>&1; rrc=$?
((rrc == 1)) || die "reproducer '$repro' exited $rrc, want 1"
want=$(python3 -c "import xml.etree.ElementTree as E; print(E.parse('junit.xml').find('.//failure').get('message'))")
grep -qF "problem: $want" repro.log || die "reproducer did not fail with: $want"

# the FST covers the window only: small, and its time stamps inside the window
fst=out/spi-seed7.fst; gtkw=out/spi-seed7.gtkw
[[ -s $fst && -s $gtkw && -s out/spi-seed7.bus.log ]] || die "missing FST, .gtkw or bus log"
size=$(stat -c %s "$fst")
((size < 300000)) || die "$fst is $size bytes: not a window"
read -r first last < <(fst2vcd "$fst" 2>/dev/null | grep '^#[0-9]' | sed -n '1s/#//p;$s/#//p' | tr '\n' ' ')
inj=$(python3 -c "import json; print(json.load(open('out/spi-seed7.json'))['first_failure']['injected_cycle'])")
total=$(python3 -c "import json; print(json.load(open('out/spi-seed7.json'))['time']['simulated'])")
echo "check-failure-view: trace $first..$last ps, injection at cycle $inj of $total, $size bytes"
((first <= inj * 1000 && inj * 1000 <= last)) || die "the window $first..$last does not hold the injection"
(((last - first) / 1000 < total / 4)) || die "the trace spans $(((last - first) / 1000)) of $total cycles: not a window"
grep -q "^\[markername\] Ainjection" "$gtkw" || die "no injection marker in $gtkw"
"$here/check-signals.sh" "$gtkw" "$fst"
crc=$?
((crc == 0 || crc == 77)) || die "signals of $gtkw are not in $fst"

# GTKWave opens it at the failing event
"$here/render-view.sh" "$gtkw" "$fst" "$PWD/failure.png" >render.log 2>&1
rrc=$?; cat render.log
((rrc == 77)) && exit 77
((rrc == 0)) || die "render failed"
read -r ws we < <(sed -n 's/^render-view: WINDOW //p' render.log)
ma=$(sed -n 's/^render-view: MARKER-A //p' render.log)
[[ -n $ws && -n $ma ]] || die "gtkwave did not report its window / marker"
((ma == inj * 1000)) || die "marker A at $ma, want the injection at $((inj * 1000))"
((ws <= ma && ma <= we)) || die "gtkwave shows $ws..$we, not the injection at $ma"
echo "check-failure-view: gtkwave opens $ws..$we with marker A (injection) at $ma"
