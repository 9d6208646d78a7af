#pragma once
// Static WTA instances as text, the layout of published benchmark instances: whitespace-separated
// numbers, '#' starts a comment;
//   W T                     number of weapons and of targets
//   V_1 ... V_T             target values
//   p_11 ... p_1T           kill probability of weapon 1 against each target
//   ...                     (W rows)
// Limits (a file or --random beyond them is refused, naming the limit): at most kWtaMaxWeapons
// weapons and kWtaMaxTargets targets (a 1000 x 1000 instance: 8 MB of Pk; on a loaded 2-core
// machine greedy ~2.5 s, heuristic ~8 s, exact ~7 s + its time limit), lines of at most
// kWtaMaxLineBytes and files of at most kWtaMaxLines lines. Numbers are decimal, whatever the locale.
// And the random generator of Ahuja, Kumar, Jha & Orlin (2007): Pk uniform in [0.6, 0.9], values
// uniform in [25, 100].
#include <cstddef>
#include <cstdint>
#include <string>

#include "c2/wta.hpp"

namespace skyshield {

inline constexpr int kWtaMaxWeapons = 1000;
inline constexpr int kWtaMaxTargets = 1000;
inline constexpr std::size_t kWtaMaxLineBytes = 1 << 20;
inline constexpr long long kWtaMaxLines = 1'000'000;

// Throws InputError "file:line: what" on a malformed instance.
WtaProblem read_wta_instance(const std::string& path);
std::string format_wta_instance(const WtaProblem& p);
WtaProblem generate_wta_instance(int weapons, int targets, std::uint64_t seed);

}  // namespace skyshield
