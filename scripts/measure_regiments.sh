#!/bin/sh
# Issue 29's Monte Carlo of scenarios/regiments.yaml: sequential battalions vs joint regiment
# assignment vs joint plus engagement on remote tracks (engage_on_remote) vs joint plus engage and
# launch on remote tracks, at equal stock (same launchers and rounds), on the same run seeds.
# Prints per variant the mean and 95 % Student-t interval of leakers, rounds fired and cost, and the
# paired comparison against sequential battalions: per-seed differences with their Student-t interval.
# Usage: scripts/measure_regiments.sh [RUNS] [OUT_DIR] [JOBS] [SEED]   (default 10 runs, out/regiments-mc,
# 1 variant at a time, base seed 1; JOBS=4 runs the four variants at once, each on one thread).
# Batches with other base seeds pair too: scripts/paired_runs.py OUT1,OUT2 sequential joint ...
set -eu
runs=${1:-10}
out=${2:-out/regiments-mc}
jobs=${3:-1}
seed=${4:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$root/build/release/apps/skyshield/skyshield
mkdir -p "$out"
src=$root/scenarios/regiments.yaml
# Variants next to the original (library paths are relative to the scenario file).
seq=$root/scenarios/.regiments-sequential.yaml
joint=$root/scenarios/.regiments-joint.yaml
launch=$root/scenarios/.regiments-launch.yaml
trap 'rm -f "$seq" "$joint" "$launch"' EXIT
sed -e 's/, engage_on_remote: true//' -e '/^regiments:/,/^$/d' "$src" > "$seq"
sed -e 's/, engage_on_remote: true//' "$src" > "$joint"
sed -e 's/, engage_on_remote: true/, engage_on_remote: true, launch_on_remote: true/' "$src" > "$launch"
run_variant() {
  case $1 in sequential) f=$seq ;; joint) f=$joint ;; joint-remote) f=$src ;; joint-remote-launch) f=$launch ;; esac
  start=$(date +%s)
  "$bin" mc "$f" --runs "$runs" --threads 1 --seed "$seed" --out "$out/$1" > "$out/$1.log" 2>&1
  echo "$1: $(( $(date +%s) - start )) s wall" >> "$out/times.txt"
}
n=0
for v in sequential joint joint-remote joint-remote-launch; do
  run_variant $v &
  n=$((n + 1))
  if [ "$n" -ge "$jobs" ]; then wait; n=0; fi
done
wait
python3 "$root/scripts/paired_runs.py" "$out" sequential joint joint-remote joint-remote-launch | tee "$out/paired.txt"
