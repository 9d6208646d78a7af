#include "sim/recorder.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace skyshield {

namespace {
constexpr double kScoringGateM = 10e3;  // a track farther than this from every threat is a false track

const char* outcome_name(InterceptorState s) {
  switch (s) {
    case InterceptorState::Killed: return "killed";
    case InterceptorState::Missed: return "missed";
    case InterceptorState::SelfDestructed: return "self_destruct";
    case InterceptorState::GroundImpact: return "ground_impact";
    case InterceptorState::Flying: return "flying";
  }
  return "unknown";
}
}  // namespace

int nearest_truth(const Vec3& pos, const std::vector<TruthView>& views, double max_m) {
  int best = -1;
  double best_d = max_m;
  for (const TruthView& v : views) {
    const double d = (v.pos_ecef - pos).norm();
    if (d < best_d) { best_d = d; best = v.id; }
  }
  return best;
}

Recorder::Recorder(const Scenario& s, std::uint64_t seed, bool trajectories)
    : trajectories_(trajectories), sample_period_(s.sim.trajectory_sample_s) {
  rec_.scenario = s.name;
  rec_.seed = seed;
  rec_.step_s = s.sim.step_s;
  rec_.fast_model = s.sim.fidelity == Fidelity::Fast;
  rec_.reference = s.assets.front().site;
  for (const InterceptorClass& c : s.interceptor_classes) max_range_.push_back(c.max_range_m);
  rec_.layers = layer_names(s);
  for (std::size_t i = 0; i < s.threats.size(); ++i)
    add_threat_record(static_cast<int>(i), s.threats[i], s.threat_types[s.threats[i].type_index]);
  for (const DefendedAsset& a : s.assets) rec_.sites.push_back({a.name, "asset", a.site, a.radius_m});
  for (const BattalionSpec& b : s.battalions) battalion_names_.push_back(b.name);
}

void Recorder::add_threat_record(int id, const ThreatSpec& spec, const ThreatType& type) {
  ThreatRecord r;
  r.id = id;
  r.name = spec.name;
  r.type = type.name;
  r.cls = type.cls;
  r.unit_cost = type.unit_cost;
  r.decoy = type.decoy;
  r.launch_time_s = spec.launch_time_s;
  r.external = spec.external;
  r.carrier = spec.parent;
  r.friendly = spec.friendly;
  r.mission = spec.mission;
  r.arm = type.arm.present();
  rec_.threats.push_back(r);
  threat_trajectory_.push_back(trajectories_ ? static_cast<int>(rec_.trajectories.size()) : -1);
  if (trajectories_) rec_.trajectories.push_back({r.name, std::string(to_string(r.cls)), {}});
}

void Recorder::add_threat(const Threat& th) { add_threat_record(th.id(), th.spec(), th.type()); }

void Recorder::threat_departed(const Threat& th, double t) {
  ThreatRecord& r = rec_.threats[th.id()];
  r.outcome = "departed";
  r.outcome_time_s = t;
  append_sample(threat_trajectory_[th.id()], t, th.geodetic());
}

void Recorder::add_sites(const std::vector<std::unique_ptr<Battalion>>& battalions) {
  for (const auto& b : battalions) {
    rec_.sites.push_back({b->spec->name, "command_post", b->spec->command_post, 0.0});
    for (const Radar& r : b->radars)
      rec_.sites.push_back({b->spec->radars[r.index()].name, "radar", b->spec->radars[r.index()].site,
                            r.params().instrumented_range_m});
    for (const Launcher& l : b->launchers)
      rec_.sites.push_back({l.config().name, "launcher", l.config().site, max_range_[l.config().interceptor_class]});
  }
}

void Recorder::add_event(double t, EventType type, std::string entity, std::string target, std::string layer,
                         double value, std::string detail) {
  rec_.events.push_back({t, type, std::move(entity), std::move(target), std::move(layer), value, std::move(detail)});
}

std::string Recorder::track_name(const Battalion& b, int track_id) const {
  return fmt::format("{}/T{}", battalion_names_[b.index], track_id);
}

void Recorder::append_sample(int trajectory, double t, const Geodetic& p) {
  if (!trajectories_ || trajectory < 0) return;
  rec_.trajectories[trajectory].samples.push_back({t, p});
}

void Recorder::threat_appeared(const Threat& th, double t) {
  rec_.threats[th.id()].launch_time_s = t;  // the actual launch (time spread, release by a carrier)
  append_sample(threat_trajectory_[th.id()], t, th.geodetic());
}

