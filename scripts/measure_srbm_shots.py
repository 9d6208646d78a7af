#!/usr/bin/env python3
"""Rounds fired at SRBMs over seeds (issue 26 part 5): per round its class, launch window, time to
the SRBM's impact, outcome (intercept / miss / self_destruct and its distance), and the kills.
A "late shot" is a round at an SRBM launched less than LATE_S before the SRBM's impact or end.

usage: measure_srbm_shots.py SKYSHIELD SCENARIO SEEDS OUTDIR
"""
import collections, csv, os, re, subprocess, sys

exe, scenario, seeds, outdir = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
tot = collections.Counter()
for seed in range(1, seeds + 1):
    out = os.path.join(outdir, f"seed{seed}")
    if not os.path.exists(os.path.join(out, "events.csv")):
        subprocess.run([exe, "run", scenario, "--seed", str(seed), "--out", out], check=True, stdout=subprocess.DEVNULL)
    window, launched, result, refused = {}, {}, {}, collections.Counter()
    with open(os.path.join(out, "events.csv")) as f:
        for r in csv.DictReader(f):
            ev = r["event"]
            if ev == "assign":
                m = re.search(r"launch at ([0-9.]+) s; window closes at ([0-9.]+) s", r["detail"])
                if m: window[(r["entity"], m.group(1))] = float(m.group(2)) - float(m.group(1))
            elif ev == "launch":
                m = re.search(r"(\S+) from (\S+) at (\S+)", r["detail"])
                launched[r["entity"]] = (m.group(1), m.group(3), float(r["t_s"]), window.get((m.group(2), r["t_s"])))
            elif ev in ("intercept", "miss", "self_destruct"):
                result[r["entity"]] = (ev, float(r["value"]), float(r["t_s"]))
            elif ev == "refused" and "srbm" in r["detail"]:
                refused[r["detail"].split(";")[0]] += 1
    for name, (cls, target, t, w) in sorted(launched.items(), key=lambda kv: kv[1][2]):
        if not target.startswith("srbm"): continue
        ev, v, te = result.get(name, ("none", -1.0, -1.0))
        print(f"seed {seed:2d} {name:4s} {cls:16s} {target:7s} launch {t:7.2f} window {w if w is None else round(w, 2)!s:>6s} "
              f"tof {te - t:6.2f} {ev:13s} {v:9.1f}")
        tot["rounds"] += 1
        tot[f"{cls} rounds"] += 1
        tot["kills"] += ev == "intercept"
        if cls == "long_range" and ev == "self_destruct": tot["long_range self_destruct"] += 1
        if w is not None and w < 4.5: tot["window<4.5s"] += 1
    for k, n in refused.items(): tot[f"refused {k}"] += n
print(dict(sorted(tot.items())))
