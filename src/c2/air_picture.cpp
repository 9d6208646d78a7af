#include "c2/air_picture.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "c2/covariance_intersection.hpp"
#include "tracking/assignment.hpp"
#include "tracking/gating.hpp"

namespace skyshield {

namespace {
// Squared Mahalanobis distance of the difference of two tracks' positions with its full covariance
// (Bar-Shalom, Willett & Tian 2011 sec. 9.2, the track-to-track association test, with the
// cross-covariance taken as zero) plus the floor sigma per axis of each track (registration, timing).
double chi2(const NetworkTrack& a, const NetworkTrack& b, const AirPictureParams& p) {
  return position_distance2(a.pos_ecef, a.pos_cov, b.pos_ecef, b.pos_cov, p.min_sigma_m);
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

// A system track being built: its members in (battalion, track) order and their fusion.
struct Group {
  int id = -1;
  std::vector<const NetworkTrack*> members;
  NetworkTrack fused;   // position and covariance of the members' covariance intersection
};

bool has_battalion(const Group& g, int battalion) {
  return std::any_of(g.members.begin(), g.members.end(), [&](const NetworkTrack* m) { return m->battalion == battalion; });
}
// A track may be one object with all of a group's members only if it passes the gate with each.
bool consistent(const NetworkTrack& t, const Group& g, const AirPictureParams& p) {
  return std::all_of(g.members.begin(), g.members.end(), [&](const NetworkTrack* m) { return chi2(t, *m, p) <= p.gate_chi2; });
}
void fuse(Group& g) {
  if (g.members.size() == 1) {
    g.fused.pos_ecef = g.members.front()->pos_ecef;
    g.fused.pos_cov = g.members.front()->pos_cov;
    return;
  }
  std::vector<CiEstimate> in;
  for (const NetworkTrack* m : g.members) in.push_back({m->pos_ecef, m->pos_cov});
  const CiResult ci = covariance_intersection(in);
  g.fused.pos_ecef = ci.fused.x;
  g.fused.pos_cov = ci.fused.P;
}
bool key_less(const NetworkTrack* a, const NetworkTrack* b) {
  return std::make_pair(a->battalion, a->track_id) < std::make_pair(b->battalion, b->track_id);
}
// Members that do not pass the gate with every other member leave, most conflicts first (on a tie
// the later member, so a pair keeps its first): what stays is a set that passes pairwise.
void prune(Group& g, const AirPictureParams& p, std::vector<const NetworkTrack*>& fresh) {
  while (g.members.size() >= 2) {
    const std::size_t n = g.members.size();
    std::vector<int> conflicts(n, 0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i + 1; j < n; ++j)
        if (chi2(*g.members[i], *g.members[j], p) > p.gate_chi2) ++conflicts[i], ++conflicts[j];
    std::size_t worst = 0;
    for (std::size_t i = 1; i < n; ++i)
      if (conflicts[i] >= conflicts[worst]) worst = i;
    if (conflicts[worst] == 0) return;
    fresh.push_back(g.members[worst]);
    g.members.erase(g.members.begin() + static_cast<std::ptrdiff_t>(worst));
  }
}

// Systems of different battalions that have come together (opened apart, e.g. while one of the
// tracks was young and uncertain) merge into the lower number when their fused estimates pass the
// gate and so does every pair of their members. In number order: each system takes the first such
// system after it, again until there is none, then the next system's turn. Only the systems within
// the gate's reach in x are looked at.
void merge_groups(std::map<int, Group>& groups, const AirPictureParams& p, std::vector<std::pair<int, int>>& merges) {
  std::vector<Group*> order;
  std::vector<const NetworkTrack*> estimates;
  for (auto& [id, g] : groups) {
    order.push_back(&g);
    estimates.push_back(&g.fused);
  }
  const XWindow window(estimates, p);   // copies the estimates as they are before any merge
  std::vector<char> alive(order.size(), 1);
  for (std::size_t a = 0; a < order.size(); ++a) {
    if (!alive[a]) continue;
    Group& ga = *order[a];
    for (bool merged = true; merged;) {
      merged = false;
      for (int bi : window.near(ga.fused)) {   // in number order
        const auto b = static_cast<std::size_t>(bi);
        if (b <= a || !alive[b]) continue;
        Group& gb = *order[b];
        const bool shared = std::any_of(gb.members.begin(), gb.members.end(), [&](const NetworkTrack* m) { return has_battalion(ga, m->battalion); });
        if (shared || chi2(ga.fused, gb.fused, p) > p.gate_chi2) continue;
        if (!std::all_of(gb.members.begin(), gb.members.end(), [&](const NetworkTrack* m) { return consistent(*m, ga, p); })) continue;
        std::vector<const NetworkTrack*> all = ga.members;
        all.insert(all.end(), gb.members.begin(), gb.members.end());
        std::sort(all.begin(), all.end(), key_less);
        ga.members = std::move(all);
        fuse(ga);
        merges.emplace_back(gb.id, ga.id);
        alive[b] = 0;
        merged = true;
        break;
      }
    }
  }
  for (std::size_t i = 0; i < order.size(); ++i)
    if (!alive[i]) {
      const int id = order[i]->id;   // a copy: the key inside the node erased
      groups.erase(id);
    }
}

}  // namespace

void AirPicture::update(const std::vector<NetworkTrack>& unordered) {
  // In (battalion, track number) order, whatever order the trackers keep their tracks in.
  std::vector<NetworkTrack> tracks;
  const double max_var = params_.report_max_sigma_m * params_.report_max_sigma_m;
  for (const NetworkTrack& t : unordered)
    if (t.engaged || t.pos_cov.trace() / 3.0 <= max_var) tracks.push_back(t);
  std::sort(tracks.begin(), tracks.end(), [](const NetworkTrack& a, const NetworkTrack& b) {
    return std::make_pair(a.battalion, a.track_id) < std::make_pair(b.battalion, b.track_id);
  });
  // System tracks as they stand, each pruned to members that pass the gate pairwise.
  std::map<int, Group> groups;
  std::vector<const NetworkTrack*> fresh;
  for (const NetworkTrack& t : tracks) {
    const auto it = system_of_.find({t.battalion, t.track_id});
    if (it == system_of_.end()) {
      fresh.push_back(&t);
      continue;
    }
    Group& g = groups[it->second];
    g.id = it->second;
    g.members.push_back(&t);
  }
  for (auto& [id, g] : groups) {
    prune(g, params_, fresh);
    fuse(g);
  }
  // Fresh tracks, battalion by battalion, join a system track that has no member of their own
  // battalion and all of whose members they pass the gate with, by exact assignment on the
  // chi-square distance to the system's fused estimate; the others open new system tracks (which
  // later battalions' tracks may join).
  std::sort(fresh.begin(), fresh.end(), key_less);
  for (std::size_t lo = 0; lo < fresh.size();) {
    std::size_t hi = lo;
    while (hi < fresh.size() && fresh[hi]->battalion == fresh[lo]->battalion) ++hi;
    const int battalion = fresh[lo]->battalion;
    std::vector<Group*> open;
    std::vector<const NetworkTrack*> estimates;
    for (auto& [id, g] : groups)
      if (!has_battalion(g, battalion)) {
        open.push_back(&g);
        estimates.push_back(&g.fused);
      }
    const XWindow window(estimates, params_);
    std::vector<SparseRow> rows(hi - lo);
    for (std::size_t f = lo; f < hi; ++f)
      for (int k : window.near(*fresh[f])) {
        const Group& g = *open[static_cast<std::size_t>(k)];
        const double d = chi2(*fresh[f], g.fused, params_);
        if (d <= params_.gate_chi2 && consistent(*fresh[f], g, params_)) rows[f - lo].emplace_back(k, d);
      }
    const std::vector<int> match = assign(static_cast<int>(open.size()), rows);
    std::vector<Group*> changed;
    for (std::size_t f = lo; f < hi; ++f) {
      if (match[f - lo] >= 0) {
        Group& g = *open[static_cast<std::size_t>(match[f - lo])];
        g.members.insert(std::upper_bound(g.members.begin(), g.members.end(), fresh[f], key_less), fresh[f]);
        changed.push_back(&g);
      } else {
        Group& g = groups[next_system_];
        g.id = next_system_++;
        g.members.push_back(fresh[f]);
        changed.push_back(&g);
      }
    }
    for (Group* g : changed) fuse(*g);
    lo = hi;
  }
  merges_.clear();
  merge_groups(groups, params_, merges_);
  system_of_.clear();
  systems_.clear();
  for (const auto& [id, g] : groups) {
    SystemTrack s;
    s.id = id;
    for (const NetworkTrack* m : g.members) {
      s.members.emplace_back(m->battalion, m->track_id);
      system_of_[{m->battalion, m->track_id}] = id;
    }
    s.pos_ecef = g.fused.pos_ecef;
    s.pos_cov = g.fused.pos_cov;
    systems_.push_back(std::move(s));
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
