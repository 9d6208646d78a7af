#include "scenario/decoy_discrimination_parser.hpp"

#include <cmath>

#include <fmt/format.h>

#include "scenario/discrimination_parser.hpp"

namespace skyshield {


void parse_air_decoy_discrimination(const YamlNode& n, DecoyDiscriminationParams& out) {
  if (out.enabled) n.fail("a second air_decoy_discrimination table (one per scenario, library files included)");
  n.allow_only({"source", "min_samples", "manoeuvre_g", "kinds"});
  DecoyDiscriminationParams d;
  d.enabled = true;
  if (const auto v = n.optional("min_samples")) d.min_samples = static_cast<int>(v->integer(2, 10000));
  d.manoeuvre_g = n.number_or("manoeuvre_g", 0.5, 50.0, d.manoeuvre_g);
  const YamlNode kinds = n.required("kinds");
  double prior_sum = 0.0;
  bool decoy = false, real = false;
  for (const auto& [name, k] : kinds.entries()) {
    k.allow_only({"decoy", "prior", "speed_mps", "rcs_dbsm", "fluctuation_db", "p_manoeuvre", "source"});
    AirKind o;
    o.name = name;
    o.decoy = k.required("decoy").boolean();
    o.prior = parse_probability(k.required("prior"));
    o.speed_mps = parse_gaussian_feature(k.required("speed_mps"), 0.0, 10000.0, 10000.0);
    o.rcs_dbsm = parse_gaussian_feature(k.required("rcs_dbsm"), -80.0, 60.0, 60.0);
    o.fluctuation_db = parse_gaussian_feature(k.required("fluctuation_db"), 0.0, 30.0, 30.0);
    o.p_manoeuvre = parse_probability(k.required("p_manoeuvre"));
    prior_sum += o.prior;
    (o.decoy ? decoy : real) = true;
    d.kinds.push_back(o);
  }
  if (!decoy) kinds.fail("no kind with decoy: true (the decoy kind is missing)");
  if (!real) kinds.fail("no kind with decoy: false (a real threat kind is missing)");
  if (std::abs(prior_sum - 1.0) > 1e-6) kinds.fail(fmt::format("the kinds' priors sum to {}, not 1", prior_sum));
  out = d;
}

}  // namespace skyshield
