#!/usr/bin/env bash
# mc_kill_resume.sh SKYSHIELD SCENARIO DIR: kill an mc batch (SIGKILL) once its journal holds a run,
# run the same command again, and compare with an uninterrupted batch: identical mc.json and runs.csv.
set -euo pipefail
source "$(dirname "$0")/wait_for_journal.sh"
skyshield="$1"; scenario="$2"; dir="$3"
rm -rf "$dir" && mkdir -p "$dir"
args=(mc "$scenario" --runs 4 --seed 5)
"$skyshield" "${args[@]}" --threads 1 --out "$dir/killed" >/dev/null 2>&1 &
pid=$!
journal="$dir/killed/runs.journal"
wait_for_journal "$journal"
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
done_before=$(($(wc -l <"$journal") - 1))
if [ ! -f "$dir/killed/mc.json" ]; then echo "killed after $done_before finished runs"; fi
"$skyshield" "${args[@]}" --threads 1 --out "$dir/killed" >"$dir/resume.log" 2>&1
"$skyshield" "${args[@]}" --threads 2 --out "$dir/whole" >/dev/null 2>&1
cmp "$dir/killed/mc.json" "$dir/whole/mc.json"
cmp "$dir/killed/runs.csv" "$dir/whole/runs.csv"
[ "$(($(wc -l <"$journal") - 1))" -eq 4 ] || { echo "journal does not hold exactly 4 runs"; exit 1; }
echo "ok: resumed after $done_before runs; identical to the uninterrupted batch"
