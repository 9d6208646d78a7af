#!/usr/bin/env bash
# csv_round_trip.sh SKYSHIELD MINIMAL_YAML LIBRARY_DIR WORKDIR: a threat and a radar whose names hold a
# comma and a double quote are written quoted (RFC 4180) in truth.csv and detections.csv, and
# `skyshield track` reads both back (issue 34: it used to refuse "6 columns, expected 5").
set -u
skyshield="$1"; minimal="$2"; library="$3"; work="$4"
rm -rf "$work" && mkdir -p "$work"
sed -e "s#\.\./\.\./\.\./scenarios/library#$library#g" \
    -e 's#- name: jet#- name: "jet, \\"ace\\""#' \
    -e 's#{name: sr, #{name: "sr, north", #' "$minimal" > "$work/named.yaml"
"$skyshield" run "$work/named.yaml" --detections --out "$work/run" > "$work/run.log" 2>&1 || { cat "$work/run.log"; exit 1; }
grep -q '"jet, ""ace""' "$work/run/truth.csv" || { echo "truth.csv does not hold the quoted name"; head -3 "$work/run/truth.csv"; exit 1; }
grep -q '"bn/sr, north"' "$work/run/detections.csv" || { echo "detections.csv does not hold the quoted radar name"; exit 1; }
"$skyshield" track "$work/run/detections.csv" --truth "$work/run/truth.csv" --out "$work/track" > "$work/track.log" 2>&1 \
  || { echo "skyshield track refused the files:"; cat "$work/track.log"; exit 1; }
test -s "$work/track/tracks.csv" || { echo "no tracks.csv"; exit 1; }
echo "ok: names with a comma and a quote round-trip through skyshield track"
