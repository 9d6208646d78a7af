// The ground under terrain-following flight comes from the same elevation data as everything else, at
// the data's own resolution.
#include <gtest/gtest.h>

#include <cmath>

#include "core/units.hpp"
#include "world/terrain.hpp"

namespace skyshield {
namespace {

TEST(TerrainGround, LookAheadSeesAOneCellPeakOfFineData) {
  // A 30 m-class grid (0.0003 degree cells, 33 m on the equator) flat at 0 m with one cell at 500 m whose
  // centre lies 1050 m east of the missile along the equator (in the look-ahead's own spherical step,
  // R = 6371008.8 m). Sampling every 100 m (the old fixed step) lands 50 m either side of the peak, outside
  // its one-cell bilinear footprint, and sees nothing; sampling every half cell puts a sample within a
  // quarter cell of the centre, where the bilinear height along the row is at least 0.75 x 500 m.
  const double cell = 0.0003, peak_lon = 10.0 + 1050.0 / 6371008.8 * kRadToDeg;
  auto g = std::make_shared<ElevationGrid>();
  g->rows = 11, g->cols = 400;
  g->dx = g->dy = cell;
  g->cell_m = cell * 111320.0;
  g->x0 = peak_lon - 200 * cell;
  g->y0 = -5 * cell;   // row 5 on the equator
  g->height_m.assign(static_cast<std::size_t>(g->rows) * g->cols, 0.0);
  g->height_m[5 * g->cols + 200] = 500.0;
  g->max_height_m = 500.0;
  g->min_height_m = 0.0;
  TerrainParams p;
  p.kind = TerrainParams::Kind::Grid;
  p.grids = {g};
  const Terrain t(p);
  EXPECT_NEAR(t.height(0.0, peak_lon), 500.0, 1e-9);
  EXPECT_GE(t.max_height_ahead(Geodetic{0.0, 10.0, 100.0}, 90.0, 2000.0), 0.75 * 500.0);
}

}  // namespace
}  // namespace skyshield
