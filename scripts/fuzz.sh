#!/usr/bin/env bash
# scripts/fuzz.sh TARGET SECONDS: builds the libFuzzer target fuzz_TARGET (preset `fuzz`: clang with
# AddressSanitizer and UndefinedBehaviorSanitizer) and fuzzes it for SECONDS. Targets: scenario (the
# scenario loader), dis (the DIS decoder), detection_csv (detection/truth CSV), wta (WTA instances). The seed corpus is the repository's own scenario files, valid and broken
# (scenarios/, tests/scenario/data/, tests/bad-scenarios/); the working corpus grows in
# build/fuzz/corpus/TARGET. A finding stops the run with exit 1 and leaves its input as
# build/fuzz/crash-*: add it to tests/bad-scenarios/ (with its expected message) once fixed.
# Target dis: the DIS PDU decoder, seeded with one captured PDU of each type (fuzz/corpus/dis);
# keep its findings in fuzz/corpus/dis too (the corpus is replayed on every run).
# Target view_path: the replay server's request-path resolver (fuzz/fuzz_view_path.cpp), seeded with
# fuzz/corpus/view_path (traversal attempts); keep its findings there too.
# Target detection_csv: the detection and truth CSV readers of `skyshield track`; target wta: the WTA
# instance reader of `skyshield wta`; seeded with fuzz/corpus/TARGET and the tests' files (keep
# findings in fuzz/corpus/TARGET, once fixed).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: scripts/fuzz.sh TARGET SECONDS}"
seconds="${2:?usage: scripts/fuzz.sh TARGET SECONDS}"
case "$target" in
  scenario) seeds=(scenarios/*.yaml tests/scenario/data/*.yaml tests/bad-scenarios/*.yaml) ;;
  dis) seeds=(fuzz/corpus/dis/*) ;;
  view_path) seeds=(fuzz/corpus/view_path/*) ;;
  detection_csv) seeds=(fuzz/corpus/detection_csv/* tests/tracking/data/*.csv) ;;
  wta) seeds=(fuzz/corpus/wta/* tests/c2/data/*.wta) ;;
  *) echo "fuzz.sh: unknown target '$target' (known: scenario, dis, view_path, detection_csv, wta)" >&2; exit 2 ;;
esac
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "fuzz_$target"
corpus="build/fuzz/corpus/$target"
mkdir -p "$corpus"
cp -n "${seeds[@]}" "$corpus"/ 2>/dev/null || true
# -timeout: an input that takes this long is a finding (a hang); -rss_limit_mb bounds the memory.
# The outer timeout: after an out-of-memory finding libFuzzer prints a heap profile, which can stop the
# world for ever (it did in CI: an 800-byte scenario took yaml-cpp past 2 GB and the job ran out of
# time). Killed at SECONDS + 180 s, the run fails with the seed it printed, which replays the finding.
status=0
timeout -s KILL $((seconds + 180)) "build/fuzz/fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -timeout=20 \
  -rss_limit_mb=2048 -artifact_prefix=build/fuzz/ -print_final_stats=1 || status=$?
if [ "$status" -eq 137 ]; then
  echo "fuzz.sh: fuzz_$target did not finish within $((seconds + 180)) s (a finding whose report hung); replay it" \
       "with the 'Seed:' above: build/fuzz/fuzz/fuzz_$target $corpus -seed=N -max_total_time=$seconds" >&2
fi
exit "$status"
