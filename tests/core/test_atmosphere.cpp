// US Standard Atmosphere 1976 against the published table.
#include <gtest/gtest.h>

#include "core/atmosphere.hpp"
#include "us1976_table.hpp"

using namespace skyshield;


TEST(Atmosphere, MatchesUs1976Table) {
  for (const reference::Us1976Row& r : reference::kUs1976Table) {
    SCOPED_TRACE(r.z_m);
    const AtmosphereState s = us1976(r.z_m);
    EXPECT_NEAR(s.temperature_k, r.t_k, 0.002);
    EXPECT_NEAR(s.pressure_pa / r.p_pa, 1.0, 2e-4);   // table rounding: 5 figures
    EXPECT_NEAR(s.density_kg_m3 / r.rho, 1.0, 2e-4);
  }
}

TEST(Atmosphere, SpeedOfSoundMatchesTable) {
  // Table I: a = 340.29 m/s at sea level, 299.53 at 10 km, 295.07 at 20 km, 329.80 at 50 km.
  EXPECT_NEAR(us1976(0.0).speed_of_sound_mps, 340.29, 0.01);
  EXPECT_NEAR(us1976(10000.0).speed_of_sound_mps, 299.53, 0.01);
  EXPECT_NEAR(us1976(20000.0).speed_of_sound_mps, 295.07, 0.01);
  EXPECT_NEAR(us1976(50000.0).speed_of_sound_mps, 329.80, 0.01);
}

TEST(Atmosphere, ContinuousAcrossLayersAndMonotoneAboveStandard) {
  // The layers join without jumps (the standard defines base pressures by integration).
  for (double hb : {11000.0, 20000.0, 32000.0, 47000.0, 51000.0, 71000.0}) {
    const double z = hb * 6356766.0 / (6356766.0 - hb);  // geometric altitude of the geopotential base
    EXPECT_NEAR(us1976(z - 0.01).pressure_pa / us1976(z + 0.01).pressure_pa, 1.0, 1e-5) << hb;
  }
  // 86 km: table p = 0.37338 Pa; above it the isothermal extension keeps density falling.
  EXPECT_NEAR(us1976(86000.0).pressure_pa / 0.37338, 1.0, 2e-3);
  double prev = us1976(86000.0).density_kg_m3;
  for (double z = 100e3; z <= 1000e3; z += 100e3) {
    const double rho = us1976(z).density_kg_m3;
    EXPECT_LT(rho, prev);
    EXPECT_GE(rho, 0.0);
    prev = rho;
  }
}
