#pragma once
#include <string>

#include "core/geo.hpp"

namespace skyshield {

struct DefendedAsset {
  std::string name;
  Geodetic site;
  double value = 1.0;      // relative value used by threat evaluation and WTA
  double radius_m = 2000;  // a threat whose path passes within this radius threatens the asset
  // A battalion's radar defended as an asset (scenario: the radar's `defended:` entry): a warhead
  // that reaches the ground within radius_m of it puts the radar out of action.
  int battalion = -1;
  int radar = -1;
};

}  // namespace skyshield
