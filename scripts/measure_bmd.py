#!/usr/bin/env python3
"""Ballistic-defence figures of a scenario over seeds 1..N (docs/bmd.md).

Runs `skyshield run SCENARIO --seed s` for s = 1..N and pools the `ballistic_defence` block of each
summary.json: warhead kill probability (95 % Wilson interval over all warheads), rounds per warhead
killed, share of rounds at decoys / spent stages / debris (Wilson over all rounds at ballistic
objects), and the means (with their standard error over the runs) of first detection -> confirmed
warhead track and first detection -> first launch.

usage: scripts/measure_bmd.py SKYSHIELD SCENARIO N OUTDIR [extra skyshield args...]
"""
import json
import math
import os
import subprocess
import sys


def wilson(k, n, z=1.96):
    if n == 0:
        return (float("nan"), float("nan"))
    p = k / n
    d = 1 + z * z / n
    c = (p + z * z / (2 * n)) / d
    h = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return (max(0.0, c - h), min(1.0, c + h))


def mean_se(xs):
    if not xs:
        return (float("nan"), float("nan"))
    m = sum(xs) / len(xs)
    if len(xs) < 2:
        return (m, float("nan"))
    v = sum((x - m) ** 2 for x in xs) / (len(xs) - 1)
    return (m, math.sqrt(v / len(xs)))


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    exe, scenario, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    extra = sys.argv[5:]
    w = wk = rw = rn = 0
    track, launch = [], []
    for s in range(1, n + 1):
        d = os.path.join(out, f"seed{s}")
        subprocess.run([exe, "run", scenario, "--seed", str(s), "--out", d] + extra, check=True, stdout=subprocess.DEVNULL)
        b = json.load(open(os.path.join(d, "summary.json"))).get("ballistic_defence")
        if not b:
            continue
        w += b["warheads"]
        wk += b["warheads_killed"]
        rw += b["rounds_at_warheads"]
        rn += b["rounds_at_non_warheads"]
        if b["detection_to_confirmed_track_mean_s"] is not None:
            track.append(b["detection_to_confirmed_track_mean_s"])
        if b["detection_to_first_launch_mean_s"] is not None:
            launch.append(b["detection_to_first_launch_mean_s"])
    lo, hi = wilson(wk, w)
    slo, shi = wilson(rn, rw + rn)
    tm, tse = mean_se(track)
    lm, lse = mean_se(launch)
    print(f"scenario {scenario}, seeds 1-{n}")
    print(f"warhead kill probability  {wk}/{w} = {wk / max(w, 1):.3f}  95% Wilson [{lo:.3f}, {hi:.3f}]")
    print(f"rounds per warhead killed {(rw + rn) / wk:.2f}" if wk else "rounds per warhead killed -  (none killed)")
    print(f"rounds at non-warheads    {rn}/{rw + rn} = {rn / max(rw + rn, 1):.3f}  95% Wilson [{slo:.3f}, {shi:.3f}]")
    print(f"first detection -> confirmed warhead track  {tm:.1f} s +- {tse:.1f} (mean of run means, {len(track)} runs)")
    print(f"first detection -> first launch at a warhead {lm:.1f} s +- {lse:.1f} ({len(launch)} runs)")


if __name__ == "__main__":
    main()
