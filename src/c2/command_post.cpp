#include "c2/command_post.hpp"

#include <algorithm>

#include "c2/wta.hpp"

namespace skyshield {

CommandPost::CommandPost(std::vector<DefendedAsset> assets, std::vector<Vec3> assets_enu, DoctrineParams doctrine)
    : assets_(std::move(assets)), assets_enu_(std::move(assets_enu)), doctrine_(doctrine) {}

EngagementState& CommandPost::engagement(int track_id) {
  for (EngagementState& e : engagements_)
    if (e.track_id == track_id) return e;
  engagements_.push_back({track_id, 0, 0, false});
  return engagements_.back();
}

void CommandPost::report_outcome(int track_id, bool killed) {
  EngagementState& e = engagement(track_id);
  e.in_flight = std::max(0, e.in_flight - 1);
  if (killed) e.assessed_killed = true;
}

void CommandPost::mark_killed(int track_id) { engagement(track_id).assessed_killed = true; }

void CommandPost::drop_track(int track_id) {
  engagements_.erase(std::remove_if(engagements_.begin(), engagements_.end(),
                                    [&](const EngagementState& e) { return e.track_id == track_id; }),
                     engagements_.end());
}

std::vector<FireOrder> CommandPost::decide(const CommandPostInputs& in) {
  assessment_ = evaluate_threats(*in.tracks, assets_, assets_enu_);
  std::vector<FireOrder> orders;
  // Eligible threats under doctrine.
  std::vector<const ThreatAssessment*> threats;
  std::vector<const Track*> threat_tracks;
  for (const ThreatAssessment& a : assessment_) {
    if (a.asset_index < 0) continue;
    const EngagementState& e = engagement(a.track_id);
    if (e.assessed_killed || e.in_flight >= doctrine_.salvo_size || e.shots >= doctrine_.max_shots_per_threat) continue;
    if (std::find(in.engaged_elsewhere.begin(), in.engaged_elsewhere.end(), a.track_id) != in.engaged_elsewhere.end()) continue;
    for (const Track& tr : *in.tracks)
      if (tr.id == a.track_id) { threats.push_back(&a); threat_tracks.push_back(&tr); }
  }
  // Ready launchers: one round each per cycle.
  std::vector<int> weapons;
  for (std::size_t l = 0; l < in.launchers->size(); ++l)
    if ((*in.launchers)[l].ready(in.t)) weapons.push_back(static_cast<int>(l));
  if (threats.empty() || weapons.empty() || in.free_missile_channels <= 0) return orders;

  WtaProblem p;
  p.pk = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(weapons.size()), static_cast<Eigen::Index>(threats.size()));
  std::vector<std::vector<InterceptSolution>> sol(weapons.size(), std::vector<InterceptSolution>(threats.size()));
  for (std::size_t j = 0; j < threats.size(); ++j) {
    p.value.push_back(threats[j]->priority);
    const EngagementState& e = engagement(threats[j]->track_id);
    p.max_per_target.push_back(doctrine_.salvo_size - e.in_flight);
    for (std::size_t i = 0; i < weapons.size(); ++i) {
      const Launcher& l = (*in.launchers)[weapons[i]];
      const InterceptorClass& cls = (*in.classes)[l.config().interceptor_class];
      const bool ballistic = threats[j]->cls == ThreatClass::BallisticMissile;
      sol[i][j] = solve_intercept(*threat_tracks[j], ballistic, cls, in.launchers_enu[weapons[i]],
                                  in.t + l.config().reaction_time_s, in.frame_origin_alt_m, in.t + threats[j]->time_to_go_s);
      if (sol[i][j].feasible)
        p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = cls.pk_in_lethal_radius[static_cast<int>(threats[j]->cls)];
    }
  }
  if (doctrine_.outer_layers_first) {
    // Keep, per threat, only the weapons of the longest-range class that has a solution.
    for (std::size_t j = 0; j < threats.size(); ++j) {
      double outer = 0.0;
      for (std::size_t i = 0; i < weapons.size(); ++i)
        if (p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) > 0.0)
          outer = std::max(outer, (*in.classes)[(*in.launchers)[weapons[i]].config().interceptor_class].max_range_m);
      for (std::size_t i = 0; i < weapons.size(); ++i)
        if ((*in.classes)[(*in.launchers)[weapons[i]].config().interceptor_class].max_range_m < outer)
          p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    }
  }
  // Already engaged threats hold a target channel; only new ones need a free one.
  int already = 0;
  for (const auto* a : threats)
    if (engagement(a->track_id).in_flight > 0) ++already;
  p.max_targets = in.free_target_channels + already;
  p.max_weapons = in.free_missile_channels;
  WtaLimits limits;
  limits.max_nodes = doctrine_.wta_max_nodes;
  const std::vector<int> assignment = solve_wta(p, doctrine_.wta_solver, limits).assignment;
  for (std::size_t i = 0; i < assignment.size(); ++i) {
    const int j = assignment[i];
    if (j < 0) continue;
    Launcher& l = (*in.launchers)[weapons[i]];
    FireOrder o;
    o.launcher_index = weapons[i];
    o.track_id = threats[j]->track_id;
    o.order_time_s = in.t;
    o.launch_time_s = l.accept_order(in.t);
    o.pip_enu = sol[i][j].pip_enu;
    o.expected_pk = p.pk(static_cast<Eigen::Index>(i), j);
    o.priority = threats[j]->priority;
    EngagementState& e = engagement(o.track_id);
    ++e.in_flight;
    ++e.shots;
    orders.push_back(o);
  }
  return orders;
}

}  // namespace skyshield
