#pragma once
// Track-dwell scheduling of an electronically steered engagement radar. Each fire-control cycle the
// radar has `channels` target channels for dedicated dwells. Tracks with interceptors in flight come
// first (the radar must keep guiding them), then the tracks threatening a defended asset, most urgent
// first (precision tracking before launch), then cued search: dwells on the predicted position of a
// ballistic object the surveillance radar tracks (a fence on its re-entry corridor, where the rest of
// its cloud flies: re-entry vehicle, spent stage, decoys within one beam), so that objects the
// search sweep sees rarely are detected and confirmed early. Cued dwells take only the channels the
// first two kinds leave free (they are the radar's energy budget of the cycle); ties by track id,
// so the schedule is deterministic.
#include <vector>

#include "core/vec.hpp"

namespace skyshield {

struct DwellRequest {
  int track_id = -1;
  Vec3 pos_ecef = Vec3::Zero();   // predicted position at the dwell
  double priority = 0.0;          // threat evaluation priority (higher = more urgent); <= 0: not threatening
  bool guiding = false;           // interceptors in flight against it
  bool cue = false;               // cued search on a ballistic object (no threat priority needed)
};

// The requests to dwell on this cycle, in priority order, at most `channels` of them.
std::vector<DwellRequest> schedule_dwells(std::vector<DwellRequest> requests, int channels);

}  // namespace skyshield
