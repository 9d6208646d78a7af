#pragma once
// Terrain-masked detection coverage of radars on a latitude/longitude grid (issue 35: battery siting).
// A radar sees a target at height h above the local ground when all of these hold:
//  - the slant range is within its detection range at the stated Pd against the stated RCS (the radar
//    range equation with its own parameters, Swerling case and non-coherent looks; capped at the
//    instrumented range);
//  - the target is above the 4/3-earth smooth-earth horizon, heights counted from the terrain's floor
//    (sensors/horizon.hpp; over a plain: heights above the plain, d <= 4.12 (sqrt(ha) + sqrt(ht)) km);
//  - no ground between the antenna and the target rises above the line of sight (sensors/terrain_mask:
//    one radial sweep per azimuth with a running maximum of the ground's elevation angle, tabulated once);
//  - for a sector radar, the azimuth is inside its search sector.
// Elevation limits (cone of silence) and multipath lobing are not modelled. Cells are tested against
// the tabulated sweep, never by a line-of-sight ray per cell.
#include <memory>
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "sensors/radar_params.hpp"
#include "sensors/terrain_mask.hpp"
#include "world/terrain.hpp"
#include "world/truth_view.hpp"

namespace skyshield {

// A regular latitude/longitude grid of cell centres, row 0 the northernmost (raster order).
struct AreaGrid {
  double north_lat_deg = 0.0;   // northern edge
  double west_lon_deg = 0.0;    // western edge
  double dlat_deg = 0.0, dlon_deg = 0.0;
  int rows = 0, cols = 0;
  double lat(int r) const { return north_lat_deg - (r + 0.5) * dlat_deg; }
  double lon(int c) const { return west_lon_deg + (c + 0.5) * dlon_deg; }
  bool contains(double lat_deg, double lon_deg) const {
    return lat_deg <= north_lat_deg && lat_deg >= north_lat_deg - rows * dlat_deg && lon_deg >= west_lon_deg &&
           lon_deg <= west_lon_deg + cols * dlon_deg;
  }
  double cell_m() const;   // the larger cell side, metres (at the grid's middle latitude)
};

// A grid of about `cells` cells along its longer side over [south, north] x [west, east], square in metres.
AreaGrid make_area_grid(double south_lat_deg, double north_lat_deg, double west_lon_deg, double east_lon_deg, int cells);

// Ground distance and azimuth from a centre to points of an area: exact geodesics on a coarse lattice
// (every ~1.5 km), bilinear in the azimuthal-equidistant offsets (east = d sin az, north = d cos az)
// between them; points outside the lattice are solved exactly.
class OffsetField {
 public:
  OffsetField(const Geodetic& centre, const AreaGrid& area, double spacing_m = 1500.0);
  GeodesicResult at(double lat_deg, double lon_deg) const;

 private:
  Geodetic centre_;
  double south_ = 0, west_ = 0, step_lat_ = 0, step_lon_ = 0;
  int n_lat_ = 0, n_lon_ = 0;
  std::vector<double> east_, north_;
};

// What the coverage is computed against.
struct TargetSpec {
  double rcs_m2 = 0.1;
  Swerling swerling = Swerling::Case1;
  double pd = 0.9;             // per detection decision
};

// Detection range (slant) of a radar against the target at the target's Pd, capped at its instrumented range.
double detection_range_m(const RadarParams& p, const TargetSpec& t);

// One radar at one site: what it sees.
class RadarViewshed {
 public:
  // site: the radar's ground position (alt = ground height); the antenna stands antenna_height_m above it.
  // az_step_deg: azimuth bins of the terrain sweep (0: about one map cell wide at the detection range,
  // 0.05 to 0.25 deg).
  RadarViewshed(const Terrain& terrain, const RadarParams& p, const Geodetic& site, const TargetSpec& target,
                const AreaGrid& area, double az_step_deg = 0.0);
  // True when a target at (lat, lon) and alt_m above the ellipsoid is detected.
  bool sees(double lat_deg, double lon_deg, double alt_m) const;
  // The same, from the ground distance and azimuth already known.
  bool sees_at(double ground_m, double az_deg, double alt_m) const;
  double range_m() const { return range_m_; }
  const Geodetic& antenna() const { return antenna_; }
  const OffsetField& offsets() const { return offsets_; }

 private:
  const RadarParams* p_;
  Geodetic antenna_;
  double floor_m_ = 0.0, range_m_ = 0.0;
  TerrainMask mask_;
  OffsetField offsets_;
};

// Ground heights of the area's cell centres, raster order.
std::vector<float> area_ground(const Terrain& terrain, const AreaGrid& area);

// Coverage of one radar: for each height (above the local ground), 1 where detected, raster order.
std::vector<std::vector<unsigned char>> coverage_layers(const RadarViewshed& radar, const AreaGrid& area,
                                                        const std::vector<float>& ground, const std::vector<double>& heights_m);

}  // namespace skyshield
