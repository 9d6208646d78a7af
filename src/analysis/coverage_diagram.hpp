#pragma once
// Radar vertical-coverage diagrams of a scenario: for every radar type its battalions field, the
// detection range against altitude for every threat type it faces (nose-on mean RCS, its Swerling
// case), at a given Pd per detection decision - as a CSV table and an SVG with one panel per radar.
#include <string>
#include <vector>

#include "scenario/scenario.hpp"
#include "sensors/vertical_coverage.hpp"

namespace skyshield {

struct RadarCoverage {
  std::string radar;            // radar type name
  double antenna_height_m = 0;  // above the ground the altitudes are measured from
  double horizon_max_alt_m = 0;
  std::vector<CoverageCurve> curves;   // one per threat type
  CoverageCurve horizon;               // the 4/3-earth horizon alone (ground range against altitude)
};

// radar_filter: empty for all radar types in use, else one type name (an unknown name is an InputError).
std::vector<RadarCoverage> scenario_coverage(const Scenario& s, double pd, double max_alt_m, const std::string& radar_filter);
std::string coverage_csv(const std::vector<RadarCoverage>& c);
std::string coverage_svg(const std::vector<RadarCoverage>& c, const std::string& scenario, double pd);

}  // namespace skyshield
