#pragma once
// The outcome of one run, per threat class and per defensive layer.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "record/run_record.hpp"
#include "record/sead_summary.hpp"

namespace skyshield {

struct ClassSummary {
  int count = 0, killed = 0, leaked = 0, active = 0;
  std::vector<int> killed_by_layer;     // parallel to RunRecord::layers
  int interceptors_fired = 0;           // at threats of this class (scoring association)
  int engaged = 0;                      // threats of this class with at least one interceptor fired at them
  int detected = 0;                     // threats of this class detected at least once
  double first_detection_mean_s = -1.0; // mean time from launch to first detection, over detected threats
  std::map<std::string, int> refusals;  // fire control's refusals at threats of this class, by reason
};

struct LayerSummary {
  int fired = 0, kills = 0, misses = 0, self_destructs = 0, flying = 0;
  double cost = 0.0;
};

// Ballistic missile defence (docs/bmd.md): warheads are the ballistic threats that are not decoys
// (separated RVs and missiles that never separate); non-warheads the ballistic decoys, spent stages
// and debris. Scored against the truth (interceptors by the scoring association at launch).
struct BallisticDefenceSummary {
  int warheads = 0, warheads_killed = 0;
  int rounds_at_warheads = 0, rounds_at_non_warheads = 0;
  int warheads_engaged = 0;               // warheads with at least one round fired at them
  double detection_to_launch_mean_s = -1.0;  // first detection to first launch, over engaged warheads
  int retargets = 0;                      // interceptors re-pointed in flight (c2/retarget.hpp)
  int warheads_confirmed = 0;             // warheads with a confirmed track
  double detection_to_track_mean_s = -1.0;   // first detection to first confirmed track, over them
  double kill_probability() const { return warheads > 0 ? static_cast<double>(warheads_killed) / warheads : 0.0; }
  double non_warhead_share() const {
    const int n = rounds_at_warheads + rounds_at_non_warheads;
    return n > 0 ? static_cast<double>(rounds_at_non_warheads) / n : 0.0;
  }
};

// The friendly side (docs/identification.md), scored against the truth: friendly flights killed by
// our rounds (fratricide), engaged (at least one round fired at them: at risk), the rounds fired at
// them, recovered at the end of their route; and hostile threats that fire control withheld by
// weapons control (refusal weapons_control: a shot was possible) and that never drew a round.
struct FriendlySummary {
  int flights = 0, fratricide = 0, engaged = 0, rounds_at_friends = 0, recovered = 0;
  int hostiles_withheld = 0;             // withheld by weapons control, never engaged
  int hostiles_withheld_leaked = 0;      // ... of which leaked
};

struct Summary {
  std::array<ClassSummary, kThreatClassCount> by_class;
  ClassSummary total;                   // real threats (decoys, debris and never-launched ones excluded)
  ClassSummary decoys;                  // decoys and debris: what they drew from the defence
  std::vector<LayerSummary> by_layer;   // parallel to RunRecord::layers
  LayerSummary interceptors;            // all layers
  BallisticDefenceSummary bmd;          // warheads = 0: no ballistic threat
  FriendlySummary friendly;             // flights = 0 and hostiles_withheld = 0: nothing to report
  SeadSummary sead;                     // ARMs, EMCON, decoys (record/sead_summary.hpp); !any(): nothing to report
};

Summary summarize(const RunRecord& run);
// Fixed-width terminal table.
std::string summary_table(const RunRecord& run, const Summary& s);
// The air-picture quality block of the table (also printed by `skyshield track`).
std::string track_quality_table(const OspaParams& params, const std::vector<TrackScoreSummary>& pictures);

}  // namespace skyshield
