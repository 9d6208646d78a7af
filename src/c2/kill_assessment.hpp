#pragma once
// Kill assessment: after an interceptor's intercept (or miss), the command post decides from what its
// radars observed of the engaged track whether the threat was killed, never from the truth. The
// evidence is the track itself: deleted or coasting since the intercept (no detection associated to
// it since: the object broke up or fell out of the beam) reads as a kill; a track still updated after
// the intercept reads as a survivor. On top of the evidence, the assessor errs with the engagement
// radar's probabilities: a false "killed" on a survivor (the threat then gets no further shot) and a
// missed kill (a killed threat reported as surviving: a round may be wasted on it).
//
// Not observed (the world model removes a killed threat at once, with no debris, and the tracker keeps
// no SNR history): the radar-cross-section and kinematic signatures of a break-up.
#include <vector>

#include "tracking/track.hpp"

namespace skyshield {

// Per engagement radar (scenario fields kill_assessment: {false_kill_probability,
// missed_kill_probability} on a radar type). Defaults: 0, the evidence alone decides.
struct KillAssessmentParams {
  double false_kill_probability = 0.0;    // P(assessed killed | the track is still detected)
  double missed_kill_probability = 0.0;   // P(assessed survived | the track is lost or coasting)
};

enum class KillEvidence {
  TrackLost,       // the track was deleted
  TrackCoasting,   // the track exists but no detection was associated to it after the intercept
  StillDetected,   // the track was updated after the intercept
};
const char* to_string(KillEvidence e);

struct KillAssessment {
  bool killed = false;
  KillEvidence evidence = KillEvidence::StillDetected;
  bool assessor_error = false;   // the assessment goes against its evidence (a draw under the probabilities)
};

// What the battalion's radars observed of track_id after intercept_t (tracks: the battalion picture now).
KillEvidence observe_engaged_track(const std::vector<Track>& tracks, int track_id, double intercept_t);

// The assessment from the evidence; u is a uniform draw in [0, 1) (one per assessment, always drawn,
// so that the stream does not depend on the evidence).
KillAssessment assess_kill(KillEvidence evidence, const KillAssessmentParams& p, double u);

}  // namespace skyshield
