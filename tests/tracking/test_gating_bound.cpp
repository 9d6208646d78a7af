// The EKF gating shortcut (association.hpp, outside_every_gate) against the exact innovations: on
// random IMM states and radar measurements, whenever the shortcut says no model's gate holds, every
// model's squared Mahalanobis distance from imm_innovate exceeds the gate (the bound y_r^2 / S_rr is a
// lower bound of y' S^-1 y by Cauchy-Schwarz); and it does settle a good share of the pairs that fail.
#include <gtest/gtest.h>

#include <cmath>

#include "core/rng.hpp"
#include "tracking/association.hpp"

namespace skyshield {
namespace {

TEST(GatingBound, NeverRejectsAPairSomeModelGates) {
  Rng rng(21);
  ImmParams p;   // four models, EKF
  SensorGeometry sensor;
  sensor.position = Vec3(3e3, -2e3, 30.0);
  const double c = std::cos(0.01), s = std::sin(0.01);
  sensor.to_sensor << c, -s, 0.0, s, c, 0.0, 0.0, 0.0, 1.0;
  int outside_exact = 0, outside_bound = 0;
  for (int trial = 0; trial < 4000; ++trial) {
    Gaussian g;
    g.x << rng.normal() * 80e3, 120e3 + rng.normal() * 60e3, 5e3 + std::abs(rng.normal()) * 8e3, rng.normal() * 300.0,
        rng.normal() * 300.0, rng.normal() * 50.0, 0.0, 0.0, 0.0;
    const double sigma = std::exp(rng.uniform(std::log(20.0), std::log(3000.0)));
    Mat9 A = Mat9::Random() * 0.3 + Mat9::Identity();
    g.P = A * A.transpose() * sigma * sigma;
    ImmState st = imm_start(g, p);
    for (int j = 0; j < st.n; ++j) {   // the models apart, as after a manoeuvre
      st.model[j].x.head<3>() += Vec3(rng.normal(), rng.normal(), rng.normal()) * sigma;
      st.mu[j] = 0.25;
    }
    SphericalMeasurement z;
    z.dim = trial % 2 == 0 ? 3 : 4;
    z.sensor = sensor;
    z.sigma << 30.0, 2e-3, 2e-3, z.dim == 4 ? 1.0 : 0.0;
    z.z = measure(st.model[0].x, sensor);
    z.z(0) += rng.normal() * 5.0 * sigma;   // from inside the gate to far outside it
    z.z(1) += rng.normal() * 0.01;
    if (z.dim == 3) z.z(3) = 0.0;
    const double gate = z.dim == 4 ? 18.47 : 16.27;
    const ImmInnovations in = imm_innovate(st, z, p);
    bool inside = false;
    for (int j = 0; j < st.n; ++j) inside = inside || in[j].mahalanobis2 <= gate;
    outside_exact += inside ? 0 : 1;
    if (outside_every_gate(st, z, gate)) {
      ++outside_bound;
      EXPECT_FALSE(inside) << "trial " << trial;
    }
  }
  RecordProperty("outside_exact", outside_exact);
  RecordProperty("outside_by_bound", outside_bound);
  EXPECT_GT(outside_bound, outside_exact / 3);   // not vacuous: it settles many of the misses
}

}  // namespace
}  // namespace skyshield
