#!/bin/sh
# Runs a sanitizer-instrumented test binary (used as the CROSSCOMPILING_EMULATOR of
# the *_asan / *_tsan test executables, so it wraps both gtest discovery and every
# ctest run).
#
# GCC 12's TSan (and older ASan) runtimes abort with "unexpected memory mapping" /
# hang when the kernel randomises mmap with more than 28 bits
# (/proc/sys/vm/mmap_rnd_bits > 28, common on kernels >= 6.x). Instead of needing a
# root 'sysctl vm.mmap_rnd_bits=28', the binary is started with ASLR disabled for
# that one process via 'setarch -R' (personality(ADDR_NO_RANDOMIZE), unprivileged).
#
# IRQSIM_SANITIZER_NO_ASLR=1 forces setarch -R, =0 never uses it; unset = automatic.
mode="${IRQSIM_SANITIZER_NO_ASLR:-auto}"
if [ "$mode" = auto ]; then
  mode=0
  bits=$(cat /proc/sys/vm/mmap_rnd_bits 2>/dev/null || echo 0)
  if [ "$bits" -gt 28 ] 2>/dev/null; then mode=1; fi
fi
if [ "$mode" = 1 ]; then
  # Some container seccomp profiles refuse the personality call: then run as is.
  if setarch "$(uname -m)" -R true >/dev/null 2>&1; then
    exec setarch "$(uname -m)" -R "$@"
  fi
  echo "sanitizer-run: mmap_rnd_bits > 28 and 'setarch -R' is not permitted here;" \
       "the sanitizer may fail. Fix: sysctl vm.mmap_rnd_bits=28 (root)." >&2
fi
exec "$@"
