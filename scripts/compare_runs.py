#!/usr/bin/env python3
"""Sum summary.json figures over seed folders: killed / leaked / interceptors per class, refusals and
kill-assessment counts. usage: compare_runs.py DIR [DIR...] (each holding seed*/summary.json)"""
import collections, glob, json, sys

for d in sys.argv[1:]:
    tot, ka, ref = collections.Counter(), collections.Counter(), collections.Counter()
    runs = sorted(glob.glob(f"{d}/seed*/summary.json"))
    for f in runs:
        s = json.load(open(f))
        for cls, c in s["by_class"].items():
            for k in ("killed", "leaked", "interceptors_fired"):
                tot[f"{cls}.{k}"] += c[k]
        for k in ("killed", "leaked", "interceptors_fired"):
            tot[f"total.{k}"] += s["total"][k]
        ka.update({k: v for k, v in s["kill_assessment"].items()})
        ref.update(s["total"]["refusals"])
    print(f"{d}: {len(runs)} runs")
    print("  ", dict(sorted(tot.items())))
    print("   kill assessment:", dict(sorted(ka.items())))
    print("   refusals:", dict(sorted(ref.items())))
