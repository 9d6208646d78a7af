#include "c2/air_picture.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "c2/covariance_intersection.hpp"
#include "tracking/assignment.hpp"

namespace skyshield {

namespace {
// Squared Mahalanobis distance of the difference of two tracks' positions with its full covariance
// (Bar-Shalom, Willett & Tian 2011 sec. 9.2, the track-to-track association test, with the
// cross-covariance taken as zero) plus the floor sigma per axis of each track (registration, timing).
double chi2(const NetworkTrack& a, const NetworkTrack& b, const AirPictureParams& p) {
  const Mat3 S = a.pos_cov + b.pos_cov + 2.0 * p.min_sigma_m * p.min_sigma_m * Mat3::Identity();
  const Vec3 d = a.pos_ecef - b.pos_ecef;
  return d.dot(S.ldlt().solve(d));
}
// A bound used to search: d' S^-1 d >= |d|^2 / trace(S) (the largest eigenvalue of S is at most its
// trace), so two tracks pass the gate only if |d|^2 <= gate x (trace_a + trace_b + 6 sigma_min^2).
double reach_variance(double trace_a, double trace_b, const AirPictureParams& p) {
  return trace_a + trace_b + 6.0 * p.min_sigma_m * p.min_sigma_m;
}

// Tracks sorted along ECEF x, in two groups by covariance (the few large ones apart, so that they do
// not widen everyone's search): two tracks pass the gate only if their distance, and so their
// difference in x, is at most sqrt(gate x reach_variance(trace_a, trace_b)); with the
// other's trace bounded by its group's largest, each group is searched within that reach of the
// query. The pairs skipped could not pass the gate, so the result is that of comparing all pairs.
class XWindow {
 public:
  XWindow(const std::vector<const NetworkTrack*>& items, const AirPictureParams& p) : p_(p) {
    std::vector<double> traces;
    for (const NetworkTrack* t : items) traces.push_back(t->pos_cov.trace());
    double split = 1.0;
    if (!traces.empty()) {
      std::vector<double> sorted = traces;
      std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
      split = std::max(1.0, 4.0 * sorted[sorted.size() / 2]);   // four times the median
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      Group& g = groups_[traces[i] > split ? 1 : 0];
      g.by_x.emplace_back(items[i]->pos_ecef.x(), static_cast<int>(i));
      g.largest_trace = std::max(g.largest_trace, traces[i]);
    }
    for (Group& g : groups_) {
      std::sort(g.by_x.begin(), g.by_x.end());
      g.pos.reserve(g.by_x.size());
      g.trace.reserve(g.by_x.size());
      for (const auto& [x, i] : g.by_x) {
        g.pos.push_back(items[static_cast<std::size_t>(i)]->pos_ecef);
        g.trace.push_back(traces[static_cast<std::size_t>(i)]);
      }
    }
  }
  // Indices (into the items given) of those that may pass the gate with `t`, in index order.
  std::vector<int> near(const NetworkTrack& t) const {
    std::vector<int> out;
    const double x = t.pos_ecef.x(), trace = t.pos_cov.trace();
    for (const Group& g : groups_) {
      if (g.by_x.empty()) continue;
      const double var = reach_variance(trace, g.largest_trace, p_);
      const double r = std::sqrt(p_.gate_chi2 * var) * (1.0 + 1e-9) + 1e-6;
      // Then the same bound on the whole distance (|d| >= |d_x|) with the item's own trace (at most
      // the group's largest): only what the window would pass and the gate may pass, fewer to sort
      // and to test.
      const auto lo = std::lower_bound(g.by_x.begin(), g.by_x.end(), std::make_pair(x - r, -1));
      for (auto it = lo; it != g.by_x.end() && it->first <= x + r; ++it) {
        const auto k = static_cast<std::size_t>(it - g.by_x.begin());
        const double rk = std::sqrt(p_.gate_chi2 * reach_variance(trace, g.trace[k], p_)) * (1.0 + 1e-9) + 1e-6;
        if ((g.pos[k] - t.pos_ecef).squaredNorm() <= rk * rk) out.push_back(it->second);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

 private:
  struct Group {
    std::vector<std::pair<double, int>> by_x;
    std::vector<Vec3> pos;       // positions in by_x order
    std::vector<double> trace;   // ... and their covariance traces
    double largest_trace = 0.0;
  };
  AirPictureParams p_;
  std::array<Group, 2> groups_;
};

// solve_assignment(cost) for the matrix with these allowed entries (forbidden elsewhere), without
// building the matrix where the solver would go sparse anyway: the same solver, the same result.
std::vector<int> assign(int cols, const std::vector<SparseRow>& rows) {
  long long allowed = 0;
  for (const SparseRow& r : rows) allowed += static_cast<long long>(r.size());
  const long long entries = static_cast<long long>(rows.size()) * cols;
  if (matrix_goes_sparse(entries, allowed)) return solve_assignment_sparse(cols, rows);
  Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(rows.size()), cols, kForbidden);
  for (std::size_t i = 0; i < rows.size(); ++i)
    for (const auto& [j, c] : rows[i]) cost(static_cast<Eigen::Index>(i), j) = c;
  return solve_assignment_dense(cost);
}

}  // namespace

void AirPicture::merge_systems(std::map<std::pair<int, int>, int>& next,
                               const std::map<std::pair<int, int>, const NetworkTrack*>& by_key) const {
  // System numbers in order, each with its anchor (first member) and its members' battalions.
  std::map<int, std::pair<const NetworkTrack*, std::vector<int>>> systems;
  for (const auto& [key, id] : next) {
    auto& [anchor, battalions] = systems[id];
    if (!anchor) anchor = by_key.at(key);
    battalions.push_back(key.first);
  }
  std::vector<int> ids;
  std::vector<const NetworkTrack*> anchors;
  std::vector<std::vector<int>> battalions;
  for (auto& [id, sys] : systems) {
    ids.push_back(id);
    anchors.push_back(sys.first);
    battalions.push_back(std::move(sys.second));
  }
  const XWindow window(anchors, params_);   // merges only replace an anchor by another one of the set
  std::vector<char> alive(ids.size(), 1);
  for (std::size_t a = 0; a < ids.size(); ++a) {
    if (!alive[a]) continue;
    for (bool merged = true; merged;) {
      merged = false;
      for (int bi : window.near(*anchors[a])) {  // in number order
        const auto b = static_cast<std::size_t>(bi);
        if (b <= a || !alive[b]) continue;
        bool shared = false;
        for (int x : battalions[a])
          for (int y : battalions[b]) shared = shared || x == y;
        if (shared || chi2(*anchors[a], *anchors[b], params_) > params_.gate_chi2) continue;
        const NetworkTrack* first = nullptr;   // the merged system's anchor: its first member
        for (auto& [key, id] : next) {
          if (id == ids[b]) id = ids[a];
          if (id == ids[a] && !first) first = by_key.at(key);
        }
        anchors[a] = first;
        battalions[a].insert(battalions[a].end(), battalions[b].begin(), battalions[b].end());
        alive[b] = 0;
        merged = true;
        break;
      }
    }
  }
}

void AirPicture::update(const std::vector<NetworkTrack>& unordered) {
  // In (battalion, track number) order, whatever order the trackers keep their tracks in.
  std::vector<NetworkTrack> tracks = unordered;
  std::sort(tracks.begin(), tracks.end(), [](const NetworkTrack& a, const NetworkTrack& b) {
    return std::make_pair(a.battalion, a.track_id) < std::make_pair(b.battalion, b.track_id);
  });
  std::map<std::pair<int, int>, int> next;
  // System tracks as they stand: the members that keep their number (still inside the gate of the
  // system's other members).
  std::map<int, std::vector<const NetworkTrack*>> systems;
  std::vector<const NetworkTrack*> fresh;
  for (const NetworkTrack& t : tracks) {
    const auto it = system_of_.find({t.battalion, t.track_id});
    if (it != system_of_.end()) systems[it->second].push_back(&t);
    else fresh.push_back(&t);
  }
  for (auto& [id, mem] : systems) {
    // A member drifting out of the gate of the system's first member leaves the system.
    const NetworkTrack* anchor = mem.front();
    for (const NetworkTrack* m : mem) {
      if (m == anchor || chi2(*m, *anchor, params_) <= params_.gate_chi2) next[{m->battalion, m->track_id}] = id;
      else fresh.push_back(m);
    }
  }
  // Fresh tracks, battalion by battalion, join a system track that has no member of their own
  // battalion, by exact assignment on the chi-square distance to the system's anchor (its first
  // member); the others open new system tracks (which later battalions' tracks may join).
  std::sort(fresh.begin(), fresh.end(), [](const NetworkTrack* a, const NetworkTrack* b) {
    return std::make_pair(a->battalion, a->track_id) < std::make_pair(b->battalion, b->track_id);
  });
  std::map<std::pair<int, int>, const NetworkTrack*> by_key;
  for (const NetworkTrack& t : tracks) by_key[{t.battalion, t.track_id}] = &t;
  for (std::size_t lo = 0; lo < fresh.size();) {
    std::size_t hi = lo;
    while (hi < fresh.size() && fresh[hi]->battalion == fresh[lo]->battalion) ++hi;
    const int battalion = fresh[lo]->battalion;
    std::map<int, const NetworkTrack*> anchor;
    std::map<int, bool> has_own;
    for (const auto& [key, id] : next) {
      if (!anchor.count(id)) anchor[id] = by_key.at(key);
      if (key.first == battalion) has_own[id] = true;
    }
    std::vector<int> ids;
    std::vector<const NetworkTrack*> anchors;
    for (const auto& [id, a] : anchor)
      if (!has_own[id]) {
        ids.push_back(id);
        anchors.push_back(a);
      }
    const XWindow window(anchors, params_);
    std::vector<SparseRow> rows(hi - lo);
    for (std::size_t f = lo; f < hi; ++f)
      for (int k : window.near(*fresh[f])) {
        const double d = chi2(*fresh[f], *anchors[static_cast<std::size_t>(k)], params_);
        if (d <= params_.gate_chi2) rows[f - lo].emplace_back(k, d);
      }
    const std::vector<int> match = assign(static_cast<int>(ids.size()), rows);
    for (std::size_t f = lo; f < hi; ++f)
      next[{fresh[f]->battalion, fresh[f]->track_id}] = match[f - lo] >= 0 ? ids[match[f - lo]] : next_system_++;
    lo = hi;
  }
  // Merge system tracks of different battalions that have come together (they were opened apart,
  // e.g. while one of the tracks was young and uncertain): lower number kept. The merges are those of
  // repeated passes that each merge the first mergeable pair (a, b) in number order, done in one
  // sweep: a merge into a leaves every pair before a unmergeable (the merged system's anchor is one
  // of the two old anchors and its battalions include both), so the next first pair is at a or
  // later. Only the anchors within the gate's reach in x are looked at.
  merge_systems(next, by_key);
  system_of_ = std::move(next);
  // Fused estimates, by system number (members in (battalion, track) order).
  std::map<int, SystemTrack> fused;
  for (const auto& [key, id] : system_of_) {
    fused[id].id = id;
    fused[id].members.push_back(key);
  }
  systems_.clear();
  for (auto& [id, sys] : fused) {
    std::vector<CiEstimate> in;
    for (const auto& key : sys.members) in.push_back({by_key.at(key)->pos_ecef, by_key.at(key)->pos_cov});
    const CiResult ci = covariance_intersection(in);
    sys.pos_ecef = ci.fused.x;
    sys.pos_cov = ci.fused.P;
    systems_.push_back(std::move(sys));
  }
}

int AirPicture::system_id(int battalion, int track_id) const {
  const auto it = system_of_.find({battalion, track_id});
  return it == system_of_.end() ? -1 : it->second;
}

std::vector<std::pair<int, int>> AirPicture::members(int system_id) const {
  std::vector<std::pair<int, int>> out;
  for (const auto& [key, id] : system_of_)
    if (id == system_id) out.push_back(key);
  return out;
}

}  // namespace skyshield
