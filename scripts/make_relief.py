#!/usr/bin/env python3
"""Synthetic relief for the siting scenario: fractal ridges cut by a meandering valley corridor.

Writes an ESRI ASCII grid (geographic coordinates, heights in metres, northernmost row first) that
`terrain: {kind: grid, file: ...}` reads. Python 3 standard library only; the same arguments give the
same bytes (the noise comes from random.Random(seed)).

Relief = floor + ridged fractal noise (sum over octaves of 1 - |2 v - 1|, v smooth value noise on a
lattice of random heights, each octave half the wavelength and amplitude of the one before), pressed
down into a valley whose centre line meanders north-south (a sine of the latitude) and whose floor
rises gently towards its head in the north; the valley's shoulders are raised into two walls.

  scripts/make_relief.py --seed 35 --out scenarios/siting_valley/relief.asc
"""
import argparse
import math
import random


def value_noise(rng, n):
    """A smooth function on [0, 1]^2 from an (n + 1) x (n + 1) lattice of random values (smoothstep)."""
    lattice = [[rng.random() for _ in range(n + 1)] for _ in range(n + 1)]

    def f(x, y):
        gx, gy = x * n, y * n
        i, j = min(int(gx), n - 1), min(int(gy), n - 1)
        fx, fy = gx - i, gy - j
        sx, sy = fx * fx * (3 - 2 * fx), fy * fy * (3 - 2 * fy)
        a = lattice[j][i] + sx * (lattice[j][i + 1] - lattice[j][i])
        b = lattice[j + 1][i] + sx * (lattice[j + 1][i + 1] - lattice[j + 1][i])
        return a + sy * (b - a)

    return f


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=35)
    ap.add_argument("--out", required=True)
    ap.add_argument("--south", type=float, default=-25.30, help="latitude of the southern edge, deg")
    ap.add_argument("--west", type=float, default=134.70, help="longitude of the western edge, deg")
    ap.add_argument("--cells", type=int, default=240, help="cells per side")
    ap.add_argument("--cellsize", type=float, default=0.0025, help="cell size, deg")
    ap.add_argument("--ridge-m", type=float, default=900.0, help="ridge amplitude, m")
    ap.add_argument("--floor-m", type=float, default=150.0, help="valley floor at its mouth, m")
    ap.add_argument("--valley-km", type=float, default=2.5, help="half-width of the valley floor, km")
    args = ap.parse_args()
    if args.cells < 2 or args.cellsize <= 0:
        ap.error("--cells must be >= 2 and --cellsize > 0")

    rng = random.Random(args.seed)
    octaves = [(value_noise(rng, 4 * 2 ** k), 0.5 ** k) for k in range(5)]
    n = args.cells
    km_per_deg_lat = 111.32
    km_per_deg_lon = 111.32 * math.cos(math.radians(args.south + 0.5 * n * args.cellsize))
    width_km = n * args.cellsize * km_per_deg_lon
    rows = []
    for r in range(n):  # northernmost first
        y = 1.0 - (r + 0.5) / n
        row = []
        for c in range(n):
            x = (c + 0.5) / n
            ridged = sum(w * (1.0 - abs(2.0 * f(x, y) - 1.0)) for f, w in octaves) / sum(w for _, w in octaves)
            # Valley centre line: meanders about the middle, two bends over the map.
            centre = 0.5 + 0.12 * math.sin(2.0 * math.pi * 1.0 * y)
            dist_km = abs(x - centre) * width_km
            floor = args.floor_m + 120.0 * y                      # rises towards the head (north)
            t = min(1.0, max(0.0, (dist_km - args.valley_km) / (2.5 * args.valley_km)))
            walls = math.exp(-((dist_km - 2.2 * args.valley_km) / (1.2 * args.valley_km)) ** 2)
            relief = floor + args.ridge_m * (t * t * (3 - 2 * t)) * (0.45 + 0.55 * ridged) + 0.5 * args.ridge_m * walls
            row.append(relief)
        rows.append(row)
    with open(args.out, "w", encoding="ascii") as out:
        out.write(f"ncols {n}\nnrows {n}\nxllcorner {args.west:.6f}\nyllcorner {args.south:.6f}\ncellsize {args.cellsize:.6f}\n")
        out.write("NODATA_value -9999\n")
        for row in rows:
            out.write(" ".join(f"{h:.1f}" for h in row) + "\n")


if __name__ == "__main__":
    main()
