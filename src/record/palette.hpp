#pragma once
// The colours every picture shares with the replay viewer (replay.czml, engagement.svg): threats by
// class, interceptors by layer. One table, so that a trainer sees the same colour for the same
// thing in the viewer and in the report's pictures.
#include <array>
#include <string>

#include <fmt/format.h>

namespace skyshield {

using Rgba = std::array<int, 4>;

inline Rgba threat_colour(const std::string& cls, bool decoy) {
  if (decoy) return {170, 170, 170, 255};
  if (cls == "aircraft") return {255, 140, 0, 255};
  if (cls == "drone") return {255, 215, 0, 255};
  if (cls == "cruise_missile") return {255, 69, 0, 255};
  return {230, 20, 60, 255};  // ballistic missile
}

inline Rgba layer_colour(const std::string& layer) {
  if (layer == "SR") return {0, 255, 127, 255};
  if (layer == "MR") return {0, 191, 255, 255};
  if (layer == "LR") return {80, 120, 255, 255};
  if (layer == "VLR") return {200, 100, 255, 255};
  return {0, 255, 255, 255};
}

inline std::string hex(const Rgba& c) { return fmt::format("#{:02x}{:02x}{:02x}", c[0], c[1], c[2]); }

}  // namespace skyshield
