#pragma once
// How many YAML documents a scenario file holds, found with yaml-cpp's event parser before any node is
// built. YAML::LoadAll is not safe for this: yaml-cpp 0.7 never consumes a ',' that stands where a block
// list or the document goes on ("- a\n,", or a line opening with ','), and LoadAll then makes empty
// documents without end (an 800-byte file took 24 GB; found by the scenario fuzzer).
#include <string>

namespace skyshield {

// Throws InputError naming file, line and column for a stray ',' outside a flow list or map, or for a
// second document ('---' or '...' and more). Throws YAML::Exception for the parser's own syntax errors.
void check_single_document(const std::string& path, const std::string& text);

}  // namespace skyshield
