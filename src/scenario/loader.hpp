#pragma once
// Loads and validates a scenario file (and the library files it names). Any problem throws
// InputError with "file:line:column: field.path: what is wrong".
#include <string>
#include <vector>

#include "scenario/overrides.hpp"
#include "scenario/scenario.hpp"

namespace skyshield {

// overrides: fields of the scenario document replaced before validation (see scenario/overrides.hpp);
// the values are validated like the file's own.
Scenario load_scenario(const std::string& path, const std::vector<Override>& overrides = {});

}  // namespace skyshield
