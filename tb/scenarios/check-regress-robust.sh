#!/usr/bin/env bash
# irqsim regress copes with children that crash, hang or write no report (each a
# failed case with its reason in the JUnit), and SIGINT stops it: children killed,
# the JUnit of the finished cases written, exit 130.  The misbehaving children
# come from the test-only IRQSIM_TEST_CHILD_FAULT (regress.h).
#   check-regress-robust.sh IRQSIM WORK_DIR
set -uo pipefail
irqsim=$(readlink -f "$1"); work=$2
die() { echo "check-regress-robust: $*" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work" && cd "$work" || die "no work dir"

IRQSIM_TEST_CHILD_FAULT=crash@2,hang@3,noreport@4 "$irqsim" regress --scenarios ipi --seeds 1-5 \
  --events 50 -j 2 --timeout 3 --out faults --junit faults.xml >faults.log 2>&1
rc=$?
cat faults.log
((rc == 1)) || die "exit $rc, want 1"
tail -n1 faults.log | grep -qx '2 passed, 3 failed' || die "summary is not '2 passed, 3 failed'"
python3 - faults.xml <<'PY' || die "JUnit check failed"
import sys, xml.etree.ElementTree as ET
cases = {c.get("name"): c for c in ET.parse(sys.argv[1]).getroot().iter("testcase")}
assert sorted(cases) == [f"seed {s}" for s in range(1, 6)], sorted(cases)
def msg(s):
    f = cases[f"seed {s}"].find("failure")
    return None if f is None else f.get("message")
assert msg(1) is None and msg(5) is None, (msg(1), msg(5))
assert msg(2).startswith("crashed: signal 6"), msg(2)
assert msg(3).startswith("timeout: killed after 3 s"), msg(3)
assert msg(4).startswith("no report written"), msg(4)
print("faults ok")
PY

# SIGINT: seeds 2 and 3 hang; stop the regression while they run
IRQSIM_TEST_CHILD_FAULT=hang@2,hang@3 "$irqsim" regress --scenarios ipi --seeds 1-6 --events 50 -j 2 \
  --out stop --junit stop.xml >stop.log 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  grep -q 'PASS ipi seed 1' stop.log 2>/dev/null && break
  sleep 0.1
done
sleep 0.5
kill -INT "$pid"
wait "$pid"; rc=$?
cat stop.log
((rc == 130)) || die "exit $rc after SIGINT, want 130"
grep -q '^interrupted by' stop.log || die "no 'interrupted' line"
left=$(pgrep -f -- "$work/stop/" || true)
[[ -z $left ]] || die "children left running: $left"
python3 - stop.xml <<'PY' || die "JUnit after SIGINT is wrong"
import sys, xml.etree.ElementTree as ET
names = [c.get("name") for c in ET.parse(sys.argv[1]).getroot().iter("testcase")]
assert "seed 1" in names and "seed 2" not in names and "seed 3" not in names, names
print("stop ok:", names)
PY
