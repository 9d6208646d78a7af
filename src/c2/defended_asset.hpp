#pragma once
#include <string>

#include "core/geo.hpp"

namespace skyshield {

struct DefendedAsset {
  std::string name;
  Geodetic site;
  double value = 1.0;      // relative value used by threat evaluation and WTA
  double radius_m = 2000;  // a threat whose path passes within this radius threatens the asset
};

}  // namespace skyshield
