#pragma once
// A barrage noise jammer carried by a threat: the physical emitter a radar receiver sees. The same
// model serves a self-protection jammer (the radar looks straight at it when it looks at its carrier,
// so it enters the main lobe) and a stand-off jammer (a support aircraft far off, entering the radar
// through its side lobes while the radar looks at other targets): which one it is follows from the
// geometry, not from a flag. Notional parameters; see scenarios/library/threats.yaml.
#include <algorithm>
#include <cmath>

namespace skyshield {

struct JammerParams {
  double power_w = 0.0;          // transmitter power; 0 = no jammer
  double gain_db = 0.0;          // antenna gain toward the radar
  double band_low_hz = 0.0;      // barrage band covered: noise spread uniformly over [low, high]
  double band_high_hz = 0.0;
  double losses_db = 0.0;        // jammer transmit losses

  bool present() const { return power_w > 0.0; }
  double bandwidth_hz() const { return band_high_hz - band_low_hz; }
  bool covers(double frequency_hz) const { return present() && frequency_hz >= band_low_hz && frequency_hz <= band_high_hz; }
};

// A self-protection deception jammer: a coherent repeater that captures a tracking radar's range and
// velocity gates with a false echo stronger than the skin return and walks it away - range-gate and
// velocity-gate pull-off together (Adamy, EW 101 ch. 9; Schleher, Electronic Warfare in the
// Information Age, ch. 4). From the start of each cycle (cycles counted from t = 0) the false target
// recedes at acceleration a: range offset a tau^2 / 2, range-rate offset a tau, until the offset reaches
// max_offset_m; then the repeater stops for off_s, leaving the gate on empty space (the track breaks;
// the radar re-acquires the skin echo), and the cycle starts again. NOTIONAL parameters.
struct DeceptionJammerParams {
  double power_w = 0.0;          // repeater power; 0 = none
  double gain_db = 0.0;          // antenna gain toward the radar
  double band_low_hz = 0.0;
  double band_high_hz = 0.0;
  double pull_accel_mps2 = 100.0;
  double max_offset_m = 3000.0;
  double off_s = 5.0;

  bool present() const { return power_w > 0.0; }
  bool covers(double frequency_hz) const { return present() && frequency_hz >= band_low_hz && frequency_hz <= band_high_hz; }
  double pull_time_s() const { return std::sqrt(2.0 * max_offset_m / pull_accel_mps2); }
  // The false target's range and range-rate offsets at time t (zero while the repeater is off);
  // `on` tells whether the repeater radiates then.
  struct Offset {
    bool on = false;
    double range_m = 0.0;
    double range_rate_mps = 0.0;
  };
  Offset offset(double t) const {
    const double pull = pull_time_s();
    const double tau = std::fmod(std::max(t, 0.0), pull + off_s);
    if (tau >= pull) return {};
    return {true, 0.5 * pull_accel_mps2 * tau * tau, pull_accel_mps2 * tau};
  }
};

}  // namespace skyshield
