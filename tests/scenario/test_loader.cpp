// Scenario loading: a valid file loads with the values it states; every broken file gives one error
// naming the file, the line and the field.
#include <gtest/gtest.h>

#include <string>

#include "core/error.hpp"
#include "scenario/loader.hpp"
#include "scenario/terrain_parser.hpp"

using namespace skyshield;

namespace {
const std::string kData = SKYSHIELD_SCENARIO_DATA;

std::string load_error(const std::string& file) {
  try {
    load_scenario(kData + "/" + file);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST(Loader, MinimalScenarioLoads) {
  const Scenario s = load_scenario(kData + "/minimal.yaml");
  EXPECT_EQ(s.name, "minimal");
  EXPECT_EQ(s.sim.seed, 7u);
  EXPECT_DOUBLE_EQ(s.sim.step_s, 0.05);
  ASSERT_EQ(s.assets.size(), 1u);
  EXPECT_DOUBLE_EQ(s.assets[0].value, 5.0);
  ASSERT_EQ(s.battalions.size(), 1u);
  const BattalionSpec& b = s.battalions[0];
  EXPECT_EQ(b.radars.size(), 2u);
  EXPECT_EQ(b.engagement_radar, 1);
  ASSERT_EQ(b.launchers.size(), 2u);
  EXPECT_EQ(s.interceptor_classes[b.launchers[1].interceptor_class].name, "short_range");
  EXPECT_EQ(b.launchers[0].tubes, 4);
  // The command post is 5 km due north of the base: the relative position went through the geodesic.
  EXPECT_NEAR(geodesic_inverse(s.assets[0].site, b.command_post).distance_m, 5000.0, 1e-6);
  ASSERT_EQ(s.threats.size(), 2u);
  // An aircraft keeps its route (ends at its release point); the ballistic missile aims at its target.
  EXPECT_EQ(s.threats[0].route.size(), 2u);
  EXPECT_NEAR(geodesic_inverse(s.threats[1].aim_point, s.assets[0].site).distance_m, 0.0, 1e-6);
  EXPECT_DOUBLE_EQ(s.threats[1].launch_time_s, 10.0);
  // Library values arrive in SI units (scenarios/library/interceptors.yaml: medium_range 120 km).
  EXPECT_DOUBLE_EQ(s.interceptor_classes[b.launchers[0].interceptor_class].max_range_m, 120e3);
  // The seeker model's fields (notional, same file): 60 deg gimbal, 3 mrad, 40 deg/s.
  const InterceptorClass& mr = s.interceptor_classes[b.launchers[0].interceptor_class];
  EXPECT_NEAR(mr.seeker_gimbal_rad, 60.0 * kDegToRad, 1e-12);
  EXPECT_NEAR(mr.seeker_angle_noise_rad, 3e-3, 1e-15);
  EXPECT_NEAR(mr.seeker_gimbal_rate_rps, 40.0 * kDegToRad, 1e-12);
  EXPECT_DOUBLE_EQ(mr.seeker_glint_m, 1.0);
  EXPECT_DOUBLE_EQ(mr.ground_clearance_m, 3.0);
}

TEST(Loader, DefaultScenarioLoads) {
  const Scenario s = load_scenario(SKYSHIELD_SOURCE_DIR "/scenarios/default.yaml");
  // The raid the foundation issue asks for: >= 2 aircraft, 4 cruise missiles, 6 drones, 2 ballistic missiles.
  int count[kThreatClassCount] = {};
  for (const ThreatSpec& t : s.threats) ++count[static_cast<int>(s.threat_types[t.type_index].cls)];
  EXPECT_GE(count[static_cast<int>(ThreatClass::Aircraft)], 2);
  EXPECT_GE(count[static_cast<int>(ThreatClass::CruiseMissile)], 4);
  EXPECT_GE(count[static_cast<int>(ThreatClass::Drone)], 6);
  EXPECT_GE(count[static_cast<int>(ThreatClass::BallisticMissile)], 2);
  ASSERT_EQ(s.battalions.size(), 1u);
  int tubes = 0;
  for (const auto& l : s.battalions[0].launchers) tubes += l.tubes;
  EXPECT_EQ(s.battalions[0].launchers.size(), 8u);
  EXPECT_EQ(tubes, 28);  // 6 TELs x 4 tubes, 2 x 2 for the largest class
  // The reload magazine (per class index, in library order: SR, MR, LR, VLR).
  EXPECT_EQ(s.battalions[0].magazine.transloaders, 2);
  EXPECT_DOUBLE_EQ(s.battalions[0].magazine.reload_time_s, 900.0);
  int stock = 0;
  for (int n : s.battalions[0].magazine.stock) stock += n;
  EXPECT_EQ(stock, 28);
  EXPECT_EQ(s.interceptor_classes.size(), 4u);
  EXPECT_LE(s.sim.step_s, 0.05);
}

TEST(Loader, DoctrineFields) {
  const Scenario s = load_scenario(kData + "/doctrine_full.yaml");
  const DoctrineParams& d = s.battalions.at(0).doctrine;
  EXPECT_EQ(d.salvo_for(ThreatClass::BallisticMissile), 2);
  EXPECT_EQ(d.salvo_for(ThreatClass::Aircraft), 1);
  EXPECT_EQ(d.salvo_for(ThreatClass::CruiseMissile), 1);  // salvo_size
  EXPECT_TRUE(d.salvo_when_no_look);
  EXPECT_TRUE(d.hold_fire[static_cast<int>(ThreatClass::Drone)]);
  EXPECT_FALSE(d.hold_fire[static_cast<int>(ThreatClass::Aircraft)]);
  ASSERT_EQ(d.reserves.size(), 1u);
  EXPECT_EQ(s.interceptor_classes[d.reserves[0].interceptor_class].name, "medium_range");
  EXPECT_EQ(d.reserves[0].rounds, 2);
  EXPECT_TRUE(d.reserves[0].for_class[static_cast<int>(ThreatClass::CruiseMissile)]);
  EXPECT_FALSE(d.reserves[0].for_class[static_cast<int>(ThreatClass::Drone)]);
  EXPECT_EQ(d.wta_solver, WtaSolver::Exact);
  EXPECT_DOUBLE_EQ(d.wta_time_limit_s, 0.01);
  EXPECT_TRUE(d.retarget_in_flight);   // off by default (c2/retarget.hpp)
  EXPECT_FALSE(DoctrineParams{}.retarget_in_flight);
  EXPECT_DOUBLE_EQ(d.lethality[static_cast<int>(ThreatClass::Drone)], 0.25);
  EXPECT_DOUBLE_EQ(d.lethality[static_cast<int>(ThreatClass::BallisticMissile)], 2.0);
  EXPECT_DOUBLE_EQ(d.lethality[static_cast<int>(ThreatClass::Aircraft)], 1.0);
}

struct BadCase {
  const char* file;
  int line;
  const char* field;    // the field path the message must name
  const char* message;  // a fragment of the explanation
};

class BadScenario : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadScenario, GivesOneClearError) {
  const BadCase& c = GetParam();
  const std::string err = load_error(c.file);
  ASSERT_FALSE(err.empty()) << c.file << " loaded without error";
  const std::string where = kData + "/" + c.file + ":" + std::to_string(c.line) + ":";
  EXPECT_EQ(err.rfind(where, 0), 0u) << "error does not start with " << where << ": " << err;
  EXPECT_NE(err.find(c.field), std::string::npos) << err;
  EXPECT_NE(err.find(c.message), std::string::npos) << err;
  EXPECT_EQ(err.find('\n'), std::string::npos) << "one line only: " << err;
}

INSTANTIATE_TEST_SUITE_P(
    Files, BadScenario,
    ::testing::Values(
        BadCase{"bad_syntax.yaml", 12, "", "YAML syntax error"},
        BadCase{"bad_regiment_twice.yaml", 39, "regiments[1].battalions[0]", "battalion 'bn' is already in regiment 'r1'"},
        BadCase{"bad_regiment_empty.yaml", 37, "regiments[0].battalions", "a regiment needs at least one battalion"},
        BadCase{"bad_regiment_unknown.yaml", 38, "regiments[0].links[0].battalion", "unknown battalion 'bn-x'"},
        BadCase{"bad_unknown_field.yaml", 12, "assets[0].valeu", "unknown field 'valeu'"},
        BadCase{"bad_missing_field.yaml", 10, "assets[0]", "missing field 'value'"},
        BadCase{"bad_wrong_type.yaml", 21, "battalions[0].launchers[0].tubes", "must be an integer (got 'four')"},
        BadCase{"bad_negative_range.yaml", 15, "battalions[0].position.range_km", "must be between 0 and 20000"},
        BadCase{"bad_unknown_class.yaml", 22, "battalions[0].launchers[1].class", "unknown interceptor class 'ultra_range'"},
        BadCase{"bad_off_earth.yaml", 11, "assets[0].position.lat", "must be between -90 and 90 (got -95)"},
        BadCase{"bad_missing_library.yaml", 4, "library[2]", "does not exist"},
        BadCase{"bad_ballistic_route.yaml", 35, "threats[1].route", "has a launch point, not a route"},
        BadCase{"bad_unknown_threat_type.yaml", 31, "threats[1].type", "unknown threat type 'long_range_ballistic'"},
        BadCase{"bad_zero_step.yaml", 6, "simulation.step_s", "must be between"},
        BadCase{"bad_burn_time.yaml", 15, "threat_types.test_srbm.stages[0].burn_time_s", "must be between 0.1 and 1000 (got -5)"},
        BadCase{"bad_no_liftoff.yaml", 15, "threat_types.test_srbm.stages[0].thrust_kn", "cannot lift off"},
        BadCase{"bad_unreachable_aim.yaml", 34, "threats[1].launch", "aim point unreachable: 900 km away"},
        BadCase{"bad_trajectory_shape.yaml", 35, "threats[1].trajectory", "must be one of minimum_energy, lofted, depressed"},
        BadCase{"bad_rcs_both.yaml", 7, "threat_types.odd_jet", "give exactly one of rcs_m2 (isotropic) or rcs"},
        BadCase{"bad_jammer_band.yaml", 13, "threat_types.pod_jet.jammer.band_ghz", "high must be above low"},
        BadCase{"bad_agl_route.yaml", 29, "threats[0].route[1]", "agl is for ground sites"},
        BadCase{"bad_launch_underground.yaml", 36, "threats[1].launch", "alt 0 m is under the ground (100 m) at the launch point"},
        BadCase{"bad_evasion_breaks.yaml", 32, "threat_types.odd_jet.evasion", "missing field 'max_breaks'"},
        BadCase{"bad_ospa_order.yaml", 11, "track_metrics.order", "must be between 1 and 100 (got 0.5)"},
        BadCase{"bad_reserve_class.yaml", 26, "battalions[0].doctrine.reserve[1].class", "unknown interceptor class 'hyper_range'"},
        BadCase{"bad_hold_fire.yaml", 24, "battalions[0].doctrine.hold_fire[1]", "must be one of aircraft, drone"},
        BadCase{"bad_magazine_class.yaml", 26, "battalions[0].magazine.stock.long_range", "no launcher of this battalion fires 'long_range'"},
        BadCase{"bad_magazine_transloaders.yaml", 23, "battalions[0].magazine.transloaders", "must be between 1 and 64"},
        BadCase{"bad_seeker_gimbal.yaml", 33, "interceptor_classes.test_short_range.seeker_gimbal_deg", "must be between 1 and 180"}),
    [](const ::testing::TestParamInfo<BadCase>& info) {
      std::string n = info.param.file;
      return n.substr(0, n.find('.'));
    });

TEST(Loader, ElevationGridErrorsNameTheGridFileAndLine) {
  // bad_grid_value.yaml loads bad_grid.asc, whose 8th line holds a non-number.
  const std::string err = load_error("bad_grid_value.yaml");
  // The scenario line that names the grid, then the grid's own file and line.
  EXPECT_EQ(err.rfind(kData + "/bad_grid_value.yaml:", 0), 0u) << err;
  EXPECT_NE(err.find("terrain.file: " + kData + "/bad_grid.asc:8: height 5: 'x1' is not a number"), std::string::npos) << err;
}

TEST(Loader, ElevationGridIsReadNorthFirst) {
  // ESRI ASCII: the first data row is the northernmost. Cell centres of a corner-registered grid sit half a
  // cell in; heights interpolate bilinearly between them.
  const std::string path = kData + "/ridge_grid.asc";
  const ElevationGrid g = load_esri_ascii_grid(path);
  ASSERT_EQ(g.rows, 3);
  ASSERT_EQ(g.cols, 4);
  EXPECT_DOUBLE_EQ(g.y0, -25.05);   // latitude of the centre of the southern row
  EXPECT_DOUBLE_EQ(g.x0, 134.95);   // longitude of the centre of the western column
  TerrainParams p;
  p.kind = TerrainParams::Kind::Grid;
  p.base_m = -1.0;
  p.grids = {std::make_shared<const ElevationGrid>(g)};
  const Terrain t(p);
  EXPECT_NEAR(t.height(-24.85, 134.95), 1.0, 1e-9);   // north-west centre: first value of the file
  EXPECT_NEAR(t.height(-25.05, 135.25), 12.0, 1e-9);  // south-east centre: last value
  EXPECT_NEAR(t.height(-24.95, 135.0), 0.5 * (5.0 + 6.0), 1e-9);   // halfway between two centres of the middle row
  EXPECT_NEAR(t.height(-24.95, 135.15), -1.0, 1e-9);  // NODATA: the base height
  EXPECT_DOUBLE_EQ(t.height(-30.0, 135.0), -1.0);     // outside: the base height
  EXPECT_DOUBLE_EQ(g.max_height_m, 12.0);
}

TEST(Loader, MissingFileIsAnError) {
  const std::string err = load_error("no_such_file.yaml");
  EXPECT_NE(err.find("cannot open"), std::string::npos) << err;
}
