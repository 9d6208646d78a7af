// Detection time stamps through the whole engine (issue 26, defect 9): every detection the radars hand
// to the trackers (RunOptions::on_batch, the same batches `run --detections` writes) is compared with
// the truth recorded at its stamped time (trajectories sampled every step: the truth at the end of each
// step, i.e. at the start of the next). Range residuals normalised by each detection's sigma have mean
// 0 when the stamp is right; the sampling error of the mean is 1 / sqrt(n) (n > 1000: 0.03). Before the
// fix the detections were the truth at the end of the step stamped at its start: the mean was several
// sigma negative (inbound targets). Scenario: tests/scenario/data/minimal.yaml (a jet and an SRBM).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "scenario/loader.hpp"
#include "sim/engine.hpp"

using namespace skyshield;

TEST(DetectionTimeStampEngine, RangesAreUnbiasedAgainstTheTruthAtTheirStamp) {
  Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/tests/scenario/data/minimal.yaml");
  s.sim.trajectory_sample_s = s.sim.step_s;
  struct Det {
    double t;
    Vec3 antenna_ecef;
    LocalFrame frame;
    Measurement m;
  };
  std::vector<Det> dets;
  RunOptions o;
  o.on_batch = [&](const std::string&, const Geodetic&, const MeasurementBatch& b) {
    for (const Measurement& m : b.detections) dets.push_back({m.t, b.radar_frame.origin_ecef(), b.radar_frame, m});
  };
  const RunRecord run = run_scenario(s, o);
  // Truth by time (ms) for every threat sample.
  std::map<long long, std::vector<Vec3>> truth;
  for (const Trajectory& tr : run.trajectories) {
    if (tr.kind.rfind("interceptor", 0) == 0) continue;
    for (const TrajectorySample& p : tr.samples) truth[std::llround(p.t * 1000.0)].push_back(ecef_from_geodetic(p.p));
  }
  double sum = 0.0;
  int n = 0;
  for (const Det& d : dets) {
    const auto at = truth.find(std::llround(d.t * 1000.0));
    if (at == truth.end()) continue;
    const Vec3 measured = d.frame.to_ecef(enu_from_range_az_el(d.m.rae));
    for (const Vec3& p : at->second) {
      // The detection of this object: within 300 m (false alarms are spread over hundreds of km).
      if ((p - measured).norm() > 300.0) continue;
      const double range = d.frame.to_enu(p).norm();
      sum += (d.m.rae.range_m - range) / d.m.sigma_range_m;
      ++n;
    }
  }
  ASSERT_GT(n, 1000);
  const double mean = sum / n;
  std::printf("%d detections: mean range residual %.3f sigma\n", n, mean);
  EXPECT_LT(std::abs(mean), 0.2);
}
