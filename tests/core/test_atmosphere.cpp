// US Standard Atmosphere 1976 against the published table.
#include <gtest/gtest.h>

#include "core/atmosphere.hpp"
#include "us1976_table.hpp"

#include <cmath>

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

TEST(Atmosphere, FastTableMatchesUs1976Table) {
  // The tabulated density against the published table (NOAA-S/T 76-1562 Table I, us1976_table.hpp).
  for (const reference::Us1976Row& r : reference::kUs1976Table) {
    SCOPED_TRACE(r.z_m);
    const AtmosphereState s = us1976_fast(r.z_m);
    EXPECT_NEAR(s.temperature_k, r.t_k, 0.002);
    EXPECT_NEAR(s.pressure_pa / r.p_pa, 1.0, 2e-4);
    EXPECT_NEAR(s.density_kg_m3 / r.rho, 1.0, 2e-4);
    EXPECT_NEAR(us1976_density_slope(r.z_m).density_kg_m3 / r.rho, 1.0, 2e-4);
  }
}

TEST(Atmosphere, FastTableEqualsTheExactLayersEverywhere) {
  // Brute force against the exact layer formulas every 7.3 m (off the 25 m nodes) from -5 km to
  // 120 km: density within 3e-6 relative (linear interpolation: h^2/8 rho''/rho ~ (25 m)^2 / 8 / H^2
  // with scale height H >= 5.5 km), and the slope against a central difference of us1976() (+-1 m;
  // not where that difference straddles a layer boundary, where the slope jumps with the lapse rate).
  double worst_rho = 0.0, worst_slope = 0.0;
  auto near_boundary = [](double z) {
    for (double hb : {11000.0, 20000.0, 32000.0, 47000.0, 51000.0, 71000.0, 84852.0})
      if (std::abs(z - hb * 6356766.0 / (6356766.0 - hb)) < 1.5) return true;   // geometric of the base
    return false;
  };
  for (double z = -4990.0; z <= 120e3; z += 7.3) {
    const double exact = us1976(z).density_kg_m3;
    const DensitySlope d = us1976_density_slope(z);
    const double diff = (us1976(z + 1.0).density_kg_m3 - us1976(z - 1.0).density_kg_m3) / 2.0;
    worst_rho = std::max(worst_rho, std::abs(us1976_fast(z).density_kg_m3 / exact - 1.0));
    worst_rho = std::max(worst_rho, std::abs(d.density_kg_m3 / exact - 1.0));
    if (!near_boundary(z)) worst_slope = std::max(worst_slope, std::abs(d.slope_kg_m4 - diff) / std::abs(diff));
    EXPECT_NEAR(us1976_fast(z).temperature_k, us1976(z).temperature_k, 1e-9) << z;
  }
  EXPECT_LT(worst_rho, 3e-6);
  EXPECT_LT(worst_slope, 1e-4);
  EXPECT_GT(worst_rho, 0.0);   // it is an interpolation, not the formula itself
  // Outside the table: the exact state (clamped below -5 km, isothermal above 86 km).
  EXPECT_EQ(us1976_fast(-7000.0).density_kg_m3, us1976(-7000.0).density_kg_m3);
  EXPECT_EQ(us1976_density_slope(-7000.0).slope_kg_m4, 0.0);
  EXPECT_EQ(us1976_fast(150e3).density_kg_m3, us1976(150e3).density_kg_m3);
}
