#!/bin/sh
# Issue 29's Monte Carlo of scenarios/regiments.yaml: sequential battalions vs joint regiment
# assignment vs joint plus engagement on remote tracks, at equal rounds (same launchers and stock).
# Usage: scripts/measure_regiments.sh [RUNS] [OUT_DIR]   (default 4 runs, out/regiments-mc)
set -eu
runs=${1:-4}
out=${2:-out/regiments-mc}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/release/apps/skyshield/skyshield
mkdir -p "$out"
src=$root/scenarios/regiments.yaml
# Variants next to the original (library paths are relative to the scenario file).
seq=$root/scenarios/.regiments-sequential.yaml
joint=$root/scenarios/.regiments-joint.yaml
trap 'rm -f "$seq" "$joint"' EXIT
sed -e 's/, engage_on_remote: true//' -e '/^regiments:/,/^$/d' "$src" > "$seq"
sed -e 's/, engage_on_remote: true//' "$src" > "$joint"
for v in sequential joint joint-remote; do
  case $v in sequential) f=$seq ;; joint) f=$joint ;; joint-remote) f=$src ;; esac
  start=$(date +%s)
  "$bin" mc "$f" --runs "$runs" --threads 1 --seed 1 --out "$out/$v" > "$out/$v.log" 2>&1
  echo "$v: $(( $(date +%s) - start )) s wall" | tee -a "$out/times.txt"
done
