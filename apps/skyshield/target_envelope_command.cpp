// `skyshield envelope CLASS --target TYPE`: the class's envelope table row against a target class,
// drawn over the guided-flyout grid and checked against it (analysis/target_envelope_check.hpp).
// Exit status 0 when every table point lies inside the kinematic flyout's reach, 1 when the table
// claims points the physics does not reach (each listed), 2 on bad input. The guided hits against
// the moving target are reported alongside (envelope.csv has them point by point).
#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <iostream>

#include "target_envelope_command.hpp"

#include "analysis/target_envelope_check.hpp"
#include "core/error.hpp"
#include "output_dir.hpp"
#include "record/output_set.hpp"

int cmd_target_envelope(const skyshield::InterceptorClass& cls, const std::string& target, const skyshield::EnvelopeOptions& opt,
                        const std::string& out_dir) {
  using namespace skyshield;
  const auto tc = threat_class_from_string(target);
  if (!tc)
    throw InputError(fmt::format("envelope: --target '{}' is not a target class (aircraft, drone, cruise_missile, ballistic_missile)",
                                 target));
  TargetEnvelopeCheck check;
  const Envelope e = compute_target_envelope(cls, *tc, opt, check);
  const std::filesystem::path dir = make_output_dir(out_dir);
  write_file_atomically((dir / "envelope.csv").string(), envelope_csv(e));
  write_file_atomically((dir / "envelope.svg").string(), envelope_svg(e));
  const TargetEnvelope& r = check.row;
  std::cout << fmt::format("{} ({}) against {} at {:g} m/s{}: table row {}slant range {:g}-{:g} km, altitude {:g}-{:g} km, "
                           "single-shot pk {:g}\n",
                           cls.name, cls.layer, target, e.opt.target_speed_mps,
                           e.opt.target_dive_deg > 0 ? fmt::format(" diving {:g} deg", e.opt.target_dive_deg) : std::string(),
                           std::isfinite(r.max_speed_mps) ? fmt::format("(up to {:g} km/s) ", r.max_speed_mps / 1e3) : std::string(),
                           r.min_range_m / 1e3, r.max_range_m / 1e3, r.min_altitude_m / 1e3, r.max_altitude_m / 1e3, r.pk);
  std::cout << fmt::format("{} of {} grid points inside the table are inside the kinematic flyout's reach; a guided flight hits {} of them "
                           "against this target\n", check.reached, check.in_table, check.hit);
  for (std::size_t i = 0; i < check.unreached.size() && i < 20; ++i) {
    const EnvelopePoint& p = check.unreached[i];
    std::cout << fmt::format("  not reached: ground range {:.1f} km, altitude {:.1f} km\n", p.range_m / 1e3, p.altitude_m / 1e3);
  }
  std::cout << fmt::format("Wrote {0}/envelope.csv, {0}/envelope.svg\n", out_dir);
  if (!check.unreached.empty()) {
    std::cout << fmt::format("INCONSISTENT: the table claims {} point(s) the flyout does not reach\n", check.unreached.size());
    return 1;
  }
  return 0;
}
