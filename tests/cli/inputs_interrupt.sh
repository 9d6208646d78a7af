#!/usr/bin/env bash
# inputs_interrupt.sh SKYSHIELD DIR: Ctrl-C (SIGINT) stops `track` on a long crowded detection file
# (40,000 detections at one spot, 200 per scan: minutes of tracking) with exit 130 and no tracks.csv,
# and stops `wta` at its maximum size (1000 x 1000, heuristic: seconds), though both are started
# here as background jobs, which bash starts with SIGINT ignored.
set -euo pipefail
skyshield="$1"; dir="$2"
rm -rf "$dir" && mkdir -p "$dir"
awk 'BEGIN { print "t_s,sensor,lat_deg,lon_deg,alt_m,range_m,az_deg,el_deg,range_rate_mps,sigma_range_m,sigma_az_deg,sigma_el_deg,sigma_range_rate_mps";
             for (i = 0; i < 40000; i++) printf "%d,r,50,10,100,50000,45,2,,50,0.1,0.1,\n", int(i / 200) * 5 }' >"$dir/crowded.csv"
"$skyshield" track "$dir/crowded.csv" --out "$dir/track" >"$dir/track.log" 2>&1 &
pid=$!
sleep 1
kill -INT "$pid" 2>/dev/null || { echo "track finished within a second: nothing to interrupt"; exit 1; }
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 130 ] || { echo "track exit code $rc, want 130"; cat "$dir/track.log"; exit 1; }
[ ! -f "$dir/track/tracks.csv" ] || { echo "an interrupted track wrote tracks.csv"; exit 1; }
"$skyshield" wta --random 1000x1000 --solver heuristic >"$dir/wta.log" 2>&1 &
pid=$!
sleep 1
kill -INT "$pid" 2>/dev/null || { echo "wta finished within a second: nothing to interrupt"; exit 1; }
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 130 ] || { echo "wta exit code $rc, want 130 (killed by SIGINT)"; exit 1; }
echo "ok: track and wta stopped by SIGINT"
