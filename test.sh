#!/usr/bin/env bash
# Installs what is missing (Debian packages, among them tshark and chromium for the DIS and viewer
# tests; the viewer's npm packages), builds everything, and runs every test through ctest.
#   ./test.sh              the Release build and every test (about 10 minutes on 2 cores)
#   ./test.sh --sanitize   then also the unit tests of core, world, tracking, weapons, c2 and dis built with
#                          AddressSanitizer and UndefinedBehaviorSanitizer (preset `debug`; about 6
#                          minutes more; CI runs this)
set -euo pipefail
cd "$(dirname "$0")"
sanitize=0
for a in "$@"; do
  case "$a" in
    --sanitize) sanitize=1 ;;
    *) echo "test.sh: unknown option '$a' (known: --sanitize)" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh
scripts/build-viewer.sh
cmake --preset release >/dev/null
cmake --build --preset release
ctest --preset release -j "$(nproc)"
if [ "$sanitize" -eq 1 ]; then
  # The subset: the suites of the physics and algorithm parts (the slower end-to-end suites would take
  # another half hour under the sanitizers at -O0). Any sanitizer report fails the run.
  # dis: its unit tests (codec, decoder fuzzing, geometry, listener), not the end-to-end runs.
  parts=(core world tracking weapons c2 dis)
  cmake --preset debug -DSKYSHIELD_BUILD_BENCH=OFF >/dev/null
  cmake --build --preset debug --target "${parts[@]/#/test_}"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  export GTEST_FILTER='-DisPublisher.*:DisListen.*:DisWireshark.*'
  printf '%s\n' "${parts[@]}" | xargs -P "$(nproc)" -I{} sh -c 'build/debug/tests/{}/test_{} --gtest_brief=1 > build/debug/sanitized-{}.log 2>&1 || { cat build/debug/sanitized-{}.log; echo "sanitized test_{} failed"; exit 1; }'
  echo "sanitized unit tests passed: ${parts[*]}"
fi
