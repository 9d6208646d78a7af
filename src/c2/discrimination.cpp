#include "c2/discrimination.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace skyshield {

double gaussian_log_pdf(double x, double mean, double var) {
  constexpr double kLogSqrt2Pi = 0.91893853320467274;
  return -0.5 * (x - mean) * (x - mean) / var - 0.5 * std::log(var) - kLogSqrt2Pi;
}

namespace {
bool ballistic(const Track& t) { return t.status == TrackStatus::Confirmed && t.classified == ThreatClass::BallisticMissile; }
}  // namespace

std::vector<double> kind_log_posteriors(const Track& tr, bool has_companion, const DiscriminationParams& p) {
  std::vector<double> lp;
  // The track's speed and its variance (the velocity covariance projected on the velocity direction).
  const Vec3 v = tr.velocity();
  const double speed = v.norm();
  const Vec3 u = speed > 0.0 ? Vec3(v / speed) : Vec3(0.0, 0.0, 0.0);
  const double speed_var = std::max(0.0, double(u.transpose() * tr.P.block<3, 3>(3, 3) * u));
  for (const ObjectKind& k : p.kinds) {
    double l = std::log(std::max(k.prior, 1e-300));
    for (const SignatureBand& b : tr.signature.bands) {
      if (b.count < p.min_samples) continue;
      const double f2 = k.fluctuation_db.mean * k.fluctuation_db.mean;
      l += gaussian_log_pdf(b.mean_db, k.rcs_dbsm.mean, k.rcs_dbsm.sigma * k.rcs_dbsm.sigma + f2 / b.count);
      l += gaussian_log_pdf(b.std_db(), k.fluctuation_db.mean,
                          k.fluctuation_db.sigma * k.fluctuation_db.sigma + kEchoStdSamplingFactor * f2 / b.count);
    }
    if (tr.drag.measurements >= p.min_drag_measurements && tr.drag.variance > 0.0)
      l += gaussian_log_pdf(tr.drag.inv_beta, k.inv_beta.mean, k.inv_beta.sigma * k.inv_beta.sigma + tr.drag.variance);
    else if (p.speed_feature)
      l += gaussian_log_pdf(speed, k.speed_mps.mean, k.speed_mps.sigma * k.speed_mps.sigma + speed_var);
    l += std::log(std::clamp(has_companion ? k.p_companion : 1.0 - k.p_companion, 1e-12, 1.0));
    lp.push_back(l);
  }
  return lp;
}

double lethal_probability(const std::vector<double>& log_post, const DiscriminationParams& p) {
  return posterior_share(log_post, [&](std::size_t i) { return p.kinds[i].lethal; });
}

bool falling_object(const Track& tr, double frame_origin_alt_m, double min_alt_m) {
  const Vec3 v = tr.velocity();
  const double speed = v.norm();
  return tr.x(2) + frame_origin_alt_m > min_alt_m && speed > 100.0 && v.z() < -std::sin(40.0 * M_PI / 180.0) * speed;
}

std::vector<Discrimination> discriminate(const std::vector<Track>& tracks, const DiscriminationParams& p) {
  std::vector<Discrimination> out;
  if (!p.enabled || p.kinds.empty()) return out;
  std::vector<const Track*> bm;
  for (const Track& t : tracks)
    if (ballistic(t)) bm.push_back(&t);
  const double r2 = p.companion_range_m * p.companion_range_m, s2 = p.companion_speed_mps * p.companion_speed_mps;
  for (const Track* t : bm) {
    const bool companion = std::any_of(bm.begin(), bm.end(), [&](const Track* o) {
      return o != t && (o->position() - t->position()).squaredNorm() <= r2 && (o->velocity() - t->velocity()).squaredNorm() <= s2;
    });
    Discrimination d;
    d.track_id = t->id;
    const std::vector<double> lp = kind_log_posteriors(*t, companion, p);
    d.p_lethal = lethal_probability(lp, p);
    const double q = std::clamp(d.p_lethal, 1e-15, 1.0 - 1e-15);
    d.log_odds = std::log(q / (1.0 - q));
    for (const SignatureBand& b : t->signature.bands) d.features += b.count >= p.min_samples ? 2 : 0;
    d.features += (t->drag.measurements >= p.min_drag_measurements || p.speed_feature ? 1 : 0) + 1;
    out.push_back(d);
  }
  return out;
}

}  // namespace skyshield
