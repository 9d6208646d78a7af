// OSPA and GOSPA against hand-computed sets and brute-force enumeration of their definitions:
// Schuhmacher, Vo & Vo, IEEE Trans. SP 56(8), 2008, eq. (3) (OSPA); Rahmathullah, Garcia-Fernandez &
// Svensson, FUSION 2017, eq. (1) and Proposition 1 (GOSPA and its assignment form for alpha = 2).
// Identity measures after Rothrock & Drummond, SPIE 4048, 2000 (see tracking/track_quality.hpp).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <random>

#include "tracking/assignment.hpp"
#include "tracking/ospa.hpp"
#include "tracking/track_quality.hpp"

namespace skyshield {
namespace {

OspaParams params(double c, double p, double alpha = 2.0) { return OspaParams{c, p, alpha}; }

TEST(Ospa, EmptySetsAreAtDistanceZero) {
  EXPECT_EQ(ospa({}, {}, params(10, 1)), 0.0);
  const GospaResult g = gospa({}, {}, params(10, 1));
  EXPECT_EQ(g.distance, 0.0);
  EXPECT_EQ(g.missed_count + g.false_count + g.assigned, 0);
}

TEST(Ospa, AgainstAnEmptySetOspaIsTheCutoffAndGospaCountsCardinality) {
  const std::vector<Vec3> three{Vec3(0, 0, 0), Vec3(1, 0, 0), Vec3(2, 0, 0)};
  // OSPA: (1/n (c^p n))^(1/p) = c for every p.
  EXPECT_DOUBLE_EQ(ospa({}, three, params(10, 1)), 10.0);
  EXPECT_DOUBLE_EQ(ospa(three, {}, params(10, 2)), 10.0);
  // GOSPA: (c^p / alpha * 3)^(1/p): p = 1, alpha = 2 -> 15; p = 2 -> sqrt(150); alpha = 1, p = 1 -> 30.
  const GospaResult f = gospa({}, three, params(10, 1));
  EXPECT_DOUBLE_EQ(f.distance, 15.0);
  EXPECT_EQ(f.false_count, 3);
  EXPECT_DOUBLE_EQ(f.false_tracks, 15.0);
  EXPECT_DOUBLE_EQ(f.missed, 0.0);
  const GospaResult m = gospa(three, {}, params(10, 2));
  EXPECT_NEAR(m.distance, std::sqrt(150.0), 1e-12);
  EXPECT_EQ(m.missed_count, 3);
  EXPECT_DOUBLE_EQ(gospa({}, three, params(10, 1, 1.0)).distance, 30.0);
}

TEST(Ospa, OnePairInsideAndBeyondTheCutoff) {
  const std::vector<Vec3> x{Vec3(0, 0, 0)}, y{Vec3(3, 4, 0)};   // 3-4-5 triangle: d = 5
  EXPECT_DOUBLE_EQ(ospa(x, y, params(10, 2)), 5.0);
  const GospaResult in = gospa(x, y, params(10, 2));
  EXPECT_DOUBLE_EQ(in.distance, 5.0);
  EXPECT_DOUBLE_EQ(in.localisation, 25.0);
  EXPECT_EQ(in.assigned, 1);
  EXPECT_EQ(in.truth_to_track, std::vector<int>{0});
  // c = 4 < d: the pair costs c^p = 16, split as a miss (8) and a false track (8); distance 4.
  EXPECT_DOUBLE_EQ(ospa(x, y, params(4, 2)), 4.0);
  const GospaResult out = gospa(x, y, params(4, 2));
  EXPECT_DOUBLE_EQ(out.distance, 4.0);
  EXPECT_DOUBLE_EQ(out.localisation, 0.0);
  EXPECT_DOUBLE_EQ(out.missed, 8.0);
  EXPECT_DOUBLE_EQ(out.false_tracks, 8.0);
  EXPECT_EQ(out.assigned, 0);
  EXPECT_EQ(out.missed_count, 1);
  EXPECT_EQ(out.false_count, 1);
  EXPECT_EQ(out.truth_to_track, std::vector<int>{-1});
}

TEST(Ospa, CardinalityMismatchByHand) {
  // Truth a = (0,0,0), b = (10,0,0); one track at (1,0,0); c = 5.
  const std::vector<Vec3> x{Vec3(0, 0, 0), Vec3(10, 0, 0)}, y{Vec3(1, 0, 0)};
  // p = 1: OSPA = (1 + 5) / 2 = 3; GOSPA alpha 2 = 1 + 5/2 = 3.5; alpha 1 = 1 + 5 = 6.
  EXPECT_DOUBLE_EQ(ospa(x, y, params(5, 1)), 3.0);
  EXPECT_DOUBLE_EQ(gospa(x, y, params(5, 1)).distance, 3.5);
  EXPECT_DOUBLE_EQ(gospa(x, y, params(5, 1, 1.0)).distance, 6.0);
  // p = 2: OSPA = sqrt((1 + 25) / 2) = sqrt(13); GOSPA = sqrt(1 + 12.5).
  EXPECT_NEAR(ospa(x, y, params(5, 2)), std::sqrt(13.0), 1e-12);
  const GospaResult g = gospa(x, y, params(5, 2));
  EXPECT_NEAR(g.distance, std::sqrt(13.5), 1e-12);
  EXPECT_DOUBLE_EQ(g.localisation, 1.0);
  EXPECT_DOUBLE_EQ(g.missed, 12.5);
  EXPECT_EQ(g.truth_to_track, (std::vector<int>{0, -1}));
  // Swapping the roles swaps missed and false.
  const GospaResult s = gospa(y, x, params(5, 2));
  EXPECT_DOUBLE_EQ(s.false_tracks, 12.5);
  EXPECT_DOUBLE_EQ(s.distance, g.distance);
}

TEST(Ospa, EqualCardinalityGospaIsOspaTimesNToTheOneOverP) {
  // With |X| = |Y| = n there is no cardinality term: GOSPA^p = n OSPA^p for every alpha.
  const std::vector<Vec3> x{Vec3(0, 0, 0), Vec3(100, 0, 0), Vec3(0, 50, 0)};
  const std::vector<Vec3> y{Vec3(3, 0, 0), Vec3(0, 61, 0), Vec3(500, 0, 0)};
  for (double p : {1.0, 2.0, 3.0})
    for (double alpha : {0.5, 1.0, 2.0}) {
      const OspaParams prm = params(40, p, alpha);
      EXPECT_NEAR(gospa(x, y, prm).distance, std::pow(3.0, 1.0 / p) * ospa(x, y, prm), 1e-9) << p << " " << alpha;
    }
}

// Brute force: every injection of the smaller set into the larger, eq. (3) / eq. (1).
double brute_min_sum(const std::vector<Vec3>& a, const std::vector<Vec3>& b, const OspaParams& prm) {
  const auto& small = a.size() <= b.size() ? a : b;
  const auto& large = a.size() <= b.size() ? b : a;
  std::vector<int> perm(large.size());
  std::iota(perm.begin(), perm.end(), 0);
  double best = 1e300;
  do {
    double s = 0.0;
    for (std::size_t i = 0; i < small.size(); ++i)
      s += std::pow(std::min(prm.cutoff_m, (small[i] - large[static_cast<std::size_t>(perm[i])]).norm()), prm.order);
    best = std::min(best, s);
  } while (std::next_permutation(perm.begin(), perm.end()));
  return best;
}

// Brute force of Proposition 1's form: every partial assignment gamma, unassigned elements at c^p / 2.
double brute_gamma_form(const std::vector<Vec3>& x, const std::vector<Vec3>& y, const OspaParams& prm) {
  const double half = std::pow(prm.cutoff_m, prm.order) / 2.0;
  std::vector<char> used(y.size(), 0);
  std::function<double(std::size_t)> rec = [&](std::size_t i) -> double {
    if (i == x.size()) {
      double free_y = 0;
      for (char u : used) free_y += !u;
      return half * free_y;
    }
    double best = half + rec(i + 1);   // x_i unassigned
    for (std::size_t j = 0; j < y.size(); ++j) {
      if (used[j]) continue;
      used[j] = 1;
      best = std::min(best, std::pow((x[i] - y[j]).norm(), prm.order) + rec(i + 1));
      used[j] = 0;
    }
    return best;
  };
  return std::pow(rec(0), 1.0 / prm.order);
}

std::vector<Vec3> random_set(std::mt19937& gen, int n) {
  std::uniform_real_distribution<double> u(-20.0, 20.0);
  std::vector<Vec3> s;
  for (int i = 0; i < n; ++i) s.emplace_back(u(gen), u(gen), u(gen));
  return s;
}

TEST(Ospa, MatchesBruteForceDefinitionsOnRandomSmallSets) {
  std::mt19937 gen(7);
  std::uniform_int_distribution<int> card(0, 5);
  std::uniform_real_distribution<double> cut(5.0, 40.0);
  for (int trial = 0; trial < 1000; ++trial) {
    const std::vector<Vec3> x = random_set(gen, card(gen)), y = random_set(gen, card(gen));
    const double p = 1.0 + trial % 3;
    const double alpha = trial % 2 ? 2.0 : 1.0;
    const OspaParams prm = params(cut(gen), p, alpha);
    const double n = static_cast<double>(std::max(x.size(), y.size()));
    const double diff = std::abs(static_cast<double>(x.size()) - static_cast<double>(y.size()));
    const double cp = std::pow(prm.cutoff_m, p);
    const double sum = brute_min_sum(x, y, prm);
    const double want_ospa = n == 0 ? 0.0 : std::pow((sum + cp * diff) / n, 1.0 / p);
    const double want_gospa = std::pow(sum + cp / alpha * diff, 1.0 / p);
    ASSERT_NEAR(ospa(x, y, prm), want_ospa, 1e-9 * (1 + want_ospa)) << trial;
    const GospaResult g = gospa(x, y, prm);
    ASSERT_NEAR(g.distance, want_gospa, 1e-9 * (1 + want_gospa)) << trial;
    ASSERT_NEAR(std::pow(g.distance, p), g.localisation + g.missed + g.false_tracks, 1e-9 * (1 + cp * 10)) << trial;
    ASSERT_EQ(g.assigned + g.missed_count, static_cast<int>(x.size()));
    ASSERT_EQ(g.assigned + g.false_count, static_cast<int>(y.size()));
    if (alpha == 2.0) {
      ASSERT_NEAR(g.distance, brute_gamma_form(x, y, prm), 1e-9 * (1 + want_gospa)) << trial;
    }
  }
}

TEST(Ospa, LargeSetsMatchTheDenseAssignmentOfTheDefinition) {
  // Sets of 60-200 points, large enough for the sparse matching over near pairs: the reference is
  // the definition solved on the dense matrix of min(c, d)^p (exact assignment, assignment.hpp).
  std::mt19937 gen(11);
  std::uniform_real_distribution<double> u(-10e3, 10e3);
  for (int trial = 0; trial < 12; ++trial) {
    std::vector<Vec3> x, y;
    const int nx = 60 + 12 * trial, ny = 200 - 11 * trial;
    for (int i = 0; i < nx; ++i) x.emplace_back(u(gen), u(gen), 0.1 * u(gen));
    for (int i = 0; i < ny; ++i) y.emplace_back(u(gen), u(gen), 0.1 * u(gen));
    const OspaParams prm = params(600.0 + 100.0 * trial, 2.0);
    const std::vector<Vec3>& small = x.size() <= y.size() ? x : y;
    const std::vector<Vec3>& large = x.size() <= y.size() ? y : x;
    Eigen::MatrixXd cost(static_cast<Eigen::Index>(small.size()), static_cast<Eigen::Index>(large.size()));
    for (std::size_t i = 0; i < small.size(); ++i)
      for (std::size_t j = 0; j < large.size(); ++j)
        cost(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = std::pow(std::min(prm.cutoff_m, (small[i] - large[j]).norm()), 2.0);
    const double sum = assignment_cost(cost, solve_assignment_dense(cost));
    const double cp = prm.cutoff_m * prm.cutoff_m;
    const double n = static_cast<double>(large.size()), diff = n - static_cast<double>(small.size());
    const double want = std::sqrt((sum + cp * diff) / n);
    EXPECT_NEAR(ospa(x, y, prm), want, 1e-9 * want) << trial;
    EXPECT_NEAR(gospa(x, y, prm).distance, std::sqrt(sum + cp / 2.0 * diff), 1e-9 * want * n) << trial;
  }
}

TEST(Ospa, SatisfiesTheTriangleInequality) {
  // Both are metrics (OSPA: Schuhmacher et al. 2008 sec. III; GOSPA: Rahmathullah et al. 2017 sec. III).
  std::mt19937 gen(11);
  std::uniform_int_distribution<int> card(0, 4);
  for (int trial = 0; trial < 300; ++trial) {
    const auto x = random_set(gen, card(gen)), y = random_set(gen, card(gen)), z = random_set(gen, card(gen));
    const OspaParams prm = params(15.0, 1.0 + trial % 2);
    EXPECT_LE(ospa(x, z, prm), ospa(x, y, prm) + ospa(y, z, prm) + 1e-9);
    EXPECT_LE(gospa(x, z, prm).distance, gospa(x, y, prm).distance + gospa(y, z, prm).distance + 1e-9);
  }
}

std::vector<LabelledPoint> at(std::initializer_list<std::pair<int, double>> pts) {
  std::vector<LabelledPoint> out;
  for (const auto& [id, x] : pts) out.push_back({id, Vec3(x, 0, 0)});
  return out;
}

TEST(TrackQuality, SteadyTracksHaveFullContinuity) {
  TrackQuality q(params(50, 2));
  for (int k = 0; k < 5; ++k) q.add(k, at({{1, 0.0}, {2, 1000.0}}), at({{7, 3.0}, {8, 1004.0}}));
  const TrackQualitySummary s = q.summary();
  EXPECT_EQ(s.samples, 5);
  EXPECT_EQ(s.identity_switches, 0);
  EXPECT_EQ(s.track_breaks, 0);
  EXPECT_DOUBLE_EQ(s.continuity, 1.0);
  EXPECT_DOUBLE_EQ(s.rms_localisation_m, std::sqrt((9.0 + 16.0) / 2.0));   // errors 3 and 4
  EXPECT_NEAR(s.mean_gospa_m, 5.0, 1e-12);                                   // sqrt(9 + 16)
  EXPECT_DOUBLE_EQ(s.mean_missed + s.mean_false, 0.0);
}

TEST(TrackQuality, SwappedLabelsCountTwoSwitches) {
  TrackQuality q(params(50, 2));
  for (int k = 0; k < 3; ++k) q.add(k, at({{1, 0.0}, {2, 1000.0}}), at({{7, 0.0}, {8, 1000.0}}));
  for (int k = 3; k < 5; ++k) q.add(k, at({{1, 0.0}, {2, 1000.0}}), at({{8, 0.0}, {7, 1000.0}}));
  const TrackQualitySummary s = q.summary();
  EXPECT_EQ(s.identity_switches, 2);
  EXPECT_EQ(s.track_breaks, 0);
  EXPECT_DOUBLE_EQ(s.continuity, 3.0 / 5.0);   // each truth: 3 of 5 instants on its longest holder
}

TEST(TrackQuality, AMergeIsCountedApartFromASwitch) {
  // Truth 1 held by 7, then by 9 into which the tracker merged 7 (and 9 later into 4): merges, not
  // switches; a change to 5, never merged, is a switch.
  TrackQuality q(params(50, 2));
  q.add(0, at({{1, 0.0}}), at({{7, 0.0}}));
  q.note_merge(7, 9);
  q.add(1, at({{1, 0.0}}), at({{9, 0.0}}));
  q.note_merge(9, 4);
  q.add(2, at({{1, 0.0}}), at({{4, 0.0}}));
  q.add(3, at({{1, 0.0}}), at({{5, 0.0}}));
  const TrackQualitySummary s = q.summary();
  EXPECT_EQ(s.identity_merges, 2);
  EXPECT_EQ(s.identity_switches, 1);
  EXPECT_EQ(s.track_breaks, 0);
}

TEST(TrackQuality, AMergeOfTwoObjectsTracksIsAFalseMerge) {
  // Tracks 7 and 8 hold truths 1 and 2 (1 km apart); 9 is 1's duplicate (held nothing, then 1 when 7
  // had let go). Merging 9 into 7 joins one object's tracks; merging 8 into 7 joins two objects'.
  TrackQuality q(params(50, 2));
  q.add(0, at({{1, 0.0}, {2, 1000.0}}), at({{7, 0.0}, {8, 1000.0}, {9, 10.0}}));
  q.note_merge(9, 7);
  EXPECT_EQ(q.summary().false_merges, 0);   // 9 never held a truth
  q.add(1, at({{1, 0.0}, {2, 1000.0}}), at({{7, 0.0}, {8, 1000.0}}));
  q.note_merge(8, 7);
  EXPECT_EQ(q.summary().false_merges, 1);
  // A track that held truth 1 merged into a fresh number that held nothing: the fresh number now
  // stands for truth 1, so merging it later with 2's holder is a false merge too.
  q.add(2, at({{1, 0.0}, {2, 1000.0}}), at({{5, 0.0}, {6, 1000.0}}));
  q.note_merge(5, 11);
  q.note_merge(11, 6);
  EXPECT_EQ(q.summary().false_merges, 2);
  EXPECT_EQ(q.summary().identity_merges, 0);   // counted when a truth changes holder, at the next instant
}

TEST(TrackQuality, ALostTrackIsABreakAndANewNumberASwitch) {
  TrackQuality q(params(50, 2));
  q.add(0, at({{1, 0.0}}), at({{7, 0.0}}));
  q.add(1, at({{1, 0.0}}), {});                 // break
  q.add(2, at({{1, 0.0}}), at({{7, 0.0}}));     // same number again: no switch
  q.add(3, at({{1, 0.0}}), at({{9, 5000.0}}));  // a track far away: break, missed and false
  q.add(4, at({{1, 0.0}}), at({{9, 0.0}}));     // new number: a switch
  const TrackQualitySummary s = q.summary();
  EXPECT_EQ(s.track_breaks, 2);
  EXPECT_EQ(s.identity_switches, 1);
  EXPECT_DOUBLE_EQ(s.continuity, 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.mean_missed, 2.0 / 5.0);
  EXPECT_DOUBLE_EQ(s.mean_false, 1.0 / 5.0);
}

}  // namespace
}  // namespace skyshield
