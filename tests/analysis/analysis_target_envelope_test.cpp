// The envelope of a class against a target class (analysis/target_envelope_check.hpp) on a small grid
// with the library's long-range class (scenarios/library/interceptors.yaml): the table row is drawn
// where the row's box says (reference: the slant range and altitude of each grid point against the
// row, by hand) and checked against the kinematic flyout (reference: brute force, the class's flyout
// table at each point).
#include <gtest/gtest.h>

#include <cmath>

#include "analysis/target_envelope_check.hpp"
#include "core/error.hpp"
#include "scenario/loader.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {
namespace {

const InterceptorClass& long_range(const Scenario& s) {
  for (const InterceptorClass& c : s.interceptor_classes)
    if (c.name == "long_range") return c;
  throw std::runtime_error("no long_range class");
}

EnvelopeOptions small_grid(double speed) {
  EnvelopeOptions o;
  o.target_speed_mps = speed;
  o.range_cells = 8;
  o.altitude_cells = 5;
  return o;
}

TEST(TargetEnvelopeCheck, LibraryBallisticBandInsideTheFlyout) {
  const Scenario s = load_scenario(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/default.yaml");
  const InterceptorClass& c = long_range(s);
  TargetEnvelopeCheck check;
  const Envelope e = compute_target_envelope(c, ThreatClass::BallisticMissile, small_grid(2900.0), check);
  // The 2-3 km/s band of the library: slant 3-60 km, altitude 2-27 km; the grid spans 1.1 x 60 km.
  EXPECT_DOUBLE_EQ(check.row.max_range_m, 60e3);
  EXPECT_DOUBLE_EQ(check.row.min_altitude_m, 2e3);
  EXPECT_DOUBLE_EQ(e.opt.target_dive_deg, kBallisticDiveDeg);
  ASSERT_EQ(e.points.size(), 40u);
  int inside = 0;
  for (const EnvelopePoint& p : e.points) {
    const double slant = std::hypot(p.range_m, p.altitude_m);
    const bool box = slant >= 3e3 && slant <= 60e3 && p.altitude_m >= 2e3 && p.altitude_m <= 27e3;
    EXPECT_EQ(p.in_table, box) << p.range_m << " " << p.altitude_m;
    inside += box;
  }
  EXPECT_EQ(check.in_table, inside);
  EXPECT_GT(inside, 20);
  EXPECT_EQ(check.reached, inside);  // every table point inside the kinematic flyout
  EXPECT_TRUE(check.unreached.empty());
  EXPECT_LE(check.hit, inside);
  EXPECT_GT(check.hit, 0);
}

TEST(TargetEnvelopeCheck, TableBeyondTheFlyoutIsReported) {
  const Scenario s = load_scenario(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/default.yaml");
  InterceptorClass c = long_range(s);
  // A row claiming 400 km (the flyout reaches ~255 km): every grid point of the row beyond the
  // flyout table's reach at its altitude must be listed, and no other.
  c.envelopes.rows[static_cast<int>(ThreatClass::Aircraft)] = {{kNoSpeedLimit, 3e3, 400e3, 1e3, 20e3, 0.9}};
  TargetEnvelopeCheck check;
  const Envelope e = compute_target_envelope(c, ThreatClass::Aircraft, small_grid(0.0), check);
  const auto& table = dynamic_cast<const FlyoutTable&>(*c.flyout);
  int beyond = 0;
  for (const EnvelopePoint& p : e.points)
    if (p.in_table && !table.at(p.range_m, p.altitude_m).reachable) ++beyond;
  EXPECT_GT(beyond, 0);
  EXPECT_EQ(static_cast<int>(check.unreached.size()), beyond);
  EXPECT_EQ(check.reached + beyond, check.in_table);
  for (const EnvelopePoint& p : check.unreached) EXPECT_GT(p.range_m, 200e3) << p.altitude_m;
}

TEST(TargetEnvelopeCheck, TooFastForEveryBandIsAnError) {
  const Scenario s = load_scenario(std::string(SKYSHIELD_SOURCE_DIR) + "/scenarios/default.yaml");
  TargetEnvelopeCheck check;
  try {
    compute_target_envelope(long_range(s), ThreatClass::BallisticMissile, small_grid(6000.0), check);
    FAIL() << "no error";
  } catch (const InputError& err) {
    EXPECT_NE(std::string(err.what()).find("no ballistic_missile band for a target at 6000 m/s"), std::string::npos) << err.what();
  }
}

}  // namespace
}  // namespace skyshield
