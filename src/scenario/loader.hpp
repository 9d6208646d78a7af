#pragma once
// Loads and validates a scenario file (and the library files it names). Any problem throws
// InputError with "file:line:column: field.path: what is wrong".
#include <string>

#include "scenario/scenario.hpp"

namespace skyshield {

Scenario load_scenario(const std::string& path);

}  // namespace skyshield
