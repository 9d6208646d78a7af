#pragma once
// The replay as CZML (the time-dynamic JSON format of CesiumJS): a document packet with the clock,
// then the sites (command posts, radars and launchers with their coverage rings, defended assets
// with their radius), every threat and interceptor as sampled positions with a trail, coloured by
// side, class or layer and state, and markers for intercepts, misses and impacts. Times are seconds
// from kReplayEpoch (the simulation has no calendar date).
#include <string>

#include "record/run_record.hpp"

namespace skyshield {

inline constexpr const char* kReplayEpoch = "2026-01-01T00:00:00Z";

std::string replay_czml(const RunRecord& run);

// ISO 8601 time of `seconds` after kReplayEpoch, millisecond resolution.
std::string replay_time(double seconds);

}  // namespace skyshield
