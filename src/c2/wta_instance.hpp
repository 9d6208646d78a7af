#pragma once
// Static WTA instances as text, the layout of published benchmark instances: whitespace-separated
// numbers, '#' starts a comment;
//   W T                     number of weapons and of targets
//   V_1 ... V_T             target values
//   p_11 ... p_1T           kill probability of weapon 1 against each target
//   ...                     (W rows)
// and the random generator of Ahuja, Kumar, Jha & Orlin (2007): Pk uniform in [0.6, 0.9], values
// uniform in [25, 100].
#include <cstdint>
#include <string>

#include "c2/wta.hpp"

namespace skyshield {

// Throws InputError "file:line: what" on a malformed instance.
WtaProblem read_wta_instance(const std::string& path);
std::string format_wta_instance(const WtaProblem& p);
WtaProblem generate_wta_instance(int weapons, int targets, std::uint64_t seed);

}  // namespace skyshield
