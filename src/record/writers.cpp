#include "record/writers.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "tracking/detection_file.hpp"

namespace skyshield {

std::string events_csv(const RunRecord& run) {
  std::string out = "t_s,event,entity,target,layer,value,detail\n";
  for (const Event& e : run.events)
    out += fmt::format("{:.2f},{},{},{},{},{:.3f},{}\n", e.t, to_string(e.type), csv_field(e.entity), csv_field(e.target), csv_field(e.layer),
                       e.value, csv_field(e.detail));
  return out;
}

std::string track_metrics_csv(const std::vector<TrackScoreRow>& rows) {
  std::string out = "t_s,picture,truths,tracks,ospa_m,gospa_m,gospa_localisation,gospa_missed,gospa_false,missed,false_tracks\n";
  for (const TrackScoreRow& r : rows) {
    const TrackQualitySample& q = r.sample;
    out += fmt::format("{:.2f},{},{},{},{:.1f},{:.1f},{:.6g},{:.6g},{:.6g},{},{}\n", q.t, csv_field(r.scope), q.truths, q.tracks, q.ospa,
                       q.gospa.distance, q.gospa.localisation, q.gospa.missed, q.gospa.false_tracks, q.gospa.missed_count,
                       q.gospa.false_count);
  }
  return out;
}

std::string truth_csv(const RunRecord& run) {
  struct Row {
    double t;
    const std::string* name;
    Geodetic p;
  };
  // One complete set per instant: the samples taken at the recorder's sampling instants (every object
  // in flight), not the extra ones at a threat's appearance, kill or leak between two instants.
  std::vector<Row> rows;
  for (const Trajectory& tr : run.trajectories) {
    if (tr.kind.rfind("interceptor", 0) == 0) continue;
    for (const TrajectorySample& s : tr.samples)
      if (std::binary_search(run.sample_times.begin(), run.sample_times.end(), s.t)) rows.push_back({s.t, &tr.name, s.p});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.t < b.t; });
  std::string out = std::string(kTruthCsvHeader) + "\n";
  for (const Row& r : rows)
    out += fmt::format("{:.2f},{},{:.7f},{:.7f},{:.1f}\n", r.t, csv_field(*r.name), r.p.lat_deg, r.p.lon_deg, r.p.alt_m);
  return out;
}

std::string trajectories_csv(const RunRecord& run) {
  std::string out = "t_s,name,kind,lat_deg,lon_deg,alt_m\n";
  for (const Trajectory& tr : run.trajectories)
    for (const TrajectorySample& s : tr.samples)
      out += fmt::format("{:.2f},{},{},{:.7f},{:.7f},{:.1f}\n", s.t, csv_field(tr.name), csv_field(tr.kind), s.p.lat_deg, s.p.lon_deg,
                         s.p.alt_m);
  return out;
}

namespace {
nlohmann::json class_json(const RunRecord& run, const ClassSummary& c) {
  nlohmann::json j;
  j["count"] = c.count;
  j["killed"] = c.killed;
  nlohmann::json by_layer = nlohmann::json::object();
  for (std::size_t l = 0; l < run.layers.size(); ++l) by_layer[run.layers[l]] = c.killed_by_layer[l];
  j["killed_by_layer"] = by_layer;
  j["leaked"] = c.leaked;
  j["active_at_end"] = c.active;
  j["interceptors_fired"] = c.interceptors_fired;
  j["detected"] = c.detected;
  j["mean_time_to_first_detection_s"] = c.first_detection_mean_s >= 0 ? nlohmann::json(c.first_detection_mean_s) : nlohmann::json();
  j["refusals"] = c.refusals;  // by reason (c2/shot_refusal.hpp)
  return j;
}
nlohmann::json optional_time(double t) { return t >= 0 ? nlohmann::json(t) : nlohmann::json(); }
}  // namespace

