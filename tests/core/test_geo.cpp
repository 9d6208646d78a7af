// WGS-84 conversions against GeographicLib 2.1.2 reference values (tests/reference/
// geographiclib_2.1.2_reference.csv, produced by GeographicLib's Geocentric::Forward/Reverse; the
// CartConvert manual's examples are among them). Tolerance 1 mm, as the reference README states.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/units.hpp"

using namespace skyshield;

namespace {
struct Row { double a, b, c, x, y, z; };
// Reads the first block of the reference file (geodetic -> ECEF rows, before the second '#').
std::vector<Row> read_forward_rows() {
  std::ifstream in(SKYSHIELD_REFERENCE_DIR "/geographiclib_2.1.2_reference.csv");
  std::vector<Row> rows;
  std::string line;
  int headers = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    if (line[0] == '#') { if (++headers > 1) break; continue; }
    std::stringstream ss(line);
    Row r{};
    char comma;
    ss >> r.a >> comma >> r.b >> comma >> r.c >> comma >> r.x >> comma >> r.y >> comma >> r.z;
    rows.push_back(r);
  }
  return rows;
}
}  // namespace

TEST(Geo, ForwardMatchesGeographicLibReference) {
  const auto rows = read_forward_rows();
  ASSERT_GE(rows.size(), 10u);
  for (const auto& r : rows) {
    const Vec3 p = ecef_from_geodetic({r.a, r.b, r.c});
    EXPECT_NEAR(p.x(), r.x, 1e-3) << r.a << "," << r.b;
    EXPECT_NEAR(p.y(), r.y, 1e-3);
    EXPECT_NEAR(p.z(), r.z, 1e-3);
  }
}

TEST(Geo, RoundTripGeodeticEcef) {
  for (const auto& r : read_forward_rows()) {
    const Geodetic g = geodetic_from_ecef(ecef_from_geodetic({r.a, r.b, r.c}));
    const Vec3 back = ecef_from_geodetic(g);
    EXPECT_NEAR((back - Vec3(r.x, r.y, r.z)).norm(), 0.0, 1e-3);
    EXPECT_NEAR(g.alt_m, r.c, 1e-3);
  }
}

TEST(Geo, ReverseMatchesReference) {
  // From the same file, ECEF -> geodetic block: (302000, 5636000, 2980000) m.
  const Geodetic g = geodetic_from_ecef({302000.0, 5636000.0, 2980000.0});
  EXPECT_NEAR(g.lat_deg, 27.992415475195, 1e-9);
  EXPECT_NEAR(g.lon_deg, 86.932790431928, 1e-9);
  EXPECT_NEAR(g.alt_m, 9027.026651, 1e-3);
}

TEST(Geo, LocalFrameEnuAxes) {
  const LocalFrame f({45.0, 10.0, 100.0});
  // A point 1000 m straight up is (0, 0, 1000) in ENU.
  const Vec3 up = f.to_ecef({0, 0, 1000});
  EXPECT_NEAR(geodetic_from_ecef(up).alt_m, 1100.0, 1e-6);
  // The geodesic 10 km due north lands (almost) on the north axis, 10 km away, slightly below the plane
  // by the earth's curvature d^2 / (2 R) = 7.9 m (R ~ 6.37e6 m).
  const Geodetic n = geodesic_direct({45.0, 10.0, 100.0}, 0.0, 10e3);
  const Vec3 enu = f.to_enu(ecef_from_geodetic(n));
  EXPECT_NEAR(enu.x(), 0.0, 1e-6);
  EXPECT_NEAR(enu.y(), 10e3, 1.0);
  EXPECT_NEAR(enu.z(), -7.85, 0.1);
  // Round trip ENU -> ECEF -> ENU.
  const Vec3 p(1234.5, -9876.5, 432.1);
  EXPECT_NEAR((f.to_enu(f.to_ecef(p)) - p).norm(), 0.0, 1e-6);
}

TEST(Geo, RangeAzElRoundTrip) {
  const Vec3 p(-3000.0, 4000.0, 1200.0);
  const RangeAzEl r = range_az_el_from_enu(p);
  EXPECT_NEAR(r.range_m, std::sqrt(9e6 + 16e6 + 1.44e6), 1e-9);
  EXPECT_NEAR(r.az_rad, 2 * kPi - std::atan2(3000.0, 4000.0), 1e-12);
  EXPECT_NEAR((enu_from_range_az_el(r) - p).norm(), 0.0, 1e-9);
}

TEST(Geo, GeodesicInverseKnownDistance) {
  // One degree of longitude on the equator is a * pi / 180 = 111319.49 m (WGS-84 a = 6378137 m).
  const GeodesicResult r = geodesic_inverse({0, 0, 0}, {0, 1, 0});
  EXPECT_NEAR(r.distance_m, 6378137.0 * kPi / 180.0, 1e-3);
  EXPECT_NEAR(r.azimuth_deg, 90.0, 1e-9);
}
