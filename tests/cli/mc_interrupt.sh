#!/usr/bin/env bash
# mc_interrupt.sh SKYSHIELD SCENARIO DIR: interrupt an mc batch after its first finished run (the
# test-only hook SKYSHIELD_TEST_INTERRUPT_AFTER_RUNS=1 sends SIGINT to the process itself: no
# timing, the same on a loaded machine): it exits 130 after writing mc.json for the finished runs
# only (marked interrupted) and no half-written file; running the same command again finishes the
# batch, identical to an uninterrupted one. A single run interrupted at simulated time 100 s
# (SKYSHIELD_TEST_INTERRUPT_AT_S) exits 130 without writing summary.json. A second signal while an
# interrupted batch writes its partial results leaves none of them (and the journal).
set -euo pipefail
skyshield="$1"; scenario="$2"; dir="$3"
rm -rf "$dir" && mkdir -p "$dir"
args=(mc "$scenario" --runs 4 --seed 5)
rc=0
SKYSHIELD_TEST_INTERRUPT_AFTER_RUNS=1 "$skyshield" "${args[@]}" --threads 1 --out "$dir/stopped" >"$dir/stopped.log" 2>&1 || rc=$?
[ "$rc" -eq 130 ] || { echo "mc exit code $rc, want 130"; cat "$dir/stopped.log"; exit 1; }
grep -q "interrupted by SIGINT: 1 of 4 runs finished" "$dir/stopped.log" || { echo "no message"; cat "$dir/stopped.log"; exit 1; }
grep -q '"interrupted": true' "$dir/stopped/mc.json" || { echo "mc.json not marked interrupted"; exit 1; }
journal="$dir/stopped/runs.journal"
[ "$(($(wc -l <"$journal") - 1))" -eq 1 ] || { echo "the journal does not hold exactly the 1 finished run"; exit 1; }
grep -q '"runs": 1,' "$dir/stopped/mc.json" || { echo "mc.json does not count the 1 finished run"; exit 1; }
if ls -A "$dir/stopped" | grep -Eq '\.tmp$|^\.skyshield-staging-'; then echo "half-written files left"; exit 1; fi
"$skyshield" "${args[@]}" --threads 1 --out "$dir/stopped" >/dev/null 2>&1
"$skyshield" "${args[@]}" --threads 2 --out "$dir/whole" >/dev/null 2>&1
cmp "$dir/stopped/mc.json" "$dir/whole/mc.json"
cmp "$dir/stopped/runs.csv" "$dir/whole/runs.csv"
# A second signal while the finished runs' mc.json, runs.csv and mc.svg are written (the test-only
# SKYSHIELD_TEST_INTERRUPT_WRITING): none of them is written, and the journal keeps the finished run.
rc=0
SKYSHIELD_TEST_INTERRUPT_AFTER_RUNS=1 SKYSHIELD_TEST_INTERRUPT_WRITING=runs.csv "$skyshield" "${args[@]}" --threads 1 \
  --out "$dir/second" >"$dir/second.log" 2>&1 || rc=$?
[ "$rc" -eq 130 ] || { echo "second signal: exit code $rc, want 130"; cat "$dir/second.log"; exit 1; }
grep -q "SIGINT while writing the outputs" "$dir/second.log" || { echo "second signal: no message"; cat "$dir/second.log"; exit 1; }
[ "$(ls -A "$dir/second")" = "runs.journal" ] || { echo "second signal: files beside the journal: $(ls -A "$dir/second")"; exit 1; }
# A single run, interrupted at simulated time 100 s.
rc=0
SKYSHIELD_TEST_INTERRUPT_AT_S=100 "$skyshield" run "$scenario" --out "$dir/run" >"$dir/run.log" 2>&1 || rc=$?
[ "$rc" -eq 130 ] || { echo "run exit code $rc, want 130"; cat "$dir/run.log"; exit 1; }
grep -q "interrupted by SIGINT at t = 10[0-9]" "$dir/run.log" || { echo "no message"; cat "$dir/run.log"; exit 1; }
[ ! -f "$dir/run/summary.json" ] || { echo "an interrupted run wrote summary.json"; exit 1; }
echo "ok: stopped after 1 run, resumed identical to the uninterrupted batch; run stopped at t = 100 s without outputs"
