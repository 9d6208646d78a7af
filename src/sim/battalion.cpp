#include "sim/battalion.hpp"

#include "c2/network/remote_track.hpp"

namespace skyshield {

namespace {
std::vector<DefendedAsset> assets_of(const Scenario& s) { return s.assets; }
std::vector<Vec3> assets_enu(const Scenario& s, const LocalFrame& f) {
  std::vector<Vec3> out;
  for (const auto& a : s.assets) out.push_back(f.to_enu(ecef_from_geodetic(a.site)));
  return out;
}
}  // namespace

Battalion::Battalion(const Scenario& s, int idx, std::uint64_t seed)
    : spec(&s.battalions[idx]),
      index(idx),
      frame(s.battalions[idx].command_post),
      tracker(frame, s.battalions[idx].tracker),
      command_post(assets_of(s), assets_enu(s, frame), s.battalions[idx].doctrine),
      magazine(s.battalions[idx].magazine) {
  for (std::size_t r = 0; r < spec->radars.size(); ++r) {
    const RadarSite& site = spec->radars[r];
    radars.emplace_back(static_cast<int>(r), s.radar_types[site.type_index], site.site,
                        Rng::stream(seed, "radar/" + spec->name + "/" + site.name), site.mask);
    radars.back().set_false_alarms(s.sim.fidelity == Fidelity::Full);  // the fast model draws none (scenario/fidelity.hpp)
  }
  radar_up.assign(radars.size(), 1);
  for (const LauncherConfig& c : spec->launchers) {
    launchers.emplace_back(c);
    launchers_enu.push_back(frame.to_enu(launchers.back().site_ecef()));
  }
}

BattalionStatus Battalion::status(double t) const {
  BattalionStatus s;
  s.index = index;
  s.frame = frame;
  s.fire_control_up = fire_control_up();
  s.sector_taken_by = sector_taken_by;
  s.sector_center_deg = spec->sector_center_deg;
  s.sector_width_deg = spec->sector_width_deg;
  s.launchers = launcher_status(launchers, t);
  return s;
}

std::vector<TrackEstimate> Battalion::confirmed_estimates(double t) const {
  std::vector<TrackEstimate> out;
  for (const Track& tr : tracker.tracks()) {
    if (tr.status != TrackStatus::Confirmed) continue;
    const Tracker::Prediction& p = tracker.prediction(tr, t);
    out.push_back({tr.id, frame.to_ecef(tr.position()), frame.to_ecef(p.pos), p.P_pp.trace()});
  }
  return out;
}

Battalion::Holder Battalion::holder(int track_id) const {
  if (!is_remote_track_id(track_id)) return {this, track_id};
  const auto it = remote_holders.find(track_id);
  return it == remote_holders.end() ? Holder{} : it->second;
}

bool Battalion::track_ecef(int track_id, double t, Vec3& pos, Vec3& vel, double* pos_variance_m2, Vec3* accel_ecef) const {
  if (is_remote_track_id(track_id)) {  // ECEF and the covariance trace do not depend on the holder's frame
    const Holder h = holder(track_id);
    return h.battalion && !is_remote_track_id(h.track_id) && h.battalion->track_ecef(h.track_id, t, pos, vel, pos_variance_m2, accel_ecef);
  }
  // Gravity and the track's estimated drag (tracking/drag_estimate.hpp) at the predicted state.
  auto accel = [&](const Vec3& p_enu, const Vec3& v_enu) {
    if (!accel_ecef) return;
    const Track* tr = tracker.find(track_id);
    const double inv_beta = tr ? tr->drag.inv_beta_used() : 0.0;
    *accel_ecef = frame.vector_to_ecef(acceleration_with_drag(p_enu, v_enu, inv_beta, MotionContext{&frame, 0.0}));
  };
  if (!pos_variance_m2) {  // the state alone: no covariance prediction
    Vec9 x;
    if (!tracker.predicted_state(track_id, t, x)) return false;
    pos = frame.to_ecef(position_of(x));
    vel = frame.vector_to_ecef(velocity_of(x));
    accel(position_of(x), velocity_of(x));
    return true;
  }
  Tracker::Prediction p;
  if (!tracker.prediction(track_id, t, p)) return false;
  pos = frame.to_ecef(p.pos);
  vel = frame.vector_to_ecef(p.vel);
  *pos_variance_m2 = p.P_pp.trace();  // rotation-invariant
  accel(p.pos, p.vel);
  return true;
}

}  // namespace skyshield
