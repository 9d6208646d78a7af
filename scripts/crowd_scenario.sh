#!/bin/sh
# Writes the issue-27 hostile scenario: tests/scenario/data/minimal.yaml's base and battalion with
# three raids of 10,000 small_uav on one route (15 km to 1 km north of the base), 60 s.
# Usage: scripts/crowd_scenario.sh OUT.yaml [extra top-level YAML line, e.g. "track_metrics: {period_s: 3600}"]
# The library paths are absolute (the file may be written anywhere).
set -eu
out=$1
extra=${2:-}
lib=$(cd "$(dirname "$0")/../scenarios/library" && pwd)
{
cat <<YAML
scenario:
  name: crowd
library: [$lib/interceptors.yaml, $lib/radars.yaml, $lib/threats.yaml]
simulation:
  step_s: 0.05
  duration_s: 60.0
  seed: 7
assets:
  - name: base
    position: {lat: -25.0, lon: 135.0, alt: 100.0}
    value: 5.0
battalions:
  - name: bn
    position: {from: base, bearing_deg: 0.0, range_km: 5.0, alt: 100.0}
    radars:
      - {name: sr, type: surveillance_s_band, position: {from: bn, bearing_deg: 180.0, range_km: 0.5, alt: 100.0}}
      - {name: er, type: engagement_x_band, position: {from: bn, bearing_deg: 0.0, range_km: 0.5, alt: 100.0}}
    engagement_radar: er
    launchers:
      - {name: L1, class: medium_range, tubes: 4, position: {from: bn, bearing_deg: 90.0, range_km: 1.0, alt: 100.0}}
      - {name: L2, class: short_range, tubes: 4, position: {from: bn, bearing_deg: 270.0, range_km: 1.0, alt: 100.0}}
threats:
YAML
for r in a b c; do
cat <<YAML
  - name: swarm_$r
    type: small_uav
    count: 10000
    target: base
    route:
      - {from: base, bearing_deg: 0.0, range_km: 15.0, alt: 300.0}
      - {from: base, bearing_deg: 0.0, range_km: 1.0, alt: 300.0}
YAML
done
if [ -n "$extra" ]; then echo "$extra"; fi
} > "$out"
