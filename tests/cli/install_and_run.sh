#!/usr/bin/env bash
# install_and_run.sh BUILD_DIR WORKDIR: `cmake --install` into a temporary prefix, then, from a folder
# that is neither the source nor the build tree, the installed program runs an installed scenario
# (outputs in out/<scenario name>) and finds its default scenario on its own (`envelope`).
set -u
build="$1"; work="$2"
rm -rf "$work" && mkdir -p "$work/elsewhere"
cmake --install "$build" --prefix "$work/prefix" > "$work/install.log" 2>&1 || { cat "$work/install.log"; exit 1; }
prefix="$work/prefix"
for f in bin/skyshield share/skyshield/scenarios/default.yaml share/skyshield/scenarios/library/interceptors.yaml; do
  test -e "$prefix/$f" || { echo "not installed: $f"; exit 1; }
done
cd "$work/elsewhere" || exit 1
"$prefix/bin/skyshield" run "$prefix/share/skyshield/scenarios/default.yaml" > run.log 2>&1 || { cat run.log; exit 1; }
test -s out/default/summary.json || { echo "no out/default/summary.json"; ls -R; exit 1; }
"$prefix/bin/skyshield" envelope short_range --range-cells 3 --altitude-cells 3 > envelope.log 2>&1 || { cat envelope.log; exit 1; }
test -s out/envelope/envelope.csv || { echo "no out/envelope/envelope.csv"; exit 1; }
echo "ok: installed to $prefix; run and envelope work from another folder"
