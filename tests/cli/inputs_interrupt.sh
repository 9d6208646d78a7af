#!/usr/bin/env bash
# inputs_interrupt.sh SKYSHIELD DIR: SIGINT stops `track` on a crowded detection file before its next
# batch (exit 130, no tracks.csv), and ends `wta` while it solves (exit 130), though both are started
# here as background jobs, which bash starts with SIGINT ignored. Deterministic: the signal comes from
# the test-only hooks (apps/skyshield/output_dir.hpp) at a given batch / as the solver starts, never
# from a sleep racing the machine's load.
set -euo pipefail
skyshield="$1"; dir="$2"
rm -rf "$dir" && mkdir -p "$dir"
awk 'BEGIN { print "t_s,sensor,lat_deg,lon_deg,alt_m,range_m,az_deg,el_deg,range_rate_mps,sigma_range_m,sigma_az_deg,sigma_el_deg,sigma_range_rate_mps";
             for (i = 0; i < 4000; i++) printf "%d,r,50,10,100,50000,45,2,,50,0.1,0.1,\n", int(i / 200) * 5 }' >"$dir/crowded.csv"
rc=0
SKYSHIELD_TEST_INTERRUPT_AT_BATCH=5 "$skyshield" track "$dir/crowded.csv" --out "$dir/track" >"$dir/track.log" 2>&1 &
wait $! || rc=$?
[ "$rc" -eq 130 ] || { echo "track exit code $rc, want 130"; cat "$dir/track.log"; exit 1; }
grep -q "interrupted" "$dir/track.log" || { echo "track did not say it was interrupted"; cat "$dir/track.log"; exit 1; }
[ ! -f "$dir/track/tracks.csv" ] || { echo "an interrupted track wrote tracks.csv"; exit 1; }
rc=0
SKYSHIELD_TEST_INTERRUPT_SOLVING=1 "$skyshield" wta --random 50x50 --solver heuristic >"$dir/wta.log" 2>&1 &
wait $! || rc=$?
[ "$rc" -eq 130 ] || { echo "wta exit code $rc, want 130 (killed by SIGINT)"; cat "$dir/wta.log"; exit 1; }
# Without the hook both finish normally (the hooks are what stopped them).
"$skyshield" track "$dir/crowded.csv" --out "$dir/track" >"$dir/track.log" 2>&1
[ -f "$dir/track/tracks.csv" ] || { echo "track wrote no tracks.csv"; exit 1; }
echo "ok: track and wta stopped by SIGINT"
