#include "scenario/library_parsers.hpp"

#include "scenario/sead_parser.hpp"

#include "core/threat_class.hpp"
#include "scenario/air_vehicle_parser.hpp"
#include "scenario/ballistic_parser.hpp"

namespace skyshield {

ThreatClass parse_threat_class(const YamlNode& n) {
  const std::optional<ThreatClass> c = threat_class_from_string(n.str());
  if (!c) n.fail("must be one of aircraft, drone, cruise_missile, ballistic_missile (got '" + n.str() + "')");
  return *c;
}

RadarParams parse_radar_type(const std::string& name, const YamlNode& n) {
  n.allow_only({"kind", "peak_power_kw", "gain_db", "frequency_ghz", "pulse_width_us", "pulses_integrated",
                "noise_figure_db", "losses_db", "pfa", "instrumented_range_km", "min_elevation_deg",
                "max_elevation_deg", "antenna_height_m", "scan_period_s", "sector_center_deg", "sector_width_deg",
                "beamwidth_az_deg", "beamwidth_el_deg", "range_resolution_m", "monopulse_k", "target_channels",
                "missile_channels", "track_dwell_period_s", "source", "noncoherent_looks", "sidelobe_level_db",
                "velocity_resolution_mps", "kill_assessment"});
  RadarParams r;
  r.name = name;
  const YamlNode kind = n.required("kind");
  const std::string k = kind.str();
  if (k == "rotating") r.scan = ScanKind::Rotating;
  else if (k == "sector") r.scan = ScanKind::Sector;
  else kind.fail("must be 'rotating' or 'sector' (got '" + k + "')");
  r.peak_power_w = n.number_at("peak_power_kw", 1e-3, 1e5) * 1e3;
  r.gain_db = n.number_at("gain_db", 0.0, 70.0);
  r.frequency_hz = n.number_at("frequency_ghz", 0.003, 100.0) * 1e9;
  r.pulse_width_s = n.number_at("pulse_width_us", 1e-3, 1e5) * 1e-6;
  r.pulses_integrated = static_cast<int>(n.required("pulses_integrated").integer(1, 100000));
  r.noncoherent_looks = static_cast<int>(n.optional("noncoherent_looks") ? n.required("noncoherent_looks").integer(1, 10000) : 1);
  r.sidelobe_level_db = n.number_or("sidelobe_level_db", -80.0, -3.0, r.sidelobe_level_db);
  r.velocity_resolution_mps = n.number_or("velocity_resolution_mps", 0.01, 1000.0, 0.0);
  r.noise_figure_db = n.number_at("noise_figure_db", 0.0, 30.0);
  r.losses_db = n.number_at("losses_db", 0.0, 40.0);
  r.pfa = n.number_at("pfa", 1e-14, 0.1);
  r.instrumented_range_m = n.number_at("instrumented_range_km", 1.0, 5000.0) * 1e3;
  r.min_elevation_deg = n.number_at("min_elevation_deg", -10.0, 89.0);
  r.max_elevation_deg = n.number_at("max_elevation_deg", -9.0, 90.0);
  if (r.max_elevation_deg <= r.min_elevation_deg) n.required("max_elevation_deg").fail("must exceed min_elevation_deg");
  r.antenna_height_m = n.number_at("antenna_height_m", 0.0, 1000.0);
  r.scan_period_s = n.number_at("scan_period_s", 0.1, 600.0);
  if (r.scan == ScanKind::Sector) {
    r.sector_center_deg = n.number_at("sector_center_deg", -360.0, 360.0);
    r.sector_width_deg = n.number_at("sector_width_deg", 1.0, 360.0);
  } else {
    for (const char* f : {"sector_center_deg", "sector_width_deg"})
      if (n.has(f)) n.required(f).fail("only a 'sector' radar has a sector");
  }
  r.beamwidth_az_deg = n.number_at("beamwidth_az_deg", 0.01, 90.0);
  r.beamwidth_el_deg = n.number_at("beamwidth_el_deg", 0.01, 90.0);
  r.range_resolution_m = n.number_at("range_resolution_m", 0.1, 10000.0);
  r.monopulse_k = n.number_or("monopulse_k", 0.5, 5.0, r.monopulse_k);
  r.target_channels = static_cast<int>(n.optional("target_channels") ? n.required("target_channels").integer(0, 1000) : 0);
  r.missile_channels = static_cast<int>(n.optional("missile_channels") ? n.required("missile_channels").integer(0, 1000) : 0);
  if ((r.target_channels > 0) != (r.missile_channels > 0))
    n.fail("an engagement radar needs both target_channels and missile_channels");
  r.track_dwell_period_s = n.number_or("track_dwell_period_s", 0.05, 60.0, r.track_dwell_period_s);
  if (n.has("kill_assessment")) {
    // Probabilities of a false kill and of a missed kill (c2/kill_assessment.hpp); both default to 0.
    const YamlNode ka = n.required("kill_assessment");
    ka.allow_only({"false_kill_probability", "missed_kill_probability"});
    r.false_kill_probability = ka.number_or("false_kill_probability", 0.0, 1.0, 0.0);
    r.missed_kill_probability = ka.number_or("missed_kill_probability", 0.0, 1.0, 0.0);
    // At a sum of 1 or more the assessment says the opposite of the evidence at least as often as not.
    if (r.false_kill_probability + r.missed_kill_probability >= 1.0)
      ka.fail("false_kill_probability + missed_kill_probability must be below 1");
  }
  return r;
}

static RcsPattern parse_rcs(const YamlNode& n) {
  if (n.has("rcs_m2") == n.has("rcs")) n.fail("give exactly one of rcs_m2 (isotropic) or rcs: {nose_m2, beam_m2, tail_m2}");
  if (n.has("rcs_m2")) return RcsPattern::isotropic(n.number_at("rcs_m2", 1e-6, 1e4));
  const YamlNode r = n.required("rcs");
  r.allow_only({"nose_m2", "beam_m2", "tail_m2"});
  return {r.number_at("nose_m2", 1e-6, 1e4), r.number_at("beam_m2", 1e-6, 1e4), r.number_at("tail_m2", 1e-6, 1e4)};
}

static JammerParams parse_jammer(const YamlNode& n) {
  n.allow_only({"power_w", "gain_db", "band_ghz", "losses_db"});
  JammerParams j;
  j.power_w = n.number_at("power_w", 1e-3, 1e7);
  j.gain_db = n.number_or("gain_db", -20.0, 40.0, 0.0);
  j.losses_db = n.number_or("losses_db", 0.0, 30.0, 0.0);
  const YamlNode band = n.required("band_ghz");
  const std::vector<YamlNode> b = band.list();
  if (b.size() != 2) band.fail("must be [low, high] in GHz");
  j.band_low_hz = b[0].number(0.01, 100.0) * 1e9;
  j.band_high_hz = b[1].number(0.01, 100.0) * 1e9;
  if (j.band_high_hz <= j.band_low_hz) band.fail("high must be above low");
  return j;
}

ThreatType parse_threat_type(const std::string& name, const YamlNode& n) {
  n.allow_only({"class", "rcs_m2", "rcs", "jammer", "swerling", "speed_mps", "max_load_factor", "max_climb_rate_mps", "max_bank_deg",
                "max_descent_rate_mps", "terrain_clearance_m", "lookahead_s", "terminal", "evasion", "decoy",
                "unit_cost", "source", "stages", "payload_kg", "diameter_m", "vertical_rise_s", "pitch_over_s",
                "trajectory", "trajectory_offset_deg", "reentry_vehicle", "marv", "glide", "decoys", "arm", "deception"});
  ThreatType t;
  t.name = name;
  t.cls = parse_threat_class(n.required("class"));
  t.rcs = parse_rcs(n);
  if (const auto j = n.optional("jammer")) t.jammer = parse_jammer(*j);
  t.swerling = static_cast<Swerling>(n.required("swerling").integer(0, 4));
  t.unit_cost = n.number_or("unit_cost", 0.0, 1e12, 0.0);  // optional: without it no cost-exchange ratio
  if (const auto d = n.optional("decoy")) t.decoy = d->boolean();
  if (const auto d = n.optional("deception")) t.deception = parse_deception(*d);   // gate pull-off repeater (docs/sead.md)
  if (const auto a = n.optional("arm")) {   // anti-radiation missile (docs/sead.md)
    if (t.cls != ThreatClass::CruiseMissile) a->fail("only a cruise_missile class threat can carry an anti-radiation seeker");
    if (t.decoy) a->fail("a decoy has no warhead, so no anti-radiation seeker");
    t.arm = parse_arm_seeker(*a);
  }
  if (t.cls == ThreatClass::BallisticMissile) {
    parse_ballistic_params(n, t.ballistic);
    for (const char* f : {"speed_mps", "max_load_factor", "max_climb_rate_mps", "max_bank_deg", "max_descent_rate_mps",
                          "terrain_clearance_m", "lookahead_s", "terminal", "evasion"})
      if (n.has(f)) n.required(f).fail("a ballistic missile flies by its stages and its trajectory, not by air-vehicle limits");
  } else {
    parse_air_vehicle(n, t.air);
    if (t.air.evasion.enabled && t.cls != ThreatClass::Aircraft)
      n.required("evasion").fail("only aircraft have a missile-warning evasive manoeuvre");
    for (const char* f : {"stages", "payload_kg", "diameter_m", "vertical_rise_s", "pitch_over_s", "trajectory",
                          "trajectory_offset_deg", "reentry_vehicle", "marv", "glide", "decoys"})
      if (n.has(f)) n.required(f).fail("only for ballistic missiles");
  }
  return t;
}

}  // namespace skyshield
