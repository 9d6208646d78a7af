#!/usr/bin/env bash
# outputs_whole.sh SKYSHIELD SCENARIO DIR: a run's outputs are written as a whole set.
#  1. symbolic links planted at every predictable temporary name (<file>.tmp) are not followed;
#  2. a write that fails (a real ENOSPC from /dev/full, through the test-only hook
#     SKYSHIELD_TEST_FULL_DISK_AT) leaves the previous set whole, no temporary file, and names the
#     file and the reason;
#  3. a directory where a file must go: the same, before anything is replaced;
#  4. an interrupt at a simulated time (SKYSHIELD_TEST_INTERRUPT_AT_S; SIGINT, then SIGTERM) exits
#     130 and leaves the previous set whole; so does a signal while the new set is being written
#     (SKYSHIELD_TEST_INTERRUPT_WRITING);
#  5. a run without --detections removes an older run's detections.csv (no mixed set).
# The hooks are test-only (apps/skyshield/output_dir.hpp); no step depends on timing.
set -uo pipefail
bin="$1"; scenario="$2"; dir="$3"
rm -rf "$dir" && mkdir -p "$dir"
out="$dir/out"
files=(summary.json events.csv trajectories.csv track_metrics.csv truth.csv engagement.svg profiles.svg replay.czml report.html)
fail() { echo "FAIL: $*"; exit 1; }
seed_of() { grep -o '"seed": [0-9]*' "$out/summary.json" | grep -o '[0-9]*$'; }
same_as_saved() {   # every output file equals the saved copy of the previous set
  for f in "${files[@]}"; do cmp -s "$out/$f" "$dir/saved/$f" || return 1; done
}
no_leftovers() {
  ! ls -A "$out" | grep -Eq '\.tmp$|^\.skyshield-staging-'
}
run() { "$bin" run "$scenario" --out "$out" "$@" >"$dir/log" 2>&1; }

run --seed 7 || fail "first run failed: $(cat "$dir/log")"
[ "$(seed_of)" = 7 ] || fail "first run: seed $(seed_of)"

# 1. Planted links at the temporary names; the victim outside must stay untouched.
echo "precious" >"$dir/victim"
for f in "${files[@]}" detections.csv; do ln -s "$dir/victim" "$out/$f.tmp"; done
run --seed 8 || fail "run with planted links failed: $(cat "$dir/log")"
[ "$(cat "$dir/victim")" = "precious" ] || fail "a planted link at a temporary name was followed: the file outside was overwritten"
[ "$(seed_of)" = 8 ] || fail "run with planted links: summary.json not replaced"
for f in "${files[@]}"; do [ -f "$out/$f" ] && [ ! -L "$out/$f" ] || fail "$f is not a plain file"; done
rm -f "$out"/*.tmp
rm -rf "$dir/saved" && cp -r "$out" "$dir/saved"

# 2. A full disk while writing events.csv.
SKYSHIELD_TEST_FULL_DISK_AT=events.csv run --seed 9; rc=$?
[ "$rc" -ne 0 ] || fail "full disk: exit code 0"
grep -q "events.csv: cannot write: No space left on device" "$dir/log" || fail "full disk: no reason given: $(cat "$dir/log")"
same_as_saved || fail "full disk: the previous set was changed"
no_leftovers || fail "full disk: temporary files left: $(ls -A "$out")"

# 3. A directory where events.csv must go.
rm "$out/events.csv" && mkdir "$out/events.csv"
run --seed 10; rc=$?
[ "$rc" -ne 0 ] || fail "directory in the way: exit code 0"
grep -q "events.csv: cannot write: a directory is in the way" "$dir/log" || fail "directory in the way: $(cat "$dir/log")"
[ "$(seed_of)" = 8 ] || fail "directory in the way: summary.json was replaced (a mixed set)"
no_leftovers || fail "directory in the way: temporary files left: $(ls -A "$out")"
rmdir "$out/events.csv" && cp "$dir/saved/events.csv" "$out/events.csv"

# 4. Interrupts: at a simulated time (SIGINT, SIGTERM), and while writing the new set.
SKYSHIELD_TEST_INTERRUPT_AT_S=100 run --seed 11; rc=$?
[ "$rc" -eq 130 ] || fail "interrupt at t = 100 s: exit code $rc, want 130: $(cat "$dir/log")"
grep -q "interrupted by SIGINT at t = 10[0-9]" "$dir/log" || fail "interrupt at t = 100 s: $(cat "$dir/log")"
same_as_saved || fail "interrupt at t = 100 s: the previous set was changed"
SKYSHIELD_TEST_INTERRUPT_SIGNAL=SIGTERM SKYSHIELD_TEST_INTERRUPT_AT_S=100 run --seed 11; rc=$?
[ "$rc" -eq 130 ] || fail "SIGTERM at t = 100 s: exit code $rc, want 130"
grep -q "interrupted by SIGTERM" "$dir/log" || fail "SIGTERM: no message: $(cat "$dir/log")"
same_as_saved || fail "SIGTERM: the previous set was changed"
SKYSHIELD_TEST_INTERRUPT_WRITING=truth.csv run --seed 12; rc=$?
[ "$rc" -eq 130 ] || fail "signal while writing: exit code $rc, want 130: $(cat "$dir/log")"
grep -q "SIGINT while writing the outputs" "$dir/log" || fail "signal while writing: $(cat "$dir/log")"
same_as_saved || fail "signal while writing: the previous set was changed (a mixed set)"
no_leftovers || fail "signal while writing: temporary files left"

# 5. detections.csv belongs to the run that wrote it.
run --seed 13 --detections || fail "run --detections failed"
[ -f "$out/detections.csv" ] || fail "no detections.csv"
run --seed 14 || fail "run without --detections failed"
[ ! -e "$out/detections.csv" ] || fail "an older run's detections.csv was left beside the new set"
echo "ok: links not followed; full disk, a directory in the way and interrupts leave the previous set whole with a reason"
