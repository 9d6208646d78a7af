#include "scenario/ballistic_parser.hpp"

#include <fmt/format.h>

#include "core/units.hpp"

namespace skyshield {

TrajectoryShape parse_trajectory_shape(const YamlNode& n) {
  const std::string s = n.str();
  if (s == "minimum_energy") return TrajectoryShape::MinimumEnergy;
  if (s == "lofted") return TrajectoryShape::Lofted;
  if (s == "depressed") return TrajectoryShape::Depressed;
  n.fail("must be one of minimum_energy, lofted, depressed (got '" + s + "')");
}

void parse_ballistic_params(const YamlNode& n, BallisticMissileParams& p) {
  const YamlNode stages = n.required("stages");
  for (const YamlNode& st : stages.list()) {
    st.allow_only({"thrust_kn", "vacuum_thrust_kn", "burn_time_s", "propellant_kg", "dry_mass_kg"});
    RocketStage s;
    s.thrust_n = st.number_at("thrust_kn", 0.001, 1e5) * 1e3;
    s.vacuum_thrust_n = st.number_or("vacuum_thrust_kn", s.thrust_n / 1e3, 1e5, s.thrust_n / 1e3) * 1e3;
    s.burn_time_s = st.number_at("burn_time_s", 0.1, 1000.0);
    s.propellant_kg = st.number_at("propellant_kg", 0.1, 1e7);
    s.dry_mass_kg = st.number_at("dry_mass_kg", 0.0, 1e7);
    p.stages.push_back(s);
  }
  if (p.stages.empty()) stages.fail("a ballistic missile needs at least one stage");
  if (p.stages.size() > 5) stages.fail("at most 5 stages");
  p.payload_kg = n.number_at("payload_kg", 1.0, 1e5);
  p.diameter_m = n.number_at("diameter_m", 0.05, 10.0);
  p.vertical_rise_s = n.number_or("vertical_rise_s", 0.5, 60.0, p.vertical_rise_s);
  p.pitch_over_s = n.number_or("pitch_over_s", 0.5, 60.0, p.pitch_over_s);
  if (p.vertical_rise_s + p.pitch_over_s + 1.0 >= p.total_burn_s())
    stages.fail(fmt::format("the total burn ({:.1f} s) must outlast the vertical rise and pitch-over ({:.1f} s)",
                            p.total_burn_s(), p.vertical_rise_s + p.pitch_over_s));
  // Lift-off: the first stage's thrust must exceed the launch weight.
  const double weight = p.launch_mass_kg() * kStandardGravity;
  if (p.stages.front().thrust_n <= weight)
    stages.list().front().required("thrust_kn").fail(
        fmt::format("thrust {:.1f} kN is below the launch weight {:.1f} kN ({:.0f} kg): the missile cannot lift off",
                    p.stages.front().thrust_n / 1e3, weight / 1e3, p.launch_mass_kg()));
  if (const auto v = n.optional("trajectory")) p.shape = parse_trajectory_shape(*v);
  p.shape_offset_deg = n.number_or("trajectory_offset_deg", 0.0, 40.0, p.shape_offset_deg);
  if (const auto rv = n.optional("reentry_vehicle")) {
    rv->allow_only({"separates", "separation_delay_s", "ballistic_coefficient_kg_m2", "rcs_m2"});
    if (const auto v = rv->optional("separates")) p.separates = v->boolean();
    p.separation_delay_s = rv->number_or("separation_delay_s", 0.0, 600.0, p.separation_delay_s);
    p.rv_ballistic_coefficient_kg_m2 = rv->number_at("ballistic_coefficient_kg_m2", 10.0, 1e6);
    p.rv_rcs_m2 = rv->number_or("rcs_m2", 1e-6, 1e4, p.rv_rcs_m2);
  }
  if (const auto m = n.optional("marv")) {
    m->allow_only({"start_altitude_km", "accel_g", "period_s", "lift_to_drag"});
    if (!p.separates) m->fail("a manoeuvring re-entry vehicle needs reentry_vehicle.separates: true");
    p.marv.enabled = true;
    p.marv.start_altitude_m = m->number_at("start_altitude_km", 1.0, 100.0) * 1e3;
    p.marv.accel_g = m->number_at("accel_g", 0.1, 50.0);
    p.marv.period_s = m->number_at("period_s", 0.5, 120.0);
    p.marv.lift_to_drag = m->number_or("lift_to_drag", 0.1, 10.0, p.marv.lift_to_drag);
  }
  if (const auto g = n.optional("glide")) {
    g->allow_only({"lift_to_drag", "boost_kick_deg", "max_bank_deg", "heading_gain", "max_lateral_g", "dive_angle_deg"});
    if (!p.separates) g->fail("a glide vehicle is released from its booster: needs reentry_vehicle.separates: true");
    if (p.marv.enabled) g->fail("a vehicle is either a manoeuvring re-entry vehicle (marv) or a glide vehicle, not both");
    p.glide.enabled = true;
    p.glide.lift_to_drag = g->number_at("lift_to_drag", 0.1, 10.0);
    p.glide.boost_kick_deg = g->number_at("boost_kick_deg", 1.0, 89.0);
    p.glide.max_bank_deg = g->number_or("max_bank_deg", 0.0, 85.0, p.glide.max_bank_deg);
    p.glide.heading_gain = g->number_or("heading_gain", 0.0, 20.0, p.glide.heading_gain);
    p.glide.max_lateral_g = g->number_at("max_lateral_g", 0.1, 100.0);
    p.glide.dive_angle_deg = g->number_or("dive_angle_deg", 1.0, 89.0, p.glide.dive_angle_deg);
  }
  if (const auto d = n.optional("decoys")) {
    d->allow_only({"count", "rcs_m2", "ballistic_coefficient_kg_m2", "spread_mps"});
    if (!p.separates) d->fail("decoys are released with the warhead: needs reentry_vehicle.separates: true");
    p.decoys.count = static_cast<int>(d->required("count").integer(0, 100));
    p.decoys.rcs_m2 = d->number_at("rcs_m2", 1e-6, 1e3);
    p.decoys.ballistic_coefficient_kg_m2 = d->number_at("ballistic_coefficient_kg_m2", 1.0, 1e6);
    p.decoys.spread_mps = d->number_or("spread_mps", 0.0, 500.0, p.decoys.spread_mps);
  }
}

}  // namespace skyshield
