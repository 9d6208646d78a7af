#pragma once
// A barrage noise jammer carried by a threat: the physical emitter a radar receiver sees. The same
// model serves a self-protection jammer (the radar looks straight at it when it looks at its carrier,
// so it enters the main lobe) and a stand-off jammer (a support aircraft far off, entering the radar
// through its side lobes while the radar looks at other targets): which one it is follows from the
// geometry, not from a flag. Notional parameters; see scenarios/library/threats.yaml.
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

}  // namespace skyshield
