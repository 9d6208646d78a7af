#!/usr/bin/env bash
# help_names_outputs.sh SKYSHIELD SCENARIO WORKDIR: every file `skyshield run --detections` writes is
# named by `skyshield run --help` (the list is taken from a real run, so it cannot drift).
set -u
skyshield="$1"; scenario="$2"; work="$3"
rm -rf "$work"
"$skyshield" run "$scenario" --detections --out "$work" > /dev/null 2>&1 || { echo "the run failed"; exit 1; }
help="$("$skyshield" run --help)"
missing=0
for f in "$work"/*; do
  name="$(basename "$f")"
  grep -qF "$name" <<<"$help" || { echo "run --help does not name $name"; missing=1; }
done
[ "$missing" -eq 0 ] && echo "ok: run --help names all $(ls "$work" | wc -l) outputs"
exit "$missing"
