#pragma once
// A ground emitter as a passive receiver sees it: a radar (while it radiates) or a decoy emitter
// that radiates like one. Plain numbers: the engine fills them from the radars and decoys each step;
// an anti-radiation seeker (world/arm_seeker.hpp) never learns which is which.
#include <string>

#include "core/geo.hpp"
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

// A ground decoy emitter (scenario `decoy_emitters:`): radiates like a radar (its frequency, a power and
// gain toward the sky) from radiate_from_s on, to draw anti-radiation missiles; no radar behind it.
struct DecoyEmitterSpec {
  std::string name;
  Geodetic site;
  double power_w = 0.0;
  double gain_db = 0.0;
  double frequency_hz = 0.0;
  double radiate_from_s = 0.0;
};

}  // namespace skyshield
