#!/usr/bin/env bash
# Builds the offline replay viewer (viewer/dist): installs its npm packages (CesiumJS, and
# playwright-core for the browser test) exactly as viewer/package-lock.json pins them, then copies
# Cesium's prebuilt library and our page into viewer/dist. Skips npm ci when node_modules matches
# the lock file already.
set -euo pipefail
cd "$(dirname "$0")/../viewer"
command -v npm >/dev/null || { echo "build-viewer: npm is missing (scripts/install-deps.sh installs it)" >&2; exit 2; }
stamp=node_modules/.skyshield-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
npm run --silent build
