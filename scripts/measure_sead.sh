#!/usr/bin/env bash
# The SEAD table of docs/sead.md: scenarios/sead.yaml over RUNS seeds (1..RUNS), with the battalions'
# EMCON doctrine as written (shutdown) and with it off, and EMCON as written without the air-launched
# decoy discrimination (decoy_threshold 1, decoy_wait_s 0). Per configuration: mean and 95 % confidence
# interval (Student t) of radars lost, decoy emitters destroyed by ARMs, leakers (strike threats that reached
# their target or release point: ARMs and decoys not counted), rounds spent on air-launched decoys,
# interceptors self-destructed (lost guidance or target), friendly patrol fighters killed by our rounds
# (fratricide) and friendlies engaged. Two more configurations add electronic attack to EMCON as
# written: the four strike fighters carry a self-protection deception repeater over 8-16 GHz (the
# engagement radar's X band and the active seekers' Ku band; NOTIONAL: 10 W, 10 dB, 100 m/s^2 pull to
# 3 km, 20 s off), with the library's home-on-jam seekers ("ecm") and with home_on_jam off in every
# interceptor class ("ecm, no HOJ"); their rows add the seekers' deception break-locks and the strike
# fighters killed. Usage: scripts/measure_sead.sh [RUNS] [JOBS]; needs build/release.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-20}
JOBS=${2:-2}
BIN=${SKYSHIELD_BIN:-build/release/apps/skyshield/skyshield}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
sed 's/mode: shutdown/mode: off/' scenarios/sead.yaml > "$WORK/sead_off.yaml"
sed -i "s|library: \[library/|library: [$PWD/scenarios/library/|; s|, library/|, $PWD/scenarios/library/|g" "$WORK/sead_off.yaml"
cp scenarios/sead.yaml "$WORK/sead_on.yaml"
sed -i "s|library: \[library/|library: [$PWD/scenarios/library/|; s|, library/|, $PWD/scenarios/library/|g" "$WORK/sead_on.yaml"
sed 's/decoy_threshold: [0-9.]*/decoy_threshold: 1.0/; s/decoy_wait_s: [0-9.]*/decoy_wait_s: 0.0/' "$WORK/sead_on.yaml" > "$WORK/sead_nodisc.yaml"
# Electronic attack: the strike package's type with a deception repeater (a scenario-local type, the
# library's strike_fighter otherwise), and a copy of the interceptor library without home-on-jam.
cp "$WORK/sead_on.yaml" "$WORK/sead_ecm.yaml"
sed -i '/^  - name: strike$/,/releases:/ s/type: strike_fighter$/type: strike_fighter_ecm/' "$WORK/sead_ecm.yaml"
grep -q 'type: strike_fighter_ecm' "$WORK/sead_ecm.yaml" || { echo "measure_sead.sh: the strike package was not found in sead.yaml" >&2; exit 2; }
cat >> "$WORK/sead_ecm.yaml" <<'YAML'
threat_types:
  strike_fighter_ecm:   # the library's strike_fighter with a self-protection deception repeater (NOTIONAL)
    class: aircraft
    rcs_m2: 5.0
    swerling: 1
    unit_cost: 40.0
    speed_mps: 270.0
    max_load_factor: 7.0
    max_bank_deg: 80.0
    max_climb_rate_mps: 150.0
    max_descent_rate_mps: 200.0
    evasion: {warning_range_km: 15.0, duration_s: 20.0, max_breaks: 2, floor_agl_m: 300.0, commit_range_km: 30.0}
    deception: {power_w: 10.0, gain_db: 10.0, band_ghz: [8.0, 16.0], pull_accel_mps2: 100.0, max_offset_m: 3000.0, off_s: 20.0}
YAML
sed 's/home_on_jam: true/home_on_jam: false/; /seeker_hoj_angle_noise_mrad/d' scenarios/library/interceptors.yaml > "$WORK/interceptors_nohoj.yaml"
sed "s|$PWD/scenarios/library/interceptors.yaml|$WORK/interceptors_nohoj.yaml|" "$WORK/sead_ecm.yaml" > "$WORK/sead_ecmnohoj.yaml"
for f in sead_ecm sead_ecmnohoj; do "$BIN" validate "$WORK/$f.yaml" >/dev/null; done
for cfg in on off nodisc ecm ecmnohoj; do
  seq 1 "$RUNS" | xargs -P "$JOBS" -I{} "$BIN" run "$WORK/sead_$cfg.yaml" --seed {} --out "$WORK/$cfg/{}" >/dev/null
done
python3 - "$WORK" "$RUNS" <<'PY'
import csv, json, math, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
# Student t 0.975 quantiles (two-sided 95 %), df 1..30, then the normal value.
T = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
     2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
def ci(xs):
    m = statistics.mean(xs)
    if len(xs) < 2: return m, 0.0
    t = T[len(xs) - 2] if len(xs) - 1 <= len(T) else 1.960
    return m, t * statistics.stdev(xs) / math.sqrt(len(xs))
metrics = ["radars lost", "decoy emitters destroyed (of 4)", "leakers", "rounds on air-launched decoys", "interceptors self-destructed",
           "fratricide (friendly fighters killed)", "friendlies engaged", "strike fighters killed (of 4)", "seeker deception break-locks"]
rows = {}
cfgs = ("on", "off", "nodisc", "ecm", "ecmnohoj")
for cfg in cfgs:
    vals = {m: [] for m in metrics}
    for k in range(1, runs + 1):
        d = f"{work}/{cfg}/{k}"
        s = json.load(open(f"{d}/summary.json"))
        ev = list(csv.DictReader(open(f"{d}/events.csv")))
        vals["radars lost"].append(sum(e["event"] == "radar_lost" for e in ev))
        vals["decoy emitters destroyed (of 4)"].append(sum(e["event"] == "decoy_emitter_hit" for e in ev))
        vals["leakers"].append(sum(t["outcome"] == "leaked" and t["type"] not in ("anti_radiation_missile", "air_launched_decoy") for t in s["threats"]))
        vals["rounds on air-launched decoys"].append(s["decoys"]["interceptors_fired"])
        vals["interceptors self-destructed"].append(s["interceptors"]["self_destructs"])
        vals["fratricide (friendly fighters killed)"].append(s.get("friendly", {}).get("fratricide", 0))
        vals["friendlies engaged"].append(s.get("friendly", {}).get("engaged", 0))
        vals["strike fighters killed (of 4)"].append(sum(t["outcome"] == "killed" and t["name"].startswith("strike-") and "/" not in t["name"] for t in s["threats"]))
        vals["seeker deception break-locks"].append(sum(e["event"] == "seeker_break_lock" for e in ev))
    rows[cfg] = {m: ci(v) for m, v in vals.items()}
print(f"scenarios/sead.yaml, seeds 1..{runs}: mean [95 % CI]")
print(f"| metric | EMCON shutdown | EMCON off | EMCON shutdown, no decoy discrimination | + deception repeaters on the strike fighters | + repeaters, seekers without home-on-jam |")
print(f"|---|---|---|---|---|---|")
for m in metrics:
    cells = [f"{rows[c][m][0]:.2f} [{rows[c][m][0]-rows[c][m][1]:.2f}, {rows[c][m][0]+rows[c][m][1]:.2f}]" for c in cfgs]
    print("| " + m + " | " + " | ".join(cells) + " |")
PY
