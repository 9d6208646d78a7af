// The air picture's correlation against a brute-force reference: the same rules written plainly
// (every pair of tracks, a dense cost matrix for each battalion's fresh tracks, every later system
// tried for a merge), run side by side on random pictures of
// crossing objects, swarms, new and lost tracks: the system numbers must agree at every update.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "c2/air_picture.hpp"
#include "c2/covariance_intersection.hpp"
#include "core/rng.hpp"
#include "tracking/assignment.hpp"

namespace skyshield {
namespace {

class ReferencePicture {
 public:
  explicit ReferencePicture(AirPictureParams p) : p_(p) {}

  void update(std::vector<NetworkTrack> all) {
    std::vector<NetworkTrack> tracks;   // those reported: sigma per axis within the limit
    for (const NetworkTrack& t : all)
      if (t.engaged || std::sqrt(t.pos_cov.trace() / 3.0) <= p_.report_max_sigma_m) tracks.push_back(t);
    std::sort(tracks.begin(), tracks.end(), [](const NetworkTrack& a, const NetworkTrack& b) {
      return std::make_pair(a.battalion, a.track_id) < std::make_pair(b.battalion, b.track_id);
    });
    // Systems: number -> members in (battalion, track) order.
    std::map<int, std::vector<const NetworkTrack*>> systems;
    std::vector<const NetworkTrack*> fresh;
    for (const NetworkTrack& t : tracks) {
      const auto it = system_of_.find({t.battalion, t.track_id});
      if (it != system_of_.end()) systems[it->second].push_back(&t);
      else fresh.push_back(&t);
    }
    // Pruning: while some pair fails the gate, the member with most failing pairs leaves (the
    // later one on a tie).
    for (auto& [id, mem] : systems)
      while (mem.size() >= 2) {
        std::vector<int> conflicts(mem.size(), 0);
        for (std::size_t i = 0; i < mem.size(); ++i)
          for (std::size_t j = 0; j < mem.size(); ++j)
            if (i != j && chi2(*mem[i], *mem[j]) > p_.gate_chi2) ++conflicts[i];
        const auto worst = static_cast<std::size_t>(std::distance(conflicts.begin(), std::max_element(conflicts.rbegin(), conflicts.rend()).base()) - 1);
        if (conflicts[worst] == 0) break;
        fresh.push_back(mem[worst]);
        mem.erase(mem.begin() + static_cast<std::ptrdiff_t>(worst));
      }
    std::sort(fresh.begin(), fresh.end(), [](const NetworkTrack* a, const NetworkTrack* b) {
      return std::make_pair(a->battalion, a->track_id) < std::make_pair(b->battalion, b->track_id);
    });
    for (std::size_t lo = 0; lo < fresh.size();) {
      std::size_t hi = lo;
      while (hi < fresh.size() && fresh[hi]->battalion == fresh[lo]->battalion) ++hi;
      std::vector<int> ids;
      for (const auto& [id, mem] : systems)
        if (std::none_of(mem.begin(), mem.end(), [&](const NetworkTrack* m) { return m->battalion == fresh[lo]->battalion; }))
          ids.push_back(id);
      Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(hi - lo), static_cast<Eigen::Index>(ids.size()), kForbidden);
      for (std::size_t f = lo; f < hi; ++f)
        for (std::size_t k = 0; k < ids.size(); ++k) {
          const auto& mem = systems[ids[k]];
          const double d = chi2(*fresh[f], fused(mem));
          bool all = true;
          for (const NetworkTrack* m : mem) all = all && chi2(*fresh[f], *m) <= p_.gate_chi2;
          if (all && d <= p_.gate_chi2) cost(static_cast<Eigen::Index>(f - lo), static_cast<Eigen::Index>(k)) = d;
        }
      const std::vector<int> match = solve_assignment(cost);
      for (std::size_t f = lo; f < hi; ++f) {
        auto& mem = systems[match[f - lo] >= 0 ? ids[static_cast<std::size_t>(match[f - lo])] : next_system_++];
        mem.push_back(fresh[f]);
        std::sort(mem.begin(), mem.end(), [](const NetworkTrack* a, const NetworkTrack* b) {
          return std::make_pair(a->battalion, a->track_id) < std::make_pair(b->battalion, b->track_id);
        });
      }
      lo = hi;
    }
    // Merges: in number order, each system takes the first later one it may merge with (no shared
    // battalion, fused estimates and every pair of members inside the gate), again until none.
    for (auto a = systems.begin(); a != systems.end(); ++a)
      for (bool merged = true; merged;) {
        merged = false;
        for (auto b = std::next(a); b != systems.end(); ++b) {
          bool ok = chi2(fused(a->second), fused(b->second)) <= p_.gate_chi2;
          for (const NetworkTrack* x : a->second)
            for (const NetworkTrack* y : b->second) ok = ok && x->battalion != y->battalion && chi2(*x, *y) <= p_.gate_chi2;
          if (!ok) continue;
          a->second.insert(a->second.end(), b->second.begin(), b->second.end());
          std::sort(a->second.begin(), a->second.end(), [](const NetworkTrack* x, const NetworkTrack* y) {
            return std::make_pair(x->battalion, x->track_id) < std::make_pair(y->battalion, y->track_id);
          });
          systems.erase(b);
          merged = true;
          break;
        }
      }
    system_of_.clear();
    for (const auto& [id, mem] : systems)
      for (const NetworkTrack* m : mem) system_of_[{m->battalion, m->track_id}] = id;
  }
  int system_id(int battalion, int track) const {
    const auto it = system_of_.find({battalion, track});
    return it == system_of_.end() ? -1 : it->second;
  }

 private:
  // The fused estimate: covariance intersection (tested on its own in c2_covariance_intersection_test).
  static NetworkTrack fused(const std::vector<const NetworkTrack*>& mem) {
    std::vector<CiEstimate> in;
    for (const NetworkTrack* m : mem) in.push_back({m->pos_ecef, m->pos_cov});
    const CiResult ci = covariance_intersection(in);
    return {-1, -1, ci.fused.x, ci.fused.P};
  }
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
          in.push_back({bn, n, p, sigma * sigma * Mat3::Identity(), rng.uniform() < 0.1});   // a few engaged
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
