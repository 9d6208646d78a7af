#include "scenario/sead_parser.hpp"

#include <fmt/format.h>

#include <cmath>

namespace skyshield {

ArmSeekerParams parse_arm_seeker(const YamlNode& n) {
  n.allow_only({"band_ghz", "sensitivity_dbm", "antenna_gain_db", "bearing_sigma_deg", "field_of_view_deg", "memory_drift_mps",
                "lethal_radius_m", "lethal_probability"});
  ArmSeekerParams a;
  const YamlNode band = n.required("band_ghz");   // an ARM without a seeker band is refused here
  const std::vector<YamlNode> b = band.list();
  if (b.size() != 2) band.fail("must be [low, high] in GHz");
  a.band_low_hz = b[0].number(0.01, 100.0) * 1e9;
  a.band_high_hz = b[1].number(0.01, 100.0) * 1e9;
  if (a.band_high_hz <= a.band_low_hz) band.fail("high must be above low");
  a.sensitivity_dbm = n.number_or("sensitivity_dbm", -120.0, 0.0, a.sensitivity_dbm);
  a.antenna_gain_db = n.number_or("antenna_gain_db", -20.0, 40.0, a.antenna_gain_db);
  a.bearing_sigma_deg = n.number_or("bearing_sigma_deg", 0.0, 30.0, a.bearing_sigma_deg);
  a.field_of_view_deg = n.number_or("field_of_view_deg", 1.0, 90.0, a.field_of_view_deg);
  a.memory_drift_mps = n.number_or("memory_drift_mps", 0.0, 1000.0, a.memory_drift_mps);
  a.lethal_radius_m = n.number_or("lethal_radius_m", 0.1, 10e3, a.lethal_radius_m);
  a.lethal_probability = n.number_or("lethal_probability", 0.0, 1.0, a.lethal_probability);
  return a;
}

DeceptionJammerParams parse_deception(const YamlNode& n) {
  n.allow_only({"power_w", "gain_db", "band_ghz", "pull_accel_mps2", "max_offset_m", "off_s"});
  DeceptionJammerParams j;
  j.power_w = n.number_at("power_w", 1e-3, 1e7);
  j.gain_db = n.number_or("gain_db", -20.0, 40.0, 0.0);
  const YamlNode band = n.required("band_ghz");
  const std::vector<YamlNode> b = band.list();
  if (b.size() != 2) band.fail("must be [low, high] in GHz");
  j.band_low_hz = b[0].number(0.01, 100.0) * 1e9;
  j.band_high_hz = b[1].number(0.01, 100.0) * 1e9;
  if (j.band_high_hz <= j.band_low_hz) band.fail("high must be above low");
  j.pull_accel_mps2 = n.number_or("pull_accel_mps2", 0.1, 10e3, j.pull_accel_mps2);
  j.max_offset_m = n.number_or("max_offset_m", 1.0, 100e3, j.max_offset_m);
  j.off_s = n.number_or("off_s", 0.0, 3600.0, j.off_s);
  return j;
}

EmconParams parse_emcon(const YamlNode& n) {
  n.allow_only({"mode", "arm_min_speed_mps", "warning_range_m", "cone_deg", "hold_s", "blink_on_s", "blink_off_s"});
  EmconParams e;
  const YamlNode mode = n.required("mode");
  const std::string m = mode.str();
  if (m == "off") e.mode = EmconMode::Off;
  else if (m == "shutdown") e.mode = EmconMode::Shutdown;
  else if (m == "blink") e.mode = EmconMode::Blink;
  else mode.fail("must be one of off, shutdown, blink (got '" + m + "')");
  e.arm_min_speed_mps = n.number_or("arm_min_speed_mps", 0.0, 10e3, e.arm_min_speed_mps);
  e.warning_range_m = n.number_or("warning_range_m", 0.0, 1e6, e.warning_range_m);
  e.cone_deg = n.number_or("cone_deg", 0.0, 90.0, e.cone_deg);
  e.hold_s = n.number_or("hold_s", 0.0, 3600.0, e.hold_s);
  e.blink_on_s = n.number_or("blink_on_s", 0.01, 3600.0, e.blink_on_s);
  e.blink_off_s = n.number_or("blink_off_s", 0.01, 3600.0, e.blink_off_s);
  return e;
}

std::vector<DecoyEmitterSpec> parse_decoy_emitters(const YamlNode& n, const Scenario& s, const Places& places, const Terrain& ground) {
  std::vector<DecoyEmitterSpec> out;
  for (const YamlNode& d : n.list()) {
    d.allow_only({"name", "position", "mimics", "power_kw", "gain_db", "radiate_from_s"});
    DecoyEmitterSpec e;
    e.name = d.name_at("name");
    for (const DecoyEmitterSpec& other : out)
      if (other.name == e.name) d.required("name").fail("decoy emitter name '" + e.name + "' is used twice");
    e.site = parse_position(d.required("position"), places, &ground);
    // The radar it mimics ("battalion/radar"): its frequency, and by default its power and its gain
    // toward an ARM (the side-lobe level the seeker sees of the radar, arm_seeker.hpp).
    const YamlNode mimics = d.required("mimics");
    const std::string ref = mimics.str();
    const RadarParams* radar = nullptr;
    for (const BattalionSpec& b : s.battalions)
      for (const RadarSite& r : b.radars)
        if (b.name + "/" + r.name == ref) radar = &s.radar_types[r.type_index];
    if (!radar) mimics.fail("unknown radar '" + ref + "' (write battalion/radar, e.g. " +
                            (s.battalions.empty() ? std::string("bn/er") : s.battalions[0].name + "/" + s.battalions[0].radars[0].name) + ")");
    e.frequency_hz = radar->frequency_hz;
    e.power_w = d.has("power_kw") ? d.number_at("power_kw", 1e-6, 1e5) * 1e3 : radar->peak_power_w;
    e.gain_db = d.number_or("gain_db", -30.0, 60.0, radar->gain_db + radar->sidelobe_level_db);
    e.radiate_from_s = d.number_or("radiate_from_s", 0.0, 1e7, 0.0);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace skyshield
