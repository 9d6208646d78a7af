#include "weapons/track_via_missile.hpp"

#include <cmath>

namespace skyshield {

double tvm_acquisition_range_m(double bistatic_range_m, double processing_gain_db) {
  // SNR ~ G / R^2 at a fixed illumination range: the range for the same SNR grows as sqrt(G).
  return bistatic_range_m * std::pow(10.0, processing_gain_db / 20.0);
}

}  // namespace skyshield
