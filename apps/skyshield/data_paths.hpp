#pragma once
// Where the program finds its own data (the scenarios with their library, the replay viewer): next
// to the program, not in the current folder. An installed program (cmake --install) looks in
// <prefix>/share/skyshield, found from its own location; a program run from its build tree looks
// in the source tree it was built from.
#include <filesystem>
#include <string>
#include <vector>

namespace skyshield {

// The folder holding the running program (from /proc/self/exe).
std::filesystem::path program_dir();

// The data folders to search, in order: the installed share/skyshield, then the build's source tree.
std::vector<std::filesystem::path> data_dirs();

// The first existing `relative` (e.g. "scenarios/default.yaml") under data_dirs(); an InputError
// naming every place looked at when there is none. `what` names it, `option` how to give it instead.
std::string find_data(const std::string& relative, const std::string& what, const std::string& option);
// The same without the error: the first existing one, else where it belongs (the last folder of
// data_dirs(): the source tree of a build-tree program, the install's share/skyshield otherwise).
std::string data_path(const std::string& relative);

}  // namespace skyshield
