#pragma once
// The tracker on its own, on a detection file (tracking/detection_file.hpp): every batch in file
// order, confirmed tracks written after each batch that updated them, and, with a truth file, the
// picture scored against the truth at every truth instant (tracking/track_quality.hpp). The
// tracking frame is the ENU frame at the first sensor.
#include <functional>
#include <string>
#include <vector>

#include "tracking/detection_file.hpp"
#include "tracking/track_quality.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

// tracks.csv: one row per event of a confirmed track, in time order: `confirmed` (its first row: the
// update that confirmed it), `update` (each later batch that updated it), `merged` (it held the object
// of track `into`, which goes on; its last row) and `ended` (deleted: lost, coasted too long or
// diverged; its last row). The estimate columns are empty on merged and ended rows.
inline constexpr const char* kTrackCsvHeader =
    "t_s,track,event,into,lat_deg,lon_deg,alt_m,vel_east_mps,vel_north_mps,vel_up_mps,sigma_pos_m,class";

struct FileTrackingResult {
  std::string tracks_csv;                     // kTrackCsvHeader and one row per confirmed track event
  std::vector<TrackQualitySample> scores;     // per truth instant (empty without truth)
  TrackQualitySummary quality;
  TrackerStats stats;
  int confirmed = 0;                          // tracks confirmed over the file (the numbers in tracks.csv)
  int merged = 0;                             // ... of which merged into another
  int ended = 0;                              // ... of which deleted (not merged)
  bool interrupted = false;                   // should_stop said so: the result covers part of the file
};

// should_stop (may be empty) is asked before every batch (at most kMaxDetectionsPerBatch
// detections: well under a second of tracking), so that Ctrl-C stops a long file.
FileTrackingResult track_detection_file(const DetectionFile& detections, const TruthFile* truth,
                                        const TrackerParams& tracker, const OspaParams& metrics,
                                        const std::function<bool()>& should_stop = {});

}  // namespace skyshield
