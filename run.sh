#!/usr/bin/env bash
# Installs what is missing, builds, and runs the default scenario.
#   ./run.sh                      -> scenarios/default.yaml, outputs in out/default/
#   ./run.sh SCENARIO [ARGS...]   -> any scenario; extra arguments go to `skyshield run`
set -euo pipefail
cd "$(dirname "$0")"
scripts/install-deps.sh --run   # the tests' extras (GoogleTest, tshark, chromium ...) are left to ./test.sh
cmake --preset release >/dev/null
cmake --build --preset release --target skyshield
scripts/build-viewer.sh || echo "run.sh: the replay viewer was not built (skyshield view needs it); the run goes on" >&2
scenario="${1:-scenarios/default.yaml}"
shift || true
name="$(basename "$scenario" .yaml)"
exec build/release/apps/skyshield/skyshield run "$scenario" --out "out/$name" "$@"
