#include "tracking/sweep_reach.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/units.hpp"

namespace skyshield {

namespace {

constexpr double kNever = -std::numeric_limits<double>::infinity();
constexpr double kTwoPi = 2.0 * kPi;
constexpr double kAngleSlack = 1e-9;   // rad: rounding of azimuths, sweep positions and margins

// The track's motion from t0 to t0 + tau as the candidate test predicts it (position p + s v + s^2/2
// a, trace pp + 2 s pv + s^2 vv + q |s|^3 with s the time since h.t), bounded from above.
struct MotionBound {
  double dt, speed, accel, range, horizontal;
  const TrackSummary* h;
  double q;

  // |position(t0 + tau) - position(t0)| = tau |v + a (dt + tau / 2)|.
  double drift(double tau) const { return tau * (speed + accel * (dt + tau)); }
  double trace(double tau) const {
    const double s = dt + tau;
    return std::max(0.0, h->trace_pp) + 2.0 * s * std::abs(h->trace_pv) + s * s * std::max(0.0, h->trace_vv) + std::max(0.0, q) * s * s * s;
  }
  // Half-width of an arc about the azimuth at t0 holding the track and the candidate test's angular
  // margin (candidate_margin_rad) at every time within tau of t0; infinite when unbounded.
  double half_arc(double tau) const {
    const double d = drift(tau);
    if (!(d <= 0.5 * horizontal)) return std::numeric_limits<double>::infinity();
    // A horizontal displacement d turns the azimuth by at most asin(d / horizontal) <= 1.0472 d /
    // horizontal for d <= horizontal / 2 (asin(x) / x grows with x; asin(1/2) / (1/2) = pi / 3).
    const double margin = candidate_margin_rad(trace(tau), range - d);
    return 1.05 * d / horizontal + margin + kAngleSlack;
  }
};

// Clockwise angle from `from` to `az` in [0, 2 pi) for angles within a few turns of each other,
// without fmod (rounding within the slack).
double clockwise(double from, double az) {
  double d = az - from;
  while (d < 0.0) d += kTwoPi;
  while (d >= kTwoPi) d -= kTwoPi;
  return d;
}

}  // namespace

SweepReach::SweepReach(const Coverage& c, double t0, double t1)
    : t0_(t0), t1_(t1), rate_(c.sweep_rate_rad_s), width_(0.0), lead_(0.0), max_range_(c.max_range_m),
      frame_from_(c.frame_from_rad), frame_width_(c.frame_width_rad), sweep_to_(c.sweep_to_rad) {
  usable_ = c.known && rate_ > 0.0 && c.dwells.empty() && !c.full_circle && t1 > t0 &&
            std::isfinite(t0 + t1 + rate_ + frame_from_ + frame_width_ + sweep_to_ + c.sweep_from_rad);
  if (!usable_) return;
  width_ = c.sweep_width_rad();
  lead_ = clockwise(frame_from_, sweep_to_);   // sector scans: the leading edge within the frame
}

// End time of the first batch whose slice may touch the arc [az - H, az + H]; non-increasing in H.
double SweepReach::arc_reach(double az, double H) const {
  const double w = width_;
  if (!(2.0 * H + w < kTwoPi)) return kNever;
  if (frame_width_ >= kTwoPi) {
    // Rotating: the leading edge comes round to the arc's start; the arc must not reach past the
    // leading edge (it may overlap the current slice, which rejected the track: later slices start
    // at the leading edge).
    const double D = clockwise(sweep_to_, az - H);
    if (D + 2.0 * H > kTwoPi - kAngleSlack) return kNever;
    return t1_ + D / rate_;
  }
  // Sector scan, positions measured clockwise from the frame's start: the slice moves from 0 to S
  // and starts again at 0. An arc ahead of the leading edge within the frame is reached when the
  // edge gets there (no restart before it); one behind the slice when the edge has gone on to the
  // frame's end and started again; an arc outside the frame never is (bounded by the frame time,
  // the interval over which the arc is checked).
  const double S = frame_width_;
  const double x0 = clockwise(frame_from_, az - H);
  if (x0 + 2.0 * H > kTwoPi - kAngleSlack) return kNever;  // wraps past the frame's start
  const double outside = t1_ + (S + 2.0 * kAngleSlack) / rate_;
  if (x0 > S + kAngleSlack) return outside;
  const double lead = lead_;
  if (lead > S + kAngleSlack || lead < w) return kNever;  // a slice across the frame's start
  if (x0 > lead + kAngleSlack) return std::min(outside, t1_ + (x0 - lead) / rate_);
  if (x0 + 2.0 * H < lead - kAngleSlack) return t1_ + (S - lead + x0) / rate_;
  return kNever;
}

double SweepReach::operator()(const Vec3& enu, const TrackSummary& h, double cv_q) const {
  const double dt = t0_ - h.t;
  if (!usable_ || !(dt >= 0.0)) return kNever;
  // (sqrt of the sum of squares rather than hypot: no overflow at these magnitudes, rounding within the slack)
  const MotionBound m{dt, h.v.norm(), h.a.norm(), enu.norm(), std::sqrt(enu.x() * enu.x() + enu.y() * enu.y()), &h, cv_q};
  if (!std::isfinite(m.speed + m.accel + m.range)) return kNever;
  double reach = kNever;

  // Azimuth: the arc for the interval up to a first guess, then the guess checked against the arc
  // for its own interval (and, if the arc grew too much, the reach of the grown arc, which is valid
  // since the arc only grows with the interval and the reach only shrinks with the arc).
  const double h0 = m.horizontal > 0.0 ? m.half_arc(t1_ - t0_) : std::numeric_limits<double>::infinity();
  if (2.0 * h0 + width_ < kTwoPi) {   // else no arc this wide can be reached later
    const double az = std::atan2(enu.x(), enu.y());
    const double first = arc_reach(az, h0);
    if (first > t1_) {
      const double second = arc_reach(az, m.half_arc(first - t0_));
      reach = second >= first ? first : second;
    }
  }

  // Range: beyond the radar's range while the drift is smaller than the gap.
  const double gap = m.range - max_range_ * (1.0 + 1e-9) - 1.0;
  if (gap > 0.0) {
    double tau = 0.999 * gap / std::max(m.speed + m.accel * dt, 1e-6);
    for (int k = 0; k < 40 && !(m.drift(tau) < gap); ++k) tau *= 0.5;
    if (m.drift(tau) < gap) reach = std::max(reach, t0_ + tau);
  }
  return reach > t1_ ? reach : kNever;
}

void SweepReach::remember(const Vec3& enu, const TrackSummary& h, double cv_q, double& reach_t, double& retry_t) const {
  if (t1_ < retry_t) return;
  const double reach = (*this)(enu, h, cv_q);
  if (reach > t1_) reach_t = reach;
  else retry_t = t1_ + 8.0 * (t1_ - t0_);
}

double sweep_reach_time(const Coverage& c, double t0, double t1, const Vec3& enu, const TrackSummary& h, double cv_q) {
  return SweepReach(c, t0, t1)(enu, h, cv_q);
}

}  // namespace skyshield