void Recorder::threat_not_launched(const Threat& th) {
  ThreatRecord& r = rec_.threats[th.id()];
  r.outcome = "not_launched";
  r.launch_time_s = -1.0;
}

void Recorder::threat_leaked(const Threat& th, double t, const Scenario& s) {
  ThreatRecord& r = rec_.threats[th.id()];
  r.outcome_time_s = t;
  if (r.friendly) {  // a friendly flight at the end of its route: recovered, not a leak (no event)
    r.outcome = "recovered";
    append_sample(threat_trajectory_[th.id()], t, th.geodetic());
    return;
  }
  r.outcome = "leaked";
  const std::string asset = th.spec().target_asset >= 0 ? s.assets[th.spec().target_asset].name : "";
  add_event(t, EventType::Leak, r.name, asset, "", 0.0,
            r.decoy ? "decoy or debris reached the ground" : r.cls == ThreatClass::Aircraft ? "reached release point" : "reached target");
  if (r.cls != ThreatClass::Aircraft) {
    const Geodetic aim = th.aim_point();
    r.impact_miss_m = geodesic_inverse(th.geodetic(), aim).distance_m;
    add_event(t, EventType::Impact, r.name, asset, "", r.impact_miss_m, "distance from aim point (m)");
  }
  append_sample(threat_trajectory_[th.id()], t, th.geodetic());
}

void Recorder::detections(const Battalion& b, const Radar& radar, const std::vector<DetectionRecord>& log,
                          const std::vector<Threat>& threats) {
  for (const DetectionRecord& d : log) {
    if (!d.detected) continue;
    const int global_radar = b.index * 1000 + radar.index();
    bool& seen = detected_[{global_radar, d.truth_id}];
    if (seen) continue;
    seen = true;
    ThreatRecord& r = rec_.threats[d.truth_id];
    if (r.first_detection_s < 0) r.first_detection_s = d.t;
    add_event(d.t, EventType::Detect, b.spec->radars[radar.index()].name, threats[d.truth_id].spec().name, "", d.snr_db,
              "SNR dB at first detection");
  }
}

void Recorder::track_event(const Battalion& b, const TrackEvent& e, const std::vector<TruthView>& views,
                           const std::vector<Threat>& threats) {
  if (e.kind == TrackEvent::Kind::Confirmed) {
    Vec3 p, v;
    int truth = -1;
    if (b.track_ecef(e.track_id, e.t, p, v)) truth = nearest_truth(p, views, kScoringGateM);
    track_truth_[{b.index, e.track_id}] = truth;
    if (truth >= 0 && rec_.threats[truth].first_track_s < 0) rec_.threats[truth].first_track_s = e.t;
    add_event(e.t, EventType::TrackConfirmed, track_name(b, e.track_id), truth >= 0 ? threats[truth].spec().name : "false track");
  } else if (e.kind == TrackEvent::Kind::Deleted) {
    add_event(e.t, EventType::TrackDeleted, track_name(b, e.track_id), "");
  } else if (e.kind == TrackEvent::Kind::Merged) {
    add_event(e.t, EventType::TrackMerged, track_name(b, e.track_id), track_name(b, e.into), "", 0.0, to_string(e.rule));
  }
}

void Recorder::fire_order(const Battalion& b, const FireOrder& o, double t) {
  const LauncherConfig& c = b.launchers[o.launcher_index].config();
  add_event(t, EventType::Assign, c.name, track_name(b, o.track_id), "", o.expected_pk,
            fmt::format("expected Pk; launch at {:.2f} s; window closes at {:.2f} s{}", o.launch_time_s, o.latest_launch_s,
                        o.no_time_to_look ? "; salvo: no time to look" : ""));
}

void Recorder::launch_cancelled(const Battalion& b, const FireOrder& o, double t, bool coasting) {
  const LauncherConfig& c = b.launchers[o.launcher_index].config();
  add_event(t, EventType::LaunchCancelled, c.name, track_name(b, o.track_id), "", 0.0,
            coasting ? "track coasting at the launch; the round stays aboard" : "track dropped before the launch; the round stays aboard");
}

