#include "c2/command_post.hpp"

#include <algorithm>
#include <cmath>

#include "c2/kill_probability.hpp"
#include "c2/wta.hpp"
#include "core/units.hpp"

namespace skyshield {

CommandPost::CommandPost(std::vector<DefendedAsset> assets, std::vector<Vec3> assets_enu, DoctrineParams doctrine)
    : assets_(std::move(assets)), assets_enu_(std::move(assets_enu)), doctrine_(doctrine) {}

EngagementState& CommandPost::engagement(int track_id) {
  // engagements_ keeps its order (first reference first); slot_ finds an entry in O(1), so a picture
  // of tens of thousands of tracks does not cost a linear search per track.
  const auto [it, added] = slot_.try_emplace(track_id, engagements_.size());
  if (added) engagements_.push_back({track_id, 0, 0, false, Refusal::None, {}, false, false});
  return engagements_[it->second];
}

std::vector<Retarget> CommandPost::retarget(const std::vector<RoundInFlight>& rounds) {
  if (!doctrine_.retarget_in_flight || !doctrine_.discrimination.enabled || doctrine_.rv_threshold <= 0.0 || rounds.empty()) return {};
  std::vector<int> killed;
  for (const EngagementState& e : engagements_)
    if (e.assessed_killed) killed.push_back(e.track_id);
  std::vector<Retarget> out = plan_retargets(rounds, view_, discrimination_, doctrine_.rv_threshold,
                                             doctrine_.discrimination.companion_range_m, doctrine_.shot_rules, killed);
  for (const Retarget& r : out) {
    EngagementState& from = engagement(r.from_track);
    from.in_flight = std::max(0, from.in_flight - 1);
    EngagementState& to = engagement(r.to_track);
    ++to.in_flight;
    ++to.shots;
  }
  return out;
}

namespace {
bool is_ballistic(const ThreatAssessment& a) { return a.cls == ThreatClass::BallisticMissile; }

// The value a list sorted by track id holds for this track (identities, pending IFF answers), or null.
template <class T>
const T* by_track(const std::vector<std::pair<int, T>>* list, int track_id) {
  if (!list) return nullptr;
  const auto it = std::lower_bound(list->begin(), list->end(), track_id, [](const auto& e, int id) { return e.first < id; });
  return it != list->end() && it->first == track_id ? &it->second : nullptr;
}
}  // namespace

bool CommandPost::in_basket(const Track& track, const InterceptSolution& s, const InterceptorClass& cls, const Vec3& site) const {
  if (cls.seeker_range_m <= 0.0) return true;  // command guidance to the end: no basket to fill
  if (doctrine_.remote_basket_probability >= 1.0) return false;  // certainty: no track with an error gives it
  // The track's error across the approach at the uplink (as engagement_pk, c2/kill_probability.hpp).
  const Eigen::Matrix2d S = miss_plane_covariance(track, track.t, s.pip_enu - site);
  return circular_hit_probability(S, cls.seeker_basket_m) >= doctrine_.remote_basket_probability;
}

bool CommandPost::launch_feasible_after(const CommandPostInputs& in, const ThreatAssessment& a, const TargetPath& tr,
                                        const std::vector<int>& weapons, const std::vector<InterceptSolution>& solutions,
                                        bool after_intercept, double delay_s) const {
  for (std::size_t i = 0; i < weapons.size(); ++i) {
    if (!solutions[i].feasible) continue;
    const LauncherStatus& l = in.launchers[weapons[i]];
    const InterceptorClass& cls = (*in.classes)[l.interceptor_class];
    const double order = (after_intercept ? solutions[i].intercept_time_s : in.t) + delay_s;
    const InterceptSolution later = solve_intercept(tr, cls, in.launchers_enu[weapons[i]], order + l.reaction_time_s,
                                                    in.frame_origin_alt_m, in.t + a.time_to_go_s);
    if (later.feasible && refusal_of(later, cls, in.launchers_enu[weapons[i]], doctrine_.shot_rules, &tr) == Refusal::None) return true;
  }
  return false;
}

int CommandPost::salvo_room(const CommandPostInputs& in, const ThreatAssessment& a, const TargetPath& tr, int in_flight,
                            const std::vector<int>& weapons, const std::vector<InterceptSolution>& solutions,
                            bool& no_look) const {
  no_look = false;
  const int salvo = doctrine_.salvo_for(a.cls);
  if (salvo != 1 || in_flight > 0 || !doctrine_.salvo_when_no_look) return salvo - in_flight;
  // A look is possible when a second interceptor could still be launched after this one's intercept
  // has been assessed.
  if (launch_feasible_after(in, a, tr, weapons, solutions, true, doctrine_.kill_assessment_delay_s)) return 1;
  no_look = true;
  return 2;
}

void CommandPost::apply_reserves(const CommandPostInputs& in, const std::vector<int>& weapons,
                                 const std::vector<const ThreatAssessment*>& threats, Eigen::MatrixXd& pk) const {
  for (const StockReserve& r : doctrine_.reserves) {
    int rounds = 0;
    for (const LauncherStatus& l : in.launchers)
      if (l.interceptor_class == r.interceptor_class) rounds += l.rounds_left;
    // The first `free` ready launchers of the class (index order) may fire at anything; the others
    // only at the reserved threat classes, so that no assignment eats into the reserve.
    int free = std::max(0, rounds - r.rounds);
    for (std::size_t i = 0; i < weapons.size(); ++i) {
      if (in.launchers[weapons[i]].interceptor_class != r.interceptor_class) continue;
      if (free > 0) {
        --free;
        continue;
      }
      for (std::size_t j = 0; j < threats.size(); ++j)
        if (!r.for_class[static_cast<int>(threats[j]->cls)]) pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    }
  }
}

void CommandPost::keep_most_urgent(std::vector<const ThreatAssessment*>& threats, std::vector<const Track*>& tracks) {
  last_dropped_ = 0;
  if (threats.size() <= kMaxFireControlThreats) return;
  // The kMaxFireControlThreats highest priorities (ties: the earlier in the list), kept in list order.
  std::vector<std::size_t> order(threats.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  const auto more_urgent = [&](std::size_t a, std::size_t b) {
    return threats[a]->priority != threats[b]->priority ? threats[a]->priority > threats[b]->priority : a < b;
  };
  std::nth_element(order.begin(), order.begin() + kMaxFireControlThreats, order.end(), more_urgent);
  order.resize(kMaxFireControlThreats);
  std::sort(order.begin(), order.end());
  std::vector<const ThreatAssessment*> kept_threats;
  std::vector<const Track*> kept_tracks;
  for (std::size_t k : order) {
    kept_threats.push_back(threats[k]);
    kept_tracks.push_back(tracks[k]);
  }
  last_dropped_ = static_cast<int>(threats.size() - kept_threats.size());
  threats = std::move(kept_threats);
  tracks = std::move(kept_tracks);
}

const std::vector<Track>& CommandPost::ballistic_view(const CommandPostInputs& in) {
  view_ = *in.tracks;
  for (Track& t : view_) {
    if (t.status != TrackStatus::Confirmed) continue;
    if (t.classified == ThreatClass::BallisticMissile) {
      ballistic_ids_.insert(t.id);
    } else if (ballistic_ids_.count(t.id) || falling_object(t, in.frame_origin_alt_m)) {
      t.classified = ThreatClass::BallisticMissile;
      ballistic_ids_.insert(t.id);
    }
  }
  return view_;
}

double CommandPost::withhold_by_weapons_control(const CommandPostInputs& in, const Track& track, const std::vector<int>& weapons,
                                                std::vector<InterceptSolution>& solutions, RefusedShot& refused, bool& acceptable) const {
  if (!doctrine_.weapons_control.configured() && !in.identities) return -1.0;
  const Identity* known = by_track(in.identities, track.id);
  const Identity id = known ? *known : Identity::Unknown;
  const Vec3 p = track.position();
  const WeaponsControlStatus wcs = status_at(doctrine_.weapons_control, in.t, std::atan2(p.x(), p.y()) * kRadToDeg);
  double pending = -1.0;
  if (wcs == WeaponsControlStatus::Free && id == Identity::Unknown && doctrine_.weapons_control.iff_wait != IffWait::Never)
    if (const double* due = by_track(in.iff_pending, track.id)) pending = *due;
  const bool awaiting = pending >= 0.0 && doctrine_.weapons_control.iff_wait == IffWait::Always;
  if (may_engage(wcs, id) && !awaiting) return pending;
  const Refusal why = awaiting ? Refusal::AwaitingIff : Refusal::WeaponsControl;
  for (std::size_t i = 0; i < weapons.size(); ++i) {
    if (!solutions[i].feasible) continue;
    if (refused.reason != why) {
      const InterceptSolution& s = solutions[i];
      refused = {track.id, weapons[i], why, in.t + in.launchers[weapons[i]].reaction_time_s,
                 s.time_of_flight_s, awaiting ? pending : 0.0, s.altitude_m, s.intercept_time_s, id, wcs};
    }
    solutions[i].feasible = false;
  }
  acceptable = false;
  return -1.0;
}

void CommandPost::spare_decoys(const CommandPostInputs& in, const std::vector<Track>& picture, std::vector<const ThreatAssessment*>& threats,
                               std::vector<const Track*>& tracks) {
  if (doctrine_.decoy_threshold >= 1.0 || !doctrine_.decoy_discrimination.enabled) return;
  decoys_.update(picture, doctrine_.decoy_discrimination);
  const double th = doctrine_.decoy_threshold;
  // A real threat remains: a track threatening an asset, not assessed killed, judged no decoy, not
  // identified friend or assumed friend.
  const auto friendly = [&](int id) {
    const Identity* known = by_track(in.identities, id);
    return known && (*known == Identity::Friend || *known == Identity::AssumedFriend);
  };
  const bool real_remains = std::any_of(assessment_.begin(), assessment_.end(), [&](const ThreatAssessment& a) {
    const auto it = slot_.find(a.track_id);
    const bool killed = it != slot_.end() && engagements_[it->second].assessed_killed;
    return a.asset_index >= 0 && !killed && decoys_.p_decoy(a.track_id) <= th && !friendly(a.track_id);
  });
  if (!real_remains) return;
  std::size_t k = 0;
  for (std::size_t j = 0; j < threats.size(); ++j) {
    if (decoys_.p_decoy(tracks[j]->id) > th) continue;
    threats[k] = threats[j];
    tracks[k++] = tracks[j];
  }
  threats.resize(k);
  tracks.resize(k);
}

bool CommandPost::held_as_duplicate(const Track& tr, const std::vector<Track>& picture,
                                    const std::vector<std::pair<int, int>>& by_id) const {
  const int k = tr.duplicate_of;
  if (k < 0) return false;
  const auto it = slot_.find(k);
  const EngagementState* e = it == slot_.end() ? nullptr : &engagements_[it->second];
  if (e && e->in_flight > 0) return true;   // the object is engaged under the other number
  if (k > tr.id || (e && e->assessed_killed)) return false;
  // The lower number stands for the pair when it can be engaged itself.
  const auto p = std::lower_bound(by_id.begin(), by_id.end(), std::make_pair(k, -1));
  if (p == by_id.end() || p->first != k) return false;
  const Track& other = picture[static_cast<std::size_t>(p->second)];
  return fire_control_ready(other);
}

std::vector<FireOrder> CommandPost::decide(const CommandPostInputs& in) {
  ShotPlan plan = plan_shots(in);
  if (!plan.any) return {};
  WtaLimits limits;
  limits.max_nodes = doctrine_.wta_max_nodes;
  limits.time_limit_s = doctrine_.wta_time_limit_s;
  return issue(in, plan, solve_wta(plan.problem, doctrine_.wta_solver, limits).assignment);
}

ShotPlan CommandPost::plan_shots(const CommandPostInputs& in) {
  BallisticOptions bo;
  const std::vector<Track>* picture = in.tracks;
  if (doctrine_.discrimination.enabled) {
    picture = &ballistic_view(in);
    discrimination_ = discriminate(*picture, doctrine_.discrimination);
    bo.drag_aware = true;
    bo.sigma_margin = doctrine_.impact_sigma_margin;
    bo.frame_origin_alt_m = in.frame_origin_alt_m;
    bo.discrimination = &discrimination_;
  }
  assessment_ = evaluate_threats(*picture, assets_, assets_enu_, doctrine_.lethality, bo);
  refusals_.clear();
  ShotPlan plan;
  // Eligible threats under doctrine.
  std::vector<const ThreatAssessment*>& threats = plan.threats;
  std::vector<const Track*>& threat_tracks = plan.tracks;
  // Sorted look-ups instead of a scan of the picture per track (same order of results).
  std::vector<std::pair<int, int>> by_id;   // (track id, index in the picture)
  for (std::size_t k = 0; k < picture->size(); ++k) by_id.emplace_back((*picture)[k].id, static_cast<int>(k));
  std::sort(by_id.begin(), by_id.end());
  if (doctrine_.fire_control_hold_near_lost) note_engaged_estimates(*picture, by_id);
  std::vector<int> elsewhere = in.engaged_elsewhere;
  std::sort(elsewhere.begin(), elsewhere.end());
  for (const ThreatAssessment& a : assessment_) {
    if (a.asset_index < 0 || doctrine_.hold_fire[static_cast<int>(a.cls)]) continue;
    if (is_ballistic(a) && a.p_lethal < doctrine_.rv_threshold) continue;  // judged a decoy, booster or debris
    const EngagementState& e = engagement(a.track_id);
    if (e.assessed_killed || e.in_flight >= doctrine_.salvo_for(a.cls) || e.shots >= doctrine_.max_shots_per_threat) continue;
    if (std::binary_search(elsewhere.begin(), elsewhere.end(), a.track_id)) continue;
    for (auto it = std::lower_bound(by_id.begin(), by_id.end(), std::make_pair(a.track_id, -1));
         it != by_id.end() && it->first == a.track_id; ++it) {
      const Track& tr = (*picture)[static_cast<std::size_t>(it->second)];
      if (!fire_control_ready(tr)) continue;  // coasting, or not enough (recent) evidence of a target
      if (doctrine_.fire_control_hold_duplicates && held_as_duplicate(tr, *picture, by_id)) continue;
      if (doctrine_.fire_control_hold_near_lost && held_near_lost(tr)) continue;
      const bool mine = in.sectors.empty() || std::any_of(in.sectors.begin(), in.sectors.end(),
                                                          [&](const Sector& s) { return in_sector(s, tr.position()); });
      if (mine) {
        threats.push_back(&a);
        threat_tracks.push_back(&tr);
      }
    }
  }
  spare_decoys(in, *picture, threats, threat_tracks);
  keep_most_urgent(threats, threat_tracks);
  std::vector<int> remote = in.remote;
  std::sort(remote.begin(), remote.end());
  // Ready launchers: one round each per cycle.
  std::vector<int>& weapons = plan.weapons;
  for (std::size_t l = 0; l < in.launchers.size(); ++l)
    if (in.launchers[l].ready) weapons.push_back(static_cast<int>(l));
  if (threats.empty() || weapons.empty() || in.free_missile_channels <= 0) return plan;

  WtaProblem& p = plan.problem;
  p.pk = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(weapons.size()), static_cast<Eigen::Index>(threats.size()));
  // sol[j][i]: intercept of threat j by weapon i.
  std::vector<std::vector<InterceptSolution>>& sol = plan.solutions;
  sol.assign(threats.size(), std::vector<InterceptSolution>(weapons.size()));
  std::vector<char>& no_look = plan.no_look;
  no_look.assign(threats.size(), 0);
  std::vector<TargetPath>& paths = plan.paths;  // each threat's predicted path (drag-aware for a ballistic track)
  for (std::size_t j = 0; j < threats.size(); ++j) {
    paths.emplace_back(*threat_tracks[j], is_ballistic(*threats[j]), in.frame_origin_alt_m);
    paths.back().set_target_class(threats[j]->cls);  // the class envelopes apply (weapons/target_envelope.hpp)
  }
  for (std::size_t j = 0; j < threats.size(); ++j) {
    p.value.push_back(threats[j]->priority);
    const bool remote_j = std::binary_search(remote.begin(), remote.end(), threats[j]->track_id);
    RefusedShot refused;
    bool acceptable = false;
    for (std::size_t i = 0; i < weapons.size(); ++i) {
      const LauncherStatus& l = in.launchers[weapons[i]];
      const InterceptorClass& cls = (*in.classes)[l.interceptor_class];
      const Vec3& site = in.launchers_enu[weapons[i]];
      const double launch = in.t + l.reaction_time_s, deadline = in.t + threats[j]->time_to_go_s;
      sol[j][i] = solve_intercept(paths[j], cls, site, launch, in.frame_origin_alt_m, deadline);
      Refusal r = shot_refusal(paths[j], sol[j][i], cls, site, launch, in.frame_origin_alt_m, deadline, doctrine_.shot_rules);
      if (r == Refusal::None && remote_j && sol[j][i].feasible && !in_basket(*threat_tracks[j], sol[j][i], cls, site))
        r = Refusal::RemoteAccuracy;
      if (r != Refusal::None) {
        if (refused.reason == Refusal::None) {
          const double needed = r == Refusal::Turnover ? turnover_time_s(cls, site, sol[j][i].pip_enu)
                                : r == Refusal::MinFlightTime ? min_flight_time_s(cls, site, sol[j][i].pip_enu, doctrine_.shot_rules)
                                : r == Refusal::ShortWindow ? doctrine_.shot_rules.min_window_s
                                : r == Refusal::TurnLimit ? turn_demand_mps2(paths[j], sol[j][i], cls, site) / kStandardGravity
                                                            : 0.0;
          refused = {threats[j]->track_id, weapons[i], r, launch, sol[j][i].time_of_flight_s, needed, sol[j][i].altitude_m,
                     sol[j][i].intercept_time_s};
        }
        sol[j][i].feasible = false;  // refused: no pair, look or window uses it
      }
      acceptable = acceptable || sol[j][i].feasible;
      if (sol[j][i].feasible)
        p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
            engagement_pk(cls, threats[j]->cls, *threat_tracks[j], sol[j][i], site);
    }
    const double iff_due_s = acceptable ? withhold_by_weapons_control(in, *threat_tracks[j], weapons, sol[j], refused, acceptable) : -1.0;
    if (!acceptable && (refused.reason == Refusal::WeaponsControl || refused.reason == Refusal::AwaitingIff))
      for (std::size_t i = 0; i < weapons.size(); ++i) p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    EngagementState& e = engagement(threats[j]->track_id);
    if (acceptable) e.last_refusal = Refusal::None;
    else if (refused.reason != Refusal::None && refused.reason != e.last_refusal) {
      e.last_refusal = refused.reason;
      refusals_.push_back(refused);
    }
    const DecoyBelief* judged = doctrine_.decoy_threshold < 1.0 && doctrine_.decoy_wait_s > 0.0 ? decoys_.belief(threats[j]->track_id) : nullptr;
    if (judged && !judged->resolved && launch_feasible_after(in, *threats[j], paths[j], weapons, sol[j], false, doctrine_.decoy_wait_s))
      for (std::size_t i = 0; i < weapons.size(); ++i) p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    // Weapons free, iff_wait: while_feasible: an unknown track whose IFF answer is pending is held
    // while a launch would still be feasible once the answer is due.
    if (iff_due_s >= 0.0 && launch_feasible_after(in, *threats[j], paths[j], weapons, sol[j], false, iff_due_s))
      for (std::size_t i = 0; i < weapons.size(); ++i) p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    if (std::find(in.outer_cover.begin(), in.outer_cover.end(), threats[j]->track_id) != in.outer_cover.end() &&
        launch_feasible_after(in, *threats[j], paths[j], weapons, sol[j], false, in.outer_hold_margin_s))
      for (std::size_t i = 0; i < weapons.size(); ++i) p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    bool nl = false;
    p.max_per_target.push_back(salvo_room(in, *threats[j], paths[j], engagement(threats[j]->track_id).in_flight,
                                          weapons, sol[j], nl));
    no_look[j] = nl;
  }
  if (doctrine_.outer_layers_first) {
    // Keep, per threat, only the weapons of the longest-range class that has a solution.
    for (std::size_t j = 0; j < threats.size(); ++j) {
      double outer = 0.0;
      for (std::size_t i = 0; i < weapons.size(); ++i)
        if (p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) > 0.0)
          outer = std::max(outer, (*in.classes)[in.launchers[weapons[i]].interceptor_class].max_range_m);
      for (std::size_t i = 0; i < weapons.size(); ++i)
        if ((*in.classes)[in.launchers[weapons[i]].interceptor_class].max_range_m < outer)
          p.pk(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = 0.0;
    }
  }
  apply_reserves(in, weapons, threats, p.pk);
  // Already engaged threats hold a target channel; only new ones need a free one.
  int already = 0;
  for (const auto* a : threats)
    if (engagement(a->track_id).in_flight > 0) ++already;
  p.max_targets = in.free_target_channels + already;
  p.max_weapons = in.free_missile_channels;
  plan.any = true;
  return plan;
}

std::vector<FireOrder> CommandPost::issue(const CommandPostInputs& in, const ShotPlan& plan, const std::vector<int>& assignment) {
  const std::vector<const ThreatAssessment*>& threats = plan.threats;
  const std::vector<const Track*>& threat_tracks = plan.tracks;
  const std::vector<int>& weapons = plan.weapons;
  const WtaProblem& p = plan.problem;
  const std::vector<std::vector<InterceptSolution>>& sol = plan.solutions;
  const std::vector<char>& no_look = plan.no_look;
  const std::vector<TargetPath>& paths = plan.paths;
  std::vector<FireOrder> orders;
  for (std::size_t i = 0; i < assignment.size(); ++i) {
    const int j = assignment[i];
    if (j < 0) continue;
    const LauncherStatus& l = in.launchers[weapons[i]];
    const InterceptorClass& cls = (*in.classes)[l.interceptor_class];
    FireOrder o;
    o.launcher_index = weapons[i];
    o.track_id = threats[j]->track_id;
    o.order_time_s = in.t;
    o.launch_time_s = in.t + l.reaction_time_s;  // as Launcher::accept_order(in.t) will give
    o.pip_enu = sol[j][i].pip_enu;
    o.expected_pk = p.pk(static_cast<Eigen::Index>(i), j);
    o.priority = threats[j]->priority;
    const double deadline = in.t + threats[j]->time_to_go_s;
    // The window from this launch on (open at it): at most ~200 scan steps, whatever the horizon.
    const double scan = std::max(1.0, (deadline - o.launch_time_s) / 200.0);
    o.latest_launch_s = launch_window(paths[static_cast<std::size_t>(j)], cls, in.launchers_enu[weapons[i]],
                                      o.launch_time_s, deadline, in.frame_origin_alt_m, deadline, scan)
                            .latest_s;
    o.no_time_to_look = no_look[j] != 0;
    o.target_class = threat_tracks[static_cast<std::size_t>(j)]->classified;
    EngagementState& e = engagement(o.track_id);
    ++e.in_flight;
    ++e.shots;
    e.last = engaged_estimate(*threat_tracks[static_cast<std::size_t>(j)]);
    orders.push_back(o);
  }
  return orders;
}

}  // namespace skyshield
