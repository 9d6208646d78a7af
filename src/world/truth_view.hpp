#pragma once
// The narrow window through which sensors and seekers see the truth: where a physical target is,
// how it moves and how it reflects. No threat class, no name, no intent.
#include "core/vec.hpp"

namespace skyshield {

// Swerling fluctuation case of a target's radar cross-section (0 = non-fluctuating).
enum class Swerling { Case0 = 0, Case1 = 1, Case2 = 2, Case3 = 3, Case4 = 4 };

struct TruthView {
  int id = -1;                     // truth entity id; used only for scoring logs, never by the tracker
  Vec3 pos_ecef = Vec3::Zero();    // m
  Vec3 vel_ecef = Vec3::Zero();    // m/s
  double rcs_m2 = 1.0;             // mean radar cross-section
  Swerling swerling = Swerling::Case1;
};

}  // namespace skyshield
