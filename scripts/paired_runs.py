#!/usr/bin/env python3
"""Paired comparison of Monte Carlo variants run on the same seeds (skyshield mc ... --seed S):
per variant the mean and 95 % Student-t interval of leakers, rounds fired and cost per run; per
variant against the first, the per-run differences (same run index = same seed) with their mean and
95 % Student-t interval. Usage: paired_runs.py OUT_DIR[,OUT_DIR...] BASE VARIANT... (reads
OUT_DIR/<v>/runs.csv, or its runs.journal while the mc runs). Several OUT_DIRs: batches run with
different base seeds (--seed), each pairing its variants by run index; a variant missing a run of
a batch leaves that run out of its comparison."""
import csv
import math
import os
import sys

# Two-sided 95 % Student-t quantiles t_{0.975, df} (any statistics table, e.g. NIST/SEMATECH
# e-Handbook 1.3.6.7.2); beyond 30 degrees of freedom the normal 1.96 is within 2 %.
T975 = [None, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def interval(xs):
    n = len(xs)
    m = sum(xs) / n
    if n < 2:
        return m, m, m
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1))
    h = (T975[n - 1] if n - 1 < len(T975) else 1.96) * sd / math.sqrt(n)
    return m, m - h, m + h


def leakers(row):
    return sum(float(v) for k, v in row.items() if k.endswith("_leaked"))


# The columns of runs.csv; an unfinished mc has only its journal (the same rows after a comment line).
# Before any variant has finished, COLUMNS_FROM=<a runs.csv of the same scenario> gives them.
COLUMNS = None
if os.environ.get("COLUMNS_FROM"):
    with open(os.environ["COLUMNS_FROM"]) as f:
        COLUMNS = next(csv.reader(f))


def load(out, v):
    global COLUMNS
    try:
        with open(f"{out}/{v}/runs.csv") as f:
            rows = list(csv.DictReader(f))
            COLUMNS = COLUMNS or list(rows[0].keys())
            return {int(r["run"]): r for r in rows}
    except FileNotFoundError:
        if COLUMNS is None:
            sys.exit(f"{out}/{v}: no runs.csv yet, and no finished variant gives the columns of its journal")
        with open(f"{out}/{v}/runs.journal") as f:
            lines = [l for l in f if not l.startswith("#")]
        return {int(r["run"]): r for r in csv.DictReader(lines, fieldnames=COLUMNS)}


def main():
    outs, base, *others = sys.argv[1:]
    data = {v: {} for v in [base] + others}
    for b, out in enumerate(outs.split(",")):
        for v in sorted([base] + others, key=lambda v: not os.path.exists(f"{out}/{v}/runs.csv")):  # a runs.csv first
            if os.path.isdir(f"{out}/{v}"):
                data[v].update({(b, k): r for k, r in load(out, v).items()})
    print(f"{'variant':22} {'runs':>4}  {'leakers per run':>24}  {'fired per run':>24}  {'cost per run':>14}")
    for v, rows in data.items():
        runs = [rows[k] for k in sorted(rows)]
        if not runs:
            print(f"{v:22} no run finished")
            continue
        m, lo, hi = interval([leakers(r) for r in runs])
        fm, flo, fhi = interval([float(r["fired"]) for r in runs])
        cm, _, _ = interval([float(r["cost"]) for r in runs])
        print(f"{v:22} {len(runs):4}  {m:7.2f} [{lo:6.2f}, {hi:6.2f}]  {fm:7.1f} [{flo:6.1f}, {fhi:6.1f}]  {cm:14.1f}")
    print(f"\npaired against {base} (same seeds): per-run differences, mean [95 % Student-t]")
    for v in others:
        common = sorted(set(data[v]) & set(data[base]))
        if not common:
            continue
        dl = [leakers(data[v][k]) - leakers(data[base][k]) for k in common]
        df = [float(data[v][k]["fired"]) - float(data[base][k]["fired"]) for k in common]
        m, lo, hi = interval(dl)
        fm, flo, fhi = interval(df)
        print(f"{v:22} leakers {m:+6.2f} [{lo:+6.2f}, {hi:+6.2f}]  fired {fm:+6.1f} [{flo:+6.1f}, {fhi:+6.1f}]  "
              f"leakers per run: {', '.join(f'{x:+.0f}' for x in dl)}")


if __name__ == "__main__":
    main()
