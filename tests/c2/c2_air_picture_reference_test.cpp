// The air picture's correlation against a brute-force reference: the same rules written plainly
// (every pair of tracks, a dense cost matrix for each battalion's fresh tracks, system merges by
// repeated passes that each merge the first mergeable pair), run side by side on random pictures of
// crossing objects, swarms, new and lost tracks: the system numbers must agree at every update.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "c2/air_picture.hpp"
#include "core/rng.hpp"
#include "tracking/assignment.hpp"

namespace skyshield {
namespace {

class ReferencePicture {
 public:
  explicit ReferencePicture(AirPictureParams p) : p_(p) {}

  void update(std::vector<NetworkTrack> tracks) {
    std::sort(tracks.begin(), tracks.end(), [](const NetworkTrack& a, const NetworkTrack& b) {
      return std::make_pair(a.battalion, a.track_id) < std::make_pair(b.battalion, b.track_id);
    });
    std::map<std::pair<int, int>, const NetworkTrack*> by_key;
    for (const NetworkTrack& t : tracks) by_key[{t.battalion, t.track_id}] = &t;
    std::map<std::pair<int, int>, int> next;
    std::map<int, std::vector<const NetworkTrack*>> systems;
    std::vector<const NetworkTrack*> fresh;
    for (const NetworkTrack& t : tracks) {
      const auto it = system_of_.find({t.battalion, t.track_id});
      if (it != system_of_.end()) systems[it->second].push_back(&t);
      else fresh.push_back(&t);
    }
    for (auto& [id, mem] : systems)
      for (const NetworkTrack* m : mem) {
        if (m == mem.front() || chi2(*m, *mem.front()) <= p_.gate_chi2) next[{m->battalion, m->track_id}] = id;
        else fresh.push_back(m);
      }
    std::sort(fresh.begin(), fresh.end(), [](const NetworkTrack* a, const NetworkTrack* b) {
      return std::make_pair(a->battalion, a->track_id) < std::make_pair(b->battalion, b->track_id);
    });
    for (std::size_t lo = 0; lo < fresh.size();) {
      std::size_t hi = lo;
      while (hi < fresh.size() && fresh[hi]->battalion == fresh[lo]->battalion) ++hi;
      std::map<int, const NetworkTrack*> anchor;
      std::map<int, bool> has_own;
      for (const auto& [key, id] : next) {
        if (!anchor.count(id)) anchor[id] = by_key.at(key);
        if (key.first == fresh[lo]->battalion) has_own[id] = true;
      }
      std::vector<int> ids;
      std::vector<const NetworkTrack*> anchors;
      for (const auto& [id, a] : anchor)
        if (!has_own[id]) {
          ids.push_back(id);
          anchors.push_back(a);
        }
      Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(hi - lo), static_cast<Eigen::Index>(ids.size()), kForbidden);
      for (std::size_t f = lo; f < hi; ++f)
        for (std::size_t k = 0; k < anchors.size(); ++k) {
          const double d = chi2(*fresh[f], *anchors[k]);
          if (d <= p_.gate_chi2) cost(static_cast<Eigen::Index>(f - lo), static_cast<Eigen::Index>(k)) = d;
        }
      const std::vector<int> match = solve_assignment(cost);
      for (std::size_t f = lo; f < hi; ++f)
        next[{fresh[f]->battalion, fresh[f]->track_id}] = match[f - lo] >= 0 ? ids[match[f - lo]] : next_system_++;
      lo = hi;
    }
    for (bool merged = true; merged;) {
      merged = false;
      std::map<int, const NetworkTrack*> anchor;
      std::map<int, std::vector<int>> battalions;
      for (const auto& [key, id] : next) {
        if (!anchor.count(id)) anchor[id] = by_key.at(key);
        battalions[id].push_back(key.first);
      }
      for (auto a = anchor.begin(); a != anchor.end() && !merged; ++a)
        for (auto b = std::next(a); b != anchor.end(); ++b) {
          bool shared = false;
          for (int x : battalions[a->first])
            for (int y : battalions[b->first]) shared = shared || x == y;
          if (shared || chi2(*a->second, *b->second) > p_.gate_chi2) continue;
          for (auto& [key, id] : next)
            if (id == b->first) id = a->first;
          merged = true;
          break;
        }
    }
    system_of_ = std::move(next);
  }
  int system_id(int battalion, int track) const {
    const auto it = system_of_.find({battalion, track});
    return it == system_of_.end() ? -1 : it->second;
  }

 private:
  double chi2(const NetworkTrack& a, const NetworkTrack& b) const {
    // The full-covariance test, by the explicit inverse (the code under test solves by LDLT).
    const Mat3 S = a.pos_cov + b.pos_cov + 2.0 * p_.min_sigma_m * p_.min_sigma_m * Mat3::Identity();
    const Vec3 d = a.pos_ecef - b.pos_ecef;
    return d.dot(S.inverse() * d);
  }
  AirPictureParams p_;
  std::map<std::pair<int, int>, int> system_of_;
  int next_system_ = 1;
};

TEST(AirPictureReference, AgreesWithTheBruteForceRulesOnRandomPictures) {
  const Vec3 origin(-4.0e6, 4.3e6, -2.4e6);
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    Rng rng(seed);
    const AirPictureParams params{};
    AirPicture pic(params);
    ReferencePicture ref(params);
    // Objects: a swarm in a few km and crossers over 100 km, flying at up to 300 m/s.
    struct Object {
      Vec3 p, v;
    };
    std::vector<Object> objects;
    for (int i = 0; i < 60; ++i) {
      const double spread = i < 30 ? 3e3 : 100e3;
      objects.push_back({origin + Vec3(rng.normal(), rng.normal(), 0.2 * rng.normal()) * spread,
                         Vec3(rng.normal(), rng.normal(), 0.0) * 150.0});
    }
    // Each battalion holds tracks of a changing subset; a track number is renewed now and then
    // (a lost and re-initiated track); sigmas from 100 m to 8 km.
    std::map<std::pair<int, int>, int> number;   // (battalion, object) -> track number
    int next_number = 1;
    for (int step = 0; step < 40; ++step) {
      std::vector<NetworkTrack> in;
      for (Object& o : objects) o.p += 5.0 * o.v;
      for (int bn = 0; bn < 3; ++bn)
        for (int obj = 0; obj < static_cast<int>(objects.size()); ++obj) {
          if (rng.uniform() < 0.25) continue;                       // not held this time
          auto& n = number[{bn, obj}];
          if (n == 0 || rng.uniform() < 0.05) n = next_number++;     // (re)initiated
          const double sigma = std::exp(rng.uniform(std::log(100.0), std::log(8000.0)));
          Vec3 p = objects[obj].p;
          for (int a = 0; a < 3; ++a) p(a) += sigma * rng.normal();
          in.push_back({bn, n, p, sigma * sigma * Mat3::Identity()});
        }
      pic.update(in);
      ref.update(in);
      for (const NetworkTrack& t : in)
        ASSERT_EQ(pic.system_id(t.battalion, t.track_id), ref.system_id(t.battalion, t.track_id))
            << "seed " << seed << " update " << step << " battalion " << t.battalion << " track " << t.track_id;
    }
  }
}

}  // namespace
}  // namespace skyshield
