#!/bin/sh
# Issue 29's Monte Carlo of scenarios/regiments.yaml at equal stock (same launchers and rounds), on the
# same run seeds, in these variants (each written next to the original, as library paths are relative):
#   sequential           battalions decide in turn (no regiments:, no engagement on remote tracks)
#   sequential-remote    battalions in turn, engage_on_remote as in the file
#   joint                regiment joint assignment as in the file (its reserve_weight), no engage_on_remote
#   joint-value-only     joint without reserve valuation (reserve_weight removed: value destroyed only)
#   joint-no-latency     joint as in the file but with orders reaching the battalions at once
#                        (link_latency_s 0, as battalions deciding alone), no engage_on_remote
#   joint-remote         the file as it is: joint + engage_on_remote
#   joint-remote-launch  joint + engage_on_remote + launch_on_remote
# Prints per variant the mean and 95 % Student-t interval of leakers, rounds fired and cost, and the
# paired comparison against the first variant: per-seed differences with their Student-t interval.
# Usage: scripts/measure_regiments.sh [RUNS] [OUT_DIR] [JOBS] [SEED] [VARIANTS]
#   (default 10 runs, out/regiments-mc, 1 variant at a time, base seed 1, every variant above;
#   VARIANTS is a space-separated list in quotes, its first is the base of the paired comparison).
# Batches with other base seeds pair too: scripts/paired_runs.py OUT1,OUT2 sequential joint ...
set -eu
runs=${1:-10}
out=${2:-out/regiments-mc}
jobs=${3:-1}
seed=${4:-1}
variants=${5:-sequential sequential-remote joint joint-value-only joint-remote joint-remote-launch}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${SKYSHIELD_BIN:-$root/build/release/apps/skyshield/skyshield}   # another build: SKYSHIELD_BIN=...
mkdir -p "$out"
src=$root/scenarios/regiments.yaml
tmp="$root/scenarios/.regiments-$$"
trap 'rm -f "$tmp"-*.yaml' EXIT
no_regiments='/^regiments:/,/^$/d'
sed -e 's/, engage_on_remote: true//' -e "$no_regiments" "$src" > "$tmp-sequential.yaml"
sed -e "$no_regiments" "$src" > "$tmp-sequential-remote.yaml"
sed -e 's/, engage_on_remote: true//' "$src" > "$tmp-joint.yaml"
sed -e 's/, engage_on_remote: true//' -e 's/, reserve_weight: [0-9.]*//' "$src" > "$tmp-joint-value-only.yaml"
sed -e 's/, engage_on_remote: true//' -e 's/link_latency_s: [0-9.]*/link_latency_s: 0.0/' "$src" > "$tmp-joint-no-latency.yaml"
cp "$src" "$tmp-joint-remote.yaml"
sed -e 's/, engage_on_remote: true/, engage_on_remote: true, launch_on_remote: true/' "$src" > "$tmp-joint-remote-launch.yaml"
run_variant() {
  f="$tmp-$1.yaml"
  [ -f "$f" ] || { echo "unknown variant '$1'" >&2; exit 2; }
  start=$(date +%s)
  "$bin" mc "$f" --runs "$runs" --threads 1 --seed "$seed" --out "$out/$1" > "$out/$1.log" 2>&1
  echo "$1: $(( $(date +%s) - start )) s wall" >> "$out/times.txt"
}
n=0
for v in $variants; do
  run_variant "$v" &
  n=$((n + 1))
  if [ "$n" -ge "$jobs" ]; then wait; n=0; fi
done
wait
# shellcheck disable=SC2086
python3 "$root/scripts/paired_runs.py" "$out" $variants | tee "$out/paired.txt"