void Recorder::refused(const Battalion& b, const RefusedShot& r, double t, const std::vector<TruthView>& views,
                       const std::vector<Threat>& threats) {
  const LauncherConfig& c = b.launchers[r.launcher_index].config();
  Vec3 p, v;
  const int truth = b.track_ecef(r.track_id, t, p, v) ? nearest_truth(p, views, kScoringGateM) : -1;
  if (truth >= 0) ++rec_.threats[truth].refusals[to_string(r.reason)];
  std::string why;
  if (r.reason == Refusal::Turnover || r.reason == Refusal::MinFlightTime)
    why = fmt::format("flight {:.2f} s, needs {:.2f} s", r.time_of_flight_s, r.needed_s);
  else if (r.reason == Refusal::ShortWindow)
    why = fmt::format("window closes within {:.1f} s of the launch", r.needed_s);
  else if (r.reason == Refusal::TurnLimit)
    why = fmt::format("end game demands {:.1f} g at {:.0f} m altitude", r.needed_s, r.altitude_m);
  else if (r.reason == Refusal::RemoteAccuracy)
    why = "the remote track's error leaves the target outside the seeker's basket";
  else if (r.reason == Refusal::WeaponsControl)
    why = fmt::format("weapons {}, track identified {}", to_string(r.control), to_string(r.identity));
  else if (r.reason == Refusal::AwaitingIff)
    why = fmt::format("weapons free, track unknown, its IFF answer due in {:.1f} s", r.needed_s);
  else if (r.reason == Refusal::ReactionTime)
    why = fmt::format("intercept at {:.2f} s, after the threat's arrival", r.intercept_time_s);
  else
    why = fmt::format("intercept point at {:.0f} m altitude", r.altitude_m);
  add_event(t, EventType::Refused, c.name, track_name(b, r.track_id), "", r.time_of_flight_s,
            fmt::format("{}; launch at {:.2f} s; {}; {}", to_string(r.reason), r.launch_time_s, why,
                        truth >= 0 ? threats[truth].spec().name : "false track"));
}

void Recorder::retarget(const Battalion& b, const Retarget& r, int record, double t, const std::vector<TruthView>& views,
                        const std::vector<Threat>& threats) {
  const InterceptorRecord& ir = rec_.interceptors[static_cast<std::size_t>(record)];
  Vec3 p, v;
  const int truth = b.track_ecef(r.to_track, t, p, v) ? nearest_truth(p, views, kScoringGateM) : -1;
  add_event(t, EventType::Retarget, ir.name, track_name(b, r.to_track), ir.layer, r.p_to,
            fmt::format("from {} (P(warhead) {:.3f}) to P(warhead) {:.3f}; {}", track_name(b, r.from_track), r.p_from, r.p_to,
                        truth >= 0 ? threats[truth].spec().name : "false track"));
}

void Recorder::seeker_break_lock(int record, double t, const std::string& target, double reacquire_s) {
  const InterceptorRecord& ir = rec_.interceptors[static_cast<std::size_t>(record)];
  add_event(t, EventType::SeekerBreakLock, ir.name, target, ir.layer, reacquire_s,
            fmt::format("deception: the repeater stopped after pulling the range/velocity gates off; no re-acquisition for {:.2f} s",
                        reacquire_s));
}

void Recorder::radar_lost(const Battalion& b, int radar, double t, const std::string& cause) {
  add_event(t, EventType::RadarLost, b.spec->name + "/" + b.spec->radars[radar].name, "", "", 0.0, cause);
}

void Recorder::handover(const Battalion& from, const Battalion* to, double t) {
  add_event(t, EventType::Handover, from.spec->name, to ? to->spec->name : "", "", 0.0,
            to ? "sector handed over: fire-control radar lost" : "no battalion left to take the sector");
}

void Recorder::reload(const Battalion& b, const ReloadEvent& e) {
  const Launcher& l = b.launchers[e.launcher];
  if (e.done) add_event(e.t, EventType::Reloaded, l.config().name, b.spec->name, "", e.rounds, "loaded");
  else add_event(e.t, EventType::Reload, l.config().name, b.spec->name, "", e.rounds, fmt::format("transloader; ready at {:.2f} s", e.done_t));
}

std::pair<int, int> Recorder::launch(const Battalion& b, const FireOrder& o, const Launcher& l, const InterceptorClass& cls,
                                     double t, const std::vector<TruthView>& views, const std::vector<Threat>& threats) {
  InterceptorRecord r;
  r.id = static_cast<int>(rec_.interceptors.size());
  r.name = fmt::format("I{}", r.id + 1);
  r.layer = cls.layer;
  r.interceptor_class = cls.name;
  r.launcher = l.config().name;
  r.battalion = b.spec->name;
  r.launch_time_s = t;
  r.track_id = o.track_id;
  r.unit_cost = cls.unit_cost;
  // Scoring: the threat nearest the track now (the track may have changed target since confirmation).
  Vec3 p, v;
  const int truth = b.track_ecef(o.track_id, t, p, v) ? nearest_truth(p, views, kScoringGateM) : -1;
  if (truth >= 0) {
    r.threat = threats[truth].spec().name;
    ThreatRecord& tr = rec_.threats[truth];
    ++tr.interceptors_fired;
    if (tr.first_launch_s < 0) tr.first_launch_s = t;
  }
  rec_.interceptors.push_back(r);
  interceptor_truth_.push_back(truth);
  if (missed_kill_tracks_.count({b.index, o.track_id})) ++rec_.kill_assessment.rounds_after_missed_kill;
  add_event(t, EventType::Launch, r.name, track_name(b, o.track_id), r.layer, 0.0,
            fmt::format("{} from {} at {}", cls.name, r.launcher, r.threat.empty() ? "false track" : r.threat));
  int trajectory = -1;
  if (trajectories_) {
    trajectory = static_cast<int>(rec_.trajectories.size());
    rec_.trajectories.push_back({r.name, "interceptor:" + r.layer, {}});
    append_sample(trajectory, t, l.config().site);
  }
  return {r.id, trajectory};
}

