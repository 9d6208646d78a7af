#pragma once
// Discrimination of ballistic objects: for each ballistic track, the probability that it carries a
// warhead (a separated re-entry vehicle, or a missile that never separates), against the other
// objects of a ballistic raid (spent boosters, light decoys, debris), from what the radars observed.
// A naive-Bayes classifier over object kinds: log P(kind | features) = log prior + sum of the log
// likelihoods of independent features, each from the track's accumulated statistics (so the
// posterior sharpens as observation accumulates, and each radar band adds its own evidence):
//  - RCS level per band (tracking/signature.hpp): the band's mean dBsm ~ N(mu_k, s_k^2 + f_k^2 / n)
//    (the kind's spread of mean RCS over objects, plus the mean's sampling noise, fluctuation f_k);
//  - RCS fluctuation per band: the band's sample std dB ~ N(f_k, g_k^2 + 1.1 f_k^2 / n) (the sampling
//    variance of a standard deviation, (kurtosis - 1) sigma^2 / (4 n), with the kurtosis 5.4 of the
//    log of an exponential power: a tumbling object's echo);
//  - deceleration in the atmosphere (tracking/drag_estimate.hpp): the estimated 1/beta ~
//    N(k_k, w_k^2 + the estimate's variance), once the estimate has fused measurements (high up
//    there is no air and no evidence);
//  - separation: another ballistic track flies with this one (within companion_range_m and
//    companion_speed_mps): released objects travel in a cloud, a missile that never separates alone;
//  - speed above the atmosphere (optional, when the table gives speed_mps; only until the drag
//    estimate counts): the speed tells the range class (minimum-energy burnout speed ~ sqrt(g R)), so
//    a stage re-entering at 4.5 km/s is no short-range missile that never separates, even while its
//    RV is not yet seen and it flies alone. In the air decelerating objects lose that link and the
//    drag feature takes over. speed ~ N(m_k, s_k^2 + the track's speed variance).
// Kinds and parameters come from the library (scenarios/library/discrimination.yaml), with sources
// or marked notional. Works on tracks only (the command centre never sees truth).
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "tracking/track.hpp"

namespace skyshield {

struct GaussianFeature {
  double mean = 0.0;
  double sigma = 1.0;
};

struct ObjectKind {
  std::string name;
  bool lethal = false;             // carries a warhead
  double prior = 0.0;              // probability before any observation
  GaussianFeature rcs_dbsm;        // mean RCS over objects of the kind
  GaussianFeature fluctuation_db;  // std of the RCS in dB over looks
  GaussianFeature inv_beta;        // m^2/kg
  double p_companion = 0.5;        // probability that another ballistic object flies with it
  GaussianFeature speed_mps;       // speed above the atmosphere (used when the table has it)
};

struct DiscriminationParams {
  bool enabled = false;            // a table was loaded
  std::vector<ObjectKind> kinds;
  int min_samples = 5;             // a band's RCS statistics count from this many detections
  int min_drag_measurements = 3;   // the drag estimate counts from this many fused measurements
  double companion_range_m = 30e3;
  double companion_speed_mps = 300.0;
  bool speed_feature = false;      // every kind gives speed_mps
};

struct Discrimination {
  int track_id = -1;
  double p_lethal = 1.0;           // P(warhead) given the features
  double log_odds = 0.0;           // log(p / (1 - p))
  int features = 0;                // feature terms used
};

// ln N(x; mean, var): the Gaussian log density both discriminators (ballistic and air decoy) sum per feature.
double gaussian_log_pdf(double x, double mean, double var);
// (kurtosis - 1) / 4 for the log of an exponential power (Gumbel kurtosis 5.4): the sampling variance
// of a sample standard deviation of the dB echo is this x sigma^2 / n (e.g. Kenney & Keeping, Mathematics
// of Statistics, the variance of s for a non-normal parent).
inline constexpr double kEchoStdSamplingFactor = 1.1;

// The posterior probability of the kinds i with in_set(i), from unnormalised log posteriors (one per
// kind); shared by the lethal share (ballistic) and the decoy share (air-breathing).
template <class InSet>
double posterior_share(const std::vector<double>& log_post, InSet in_set) {
  const double top = *std::max_element(log_post.begin(), log_post.end());
  double all = 0.0, share = 0.0;
  for (std::size_t i = 0; i < log_post.size(); ++i) {
    const double w = std::exp(log_post[i] - top);
    all += w;
    if (in_set(i)) share += w;
  }
  return share / all;
}

// The log likelihood of each kind (prior included) for one track, given whether it has a companion.
std::vector<double> kind_log_posteriors(const Track& tr, bool has_companion, const DiscriminationParams& p);
// P(lethal) from the kinds' unnormalised log posteriors (log-sum-exp).
double lethal_probability(const std::vector<double>& log_post, const DiscriminationParams& p);

// A falling object: above min_alt_m (frame origin altitude added), descending steeper than 40 deg
// at more than 100 m/s. No aircraft, drone or cruise missile of the library flies so (a cruise
// missile's terminal dive starts below 1 km); a light decoy or debris that has slowed to its
// terminal speed in the air does, and a kinematic classifier that looks at speed alone would call
// it an aircraft.
bool falling_object(const Track& tr, double frame_origin_alt_m, double min_alt_m = 3000.0);

// One entry per confirmed ballistic track of the picture (others: not listed, treated as lethal).
std::vector<Discrimination> discriminate(const std::vector<Track>& tracks, const DiscriminationParams& p);

}  // namespace skyshield
