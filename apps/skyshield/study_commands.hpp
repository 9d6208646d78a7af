#pragma once
// The subcommands that study one part of the system rather than run an engagement: validate,
// schema, radar-coverage, envelope.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/envelope.hpp"

namespace skyshield {

int cmd_validate(const std::string& path);
// Prints the scenario reference (Markdown) built by loading `scenarios` under a schema recording
// (scenario/schema.hpp); `shown` names them in the text (paths relative to the data folder).
int cmd_schema(const std::vector<std::string>& scenarios, const std::vector<std::string>& shown);
int cmd_coverage(const std::string& path, double pd, double max_alt_km, const std::string& radar, const std::string& out_dir);
int cmd_envelope(const std::string& cls_name, const std::string& path, const EnvelopeOptions& opt, const std::string& out_dir,
                 const std::string& target = "");

}  // namespace skyshield
