#include "c2/decoy_discrimination.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

bool air_breathing(const Track& t) {
  return t.status == TrackStatus::Confirmed &&
         (t.classified == ThreatClass::Aircraft || t.classified == ThreatClass::CruiseMissile);
}

double normal_acceleration_mps2(const Track& t) {
  const Vec3 v = t.velocity(), a = t.acceleration();
  const double s = v.norm();
  if (!(s > 1.0)) return a.norm();
  return (a - v * (a.dot(v) / (s * s))).norm();
}

std::vector<double> air_kind_log_posteriors(const Track& tr, bool manoeuvred, const DecoyDiscriminationParams& p,
                                            int* features) {
  const Vec3 v = tr.velocity();
  const double speed = v.norm();
  double speed_var = 0.0;
  if (speed > 1.0) speed_var = std::max(0.0, v.dot(tr.P.block<3, 3>(3, 3) * v) / (speed * speed));
  int used = 1 + 1;   // speed and the manoeuvre evidence
  for (const SignatureBand& b : tr.signature.bands) used += b.count >= p.min_samples ? 2 : 0;
  if (features) *features = used;
  std::vector<double> lp;
  for (const AirKind& k : p.kinds) {
    double l = std::log(std::max(k.prior, 1e-300));
    l += gaussian_log_pdf(speed, k.speed_mps.mean, k.speed_mps.sigma * k.speed_mps.sigma + speed_var);
    for (const SignatureBand& b : tr.signature.bands) {
      if (b.count < p.min_samples) continue;
      const double f2 = k.fluctuation_db.mean * k.fluctuation_db.mean;
      l += gaussian_log_pdf(b.mean_db, k.rcs_dbsm.mean, k.rcs_dbsm.sigma * k.rcs_dbsm.sigma + f2 / b.count);
      l += gaussian_log_pdf(b.std_db(), k.fluctuation_db.mean,
                          k.fluctuation_db.sigma * k.fluctuation_db.sigma + kEchoStdSamplingFactor * f2 / b.count);
    }
    l += std::log(std::clamp(manoeuvred ? k.p_manoeuvre : 1.0 - k.p_manoeuvre, 1e-12, 1.0));
    lp.push_back(l);
  }
  return lp;
}

double decoy_probability(const std::vector<double>& log_post, const DecoyDiscriminationParams& p) {
  if (log_post.empty()) return 0.0;
  return posterior_share(log_post, [&](std::size_t i) { return p.kinds[i].decoy; });
}

const std::vector<DecoyBelief>& DecoyDiscriminator::update(const std::vector<Track>& tracks, const DecoyDiscriminationParams& p) {
  beliefs_.clear();
  if (!p.enabled || p.kinds.empty()) return beliefs_;
  std::unordered_set<int> alive;
  for (const Track& t : tracks) {
    alive.insert(t.id);
    if (!air_breathing(t)) continue;
    if (normal_acceleration_mps2(t) > p.manoeuvre_g * kStandardGravity) manoeuvred_.insert(t.id);
    DecoyBelief b;
    b.track_id = t.id;
    b.resolved = std::any_of(t.signature.bands.begin(), t.signature.bands.end(),
                             [&](const SignatureBand& s) { return s.count >= p.min_samples; });
    b.p_decoy = decoy_probability(air_kind_log_posteriors(t, manoeuvred_.count(t.id) > 0, p, &b.features), p);
    beliefs_.push_back(b);
  }
  for (auto it = manoeuvred_.begin(); it != manoeuvred_.end();) it = alive.count(*it) ? std::next(it) : manoeuvred_.erase(it);
  std::sort(beliefs_.begin(), beliefs_.end(), [](const DecoyBelief& a, const DecoyBelief& b) { return a.track_id < b.track_id; });
  return beliefs_;
}

const DecoyBelief* DecoyDiscriminator::belief(int track_id) const {
  const auto it = std::lower_bound(beliefs_.begin(), beliefs_.end(), track_id,
                                   [](const DecoyBelief& b, int id) { return b.track_id < id; });
  return it != beliefs_.end() && it->track_id == track_id ? &*it : nullptr;
}

double DecoyDiscriminator::p_decoy(int track_id) const {
  const DecoyBelief* b = belief(track_id);
  return b ? b->p_decoy : 0.0;
}

}  // namespace skyshield
