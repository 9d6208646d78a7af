// The IMM's position-only prediction (tracking/imm.hpp, imm_predicted_position) against the full one
// it shortcuts (imm_predict then combined()): the same bits, on random mixtures of every model set the
// tracker uses (the tentative CV filter, the full IMM with the ballistic model, the UKF), at the
// intervals it predicts over (zero, a step, seconds).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "tracking/imm.hpp"

using namespace skyshield;

namespace {

Gaussian random_gaussian(double scale) {
  Gaussian g;
  g.x << 20e3, 150e3, 8e3, -50.0, -250.0, 10.0, 0.5, 0.2, -0.1;
  g.x += Vec9::Random().cwiseProduct((Vec9() << 5e3, 5e3, 2e3, 200, 200, 50, 5, 5, 5).finished());
  const Mat9 A = Mat9::Random();
  g.P = A * A.transpose() * scale + Mat9::Identity() * 10.0;
  return g;
}

ImmState random_state(const ImmParams& p) {
  ImmState s = imm_start(random_gaussian(1e3), p);
  double sum = 0.0;
  for (int j = 0; j < s.n; ++j) {
    s.model[j] = random_gaussian(1e2 * (j + 1));
    s.mu[j] = 0.05 + std::abs(Vec9::Random()(0));
    sum += s.mu[j];
  }
  for (int j = 0; j < s.n; ++j) s.mu[j] /= sum;
  return s;
}

template <class M>
bool same_bits(const M& a, const M& b) {
  return std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<std::size_t>(a.size())) == 0;
}

void expect_same_as_full(const ImmParams& p, int trials) {
  const MotionContext ctx{};
  for (int k = 0; k < trials; ++k) {
    for (double dt : {0.0, 0.05, 1.0, 4.7, 12.0}) {
      const ImmState s = random_state(p);
      ImmState full = s;
      imm_predict(full, dt, p, ctx);
      const Gaussian c = full.combined();
      Vec9 mean;
      Mat3 P_pp;
      imm_predicted_position(s, dt, p, ctx, mean, P_pp);
      EXPECT_TRUE(same_bits(mean, c.x)) << "trial " << k << " dt " << dt;
      const Mat3 ref = c.P.topLeftCorner<3, 3>();
      EXPECT_TRUE(same_bits(P_pp, ref)) << "trial " << k << " dt " << dt << "\n" << (P_pp - ref);
    }
  }
}

}  // namespace

TEST(ImmPosition, FullImmSameBitsAsPredictThenCombine) {
  expect_same_as_full(ImmParams{}, 200);
}

TEST(ImmPosition, SingleModelsSameBits) {
  for (MotionModel m : {MotionModel::ConstantVelocity, MotionModel::ConstantAcceleration, MotionModel::CoordinatedTurn, MotionModel::Ballistic}) {
    ImmParams p;
    p.models = {m};
    expect_same_as_full(p, 50);
  }
}

TEST(ImmPosition, UkfSameBits) {
  ImmParams p;
  p.filter = FilterKind::Ukf;
  expect_same_as_full(p, 50);
}
