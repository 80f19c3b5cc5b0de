#!/bin/sh
# Runs one libFuzzer target of tb/fuzz (used by the fuzz.* ctests and scripts/fuzz).
#
#   run-fuzz.sh BIN SECONDS WORKDIR fresh|keep [SEED_DIR...]
#       fuzz for SECONDS; the corpus is WORKDIR/corpus (fresh: emptied first, so a
#       ctest run starts from the seeds only; keep: grows across runs), new
#       crashes go to WORKDIR/artifacts/.
#   run-fuzz.sh BIN replay FILE...
#       run each input once (regression reproducers).
#
# Fails (non-zero) on any crash, sanitizer report (ASan, UBSan, LeakSanitizer),
# input slower than IRQSIM_FUZZ_TIMEOUT seconds (default 10: a hang is a
# finding) or RSS above 2 GB.  IRQSIM_SEED (default 1) seeds libFuzzer's RNG;
# runs are time-bounded, so the seed fixes the mutations, not their number.
set -u
bin="$1"
mode="$2"
shift 2
name=$(basename "$bin")
here=$(cd "$(dirname "$0")" && pwd)
timeout="${IRQSIM_FUZZ_TIMEOUT:-10}"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
common="-timeout=$timeout -rss_limit_mb=2048"
dict=""
[ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"

if [ ! -x "$bin" ]; then
  echo "run-fuzz: $bin is not built (CMake option IRQSIM_FUZZ; needs clang-14 and libclang-rt-14-dev)" >&2
  exit 2
fi

if [ "$mode" = replay ]; then
  # one process per input, so every failing reproducer is named, not just the first
  failed=0
  log=$(mktemp)
  for input in "$@"; do
    # shellcheck disable=SC2086
    if "$bin" $common "$input" >"$log" 2>&1; then
      echo "run-fuzz: ok    $input"
    else
      failed=$((failed + 1))
      echo "run-fuzz: FAIL  $input"
      grep -E "^SUMMARY|ERROR: libFuzzer|runtime error|^fuzz_" "$log" | head -3 | sed 's/^/    /'
    fi
  done
  rm -f "$log"
  echo "run-fuzz: $name: $# input(s) replayed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
fi

seconds="$mode"
workdir="$1"
corpus_mode="$2"
shift 2
seed="${IRQSIM_SEED:-1}"
if [ "$corpus_mode" = fresh ]; then rm -rf "$workdir/corpus"; fi
mkdir -p "$workdir/corpus" "$workdir/artifacts"
echo "run-fuzz: $name for ${seconds}s, IRQSIM_SEED=$seed, corpus $workdir/corpus, seeds: ${*:-none}"
# The first directory receives new inputs; the seed directories are only read.
# Further "-flag=value" arguments among them are libFuzzer flags (later ones win).
# shellcheck disable=SC2086
"$bin" $common $dict -seed="$seed" -max_total_time="$seconds" -max_len=16384 \
  -print_final_stats=1 -print_funcs=0 -artifact_prefix="$workdir/artifacts/" "$workdir/corpus" "$@"
rc=$?
if [ "$rc" -ne 0 ]; then
  echo "run-fuzz: $name FAILED (exit $rc); the input is in $workdir/artifacts/:" >&2
  ls -t "$workdir/artifacts" 2>/dev/null | head -3 | sed "s|^|  $workdir/artifacts/|" >&2
  echo "  reproduce: $bin <input>   (IRQSIM_FUZZ_VERBOSE=1 shows the driver log)" >&2
  echo "  keep it as a regression: copy it to tb/fuzz/regressions/$name/" >&2
fi
exit "$rc"
