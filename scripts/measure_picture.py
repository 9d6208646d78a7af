#!/usr/bin/env python3
"""Air-picture figures of issue 31 over N seeded runs of a scenario with given tracker settings.

  scripts/measure_picture.py SCENARIO --runs 20 [--tracker key=value ...] [--jobs 2] [--bin PATH]
  (--tracker may be repeated; every key=value given applies)

Runs `skyshield run SCENARIO --seed s` for s = 1..N (a copy of the scenario with the tracker
settings applied to every battalion) and reports per run, averaged: rounds launched at false tracks,
doubled shots (two interceptors of one battalion in flight at once at one threat, from two different
track numbers, i.e. duplicate tracks; sorted by what had become of the first round's track at the
second launch: still there, merged into another track, or deleted), the mean first-detection-to-confirmed-track time over the threats
that were both detected and tracked, leakers (drones apart), the battalions' merges per rule (pair
evidence, stale track) and each picture's OSPA, GOSPA, RMS, false tracks per instant, identity
switches and false merges (two tracks of different objects merged; docs/air-picture.md).
"""
import argparse, concurrent.futures as cf, csv, json, os, subprocess, sys, tempfile
import yaml

def value(v):
    # YAML scalars and flow lists: 'filter=ukf', 'gate_chi2=20', 'models=[cv]'
    try: return yaml.safe_load(v)
    except yaml.YAMLError: return v

