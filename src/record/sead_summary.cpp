#include "record/sead_summary.hpp"

#include <map>

namespace skyshield {

SeadSummary sead_summary(const RunRecord& run) {
  SeadSummary s;
  for (const ThreatRecord& t : run.threats) {
    if (t.outcome == "not_launched" || t.friendly) continue;
    if (t.arm) {
      ++s.arms;
      s.arms_killed += t.outcome == "killed";
      s.arms_leaked += t.outcome == "leaked";
    }
    if (t.decoy && t.cls != ThreatClass::BallisticMissile) {
      ++s.air_decoys;
      s.rounds_at_air_decoys += t.interceptors_fired;
    }
  }
  std::map<std::string, double> silent_since;   // radar -> time it fell silent
  for (const Event& e : run.events) {
    if (e.type == EventType::EmissionOff) {
      silent_since.emplace(e.entity, e.t);
    } else if (e.type == EventType::EmissionOn || e.type == EventType::RadarLost) {
      if (const auto it = silent_since.find(e.entity); it != silent_since.end()) {
        s.radar_silent_s += e.t - it->second;
        silent_since.erase(it);
      }
    }
    s.radars_lost += e.type == EventType::RadarLost;
    s.radars_restored += e.type == EventType::RadarRestored;
    s.decoy_emitters_hit += e.type == EventType::DecoyEmitterHit;
  }
  for (const auto& [radar, since] : silent_since) s.radar_silent_s += run.end_time_s - since;
  return s;
}

}  // namespace skyshield
