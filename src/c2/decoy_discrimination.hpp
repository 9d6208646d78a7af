#pragma once
// Discrimination of air-launched decoys (MALD-class) from real air threats (docs/sead.md): per
// confirmed air-breathing track (kinematic class aircraft or cruise missile), the probability that
// it is a decoy, from what the radars observed of it. A naive-Bayes classifier over the kinds of the
// library's `air_decoy_discrimination:` table (scenarios/library/air_decoys.yaml):
//   log P(kind | features) = log prior + sum of the log likelihoods of independent features:
//  - ground speed: the track's speed ~ N(mu_k, s_k^2 + the track's speed variance v' P_vv v / |v|^2);
//  - RCS level per radar band (tracking/signature.hpp): the band's mean dBsm ~ N(mu_k, s_k^2 + f_k^2 / n);
//  - RCS fluctuation per band: the band's sample std dB ~ N(f_k, g_k^2 + 1.1 f_k^2 / n) (as
//    c2/discrimination.hpp): a decoy's echo is dominated by its signature enhancer (one large
//    scatterer: Swerling 3, 3.49 dB), an airframe's by many comparable scatterers (Swerling 1, 5.57 dB);
//  - behaviour over time: whether the track has ever been seen manoeuvring harder than manoeuvre_g
//    (its estimated acceleration normal to its velocity) since it was confirmed: P(manoeuvre | kind).
//    A decoy flies a programmed route with a small airframe's load factor; a fighter breaks hard
//    when it is shot at. The evidence is kept per track by DecoyDiscriminator.
// Works on tracks only (the command centre never sees truth).
#include <string>
#include <unordered_set>
#include <vector>

#include "c2/discrimination.hpp"
#include "tracking/track.hpp"

namespace skyshield {

struct AirKind {
  std::string name;
  bool decoy = false;              // no warhead: a decoy
  double prior = 0.0;              // probability before any observation
  GaussianFeature speed_mps;       // ground speed
  GaussianFeature rcs_dbsm;        // mean RCS (mean of the dB estimates) over objects of the kind
  GaussianFeature fluctuation_db;  // std of the RCS in dB over looks
  double p_manoeuvre = 0.0;        // probability of being seen above manoeuvre_g during its track's life
};

struct DecoyDiscriminationParams {
  bool enabled = false;            // a table was loaded
  std::vector<AirKind> kinds;
  int min_samples = 5;             // a band's RCS statistics count from this many detections
  double manoeuvre_g = 4.0;        // a turn harder than this (g, normal to the velocity) is a manoeuvre
};

struct DecoyBelief {
  int track_id = -1;
  double p_decoy = 0.0;            // P(decoy) given the features
  int features = 0;                // feature terms used (speed 1, 2 per RCS band, manoeuvre 1)
  bool resolved = false;           // some radar band has min_samples RCS estimates (speed alone: not resolved)
};

// Air-breathing confirmed track: the tracks the classifier judges.
bool air_breathing(const Track& t);
// The acceleration normal to the velocity (m/s^2) of the track's estimate.
double normal_acceleration_mps2(const Track& t);
// The unnormalised log posterior of each kind (prior included) for one track.
std::vector<double> air_kind_log_posteriors(const Track& tr, bool manoeuvred, const DecoyDiscriminationParams& p,
                                            int* features = nullptr);
// P(decoy) from the kinds' unnormalised log posteriors (log-sum-exp).
double decoy_probability(const std::vector<double>& log_post, const DecoyDiscriminationParams& p);

// The per-track state (manoeuvre seen) and the beliefs of the last update.
class DecoyDiscriminator {
 public:
  // Judges every air-breathing confirmed track of the picture; others are not listed.
  const std::vector<DecoyBelief>& update(const std::vector<Track>& tracks, const DecoyDiscriminationParams& p);
  // P(decoy) of the last update, 0 for a track not judged.
  double p_decoy(int track_id) const;
  // The last update's belief about the track, nullptr for a track not judged.
  const DecoyBelief* belief(int track_id) const;
  const std::vector<DecoyBelief>& beliefs() const { return beliefs_; }

 private:
  std::unordered_set<int> manoeuvred_;
  std::vector<DecoyBelief> beliefs_;   // sorted by track id
};

}  // namespace skyshield