def one(args, scen, seed, out):
    d = os.path.join(out, str(seed))
    if not (args.reuse and os.path.exists(os.path.join(d, 'summary.json'))):
        subprocess.run([args.bin, 'run', scen, '--seed', str(seed), '--out', d], check=True, stdout=subprocess.DEVNULL)
    s = json.load(open(os.path.join(d, 'summary.json')))
    ev = list(csv.DictReader(open(os.path.join(d, 'events.csv'))))
    launches, ends, merged, deleted = {}, {}, {}, {}
    false_rounds = 0
    merge_rules = {'pair evidence': 0, 'stale track': 0}
    for e in ev:
        if e['event'] == 'launch':
            threat = e['detail'].rsplit(' at ', 1)[-1]
            if threat == 'false track': false_rounds += 1
            launches[e['entity']] = (float(e['t_s']), e['target'].split('/')[0], e['target'], threat)
        elif e['event'] in ('intercept', 'miss', 'self_destruct', 'abort', 'aborted') and e['entity'] not in ends:
            ends[e['entity']] = float(e['t_s'])
        elif e['event'] == 'track_merged':
            merged.setdefault(e['entity'], float(e['t_s']))
            if e['detail'] in merge_rules: merge_rules[e['detail']] += 1
        elif e['event'] == 'track_deleted':
            deleted.setdefault(e['entity'], float(e['t_s']))
    # A doubled shot is sorted by what had become of the first round's track at the second launch:
    # still there (two live tracks of one battalion on the threat: a duplicate), merged into another
    # track (the round guides on that track's object), or deleted.
    doubled = 0
    doubled_kind = {'alive': 0, 'merged': 0, 'deleted': 0}
    items = sorted(launches.items(), key=lambda kv: kv[1][0])
    for i, (a, (t0, bat, trk, th)) in enumerate(items):
        if th == 'false track': continue
        for b, (u0, bat2, trk2, th2) in items[i + 1:]:
            if bat2 == bat and th2 == th and trk2 != trk and u0 < ends.get(a, 1e18):
                doubled += 1
                doubled_kind['merged' if merged.get(trk, 1e18) <= u0 else 'deleted' if deleted.get(trk, 1e18) <= u0 else 'alive'] += 1
    delays = [t['first_track_s'] - t['first_detection_s'] for t in s['threats']
              if t.get('first_track_s') is not None and t.get('first_detection_s') is not None]
    leak = s['total']['leaked']
    drone_leak = s['by_class'].get('drone', {}).get('leaked', 0)
    pics = s.get('track_quality', {}).get('pictures', {})
    return dict(false_rounds=false_rounds, doubled=doubled, doubled_kind=doubled_kind, delay=sum(delays) / max(len(delays), 1), leak=leak,
                drone_leak=drone_leak, fired=s['interceptors']['fired'] if 'fired' in s['interceptors'] else 0, pics=pics,
                merge_rules=merge_rules)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('scenario'); ap.add_argument('--runs', type=int, default=20)
    ap.add_argument('--tracker', nargs='*', action='extend', default=[]); ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--bin', default='build/release/apps/skyshield/skyshield'); ap.add_argument('--out', default=None)
    ap.add_argument('--reuse', action='store_true', help='keep the runs already in --out')
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(args.scenario))
    d = yaml.safe_load(open(args.scenario))
    d['library'] = [os.path.join(here, x) for x in d.get('library', [])]
    for b in d['battalions']:
        for kv in args.tracker:
            k, v = kv.split('=', 1)
            b.setdefault('tracker', {})[k] = value(v)
    out = args.out or tempfile.mkdtemp(prefix='measure_picture_')
    scen = os.path.join(out, 'scenario.yaml')
    os.makedirs(out, exist_ok=True)
    yaml.safe_dump(d, open(scen, 'w'), sort_keys=False)
    with cf.ThreadPoolExecutor(args.jobs) as ex:
        rs = list(ex.map(lambda s: one(args, scen, s, out), range(1, args.runs + 1)))
    n = len(rs)
    # Per seed, for paired comparisons between settings (scripts/compare_picture.py).
    json.dump([{k: r[k] for k in ('false_rounds', 'doubled', 'leak', 'drone_leak', 'delay')} | {'seed': s}
               for s, r in zip(range(1, n + 1), rs)], open(os.path.join(out, 'per_seed.json'), 'w'), indent=1)
    mean = lambda k: sum(r[k] for r in rs) / n
    print(f"{args.scenario} {' '.join(args.tracker) or '(defaults)'}: {n} runs (seeds 1..{n}), outputs in {out}")
    print(f"per run: rounds at false tracks {mean('false_rounds'):.2f} (total {sum(r['false_rounds'] for r in rs)}), "
          f"doubled shots from duplicate tracks {mean('doubled'):.2f} (total {sum(r['doubled'] for r in rs)}), "
          f"leakers {mean('leak'):.2f} (drones {mean('drone_leak'):.2f}), first detection to confirmed track {mean('delay'):.1f} s")
    kinds = {k: sum(r['doubled_kind'][k] for r in rs) for k in ('alive', 'merged', 'deleted')}
    print(f"doubled shots by the first round's track at the second launch: {kinds['alive']} still there (duplicate), "
          f"{kinds['merged']} merged into another track, {kinds['deleted']} deleted")
    print(f"battalion merges per run: pair evidence {sum(r['merge_rules']['pair evidence'] for r in rs) / n:.1f}, "
          f"stale track {sum(r['merge_rules']['stale track'] for r in rs) / n:.1f}")
    names = sorted({p for r in rs for p in r['pics']})
    print(f"{'picture':<16} {'OSPA m':>8} {'GOSPA m':>8} {'RMS m':>7} {'false':>6} {'missed':>6} {'switches':>8} {'wrong merges':>12}")
    for p in names:
        got = [r['pics'][p] for r in rs if p in r['pics']]
        m = lambda k: sum(g[k] for g in got) / len(got)
        print(f"{p:<16} {m('mean_ospa_m'):8.0f} {m('mean_gospa_m'):8.0f} {m('rms_localisation_m'):7.0f} {m('mean_false'):6.2f} "
              f"{m('mean_missed'):6.2f} {m('identity_switches'):8.1f} {m('false_merges'):12.1f}")

if __name__ == '__main__':
    main()
