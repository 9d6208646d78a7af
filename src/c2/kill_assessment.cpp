#include "c2/kill_assessment.hpp"

#include <algorithm>
#include <cmath>

#include "core/units.hpp"

namespace skyshield {

const char* to_string(KillEvidence e) {
  switch (e) {
    case KillEvidence::TrackLost: return "track lost";
    case KillEvidence::TrackCoasting: return "track coasting since the intercept";
    case KillEvidence::StillDetected: return "still detected after the intercept";
    case KillEvidence::KinematicChange: return "kinematic change after the intercept";
    case KillEvidence::BreakUp: return "break-up: new tracks at the predicted position";
    case KillEvidence::RcsChange: return "RCS change after the intercept";
    case KillEvidence::SelfDestructed: return "the round self-destructed, no intercept";
  }
  return "unknown";
}

bool looks_killed(KillEvidence e) {
  return e != KillEvidence::StillDetected && e != KillEvidence::SelfDestructed;
}

namespace {

struct Prediction {
  Vec3 p;
  double var_p;  // summed variance of the position (m^2), over the three axes
  double allowance_m;  // what a manoeuvre could add
};

// Constant-acceleration prediction of `before` to time t, with its position variance propagated
// (cross terms left out) and the manoeuvre allowance of its class.
Prediction predict(const Track& before, double t, const KinematicEvidenceParams& k) {
  const double dt = std::max(0.0, t - before.t);
  const Vec3 p = before.position(), v = before.velocity(), a = before.acceleration();
  const double pp = before.P.block<3, 3>(0, 0).trace(), vv = before.P.block<3, 3>(3, 3).trace(),
               aa = before.P.block<3, 3>(6, 6).trace();
  const double man = k.maneuver_g[static_cast<std::size_t>(before.classified)] * kStandardGravity;
  return {p + v * dt + 0.5 * a * dt * dt, pp + vv * dt * dt + 0.25 * aa * dt * dt * dt * dt, 0.5 * man * dt * dt};
}

bool near_prediction(const Prediction& pr, const Track& now, const KinematicEvidenceParams& k, double extra_m) {
  const double sigma = std::sqrt(pr.var_p + now.P.block<3, 3>(0, 0).trace());
  return (now.position() - pr.p).norm() <= pr.allowance_m + k.gate_sigmas * sigma + extra_m;
}

}  // namespace

bool fits_prior_motion(const Track& before, const Track& now, const KinematicEvidenceParams& k) {
  return near_prediction(predict(before, now.t, k), now, k, 0.0);
}

std::optional<double> rcs_change_db(const Track& before, const Track& now, const KinematicEvidenceParams& k) {
  const SignatureBand* b = before.signature.best();
  if (!b || b->count < k.min_rcs_samples) return std::nullopt;
  for (const SignatureBand& n : now.signature.bands) {
    if (n.frequency_hz <= 0.0 || std::abs(n.frequency_hz - b->frequency_hz) > 0.05 * b->frequency_hz) continue;
    const int after = n.count - b->count;
    if (after < k.min_rcs_samples) return std::nullopt;
    // Running sums: the mean of the later samples is the difference of the sums over the difference of the counts.
    const double mean_after = (n.mean_db * n.count - b->mean_db * b->count) / after;
    return mean_after - b->mean_db;
  }
  return std::nullopt;
}

KillEvidence observe_engaged_track(const std::vector<Track>& tracks, int track_id, double intercept_t) {
  for (const Track& tr : tracks) {
    if (tr.id != track_id) continue;
    // last_update_t is the time stamp of the last detection associated to the track.
    return tr.hits > 0 && tr.last_update_t > intercept_t ? KillEvidence::StillDetected : KillEvidence::TrackCoasting;
  }
  return KillEvidence::TrackLost;
}

KillEvidence observe_engaged_track(const std::vector<Track>& tracks, int track_id, double intercept_t, const Track& before,
                                   const KinematicEvidenceParams& k) {
  const KillEvidence seen = observe_engaged_track(tracks, track_id, intercept_t);
  if (seen == KillEvidence::StillDetected) {
    for (const Track& tr : tracks)
      if (tr.id == track_id) {
        if (!fits_prior_motion(before, tr, k)) return KillEvidence::KinematicChange;
        const std::optional<double> d = rcs_change_db(before, tr, k);
        return d && std::abs(*d) > k.rcs_change_db ? KillEvidence::RcsChange : KillEvidence::StillDetected;
      }
  }
  // Lost or coasting: fragments are tracks born since the intercept near where the target would be now.
  int born = 0;
  for (const Track& tr : tracks)
    if (tr.id != track_id && tr.first_t > intercept_t && near_prediction(predict(before, tr.t, k), tr, k, k.debris_radius_m)) ++born;
  if (born >= 2) return KillEvidence::BreakUp;
  return seen;
}

KillAssessment assess_kill(KillEvidence evidence, const KillAssessmentParams& p, double u) {
  KillAssessment a;
  a.evidence = evidence;
  if (evidence == KillEvidence::SelfDestructed) return a;  // known, not observed: no assessor error
  const bool killed_by_evidence = looks_killed(evidence);
  a.assessor_error = u < (killed_by_evidence ? p.missed_kill_probability : p.false_kill_probability);
  a.killed = killed_by_evidence != a.assessor_error;
  return a;
}

}  // namespace skyshield
