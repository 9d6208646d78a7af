#!/usr/bin/env python3
"""Writes scenarios/regiments.yaml (issue 29): five regiments of two battalions defending five assets
against a raid of 110 threats of all classes, sized so that the 220 rounds are not all spent (the
earlier raid of 300 used up every round in every variant, so joint and sequential assignment could
not differ: docs/network.md). Notional sites and numbers; the same library as layered.yaml.
Usage: python3 scripts/regiments_scenario.py > scenarios/regiments.yaml"""

ASSETS = [  # name, bearing and range from the airbase (km), value, radius; ~150 km apart, so that
    # low fliers (drones, cruise missiles) are below the other regiments' radar horizons
    ("airbase", None, None, 10.0, 3000.0),
    ("city", 90.0, 150.0, 20.0, 6000.0),
    ("port", 90.0, 300.0, 8.0, 3000.0),
    ("depot", 270.0, 150.0, 6.0, 2000.0),
    ("hq", 270.0, 300.0, 12.0, 1500.0),
]
# Each regiment's two battalions: 15 km from its asset, on the threat side (north-west and north-east).
LAUNCHERS = [("very_long_range", 2), ("long_range", 4), ("long_range", 4), ("medium_range", 4), ("medium_range", 4), ("short_range", 4)]
# Threats per asset (x5 assets): strike aircraft, one-way drones, subsonic cruise missiles, SRBMs.
RAID = {"strike": 2, "drone": 8, "cruise": 8, "srbm": 4}
TOTAL = 5 * sum(RAID.values())
FAILS = {("rgt-city", 1): 150.0, ("rgt-depot", 0): 250.0}   # engagement radars lost (scheduled)

out = []
w = out.append
w("# Five regiments of two S-400-class battalions each (notional sites) defending five assets against")
w(f"# {TOTAL} threats: {5 * RAID['strike']} strike aircraft, {5 * RAID['drone']} one-way drones, {5 * RAID['cruise']} subsonic cruise missiles, {5 * RAID['srbm']} SRBMs")
w("# (220 rounds in all: a raid the stock can meet, so that how the rounds are assigned shows).")
w("# Each regiment command post assigns its two battalions' launchers jointly (c2/network/regiment);")
w("# two battalions lose their engagement radar during the raid and keep firing on the other")
w("# battalions' tracks (engage_on_remote). Written by scripts/regiments_scenario.py.")
w("scenario:")
w("  name: regiments")
w(f'  description: "Five regiments of two battalions, five assets, {TOTAL} threats of all classes; joint regiment assignment, engagement on remote tracks"')
w("")
w("library: [library/interceptors.yaml, library/radars.yaml, library/threats.yaml]")
w("")
w("simulation:")
w("  step_s: 0.05")
w("  duration_s: 900.0")
w("  seed: 1")
w("  trajectory_sample_s: 10.0")
w("")
w("assets:")
for name, brg, rng, value, radius in ASSETS:
    pos = "{lat: -25.0, lon: 135.0, alt: 150.0}" if brg is None else f"{{from: airbase, bearing_deg: {brg}, range_km: {rng}, alt: 100.0}}"
    w(f"  - {{name: {name}, position: {pos}, value: {value}, radius_m: {radius}}}")
w("")
w("battalions:")
regiments = []
for name, *_ in ASSETS:
    members = []
    for k, side in enumerate((315.0, 45.0)):
        bn = f"bn-{name}-{k + 1}"
        members.append(bn)
        w(f"  - name: {bn}")
        w(f"    position: {{from: {name}, bearing_deg: {side}, range_km: 15.0, alt: 150.0}}")
        w("    radars:")
        w(f"      - {{name: surveillance, type: surveillance_s_band, position: {{from: {bn}, bearing_deg: 180.0, range_km: 1.0, alt: 150.0}}}}")
        fail = FAILS.get((f"rgt-{name}", k))
        extra = f", fails_at_s: {fail}" if fail else ""
        w(f"      - {{name: engagement, type: engagement_x_band, position: {{from: {bn}, bearing_deg: 0.0, range_km: 0.5, alt: 150.0}}{extra}}}")
        w("    engagement_radar: engagement")
        w("    launchers:")
        for i, (cls, tubes) in enumerate(LAUNCHERS):
            w(f"      - {{name: {bn}-TEL-{i + 1}, class: {cls}, tubes: {tubes}, position: {{from: {bn}, bearing_deg: {60.0 * i}, range_km: 2.0, alt: 150.0}}}}")
        w("    doctrine: {decision_period_s: 1.0, salvo_size: 1, max_shots_per_threat: 3, kill_assessment_delay_s: 3.0, engage_on_remote: true}")
    regiments.append((f"rgt-{name}", members))
w("")
w("regiments:")
for name, members in regiments:
    w(f"  - {{name: {name}, battalions: [{', '.join(members)}], decision_period_s: 1.0, link_latency_s: 0.5, wta_solver: exact}}")
w("")
w("threats:")
for i, (name, *_ ) in enumerate(ASSETS):
    axis = 330.0 + 15.0 * i  # each asset's threat axis, from the north-west to the north-east
    w(f"  - {{name: strike-{name}, type: strike_fighter, count: {RAID['strike']}, interval_s: 10.0, launch_time_s: {30.0 * i}, target: {name}, route: [{{from: {name}, bearing_deg: {axis % 360:.1f}, range_km: 220.0, alt: 9000.0}}, {{from: {name}, bearing_deg: {axis % 360:.1f}, range_km: 90.0, alt: 6000.0}}]}}")
    w(f"  - {{name: drone-{name}, type: loitering_drone, count: {RAID['drone']}, interval_s: 3.0, launch_time_s: {10.0 * i}, target: {name}, route: [{{from: {name}, bearing_deg: {(axis + 10) % 360:.1f}, range_km: 30.0, alt: 300.0}}]}}")
    w(f"  - {{name: cruise-{name}, type: subsonic_cruise_missile, count: {RAID['cruise']}, interval_s: 4.0, launch_time_s: {50.0 + 10.0 * i}, target: {name}, route: [{{from: {name}, bearing_deg: {(axis - 10) % 360:.1f}, range_km: 110.0, alt: 40.0}}, {{from: {name}, bearing_deg: {axis % 360:.1f}, range_km: 40.0, alt: 40.0}}]}}")
    w(f"  - {{name: srbm-{name}, type: short_range_ballistic, count: {RAID['srbm']}, interval_s: 8.0, launch_time_s: {100.0 + 10.0 * i}, target: {name}, launch: {{from: {name}, bearing_deg: {(axis + 5) % 360:.1f}, range_km: 300.0, alt: 0.0}}}}")
print("\n".join(out))
