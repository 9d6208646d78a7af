#include "scenario/air_vehicle_parser.hpp"

namespace skyshield {

void parse_air_vehicle(const YamlNode& n, AirVehicleParams& p) {
  p.speed_mps = n.number_at("speed_mps", 1.0, 3000.0);
  p.max_load_factor = n.number_at("max_load_factor", 1.01, 30.0);
  p.max_bank_deg = n.number_or("max_bank_deg", 5.0, 90.0, p.max_bank_deg);
  p.max_climb_rate_mps = n.number_at("max_climb_rate_mps", 0.1, 1000.0);
  p.max_descent_rate_mps = n.number_or("max_descent_rate_mps", 0.1, 1000.0, p.max_climb_rate_mps);
  p.terrain_clearance_m = n.number_or("terrain_clearance_m", 1.0, 5000.0, 0.0);
  p.lookahead_s = n.number_or("lookahead_s", 0.0, 120.0, p.lookahead_s);
  if (n.has("lookahead_s") && !n.has("terrain_clearance_m"))
    n.required("lookahead_s").fail("only with terrain_clearance_m (terrain following)");
  if (const auto t = n.optional("terminal")) {
    t->allow_only({"kind", "start_range_km", "popup_height_m", "dive_angle_deg", "weave_amplitude_deg", "weave_period_s"});
    TerminalManoeuvre& tm = p.terminal;
    const YamlNode kind = t->required("kind");
    const std::string k = kind.str();
    if (k == "popup") tm.kind = TerminalKind::PopUp;
    else if (k == "weave") tm.kind = TerminalKind::Weave;
    else if (k == "dive") tm.kind = TerminalKind::Dive;
    else kind.fail("must be one of popup, weave, dive (got '" + k + "')");
    tm.start_range_m = t->number_or("start_range_km", 0.1, 500.0, tm.start_range_m / 1e3) * 1e3;
    tm.popup_height_m = t->number_or("popup_height_m", 10.0, 20000.0, tm.popup_height_m);
    tm.dive_angle_deg = t->number_or("dive_angle_deg", 1.0, 89.0, tm.dive_angle_deg);
    tm.weave_amplitude_deg = t->number_or("weave_amplitude_deg", 1.0, 80.0, tm.weave_amplitude_deg);
    tm.weave_period_s = t->number_or("weave_period_s", 1.0, 120.0, tm.weave_period_s);
  }
  if (const auto e = n.optional("evasion")) {
    e->allow_only({"warning_range_km", "duration_s", "max_breaks", "floor_agl_m", "commit_range_km"});
    p.evasion.enabled = true;
    p.evasion.warning_range_m = e->number_at("warning_range_km", 0.1, 200.0) * 1e3;
    p.evasion.duration_s = e->number_at("duration_s", 1.0, 600.0);
    p.evasion.max_breaks = static_cast<int>(e->required("max_breaks").integer(0, 100));
    p.evasion.floor_agl_m = e->number_at("floor_agl_m", 30.0, 20000.0);
    p.evasion.commit_range_m = e->number_at("commit_range_km", 0.0, 2000.0) * 1e3;
  }
}

}  // namespace skyshield
