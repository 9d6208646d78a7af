#!/bin/sh
# Time from SIGINT to exit of a run, by hand (not a test: timing). Usage:
#   scripts/measure_sigint.sh SKYSHIELD SCENARIO.yaml DELAY_S [SIGNAL]
# Starts `SKYSHIELD run SCENARIO --out <tmp>`, sends SIGNAL (INT) after DELAY_S seconds, and prints
# the seconds from the signal to the process's exit and its exit status (130: interrupted).
set -eu
bin=$1 scenario=$2 delay=$3 sig=${4:-INT}
out=$(mktemp -d)
"$bin" run "$scenario" --out "$out/out" > "$out/log" 2>&1 &
pid=$!
sleep "$delay"
if ! kill -0 "$pid" 2>/dev/null; then echo "finished before the signal"; wait "$pid" || true; exit 0; fi
t0=$(date +%s.%N)
kill -"$sig" "$pid"
status=0
wait "$pid" || status=$?
t1=$(date +%s.%N)
echo "SIG$sig after ${delay} s: exit $status, $(echo "$t1 - $t0" | bc) s from the signal to exit"
grep -i "interrupted" "$out/log" || true
rm -rf "$out"
