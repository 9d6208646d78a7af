#pragma once
// Scores an air picture against the truth over a run, one scoring instant at a time: OSPA and GOSPA
// (tracking/ospa.hpp) with GOSPA's localisation / missed / false split, and the identity measures of
// Rothrock & Drummond, "Performance metrics for multiple-sensor, multiple-target tracking", SPIE
// 4048, 2000, on the GOSPA assignment (a truth is "held" by the track assigned to it within c):
//  - identity switch: a truth held by track A at the last instant it was held is now held by B != A,
//    and the tracker did not merge A into B (a merge: A was found to hold B's object and ended,
//    counted apart);
//  - track break: a truth held at its previous instant is not held now (though still scored);
//  - false merge: the tracker merged two tracks whose last held truths (at any earlier instant)
//    differ: two objects made one track (a duplicate of one object never held another);
//  - continuity: over all truths, the instants held by the one track that held each truth longest,
//    divided by all the instants the truths were scored (1 = every object kept one track throughout).
#include <map>
#include <vector>

#include "tracking/ospa.hpp"

namespace skyshield {

struct LabelledPoint {
  int id = -1;          // truth object id or track number
  Vec3 pos = Vec3::Zero();
};

struct TrackQualitySample {
  double t = 0.0;
  int truths = 0, tracks = 0;
  double ospa = 0.0;
  GospaResult gospa;           // without the per-truth assignment (truth_to_track is empty)
};

struct TrackQualitySummary {
  int samples = 0;
  double mean_ospa_m = 0.0;
  double mean_gospa_m = 0.0;
  double rms_localisation_m = 0.0;   // over all assigned pairs (within c)
  double mean_missed = 0.0;          // truths without a track, per instant
  double mean_false = 0.0;           // tracks without a truth, per instant
  int identity_switches = 0;
  int identity_merges = 0;           // changes of holder that were the tracker's merges (note_merge)
  int false_merges = 0;              // merges of two tracks that last held different truths
  int track_breaks = 0;
  double continuity = 1.0;           // 1 when nothing was scored
  int upper_bound_samples = 0;       // instants scored over restricted pairs (ospa.hpp: upper bounds)
};

class TrackQuality {
 public:
  explicit TrackQuality(OspaParams params = {}) : params_(params) {}

  // Scores one instant; truth and track ids must be unique within their set.
  TrackQualitySample add(double t, const std::vector<LabelledPoint>& truth, const std::vector<LabelledPoint>& tracks);
  TrackQualitySummary summary() const;
  // The tracker merged track `from` into `into` (one object): a truth held by `from` and then by
  // `into` (or what `into` is merged into later) counts as a merge, not a switch.
  void note_merge(int from, int into);
  const OspaParams& params() const { return params_; }

 private:
  struct History {
    int last_holder = -1;      // track that held it last (at any earlier instant)
    int last_held = -2;        // index of the last instant it was held
    int scored = 0;
    std::map<int, int> held_by;   // track -> instants
  };
  OspaParams params_;
  std::map<int, History> truth_;
  std::map<int, int> merged_into_;   // track -> the track it was merged into
  std::map<int, int> last_truth_;    // track -> the truth it held at the last instant it held one
  int samples_ = 0, switches_ = 0, merges_ = 0, breaks_ = 0, upper_bounds_ = 0, false_merges_ = 0;
  double sum_ospa_ = 0.0, sum_gospa_ = 0.0, sum_sq_ = 0.0;
  long long pairs_ = 0, missed_ = 0, false_ = 0;
};

}  // namespace skyshield
