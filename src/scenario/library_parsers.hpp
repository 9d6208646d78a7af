#pragma once
// Parsers of the scenario library's entries: radar types, threat types (interceptor classes:
// interceptor_parser.hpp).
#include <string>

#include "scenario/yaml_node.hpp"
#include "sensors/radar_params.hpp"
#include "world/threat_type.hpp"

namespace skyshield {

// A threat class name (aircraft, drone, cruise_missile, ballistic_missile); fails naming the node.
ThreatClass parse_threat_class(const YamlNode& n);

RadarParams parse_radar_type(const std::string& name, const YamlNode& n);
ThreatType parse_threat_type(const std::string& name, const YamlNode& n);

}  // namespace skyshield
