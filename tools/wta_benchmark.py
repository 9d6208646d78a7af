#!/usr/bin/env python3
"""The WTA benchmark of issue 30 on the standard families (docs/wta.md): W weapon types, T = 2W
targets, mi copies of each type, values U[25, 100], Pk U[0.6, 0.9]. For each instance it runs the
exact solver (time limit 10 s) and the heuristic through `skyshield wta --random WxTxMI --out`, and
prints one Markdown row: exact objective, lower bound, gap, proven or not, time; the heuristic's
objective, its gap to the exact solver's lower bound (an upper bound on its distance to the optimum)
and time (the median of --repeat runs; the runs are deterministic, so only the time varies). Timing is
measured here, never in a test. Run it alone on the machine (one core each).

  tools/wta_benchmark.py build/release/apps/skyshield/skyshield [--sizes 50,100,150,200,300] [--copies 1,2,3] [--seeds 1] [--repeat 3]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def solve(exe, spec, seed, solver, time_limit, out):
    cmd = [exe, "wta", "--random", spec, "--seed", str(seed), "--solver", solver, "--time-limit", str(time_limit), "--out", out]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        return json.load(f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("skyshield")
    ap.add_argument("--sizes", default="50,100,150,200,300", help="weapon types W (T = 2W)")
    ap.add_argument("--copies", default="1,2,3")
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--repeat", type=int, default=1, help="heuristic runs per instance (median time reported)")
    a = ap.parse_args()
    print("| instance | exact objective | lower bound | gap | proven | exact s | heuristic objective | heuristic gap to bound | heuristic s |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        for mi in a.copies.split(","):
            for w in a.sizes.split(","):
                for seed in a.seeds.split(","):
                    spec = f"{w}x{2 * int(w)}x{mi}"
                    e = solve(a.skyshield, spec, seed, "exact", a.time_limit, out)
                    runs = [solve(a.skyshield, spec, seed, "heuristic", a.time_limit, out) for _ in range(max(1, a.repeat))]
                    h = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
                    if any(r["objective"] != h["objective"] for r in runs):
                        raise SystemExit(f"{spec}: the heuristic is not deterministic")
                    lb = e["lower_bound"]
                    hgap = (h["objective"] - lb) / h["objective"]
                    print(f"| {spec} seed {seed} | {e['objective']:.4f} | {lb:.4f} | {100 * e['gap']:.4f} % | "
                          f"{'yes' if e['optimal'] else 'no'} | {e['seconds']:.2f} | {h['objective']:.4f} | "
                          f"{100 * hgap:.4f} % | {1000 * h['seconds']:.0f} ms |", flush=True)


if __name__ == "__main__":
    sys.exit(main())
