#pragma once
// WGS-84 geodesy through GeographicLib: geodetic <-> ECEF, local East-North-Up frames,
// and geodesics on the ellipsoid (distance / azimuth between two points, point at a distance).
#include "core/vec.hpp"

namespace skyshield {

struct Geodetic {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
  double alt_m = 0.0;  // height above the WGS-84 ellipsoid
};

Vec3 ecef_from_geodetic(const Geodetic& g);
Geodetic geodetic_from_ecef(const Vec3& ecef);

// Unit vector of local "up" (ellipsoid normal) at a geodetic point, in ECEF.
Vec3 up_vector(const Geodetic& g);

// A local tangent-plane East-North-Up frame anchored at an origin on the ellipsoid.
class LocalFrame {
 public:
  LocalFrame() = default;
  explicit LocalFrame(const Geodetic& origin);

  const Geodetic& origin() const { return origin_; }
  const Vec3& origin_ecef() const { return origin_ecef_; }
  // Rotation from ENU to ECEF (columns are east, north, up in ECEF).
  const Mat3& enu_to_ecef() const { return rot_; }

  Vec3 to_enu(const Vec3& ecef) const { return rot_.transpose() * (ecef - origin_ecef_); }
  Vec3 to_ecef(const Vec3& enu) const { return origin_ecef_ + rot_ * enu; }
  Vec3 vector_to_enu(const Vec3& v_ecef) const { return rot_.transpose() * v_ecef; }
  Vec3 vector_to_ecef(const Vec3& v_enu) const { return rot_ * v_enu; }

 private:
  Geodetic origin_{};
  Vec3 origin_ecef_ = Vec3::Zero();
  Mat3 rot_ = Mat3::Identity();
};

struct GeodesicResult {
  double distance_m = 0.0;  // along the ellipsoid surface
  double azimuth_deg = 0.0; // initial azimuth at the first point, clockwise from north
};

// Inverse geodesic problem between the surface projections of a and b.
GeodesicResult geodesic_inverse(const Geodetic& a, const Geodetic& b);
// Direct geodesic problem: the surface point at distance_m along azimuth_deg from `from`
// (altitude copied from `from`).
Geodetic geodesic_direct(const Geodetic& from, double azimuth_deg, double distance_m);

// Spherical range/azimuth/elevation of a point seen from a local frame's origin.
struct RangeAzEl {
  double range_m = 0.0;
  double az_rad = 0.0;  // clockwise from north, in [0, 2*pi)
  double el_rad = 0.0;  // above the local tangent plane
};
RangeAzEl range_az_el_from_enu(const Vec3& enu);
Vec3 enu_from_range_az_el(const RangeAzEl& rae);

}  // namespace skyshield
