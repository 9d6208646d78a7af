#include "analysis/target_envelope_check.hpp"

#include <fmt/format.h>

#include <cmath>

#include "core/error.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {

namespace {

// The class's kinematic flyout (its tabulated physics) reaches this ground range and height.
bool kinematic_reach(const InterceptorClass& c, double ground_m, double height_m) {
  if (const auto* table = dynamic_cast<const FlyoutTable*>(c.flyout.get())) return table->at(ground_m, height_m).reachable;
  return c.flyout && c.flyout->to(Vec3(0.0, ground_m, height_m)).reachable;
}

}  // namespace

Envelope compute_target_envelope(const InterceptorClass& c, ThreatClass target, EnvelopeOptions opt,
                                 TargetEnvelopeCheck& check) {
  if (!c.envelopes.has_rows(target))
    throw InputError(fmt::format("envelope: class '{}' has no envelope table for {}", c.name, to_string(target)));
  const TargetEnvelope* row = c.envelopes.find(target, opt.target_speed_mps);
  if (!row)
    throw InputError(fmt::format("envelope: class '{}' has no {} band for a target at {:g} m/s (its fastest band ends at {:g} m/s)",
                                 c.name, to_string(target), opt.target_speed_mps,
                                 c.envelopes.rows[static_cast<int>(target)].back().max_speed_mps));
  if (opt.max_range_m <= 0.0) opt.max_range_m = 1.1 * row->max_range_m;
  if (target == ThreatClass::BallisticMissile && opt.target_speed_mps > 0.0) opt.target_dive_deg = kBallisticDiveDeg;
  Envelope e = compute_envelope(c, opt);
  e.target = std::string(to_string(target));
  e.table = *row;
  check = TargetEnvelopeCheck{};
  check.row = *row;
  for (EnvelopePoint& p : e.points) {
    const double slant = std::hypot(p.range_m, p.altitude_m);
    p.in_table = slant >= row->min_range_m && slant <= row->max_range_m && p.altitude_m >= row->min_altitude_m &&
                 p.altitude_m <= row->max_altitude_m;
    if (!p.in_table) continue;
    ++check.in_table;
    if (p.reached) ++check.hit;
    if (kinematic_reach(c, p.range_m, p.altitude_m)) ++check.reached;
    else check.unreached.push_back(p);
  }
  return e;
}

}  // namespace skyshield
