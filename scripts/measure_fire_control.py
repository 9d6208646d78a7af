#!/usr/bin/env python3
"""Fire-control figures over seeds (docs/validation/fire_control.md): rounds fired, refusals by
reason, and the share of launched rounds that reach their class's lethal radius (an intercept, or a
miss / self-destruct whose closest approach is inside the lethal radius).

usage: measure_fire_control.py SKYSHIELD SCENARIO SEEDS OUTDIR
"""
import collections, csv, os, re, subprocess, sys

import yaml  # python3-yaml

exe, scenario, seeds, outdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
lib = yaml.safe_load(open(os.path.join(os.path.dirname(scenario), "library", "interceptors.yaml")))
lethal = {}
for c in lib["interceptor_classes"].values() if "interceptor_classes" in lib else lib.values():
    if isinstance(c, dict) and "layer" in c:
        lethal[c["layer"]] = float(c["lethal_radius_m"])
fired = reached = 0
short = [0, 0]   # windows < 3 s: [launched, reached]
wide = [0, 0]
refusals = collections.Counter()
for seed in range(1, seeds + 1):
    out = os.path.join(outdir, f"seed{seed}")
    subprocess.run([exe, "run", scenario, "--seed", str(seed), "--out", out], check=True, stdout=subprocess.DEVNULL)
    window = {}  # interceptor launch (launcher, launch time) -> window width
    launched = {}
    result = {}
    with open(os.path.join(out, "events.csv")) as f:
        for r in csv.DictReader(f):
            ev = r["event"]
            if ev == "assign":
                m = re.search(r"launch at ([0-9.]+) s; window closes at ([0-9.]+) s", r["detail"])
                if m: window[(r["entity"], m.group(1))] = float(m.group(2)) - float(m.group(1))
            elif ev == "launch":
                m = re.search(r"from (\S+)", r["detail"])
                launched[r["entity"]] = (r["layer"], window.get((m.group(1), r["t_s"]), None))
            elif ev in ("intercept", "miss", "self_destruct"):
                v = float(r["value"])
                layer = r["layer"]
                result[r["entity"]] = ev == "intercept" or 0.0 <= v <= lethal.get(layer, 0.0)
            elif ev == "refused":
                refusals[r["detail"].split(";")[0]] += 1
    for name, (layer, w) in launched.items():
        ok = result.get(name, False)
        fired += 1
        reached += ok
        if w is not None:
            b = short if w < 3.0 else wide
            b[0] += 1
            b[1] += ok
print(f"{scenario}: {seeds} seeds")
print(f"rounds fired {fired}, reached the lethal radius {reached} ({100.0 * reached / max(fired, 1):.1f} %)")
print(f"  windows < 3 s: {short[1]} of {short[0]}; wider: {wide[1]} of {wide[0]}")
print("refusals by reason:", dict(sorted(refusals.items())) if refusals else "none")
