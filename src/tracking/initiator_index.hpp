#pragma once
// The two-point initiators (tracking/track_initiation.hpp) laid out for the scans a batch makes of
// them, so that it visits only the few it can touch instead of walking the whole list. Internal to
// the tracker; speed only: a batch does with the initiators the index returns exactly what it did
// scanning the whole list.
//  - Their positions, covariance traces and times in flat arrays: near() tests the pairing gate's
//    quick reject (two_point_distance2) for every initiator and detection in one tight loop the
//    compiler vectorises, and returns those that pass it (and, rounding aside, no others).
//  - Per sweeping radar, a heap of the initiators by the time before which that radar's sweep
//    cannot reach them (Initiator::reach_t, tracking/sweep_reach.hpp): due() pops those a batch
//    ending at t1 may reach.
// The indices are those of the tracker's initiator list; rebuilt when that list is compacted.
#include <utility>
#include <vector>

#include "core/vec.hpp"

namespace skyshield {

class InitiatorIndex {
 public:
  explicit InitiatorIndex(int radars = 4);
  // Empties the index (the list was compacted; add every initiator again).
  void clear();
  // The next initiator (index size()), detected at z at time t with position covariance trace
  // trace_r, and per radar the sweep-reach time reach_t[0..radars) (Initiator::kNoReach: unknown).
  void add(const Vec3& z, double t, double trace_r, const double* reach_t);
  std::size_t size() const { return t_.size(); }
  // Appends to out, in increasing order, every initiator k that some detection j (at p[j], position
  // covariance trace trace_p[j]) at time t does not surely reject: |p_j - z_k|^2 <= gate (tr_k +
  // tr_j + spread(t - t_k)), spread from pair_spread (tracking/track_initiation.hpp) with sigma_v and
  // cv_q. The bound is widened by a part in 10^9 for rounding, so the caller's exact test keeps the
  // last word. Used initiators are returned too.
  void near(const std::vector<Vec3>& p, const std::vector<double>& trace_p, double t, double gate, double sigma_v, double cv_q,
            std::vector<int>& out);
  // Pops into out the initiators of `radar`'s heap whose reach time is not after t1.
  void due(int radar, double t1, std::vector<int>& out);
  // Puts initiator k back on `radar`'s heap with reach time reach_t (after due() popped it).
  void again(int radar, int k, double reach_t);

 private:
  std::vector<double> x_, y_, z_, trace_, t_;   // per initiator
  std::vector<double> bound_;                   // near(): gate (tr_k + spread_k), per initiator
  std::vector<double> excess_;                  // near(): least |d|^2 - widened bound, per initiator
  std::vector<std::vector<std::pair<double, int>>> heaps_;   // min-heaps by reach time
};

}  // namespace skyshield
