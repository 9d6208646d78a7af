#pragma once
// A small on-disk cache of results that are pure functions of their inputs and cost seconds to
// compute (the interceptors' flyout tables), so that each process does not compute them again.
//
// An entry is stored under a key: the text of everything the result depends on. Callers put the
// running program's build id (program_build_id()) into the key, so that any change of the code
// (which changes the binary, hence its id) misses the cache; without a build id nothing is cached.
// The file holds the key itself and a checksum: an entry of another key (a hash collision of the
// file name), a truncated or a damaged file is not used. Files are written to a temporary name and
// renamed into place, so concurrent processes never read a partial entry.
//
// Where: $SKYSHIELD_CACHE_DIR; "off" turns the cache off; unset, $XDG_CACHE_HOME/skyshield or else
// $HOME/.cache/skyshield. A cache that cannot be written is skipped silently: it is an optimisation,
// the results are the same without it.
#include <optional>
#include <string>

namespace skyshield {

// The cache directory ("" when the cache is off or no directory is known).
std::string cache_directory();

// The GNU build id (hex) of the program or library holding this code; "" when it has none.
const std::string& program_build_id();

// The blob stored under key in dir (nullopt when absent, of another key, truncated or damaged).
std::optional<std::string> cache_load(const std::string& dir, const std::string& prefix, const std::string& key);

// Stores blob under key in dir (file name: prefix + a hash of the key). Entries with this prefix not
// written for 30 days are removed at the same time. Failures are ignored.
void cache_store(const std::string& dir, const std::string& prefix, const std::string& key, const std::string& blob);

}  // namespace skyshield
