#pragma once
// Static WTA instances as text, in two layouts told apart by the first line that holds numbers
// ('#' starts a comment in both): three numbers there is the standard benchmark layout, two the dense one.
// Standard (the layout of the published benchmark families, e.g. Lu & Chen 2021), one item a line:
//   W T mi                  weapon types, targets, identical copies of each weapon type
//   V_j                     T lines, the value of each target
//   i j p                   W x T lines in any order: weapon type (1-based), target (1-based), kill
//                           probability; each pair exactly once
// Dense, whitespace-separated numbers:
//   W T                     number of weapons and of targets
//   V_1 ... V_T             target values
//   p_11 ... p_1T           kill probability of weapon 1 against each target
//   ...                     (W rows)
// Limits (a file or --random beyond them is refused, naming the limit): at most kWtaMaxWeapons
// weapons and kWtaMaxTargets targets (a 1000 x 1000 instance: 8 MB of Pk; on a loaded 2-core
// machine greedy ~2.5 s, heuristic ~8 s, exact ~7 s + its time limit), lines of at most
// kWtaMaxLineBytes and files of at most kWtaMaxLines lines. Numbers are decimal, whatever the locale.
// And the random generator of the standard families (Ahuja, Kumar, Jha & Orlin 2007; with copies,
// Lu & Chen 2021): Pk uniform in [0.6, 0.9], values uniform in [25, 100], mi copies of each type.
#include <cstddef>
#include <cstdint>
#include <string>

#include "c2/wta.hpp"

namespace skyshield {

inline constexpr int kWtaMaxWeapons = 1000;
inline constexpr int kWtaMaxTargets = 1000;
inline constexpr std::size_t kWtaMaxLineBytes = 1 << 20;
inline constexpr long long kWtaMaxLines = 1'100'000;
inline constexpr int kWtaMaxCopies = 100;

// Throws InputError "file:line: what" on a malformed instance (either layout).
WtaProblem read_wta_instance(const std::string& path);
WtaProblem read_wta_standard(const std::string& path);
WtaProblem read_wta_dense(const std::string& path);
// The standard layout when the problem has copies (all equal), the dense one otherwise.
std::string format_wta_instance(const WtaProblem& p);
std::string format_wta_standard(const WtaProblem& p);
WtaProblem generate_wta_instance(int weapons, int targets, std::uint64_t seed, int copies = 1);

}  // namespace skyshield
