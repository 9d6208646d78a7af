#pragma once
// Two confirmed tracks of one tracker on one object, found by evidence look by look. The typical
// case: two drones fly side by side, one is destroyed, and its track is taken on by the detections
// of the other, which now feeds two tracks alternately (one detection per look, so never both).
//
// A sequential likelihood-ratio test per pair of confirmed tracks (Blackman & Popoli 1999 sec. 6.2
// for the score; the same reasoning on the pair): at a look that covered both tracks,
//   - exactly one of them updated, by a detection inside the other's association gate (it could
//     have updated either), and their positions and velocities agree (the 6-dof chi-square gate on
//     the difference with the sum of their covariances):
//       one object:  P = Pd             two objects:  P = 2 Pd (1 - Pd)
//     so the pair's score gains ln(1 / (2 (1 - Pd)))  (ln 5 = 1.61 at Pd = 0.9);
//   - both updated, by two detections of one batch: two objects (one object gives one detection
//     per look: P = 0 under "one object"), and the score falls to zero (both by the same detection,
//     as JPDA may do, counts as one detection);
//   - the gate fails, or the detection lies outside the other track's association gate: the score
//     falls to zero (the evidence must be consecutive). Under "one object" the detection is in both
//     gates (probability the gate's, 0.999); two resolved objects a few hundred metres apart, as
//     drones in trail, are in each other's 6-dof gate (its floors are 100 m per track) but their
//     detections are outside each other's measurement gate. Without this rule Pd alone decided, and
//     at a Pd far below the assumed 0.9 (drones at the engagement radar's range: ~0.5 per look,
//     where one detection of two objects is as likely as of one) two objects merged (issue 31:
//     layered, 97 of 112 merges per run joined two drones in trail);
//   - neither updated: no evidence.
// Pd is not the assumed one when the radar sees the objects worse: at Pd = 0.5 one detection of two
// objects is as likely as of one, and each look would add ln 5 of false evidence. So the pair's step
// uses Pd estimated from both tracks' recent covered looks when the run starts (a Beta prior of
// pd_prior_looks looks at the assumed Pd; pooled, since under "two objects" both estimate it), and
// never above the assumed Pd (a pair of well-seen tracks merges as fast as before). At an estimate
// of 0.5 or less a look is no evidence and no run starts.
// The pair is one object when its score reaches ln((1 - beta) / alpha) (Wald; alpha the chance of
// merging two objects, beta of keeping a duplicate) AND each of its tracks has been updated at some
// look of the run. The second condition answers the alternative the look score does not weigh: one
// of the two objects is gone (killed, or out of sight) and its track merely coasts beside the other.
// Under that alternative every look "one updated, the other not" has probability Pd, as under one
// object, so the looks carry no evidence against it; a coasting track's gate, widening look by look,
// soon takes in a neighbour 3-4 km away (a swarm flying one route), and the merge handed the dead
// object's number, kill assessment and shots to the neighbour (issue 31: drone-6 leaked). Under it
// the coasting track is updated only by a false alarm in its gate or by the other object's detection
// (which makes it that object's duplicate), so one update of each track rules it out.
// While the score is at least one look's worth at the assumed Pd (ln 5), each track names the other
// as a suspected duplicate (Track::duplicate_of), so fire control holds a second round; a run at a
// low estimated Pd (a step of a few hundredths near 0.5) does not flag two objects after one look.
#include <span>
#include <vector>

#include "tracking/gating.hpp"
#include "tracking/state.hpp"

namespace skyshield {

struct DuplicateParams {
  double pd = 0.9;                    // detection probability per look (TrackerParams::jpda_detection_probability)
  double pd_prior_looks = 2.0;        // weight of pd against the tracks' own hit rates, in looks
  double gate_chi2 = 22.46;           // 6-dof chi-square, 99.9 % (position and velocity)
  double min_sigma_m = 100.0;         // per-axis sigma added to each track's position ...
  double min_sigma_mps = 10.0;        // ... and velocity (model mismatch)
  double false_merge_probability = 1e-3;   // Wald's alpha: two objects merged
  double kept_duplicate_probability = 0.01; // Wald's beta: a duplicate kept
};

// The score one look adds when exactly one track of a gated pair updated.
double duplicate_look_llr(double pd);
// The Pd of a pair's run: (hits + k pd) / (looks + k), at most pd (k = pd_prior_looks); hits and
// looks are both tracks' counts over their recent covered looks.
double duplicate_run_pd(int hits, int looks, const DuplicateParams& p);
// The score at which a pair is merged: ln((1 - beta) / alpha).
double duplicate_merge_threshold(const DuplicateParams& p);
// Squared Mahalanobis distance of two estimates' positions and velocities (x = [p v a], P 9x9),
// with the floors of p added to each track.
double duplicate_distance2(const Vec9& xa, const Mat9& Pa, const Vec9& xb, const Mat9& Pb, const DuplicateParams& p);

class DuplicateEvidence {
 public:
  explicit DuplicateEvidence(DuplicateParams p = {}) : p_(p) {}

  // One confirmed track's state at a look that covered it.
  struct Look {
    int id;
    int detection;  // the detection of this batch that updated it (the likeliest under JPDA), or -1
    const Vec9* x;
    const Mat9* P;
    std::span<const GatePair> gated;   // its pairs with the detections inside its association gate
    int recent_hits = 0;          // updates over its recent covered looks (this one included) ...
    int recent_looks = 0;         // ... and their number (0: none known, the pair uses pd)
  };
  // Adds one batch's evidence (looks in a fixed order) and returns the pairs (lower id first) whose
  // score reached the threshold, in the order of `looks`' first member.
  std::vector<std::pair<int, int>> observe(const std::vector<Look>& looks);
  // The track whose pair with `id` has the highest score, if at least duplicate_look_llr(pd), or -1.
  int suspect_of(int id) const;
  // Forgets every pair with this track (deleted or merged away).
  void forget(int id);
  double score(int a, int b) const;
  // Both tracks of the pair were updated at some look of its current run (a merge needs it).
  bool both_updated(int a, int b) const;
  const DuplicateParams& params() const { return p_; }

 private:
  struct Pair {
    int lo, hi;
    double llr;
    double step;    // the score of one look with one detection, from the run's Pd
    bool lo_updated = false, hi_updated = false;   // each track updated at some look of the run
  };
  DuplicateParams p_;
  std::vector<Pair> pairs_;   // only pairs with a positive score
};

}  // namespace skyshield
