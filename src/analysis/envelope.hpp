#pragma once
// Engagement envelope of an interceptor class: the intercept points (ground range from the launcher x
// altitude) that its guided flyout reaches against a target of given speed and heading, each found by
// a full flight (weapons/flyout: vertical launch, turnover, mid-course, seeker, fuze) with a perfect
// uplink. The target flies level through the point at the time the stationary flyout would arrive
// there; the point counts when the missile passes inside its lethal radius. Also the stationary reach
// per altitude from the class's flyout table. CSV and an SVG plot.
#include <optional>
#include <string>
#include <vector>

#include "weapons/interceptor_class.hpp"

namespace skyshield {

struct EnvelopeOptions {
  double target_speed_mps = 0.0;
  double target_heading_deg = 180.0;  // relative to the launcher-to-point bearing: 180 = coming at the launcher
  double target_dive_deg = 0.0;       // the target's flight-path angle below the horizontal (a re-entry: > 0)
  int range_cells = 40;
  int altitude_cells = 16;
  double max_range_m = 0.0;           // 0: 1.25 x the class's specified range
  double max_altitude_m = 0.0;        // 0: the class's maximum altitude
  double step_s = 0.1;
};

struct EnvelopePoint {
  double range_m = 0, altitude_m = 0;
  bool reached = false;
  bool in_table = false;  // inside the class's envelope table row against the target class (when drawn)
  double time_s = 0, speed_mps = 0, miss_m = -1;
};

struct Envelope {
  std::string cls;
  EnvelopeOptions opt;
  double spec_range_m = 0, min_altitude_m = 0, max_altitude_m = 0;
  std::vector<EnvelopePoint> points;               // altitude-major grid
  std::vector<std::pair<double, double>> reach;    // stationary reach: (altitude, ground range)
  // Against a target class (analysis/target_envelope_check.hpp): its name and the table row drawn.
  std::string target;
  std::optional<TargetEnvelope> table;
};

Envelope compute_envelope(const InterceptorClass& c, const EnvelopeOptions& opt);
std::string envelope_csv(const Envelope& e);
std::string envelope_svg(const Envelope& e);

}  // namespace skyshield
