#pragma once
// When can a radar's sweep next take a track as a candidate? Internal to the tracker
// (tracking/tracker.cpp): a track far off a rotating or sector-scanning radar's slice is left alone
// by that radar's batches until the sweep could have come round to it, instead of being tested by
// every batch (each tests every track: most are false-alarm tracks far from the slice).
#include "sensors/measurement.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

// The end time R of the first batch of this radar that might take a track as a candidate, given the
// current batch [t0, t1) with coverage c and the track's position `enu` in the radar frame at t0 by
// the candidate test's cheap prediction from its summary h (cv_q: the constant-velocity process noise
// that prediction adds). Every later batch of the radar that sweeps like c, has no dwells and ends
// before R is one whose candidate test rejects the track, as long as h is unchanged. -infinity when
// nothing can be said.
//
// Conservative by construction: over the interval the track stays within an arc about its azimuth at
// t0, of half-width the largest angular drift (speed and acceleration bounds from h) plus the largest
// margin the candidate test gives it (its covariance trace grows polynomially with time), plus a
// rounding slack; R is when the sweep's leading edge first reaches that arc (a rotating radar comes
// round, a sector scan moves on to it within the frame or after starting it again, or never for an
// arc outside the sector), or when the track could first come within the radar's range.
//
// Built once per batch (the sweep's geometry), asked once per rejected track.
class SweepReach {
 public:
  SweepReach(const Coverage& c, double t0, double t1);
  // False when nothing can be said for any track of the batch (unknown sweep, dwells, a full turn).
  bool usable() const { return usable_; }
  double operator()(const Vec3& enu, const TrackSummary& h, double cv_q) const;
  // For a track (or still point) this batch rejected, unless retry_t puts it off: its reach into
  // reach_t when it lies beyond the batch, else the next attempt put off by eight batch lengths
  // (retry_t). The tracker's scan columns and the initiators keep these two times per radar.
  void remember(const Vec3& enu, const TrackSummary& h, double cv_q, double& reach_t, double& retry_t) const;

 private:
  double arc_reach(double az, double H) const;
  bool usable_ = false;
  double t0_, t1_, rate_, width_, lead_, max_range_, frame_from_, frame_width_, sweep_to_;
};

// The same for one track (tests).
double sweep_reach_time(const Coverage& c, double t0, double t1, const Vec3& enu, const TrackSummary& h, double cv_q);

}  // namespace skyshield
