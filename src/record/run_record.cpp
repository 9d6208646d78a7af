#include "record/run_record.hpp"

namespace skyshield {

const char* to_string(EventType e) {
  switch (e) {
    case EventType::Detect: return "detect";
    case EventType::TrackConfirmed: return "track_confirmed";
    case EventType::TrackDeleted: return "track_deleted";
    case EventType::Assign: return "assign";
    case EventType::Launch: return "launch";
    case EventType::Intercept: return "intercept";
    case EventType::Miss: return "miss";
    case EventType::SelfDestruct: return "self_destruct";
    case EventType::Leak: return "leak";
    case EventType::Impact: return "impact";
    case EventType::RadarLost: return "radar_lost";
    case EventType::Handover: return "handover";
    case EventType::Reload: return "reload";
    case EventType::Reloaded: return "reloaded";
    case EventType::AssessedKilled: return "assessed_killed";
    case EventType::AssessedSurvived: return "assessed_survived";
    case EventType::Refused: return "refused";
    case EventType::EmissionOff: return "emission_off";
    case EventType::EmissionOn: return "emission_on";
    case EventType::RadarRestored: return "radar_restored";
    case EventType::DecoyEmitterHit: return "decoy_emitter_hit";
    case EventType::Retarget: return "retarget";
    case EventType::SeekerBreakLock: return "seeker_break_lock";
    case EventType::LaunchCancelled: return "launch_cancelled";
    case EventType::TrackMerged: return "track_merged";
  }
  return "unknown";
}

}  // namespace skyshield
