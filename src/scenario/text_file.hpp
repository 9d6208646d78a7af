#pragma once
// Reading an input file whole, with a size limit and every failure as an InputError naming the file:
// a missing file, a directory or device, a file the system cannot read (/proc/self/mem gives EIO),
// or one larger than the limit (refused before it is read into memory).
#include <cstddef>
#include <string>

namespace skyshield {

// `what` names the kind of file in messages ("scenario", "elevation grid").
std::string read_text_file(const std::string& path, std::size_t max_bytes, const std::string& what);

}  // namespace skyshield
