#pragma once
// A ground emitter as a passive receiver sees it: a radar (while it radiates) or a decoy emitter
// that radiates like one. Plain numbers: the engine fills them from the radars and decoys each step;
// an anti-radiation seeker (world/arm_seeker.hpp) never learns which is which.
#include "core/vec.hpp"

namespace skyshield {

struct Emitter {
  int id = -1;                 // opaque to the seeker: the engine's index of the radar or decoy
  Vec3 pos_ecef = Vec3::Zero();
  double power_w = 0.0;        // peak transmit power
  double gain_db = 0.0;        // transmit gain toward the seeker (a radar: its side-lobe level, see arm_seeker.hpp)
  double frequency_hz = 0.0;
  bool radiating = true;       // false: silent (emission control, off-time of a blink)
};

}  // namespace skyshield
