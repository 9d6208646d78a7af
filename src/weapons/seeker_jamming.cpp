#include "weapons/seeker_jamming.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

double skin_snr(SeekerType type, double thr, double r0_m, double r_m) {
  const double ratio = r0_m / std::max(r_m, 1.0);
  return type == SeekerType::ActiveRadar ? thr * ratio * ratio * ratio * ratio : thr * ratio * ratio;
}

double seeker_barrage_js(const JammerParams& j, double bs_hz, double erp_w, double rcs_m2, double d_m) {
  // A receiver bandwidth not given (<= 0) takes the whole barrage: the worst case.
  const double share = bs_hz > 0.0 && j.bandwidth_hz() > 0.0 ? std::min(1.0, bs_hz / j.bandwidth_hz()) : 1.0;
  return 4.0 * kPi * j.power_w * db_to_linear(j.gain_db) * share * d_m * d_m / (db_to_linear(j.losses_db) * erp_w * rcs_m2);
}

double seeker_repeater_js(const DeceptionJammerParams& j, double erp_w, double rcs_m2, double d_m) {
  return 4.0 * kPi * j.power_w * db_to_linear(j.gain_db) * d_m * d_m / (erp_w * rcs_m2);
}

double active_jammed_range_m(double r0_m, double thr, double k) {
  if (!(k > 0.0)) return r0_m;
  const double r0_4 = r0_m * r0_m * r0_m * r0_m;
  if (!(r0_4 > 0.0)) return 0.0;
  const double b = thr * k;
  return std::sqrt(2.0 / (b + std::sqrt(b * b + 4.0 / r0_4)));
}

double semi_active_jammed_range_m(double r0_m, double thr, double js) {
  const double f = 1.0 - thr * std::max(js, 0.0);
  return f > 0.0 ? r0_m * std::sqrt(f) : 0.0;
}

double active_hoj_range_m(double r0_m, double k) { return r0_m * r0_m * std::sqrt(std::max(k, 0.0)); }

double semi_active_hoj_range_m(double r0_m, double js) { return r0_m * std::sqrt(std::max(js, 0.0)); }

bool seeker_jammable(const InterceptorClass& c, const TruthView& target) {
  const double f = c.seeker_frequency_hz;
  if (!(f > 0.0) || !(c.seeker_erp_w > 0.0)) return false;
  return (target.jammer && target.jammer->covers(f)) || (target.deception && target.deception->covers(f));
}

SeekerJamming assess_seeker_jamming(const InterceptorClass& c, const TruthView& target, double t, double range_m,
                                    double r_illum_m, double r0_m, double rcs_m2) {
  SeekerJamming a;
  a.skin_range_m = r0_m;
  if (!seeker_jammable(c, target)) return a;
  const bool active = c.seeker_type == SeekerType::ActiveRadar;
  const double r = std::max(range_m, 1.0);
  const double d = active ? r : std::max(r_illum_m, 1.0);
  const double thr = db_to_linear(c.seeker_snr_db);
  const double sigma = std::max(rcs_m2, 1e-12);
  const double snr = skin_snr(c.seeker_type, thr, r0_m, r);
  double jn = 0.0;  // the strongest radiating jammer's J/N
  if (target.jammer && target.jammer->covers(c.seeker_frequency_hz)) {
    // Track-via-missile: the ground processing gain acts on the noise as on the thermal noise.
    const double gain = c.seeker_type == SeekerType::TrackViaMissile ? db_to_linear(c.tvm_processing_gain_db) : 1.0;
    const double js_unit = seeker_barrage_js(*target.jammer, c.seeker_bandwidth_hz, c.seeker_erp_w, sigma, 1.0) / gain;
    a.noise_js = js_unit * d * d;
    a.skin_range_m = active ? active_jammed_range_m(r0_m, thr, js_unit) : semi_active_jammed_range_m(r0_m, thr, a.noise_js);
    jn = a.noise_js * snr;
  }
  if (target.deception && target.deception->covers(c.seeker_frequency_hz) && target.deception->offset(t).on) {
    const double js = seeker_repeater_js(*target.deception, c.seeker_erp_w, sigma, d);
    a.repeater_on = true;
    a.gates_captured = js > 1.0;
    jn = std::max(jn, js * snr);
  }
  a.strobe = c.home_on_jam && jn >= thr;
  return a;
}

}  // namespace skyshield
