#pragma once
// GDAL at load time: drivers registered once, and GDAL's own error printing silenced while a file is
// read (its messages come back through last_gdal_error() into our InputError instead).
#include <string>

namespace skyshield {

class GdalSession {
 public:
  GdalSession();    // registers the drivers (once per process) and installs a quiet error handler
  ~GdalSession();   // restores the previous handler
  GdalSession(const GdalSession&) = delete;
  GdalSession& operator=(const GdalSession&) = delete;
};

// GDAL's last error message ("" when none).
std::string last_gdal_error();

}  // namespace skyshield
