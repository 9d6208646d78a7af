#include "scenario/discrimination_parser.hpp"

#include <cmath>

#include <fmt/format.h>

namespace skyshield {

GaussianFeature parse_gaussian_feature(const YamlNode& n, double lo, double hi, double max_sigma) {
  n.allow_only({"mean", "sigma"});
  GaussianFeature f;
  f.mean = n.number_at("mean", lo, hi);
  const YamlNode s = n.required("sigma");
  f.sigma = s.number(0.0, max_sigma);
  if (!(f.sigma > 0.0)) s.fail("must be > 0");
  return f;
}

double parse_probability(const YamlNode& n) {
  const double p = n.number(-1e300, 1e300);
  if (!(p >= 0.0 && p <= 1.0)) n.fail(fmt::format("a probability must be in [0, 1] (got {})", p));
  return p;
}

void parse_discrimination(const YamlNode& n, DiscriminationParams& out) {
  if (out.enabled) n.fail("a second discrimination table (one per scenario, library files included)");
  n.allow_only({"source", "min_samples", "min_drag_measurements", "companion_range_km", "companion_speed_mps", "kinds"});
  DiscriminationParams d;
  d.enabled = true;
  if (const auto v = n.optional("min_samples")) d.min_samples = static_cast<int>(v->integer(2, 10000));
  if (const auto v = n.optional("min_drag_measurements")) d.min_drag_measurements = static_cast<int>(v->integer(1, 10000));
  d.companion_range_m = 1e3 * n.number_or("companion_range_km", 0.0, 1000.0, d.companion_range_m / 1e3);
  d.companion_speed_mps = n.number_or("companion_speed_mps", 0.0, 10000.0, d.companion_speed_mps);
  const YamlNode kinds = n.required("kinds");
  double prior_sum = 0.0;
  bool lethal = false, other = false;
  for (const auto& [name, k] : kinds.entries()) {
    k.allow_only({"lethal", "prior", "rcs_dbsm", "fluctuation_db", "inv_beta_m2_kg", "p_companion", "speed_mps", "source"});
    ObjectKind o;
    o.name = name;
    o.lethal = k.required("lethal").boolean();
    o.prior = parse_probability(k.required("prior"));
    o.rcs_dbsm = parse_gaussian_feature(k.required("rcs_dbsm"), -80.0, 60.0, 60.0);
    o.fluctuation_db = parse_gaussian_feature(k.required("fluctuation_db"), 0.0, 30.0, 30.0);
    o.inv_beta = parse_gaussian_feature(k.required("inv_beta_m2_kg"), 0.0, 1.0, 1.0);
    o.p_companion = parse_probability(k.required("p_companion"));
    // speed_mps: all kinds or none (naive Bayes needs the term for every kind).
    const auto speed = k.optional("speed_mps");
    if (d.kinds.empty()) d.speed_feature = speed.has_value();
    else if (speed.has_value() != d.speed_feature)
      k.fail(d.speed_feature ? "no speed_mps, which the kinds before it give (all kinds or none)"
                             : "speed_mps, which the kinds before it do not give (all kinds or none)");
    if (speed) o.speed_mps = parse_gaussian_feature(*speed, 0.0, 20000.0, 20000.0);
    prior_sum += o.prior;
    (o.lethal ? lethal : other) = true;
    d.kinds.push_back(o);
  }
  if (!lethal) kinds.fail("no kind with lethal: true (a warhead-carrying object kind is missing)");
  if (!other) kinds.fail("no kind with lethal: false (a decoy, booster or debris kind is missing)");
  if (std::abs(prior_sum - 1.0) > 1e-6) kinds.fail(fmt::format("the kinds' priors sum to {}, not 1", prior_sum));
  out = d;
}

}  // namespace skyshield
