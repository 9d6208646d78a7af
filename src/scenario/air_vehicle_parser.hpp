#pragma once
// Parsing of an air-breathing threat type's flight parameters (speed, turn, climb and descent
// limits, terrain following, terminal and evasive manoeuvres) from the scenario library.
#include "scenario/yaml_node.hpp"
#include "world/air_vehicle.hpp"

namespace skyshield {

void parse_air_vehicle(const YamlNode& n, AirVehicleParams& p);

}  // namespace skyshield
