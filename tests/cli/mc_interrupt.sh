#!/usr/bin/env bash
# mc_interrupt.sh SKYSHIELD SCENARIO DIR: Ctrl-C (SIGINT) an mc batch once its journal holds a run:
# it exits 130 after writing mc.json for the finished runs only (marked interrupted) and no half-written
# file; running the same command again finishes the batch, identical to an uninterrupted one. A SIGINT
# to a single run (of layered.yaml, beside SCENARIO) exits 130 without writing summary.json.
set -euo pipefail
source "$(dirname "$0")/wait_for_journal.sh"
skyshield="$1"; scenario="$2"; dir="$3"
rm -rf "$dir" && mkdir -p "$dir"
args=(mc "$scenario" --runs 4 --seed 5)
"$skyshield" "${args[@]}" --threads 1 --out "$dir/stopped" >"$dir/stopped.log" 2>&1 &
pid=$!
journal="$dir/stopped/runs.journal"
wait_for_journal "$journal"
kill -INT "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 130 ] || { echo "mc exit code $rc, want 130"; cat "$dir/stopped.log"; exit 1; }
grep -q '"interrupted": true' "$dir/stopped/mc.json" || { echo "mc.json not marked interrupted"; exit 1; }
finished=$(($(wc -l <"$journal") - 1))
grep -q "\"runs\": $finished," "$dir/stopped/mc.json" || { echo "mc.json does not count the $finished finished runs"; exit 1; }
if ls "$dir/stopped"/*.tmp >/dev/null 2>&1; then echo "half-written files left"; exit 1; fi
"$skyshield" "${args[@]}" --threads 1 --out "$dir/stopped" >/dev/null 2>&1
"$skyshield" "${args[@]}" --threads 2 --out "$dir/whole" >/dev/null 2>&1
cmp "$dir/stopped/mc.json" "$dir/whole/mc.json"
cmp "$dir/stopped/runs.csv" "$dir/whole/runs.csv"
# A single run: the layered scenario beside the given one (several seconds of stepping on any machine
# this runs on, even with its flyout tables in the disk cache), signalled after a second.
"$skyshield" run "$(dirname "$scenario")/layered.yaml" --out "$dir/run" >/dev/null 2>&1 &
pid=$!
sleep 1
kill -INT "$pid" 2>/dev/null || { echo "the run finished within a second: nothing to interrupt"; exit 1; }
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 130 ] || { echo "run exit code $rc, want 130"; exit 1; }
[ ! -f "$dir/run/summary.json" ] || { echo "an interrupted run wrote summary.json"; exit 1; }
echo "ok: stopped after $finished runs, resumed identical to the uninterrupted batch; run stopped without outputs"
