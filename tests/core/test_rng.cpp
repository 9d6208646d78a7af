#include <gtest/gtest.h>

#include <cmath>

#include "core/rng.hpp"

using namespace skyshield;

TEST(Rng, SameSeedSameStream) {
  Rng a = Rng::stream(42, "radar", 3), b = Rng::stream(42, "radar", 3);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(Rng, DifferentStreamsDiffer) {
  Rng a = Rng::stream(42, "radar", 3), b = Rng::stream(42, "radar", 4), c = Rng::stream(43, "radar", 3);
  EXPECT_NE(a.next_u64(), b.next_u64());
  EXPECT_NE(Rng::stream(42, "radar", 3).next_u64(), c.next_u64());
}

TEST(Rng, MomentsOfDistributions) {
  // Sample moments of 2e5 draws against the analytic ones: uniform mean 1/2 and variance 1/12,
  // normal mean 0 and variance 1, Poisson mean = variance = lambda. Tolerances are ~5 standard errors.
  Rng r(7);
  const int n = 200000;
  double su = 0, su2 = 0, sn = 0, sn2 = 0, sp = 0, sp2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform(); su += u; su2 += u * u;
    const double z = r.normal(); sn += z; sn2 += z * z;
    const double k = static_cast<double>(r.poisson(3.5)); sp += k; sp2 += k * k;
  }
  EXPECT_NEAR(su / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(su2 / n - (su / n) * (su / n), 1.0 / 12, 0.002);
  EXPECT_NEAR(sn / n, 0.0, 5 / std::sqrt(n));
  EXPECT_NEAR(sn2 / n, 1.0, 0.02);
  EXPECT_NEAR(sp / n, 3.5, 5 * std::sqrt(3.5 / n));
  EXPECT_NEAR(sp2 / n - (sp / n) * (sp / n), 3.5, 0.1);
}
