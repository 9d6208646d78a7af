#!/usr/bin/env python3
"""Kill-assessment errors over seed folders, by evidence (issue 26 part 7), scored against the threat
the engaged track followed when the round was launched (the launch event's "at <threat>"): a false
"killed" when that threat still flies at the assessment, a missed kill when it no longer does (killed
by any round, or impacted). The recorder's own counts (summary.json) score against the threat the
round killed, which differs when a round kills a neighbour of its track's threat.

usage: measure_kill_assessment.py DIR [DIR...]   (each holding seed*/events.csv)"""
import collections, csv, glob, re, sys

for d in sys.argv[1:]:
    by = collections.Counter()
    errs = collections.Counter()
    n = 0
    for f in sorted(glob.glob(f"{d}/seed*/events.csv")):
        engaged, gone, rows = {}, {}, list(csv.DictReader(open(f)))
        for r in rows:
            if r["event"] == "launch":
                m = re.search(r" at (\S+)$", r["detail"])
                engaged[r["entity"]] = m.group(1) if m else None
            elif r["event"] == "intercept" or r["event"] in ("leak", "impact"):
                name = r["target"] if r["event"] == "intercept" else r["entity"]
                gone.setdefault(name, float(r["t_s"]))
        for r in rows:
            if r["event"] not in ("assessed_killed", "assessed_survived"): continue
            m = re.search(r"^(.*) \((I\d+)\)", r["detail"])
            evidence, name = m.group(1), m.group(2)
            threat = engaged.get(name)
            if threat in (None, "false", "false track"): continue
            n += 1
            alive = gone.get(threat, 1e18) > float(r["t_s"])
            killed = r["event"] == "assessed_killed"
            assessor = "assessor error" in r["detail"]
            kind = "false_kill" if killed and alive else "missed_kill" if not killed and not alive else "right"
            by[(evidence, kind)] += 1
            if kind != "right": errs[kind + (" (assessor draw)" if assessor else " (evidence)")] += 1
    print(f"{d}: {n} assessments of rounds at real threats")
    print("   errors:", dict(sorted(errs.items())))
    for (e, k), c in sorted(by.items()):
        print(f"   {c:4d}  {k:12s} {e}")
