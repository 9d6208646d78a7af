#pragma once
// A track: the tracker's estimate of one object, in the tracker's local ENU frame. The IMM state
// carries the model-conditioned estimates; x and P are their combination (state [p, v, a]).
#include <cstdint>
#include <limits>

#include "core/threat_class.hpp"
#include "tracking/drag_estimate.hpp"
#include "tracking/imm.hpp"
#include "tracking/signature.hpp"

namespace skyshield {

enum class TrackStatus { Tentative, Confirmed };

struct Track {
  int id = -1;                 // stable track number, never reused within a run
  TrackStatus status = TrackStatus::Tentative;
  double t = 0.0;              // time of the state estimate (last update or prediction)
  ImmState imm;
  Vec9 x = Vec9::Zero();       // combined estimate (imm.combined())
  Mat9 P = Mat9::Identity();
  int hits = 0;                // updates received
  int consecutive_misses = 0;  // covered looks without an associated detection, in a row
  std::uint32_t history = 0;   // bit i = hit on the i-th most recent covered look (for M-of-N)
  int looks = 0;               // covered looks since initiation (hits and misses)
  double score = 0.0;          // log-likelihood ratio, target vs false alarms (tracking/track_score.hpp)
  double score_peak = 0.0;     // the highest score so far (fire control's score-drop rule: c2/command_post.hpp)
  double first_t = 0.0;        // time of initiation
  double last_update_t = 0.0;
  double confirmed_t = -1.0;   // time of confirmation (-1 while tentative)
  // Time of the covered look at which the track had missed reinitiation_miss_limit looks in a row
  // since its last update, +infinity while it has not (tracking/reinitiation.hpp).
  double lost_t = std::numeric_limits<double>::infinity();
  ThreatClass classified = ThreatClass::Aircraft;  // kinematic classification (tracking/classify.hpp)
  DragEstimate drag;           // inverse ballistic coefficient from the along-track deceleration
  Signature signature;         // RCS level and fluctuation per radar band (tracking/signature.hpp)
  int duplicate_of = -1;       // a confirmed track that may hold the same object (tracking/duplicate_evidence.hpp)

  Vec3 position() const { return position_of(x); }
  Vec3 velocity() const { return velocity_of(x); }
  Vec3 acceleration() const { return acceleration_of(x); }
  void combine() {
    const Gaussian g = imm.combined();
    x = g.x;
    P = g.P;
  }
};

}  // namespace skyshield
