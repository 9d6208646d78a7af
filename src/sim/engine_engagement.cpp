// The engine's engagement steps: command posts decide, launchers reload and fire, interceptors fly
// and fuze, kills are assessed (see sim/engine_impl.hpp).
#include <algorithm>

#include "c2/kill_assessment.hpp"
#include "sim/engine_impl.hpp"
#include "c2/network/layering.hpp"
#include "c2/network/remote_track.hpp"
#include "c2/network/sector_handover.hpp"

namespace skyshield::engine_detail {

namespace {
constexpr const char* kDestructFriend = "identified_friend";  // reason of a command destruct (events.csv)
}  // namespace

bool Engine::decision_due(double t) const {
  for (const auto& b : battalions_)
    if (t + 1e-9 >= b->next_decision_t) return true;
  for (const double next : regiment_next_t_)
    if (t + 1e-9 >= next) return true;
  return false;
}

// The network picture: every battalion's confirmed tracks, correlated into system tracks.
void Engine::update_air_picture(double t) {
  std::vector<NetworkTrack> all;
  for (const auto& b : battalions_) {
    std::vector<int> engaged;   // reported whatever their sigma (AirPictureParams::report_max_sigma_m)
    for (const EngagementState& e : b->command_post.engagements())
      if (e.in_flight > 0) engaged.push_back(e.track_id);
    std::sort(engaged.begin(), engaged.end());
    for (const Track& tr : b->tracker.tracks()) {
      if (tr.status != TrackStatus::Confirmed) continue;
      const Tracker::Prediction& p = b->tracker.prediction(tr, t);
      const Mat3 rot = b->frame.enu_to_ecef();
      all.push_back({b->index, tr.id, b->frame.to_ecef(p.pos), rot * p.P_pp * rot.transpose(),
                     std::binary_search(engaged.begin(), engaged.end(), tr.id)});
    }
  }
  picture_.update(all);
  if (launch_remote_any_) refresh_remote_holders(t);
}

// What the battalions engage, for deconfliction (c2/network/deconfliction.hpp); with_estimates: with
// the engaging battalion's estimate at t of each track engaged by a battalion other than `viewer`.
std::vector<Engagement> Engine::engagements(double t, bool with_estimates, int viewer) const {
  std::vector<Engagement> out;
  for (const Flight& f : flights_)
    if (f.missile.flying()) out.push_back({f.battalion, f.missile.track_id(), f.missile.guidance_target(), std::nullopt, 0.0});
  for (const PendingAssessment& a : assessments_) out.push_back({a.battalion, a.track_id, std::nullopt, std::nullopt, 0.0});  // outcome not yet assessed
  for (const auto& other : battalions_)
    for (const FireOrder& o : other->pending) out.push_back({other->index, o.track_id, std::nullopt, std::nullopt, 0.0});
  if (with_estimates)
    for (Engagement& e : out) {
      if (e.battalion == viewer) continue;
      Vec3 p, v;
      double var = 0.0;
      if (battalions_[e.battalion]->track_ecef(e.track_id, t, p, v, &var)) {
        e.track_ecef = p;
        e.track_variance_m2 = var;
      }
    }
  return out;
}

std::vector<BattalionStatus> Engine::statuses(double t) const {
  std::vector<BattalionStatus> out;
  for (const auto& b : battalions_) out.push_back(b->status(t));
  return out;
}

std::vector<Track> Engine::remote_tracks(const Battalion& b, const std::vector<BattalionStatus>& network, std::vector<int>& ids) const {
  std::vector<Track> out;
  for (const Track& tr : b.tracker.tracks()) {
    if (tr.status != TrackStatus::Confirmed) continue;
    const std::optional<RemoteGuide> g = remote_guide(picture_, network, b.index, tr.id);
    if (!g) continue;
    const Battalion& guide = *battalions_[g->battalion];
    const Track* guide_track = guide.tracker.find(g->track_id);
    if (!guide_track) continue;
    Track remote = track_in_frame(*guide_track, guide.frame, b.frame);
    remote.id = tr.id;  // the battalion engages its own track number, on the guide's estimate
    out.push_back(remote);
    ids.push_back(tr.id);
  }
  return out;
}

std::optional<Uplink> Engine::uplink_for(const Battalion& b, int track_id, double t, const std::vector<BattalionStatus>* network,
                                         bool with_variance) const {
  Vec3 p, v, a;
  if (b.fire_control_up()) {
    if (!b.track_ecef(track_id, t, p, v, nullptr, &a)) return std::nullopt;
    Uplink u{p, v, a};
    Vec3 p2, v2;
    if (with_variance) b.track_ecef(track_id, t, p2, v2, &u.pos_variance_m2);
    return u;
  }
  if (!network || !b.spec->doctrine.engage_on_remote) return std::nullopt;
  if (is_remote_track_id(track_id)) {  // launch_on_remote: its holder (the guide, or b's own track)
    const Battalion::Holder h = b.holder(track_id);
    if (!h.battalion) return std::nullopt;
    if (h.battalion != &b) return h.battalion->track_ecef(h.track_id, t, p, v, nullptr, &a) ? std::optional<Uplink>(Uplink{p, v, a}) : std::nullopt;
    track_id = h.track_id;
  }
  const std::optional<RemoteGuide> g = remote_guide(picture_, *network, b.index, track_id);
  if (g && battalions_[g->battalion]->track_ecef(g->track_id, t, p, v, nullptr, &a)) return Uplink{p, v, a};
  return std::nullopt;
}

CommandPostInputs Engine::inputs_for(const Battalion& b, double t, std::vector<Track>& remote) const {
  const bool remote_only = !b.fire_control_up();  // engaging on other battalions' radars alone
  const std::vector<BattalionStatus> network = statuses(t);
  const RadarParams& er = b.engagement_params();
  int missiles = static_cast<int>(b.pending.size());
  for (const Flight& f : flights_)
    if (f.battalion == b.index && f.missile.flying()) ++missiles;
  int engaged = 0;
  for (const EngagementState& e : b.command_post.engagements())
    if (e.in_flight > 0 && !e.lost) ++engaged;   // a lost track holds no target channel
  CommandPostInputs in;
  in.t = t;
  in.tracks = &b.tracker.tracks();
  if (remote_only) {
    remote = remote_tracks(b, network, in.remote);
    in.tracks = &remote;
  }
  in.classes = &s_.interceptor_classes;
  in.launchers = launcher_status(b.launchers, t);
  in.launchers_enu = b.launchers_enu;
  in.frame_origin_alt_m = b.frame.origin().alt_m;
  if (remote_any_) charge_remote_guidance(b, network, missiles, engaged);  // its radar guides others' rounds too
  in.free_target_channels = std::max(0, er.target_channels - engaged);
  in.free_missile_channels = std::max(0, er.missile_channels - missiles);
  const bool deconflict = battalions_.size() > 1 && s_.network.deconflict;
  std::vector<TrackEstimate> mine;
  if (deconflict || s_.network.outer_layers_first) mine = b.confirmed_estimates(t);
  if (deconflict) {
    const bool near_guard = s_.network.deconflict_radius_m > 0.0;
    in.engaged_elsewhere = engaged_elsewhere(b.index, mine, picture_, engagements(t, near_guard, b.index), s_.network.deconflict_radius_m);
  }
  if (b.spec->doctrine.launch_on_remote) add_launchable_remote(b, t, network, in, remote);
  in.sectors = responsible_sectors(network, b.index);
  if (s_.identification.enabled) {
    in.identities = &identifiers_[b.index].identities();
    in.iff_pending = &iff_pending_[b.index];
  }
  if (s_.network.outer_layers_first) {
    in.outer_cover = covered_by_outer_layers(network, b.index, mine, s_.interceptor_classes);
    in.outer_hold_margin_s = s_.network.outer_hold_margin_s;
  }
  return in;
}

// The engine applies a command post's orders: each launcher takes its round and starts its reaction
// time; an order relayed by a regiment reaches the battalion latency_s later, and launches that much later.
void Engine::apply_orders(Battalion& b, std::vector<FireOrder> orders, double t, double latency_s) {
  for (FireOrder& o : orders) {
    b.launchers[o.launcher_index].accept_order(o.order_time_s);
    o.launch_time_s += latency_s;
    rec_.fire_order(b, o, t);
    b.pending.push_back(o);
  }
  for (const RefusedShot& r : b.command_post.last_refusals()) rec_.refused(b, r, t, views_, threats_);
}

std::optional<Uplink> Engine::remote_uplink(Flight& f, const Battalion& b, double t, const std::vector<BattalionStatus>& network) const {
  const RemoteLinkParams& link = s_.network.remote_link;
  if (link.latency_s <= 0.0 && link.update_s <= 0.0 && link.loss <= 0.0) return uplink_for(b, f.missile.track_id(), t, &network);
  if (t + 1e-9 >= f.next_remote_msg_t) {  // a message is sent now: the guide's track as of latency ago
    f.next_remote_msg_t = t + std::max(link.update_s, dt_);
    Rng rng = Rng::stream(seed_, "remote_link", static_cast<std::uint64_t>(f.record) * 1000003ull + static_cast<std::uint64_t>(t / dt_ + 0.5));
    if (!rng.bernoulli(link.loss)) {
      const std::optional<Uplink> m = uplink_for(b, f.missile.track_id(), t - link.latency_s, &network);
      if (m) {
        f.remote_msg = m;
        f.remote_msg_t = t;
      }
    }
  }
  // A message older than three update periods (or 3 s) is stale: no uplink.
  if (f.remote_msg && t - f.remote_msg_t <= 3.0 * std::max(link.update_s, 1.0)) return f.remote_msg;
  return std::nullopt;
}

void Engine::decide(Battalion& b, double t) {
  if (t + 1e-9 < b.next_decision_t || !can_decide(b) || under_regiment(b.index, t)) return;
  if (b.fire_control_up() && radar_silent(b.index, b.spec->engagement_radar)) return;   // EMCON: holds fire while silent
  b.next_decision_t = t + b.spec->doctrine.decision_period_s;
  std::vector<Track> remote;
  const CommandPostInputs in = inputs_for(b, t, remote);
  apply_orders(b, b.command_post.decide(in), t, 0.0);
  retarget_flights(b, t);
}

void Engine::renumber_track(Battalion& b, int from, int into) {
  b.command_post.merge_track(from, into);
  for (Flight& f : flights_)
    if (f.battalion == b.index && f.missile.flying() && f.missile.track_id() == from) f.missile.renumber(into);
  for (FireOrder& o : b.pending)
    if (o.track_id == from) o.track_id = into;
  for (PendingAssessment& a : assessments_) {
    if (a.battalion == b.index && a.track_id == from) a.track_id = into;
    if (a.observer == b.index && a.observed_track == from) a.observed_track = into;
  }
}

// In-flight retargeting (c2/retarget.hpp): the command post re-points rounds of this battalion whose
// track discrimination no longer believes the warhead; the engine switches their uplink.
void Engine::retarget_flights(Battalion& b, double t) {
  std::vector<RoundInFlight> rounds;
  for (std::size_t k = 0; k < flights_.size(); ++k) {
    const Flight& f = flights_[k];
    if (f.battalion != b.index || !f.missile.flying() || f.missile.launch_time() > t + 1e-9) continue;
    rounds.push_back({static_cast<int>(k), f.missile.track_id(), b.frame.to_enu(f.missile.pos()),
                      b.frame.vector_to_enu(f.missile.vel()), geodetic_from_ecef(f.missile.pos()).alt_m, &f.missile.cls()});
  }
  for (const Retarget& r : b.command_post.retarget(rounds)) {
    Flight& f = flights_[static_cast<std::size_t>(r.round)];
    f.missile.retarget(r.to_track);
    rec_.retarget(b, r, f.record, t, views_, threats_);
  }
}

void Engine::reload_launchers(double t) {
  for (auto& b : battalions_)
    for (const ReloadEvent& e : b->magazine.update(t, b->launchers)) rec_.reload(*b, e);
}

void Engine::launch_due(double t) {
  for (auto& b : battalions_) {
    auto due = [&](const FireOrder& o) { return o.launch_time_s <= t + 1e-9; };
    for (const FireOrder& o : b->pending) {
      if (!due(o)) continue;
      // No launch at a track dropped since the order (its holder's tracker no longer has it): there is
      // nothing to guide the round on. Nor at one coasting since (fire_control_max_misses covered looks
      // missed in a row: its target killed by another round, say). The round stays in the launcher and
      // the post may engage again.
      const Battalion::Holder h = b->holder(o.track_id);
      const Track* held = h.battalion ? h.battalion->tracker.find(h.track_id) : nullptr;
      const bool coasting = held && b->command_post.coasting(*held);
      if (!held || coasting) {
        b->launchers[o.launcher_index].cancel_order();
        b->command_post.report_outcome(o.track_id, false);
        rec_.launch_cancelled(*b, o, t, coasting);
        continue;
      }
      const Launcher& l = b->launchers[o.launcher_index];
      const InterceptorClass& cls = s_.interceptor_classes[l.config().interceptor_class];
      const int id = static_cast<int>(rec_.record().interceptors.size());
      Interceptor m(id, &cls, o.track_id, t, l.site_ecef(), b->frame.to_ecef(o.pip_enu),
                    Rng::stream(seed_, "interceptor", static_cast<std::uint64_t>(id)));
      m.set_terrain(&terrain_);
      m.set_target_ballistic(o.target_class == ThreatClass::BallisticMissile);
      const auto [record, trajectory] = rec_.launch(*b, o, l, cls, t, views_, threats_);
      flights_.push_back({std::move(m), b->index, record, trajectory});
    }
    b->pending.erase(std::remove_if(b->pending.begin(), b->pending.end(), due), b->pending.end());
  }
}

void Engine::fly_interceptors(double t1) {
  const double t = t1 - h_;
  std::vector<BattalionStatus> network;  // built when a battalion guides on remote tracks
  for (Flight& f : flights_) {
    if (!f.missile.flying() || f.missile.launch_time() > t + 1e-9) continue;
    const Battalion& b = *battalions_[f.battalion];
    if (!b.fire_control_up() && b.spec->doctrine.engage_on_remote && network.empty()) network = statuses(t);
    std::optional<Uplink> uplink;
    if (f.missile.cls().midcourse_uplink) {
      // Another battalion's radar guides it (engage/launch on remote tracks); or its own, unless that
      // radar is silent under emission control (docs/sead.md).
      if (guided_remotely(f, b)) uplink = remote_uplink(f, b, t, network);
      else if (!(b.fire_control_up() && radar_silent(b.index, b.spec->engagement_radar)))
        uplink = uplink_for(b, f.missile.track_id(), t, &network, f.missile.uses_track_gate());
    }
    // Identified friend since the launch (an IFF reply that came late): destroyed on command over the
    // uplink, when the battalion has one to the missile (docs/identification.md). Own track numbers
    // only: identities are not shared over the network picture.
    bool destructed = false;
    if (uplink && !is_remote_track_id(f.missile.track_id())) {
      const Identity id = identifiers_[static_cast<std::size_t>(f.battalion)].identity(f.missile.track_id());
      if (id == Identity::Friend || id == Identity::AssumedFriend) {
        f.missile.command_destruct(t, kDestructFriend);
        destructed = true;
      }
    }
    if (!destructed) {
      // A deception break-lock is an event; a home-on-jam lock lost with its strobe is only counted (a
      // repeater blinks every cycle: it would fill the log without changing the guidance).
      const int lock = f.missile.seeker_lock(), breaks = f.missile.deception_breaks();
      f.missile.step(t, h_, uplink, views_);
      if (lock >= 0 && f.missile.deception_breaks() > breaks)
        rec_.seeker_break_lock(f.record, t, threats_[static_cast<std::size_t>(lock)].spec().name, f.missile.cls().seeker_reacquire_s);
    }
    if (f.missile.flying()) continue;
    const InterceptorOutcome& out = f.missile.outcome();
    if (out.state == InterceptorState::Killed) {
      for (Threat& th : threats_)
        if (th.id() == out.truth_id && th.alive()) {
          th.kill();
          cancel_children(th.id());
        }
      views_.erase(std::remove_if(views_.begin(), views_.end(), [&](const TruthView& v) { return v.id == out.truth_id; }),
                   views_.end());
    }
    rec_.interceptor_outcome(f.record, f.trajectory, f.missile, threats_);
    if (destructed) continue;  // the battalion destroyed it itself: nothing to assess
    std::optional<Track> before;
    const Battalion::Holder observer = b.holder(f.missile.track_id());  // b itself but for a remote track number
    if (observer.battalion)
      if (const Track* tr = observer.battalion->tracker.find(observer.track_id)) before = *tr;
    assessments_.push_back({out.t + b.spec->doctrine.kill_assessment_delay_s, f.battalion, f.missile.track_id(), out.t, f.record, before,
                            observer.battalion ? observer.battalion->index : -1, observer.track_id,
                            out.state == InterceptorState::SelfDestructed && is_remote_track_id(f.missile.track_id())});
  }
}

void Engine::deliver_assessments(double t) {
  for (const PendingAssessment& a : assessments_) {
    if (a.t > t + 1e-9) continue;
    // From what the battalion's radars observed of the track since the intercept, with its engagement
    // radar's error probabilities (c2/kill_assessment.hpp): one draw per assessment, in a fixed order.
    Battalion& b = *battalions_[a.battalion];
    const RadarParams& er = b.engagement_params();
    // A remote track number is observed by its holder at the intercept (nobody: an empty picture).
    static const std::vector<Track> kNoTracks;
    const std::vector<Track>& seen_tracks = a.observer >= 0 ? battalions_[a.observer]->tracker.tracks() : kNoTracks;
    const int seen_id = a.observer >= 0 ? a.observed_track : a.track_id;
    // A round on a remote number that self-destructed (lost its uplink) is known to have intercepted
    // nothing: its guide's track, lost or renumbered, says nothing of the target (launch_on_remote).
    const KillEvidence seen = a.self_destructed ? KillEvidence::SelfDestructed
                            : a.before ? observe_engaged_track(seen_tracks, seen_id, a.intercept_t, *a.before)
                                       : observe_engaged_track(seen_tracks, seen_id, a.intercept_t);
    const KillAssessment ka = assess_kill(seen, {er.false_kill_probability, er.missed_kill_probability}, assessment_rng_.uniform());
    b.command_post.report_outcome(a.track_id, ka.killed);
    rec_.kill_assessed(b, a.track_id, t, a.record, ka);
    // With the shared air picture, a kill is known network-wide: the other battalions' tracks of the
    // same system track are not engaged again.
    if (!ka.killed || battalions_.size() < 2 || !s_.network.deconflict) continue;
    const int sys = system_of(picture_, a.battalion, a.track_id);
    if (sys < 0) continue;
    for (const auto& [battalion, track_id] : picture_.members(sys))
      if (battalion != a.battalion || is_remote_track_id(a.track_id)) battalions_[battalion]->command_post.mark_killed(track_id);
    for (const auto& other : battalions_)  // the system track's remote number, for those that launch on it
      if (other->spec->doctrine.launch_on_remote && other->index != a.battalion) other->command_post.mark_killed(remote_track_id(sys));
  }
  assessments_.erase(std::remove_if(assessments_.begin(), assessments_.end(), [&](const PendingAssessment& a) { return a.t <= t + 1e-9; }),
                     assessments_.end());
}
}  // namespace skyshield::engine_detail
