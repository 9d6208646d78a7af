#!/usr/bin/env python3
"""End-game breakdown of the rounds of a set of runs (docs/bmd.md "Why interceptors miss warheads").

Reads OUTDIR/seed*/events.csv written by `skyshield run` (e.g. by scripts/measure_bmd.py) and counts,
per interceptor layer, the rounds' outcomes: kill; miss inside the lethal radius (the warhead's kill
roll failed); miss outside it, binned by miss distance; self-destruct with or without a closest
approach. Only rounds whose launch event names the target object are counted; --warheads keeps the
rounds whose target object is a warhead (name without "decoy", "booster", "stage", "debris").

usage: scripts/endgame_breakdown.py OUTDIR [--warheads]
"""
import csv
import glob
import os
import sys
from collections import Counter, defaultdict

LETHAL = {"SR": 8.0, "MR": 10.0, "LR": 15.0, "VLR": 15.0}


def is_non_warhead(name):
    return any(k in name for k in ("decoy", "booster", "stage", "debris"))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, warheads_only = sys.argv[1], "--warheads" in sys.argv
    table = defaultdict(Counter)
    for path in sorted(glob.glob(os.path.join(out, "seed*", "events.csv"))):
        target_of, layer_of = {}, {}
        for r in csv.DictReader(open(path)):
            ev, ent = r["event"], r["entity"]
            if ev == "launch":
                target_of[ent] = r["detail"].rsplit(" at ", 1)[-1]
                layer_of[ent] = r["layer"]
                continue
            if ev not in ("intercept", "miss", "self_destruct") or ent not in layer_of:
                continue
            if warheads_only and is_non_warhead(target_of[ent]):
                continue
            layer, miss = layer_of[ent], float(r["value"])
            if ev == "intercept":
                key = "killed"
            elif ev == "miss":
                if miss <= LETHAL.get(layer, 10.0):
                    key = "miss in lethal radius (kill roll)"
                elif miss < 100:
                    key = "miss 10-100 m"
                elif miss < 1000:
                    key = "miss 100-1000 m"
                else:
                    key = "miss > 1 km"
            else:
                key = "self-destruct, closest %s" % ("unknown" if miss < 0 else "< 1 km" if miss < 1000 else "> 1 km")
            table[layer][key] += 1
            table[layer]["rounds"] += 1
    keys = sorted({k for c in table.values() for k in c if k != "rounds"})
    print("layer rounds | " + " | ".join(keys))
    for layer in sorted(table):
        c = table[layer]
        print(f"{layer} {c['rounds']} | " + " | ".join(str(c[k]) for k in keys))


if __name__ == "__main__":
    main()
