// Gating of a crowded batch (tracking/association.cpp): thousands of objects launched from one spot
// must not make the gated pairs (and the memory, about 2 kB a pair) grow with tracks x detections.
// Reference for the sparse case: brute force over every (track, detection) pair with the same
// prefilter radius (gating_radius) and the same gate test (any IMM model within the chi-square gate).
#include <gtest/gtest.h>

#include "core/rng.hpp"
#include "tracking/association.hpp"
#include "tracking/spherical_measurement.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {
namespace {

struct Batch {
  std::vector<ImmState> states;
  AssociationInput in;
};

// n_tracks tracks and n_det detections (n_tracks of them near the tracks) about random points within `spread` m of (0, 100 km, 3 km).
Batch make_batch(int n_tracks, int n_det, double spread, std::uint64_t seed, const TrackerParams& p) {
  Rng rng(seed);
  Batch b;
  SensorGeometry sensor;
  sensor.position = Vec3(0.0, 0.0, 20.0);
  sensor.to_sensor = Mat3::Identity();
  auto point = [&] { return Vec3(rng.uniform(-spread, spread), 100e3 + rng.uniform(-spread, spread), 3e3 + rng.uniform(-spread, spread) * 0.01); };
  for (int a = 0; a < n_tracks; ++a) {
    Gaussian g;
    g.x << point(), 0.0, -50.0, 0.0, 0.0, 0.0, 0.0;
    g.P = Mat9::Identity() * 100.0 * 100.0;
    b.states.push_back(imm_start(g, p.imm));
  }
  for (int k = 0; k < n_det; ++k) {
    Vec9 x = Vec9::Zero();
    // The first detections near the tracks (some inside their gates, some not), the rest anywhere.
    x.head<3>() = k < n_tracks ? Vec3(b.states[k].model[0].x.head<3>() + Vec3(rng.normal(), rng.normal(), rng.normal()) * 300.0)
                               : point();
    SphericalMeasurement z;
    z.dim = 3;
    z.sensor = sensor;
    z.sigma << 30.0, 2e-3, 2e-3, 0.0;
    z.z = measure(x, sensor);
    z.z(3) = 0.0;
    b.in.z.push_back(z);
    b.in.z_position.push_back(x.head<3>());
    b.in.z_position_var.push_back(3 * 200.0 * 200.0);
  }
  for (const ImmState& s : b.states) b.in.predicted.push_back(&s);
  b.in.clutter_volume = 1e9;
  return b;
}

long long brute_force_gated(const Batch& b, const TrackerParams& p) {
  double max_var = 0.0;
  for (double v : b.in.z_position_var) max_var = std::max(max_var, v);
  long long n = 0;
  for (const ImmState* s : b.in.predicted) {
    Vec3 c;
    double trace = 0.0;
    s->combined_position(c, trace);
    const double r = gating_radius(trace, max_var, p);
    for (std::size_t k = 0; k < b.in.z.size(); ++k) {
      if ((b.in.z_position[k] - c).norm() > r) continue;
      const ImmInnovations inn = imm_innovate(*s, b.in.z[k], p.imm);
      bool inside = false;
      double like = 0.0;
      for (int j = 0; j < s->n; ++j) {
        inside = inside || inn[j].mahalanobis2 <= p.gate_chi2;
        like += s->mu[j] * inn[j].likelihood();
      }
      n += inside && like > 0.0;
    }
  }
  return n;
}

TEST(CrowdedGate, SparseBatchGatesEveryPairBruteForceDoes) {
  TrackerParams p;
  const Batch b = make_batch(60, 80, 40e3, 5, p);   // a few per grid cell: not crowded
  TrackerStats stats;
  associate(b.in, p, stats);
  const long long reference = brute_force_gated(b, p);
  EXPECT_GT(reference, 0);
  EXPECT_EQ(stats.gated_pairs, reference);
}

TEST(CrowdedGate, PairsGrowWithDetectionsNotTheirSquare) {
  TrackerParams p;
  const int n = 400;                                  // 400 tracks and 400 detections within 300 m
  const Batch b = make_batch(n, n, 300.0, 9, p);
  TrackerStats stats;
  const AssociationResult r = associate(b.in, p, stats);
  // Brute force gates nearly all n^2 = 160000 pairs; the crowded gate tries each detection against
  // its 4 nearest track predictions only.
  EXPECT_GT(brute_force_gated(b, p), 100000);
  EXPECT_LE(stats.gated_pairs, 4LL * n);
  EXPECT_GT(stats.gated_pairs, n / 2);                // and still gates: most detections find a track
  for (const auto& w : r.weights) EXPECT_LE(w.size(), 1u);   // GNN: at most one detection a track
}

}  // namespace
}  // namespace skyshield
