#include "scenario/interceptor_parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "core/units.hpp"
#include "scenario/envelope_parser.hpp"
#include "weapons/flyout/flyout_table.hpp"

namespace skyshield {

std::vector<TablePoint> parse_table(const YamlNode& n, double x_lo, double x_hi, double y_lo, double y_hi) {
  std::vector<TablePoint> t;
  for (const YamlNode& row : n.list()) {
    const std::vector<YamlNode> xy = row.list();
    if (xy.size() != 2) row.fail("must be a pair [x, y]");
    const double x = xy[0].number(x_lo, x_hi), y = xy[1].number(y_lo, y_hi);
    if (!t.empty() && x <= t.back().first) xy[0].fail("must be greater than the previous row's");
    t.emplace_back(x, y);
  }
  if (t.empty()) n.fail("must have at least one row");
  return t;
}

namespace {

MotorStage parse_stage(const YamlNode& n) {
  n.allow_only({"thrust_kn", "burn_time_s", "propellant_kg", "ignition_delay_s", "jettison_kg"});
  MotorStage s;
  s.thrust_n = n.number_at("thrust_kn", 0.001, 1e5) * 1e3;
  s.burn_time_s = n.number_at("burn_time_s", 0.01, 1000.0);
  s.propellant_kg = n.number_at("propellant_kg", 0.001, 1e5);
  s.ignition_delay_s = n.number_or("ignition_delay_s", 0.0, 1000.0, 0.0);
  s.jettison_kg = n.number_or("jettison_kg", 0.0, 1e5, 0.0);
  return s;
}

void parse_motors_and_airframe(const YamlNode& n, InterceptorClass& c) {
  c.propulsion.launch_mass_kg = n.number_at("launch_mass_kg", 1.0, 1e5);
  const YamlNode stages = n.required("stages");
  for (const YamlNode& s : stages.list()) c.propulsion.stages.push_back(parse_stage(s));
  if (c.propulsion.stages.empty()) stages.fail("must list at least one motor stage");
  if (c.propulsion.burnout_mass_kg() <= 0.0)
    stages.fail("propellant and jettisoned mass exceed launch_mass_kg (" + std::to_string(c.propulsion.launch_mass_kg) + " kg)");
  const double d = n.number_at("diameter_m", 0.01, 10.0);
  c.airframe.reference_area_m2 = kPi * d * d / 4.0;
  c.airframe.cd0_vs_mach = parse_table(n.required("cd0_vs_mach"), 0.0, 50.0, 0.0, 10.0);
  c.airframe.cn_max = n.number_at("cn_max", 0.01, 100.0);
  c.airframe.cn_alpha_per_rad = n.number_at("cn_alpha_per_rad", 0.1, 1000.0);
  c.airframe.max_lateral_g = n.number_at("max_lateral_g", 0.1, 100.0);
}

// Electronic attack on the seeker (weapons/seeker_jamming.hpp): all optional; without
// seeker_frequency_ghz the seeker is not affected by jammers, and the other keys would mean nothing.
void parse_seeker_jamming(const YamlNode& n, InterceptorClass& c) {
  const auto freq = n.optional("seeker_frequency_ghz");
  if (freq) c.seeker_frequency_hz = freq->number(0.1, 300.0) * 1e9;
  for (const char* key : {"seeker_erp_dbw", "seeker_bandwidth_mhz", "seeker_snr_db", "seeker_reacquire_s", "home_on_jam",
                          "seeker_hoj_angle_noise_mrad"})
    if (const auto v = n.optional(key); v && !freq)
      v->fail("needs seeker_frequency_ghz (the band the seeker receives): without it no jammer acts on the seeker");
  if (!freq) return;
  const auto erp = n.optional("seeker_erp_dbw");
  if (!erp) freq->fail("needs seeker_erp_dbw (the ERP of the echo's source, for the jammer-to-signal ratio)");
  c.seeker_erp_w = std::pow(10.0, erp->number(-100.0, 200.0) / 10.0);
  const auto bw = n.optional("seeker_bandwidth_mhz");
  if (!bw) freq->fail("needs seeker_bandwidth_mhz (the receiver's noise bandwidth, for a barrage jammer's share)");
  c.seeker_bandwidth_hz = bw->number(1e-3, 1e5) * 1e6;
  c.seeker_snr_db = n.number_or("seeker_snr_db", -10.0, 40.0, c.seeker_snr_db);
  c.seeker_reacquire_s = n.number_or("seeker_reacquire_s", 0.0, 600.0, c.seeker_reacquire_s);
  if (const auto v = n.optional("home_on_jam")) c.home_on_jam = v->boolean();
  if (const auto v = n.optional("seeker_hoj_angle_noise_mrad")) {
    if (!c.home_on_jam) v->fail("needs home_on_jam: true");
    c.seeker_hoj_angle_noise_rad = v->number(0.0, 100.0) * 1e-3;
  }
}

void parse_launch_and_guidance(const YamlNode& n, InterceptorClass& c) {
  const YamlNode launch = n.required("launch");
  if (launch.str() == "vertical") c.vertical_launch = true;
  else if (launch.str() == "hot") c.vertical_launch = false;
  else launch.fail("must be 'vertical' (cold launch and turnover) or 'hot' (along the line to the target), got '" + launch.str() + "'");
  c.eject_speed_mps = n.number_at("eject_speed_mps", 1.0, 1000.0);
  c.vertical_rise_s = n.number_or("vertical_rise_s", 0.0, 60.0, c.vertical_rise_s);
  c.turnover_rate_dps = n.number_or("turnover_rate_dps", 1.0, 1000.0, c.turnover_rate_dps);
  const YamlNode law = n.required("guidance_law");
  if (law.str() == "true_pn") c.guidance_law = GuidanceLaw::TruePN;
  else if (law.str() == "augmented_pn") c.guidance_law = GuidanceLaw::AugmentedPN;
  else law.fail("must be 'true_pn' or 'augmented_pn', got '" + law.str() + "'");
  c.nav_constant = n.number_at("nav_constant", 1.0, 10.0);
  c.seeker_tau_s = n.number_or("seeker_tau_s", 0.0, 10.0, 0.0);
  c.autopilot_tau_s = n.number_at("autopilot_tau_s", 0.0, 10.0);
  if (const auto v = n.optional("seeker")) {
    if (v->str() == "active_radar") c.seeker_type = SeekerType::ActiveRadar;
    else if (v->str() == "semi_active") c.seeker_type = SeekerType::SemiActive;
    else if (v->str() == "track_via_missile") c.seeker_type = SeekerType::TrackViaMissile;
    else v->fail("must be one of active_radar, semi_active, track_via_missile (got '" + v->str() + "')");
  }
  c.seeker_range_m = n.number_at("seeker_range_km", 0.0, 500.0) * 1e3;
  if (const auto v = n.optional("midcourse_uplink")) c.midcourse_uplink = v->boolean();
  c.seeker_basket_m = n.number_or("seeker_basket_km", 0.01, 500.0, c.seeker_basket_m / 1e3) * 1e3;
  c.seeker_track_gate_sigmas = n.number_or("seeker_track_gate_sigmas", 0.0, 100.0, c.seeker_track_gate_sigmas);
  c.seeker_track_gate_min_m = n.number_or("seeker_track_gate_min_m", 1.0, 1e5, c.seeker_track_gate_min_m);
  c.seeker_reference_rcs_m2 = n.number_or("seeker_reference_rcs_m2", 1e-4, 1e4, c.seeker_reference_rcs_m2);
  c.seeker_illumination_ref_m = n.number_or("seeker_illumination_km", 1.0, 1000.0, c.seeker_illumination_ref_m / 1e3) * 1e3;
  if (const auto v = n.optional("tvm_processing_gain_db")) {
    if (c.seeker_type != SeekerType::TrackViaMissile) v->fail("only for seeker: track_via_missile");
    c.tvm_processing_gain_db = v->number(0.0, 40.0);
  }
  c.seeker_angle_noise_rad = n.number_or("seeker_angle_noise_mrad", 0.0, 100.0, 0.0) * 1e-3;
  c.seeker_glint_m = n.number_or("seeker_glint_m", 0.0, 100.0, 0.0);
  c.seeker_blind_range_m = n.number_or("seeker_blind_range_m", 0.0, 10e3, 0.0);
  c.seeker_gimbal_rad = n.number_or("seeker_gimbal_deg", 1.0, 180.0, 180.0) * kDegToRad;
  c.seeker_gimbal_rate_rps = n.number_or("seeker_gimbal_rate_dps", 0.0, 3600.0, 0.0) * kDegToRad;
  parse_seeker_jamming(n, c);
  c.ground_clearance_m = n.number_or("ground_clearance_m", 0.0, 1000.0, c.ground_clearance_m);
  c.min_speed_mps = n.number_at("min_speed_mps", 1.0, 1e4);
  c.max_flight_time_s = n.number_at("max_flight_time_s", 1.0, 3600.0);
  c.endgame_min_g = n.number_or("endgame_min_g", 0.0, 100.0, 0.0);
}

void parse_warhead(const YamlNode& n, InterceptorClass& c) {
  c.lethal_radius_m = n.number_at("lethal_radius_m", 0.1, 1000.0);
  const YamlNode pk = n.required("pk");
  pk.allow_only({"aircraft", "drone", "cruise_missile", "ballistic_missile"});
  for (ThreatClass t : kAllThreatClasses)
    c.pk_in_lethal_radius[static_cast<int>(t)] = pk.number_at(std::string(to_string(t)), 0.0, 1.0);
  if (const auto t = n.optional("pk_vs_miss")) {
    c.pk_vs_miss = parse_table(*t, 0.0, c.lethal_radius_m, 0.0, 1.0);
    for (std::size_t i = 1; i < c.pk_vs_miss.size(); ++i)
      if (c.pk_vs_miss[i].second > c.pk_vs_miss[i - 1].second) t->fail("kill probability must not grow with the miss distance");
  }
  c.unit_cost = n.number_or("unit_cost", 0.0, 1e12, 1.0);
}

}  // namespace

InterceptorClass parse_interceptor_class(const std::string& name, const YamlNode& n) {
  n.allow_only({"layer", "source", "min_range_km", "max_range_km", "min_altitude_m", "max_altitude_m",
                "launch_mass_kg", "stages", "diameter_m", "cd0_vs_mach", "cn_max", "cn_alpha_per_rad", "max_lateral_g",
                "launch", "eject_speed_mps", "vertical_rise_s", "turnover_rate_dps",
                "guidance_law", "nav_constant", "seeker_tau_s", "autopilot_tau_s", "seeker", "seeker_range_km",
                "seeker_basket_km", "seeker_track_gate_sigmas", "seeker_track_gate_min_m", "seeker_reference_rcs_m2", "seeker_illumination_km", "tvm_processing_gain_db", "seeker_angle_noise_mrad",
                "seeker_glint_m", "seeker_blind_range_m", "seeker_gimbal_deg", "seeker_gimbal_rate_dps",
                "seeker_frequency_ghz", "seeker_erp_dbw", "seeker_bandwidth_mhz", "seeker_snr_db", "home_on_jam",
                "seeker_hoj_angle_noise_mrad", "seeker_reacquire_s",
                "midcourse_uplink", "ground_clearance_m", "min_speed_mps", "max_flight_time_s", "endgame_min_g",
                "lethal_radius_m", "pk", "pk_vs_miss", "unit_cost", "envelopes"});
  InterceptorClass c;
  c.name = name;
  c.layer = n.str_at("layer");
  c.min_range_m = n.number_at("min_range_km", 0.0, 1000.0) * 1e3;
  c.max_range_m = n.number_at("max_range_km", 0.1, 1000.0) * 1e3;
  if (c.max_range_m <= c.min_range_m) n.required("max_range_km").fail("must exceed min_range_km");
  c.min_altitude_m = n.number_at("min_altitude_m", 0.0, 100e3);
  c.max_altitude_m = n.number_at("max_altitude_m", 1.0, 200e3);
  if (c.max_altitude_m <= c.min_altitude_m) n.required("max_altitude_m").fail("must exceed min_altitude_m");
  parse_motors_and_airframe(n, c);
  parse_launch_and_guidance(n, c);
  parse_warhead(n, c);
  c.flyout = std::make_shared<FlyoutTable>(c, n.emit());  // the YAML keys its disk-cached table
  // A class whose physics cannot fly just past its own minimum range (motors too weak to lift it,
  // min_speed_mps or max_flight_time_s out of reach) has no reach and could intercept nothing. One
  // guided flight to that point (not the whole table, which is built when first needed) tells.
  const double probe_range_m = c.min_range_m + 1000.0;
  const double probe_height_m = std::clamp(1000.0, c.min_altitude_m, c.max_altitude_m);
  if (!simulate_flyout(c, probe_range_m, probe_height_m).reached)
    n.fail(fmt::format("its flyout (motors, drag, min_speed_mps, max_flight_time_s) does not reach a point {:.1f} km out at "
                       "{:.0f} m, 1 km beyond its min_range_km: it has no reach",
                       probe_range_m / 1e3, probe_height_m));
  c.envelopes = parse_envelopes(n.required("envelopes"), c);
  return c;
}

}  // namespace skyshield