void Recorder::interceptor_outcome(int record, int trajectory, const Interceptor& m, const std::vector<Threat>& threats) {
  InterceptorRecord& r = rec_.interceptors[record];
  const InterceptorOutcome& out = m.outcome();
  r.outcome = outcome_name(out.state);
  r.outcome_time_s = out.t;
  r.miss_distance_m = out.miss_distance_m;
  const std::string target = out.truth_id >= 0 ? threats[out.truth_id].spec().name : r.threat;
  EventType type = EventType::SelfDestruct;
  if (out.state == InterceptorState::Killed) {
    type = EventType::Intercept;
    ThreatRecord& tr = rec_.threats[out.truth_id];
    tr.outcome = "killed";
    tr.outcome_time_s = out.t;
    tr.killed_by_layer = r.layer;
    r.killed_threat = target;
    interceptor_truth_[record] = out.truth_id;
    // The interceptor was scored at launch against the threat nearest its track; when the track had
    // taken over a neighbour's identity, the kill shows which threat it was really engaging.
    if (tr.first_launch_s < 0 || tr.first_launch_s > r.launch_time_s) tr.first_launch_s = r.launch_time_s;
    append_sample(threat_trajectory_[out.truth_id], out.t, threats[out.truth_id].geodetic());
  } else if (out.state == InterceptorState::Missed) {
    type = EventType::Miss;
  }
  add_event(out.t, type, r.name, target, r.layer, out.miss_distance_m, *out.reason ? r.outcome + ": " + out.reason : r.outcome);
  append_sample(trajectory, out.t, geodetic_from_ecef(m.pos()));
}

void Recorder::kill_assessed(const Battalion& b, int track_id, double t, int record, const KillAssessment& a) {
  KillAssessmentTally& k = rec_.kill_assessment;
  ++k.assessed;
  ++(a.killed ? k.assessed_killed : k.assessed_survived);
  const int truth = interceptor_truth_[record];
  const std::string& outcome = truth >= 0 ? rec_.threats[truth].outcome : std::string();
  std::string score;
  if (a.killed && outcome == "active") {
    ++k.false_kills;
    score = "; false kill: the threat still flies";
  } else if (!a.killed && outcome == "killed") {
    ++k.missed_kills;
    missed_kill_tracks_.insert({b.index, track_id});
    score = "; missed kill: the threat was killed";
  }
  add_event(t, a.killed ? EventType::AssessedKilled : EventType::AssessedSurvived, track_name(b, track_id),
            truth >= 0 ? rec_.threats[truth].name : "false track", rec_.interceptors[record].layer, 0.0,
            fmt::format("{} ({}){}{}", to_string(a.evidence), rec_.interceptors[record].name,
                        a.assessor_error ? "; assessor error" : "", score));
}

void Recorder::sample(double t, const std::vector<Threat>& threats,
                      const std::vector<std::pair<int, const Interceptor*>>& flights) {
  if (!trajectories_ || t + 1e-9 < next_sample_t_) return;
  next_sample_t_ += sample_period_;
  rec_.sample_times.push_back(t);
  for (const Threat& th : threats)
    if (th.alive()) append_sample(threat_trajectory_[th.id()], t, th.geodetic());
  for (const auto& [trajectory, m] : flights)
    if (m->flying()) append_sample(trajectory, t, geodetic_from_ecef(m->pos()));
}

RunRecord Recorder::finish(long long steps, double end_time_s, int rounds_remaining, int magazine_remaining) {
  rec_.steps = steps;
  rec_.end_time_s = end_time_s;
  rec_.rounds_remaining = rounds_remaining;
  rec_.magazine_remaining = magazine_remaining;
  return std::move(rec_);
}

}  // namespace skyshield
