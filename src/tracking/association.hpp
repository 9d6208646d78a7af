#pragma once
// Data association of one batch: gating of predicted tracks against detections (horizontal grid of
// the detections, then the chi-square distance of each IMM model's spherical innovation: the gate
// is the union of the models' gates, so that an unlikely manoeuvre model can still catch the
// target when it starts to manoeuvre),
// clusters of gated pairs, and per cluster either global nearest neighbour (exact linear assignment
// minimising the sum of -2 ln of the IMM mixture likelihood sum_j mu_j N_j(z), for one model
// d^2 + ln det S + const, Blackman & Popoli 1999 sec. 6.2) or JPDA marginals on that likelihood.
#include <vector>

#include "sensors/measurement.hpp"
#include "tracking/gating.hpp"
#include "tracking/imm.hpp"

namespace skyshield {

struct TrackerParams;
struct TrackerStats;

struct AssociationInput {
  std::vector<const ImmState*> predicted;   // per candidate track, at the batch time (not owned)
  std::vector<SphericalMeasurement> z;      // per detection
  std::vector<Vec3> z_position;             // per detection, Cartesian in the tracker frame
  std::vector<double> z_position_var;       // per detection, trace of its Cartesian covariance
  double clutter_volume = 1.0;              // measurement-space volume looked at (m rad^2 [m/s])
};

struct AssociationResult {
  struct Weight {
    int detection;
    double beta;
    double likelihood;            // IMM mixture likelihood sum_j mu_j N_j(z)
    int gated = -1;               // its innovations: gated_innovations[gated]
  };
  // The innovations of the candidate's models for each gated pair (computed once, never copied).
  std::vector<ImmInnovations> gated_innovations;
  const ImmInnovations& innovations(const Weight& w) const { return gated_innovations[static_cast<std::size_t>(w.gated)]; }
  // Per candidate: the detections it may have, with weights, and the weight of "no detection";
  // GNN gives at most one with weight 1.
  std::vector<std::vector<Weight>> weights;
  std::vector<double> beta0;
  std::vector<char> claimed;                // per detection: taken by (GNN) or gated with (JPDA) a track
  // Every (candidate, detection) pair inside the candidate's gate, by candidate (detections in no
  // particular order within one): the merge by evidence asks whether a detection could have updated
  // another track.
  std::vector<GatePair> gated_pairs;
  double clutter_density = 0.0;             // estimated: detections outside every gate per volume
  int outside_gates = 0;                    // detections outside every gate
};

AssociationResult associate(const AssociationInput& in, const TrackerParams& p, TrackerStats& stats);

// The radius about a track's predicted position (tracker frame) beyond which gate() does not look
// for detections: the gate bounded through the traces (position covariance and the largest
// detection covariance), with 50 % margin for the linearised spherical-to-Cartesian conversion.
double gating_radius(double position_trace, double largest_detection_variance, const TrackerParams& p);

// EKF gating shortcut: true when no model of s can have z inside its gate g, shown from the range
// alone (a lower bound of each model's squared Mahalanobis distance); false says nothing.
bool outside_every_gate(const ImmState& s, const SphericalMeasurement& z, double g);

// Measurement-space volume of the looked-at region, for the clutter density of JPDA.
double coverage_volume(const Coverage& c, bool range_rate, const std::vector<SphericalMeasurement>& z);

}  // namespace skyshield
