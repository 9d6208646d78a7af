#pragma once
// Launch envelope and single-shot Pk of an interceptor class against one target class (a common
// table of engagement simulators and of public brochures: "targets up to 4.8 km/s at up to 60 km").
// Each target class has one or more rows; rows carry an upper target-speed bound and are sorted by
// it (ballistic targets by re-entry speed bands; the air-breathers usually one row without bound).
// A target faster than the last row's bound is outside the class's envelope. The row's range and
// altitude limits lie inside the class's published envelope (InterceptorClass::min_range_m ...);
// its pk is the single-shot kill probability fire control expects once the target is acquired
// (endgame miss included), at most the warhead's zero-miss pk for that class. Loaded and checked by
// scenario/interceptor_parser.cpp; values in scenarios/library/interceptors.yaml (sources there).
#include <array>
#include <limits>
#include <vector>

#include "core/threat_class.hpp"

namespace skyshield {

inline constexpr double kNoSpeedLimit = std::numeric_limits<double>::infinity();

struct TargetEnvelope {
  double max_speed_mps = kNoSpeedLimit;  // this row holds targets up to this speed
  double min_range_m = 0.0, max_range_m = 0.0;
  double min_altitude_m = 0.0, max_altitude_m = 0.0;
  double pk = 0.0;  // expected single-shot kill probability
};

struct EnvelopeTable {
  std::array<std::vector<TargetEnvelope>, kThreatClassCount> rows{};  // per target class, ascending speed bound
  bool empty() const {
    for (const auto& r : rows)
      if (!r.empty()) return false;
    return true;
  }
  // The row for a target of this class and speed; null when the class has rows but the target is
  // faster than the last (or the table has no row for the class: then null too, see has_rows).
  const TargetEnvelope* find(ThreatClass c, double speed_mps) const {
    for (const TargetEnvelope& e : rows[static_cast<int>(c)])
      if (speed_mps <= e.max_speed_mps) return &e;
    return nullptr;
  }
  bool has_rows(ThreatClass c) const { return !rows[static_cast<int>(c)].empty(); }
};

}  // namespace skyshield
