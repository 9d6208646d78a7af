// The tracker's two merge rules (see tracker.hpp): a track re-initiated on an older track's object
// (tracking/reinitiation.hpp) and two tracks fed alternately by one object (tracking/
// duplicate_evidence.hpp). Both keep the older number, with the fresher estimate.
#include <algorithm>
#include <bit>
#include <limits>

#include "tracking/gating.hpp"
#include "tracking/reinitiation.hpp"
#include "tracking/tracker.hpp"

namespace skyshield {

std::vector<int> Tracker::merge_duplicates(const std::vector<int>& confirmed_now, double t) {   // indices
  std::vector<int> merged_away;
  if (confirmed_now.empty()) return merged_away;  // most batches: no track confirmed, nothing to index
  auto gone = [&](int id) { return std::find(merged_away.begin(), merged_away.end(), id) != merged_away.end(); };
  // Only a track that lost its target before the fresh one was started on it can be its duplicate:
  // two tracks that have both been updated since are two objects (a swarm). So the candidates are
  // the confirmed tracks not updated at t (in track order), not every track for every fresh one.
  std::vector<int> stale;
  for (int i = 0; i < static_cast<int>(summary_.size()); ++i)
    if (summary_[i].confirmed && summary_[i].last_update_t < t) stale.push_back(i);
  // A fresh track started before every stale track's last update has no candidate (the test below):
  // skipped without the scan, which made a crowd's batch quadratic (thousands fresh x stale).
  double oldest_stale = std::numeric_limits<double>::infinity();
  for (int oi : stale) oldest_stale = std::min(oldest_stale, tracks_[oi].last_update_t);
  for (int fi : confirmed_now) {
    Track* fresh = &tracks_[fi];
    const int id = fresh->id;
    if (fresh->first_t < oldest_stale) continue;
    if (gone(id)) continue;
    for (int oi : stale) {
      Track& other = tracks_[oi];
      if (other.id == id || other.status != TrackStatus::Confirmed || gone(other.id)) continue;
      // The gap: the older track had not yet missed K looks in a row at the fresh one's first detection.
      if (!reinitiation_gap_plausible(other.last_update_t, other.lost_t, fresh->first_t)) continue;
      // Predicted to t once per version of the track (remembered across the batches at t).
      const Prediction o = prediction(other, t);
      if (position_distance2(fresh->position(), fresh->P.topLeftCorner<3, 3>(), o.pos, o.P_pp, params_.merge_min_sigma_m) >
          params_.gate_chi2)
        continue;
      // Same object: the older number survives with the fresher estimate.
      if (other.id < id) {
        Track kept = *fresh;
        kept.id = other.id;
        kept.first_t = other.first_t;
        other = kept;
        refresh(static_cast<std::size_t>(oi));
        merged_away.push_back(id);
        events_.push_back({TrackEvent::Kind::Merged, id, t, other.id, TrackEvent::MergeRule::StaleTrack});
      } else {
        merged_away.push_back(other.id);
        events_.push_back({TrackEvent::Kind::Merged, other.id, t, id, TrackEvent::MergeRule::StaleTrack});
      }
      break;
    }
  }
  return merged_away;
}

void Tracker::merge_by_evidence(const AssociationResult& assoc, double t, std::vector<int>& merged_away) {
  if (params_.duplicate_false_merge_probability <= 0.0) return;
  // The confirmed tracks this batch covered (a margin candidate only when a detection took it).
  std::vector<DuplicateEvidence::Look>& looks = looks_;
  looks.clear();
  for (std::size_t a = 0; a < cand_.size(); ++a) {
    Track& tr = tracks_[cand_[a]];
    if (tr.status != TrackStatus::Confirmed || tr.t != t) continue;
    const auto& w = assoc.weights[a];
    int detection = -1;
    if (tr.last_update_t == t && !w.empty())
      detection = std::max_element(w.begin(), w.end(), [](const auto& x, const auto& y) { return x.beta < y.beta; })->detection;
    if (detection < 0 && !strictly_[a]) continue;
    // Its hit rate over its last 16 covered looks (this one included), for the pair's Pd.
    const int recent = std::min(tr.looks, 16);
    const int recent_hits = std::popcount(tr.history & ((1u << recent) - 1u));
    // Its gated pairs: assoc.gated_pairs is ordered by candidate, so they are one run of it.
    const auto [from, to] = std::equal_range(assoc.gated_pairs.begin(), assoc.gated_pairs.end(), GatePair{static_cast<int>(a), -1},
                                             [](const GatePair& x, const GatePair& y) { return x.track < y.track; });
    looks.push_back({tr.id, detection, &tr.x, &tr.P, std::span<const GatePair>(from, to), recent_hits, recent});
  }
  for (const auto& [lo, hi] : duplicates_.observe(looks)) {
    const auto gone = [&](int id) { return std::find(merged_away.begin(), merged_away.end(), id) != merged_away.end(); };
    if (gone(lo) || gone(hi)) continue;
    const int keep = index_of(lo), drop = index_of(hi);
    if (keep < 0 || drop < 0) continue;
    // The older number holds the object on, with the fresher estimate.
    if (tracks_[drop].last_update_t > tracks_[keep].last_update_t) {
      Track kept = tracks_[drop];
      kept.id = lo;
      kept.first_t = tracks_[keep].first_t;
      tracks_[keep] = std::move(kept);
      refresh(static_cast<std::size_t>(keep));
    }
    merged_away.push_back(hi);
    duplicates_.forget(hi);
    events_.push_back({TrackEvent::Kind::Merged, hi, t, lo, TrackEvent::MergeRule::Evidence});
  }
  for (const DuplicateEvidence::Look& l : looks)
    if (const int i = index_of(l.id); i >= 0) tracks_[i].duplicate_of = duplicates_.suspect_of(l.id);
}

}  // namespace skyshield
