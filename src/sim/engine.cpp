#include "sim/engine.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>
#include <unordered_map>

#include "core/error.hpp"
#include "sensors/dwell_scheduler.hpp"
#include "sim/engine_impl.hpp"
#include "c2/network/layering.hpp"
#include "c2/network/sector_handover.hpp"

namespace skyshield {

namespace engine_detail {

Engine::Engine(const Scenario& s, const RunOptions& opt)
    : s_(s), opt_(opt), seed_(opt.seed.value_or(s.sim.seed)), dt_(s.sim.step_s), h_(s.sim.step_s),
      fast_(s.sim.fidelity == Fidelity::Fast && !opt.link),
      sensor_steps_(std::max<long long>(1, std::llround(kFastSensorPeriodS / s.sim.step_s))),
      rec_(s, seed_, opt.record_trajectories), picture_(s.network.picture), terrain_(s.terrain),
      assessment_rng_(Rng::stream(seed_, "kill_assessment")) {
  children_.resize(s.threats.size());
  for (std::size_t i = 0; i < s.threats.size(); ++i) {
    threats_.emplace_back(static_cast<int>(i), s.threats[i], &s.threat_types[s.threats[i].type_index], &terrain_, seed_);
    if (s.threats[i].parent >= 0) children_[s.threats[i].parent].push_back(static_cast<int>(i));
  }
  for (std::size_t b = 0; b < s.battalions.size(); ++b)
    battalions_.push_back(std::make_unique<Battalion>(s, static_cast<int>(b), seed_));
  // Decision order: battalions with the longest-range interceptors first, so that in a layered
  // network the outer layers take their shots before the inner ones in the same cycle.
  for (std::size_t b = 0; b < battalions_.size(); ++b) decision_order_.push_back(static_cast<int>(b));
  auto reach = [&](int b) { return battalion_reach(battalions_[b]->status(0.0), s.interceptor_classes); };
  regiment_of_.assign(s.battalions.size(), -1);
  for (std::size_t r = 0; r < s.regiments.size(); ++r)
    for (int b : s.regiments[r].battalions) regiment_of_[static_cast<std::size_t>(b)] = static_cast<int>(r);
  regiment_next_t_.assign(s.regiments.size(), 0.0);
  for (const BattalionSpec& spec : s.battalions) remote_any_ = remote_any_ || spec.doctrine.engage_on_remote || spec.doctrine.launch_on_remote;
  for (const BattalionSpec& spec : s.battalions) launch_remote_any_ = launch_remote_any_ || spec.doctrine.launch_on_remote;
  std::stable_sort(decision_order_.begin(), decision_order_.end(), [&](int a, int b) { return reach(a) > reach(b); });
  rec_.add_sites(battalions_);
  identifiers_.assign(battalions_.size(), Identifier(&s.identification));
  iff_pending_.assign(battalions_.size(), {});
  for (const Threat& th : threats_) {  // one draw per aircraft from its own stream (sensors/iff.hpp)
    Rng rng = Rng::stream(seed_, "transponder", static_cast<std::uint64_t>(th.id()));
    transponders_.push_back(draw_transponder(th.spec().friendly, th.spec().iff_failure, th.spec().iff_spoof, rng));
  }
  scorer_ = std::make_unique<TrackScorer>(s.track_metrics, battalions_);
  sead_setup();
}

RunRecord Engine::run() {
  const long long max_steps = static_cast<long long>(std::ceil(s_.sim.duration_s / dt_ - 1e-9));
  const long long progress_every = std::max<long long>(1, max_steps / 200);
  // The fast model (scenario/fidelity.hpp) looks with its radars every sensor_steps_ steps, over the
  // whole slice since the last look, and takes that many steps at once while no launch is due and no
  // interceptor is in its first seconds or near its end game. The full model: one step and one look
  // at a time.
  const long long k = fast_ ? sensor_steps_ : 1;
  long long sense_from = 0;   // the step at which the radars' current slice began
  long long step = 0;
  long long n = 1;            // steps taken in this pass
  for (; step < max_steps; step += n) {
    n = fast_ && step % k == 0 && !engaged(step * dt_) ? std::min(k, max_steps - step) : 1;
    h_ = n * dt_;
    const double t = step * dt_;  // times from the step index: no accumulated rounding
    const double t1 = (step + n) * dt_;
    const bool sense = k == 1 || (step + n) % k == 0 || step + n == max_steps;
    Stopwatch clock(opt_.profile);
    scheduled_radar_failures(t);
    if (opt_.link) take_external_threats(t);
    sead_step(t);
    move_threats(t);
    build_views();
    clock.lap(&StepProfile::world_s);
    // The interrupt is polled inside the step too (a crowded step can take seconds): an
    // interrupted run is incomplete whatever step it stops in.
    auto stop = [&] { return opt_.should_stop && opt_.should_stop(); };
    bool stopped = false;
    for (auto& b : battalions_)
      if (sense && !(stopped = stopped || stop())) sense_and_track(*b, sense_from * dt_, t1, clock);
    if (sense) sense_from = step + n;
    if (stopped || stop()) {   // also a signal during the last battalion's sensing (it returns early)
      interrupted_ = true;
      break;
    }
    const bool picture_due = battalions_.size() > 1 && (s_.network.deconflict || remote_any_ || !s_.regiments.empty()) && decision_due(t1);
    if (picture_due) {
      update_air_picture(t1);
      if (scorer_) scorer_->note_network_merges(picture_.merges());
    }
    scorer_->score_battalions(t1, battalions_, views_);
    if (picture_due) scorer_->score_network(t1, picture_, views_);
    clock.lap(&StepProfile::tracking_s);
    if (s_.identification.enabled && decision_due(t1)) identify(t1);
    if (!s_.regiments.empty() && !(stopped = stopped || stop())) decide_regiments(t1);
    for (int b : decision_order_)
      if (!(stopped = stopped || stop())) decide(*battalions_[b], t1);
    if (stopped) {
      interrupted_ = true;
      break;
    }
    clock.lap(&StepProfile::command_s);
    reload_launchers(t1);
    launch_due(t1);
    fly_interceptors(t1);
    clock.lap(&StepProfile::weapons_s);
    warn_threats(t1);
    clock.lap(&StepProfile::world_s);
    check_finite(t1);
    deliver_assessments(t1);
    rec_.sample(t1, threats_, flights_view());
    if (opt_.link) show_link(t1);
    clock.lap(&StepProfile::record_s);
    if (opt_.profile) {
      ++opt_.profile->steps;
      for (const auto& b : battalions_) opt_.profile->track_steps += static_cast<long long>(b->tracker.tracks().size());
      for (const Threat& th : threats_) opt_.profile->flying_steps += th.status() == ThreatStatus::Flying;
    }
    if (opt_.progress && (step % progress_every == 0 || (step + n - 1) / progress_every > step / progress_every))
      opt_.progress(t1, s_.sim.duration_s);
    if (finished()) { step += n; break; }
    if (opt_.should_stop && opt_.should_stop()) {
      step += n;
      interrupted_ = true;
      break;
    }
  }
  int rounds = 0, magazine = 0;
  for (const auto& b : battalions_) {
    for (const Launcher& l : b->launchers) rounds += l.rounds_left();
    magazine += b->magazine.total_stock() + b->magazine.rounds_in_transit();
  }
  if (opt_.progress) opt_.progress(s_.sim.duration_s, s_.sim.duration_s);
  if (opt_.profile)
    for (const auto& b : battalions_) {
      const TrackerStats& ts = b->tracker.stats();
      opt_.profile->batches += ts.batches;
      opt_.profile->tested += ts.tested;
      opt_.profile->candidates += ts.candidates;
      opt_.profile->margin_candidates += ts.margin_candidates;
      opt_.profile->candidate_models += ts.candidate_models;
      opt_.profile->detections += ts.detections;
      opt_.profile->updates += ts.updates;
      opt_.profile->update_models += ts.update_models;
      opt_.profile->tracks_started += ts.started;
      opt_.profile->tracks_confirmed += ts.confirmed;
      opt_.profile->tentative_looks += ts.tentative_looks;
      opt_.profile->initiators += ts.initiators;
      opt_.profile->doppler_rejected += ts.doppler_rejected;
      opt_.profile->initiator_candidates += ts.initiator_candidates;
    }
  for (const Threat& th : threats_)
    if (th.status() == ThreatStatus::NotLaunched || (th.status() == ThreatStatus::Waiting && th.spec().parent >= 0))
      rec_.threat_not_launched(th);
  RunRecord out = rec_.finish(step, step * dt_, rounds, magazine);
  out.interrupted = interrupted_;
  scorer_->finish(out);
  return out;
}

std::vector<std::pair<int, const Interceptor*>> Engine::flights_view() const {
  std::vector<std::pair<int, const Interceptor*>> v;
  for (const Flight& f : flights_) v.emplace_back(f.trajectory, &f.missile);
  return v;
}

// Numerical health: every live threat (checked as it moves), interceptor and track has a finite
// state, or the run fails naming it (rather than propagating NaN into kills, leaks and outputs).
void Engine::check_finite(const Threat& th, double t) {
  if (!(th.pos_ecef().allFinite() && th.vel_ecef().allFinite()))
    throw NumericalError(fmt::format("t = {:.2f} s: threat '{}': position or velocity is not finite", t, th.spec().name));
}

void Engine::check_finite(double t) const {
  // A sum is finite exactly when every term is (a NaN or an infinity anywhere makes it NaN or
  // infinite; finite values this large do not occur): one vectorised pass instead of a test per value.
  const auto finite = [](const auto& v) { return std::isfinite(v.sum()); };
  for (const Flight& f : flights_)
    if (f.missile.flying() && !(finite(f.missile.pos()) && finite(f.missile.vel())))
      throw NumericalError(fmt::format("t = {:.2f} s: interceptor {} ({}): position or velocity is not finite", t,
                                       rec_.record().interceptors[f.record].name, f.missile.cls().name));
  for (const auto& b : battalions_)
    if (const int id = b->tracker.first_non_finite(); id >= 0)
      throw NumericalError(fmt::format("t = {:.2f} s: track {}/T{}: state or covariance is not finite", t, b->spec->name, id));
}

void Engine::move_threats(double t) {
  for (Threat& th : threats_) {
    const bool changed = th.step(t, h_);
    if (th.status() == ThreatStatus::Flying || (changed && th.status() == ThreatStatus::Leaked)) check_finite(th, t + h_);
    // A carrier releases what it carries (RV separation, weapon release at the end of its route);
    // what it has not released when it ends never flies.
    if (th.releasing())
      for (int c : children_[th.id()]) threats_[c].release(t + h_, th.pos_ecef(), th.vel_ecef());
    if (!changed) continue;
    if (th.status() == ThreatStatus::Flying) {
      rec_.threat_appeared(th, t);
    } else if (th.status() == ThreatStatus::Leaked) {
      rec_.threat_leaked(th, t + h_, s_);
      cancel_children(th.id());
      warhead_on_radars(th, t + h_);
      arm_impact(th, t + h_);
    }
  }
}

// A missile, drone or warhead (not an aircraft, not a decoy) that ends its flight within the
// radius of a defended radar puts that radar out of action.
void Engine::warhead_on_radars(const Threat& th, double t) {
  if (th.type().decoy || th.type().cls == ThreatClass::Aircraft) return;
  for (const DefendedAsset& a : s_.assets)
    if (a.radar >= 0 && (th.pos_ecef() - ecef_from_geodetic(a.site)).norm() <= a.radius_m)
      radar_lost(*battalions_[a.battalion], a.radar, t, "warhead of " + th.spec().name + " on its site");
}

void Engine::scheduled_radar_failures(double t) {
  for (auto& b : battalions_)
    for (std::size_t r = 0; r < b->radars.size(); ++r) {
      const double at = b->spec->radars[r].fails_at_s;
      bool& done = sead_.radars[b->index][r].scheduled_done;   // once: a repaired radar does not fail again
      if (at >= 0.0 && at <= t + 1e-9 && b->radar_up[r] && !done) {
        done = true;
        radar_lost(*b, static_cast<int>(r), t, "scheduled failure");
      }
    }
}

// A radar goes out of action; without its engagement radar a battalion hands its sector (and any
// sector it had taken over) to the nearest battalion that can still fire.
void Engine::radar_lost(Battalion& b, int radar, double t, const std::string& cause) {
  if (!b.radar_up[radar]) return;
  b.radar_up[radar] = 0;
  rec_.radar_lost(b, radar, t, cause);
  sead_radar_lost(b, radar, t);
  if (radar != b.spec->engagement_radar) return;
  b.pending.clear();  // orders not yet launched cannot be guided
  const int heir = sector_heir(statuses(t), b.index);
  for (auto& other : battalions_)
    if (other->index == b.index || (!other->fire_control_up() && other->sector_taken_by == b.index)) {
      other->sector_taken_by = heir;
      rec_.handover(*other, heir >= 0 ? battalions_[heir].get() : nullptr, t);
    }
}

void Engine::cancel_children(int id) {
  for (int c : children_[id]) threats_[c].cancel();
}

// Missile approach warning: aircraft that can evade turn away from interceptors closing within
// their warning range.
void Engine::warn_threats(double /*t*/) {
  for (Threat& th : threats_) {
    if (!th.alive() || !th.can_evade()) continue;
    const double range = th.type().air.evasion.warning_range_m;
    for (const Flight& f : flights_) {
      if (!f.missile.flying()) continue;
      const Vec3 d = th.pos_ecef() - f.missile.pos();
      if (d.norm() < range && d.dot(f.missile.vel() - th.vel_ecef()) > 0.0) {
        th.missile_warning(f.missile.pos());
        break;
      }
    }
  }
}

void Engine::build_views() {
  views_.clear();
  for (const Threat& th : threats_)
    if (th.alive()) views_.push_back(th.view());
}

void Engine::sense_and_track(Battalion& b, double t, double t1, Stopwatch& clock) {
  const RadarParams& er = b.engagement_params();
  const bool dwell_due = b.fire_control_up() && std::floor(t1 / er.track_dwell_period_s) > std::floor(t / er.track_dwell_period_s);
  std::vector<Vec3> dwells;
  if (dwell_due) {
    // Guided engagements first, then the most urgent threats (sensors/dwell_scheduler).
    // The requests are merged per track first and predicted only in the scheduler's order until the
    // channels are full (a crowd's thousands of tracks would otherwise each be looked up and
    // predicted): the same dwells as predicting every request and scheduling them all.
    std::vector<DwellRequest> requests;
    std::unordered_map<int, std::size_t> slot;
    auto request = [&](int track_id, double priority, bool guiding, bool cue = false) {
      const auto [it, added] = slot.try_emplace(track_id, requests.size());
      if (added) return requests.push_back({track_id, Vec3::Zero(), priority, guiding, cue});
      DwellRequest& r = requests[it->second];
      r.guiding = r.guiding || guiding;
      r.cue = r.cue || cue;
      r.priority = std::max(r.priority, priority);
    };
    for (const EngagementState& e : b.command_post.engagements())
      if (e.in_flight > 0 && !e.lost) request(e.track_id, 0.0, true);
    for (int track : remote_dwell_tracks(b)) request(track, 0.0, true);  // launch_on_remote: rounds it guides for others
    for (const ThreatAssessment& a : b.command_post.last_assessment())
      if (a.priority > 0.0) request(a.track_id, a.priority, false);
    // Cued search (BMD doctrine): dwells on the ballistic objects the command post discriminates.
    if (b.command_post.doctrine().cued_search)
      for (const Discrimination& d : b.command_post.last_discrimination()) request(d.track_id, 0.0, false, true);
    std::vector<DwellRequest> placed;
    for (DwellRequest& r : schedule_dwells(std::move(requests), static_cast<int>(slot.size()))) {
      if (static_cast<int>(placed.size()) >= er.target_channels) break;
      Vec3 v;
      // Pointed where the track predicts the target at the time its detections measure it: the slice's
      // start in the fast model's 0.5 s slices (sensors/radar.hpp), the slice's end (0.05 s later) in
      // the full model's.
      if (b.track_ecef(r.track_id, fast_ ? t : t1, r.pos_ecef, v)) placed.push_back(r);
    }
    for (const DwellRequest& r : schedule_dwells(std::move(placed), er.target_channels)) dwells.push_back(r.pos_ecef);
  }
  for (Radar& radar : b.radars) {
    if (opt_.should_stop && opt_.should_stop()) return;   // a crowded batch can take a second: run() stops
    if (!b.radar_up[radar.index()]) continue;
    if (radar_silent(b.index, radar.index())) {
      // Silent (EMCON): no detections, and nothing covered: its tracks coast and are dropped by age.
      MeasurementBatch quiet;
      quiet.radar_index = radar.index();
      quiet.t0 = t;
      quiet.t1 = t1;
      quiet.radar_frame = radar.frame();
      quiet.coverage.max_range_m = 0.0;
      b.tracker.process(quiet);
      continue;
    }
    detections_.clear();
    const bool is_er = radar.index() == b.spec->engagement_radar;
    clock.lap(&StepProfile::tracking_s);  // the dwell schedule
    const MeasurementBatch batch = radar.look(t, t1, views_, is_er ? std::span<const Vec3>(dwells) : std::span<const Vec3>(),
                                              &detections_);
    rec_.detections(b, radar, detections_, threats_);
    if (opt_.on_batch) opt_.on_batch(b.spec->name + "/" + b.spec->radars[radar.index()].name, radar.antenna(), batch);
    clock.lap(&StepProfile::radar_s);
    b.tracker.process(batch);
  }
  for (const TrackEvent& e : b.tracker.take_events()) {
    if (e.kind == TrackEvent::Kind::Merged) {
      renumber_track(b, e.track_id, e.into);
      if (scorer_) scorer_->note_merge(b.index, e.track_id, e.into);
    }
    if (e.kind == TrackEvent::Kind::Deleted) b.command_post.drop_track(e.track_id);
    if (e.kind == TrackEvent::Kind::Deleted) identifiers_[b.index].drop(e.track_id);
    if (e.kind != TrackEvent::Kind::Initiated) rec_.track_event(b, e, views_, threats_);
  }
}

bool Engine::engaged(double t) const {
  for (const auto& b : battalions_)
    if (!b->pending.empty()) return true;   // a launch is due: at its time
  // An interceptor within kFastEndgameS of any object in the air at their highest closing speed (the
  // sum of their speeds): the seeker's acquisition, the terminal homing and the fuze's closest approach
  // need the fine step. (The simulator's choice of step, not a decision of the model: it may look at
  // the truth.)
  for (const Flight& f : flights_) {
    if (!f.missile.flying()) continue;
    if (t - f.missile.launch_time() < kFastLaunchS) return true;
    const double speed = f.missile.vel().norm();
    for (const TruthView& v : views_) {
      const double reach = (speed + v.vel_ecef.norm()) * kFastEndgameS;
      if ((v.pos_ecef - f.missile.pos()).squaredNorm() < reach * reach) return true;
    }
  }
  return false;
}

bool Engine::finished() const {
  if (opt_.link && opt_.link->keeps_run_open()) return false;
  for (const Threat& th : threats_)
    if (th.status() == ThreatStatus::Waiting || th.alive()) return false;
  for (const Flight& f : flights_)
    if (f.missile.flying()) return false;
  for (const auto& b : battalions_)
    if (!b->pending.empty()) return false;
  return true;
}
}  // namespace engine_detail

void prepare_flyouts(const Scenario& scenario) {
  // Each class's flyout table is built from guided flights on its first query (seconds for the large
  // classes): build those the launchers fire side by side, one thread per class up to the cores.
  // Each table is a pure function of its class, so the result does not depend on the threads.
  std::vector<const FlyoutModel*> models;
  for (const BattalionSpec& b : scenario.battalions)
    for (const LauncherConfig& l : b.launchers) {
      const FlyoutModel* m = scenario.interceptor_classes[l.interceptor_class].flyout.get();
      if (m && std::find(models.begin(), models.end(), m) == models.end()) models.push_back(m);
    }
  const std::size_t workers = std::min<std::size_t>(models.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  for (std::size_t w = 1; w < workers; ++w)
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < models.size(); i = next++) models[i]->reach_m();
    });
  for (std::size_t i = next++; i < models.size(); i = next++) models[i]->reach_m();
  for (std::thread& t : pool) t.join();
}

RunRecord run_scenario(const Scenario& scenario, const RunOptions& options) {
  prepare_flyouts(scenario);
  return engine_detail::Engine(scenario, options).run();
}

}  // namespace skyshield
