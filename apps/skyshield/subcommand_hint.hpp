#pragma once
// An unknown subcommand ("skyshield simulate") is named as such, with the nearest known one, rather
// than CLI11's "A subcommand is required".
#include <optional>
#include <string>
#include <vector>

namespace skyshield {

// Edit distance between byte strings: insertions, deletions, substitutions and transpositions of
// neighbours ("optimal string alignment", Damerau 1964): "benhc" is 1 from "bench".
std::size_t edit_distance(const std::string& a, const std::string& b);

// The subcommand a user most likely meant by `word`: a known synonym ("simulate" -> "run") or the
// nearest name within a third of its length; nullopt when nothing is close.
std::optional<std::string> nearest_subcommand(const std::string& word, const std::vector<std::string>& names);

// The error for a first argument that is neither an option nor one of `names`; nullopt when it is fine.
std::optional<std::string> unknown_subcommand_error(const std::string& first_arg, const std::vector<std::string>& names);

}  // namespace skyshield
