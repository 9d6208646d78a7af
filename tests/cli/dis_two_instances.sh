#!/usr/bin/env bash
# Two skyshield runs talking DIS over UDP loopback: run A flies the minimal scenario's raid and
# publishes it (site 2); run B defends the same base with no raid of its own and listens; B must
# take A's jet and missile as external threats and fire at them (its events name them "dis:...").
# Usage: dis_two_instances.sh SKYSHIELD RAID_SCENARIO DEFENCE_SCENARIO OUTDIR
set -euo pipefail
bin=$1 raid=$2 defence=$3 out=$4
rm -rf "$out" && mkdir -p "$out"
scale=60
for attempt in 1 2 3 4 5; do
  port=$(( 20000 + (RANDOM % 20000) ))
  "$bin" run "$defence" --dis-listen "$port" --time-scale "$scale" --out "$out/b" > "$out/b.log" 2>&1 &
  b=$!
  sleep 1.5
  if kill -0 "$b" 2>/dev/null; then break; fi
  wait "$b" || true
  grep -q "cannot listen" "$out/b.log" || { cat "$out/b.log"; exit 1; }   # port taken: try another
done
"$bin" run "$raid" --dis "127.0.0.1:$port" --dis-site 2 --time-scale "$scale" --out "$out/a" > "$out/a.log" 2>&1
wait "$b"
cat "$out/b.log" | grep "DIS received"
fired=$(grep -c ",launch,.* at dis:" "$out/b/events.csv" || true)
echo "run B fired $fired interceptors at threats from run A"
grep -q '"name": "dis:jet"' "$out/b/summary.json" || { echo "FAIL: no dis:jet in B's summary"; exit 1; }
grep -q '"external": true' "$out/b/summary.json" || { echo "FAIL: no external threat in B's summary"; exit 1; }
[ "$fired" -ge 1 ] || { echo "FAIL: B did not engage A's threats"; exit 1; }
echo "PASS"
