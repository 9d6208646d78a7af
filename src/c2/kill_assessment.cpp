#include "c2/kill_assessment.hpp"

namespace skyshield {

const char* to_string(KillEvidence e) {
  switch (e) {
    case KillEvidence::TrackLost: return "track lost";
    case KillEvidence::TrackCoasting: return "track coasting since the intercept";
    case KillEvidence::StillDetected: return "still detected after the intercept";
  }
  return "unknown";
}

KillEvidence observe_engaged_track(const std::vector<Track>& tracks, int track_id, double intercept_t) {
  for (const Track& tr : tracks) {
    if (tr.id != track_id) continue;
    // last_update_t is the time stamp of the last detection associated to the track.
    return tr.hits > 0 && tr.last_update_t > intercept_t ? KillEvidence::StillDetected : KillEvidence::TrackCoasting;
  }
  return KillEvidence::TrackLost;
}

KillAssessment assess_kill(KillEvidence evidence, const KillAssessmentParams& p, double u) {
  KillAssessment a;
  a.evidence = evidence;
  const bool looks_killed = evidence != KillEvidence::StillDetected;
  a.assessor_error = u < (looks_killed ? p.missed_kill_probability : p.false_kill_probability);
  a.killed = looks_killed != a.assessor_error;
  return a;
}

}  // namespace skyshield
