#pragma once
// The network's shared air picture: correlates the confirmed tracks of all battalions into system
// tracks (one per physical object, as far as the correlation can tell), so that battalions can see
// which threats another battalion already engages. Track-to-track correlation on the chi-square
// distance between track positions with their full covariances: every pair of a system track's
// members must pass the gate (a member that no longer does leaves, most conflicts first), a fresh
// track joins by exact assignment on its distance to the systems' fused estimates, and a battalion
// reports only tracks whose sigma is within report_max_sigma_m. Each system track's estimate fuses
// its members by covariance intersection (c2/covariance_intersection.hpp): the battalions' errors
// are correlated in unknown ways (common targets, common process noise). docs/air-picture.md.
#include <map>
#include <utility>
#include <vector>

#include "core/vec.hpp"

namespace skyshield {

struct NetworkTrack {
  int battalion = -1;
  int track_id = -1;
  Vec3 pos_ecef = Vec3::Zero();
  Mat3 pos_cov = Mat3::Identity();   // position covariance, ECEF, m^2
  bool engaged = false;              // rounds in flight or ordered at it: reported whatever its sigma
};

struct SystemTrack {
  int id = -1;
  std::vector<std::pair<int, int>> members;   // (battalion, track), in that order
  Vec3 pos_ecef = Vec3::Zero();               // fused estimate
  Mat3 pos_cov = Mat3::Identity();
};

struct AirPictureParams {
  double gate_chi2 = 16.27;   // 3-dof chi-square gate (99.9 %) on the difference of two tracks
  double min_sigma_m = 30.0;  // floor of each track's sigma per axis in the gate (registration, timing)
  // A battalion reports a track to the network only while its position sigma (rms per axis) is at
  // most this (the track-quality threshold of a reporting rule, as Link 16's TQ): a track coasting
  // with a growing covariance, or one not yet settled, stays in its battalion's picture only. A track
  // the battalion engages is always reported (other battalions guide its rounds and hold fire on it).
  double report_max_sigma_m = 1000.0;
};

class AirPicture {
 public:
  explicit AirPicture(AirPictureParams params = {}) : params_(params) {}

  // Re-correlates with the battalions' current tracks (all at the same time).
  void update(const std::vector<NetworkTrack>& tracks);
  // System track of a battalion's track, -1 when unknown.
  int system_id(int battalion, int track_id) const;
  // Battalion tracks on the same system track.
  std::vector<std::pair<int, int>> members(int system_id) const;
  // The system tracks of the last update, by number, with their fused estimates.
  const std::vector<SystemTrack>& system_tracks() const { return systems_; }
  // The merges of the last update: (number merged away, number it went into).
  const std::vector<std::pair<int, int>>& merges() const { return merges_; }

 private:
  AirPictureParams params_;
  std::map<std::pair<int, int>, int> system_of_;   // (battalion, track) -> system track
  std::vector<SystemTrack> systems_;
  std::vector<std::pair<int, int>> merges_;
  int next_system_ = 1;
};

}  // namespace skyshield
