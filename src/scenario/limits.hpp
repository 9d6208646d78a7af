#pragma once
// The limits a scenario must keep, in one place: each keeps loading and running in bounded time and
// memory, however hostile the file. Every refusal names the limit and its value (README "Limits").
#include <cstddef>

namespace skyshield::limits {

// A scenario or library file: 1 MiB, ~70 times the largest shipped scenario. yaml-cpp holds ~240
// bytes of nodes per byte of a dense list (measured: a 1 MiB list "[0,0,...]" peaks at 248 MB RSS,
// a 12 MB one at 1.9 GB), so a file at the limit parses in ~250 MB.
constexpr std::size_t kMaxYamlFileBytes = 1 << 20;
// Lists and maps inside one another (a scenario needs ~8 levels; yaml-cpp itself gives up near 500
// with an unhelpful "bad file").
constexpr int kMaxNesting = 32;
// Nodes visited with anchors and aliases expanded (a "billion laughs" file is small but huge expanded).
constexpr std::size_t kMaxYamlNodes = 1000000;
// A name (threat, asset, battalion, radar, launcher, library entry, scenario): it is repeated in
// every output row.
constexpr std::size_t kMaxNameBytes = 64;
// Any other text value (description, file name).
constexpr std::size_t kMaxTextBytes = 4096;
// Points of one route, and route points of the whole raid (every copy of a `count:` line holds its
// own route: 24 bytes a point).
constexpr std::size_t kMaxRoutePoints = 1000;
constexpr std::size_t kMaxRaidRoutePoints = 1000000;
// Threats of a scenario with what they release (stages, decoys, stand-off weapons).
constexpr std::size_t kMaxThreats = 50000;
// Engine steps of a run: duration_s / step_s (a day at the default 0.05 s step is 1,728,000).
constexpr double kMaxSteps = 2e6;
// Distinct ballistic launch solutions (type, trajectory shape, launch point, aim point): each is a
// shooting solve of ~0.07 s (3-DOF flights through the atmosphere). Lines that repeat one share it.
constexpr std::size_t kMaxBallisticSolves = 50;
// Cells of an elevation grid (ncols x nrows): 4096 x 4096, 128 MB of heights.
constexpr double kMaxGridCells = 4096.0 * 4096.0;
// Cells of `kind: dem` elevation data, all tiles together: 2^25 (two 1-degree SRTM 1" tiles of 3601 x
// 3601), 256 MiB of heights held in memory for the whole run (one copy shared by every thread).
constexpr double kMaxDemCells = 33554432.0;
// Files of one `kind: dem` terrain (a list or a folder).
constexpr std::size_t kMaxDemFiles = 1000;
// A line of an elevation grid (a row of 4096 heights of 20 characters is 82 KB).
constexpr std::size_t kMaxGridLineBytes = 1 << 20;

}  // namespace skyshield::limits