std::string summary_json(const RunRecord& run, const Summary& s) {
  nlohmann::ordered_json j;
  j["scenario"] = run.scenario;
  j["seed"] = run.seed;
  j["step_s"] = run.step_s;
  j["end_time_s"] = run.end_time_s;
  j["steps"] = run.steps;
  if (run.fast_model) j["fidelity"] = "fast";   // only then: a full run's summary.json is unchanged
  j["layers"] = run.layers;
  j["total"] = class_json(run, s.total);
  nlohmann::ordered_json by_class = nlohmann::ordered_json::object();
  for (ThreatClass c : kAllThreatClasses)
    if (s.by_class[static_cast<int>(c)].count > 0) by_class[std::string(to_string(c))] = class_json(run, s.by_class[static_cast<int>(c)]);
  j["by_class"] = by_class;
  if (s.decoys.count > 0) j["decoys"] = class_json(run, s.decoys);
  if (s.bmd.warheads > 0) {
    const BallisticDefenceSummary& b = s.bmd;
    j["ballistic_defence"] = {{"warheads", b.warheads}, {"warheads_killed", b.warheads_killed},
                              {"warhead_kill_probability", b.kill_probability()}, {"rounds_at_warheads", b.rounds_at_warheads},
                              {"rounds_at_non_warheads", b.rounds_at_non_warheads}, {"non_warhead_share", b.non_warhead_share()},
                              {"rounds_per_warhead_killed", b.warheads_killed > 0 ? nlohmann::json(double(b.rounds_at_warheads + b.rounds_at_non_warheads) / b.warheads_killed) : nlohmann::json()},
                              {"warheads_engaged", b.warheads_engaged}, {"retargets", b.retargets}, {"detection_to_first_launch_mean_s", optional_time(b.detection_to_launch_mean_s)},
                              {"warheads_confirmed", b.warheads_confirmed}, {"detection_to_confirmed_track_mean_s", optional_time(b.detection_to_track_mean_s)}};
  }
  if (s.friendly.flights > 0 || s.friendly.hostiles_withheld > 0) {  // docs/identification.md
    const FriendlySummary& f = s.friendly;
    j["friendly"] = {{"flights", f.flights}, {"fratricide", f.fratricide}, {"engaged", f.engaged},
                     {"rounds_at_friends", f.rounds_at_friends}, {"recovered", f.recovered},
                     {"hostiles_withheld_unengaged", f.hostiles_withheld}, {"hostiles_withheld_leaked", f.hostiles_withheld_leaked}};
  }
  if (s.sead.any()) {  // docs/sead.md
    const SeadSummary& d = s.sead;
    j["sead"] = {{"arms", d.arms}, {"arms_killed", d.arms_killed}, {"arms_leaked", d.arms_leaked}, {"radars_lost", d.radars_lost},
                 {"radars_restored", d.radars_restored}, {"radar_silent_s", d.radar_silent_s}, {"decoy_emitters_hit", d.decoy_emitters_hit},
                 {"air_decoys", d.air_decoys}, {"rounds_at_air_decoys", d.rounds_at_air_decoys}};
  }
  nlohmann::ordered_json layers = nlohmann::ordered_json::object();
  auto layer_json = [](const LayerSummary& l) {
    return nlohmann::ordered_json{{"fired", l.fired}, {"kills", l.kills}, {"misses", l.misses},
                                  {"self_destructs", l.self_destructs}, {"flying_at_end", l.flying}, {"cost", l.cost}};
  };
  for (std::size_t l = 0; l < run.layers.size(); ++l) layers[run.layers[l]] = layer_json(s.by_layer[l]);
  j["interceptors_by_layer"] = layers;
  j["interceptors"] = layer_json(s.interceptors);
  j["rounds_remaining"] = run.rounds_remaining;
  j["magazine_remaining"] = run.magazine_remaining;
  const KillAssessmentTally& ka = run.kill_assessment;   // scored against the truth, for the analyst
  j["kill_assessment"] = {{"assessed", ka.assessed}, {"assessed_killed", ka.assessed_killed},
                          {"assessed_survived", ka.assessed_survived}, {"false_kills", ka.false_kills},
                          {"missed_kills", ka.missed_kills}, {"rounds_after_missed_kill", ka.rounds_after_missed_kill}};
  nlohmann::ordered_json timeline = nlohmann::ordered_json::array();
  for (const ThreatRecord& t : run.threats) {
    timeline.push_back({{"name", t.name}, {"type", t.type}, {"class", std::string(to_string(t.cls))},
                        {"launch_time_s", t.launch_time_s}, {"first_detection_s", optional_time(t.first_detection_s)},
                        {"first_track_s", optional_time(t.first_track_s)}, {"first_launch_at_s", optional_time(t.first_launch_s)},
                        {"outcome", t.outcome}, {"outcome_time_s", optional_time(t.outcome_time_s)},
                        {"killed_by_layer", t.killed_by_layer.empty() ? nlohmann::json() : nlohmann::json(t.killed_by_layer)},
                        {"interceptors_fired", t.interceptors_fired}, {"refusals", t.refusals},
                        {"impact_miss_m", t.impact_miss_m >= 0 ? nlohmann::json(t.impact_miss_m) : nlohmann::json()}});
    if (t.external) timeline.back()["external"] = true;  // flown by another simulator (DIS)
    if (t.friendly) timeline.back()["friendly"] = t.mission;  // a friendly flight and its mission
  }
  j["threats"] = timeline;
  nlohmann::ordered_json quality = nlohmann::ordered_json::object();
  for (const TrackScoreSummary& q : run.track_quality) {
    const TrackQualitySummary& t = q.summary;
    quality[q.scope] = {{"instants", t.samples}, {"mean_ospa_m", t.mean_ospa_m}, {"mean_gospa_m", t.mean_gospa_m},
                        {"rms_localisation_m", t.rms_localisation_m}, {"mean_missed", t.mean_missed},
                        {"mean_false", t.mean_false}, {"identity_switches", t.identity_switches},
                        {"identity_merges", t.identity_merges}, {"false_merges", t.false_merges},
                        {"track_breaks", t.track_breaks}, {"continuity", t.continuity}};
    // Instants whose scores are upper bounds (a crowd: tracking/ospa.hpp); absent when none.
    if (t.upper_bound_samples > 0) quality[q.scope]["upper_bound_instants"] = t.upper_bound_samples;
  }
  j["track_quality"] = {{"cutoff_m", run.track_metrics.cutoff_m}, {"order", run.track_metrics.order},
                        {"alpha", run.track_metrics.alpha}, {"pictures", quality}};
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";  // never throws on non-UTF-8 names
}

}  // namespace skyshield
