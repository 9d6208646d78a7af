#include "record/summary.hpp"

#include <fmt/format.h>

namespace skyshield {

namespace {
int layer_index(const RunRecord& run, const std::string& layer) {
  for (std::size_t i = 0; i < run.layers.size(); ++i)
    if (run.layers[i] == layer) return static_cast<int>(i);
  return -1;
}

void add_threat(ClassSummary& c, const ThreatRecord& t, int layer, std::size_t n_layers, double& det_sum) {
  if (c.killed_by_layer.empty()) c.killed_by_layer.assign(n_layers, 0);
  ++c.count;
  if (t.outcome == "killed") {
    ++c.killed;
    if (layer >= 0) ++c.killed_by_layer[layer];
  } else if (t.outcome == "leaked") {
    ++c.leaked;
  } else {
    ++c.active;
  }
  c.interceptors_fired += t.interceptors_fired;
  if (t.interceptors_fired > 0) ++c.engaged;
  for (const auto& [reason, n] : t.refusals) c.refusals[reason] += n;
  if (t.first_detection_s >= 0) {
    ++c.detected;
    det_sum += t.first_detection_s - t.launch_time_s;
  }
}
BallisticDefenceSummary ballistic_defence(const RunRecord& run) {
  BallisticDefenceSummary b;
  double launch_sum = 0.0, track_sum = 0.0;
  for (const ThreatRecord& t : run.threats) {
    if (t.outcome == "not_launched" || t.cls != ThreatClass::BallisticMissile) continue;
    if (t.decoy) {
      b.rounds_at_non_warheads += t.interceptors_fired;
      continue;
    }
    ++b.warheads;
    b.warheads_killed += t.outcome == "killed";
    b.rounds_at_warheads += t.interceptors_fired;
    if (t.first_launch_s >= 0.0 && t.first_detection_s >= 0.0) {
      ++b.warheads_engaged;
      launch_sum += t.first_launch_s - t.first_detection_s;
    }
    if (t.first_track_s >= 0.0 && t.first_detection_s >= 0.0) {
      ++b.warheads_confirmed;
      track_sum += t.first_track_s - t.first_detection_s;
    }
  }
  for (const Event& e : run.events) b.retargets += e.type == EventType::Retarget;
  if (b.warheads_engaged > 0) b.detection_to_launch_mean_s = launch_sum / b.warheads_engaged;
  if (b.warheads_confirmed > 0) b.detection_to_track_mean_s = track_sum / b.warheads_confirmed;
  return b;
}
}  // namespace

Summary summarize(const RunRecord& run) {
  Summary s;
  const std::size_t nl = run.layers.size();
  std::array<double, kThreatClassCount> det_sum{};
  double total_det = 0.0;
  for (auto& c : s.by_class) c.killed_by_layer.assign(nl, 0);
  s.total.killed_by_layer.assign(nl, 0);
  s.decoys.killed_by_layer.assign(nl, 0);
  double decoy_det = 0.0;
  for (const ThreatRecord& t : run.threats) {
    if (t.outcome == "not_launched") continue;  // carried by a threat that died first
    const int layer = layer_index(run, t.killed_by_layer);
    if (t.friendly) {
      FriendlySummary& f = s.friendly;
      ++f.flights;
      f.fratricide += t.outcome == "killed";
      f.recovered += t.outcome == "recovered";
      f.engaged += t.interceptors_fired > 0;
      f.rounds_at_friends += t.interceptors_fired;
      continue;
    }
    if (!t.decoy && t.interceptors_fired == 0 && (t.refusals.count("weapons_control") || t.refusals.count("awaiting_iff"))) {
      ++s.friendly.hostiles_withheld;
      s.friendly.hostiles_withheld_leaked += t.outcome == "leaked";
    }
    if (t.decoy) {
      add_threat(s.decoys, t, layer, nl, decoy_det);
      continue;
    }
    add_threat(s.by_class[static_cast<int>(t.cls)], t, layer, nl, det_sum[static_cast<int>(t.cls)]);
    add_threat(s.total, t, layer, nl, total_det);
  }
  s.bmd = ballistic_defence(run);
  s.sead = sead_summary(run);
  if (s.decoys.detected > 0) s.decoys.first_detection_mean_s = decoy_det / s.decoys.detected;
  for (int c = 0; c < kThreatClassCount; ++c)
    if (s.by_class[c].detected > 0) s.by_class[c].first_detection_mean_s = det_sum[c] / s.by_class[c].detected;
  if (s.total.detected > 0) s.total.first_detection_mean_s = total_det / s.total.detected;

  s.by_layer.assign(nl, {});
  for (const InterceptorRecord& i : run.interceptors) {
    const int l = layer_index(run, i.layer);
    for (LayerSummary* ls : {&s.interceptors, l >= 0 ? &s.by_layer[l] : nullptr}) {
      if (!ls) continue;
      ++ls->fired;
      ls->cost += i.unit_cost;
      if (i.outcome == "killed") ++ls->kills;
      else if (i.outcome == "missed") ++ls->misses;
      else if (i.outcome == "flying") ++ls->flying;
      else ++ls->self_destructs;
    }
  }
  return s;
}

std::string summary_table(const RunRecord& run, const Summary& s) {
  std::string out;
  out += fmt::format("\nScenario '{}', seed {}: {:.1f} s simulated in {} steps of {} s{}\n\n", run.scenario, run.seed,
                     run.end_time_s, run.steps, run.step_s, run.fast_model ? " (fast model: docs/fidelity.md)" : "");
  std::string header = fmt::format("{:<18} {:>6} {:>7}", "threat class", "count", "killed");
  for (const auto& l : run.layers) header += fmt::format(" {:>5}", l);
  header += fmt::format(" {:>7} {:>7} {:>6} {:>10}\n", "leaked", "active", "fired", "1st det s");
  out += header + std::string(header.size() - 1, '-') + "\n";
  auto row = [&](const std::string& name, const ClassSummary& c) {
    std::string r = fmt::format("{:<18} {:>6} {:>7}", name, c.count, c.killed);
    for (int k : c.killed_by_layer) r += fmt::format(" {:>5}", k);
    const std::string det = c.first_detection_mean_s >= 0 ? fmt::format("{:.1f}", c.first_detection_mean_s) : "-";
    return r + fmt::format(" {:>7} {:>7} {:>6} {:>10}\n", c.leaked, c.active, c.interceptors_fired, det);
  };
  for (ThreatClass c : kAllThreatClasses)
    if (s.by_class[static_cast<int>(c)].count > 0) out += row(std::string(to_string(c)), s.by_class[static_cast<int>(c)]);
  out += std::string(header.size() - 1, '-') + "\n" + row("total", s.total);
  if (s.decoys.count > 0) out += row("decoys/debris", s.decoys);
  if (s.bmd.warheads > 0) {
    const BallisticDefenceSummary& b = s.bmd;
    const auto opt = [](double v) { return v >= 0 ? fmt::format("{:.1f} s", v) : std::string("-"); };
    out += fmt::format("ballistic warheads: {} of {} killed; rounds at warheads {}, at decoys/boosters/debris {} ({:.0f} %); "
                       "first detection to confirmed track {}, to first launch {}\n",
                       b.warheads_killed, b.warheads, b.rounds_at_warheads, b.rounds_at_non_warheads, 100.0 * b.non_warhead_share(),
                       opt(b.detection_to_track_mean_s), opt(b.detection_to_launch_mean_s));
  }
  if (s.friendly.flights > 0 || s.friendly.hostiles_withheld > 0) {
    const FriendlySummary& f = s.friendly;
    out += fmt::format("friendly flights: {}; killed by our rounds (fratricide) {}; engaged {} (rounds at friends {}); recovered {}\n"
                       "hostiles withheld by weapons control and never engaged: {} ({} leaked)\n",
                       f.flights, f.fratricide, f.engaged, f.rounds_at_friends, f.recovered, f.hostiles_withheld,
                       f.hostiles_withheld_leaked);
  }
  if (s.sead.any()) {  // docs/sead.md
    const SeadSummary& d = s.sead;
    out += fmt::format("SEAD: ARMs {} (killed {}, reached their end {}); radars lost {} (restored {}), silent under EMCON {:.0f} radar-s; "
                       "decoy emitters destroyed {}; rounds at air-launched decoys {} (of {} decoys)\n",
                       d.arms, d.arms_killed, d.arms_leaked, d.radars_lost, d.radars_restored, d.radar_silent_s,
                       d.decoy_emitters_hit, d.rounds_at_air_decoys, d.air_decoys);
  }
  out += fmt::format("\n{:<18} {:>6} {:>6} {:>6} {:>8} {:>7} {:>8}\n", "interceptor layer", "fired", "kills", "misses",
                     "aborted", "flying", "cost");
  for (std::size_t l = 0; l < run.layers.size(); ++l) {
    const LayerSummary& ls = s.by_layer[l];
    out += fmt::format("{:<18} {:>6} {:>6} {:>6} {:>8} {:>7} {:>8.1f}\n", run.layers[l], ls.fired, ls.kills, ls.misses,
                       ls.self_destructs, ls.flying, ls.cost);
  }
  const LayerSummary& a = s.interceptors;
  out += fmt::format("{:<18} {:>6} {:>6} {:>6} {:>8} {:>7} {:>8.1f}\n", "all", a.fired, a.kills, a.misses,
                     a.self_destructs, a.flying, a.cost);
  out += fmt::format("\nRounds left in the launchers: {}", run.rounds_remaining);
  out += run.magazine_remaining > 0 ? fmt::format(", in the reload magazines: {}\n", run.magazine_remaining) : "\n";
  if (!run.track_quality.empty()) out += track_quality_table(run.track_metrics, run.track_quality);
  return out;
}

std::string track_quality_table(const OspaParams& params, const std::vector<TrackScoreSummary>& pictures) {
  std::string out = fmt::format("\nAir picture vs truth (c = {:.0f} m, p = {:g}; means over scoring instants)\n", params.cutoff_m,
                                params.order);
  out += fmt::format("{:<18} {:>8} {:>9} {:>8} {:>7} {:>7} {:>9} {:>7} {:>7} {:>7} {:>11}\n", "picture", "OSPA m", "GOSPA m",
                     "RMS m", "missed", "false", "switches", "merges", "wrong", "breaks", "continuity");
  for (const TrackScoreSummary& q : pictures) {
    const TrackQualitySummary& t = q.summary;
    out += fmt::format("{:<18} {:>8.0f} {:>9.0f} {:>8.0f} {:>7.2f} {:>7.2f} {:>9} {:>7} {:>7} {:>7} {:>11.3f}\n", q.scope,
                       t.mean_ospa_m, t.mean_gospa_m, t.rms_localisation_m, t.mean_missed, t.mean_false, t.identity_switches,
                       t.identity_merges, t.false_merges, t.track_breaks, t.continuity);
  }
  return out;
}

}  // namespace skyshield
